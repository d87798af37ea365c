import type { z } from 'zod';
import type {
  CaseInput,
  CodeInput,
  CodeUpdate,
  CodingInput,
  CodingUpdate,
  DataCollectionInput,
  FrameworkCellInput,
  MemoInput,
  MemoUpdate,
  ReadPurpose,
  SourceUpdate,
  SourceUpload,
  StudyInput,
  StudyUpdate,
} from '@pejling/contracts';
import type { Db, Executor } from '../../db/database.js';
import { fromBool, newId, nowIso, toJson } from '../../db/portable.js';
import { moveCode, mergeCodes } from '../../domain/qda/codebook.js';
import { PositionIndex, isRangeInside } from '../../domain/qda/positions.js';
import { findSpeakerTurns, pseudonymise } from '../../domain/qda/transcript.js';
import { AppError, conflict, forbidden, invalidField, notFound } from '../../errors.js';
import type { Principal, RequestContext } from '../../http/context.js';
import { describeFileProblem } from '../../evaluation/problems.js';
import { readTranscriptFile } from '../../evaluation/transcript-file.js';
import { recordAudit } from '../audit/audit.service.js';
import { canEvaluate, holdsExcludedRole, requireManager, requireTeam } from './evaluation.access.js';
import * as repo from './evaluation.repository.js';
import { seedCodebook } from './evaluation.seed.js';

type In<T extends z.ZodType> = z.output<T>;

const principalOf = (ctx: RequestContext): Principal => {
  if (!ctx.principal) throw new AppError('unauthenticated', 401);
  return ctx.principal;
};

/** Records a read of transcripts or coded text with its purpose. */
export async function auditRead(
  db: Executor,
  ctx: RequestContext,
  entityType: string,
  entityId: string,
  purpose: ReadPurpose,
  detail: Record<string, unknown> = {},
) {
  await recordAudit(db, ctx, { action: 'read', entityType, entityId, after: { purpose, ...detail } });
}

async function bump(
  trx: Executor,
  table: 'evaluationStudies' | 'evaluationCases' | 'evaluationDataCollections',
  id: string,
  version: number,
  values: Record<string, unknown>,
) {
  const res = await trx
    .updateTable(table as 'evaluationStudies')
    .set({ ...values, updatedAt: nowIso(), version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw conflict('stale_version');
}

// ---------- studies ----------

async function checkMembers(db: Executor, ids: string[]) {
  const info = await repo.evaluatorInfo(db, ids);
  for (const [i, id] of ids.entries()) {
    const u = info.find((x) => x.id === id);
    const ok =
      u &&
      !u.disabled &&
      (u.isAdmin || u.roles.includes('evaluator')) &&
      !u.roles.some((r) => r === 'fund' || r.startsWith('plan_'));
    if (!ok) throw invalidField(`memberIds.${i}`, 'evaluation_member_not_evaluator');
  }
}

export async function listStudies(db: Db, p: Principal) {
  const all = p.isAdmin && !holdsExcludedRole(p);
  if (!all && (!canEvaluate(p) || holdsExcludedRole(p))) return { items: [] };
  return { items: await repo.listStudies(db, p.userId, all) };
}

async function studyDetail(db: Executor, p: Principal, studyId: string) {
  const all = await repo.listStudies(db, p.userId, true);
  const s = all.find((x) => x.id === studyId);
  if (!s) throw notFound('study_not_found');
  return { ...s, members: await repo.listMembers(db, studyId) };
}

/** Reads a study with its team (names are personal data: audited). Throws study_not_found, evaluation_not_on_team. */
export async function getStudy(db: Db, ctx: RequestContext, studyId: string) {
  const p = principalOf(ctx);
  await requireManager(db, p, studyId);
  const out = await studyDetail(db, p, studyId);
  await recordAudit(db, ctx, { action: 'read', entityType: 'evaluation_study', entityId: studyId });
  return out;
}

/**
 * Starts a study with the caller on its team and the seeded codebook. Throws forbidden (not an
 * administrator or evaluator), evaluation_member_not_evaluator.
 */
export async function createStudy(db: Db, ctx: RequestContext, input: In<typeof StudyInput>) {
  const p = principalOf(ctx);
  if (!canEvaluate(p) || holdsExcludedRole(p)) throw forbidden();
  const memberIds = [...new Set([p.userId, ...input.memberIds])];
  return db.transaction().execute(async (trx) => {
    await checkMembers(trx, memberIds);
    const id = await insertStudy(trx, p.userId, { name: input.name, question: input.question });
    await repo.replaceMembers(trx, id, memberIds, nowIso());
    if (input.seedCodebook) await seedCodebook(trx, id, input.poolId ?? null);
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'evaluation_study',
      entityId: id,
      after: { name: input.name, memberIds },
    });
    return studyDetail(trx, p, id);
  });
}

export async function insertStudy(
  trx: Executor,
  userId: string | null,
  s: { name: string; question: string | null },
): Promise<string> {
  const id = newId();
  const now = nowIso();
  await trx
    .insertInto('evaluationStudies')
    .values({
      id,
      name: s.name,
      question: s.question,
      createdBy: userId,
      createdAt: now,
      updatedAt: now,
      version: 1,
    })
    .execute();
  return id;
}

export async function updateStudy(
  db: Db,
  ctx: RequestContext,
  studyId: string,
  input: In<typeof StudyUpdate>,
) {
  const p = principalOf(ctx);
  return db.transaction().execute(async (trx) => {
    const before = await requireManager(trx, p, studyId);
    const memberIds = [...new Set(input.memberIds)];
    const wasMember = await repo.isMember(trx, studyId, p.userId);
    if (wasMember && !memberIds.includes(p.userId) && !p.isAdmin)
      throw invalidField('memberIds', 'evaluation_cannot_leave_team');
    await checkMembers(trx, memberIds);
    await bump(trx, 'evaluationStudies', studyId, input.version, {
      name: input.name,
      question: input.question,
    });
    const oldMembers = (await repo.listMembers(trx, studyId)).map((m) => m.userId);
    await repo.replaceMembers(trx, studyId, memberIds, nowIso());
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'evaluation_study',
      entityId: studyId,
      before: { name: before.name, question: before.question, memberIds: oldMembers },
      after: { name: input.name, question: input.question, memberIds },
    });
    return studyDetail(trx, p, studyId);
  });
}

export async function deleteStudy(db: Db, ctx: RequestContext, studyId: string) {
  const p = principalOf(ctx);
  await db.transaction().execute(async (trx) => {
    const before = await requireManager(trx, p, studyId);
    await trx.deleteFrom('evaluationStudies').where('id', '=', studyId).execute();
    await recordAudit(trx, ctx, {
      action: 'delete',
      entityType: 'evaluation_study',
      entityId: studyId,
      before: { name: before.name },
    });
  });
}

// ---------- cases ----------

async function checkCaseSubject(trx: Executor, input: In<typeof CaseInput>) {
  if (input.planId && input.areaSecretariatId)
    throw invalidField('areaSecretariatId', 'evaluation_case_subject_both');
  if (input.planId) {
    const plan = await trx.selectFrom('plans').select('id').where('id', '=', input.planId).executeTakeFirst();
    if (!plan) throw invalidField('planId', 'plan_not_found');
  }
  if (input.areaSecretariatId) {
    const s = await trx
      .selectFrom('areaSecretariats')
      .select('id')
      .where('id', '=', input.areaSecretariatId)
      .executeTakeFirst();
    if (!s) throw invalidField('areaSecretariatId', 'secretariat_not_found');
  }
}

const caseOut = (r: Awaited<ReturnType<typeof repo.listCases>>[number]) => ({
  id: r.id,
  name: r.name,
  description: r.description,
  planId: r.planId,
  areaSecretariatId: r.areaSecretariatId,
  sortOrder: r.sortOrder,
  version: r.version,
});

export async function listCases(db: Db, ctx: RequestContext, studyId: string) {
  await requireTeam(db, principalOf(ctx), studyId);
  return { items: (await repo.listCases(db, studyId)).map(caseOut) };
}

export async function createCase(db: Db, ctx: RequestContext, studyId: string, input: In<typeof CaseInput>) {
  const p = principalOf(ctx);
  return db.transaction().execute(async (trx) => {
    await requireTeam(trx, p, studyId);
    await checkCaseSubject(trx, input);
    const id = newId();
    const now = nowIso();
    const order = (await repo.listCases(trx, studyId)).length;
    await trx
      .insertInto('evaluationCases')
      .values({ id, studyId, ...input, sortOrder: order, createdAt: now, updatedAt: now, version: 1 })
      .execute();
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'evaluation_case',
      entityId: id,
      after: input,
    });
    return caseOut((await repo.findCase(trx, studyId, id))!);
  });
}

export async function updateCase(
  db: Db,
  ctx: RequestContext,
  studyId: string,
  caseId: string,
  input: In<typeof CaseInput> & { version: number },
) {
  const p = principalOf(ctx);
  return db.transaction().execute(async (trx) => {
    await requireTeam(trx, p, studyId);
    const before = await repo.findCase(trx, studyId, caseId);
    if (!before) throw notFound('evaluation_case_not_found');
    await checkCaseSubject(trx, input);
    const { version, ...values } = input;
    await bump(trx, 'evaluationCases', caseId, version, values);
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'evaluation_case',
      entityId: caseId,
      before,
      after: values,
    });
    return caseOut((await repo.findCase(trx, studyId, caseId))!);
  });
}

export async function deleteCase(db: Db, ctx: RequestContext, studyId: string, caseId: string) {
  const p = principalOf(ctx);
  await db.transaction().execute(async (trx) => {
    await requireTeam(trx, p, studyId);
    const before = await repo.findCase(trx, studyId, caseId);
    if (!before) throw notFound('evaluation_case_not_found');
    await trx
      .deleteFrom('evaluationMemos')
      .where('targetKind', '=', 'case')
      .where('targetId', '=', caseId)
      .execute();
    await trx.deleteFrom('evaluationCases').where('id', '=', caseId).execute();
    await recordAudit(trx, ctx, {
      action: 'delete',
      entityType: 'evaluation_case',
      entityId: caseId,
      before,
    });
  });
}

// ---------- data collections ----------

async function checkCaseRef(trx: Executor, studyId: string, caseId: string | null, path = 'caseId') {
  if (caseId && !(await repo.findCase(trx, studyId, caseId)))
    throw invalidField(path, 'evaluation_case_not_found');
}

export async function listCollections(db: Db, ctx: RequestContext, studyId: string) {
  await requireTeam(db, principalOf(ctx), studyId);
  return { items: (await repo.listCollections(db, studyId)).map(repo.collectionOut) };
}

function collectionValues(input: In<typeof DataCollectionInput>) {
  return {
    caseId: input.caseId,
    kind: input.kind,
    title: input.title,
    date: input.date,
    participantsJson: toJson(input.participants) ?? '{}',
    consentRecorded: fromBool(input.consentRecorded),
    consentNote: input.consentNote,
  };
}

export async function createCollection(
  db: Db,
  ctx: RequestContext,
  studyId: string,
  input: In<typeof DataCollectionInput>,
) {
  const p = principalOf(ctx);
  return db.transaction().execute(async (trx) => {
    await requireTeam(trx, p, studyId);
    await checkCaseRef(trx, studyId, input.caseId);
    const id = newId();
    const now = nowIso();
    await trx
      .insertInto('evaluationDataCollections')
      .values({ id, studyId, ...collectionValues(input), createdAt: now, updatedAt: now, version: 1 })
      .execute();
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'evaluation_data_collection',
      entityId: id,
      after: input,
    });
    return repo.collectionOut((await repo.findCollection(trx, studyId, id))!);
  });
}

export async function updateCollection(
  db: Db,
  ctx: RequestContext,
  studyId: string,
  collectionId: string,
  input: In<typeof DataCollectionInput> & { version: number },
) {
  const p = principalOf(ctx);
  return db.transaction().execute(async (trx) => {
    await requireTeam(trx, p, studyId);
    const before = await repo.findCollection(trx, studyId, collectionId);
    if (!before) throw notFound('evaluation_collection_not_found');
    await checkCaseRef(trx, studyId, input.caseId);
    await bump(trx, 'evaluationDataCollections', collectionId, input.version, collectionValues(input));
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'evaluation_data_collection',
      entityId: collectionId,
      before: repo.collectionOut(before),
      after: input,
    });
    return repo.collectionOut((await repo.findCollection(trx, studyId, collectionId))!);
  });
}

export async function deleteCollection(db: Db, ctx: RequestContext, studyId: string, collectionId: string) {
  const p = principalOf(ctx);
  await db.transaction().execute(async (trx) => {
    await requireTeam(trx, p, studyId);
    const before = await repo.findCollection(trx, studyId, collectionId);
    if (!before) throw notFound('evaluation_collection_not_found');
    await trx.deleteFrom('evaluationDataCollections').where('id', '=', collectionId).execute();
    await recordAudit(trx, ctx, {
      action: 'delete',
      entityType: 'evaluation_data_collection',
      entityId: collectionId,
      before: repo.collectionOut(before),
    });
  });
}

// ---------- sources ----------

export async function listSources(db: Db, ctx: RequestContext, studyId: string) {
  await requireTeam(db, principalOf(ctx), studyId);
  return { items: await repo.listSources(db, studyId) };
}

function decodeBase64(s: string): Buffer {
  const clean = s.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1)
    throw invalidField('contentBase64', 'evaluation_not_base64');
  return Buffer.from(clean, 'base64');
}

/** A refused evaluation file as a 400 (413 when too large) naming the reason in the caller's language. */
export function fileRefused(ctx: RequestContext, problem: Parameters<typeof describeFileProblem>[0]) {
  return new AppError('evaluation_file_refused', problem.code === 'file_too_large' ? 413 : 400, {
    reason: describeFileProblem(problem, ctx.locale),
    problem: problem.code,
  });
}

/**
 * Stores a transcript or document: decoded (.txt or .docx), normalised (NFC, LF), names replaced
 * by pseudonyms and CPR-like numbers by a placeholder before anything is stored. Only the counts
 * of replacements are kept. Throws evaluation_file_refused, evaluation_case_not_found.
 */
export async function uploadSource(
  db: Db,
  ctx: RequestContext,
  studyId: string,
  input: In<typeof SourceUpload>,
) {
  const p = principalOf(ctx);
  await requireTeam(db, p, studyId);
  const bytes = decodeBase64(input.contentBase64);
  const read = await readTranscriptFile({ bytes, filename: input.filename });
  if (!read.ok) throw fileRefused(ctx, read.problem);
  const { text, report } = pseudonymise(read.text, input.pseudonyms);
  const counts = {
    names: input.pseudonyms.length,
    replacements: report.names.reduce((n, e) => n + e.count, 0),
    cprNumbers: report.cprNumbers,
  };
  return db.transaction().execute(async (trx) => {
    await requireTeam(trx, p, studyId);
    await checkCaseRef(trx, studyId, input.caseId);
    if (input.dataCollectionId && !(await repo.findCollection(trx, studyId, input.dataCollectionId)))
      throw invalidField('dataCollectionId', 'evaluation_collection_not_found');
    const id = newId();
    const now = nowIso();
    const name = input.name ?? input.filename.replace(/\.[^.]+$/, '');
    await trx
      .insertInto('evaluationSources')
      .values({
        id,
        studyId,
        caseId: input.caseId,
        dataCollectionId: input.dataCollectionId,
        kind: input.kind,
        name,
        description: input.description,
        text,
        length: new PositionIndex(text).codePointLength,
        filename: input.filename,
        encoding: read.encoding,
        pseudonymisationJson: toJson(counts),
        createdBy: p.userId,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'evaluation_source',
      entityId: id,
      after: { name, filename: input.filename, encoding: read.encoding, pseudonymisation: counts },
    });
    return repo.sourceOut((await repo.findSourceSummary(trx, studyId, id))!, 0);
  });
}

/** The source with its text and speaker turns; the read is audited with its purpose. */
export async function getSource(
  db: Db,
  ctx: RequestContext,
  studyId: string,
  sourceId: string,
  purpose: ReadPurpose = 'coding',
) {
  await requireTeam(db, principalOf(ctx), studyId);
  const summary = await repo.findSourceSummary(db, studyId, sourceId);
  const body = await repo.findSourceText(db, studyId, sourceId);
  if (!summary || !body) throw notFound('evaluation_source_not_found');
  const count = (await repo.listCodingRows(db, studyId, { sourceId })).length;
  await auditRead(db, ctx, 'evaluation_source', sourceId, purpose);
  return {
    ...repo.sourceOut(summary, count),
    text: body.text,
    turns: findSpeakerTurns(body.text).map((t) => ({
      speaker: t.speaker,
      start: t.range.start,
      end: t.range.end,
    })),
  };
}

export async function updateSource(
  db: Db,
  ctx: RequestContext,
  studyId: string,
  sourceId: string,
  input: In<typeof SourceUpdate>,
) {
  const p = principalOf(ctx);
  return db.transaction().execute(async (trx) => {
    await requireTeam(trx, p, studyId);
    const before = await repo.findSourceSummary(trx, studyId, sourceId);
    if (!before) throw notFound('evaluation_source_not_found');
    await checkCaseRef(trx, studyId, input.caseId);
    if (input.dataCollectionId && !(await repo.findCollection(trx, studyId, input.dataCollectionId)))
      throw invalidField('dataCollectionId', 'evaluation_collection_not_found');
    const { version, ...values } = input;
    const res = await trx
      .updateTable('evaluationSources')
      .set({ ...values, updatedAt: nowIso(), version: version + 1 })
      .where('id', '=', sourceId)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw conflict('stale_version');
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'evaluation_source',
      entityId: sourceId,
      before: { name: before.name, caseId: before.caseId, description: before.description },
      after: values,
    });
    const count = (await repo.listCodingRows(trx, studyId, { sourceId })).length;
    return repo.sourceOut((await repo.findSourceSummary(trx, studyId, sourceId))!, count);
  });
}

export async function deleteSource(db: Db, ctx: RequestContext, studyId: string, sourceId: string) {
  const p = principalOf(ctx);
  await db.transaction().execute(async (trx) => {
    await requireTeam(trx, p, studyId);
    const before = await repo.findSourceSummary(trx, studyId, sourceId);
    if (!before) throw notFound('evaluation_source_not_found');
    const codingIds = (await repo.listCodingRows(trx, studyId, { sourceId })).map((c) => c.id);
    if (codingIds.length)
      await trx
        .deleteFrom('evaluationMemos')
        .where('targetKind', '=', 'coding')
        .where('targetId', 'in', codingIds)
        .execute();
    await trx
      .deleteFrom('evaluationMemos')
      .where('targetKind', '=', 'source')
      .where('targetId', '=', sourceId)
      .execute();
    await trx.deleteFrom('evaluationSources').where('id', '=', sourceId).execute();
    await recordAudit(trx, ctx, {
      action: 'delete',
      entityType: 'evaluation_source',
      entityId: sourceId,
      before: { name: before.name, codings: codingIds.length },
    });
  });
}

// ---------- codes ----------

export async function listCodes(db: Db, ctx: RequestContext, studyId: string) {
  await requireTeam(db, principalOf(ctx), studyId);
  return { items: await repo.listCodes(db, studyId) };
}

async function codeWithCount(trx: Executor, studyId: string, codeId: string) {
  const row = await repo.findCode(trx, studyId, codeId);
  if (!row) throw notFound('evaluation_code_not_found');
  const n = (await repo.listCodingRows(trx, studyId, { codeIds: [codeId] })).length;
  return repo.codeOut(row, n);
}

export async function createCode(db: Db, ctx: RequestContext, studyId: string, input: In<typeof CodeInput>) {
  const p = principalOf(ctx);
  return db.transaction().execute(async (trx) => {
    await requireTeam(trx, p, studyId);
    if (input.parentId && !(await repo.findCode(trx, studyId, input.parentId)))
      throw invalidField('parentId', 'evaluation_code_not_found');
    const id = newId();
    const now = nowIso();
    await trx
      .insertInto('evaluationCodes')
      .values({
        id,
        studyId,
        parentId: input.parentId,
        name: input.name,
        description: input.description,
        color: input.color,
        codable: fromBool(input.codable),
        sortOrder: await repo.nextCodeOrder(trx, studyId, input.parentId),
        role: null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'evaluation_code',
      entityId: id,
      after: input,
    });
    return codeWithCount(trx, studyId, id);
  });
}

export async function updateCode(
  db: Db,
  ctx: RequestContext,
  studyId: string,
  codeId: string,
  input: In<typeof CodeUpdate>,
) {
  const p = principalOf(ctx);
  return db.transaction().execute(async (trx) => {
    await requireTeam(trx, p, studyId);
    const before = await repo.findCode(trx, studyId, codeId);
    if (!before) throw notFound('evaluation_code_not_found');
    const { version, ...v } = input;
    const res = await trx
      .updateTable('evaluationCodes')
      .set({
        name: v.name,
        description: v.description,
        color: v.color,
        codable: fromBool(v.codable),
        updatedAt: nowIso(),
        version: version + 1,
      })
      .where('id', '=', codeId)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw conflict('stale_version');
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'evaluation_code',
      entityId: codeId,
      before,
      after: v,
    });
    return codeWithCount(trx, studyId, codeId);
  });
}

/** Deletes an unused leaf code. Throws evaluation_code_has_children, evaluation_code_in_use. */
export async function deleteCode(db: Db, ctx: RequestContext, studyId: string, codeId: string) {
  const p = principalOf(ctx);
  await db.transaction().execute(async (trx) => {
    await requireTeam(trx, p, studyId);
    const before = await codeWithCount(trx, studyId, codeId);
    const children = await trx
      .selectFrom('evaluationCodes')
      .select('id')
      .where('parentId', '=', codeId)
      .execute();
    if (children.length) throw conflict('evaluation_code_has_children', { count: children.length });
    if (before.codingCount) throw conflict('evaluation_code_in_use', { count: before.codingCount });
    await trx
      .deleteFrom('evaluationMemos')
      .where('targetKind', '=', 'code')
      .where('targetId', '=', codeId)
      .execute();
    await trx.deleteFrom('evaluationCodes').where('id', '=', codeId).execute();
    await recordAudit(trx, ctx, {
      action: 'delete',
      entityType: 'evaluation_code',
      entityId: codeId,
      before,
    });
  });
}

/** Moves a code under another (or to the top). Throws evaluation_code_move_refused. */
export async function moveStudyCode(
  db: Db,
  ctx: RequestContext,
  studyId: string,
  codeId: string,
  parentId: string | null,
) {
  const p = principalOf(ctx);
  return db.transaction().execute(async (trx) => {
    await requireTeam(trx, p, studyId);
    const codes = await trx
      .selectFrom('evaluationCodes')
      .select(['id', 'parentId'])
      .where('studyId', '=', studyId)
      .execute();
    const r = moveCode(codes, codeId, parentId);
    if (!r.ok) {
      if (r.reason === 'unknown_code') throw notFound('evaluation_code_not_found');
      if (r.reason === 'unknown_parent') throw invalidField('parentId', 'evaluation_code_not_found');
      throw invalidField('parentId', 'evaluation_code_move_refused');
    }
    const before = codes.find((c) => c.id === codeId)!;
    await trx
      .updateTable('evaluationCodes')
      .set({ parentId, sortOrder: await repo.nextCodeOrder(trx, studyId, parentId), updatedAt: nowIso() })
      .where('id', '=', codeId)
      .execute();
    await trx
      .updateTable('evaluationCodes')
      .set((eb) => ({ version: eb('version', '+', 1) }))
      .where('id', '=', codeId)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'move',
      entityType: 'evaluation_code',
      entityId: codeId,
      before: { parentId: before.parentId },
      after: { parentId },
    });
    return codeWithCount(trx, studyId, codeId);
  });
}

/** Merges a code into another, keeping every coding except exact repeats. */
export async function mergeStudyCode(
  db: Db,
  ctx: RequestContext,
  studyId: string,
  fromId: string,
  intoId: string,
) {
  const p = principalOf(ctx);
  return db.transaction().execute(async (trx) => {
    await requireTeam(trx, p, studyId);
    const codes = await trx
      .selectFrom('evaluationCodes')
      .select(['id', 'parentId'])
      .where('studyId', '=', studyId)
      .execute();
    const rows = await repo.listCodingRows(trx, studyId, { codeIds: [fromId, intoId] });
    const codings = rows.map((c) => ({
      id: c.id,
      sourceId: c.sourceId,
      codeId: c.codeId,
      start: c.startPos,
      end: c.endPos,
      userId: c.coderId,
    }));
    const r = mergeCodes(codes, codings, fromId, intoId);
    if (!r.ok) {
      if (r.reason === 'unknown_code') {
        if (!codes.some((c) => c.id === fromId)) throw notFound('evaluation_code_not_found');
        throw invalidField('intoId', 'evaluation_code_not_found');
      }
      throw invalidField('intoId', 'evaluation_code_move_refused');
    }
    if (r.droppedDuplicates.length)
      await trx.deleteFrom('evaluationCodings').where('id', 'in', r.droppedDuplicates).execute();
    if (r.moved.length)
      await trx.updateTable('evaluationCodings').set({ codeId: intoId }).where('id', 'in', r.moved).execute();
    await trx
      .updateTable('evaluationCodes')
      .set({ parentId: intoId })
      .where('parentId', '=', fromId)
      .execute();
    await trx
      .updateTable('evaluationMemos')
      .set({ targetId: intoId })
      .where('targetKind', '=', 'code')
      .where('targetId', '=', fromId)
      .execute();
    await trx
      .updateTable('evaluationFrameworkCells')
      .set({ themeCodeId: intoId })
      .where('themeCodeId', '=', fromId)
      .where('studyId', '=', studyId)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('evaluationFrameworkCells as o')
              .select('o.id')
              .whereRef('o.caseId', '=', 'evaluationFrameworkCells.caseId')
              .where('o.themeCodeId', '=', intoId),
          ),
        ),
      )
      .execute();
    await trx.deleteFrom('evaluationCodes').where('id', '=', fromId).execute();
    await recordAudit(trx, ctx, {
      action: 'merge',
      entityType: 'evaluation_code',
      entityId: fromId,
      after: { intoId, moved: r.moved.length, droppedDuplicates: r.droppedDuplicates.length },
    });
    return {
      into: await codeWithCount(trx, studyId, intoId),
      moved: r.moved.length,
      droppedDuplicates: r.droppedDuplicates.length,
    };
  });
}

// ---------- codings ----------

/** The caller's coder row in the study, made on first use. */
export async function coderFor(trx: Executor, studyId: string, p: Principal): Promise<string> {
  const row = await trx
    .selectFrom('evaluationCoders')
    .select('id')
    .where('studyId', '=', studyId)
    .where('userId', '=', p.userId)
    .executeTakeFirst();
  if (row) return row.id;
  const id = newId();
  await trx
    .insertInto('evaluationCoders')
    .values({ id, studyId, userId: p.userId, name: p.name, createdAt: nowIso() })
    .execute();
  return id;
}

function codingOut(
  r: Awaited<ReturnType<typeof repo.listCodingRows>>[number],
  text: string,
  index: PositionIndex,
) {
  const inside = r.endPos <= index.codePointLength;
  return {
    id: r.id,
    sourceId: r.sourceId,
    codeId: r.codeId,
    start: r.startPos,
    end: r.endPos,
    coderId: r.coderId,
    coderName: r.coderName,
    text: inside ? text.slice(index.toUtf16(r.startPos), index.toUtf16(r.endPos)) : '',
    createdAt: r.createdAt,
  };
}

/** Codings with their coded text, for one source's rows. */
export async function withText(
  db: Executor,
  studyId: string,
  rows: Awaited<ReturnType<typeof repo.listCodingRows>>,
) {
  const ids = [...new Set(rows.map((r) => r.sourceId))];
  const texts = new Map<string, { text: string; index: PositionIndex }>();
  if (ids.length) {
    const srcs = await db
      .selectFrom('evaluationSources')
      .select(['id', 'text'])
      .where('studyId', '=', studyId)
      .where('id', 'in', ids)
      .execute();
    for (const s of srcs) texts.set(s.id, { text: s.text, index: new PositionIndex(s.text) });
  }
  return rows.map((r) => {
    const t = texts.get(r.sourceId)!;
    return codingOut(r, t.text, t.index);
  });
}

export async function listCodings(
  db: Db,
  ctx: RequestContext,
  studyId: string,
  q: { sourceId?: string; codeId?: string; purpose?: ReadPurpose },
) {
  await requireTeam(db, principalOf(ctx), studyId);
  const rows = await repo.listCodingRows(db, studyId, {
    sourceId: q.sourceId,
    codeIds: q.codeId ? [q.codeId] : undefined,
  });
  const items = await withText(db, studyId, rows);
  await auditRead(db, ctx, 'evaluation_codings', studyId, q.purpose ?? 'coding', {
    sourceId: q.sourceId ?? null,
    codeId: q.codeId ?? null,
    count: items.length,
  });
  return { items };
}

async function checkRange(trx: Executor, studyId: string, sourceId: string, start: number, end: number) {
  const src = await repo.findSourceText(trx, studyId, sourceId);
  if (!src) throw invalidField('sourceId', 'evaluation_source_not_found');
  if (!isRangeInside({ start, end }, src.length))
    throw invalidField('end', 'evaluation_position_outside_text', { start, end, length: src.length });
}

async function checkCodable(trx: Executor, studyId: string, codeId: string, path: string) {
  const code = await repo.findCode(trx, studyId, codeId);
  if (!code) throw invalidField(path, 'evaluation_code_not_found');
  if (!code.codable) throw invalidField(path, 'evaluation_code_not_codable');
}

/** Applies one or more codes to a range (code points) of a source, as the caller. */
export async function createCodings(
  db: Db,
  ctx: RequestContext,
  studyId: string,
  input: In<typeof CodingInput>,
) {
  const p = principalOf(ctx);
  return db.transaction().execute(async (trx) => {
    await requireTeam(trx, p, studyId);
    await checkRange(trx, studyId, input.sourceId, input.start, input.end);
    const codeIds = [...new Set(input.codeIds)];
    for (const [i, id] of codeIds.entries()) await checkCodable(trx, studyId, id, `codeIds.${i}`);
    const coderId = await coderFor(trx, studyId, p);
    const now = nowIso();
    const ids = codeIds.map(() => newId());
    await trx
      .insertInto('evaluationCodings')
      .values(
        codeIds.map((codeId, i) => ({
          id: ids[i]!,
          studyId,
          sourceId: input.sourceId,
          codeId,
          startPos: input.start,
          endPos: input.end,
          coderId,
          createdAt: now,
        })),
      )
      .execute();
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'evaluation_coding',
      entityId: ids[0]!,
      after: { sourceId: input.sourceId, codeIds, start: input.start, end: input.end },
    });
    const rows = (await repo.listCodingRows(trx, studyId, { sourceId: input.sourceId })).filter((r) =>
      ids.includes(r.id),
    );
    return { items: await withText(trx, studyId, rows) };
  });
}

export async function updateCoding(
  db: Db,
  ctx: RequestContext,
  studyId: string,
  codingId: string,
  input: In<typeof CodingUpdate>,
) {
  const p = principalOf(ctx);
  return db.transaction().execute(async (trx) => {
    await requireTeam(trx, p, studyId);
    const before = await repo.findCoding(trx, studyId, codingId);
    if (!before) throw notFound('evaluation_coding_not_found');
    await checkRange(trx, studyId, before.sourceId, input.start, input.end);
    await checkCodable(trx, studyId, input.codeId, 'codeId');
    await trx
      .updateTable('evaluationCodings')
      .set({ codeId: input.codeId, startPos: input.start, endPos: input.end })
      .where('id', '=', codingId)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'evaluation_coding',
      entityId: codingId,
      before: { codeId: before.codeId, start: before.startPos, end: before.endPos },
      after: input,
    });
    const rows = (await repo.listCodingRows(trx, studyId, { sourceId: before.sourceId })).filter(
      (r) => r.id === codingId,
    );
    return (await withText(trx, studyId, rows))[0]!;
  });
}

export async function deleteCoding(db: Db, ctx: RequestContext, studyId: string, codingId: string) {
  const p = principalOf(ctx);
  await db.transaction().execute(async (trx) => {
    await requireTeam(trx, p, studyId);
    const before = await repo.findCoding(trx, studyId, codingId);
    if (!before) throw notFound('evaluation_coding_not_found');
    await trx
      .deleteFrom('evaluationMemos')
      .where('targetKind', '=', 'coding')
      .where('targetId', '=', codingId)
      .execute();
    await trx.deleteFrom('evaluationCodings').where('id', '=', codingId).execute();
    await recordAudit(trx, ctx, {
      action: 'delete',
      entityType: 'evaluation_coding',
      entityId: codingId,
      before: {
        sourceId: before.sourceId,
        codeId: before.codeId,
        start: before.startPos,
        end: before.endPos,
      },
    });
  });
}

export async function listCoders(db: Db, ctx: RequestContext, studyId: string) {
  await requireTeam(db, principalOf(ctx), studyId);
  const coders = await repo.listCoders(db, studyId);
  const rows = await repo.listCodingRows(db, studyId);
  return {
    items: coders.map((c) => ({
      id: c.id,
      name: c.name,
      userId: c.userId,
      codingCount: rows.filter((r) => r.coderId === c.id).length,
    })),
  };
}

// ---------- memos ----------

async function checkMemoTarget(trx: Executor, studyId: string, kind: string, id: string | null) {
  if (kind === 'study') return;
  const table = {
    code: 'evaluationCodes',
    source: 'evaluationSources',
    case: 'evaluationCases',
    coding: 'evaluationCodings',
  }[kind] as 'evaluationCodes';
  const row = id
    ? await trx
        .selectFrom(table)
        .select('id')
        .where('studyId', '=', studyId)
        .where('id', '=', id)
        .executeTakeFirst()
    : undefined;
  if (!row) throw invalidField('targetId', 'evaluation_memo_target_not_found');
}

export async function listMemos(db: Db, ctx: RequestContext, studyId: string) {
  await requireTeam(db, principalOf(ctx), studyId);
  return { items: (await repo.listMemos(db, studyId)).map(repo.memoOut) };
}

export async function createMemo(db: Db, ctx: RequestContext, studyId: string, input: In<typeof MemoInput>) {
  const p = principalOf(ctx);
  return db.transaction().execute(async (trx) => {
    await requireTeam(trx, p, studyId);
    const targetId = input.targetKind === 'study' ? null : input.targetId;
    await checkMemoTarget(trx, studyId, input.targetKind, targetId);
    const id = newId();
    const now = nowIso();
    await trx
      .insertInto('evaluationMemos')
      .values({
        id,
        studyId,
        targetKind: input.targetKind,
        targetId,
        title: input.title,
        text: input.text,
        authorId: p.userId,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'evaluation_memo',
      entityId: id,
      after: { targetKind: input.targetKind, targetId, title: input.title },
    });
    return repo.memoOut((await repo.findMemo(trx, studyId, id))!);
  });
}

export async function updateMemo(
  db: Db,
  ctx: RequestContext,
  studyId: string,
  memoId: string,
  input: In<typeof MemoUpdate>,
) {
  const p = principalOf(ctx);
  return db.transaction().execute(async (trx) => {
    await requireTeam(trx, p, studyId);
    const before = await repo.findMemo(trx, studyId, memoId);
    if (!before) throw notFound('evaluation_memo_not_found');
    const res = await trx
      .updateTable('evaluationMemos')
      .set({ title: input.title, text: input.text, updatedAt: nowIso(), version: input.version + 1 })
      .where('id', '=', memoId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw conflict('stale_version');
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'evaluation_memo',
      entityId: memoId,
      before: { title: before.title },
      after: { title: input.title },
    });
    return repo.memoOut((await repo.findMemo(trx, studyId, memoId))!);
  });
}

export async function deleteMemo(db: Db, ctx: RequestContext, studyId: string, memoId: string) {
  const p = principalOf(ctx);
  await db.transaction().execute(async (trx) => {
    await requireTeam(trx, p, studyId);
    const before = await repo.findMemo(trx, studyId, memoId);
    if (!before) throw notFound('evaluation_memo_not_found');
    await trx.deleteFrom('evaluationMemos').where('id', '=', memoId).execute();
    await recordAudit(trx, ctx, {
      action: 'delete',
      entityType: 'evaluation_memo',
      entityId: memoId,
      before: { title: before.title },
    });
  });
}

// ---------- framework matrix ----------

async function themes(db: Executor, studyId: string) {
  const codes = await repo.listCodes(db, studyId);
  return codes.filter((c) => c.role?.startsWith('theme:')).map((c) => ({ id: c.id, name: c.name }));
}

export async function getFramework(db: Db, ctx: RequestContext, studyId: string) {
  await requireTeam(db, principalOf(ctx), studyId);
  const cases = (await repo.listCases(db, studyId)).map((c) => ({ id: c.id, name: c.name }));
  const cells = (await repo.listFrameworkCells(db, studyId)).map(repo.frameworkCellOut);
  await auditRead(db, ctx, 'evaluation_framework', studyId, 'analysis');
  return { themes: await themes(db, studyId), cases, cells };
}

export async function saveFrameworkCell(
  db: Db,
  ctx: RequestContext,
  studyId: string,
  caseId: string,
  themeCodeId: string,
  input: In<typeof FrameworkCellInput>,
) {
  const p = principalOf(ctx);
  return db.transaction().execute(async (trx) => {
    await requireTeam(trx, p, studyId);
    if (!(await repo.findCase(trx, studyId, caseId))) throw notFound('evaluation_case_not_found');
    if (!(await repo.findCode(trx, studyId, themeCodeId))) throw notFound('evaluation_code_not_found');
    const quotes = [...new Set(input.quoteCodingIds)];
    for (const [i, id] of quotes.entries())
      if (!(await repo.findCoding(trx, studyId, id)))
        throw invalidField(`quoteCodingIds.${i}`, 'evaluation_coding_not_found');
    const now = nowIso();
    const existing = await trx
      .selectFrom('evaluationFrameworkCells')
      .selectAll()
      .where('caseId', '=', caseId)
      .where('themeCodeId', '=', themeCodeId)
      .executeTakeFirst();
    if (existing) {
      await trx
        .updateTable('evaluationFrameworkCells')
        .set({
          summary: input.summary,
          quoteCodingIdsJson: toJson(quotes) ?? '[]',
          authorId: p.userId,
          updatedAt: now,
          version: existing.version + 1,
        })
        .where('id', '=', existing.id)
        .execute();
    } else {
      await trx
        .insertInto('evaluationFrameworkCells')
        .values({
          id: newId(),
          studyId,
          caseId,
          themeCodeId,
          summary: input.summary,
          quoteCodingIdsJson: toJson(quotes) ?? '[]',
          authorId: p.userId,
          createdAt: now,
          updatedAt: now,
          version: 1,
        })
        .execute();
    }
    await recordAudit(trx, ctx, {
      action: existing ? 'update' : 'create',
      entityType: 'evaluation_framework_cell',
      entityId: existing?.id ?? null,
      after: { caseId, themeCodeId, quotes: quotes.length },
    });
    const row = await trx
      .selectFrom('evaluationFrameworkCells')
      .selectAll()
      .where('caseId', '=', caseId)
      .where('themeCodeId', '=', themeCodeId)
      .executeTakeFirstOrThrow();
    return repo.frameworkCellOut(row);
  });
}
