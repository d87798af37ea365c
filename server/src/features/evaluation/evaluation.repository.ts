import type { Executor } from '../../db/database.js';
import { fromJson, toBool } from '../../db/portable.js';
import type { Database } from '../../db/schema.js';

/** All SQL of the process evaluation. Every function takes the database or a transaction. */

export type StudyRow = Database['evaluationStudies'];

export async function findStudy(db: Executor, id: string) {
  return db.selectFrom('evaluationStudies').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function isMember(db: Executor, studyId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('evaluationStudyMembers')
    .select('userId')
    .where('studyId', '=', studyId)
    .where('userId', '=', userId)
    .executeTakeFirst();
  return !!row;
}

export async function listStudies(db: Executor, userId: string, all: boolean) {
  let q = db
    .selectFrom('evaluationStudies as s')
    .leftJoin('evaluationStudyMembers as m', (j) =>
      j.onRef('m.studyId', '=', 's.id').on('m.userId', '=', userId),
    )
    .select([
      's.id',
      's.name',
      's.question',
      's.createdAt',
      's.updatedAt',
      's.version',
      's.isExample',
      'm.userId as memberUserId',
      (eb) =>
        eb
          .selectFrom('evaluationCases as k')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('k.studyId', '=', 's.id')
          .as('caseCount'),
      (eb) =>
        eb
          .selectFrom('evaluationSources as o')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('o.studyId', '=', 's.id')
          .as('sourceCount'),
      (eb) =>
        eb
          .selectFrom('evaluationStudyMembers as c')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('c.studyId', '=', 's.id')
          .as('memberCount'),
    ]);
  if (!all) q = q.where('m.userId', 'is not', null);
  const rows = await q.orderBy('s.name').orderBy('s.id').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    question: r.question,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
    memberCount: Number(r.memberCount ?? 0),
    isMember: r.memberUserId !== null,
    caseCount: Number(r.caseCount ?? 0),
    sourceCount: Number(r.sourceCount ?? 0),
    isExample: toBool(r.isExample),
  }));
}

export async function listMembers(db: Executor, studyId: string) {
  return db
    .selectFrom('evaluationStudyMembers as m')
    .innerJoin('users as u', 'u.id', 'm.userId')
    .select(['u.id as userId', 'u.name', 'u.email'])
    .where('m.studyId', '=', studyId)
    .orderBy('u.name')
    .orderBy('u.id')
    .execute();
}

export async function replaceMembers(db: Executor, studyId: string, userIds: string[], now: string) {
  await db.deleteFrom('evaluationStudyMembers').where('studyId', '=', studyId).execute();
  if (userIds.length === 0) return;
  await db
    .insertInto('evaluationStudyMembers')
    .values(userIds.map((userId) => ({ studyId, userId, addedAt: now })))
    .execute();
}

/** Users who may be on a team: administrators and evaluators, with their other roles. */
export async function evaluatorInfo(db: Executor, userIds: string[]) {
  if (userIds.length === 0) return [];
  const users = await db
    .selectFrom('users')
    .select(['id', 'isAdmin', 'disabledAt'])
    .where('id', 'in', userIds)
    .execute();
  const grants = await db
    .selectFrom('roleGrants')
    .select(['userId', 'role'])
    .where('userId', 'in', userIds)
    .execute();
  return users.map((u) => ({
    id: u.id,
    isAdmin: toBool(u.isAdmin),
    disabled: u.disabledAt !== null,
    roles: grants.filter((g) => g.userId === u.id).map((g) => g.role),
  }));
}

// ---------- cases ----------
export const listCases = (db: Executor, studyId: string) =>
  db
    .selectFrom('evaluationCases')
    .selectAll()
    .where('studyId', '=', studyId)
    .orderBy('sortOrder')
    .orderBy('name')
    .orderBy('id')
    .execute();

export const findCase = (db: Executor, studyId: string, id: string) =>
  db
    .selectFrom('evaluationCases')
    .selectAll()
    .where('studyId', '=', studyId)
    .where('id', '=', id)
    .executeTakeFirst();

// ---------- data collections ----------
export const listCollections = (db: Executor, studyId: string) =>
  db
    .selectFrom('evaluationDataCollections')
    .selectAll()
    .where('studyId', '=', studyId)
    .orderBy('date')
    .orderBy('title')
    .orderBy('id')
    .execute();

export const findCollection = (db: Executor, studyId: string, id: string) =>
  db
    .selectFrom('evaluationDataCollections')
    .selectAll()
    .where('studyId', '=', studyId)
    .where('id', '=', id)
    .executeTakeFirst();

export function collectionOut(r: Database['evaluationDataCollections']) {
  return {
    id: r.id,
    caseId: r.caseId,
    kind: r.kind as 'interview',
    title: r.title,
    date: r.date,
    participants: fromJson<Record<string, number>>(r.participantsJson) ?? {},
    consentRecorded: toBool(r.consentRecorded),
    consentNote: r.consentNote,
    version: r.version,
  };
}

// ---------- sources ----------
const SOURCE_SUMMARY = [
  'id',
  'studyId',
  'kind',
  'name',
  'description',
  'caseId',
  'dataCollectionId',
  'length',
  'filename',
  'encoding',
  'pseudonymisationJson',
  'createdAt',
  'version',
] as const;

export async function listSources(db: Executor, studyId: string) {
  const rows = await db
    .selectFrom('evaluationSources')
    .select(SOURCE_SUMMARY)
    .where('studyId', '=', studyId)
    .orderBy('name')
    .orderBy('id')
    .execute();
  const counts = await codingCounts(db, studyId, 'sourceId');
  return rows.map((r) => sourceOut(r, counts.get(r.id) ?? 0));
}

export const findSourceSummary = (db: Executor, studyId: string, id: string) =>
  db
    .selectFrom('evaluationSources')
    .select(SOURCE_SUMMARY)
    .where('studyId', '=', studyId)
    .where('id', '=', id)
    .executeTakeFirst();

export const findSourceText = (db: Executor, studyId: string, id: string) =>
  db
    .selectFrom('evaluationSources')
    .select(['id', 'text', 'length', 'caseId', 'name'])
    .where('studyId', '=', studyId)
    .where('id', '=', id)
    .executeTakeFirst();

export function sourceOut(
  r: Pick<Database['evaluationSources'], (typeof SOURCE_SUMMARY)[number]>,
  codingCount: number,
) {
  return {
    id: r.id,
    kind: r.kind as 'transcript' | 'document',
    name: r.name,
    description: r.description,
    caseId: r.caseId,
    dataCollectionId: r.dataCollectionId,
    length: r.length,
    filename: r.filename,
    encoding: r.encoding,
    pseudonymisation: fromJson<{ names: number; replacements: number; cprNumbers: number }>(
      r.pseudonymisationJson,
    ),
    codingCount,
    createdAt: r.createdAt,
    version: r.version,
  };
}

async function codingCounts(db: Executor, studyId: string, by: 'sourceId' | 'codeId') {
  const rows = await db
    .selectFrom('evaluationCodings')
    .select([by, (eb) => eb.fn.countAll<number>().as('n')])
    .where('studyId', '=', studyId)
    .groupBy(by)
    .execute();
  return new Map(rows.map((r) => [(r as Record<string, unknown>)[by] as string, Number(r.n)]));
}

// ---------- codes ----------
export async function listCodes(db: Executor, studyId: string) {
  const rows = await db
    .selectFrom('evaluationCodes')
    .selectAll()
    .where('studyId', '=', studyId)
    .orderBy('sortOrder')
    .orderBy('name')
    .orderBy('id')
    .execute();
  const counts = await codingCounts(db, studyId, 'codeId');
  return rows.map((r) => codeOut(r, counts.get(r.id) ?? 0));
}

export function codeOut(r: Database['evaluationCodes'], codingCount: number) {
  return {
    id: r.id,
    parentId: r.parentId,
    name: r.name,
    description: r.description,
    color: r.color,
    codable: toBool(r.codable),
    sortOrder: r.sortOrder,
    role: r.role,
    codingCount,
    version: r.version,
  };
}

export const findCode = (db: Executor, studyId: string, id: string) =>
  db
    .selectFrom('evaluationCodes')
    .selectAll()
    .where('studyId', '=', studyId)
    .where('id', '=', id)
    .executeTakeFirst();

export async function nextCodeOrder(db: Executor, studyId: string, parentId: string | null): Promise<number> {
  let q = db
    .selectFrom('evaluationCodes')
    .select((eb) => eb.fn.max<number>('sortOrder').as('m'))
    .where('studyId', '=', studyId);
  q = parentId === null ? q.where('parentId', 'is', null) : q.where('parentId', '=', parentId);
  const r = await q.executeTakeFirst();
  return r?.m === null || r?.m === undefined ? 0 : Number(r.m) + 1;
}

// ---------- codings ----------
export interface CodingFilter {
  sourceId?: string;
  codeIds?: string[];
  caseId?: string;
  sourceIds?: string[];
}

export async function listCodingRows(db: Executor, studyId: string, f: CodingFilter = {}) {
  let q = db
    .selectFrom('evaluationCodings as k')
    .leftJoin('evaluationCoders as c', 'c.id', 'k.coderId')
    .select([
      'k.id',
      'k.sourceId',
      'k.codeId',
      'k.startPos',
      'k.endPos',
      'k.coderId',
      'c.name as coderName',
      'c.userId as coderUserId',
      'k.createdAt',
    ])
    .where('k.studyId', '=', studyId);
  if (f.sourceId) q = q.where('k.sourceId', '=', f.sourceId);
  if (f.codeIds) q = f.codeIds.length ? q.where('k.codeId', 'in', f.codeIds) : q.where('k.id', '=', '');
  if (f.sourceIds)
    q = f.sourceIds.length ? q.where('k.sourceId', 'in', f.sourceIds) : q.where('k.id', '=', '');
  return q.orderBy('k.sourceId').orderBy('k.startPos').orderBy('k.endPos').orderBy('k.id').execute();
}

export const findCoding = (db: Executor, studyId: string, id: string) =>
  db
    .selectFrom('evaluationCodings')
    .selectAll()
    .where('studyId', '=', studyId)
    .where('id', '=', id)
    .executeTakeFirst();

export const listCoders = (db: Executor, studyId: string) =>
  db
    .selectFrom('evaluationCoders')
    .selectAll()
    .where('studyId', '=', studyId)
    .orderBy('name')
    .orderBy('id')
    .execute();

// ---------- memos and framework ----------
export const listMemos = (db: Executor, studyId: string) =>
  db
    .selectFrom('evaluationMemos')
    .selectAll()
    .where('studyId', '=', studyId)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();

export const findMemo = (db: Executor, studyId: string, id: string) =>
  db
    .selectFrom('evaluationMemos')
    .selectAll()
    .where('studyId', '=', studyId)
    .where('id', '=', id)
    .executeTakeFirst();

export function memoOut(r: Database['evaluationMemos']) {
  return {
    id: r.id,
    targetKind: r.targetKind as 'study',
    targetId: r.targetId,
    title: r.title,
    text: r.text,
    authorId: r.authorId,
    updatedAt: r.updatedAt,
    version: r.version,
  };
}

export const listFrameworkCells = (db: Executor, studyId: string) =>
  db
    .selectFrom('evaluationFrameworkCells')
    .selectAll()
    .where('studyId', '=', studyId)
    .orderBy('caseId')
    .orderBy('themeCodeId')
    .execute();

export function frameworkCellOut(r: Database['evaluationFrameworkCells']) {
  return {
    caseId: r.caseId,
    themeCodeId: r.themeCodeId,
    summary: r.summary,
    quoteCodingIds: fromJson<string[]>(r.quoteCodingIdsJson) ?? [],
    updatedAt: r.updatedAt,
    version: r.version,
  };
}
