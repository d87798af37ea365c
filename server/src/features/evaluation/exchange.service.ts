import type { Db, Executor } from '../../db/database.js';
import { fromBool, newId, nowIso, toBool } from '../../db/portable.js';
import { PositionIndex } from '../../domain/qda/positions.js';
import { AppError } from '../../errors.js';
import type { Principal, RequestContext } from '../../http/context.js';
import type { StudyMemo, StudyModel, StudyCode } from '../../evaluation/model.js';
import { describeSkip } from '../../evaluation/problems.js';
import { exportQdc, exportQdpx } from '../../evaluation/refi-qda-export.js';
import type { ImportReport } from '../../evaluation/refi-qda-import.js';
import { DEFAULT_IMPORT_OPTIONS, importQdc, importQdpx } from '../../evaluation/refi-qda-import.js';
import { recordAudit } from '../audit/audit.service.js';
import { canEvaluate, holdsExcludedRole, requireTeam, teamRefused } from './evaluation.access.js';
import * as repo from './evaluation.repository.js';
import { auditRead, fileRefused, insertStudy } from './evaluation.service.js';

/**
 * A study to and from REFI-QDA (docs/evaluation-exchange.md): the stored study as the model of
 * evaluation/model.ts, written by evaluation/refi-qda-export.ts; an imported model stored with
 * new ids in one transaction, so nothing of a refused or failing file is kept.
 */

/** The stored study as the exchange model (coders are the REFI-QDA users). */
export async function loadStudyModel(db: Executor, studyId: string): Promise<StudyModel> {
  const study = (await repo.findStudy(db, studyId))!;
  const coders = await repo.listCoders(db, studyId);
  const codes = await db.selectFrom('evaluationCodes').selectAll().where('studyId', '=', studyId).execute();
  const cases = await repo.listCases(db, studyId);
  const sources = await db
    .selectFrom('evaluationSources')
    .selectAll()
    .where('studyId', '=', studyId)
    .execute();
  const codings = await repo.listCodingRows(db, studyId);
  const memos = await repo.listMemos(db, studyId);
  const cells = await repo.listFrameworkCells(db, studyId);
  const outMemos: StudyMemo[] = memos.map((m) => ({
    id: m.id,
    kind: 'memo',
    target: (m.targetKind === 'study'
      ? { kind: 'study' }
      : { kind: m.targetKind, id: m.targetId! }) as StudyMemo['target'],
    themeCodeId: null,
    title: m.title,
    text: m.text,
    userId: coders.find((c) => c.userId === m.authorId)?.id ?? null,
    createdAt: m.createdAt,
  }));
  for (const c of cells)
    outMemos.push({
      id: c.id,
      kind: 'framework_summary',
      target: { kind: 'case', id: c.caseId },
      themeCodeId: c.themeCodeId,
      title: 'Framework',
      text: c.summary,
      userId: coders.find((k) => k.userId === c.authorId)?.id ?? null,
      createdAt: c.createdAt,
    });
  return {
    study: { id: study.id, name: study.name, description: study.question, createdAt: study.createdAt },
    users: coders.map((c) => ({ id: c.id, name: c.name })),
    codes: codes.map((c) => ({
      id: c.id,
      parentId: c.parentId,
      name: c.name,
      description: c.description,
      color: c.color,
      codable: toBool(c.codable),
      position: c.sortOrder,
    })),
    cases: cases.map((c) => ({
      id: c.id,
      name: c.name,
      description: c.description,
      subject: c.planId
        ? { kind: 'plan', id: c.planId }
        : c.areaSecretariatId
          ? { kind: 'secretariat', id: c.areaSecretariatId }
          : null,
    })),
    sources: sources.map((s) => ({
      id: s.id,
      caseId: s.caseId,
      name: s.name,
      description: s.description,
      text: s.text,
      createdBy: coders.find((c) => c.userId === s.createdBy)?.id ?? null,
      createdAt: s.createdAt,
    })),
    codings: codings.map((k) => ({
      id: k.id,
      sourceId: k.sourceId,
      codeId: k.codeId,
      start: k.startPos,
      end: k.endPos,
      userId: k.coderId,
      createdAt: k.createdAt,
    })),
    memos: outMemos,
  };
}

const safeName = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'undersoegelse';

/** The study as .qdpx; the export of transcripts and coded text is audited. */
export async function exportStudyQdpx(db: Db, ctx: RequestContext, studyId: string) {
  await requireTeam(db, ctx.principal!, studyId);
  const model = await loadStudyModel(db, studyId);
  const { bytes, warnings } = exportQdpx(model);
  await auditRead(db, ctx, 'evaluation_study', studyId, 'export', {
    format: 'qdpx',
    sources: model.sources.length,
    codings: model.codings.length,
  });
  return { bytes, warnings, filename: `${safeName(model.study.name)}.qdpx` };
}

/** The codebook as .qdc. Throws evaluation_codebook_empty. */
export async function exportStudyQdc(db: Db, ctx: RequestContext, studyId: string) {
  await requireTeam(db, ctx.principal!, studyId);
  const model = await loadStudyModel(db, studyId);
  if (model.codes.length === 0) throw new AppError('evaluation_codebook_empty', 409);
  return { xml: exportQdc(model.codes), filename: `${safeName(model.study.name)}-kodebog.qdc` };
}

function reportOut(studyId: string, report: ImportReport, ctx: RequestContext) {
  return {
    studyId,
    imported: report.imported,
    skipped: report.skipped.map((s) => ({
      kind: s.kind,
      name: s.name,
      reason: s.reason,
      message: describeSkip(s.reason, ctx.locale),
    })),
    warnings: report.warnings,
  };
}

/** Path of names from the top of the codebook, to match codes of a file with a study's own. */
function pathsOf(codes: readonly { id: string; parentId: string | null; name: string }[]) {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const out = new Map<string, string>();
  for (const c of codes) {
    const names: string[] = [];
    const seen = new Set<string>();
    for (
      let x: typeof c | undefined = c;
      x && !seen.has(x.id);
      x = x.parentId ? byId.get(x.parentId) : undefined
    ) {
      seen.add(x.id);
      names.unshift(x.name.trim().toLowerCase());
    }
    out.set(c.id, names.join('\u0000'));
  }
  return out;
}

/**
 * Stores imported codes under new ids; a code whose path of names the study already has is
 * matched to it instead. Returns the id map (file id → stored id) and how many were added.
 */
async function storeCodes(trx: Executor, studyId: string, codes: readonly StudyCode[], now: string) {
  const existing = await trx
    .selectFrom('evaluationCodes')
    .select(['id', 'parentId', 'name', 'sortOrder'])
    .where('studyId', '=', studyId)
    .execute();
  const existingByPath = new Map([...pathsOf(existing)].map(([id, path]) => [path, id]));
  const filePaths = pathsOf(codes);
  const map = new Map<string, string>();
  let added = 0;
  const known = new Set(codes.map((c) => c.id));
  // Parents first, so each insert finds its parent.
  const ordered: StudyCode[] = [];
  const placed = new Set<string>();
  const visit = (c: StudyCode, trail: Set<string>) => {
    if (placed.has(c.id) || trail.has(c.id)) return;
    trail.add(c.id);
    const parent = c.parentId && known.has(c.parentId) ? codes.find((x) => x.id === c.parentId) : undefined;
    if (parent) visit(parent, trail);
    placed.add(c.id);
    ordered.push(c);
  };
  for (const c of codes) visit(c, new Set());
  const base = existing.length ? Math.max(...existing.map((e) => e.sortOrder)) + 1 : 0;
  for (const c of ordered) {
    const match = existingByPath.get(filePaths.get(c.id)!);
    if (match) {
      map.set(c.id, match);
      continue;
    }
    const id = newId();
    map.set(c.id, id);
    const parentId = c.parentId ? (map.get(c.parentId) ?? null) : null;
    await trx
      .insertInto('evaluationCodes')
      .values({
        id,
        studyId,
        parentId,
        name: c.name,
        description: c.description,
        color: c.color,
        codable: fromBool(c.codable),
        sortOrder: existing.length ? base + c.position : c.position,
        role: null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    added++;
  }
  return { map, added };
}

async function storeModel(trx: Executor, actorId: string | null, studyId: string, model: StudyModel) {
  const now = nowIso();
  const coderMap = new Map<string, string>();
  const existingCoders = await repo.listCoders(trx, studyId);
  for (const u of model.users) {
    const same = existingCoders.find((c) => c.userId === null && c.name === u.name);
    if (same) {
      coderMap.set(u.id, same.id);
      continue;
    }
    const id = newId();
    await trx
      .insertInto('evaluationCoders')
      .values({ id, studyId, userId: null, name: u.name, createdAt: now })
      .execute();
    coderMap.set(u.id, id);
  }
  const { map: codeMap } = await storeCodes(trx, studyId, model.codes, now);
  const caseMap = new Map<string, string>();
  const caseBase = (await repo.listCases(trx, studyId)).length;
  for (const [i, c] of model.cases.entries()) {
    const id = newId();
    caseMap.set(c.id, id);
    await trx
      .insertInto('evaluationCases')
      .values({
        id,
        studyId,
        name: c.name,
        description: c.description,
        planId: null,
        areaSecretariatId: null,
        sortOrder: caseBase + i,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
  }
  const sourceMap = new Map<string, string>();
  for (const s of model.sources) {
    const id = newId();
    sourceMap.set(s.id, id);
    await trx
      .insertInto('evaluationSources')
      .values({
        id,
        studyId,
        caseId: s.caseId ? (caseMap.get(s.caseId) ?? null) : null,
        dataCollectionId: null,
        kind: 'transcript',
        name: s.name,
        description: s.description,
        text: s.text,
        length: new PositionIndex(s.text).codePointLength,
        filename: null,
        encoding: 'refi-qda',
        pseudonymisationJson: null,
        createdBy: actorId,
        createdAt: s.createdAt ?? now,
        updatedAt: now,
        version: 1,
      })
      .execute();
  }
  const codingMap = new Map<string, string>();
  const codingRows = model.codings
    .filter((k) => sourceMap.has(k.sourceId) && codeMap.has(k.codeId))
    .map((k) => {
      const id = newId();
      codingMap.set(k.id, id);
      return {
        id,
        studyId,
        sourceId: sourceMap.get(k.sourceId)!,
        codeId: codeMap.get(k.codeId)!,
        startPos: k.start,
        endPos: k.end,
        coderId: k.userId ? (coderMap.get(k.userId) ?? null) : null,
        createdAt: k.createdAt ?? now,
      };
    });
  for (let i = 0; i < codingRows.length; i += 500)
    await trx
      .insertInto('evaluationCodings')
      .values(codingRows.slice(i, i + 500))
      .execute();
  const targetMap: Record<string, Map<string, string>> = {
    code: codeMap,
    source: sourceMap,
    case: caseMap,
    coding: codingMap,
  };
  for (const m of model.memos) {
    const targetId = m.target.kind === 'study' ? null : (targetMap[m.target.kind]!.get(m.target.id) ?? null);
    const themeId = m.themeCodeId ? codeMap.get(m.themeCodeId) : undefined;
    if (m.kind === 'framework_summary' && m.target.kind === 'case' && targetId && themeId) {
      const taken = await trx
        .selectFrom('evaluationFrameworkCells')
        .select('id')
        .where('caseId', '=', targetId)
        .where('themeCodeId', '=', themeId)
        .executeTakeFirst();
      if (!taken) {
        await trx
          .insertInto('evaluationFrameworkCells')
          .values({
            id: newId(),
            studyId,
            caseId: targetId,
            themeCodeId: themeId,
            summary: m.text,
            quoteCodingIdsJson: '[]',
            authorId: actorId,
            createdAt: now,
            updatedAt: now,
            version: 1,
          })
          .execute();
        continue;
      }
    }
    await trx
      .insertInto('evaluationMemos')
      .values({
        id: newId(),
        studyId,
        targetKind: targetId || m.target.kind === 'study' ? m.target.kind : 'study',
        targetId,
        title: m.title.trim() || 'Notat',
        text: m.text,
        authorId: actorId,
        createdAt: m.createdAt ?? now,
        updatedAt: now,
        version: 1,
      })
      .execute();
  }
}

/**
 * Imports a .qdpx: into a new study with the caller on its team (no `studyId`), or added to a
 * study the caller is on the team of. All in one transaction. Throws evaluation_file_refused.
 */
export async function importStudyQdpx(
  db: Db,
  ctx: RequestContext,
  bytes: Uint8Array,
  opts: { studyId?: string; name?: string },
) {
  const p: Principal = ctx.principal!;
  if (opts.studyId) await requireTeam(db, p, opts.studyId);
  else if (!canEvaluate(p) || holdsExcludedRole(p)) throw teamRefused();
  return storeQdpx(db, ctx, bytes, { ...opts, memberIds: [p.userId] }, (trx, studyId) =>
    requireTeam(trx, p, studyId).then(() => undefined),
  );
}

/**
 * Reads a .qdpx and stores it in one transaction: as a new study with `memberIds` as its team, or
 * added to `studyId` (after `check` inside the transaction). The command line calls this as the
 * operator, with no session. Throws evaluation_file_refused, study_not_found.
 */
export async function storeQdpx(
  db: Db,
  ctx: RequestContext,
  bytes: Uint8Array,
  opts: { studyId?: string; name?: string; memberIds: string[] },
  check: (trx: Executor, studyId: string) => Promise<void>,
) {
  const actorId = ctx.principal?.userId ?? null;
  const result = await importQdpx(bytes, { ...DEFAULT_IMPORT_OPTIONS, newId });
  if (!result.ok) throw fileRefused(ctx, result.problem);
  const { model, report } = result;
  return db.transaction().execute(async (trx) => {
    let studyId = opts.studyId;
    if (studyId) await check(trx, studyId);
    else {
      studyId = await insertStudy(trx, actorId, {
        name: (opts.name ?? model.study.name).trim().slice(0, 200) || 'Importeret undersøgelse',
        question: model.study.description,
      });
      await repo.replaceMembers(trx, studyId, opts.memberIds, nowIso());
    }
    await storeModel(trx, actorId, studyId, model);
    await recordAudit(trx, ctx, {
      action: 'import',
      entityType: 'evaluation_study',
      entityId: studyId,
      after: {
        format: 'qdpx',
        imported: report.imported,
        skipped: report.skipped.length,
        newStudy: !opts.studyId,
      },
    });
    return reportOut(studyId, report, ctx);
  });
}

/** Adds a .qdc codebook's codes to a study (codes it already has, by path of names, are kept). */
export async function importStudyQdc(db: Db, ctx: RequestContext, studyId: string, bytes: Uint8Array) {
  const p = ctx.principal!;
  await requireTeam(db, p, studyId);
  return storeQdc(db, ctx, studyId, bytes, (trx) => requireTeam(trx, p, studyId).then(() => undefined));
}

/** Reads a .qdc and adds its codes to a study in one transaction (after `check`). */
export async function storeQdc(
  db: Db,
  ctx: RequestContext,
  studyId: string,
  bytes: Uint8Array,
  check: (trx: Executor) => Promise<void>,
) {
  const result = await importQdc(bytes, { ...DEFAULT_IMPORT_OPTIONS, newId });
  if (!result.ok) throw fileRefused(ctx, result.problem);
  return db.transaction().execute(async (trx) => {
    await check(trx);
    const { added } = await storeCodes(trx, studyId, result.codes, nowIso());
    await recordAudit(trx, ctx, {
      action: 'import',
      entityType: 'evaluation_codebook',
      entityId: studyId,
      after: { format: 'qdc', codes: result.codes.length, added },
    });
    return reportOut(
      studyId,
      { ...result.report, imported: { ...result.report.imported, codes: added } },
      ctx,
    );
  });
}
