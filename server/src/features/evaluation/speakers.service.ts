import type { z } from 'zod';
import type { ReadPurpose, SpeakerLinksInput } from '@pejling/contracts';
import type { Db, Executor } from '../../db/database.js';
import { newId, nowIso } from '../../db/portable.js';
import { findSpeakerTurns } from '../../domain/qda/transcript.js';
import { invalidField, notFound } from '../../errors.js';
import type { RequestContext } from '../../http/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { requireTeam } from './evaluation.access.js';
import * as repo from './evaluation.repository.js';
import { auditRead, coderFor } from './evaluation.service.js';

/**
 * A transcript's speakers ("Projektleder A:" at a line's start) linked to participants: each to a
 * respondent group and the case the participant belongs to. Auto-coding codes each linked
 * speaker's turns to a code standing for their case (role case:<id>, under "Cases") and one for
 * their group (role respondent_group:<group>, under "Respondentgrupper"), as NVivo codes a
 * speaker's turns to a case; so a focus group with people from several cases counts each
 * person's words in their own case.
 */

const GROUP_NAMES: Record<string, string> = {
  project_leader: 'Projektleder',
  project_staff: 'Projektmedarbejdere',
  steering_group: 'Styregruppe',
  municipal_partners: 'Kommunale partnere',
  housing_organisation: 'Boligorganisation',
  resident_board: 'Afdelingsbestyrelse',
  other: 'Andre',
};

async function sourceTurns(db: Executor, studyId: string, sourceId: string) {
  const body = await repo.findSourceText(db, studyId, sourceId);
  if (!body) throw notFound('evaluation_source_not_found');
  return findSpeakerTurns(body.text);
}

async function listOut(db: Executor, studyId: string, sourceId: string, codingsAdded: number) {
  const turns = await sourceTurns(db, studyId, sourceId);
  const links = await db
    .selectFrom('evaluationSpeakerLinks')
    .selectAll()
    .where('studyId', '=', studyId)
    .where('sourceId', '=', sourceId)
    .execute();
  const counts = new Map<string, number>();
  for (const t of turns) counts.set(t.speaker, (counts.get(t.speaker) ?? 0) + 1);
  return {
    items: [...counts.entries()].map(([speaker, n]) => {
      const l = links.find((x) => x.speaker === speaker);
      return {
        speaker,
        turns: n,
        respondentGroup: (l?.respondentGroup ?? null) as never,
        caseId: l?.caseId ?? null,
      };
    }),
    codingsAdded,
  };
}

/** The source's speakers with their turns and links. Reads the text: audited with its purpose. */
export async function listSpeakers(
  db: Db,
  ctx: RequestContext,
  studyId: string,
  sourceId: string,
  purpose: ReadPurpose = 'coding',
) {
  await requireTeam(db, ctx.principal!, studyId);
  const out = await listOut(db, studyId, sourceId, 0);
  await auditRead(db, ctx, 'evaluation_source', sourceId, purpose, { speakers: true });
  return out;
}

/** A code with this role in the study, made (under its group code) on first use. */
async function roleCode(
  trx: Executor,
  studyId: string,
  role: string,
  name: string,
  parent: { role: string; name: string },
): Promise<string> {
  const find = (r: string) =>
    trx
      .selectFrom('evaluationCodes')
      .select('id')
      .where('studyId', '=', studyId)
      .where('role', '=', r)
      .executeTakeFirst();
  const existing = await find(role);
  if (existing) return existing.id;
  const now = nowIso();
  const count = async (parentId: string | null) =>
    Number(
      (
        await trx
          .selectFrom('evaluationCodes')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('studyId', '=', studyId)
          .where('parentId', parentId === null ? 'is' : '=', parentId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  let parentId = (await find(parent.role))?.id;
  if (!parentId) {
    parentId = newId();
    await trx
      .insertInto('evaluationCodes')
      .values({
        id: parentId,
        studyId,
        parentId: null,
        name: parent.name,
        description: null,
        color: null,
        codable: 0,
        sortOrder: await count(null),
        role: parent.role,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
  }
  const id = newId();
  await trx
    .insertInto('evaluationCodes')
    .values({
      id,
      studyId,
      parentId,
      name,
      description: null,
      color: null,
      codable: 1,
      sortOrder: await count(parentId),
      role,
      createdAt: now,
      updatedAt: now,
      version: 1,
    })
    .execute();
  return id;
}

/**
 * Replaces the source's speaker links; with autoCode, codes each linked speaker's turns to their
 * case and group (a coding the caller already has on the same range and code is not repeated).
 * Throws evaluation_speaker_not_in_source, evaluation_case_not_found.
 */
export async function saveSpeakers(
  db: Db,
  ctx: RequestContext,
  studyId: string,
  sourceId: string,
  input: z.output<typeof SpeakerLinksInput>,
) {
  const p = ctx.principal!;
  return db.transaction().execute(async (trx) => {
    await requireTeam(trx, p, studyId);
    const turns = await sourceTurns(trx, studyId, sourceId);
    const speakers = new Set(turns.map((t) => t.speaker));
    const cases = await repo.listCases(trx, studyId);
    const seen = new Set<string>();
    for (const [i, l] of input.links.entries()) {
      if (!speakers.has(l.speaker) || seen.has(l.speaker))
        throw invalidField(`links.${i}.speaker`, 'evaluation_speaker_not_in_source');
      seen.add(l.speaker);
      if (l.caseId && !cases.some((c) => c.id === l.caseId))
        throw invalidField(`links.${i}.caseId`, 'evaluation_case_not_found');
    }
    const now = nowIso();
    await trx
      .deleteFrom('evaluationSpeakerLinks')
      .where('studyId', '=', studyId)
      .where('sourceId', '=', sourceId)
      .execute();
    const kept = input.links.filter((l) => l.respondentGroup || l.caseId);
    if (kept.length)
      await trx
        .insertInto('evaluationSpeakerLinks')
        .values(
          kept.map((l) => ({
            id: newId(),
            studyId,
            sourceId,
            speaker: l.speaker,
            respondentGroup: l.respondentGroup,
            caseId: l.caseId,
            createdAt: now,
          })),
        )
        .execute();
    let added = 0;
    if (input.autoCode && kept.length) {
      const coderId = await coderFor(trx, studyId, p);
      const existing = await trx
        .selectFrom('evaluationCodings')
        .select(['codeId', 'startPos', 'endPos'])
        .where('studyId', '=', studyId)
        .where('sourceId', '=', sourceId)
        .where('coderId', '=', coderId)
        .execute();
      const have = new Set(existing.map((e) => `${e.codeId}:${e.startPos}:${e.endPos}`));
      const rows: {
        id: string;
        studyId: string;
        sourceId: string;
        codeId: string;
        startPos: number;
        endPos: number;
        coderId: string;
        createdAt: string;
      }[] = [];
      for (const l of kept) {
        const codeIds: string[] = [];
        if (l.caseId) {
          const c = cases.find((x) => x.id === l.caseId)!;
          codeIds.push(
            await roleCode(trx, studyId, `case:${c.id}`, c.name, { role: 'cases', name: 'Cases' }),
          );
        }
        if (l.respondentGroup)
          codeIds.push(
            await roleCode(
              trx,
              studyId,
              `respondent_group:${l.respondentGroup}`,
              GROUP_NAMES[l.respondentGroup] ?? l.respondentGroup,
              { role: 'respondent_groups', name: 'Respondentgrupper' },
            ),
          );
        for (const t of turns.filter((x) => x.speaker === l.speaker))
          for (const codeId of codeIds) {
            const key = `${codeId}:${t.content.start}:${t.content.end}`;
            if (have.has(key) || t.content.end <= t.content.start) continue;
            have.add(key);
            rows.push({
              id: newId(),
              studyId,
              sourceId,
              codeId,
              startPos: t.content.start,
              endPos: t.content.end,
              coderId,
              createdAt: now,
            });
          }
      }
      if (rows.length) await trx.insertInto('evaluationCodings').values(rows).execute();
      added = rows.length;
    }
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'evaluation_source',
      entityId: sourceId,
      after: {
        speakerLinks: kept.map((l) => ({ respondentGroup: l.respondentGroup, caseId: l.caseId })),
        autoCode: input.autoCode,
        codingsAdded: added,
      },
    });
    return listOut(trx, studyId, sourceId, added);
  });
}
