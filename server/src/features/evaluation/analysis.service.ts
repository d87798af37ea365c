import type { ReadPurpose } from '@pejling/contracts';
import type { Db } from '../../db/database.js';
import { fromJson } from '../../db/portable.js';
import { agreementTable } from '../../domain/qda/agreement.js';
import { caseCodeMatrix, coOccurrence, descendants, driversAndBarriers } from '../../domain/qda/matrices.js';
import { invalidField } from '../../errors.js';
import type { RequestContext } from '../../http/context.js';
import { requireTeam } from './evaluation.access.js';
import * as repo from './evaluation.repository.js';
import { auditRead, withText } from './evaluation.service.js';

/** Cross-case analysis of a study's codings (rules in domain/qda/matrices.ts and agreement.ts). */

async function basis(db: Db, studyId: string) {
  const cases = await repo.listCases(db, studyId);
  const codes = await repo.listCodes(db, studyId);
  const sources = await db
    .selectFrom('evaluationSources')
    .select(['id', 'caseId', 'name', 'length', 'dataCollectionId'])
    .where('studyId', '=', studyId)
    .execute();
  const rows = await repo.listCodingRows(db, studyId);
  const codings = rows.map((r) => ({
    id: r.id,
    sourceId: r.sourceId,
    codeId: r.codeId,
    start: r.startPos,
    end: r.endPos,
    userId: r.coderId,
  }));
  return { cases, codes, sources, rows, codings };
}

/** Case × code: counts and the codings behind each cell (their text through the codings route). */
export async function matrix(
  db: Db,
  ctx: RequestContext,
  studyId: string,
  q: { aggregate?: 'true' | 'false'; purpose?: ReadPurpose },
) {
  await requireTeam(db, ctx.principal!, studyId);
  const b = await basis(db, studyId);
  const rows = caseCodeMatrix(b.cases, b.codes, b.sources, b.codings, { aggregate: q.aggregate === 'true' });
  await auditRead(db, ctx, 'evaluation_matrix', studyId, q.purpose ?? 'analysis');
  return {
    cases: b.cases.map((c) => ({ id: c.id, name: c.name })),
    codes: b.codes.map((c) => ({ id: c.id, name: c.name, parentId: c.parentId })),
    rows,
  };
}

export async function coOccurrences(db: Db, ctx: RequestContext, studyId: string) {
  await requireTeam(db, ctx.principal!, studyId);
  const b = await basis(db, studyId);
  return {
    items: coOccurrence(b.codes, b.codings).map(({ codeA, codeB, count }) => ({ codeA, codeB, count })),
  };
}

export async function driversBarriers(db: Db, ctx: RequestContext, studyId: string) {
  await requireTeam(db, ctx.principal!, studyId);
  const b = await basis(db, studyId);
  const themes = b.codes.filter((c) => c.role?.startsWith('theme:'));
  const driver = b.codes.find((c) => c.role === 'driver');
  const barrier = b.codes.find((c) => c.role === 'barrier');
  const result =
    driver && barrier
      ? driversAndBarriers({
          cases: b.cases,
          codes: b.codes,
          sources: b.sources,
          codings: b.codings,
          themeCodeIds: themes.map((t) => t.id),
          driverCodeId: driver.id,
          barrierCodeId: barrier.id,
        })
      : [];
  await auditRead(db, ctx, 'evaluation_drivers_barriers', studyId, 'analysis');
  return {
    cases: b.cases.map((c) => ({ id: c.id, name: c.name })),
    themes: result.map((r) => ({
      themeCodeId: r.themeCodeId,
      name: themes.find((t) => t.id === r.themeCodeId)!.name,
      cases: r.cases.map((c) => ({ caseId: c.caseId, drivers: c.cell.drivers, barriers: c.cell.barriers })),
    })),
  };
}

/**
 * Quotes: coded text with filters. A code includes the codes below it; a respondent group keeps
 * sources whose data collection had participants of that group. The search is audited with its
 * criteria.
 */
export async function quotes(
  db: Db,
  ctx: RequestContext,
  studyId: string,
  q: {
    caseId?: string;
    codeId?: string;
    respondentGroup?: string;
    q?: string;
    limit: number;
    purpose?: ReadPurpose;
  },
) {
  await requireTeam(db, ctx.principal!, studyId);
  const b = await basis(db, studyId);
  if (q.codeId && !b.codes.some((c) => c.id === q.codeId))
    throw invalidField('codeId', 'evaluation_code_not_found');
  if (q.caseId && !b.cases.some((c) => c.id === q.caseId))
    throw invalidField('caseId', 'evaluation_case_not_found');
  const codeIds = q.codeId ? descendants(b.codes).get(q.codeId)! : null;
  let sources = b.sources;
  if (q.caseId) sources = sources.filter((s) => s.caseId === q.caseId);
  if (q.respondentGroup) {
    const collections = await repo.listCollections(db, studyId);
    const withGroup = new Set(
      collections
        .filter((c) => (fromJson<Record<string, number>>(c.participantsJson)?.[q.respondentGroup!] ?? 0) > 0)
        .map((c) => c.id),
    );
    sources = sources.filter((s) => s.dataCollectionId && withGroup.has(s.dataCollectionId));
  }
  const sourceIds = new Set(sources.map((s) => s.id));
  const rows = b.rows.filter((r) => sourceIds.has(r.sourceId) && (!codeIds || codeIds.has(r.codeId)));
  let items = await withText(db, studyId, rows);
  if (q.q) {
    const needle = q.q.normalize('NFC').toLocaleLowerCase('da');
    items = items.filter((i) => i.text.toLocaleLowerCase('da').includes(needle));
  }
  const total = items.length;
  const names = new Map(b.sources.map((s) => [s.id, s]));
  const codeNames = new Map(b.codes.map((c) => [c.id, c.name]));
  await auditRead(db, ctx, 'evaluation_quotes', studyId, q.purpose ?? 'analysis', {
    criteria: {
      caseId: q.caseId ?? null,
      codeId: q.codeId ?? null,
      respondentGroup: q.respondentGroup ?? null,
      q: q.q ?? null,
    },
    count: total,
  });
  return {
    total,
    items: items.slice(0, q.limit).map((i) => ({
      ...i,
      sourceName: names.get(i.sourceId)!.name,
      caseId: names.get(i.sourceId)!.caseId,
      codeName: codeNames.get(i.codeId) ?? '',
    })),
  };
}

/** Inter-coder agreement per code on one source between two coders, with where they differ. */
export async function intercoderAgreement(
  db: Db,
  ctx: RequestContext,
  studyId: string,
  q: { sourceId: string; coderA: string; coderB: string; purpose?: ReadPurpose },
) {
  await requireTeam(db, ctx.principal!, studyId);
  const source = await repo.findSourceText(db, studyId, q.sourceId);
  if (!source) throw invalidField('sourceId', 'evaluation_source_not_found');
  const coders = await repo.listCoders(db, studyId);
  if (!coders.some((c) => c.id === q.coderA)) throw invalidField('coderA', 'evaluation_coder_not_found');
  if (!coders.some((c) => c.id === q.coderB)) throw invalidField('coderB', 'evaluation_coder_not_found');
  const rows = await repo.listCodingRows(db, studyId, { sourceId: q.sourceId });
  const table = agreementTable(
    [{ id: source.id, length: source.length }],
    rows.map((r) => ({
      id: r.id,
      sourceId: r.sourceId,
      codeId: r.codeId,
      userId: r.coderId,
      start: r.startPos,
      end: r.endPos,
    })),
    q.coderA,
    q.coderB,
  );
  await auditRead(db, ctx, 'evaluation_agreement', q.sourceId, q.purpose ?? 'analysis', {
    coderA: q.coderA,
    coderB: q.coderB,
  });
  return {
    sourceId: q.sourceId,
    coderA: q.coderA,
    coderB: q.coderB,
    rows: table.map((r) => ({
      codeId: r.codeId,
      percent: r.percent,
      kappa: r.kappa,
      differences: r.differences.map((d) => ({
        start: d.range.start,
        end: d.range.end,
        codedBy: d.codedBy === 'first' ? ('a' as const) : ('b' as const),
      })),
    })),
  };
}
