import type { z } from 'zod';
import type { ErrorCode, SecretariatOrganisation, SecretariatOrganisationInput } from '@pejling/contracts';
import type { Db, Executor } from '../../db/database.js';
import { fromJson, nowIso, toJson } from '../../db/portable.js';
import { danishCollator } from '../../domain/danish.js';
import { AppError, notFound, type FieldError } from '../../errors.js';
import type { RequestContext } from '../../http/context.js';
import { recordAudit } from '../audit/audit.service.js';

type Input = z.output<typeof SecretariatOrganisationInput>;
type Doc = Omit<Input, 'version'>;

/** Forums whose seats count as the secretariat's steering: where decisions on its money are made. */
const STEERING = new Set(['steeringGroup', 'board']);

type Member = Doc['members'][number];

/** The person records the members link to, by id (people of any plan; the caller checks which). */
async function linkedPeople(db: Executor, members: Member[]) {
  const ids = [...new Set(members.map((m) => m.personId).filter((id): id is string => !!id))];
  const rows = ids.length
    ? await db
        .selectFrom('orgPeople')
        .select(['id', 'planId', 'name', 'organisation'])
        .where('id', 'in', ids)
        .execute()
    : [];
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * A member linked to a person of a plan's organisation takes that person's plan, name and
 * organisation; a link to a person who is gone (or of another plan) is dropped, and the member
 * keeps the name stored with it.
 */
function resolveMember(
  m: Member,
  people: Map<string, { planId: string; name: string; organisation: string | null }>,
) {
  const person = m.personId ? people.get(m.personId) : undefined;
  if (!person || (m.planId && m.planId !== person.planId)) return { ...m, personId: null };
  return {
    ...m,
    planId: person.planId,
    name: person.name,
    organisation: person.organisation ?? m.organisation ?? null,
  };
}

/**
 * An area secretariat's forums, members, staff and functions, and which of the plans it serves
 * have a representative in its steering group: the report found that ownership grows where the
 * plans' representatives help decide how the secretariat's money is used.
 * @throws secretariat_not_found (404)
 */
export async function getSecretariatOrganisation(db: Executor, id: string): Promise<SecretariatOrganisation> {
  const s = await db.selectFrom('areaSecretariats').select('id').where('id', '=', id).executeTakeFirst();
  if (!s) throw notFound('secretariat_not_found');
  const [row, plans] = await Promise.all([
    db
      .selectFrom('secretariatOrganisations')
      .selectAll()
      .where('areaSecretariatId', '=', id)
      .executeTakeFirst(),
    db.selectFrom('plans').select(['id', 'name']).where('areaSecretariatId', '=', id).execute(),
  ]);
  const stored: Doc = fromJson<Doc>(row?.documentJson) ?? {
    forums: [],
    members: [],
    staff: [],
    functions: [],
  };
  const people = await linkedPeople(db, stored.members);
  const doc: Doc = { ...stored, members: stored.members.map((m) => resolveMember(m, people)) };
  const steering = new Set(doc.forums.filter((f) => STEERING.has(f.kind)).map((f) => f.ref));
  const representation = plans
    .sort((a, b) => danishCollator.compare(a.name, b.name))
    .map((p) => {
      const members = doc.members
        .filter((m) => m.planId === p.id && steering.has(m.forumRef))
        .map((m) => m.name);
      return { planId: p.id, planName: p.name, represented: members.length > 0, members };
    });
  const n = representation.filter((r) => r.represented).length;
  const total = representation.length;
  const summary =
    steering.size === 0
      ? {
          da: 'Sekretariatet har ingen registreret styregruppe, så det kan ikke ses, om planerne er med til at styre det.',
          en: 'The secretariat has no registered steering group, so it cannot be seen whether the plans help steer it.',
        }
      : {
          da: `${n} af ${total} helhedsplaner, som sekretariatet betjener, har en repræsentant i dets styregruppe. Rapporten fandt, at ejerskabet vokser, hvor planernes repræsentanter er med til at beslutte, hvordan sekretariatets midler bruges.`,
          en: `${n} of ${total} plans the secretariat serves have a representative in its steering group. The report found that ownership grows where the plans' representatives help decide how the secretariat's money is used.`,
        };
  return {
    areaSecretariatId: id,
    forums: doc.forums.map((f) => ({ ...f, reportsTo: f.reportsTo ?? null })),
    members: doc.members.map((m) => ({
      ...m,
      organisation: m.organisation ?? null,
      planId: m.planId ?? null,
      personId: m.personId ?? null,
    })),
    staff: doc.staff.map((s) => ({ ...s, hoursPerWeek: s.hoursPerWeek ?? null })),
    functions: doc.functions.map((f) => ({ ...f, note: f.note ?? null })),
    representation,
    summary,
    version: row?.version ?? 0,
  };
}

/**
 * Saves the secretariat's organisation whole. @throws secretariat_not_found (404),
 * validation_failed (400: unknown or repeated forum refs, a reporting loop, a member of a plan the
 * secretariat does not serve, a person twice in one forum, a function listed twice), stale_version (409)
 */
export async function saveSecretariatOrganisation(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: Input,
): Promise<SecretariatOrganisation> {
  return db.transaction().execute(async (trx) => {
    const before = await getSecretariatOrganisation(trx, id);
    const problems: FieldError[] = [];
    const add = (path: string, code: ErrorCode, params?: Record<string, unknown>) =>
      problems.push({ path, code, params });
    const refs = new Map<string, (typeof input.forums)[number]>();
    input.forums.forEach((f, i) => {
      if (refs.has(f.ref)) add(`forums.${i}.ref`, 'ref_twice');
      refs.set(f.ref, f);
    });
    input.forums.forEach((f, i) => {
      if (!f.reportsTo) return;
      if (f.reportsTo === f.ref) return add(`forums.${i}.reportsTo`, 'forum_reports_to_itself');
      if (!refs.has(f.reportsTo)) return add(`forums.${i}.reportsTo`, 'forum_ref_unknown');
      const chain = [f.name];
      const seen = new Set<string>();
      for (
        let cur: string | null | undefined = f.reportsTo;
        cur && !seen.has(cur);
        cur = refs.get(cur)?.reportsTo
      ) {
        seen.add(cur);
        chain.push(refs.get(cur)?.name ?? cur);
        if (cur === f.ref)
          return add(`forums.${i}.reportsTo`, 'forum_reporting_loop', { chain: chain.join(' → ') });
      }
    });
    const served = new Set(before.representation.map((r) => r.planId));
    const seats = new Set<string>();
    const people = await linkedPeople(trx, input.members);
    input.members.forEach((m, i) => {
      if (!m.personId) return;
      const person = people.get(m.personId);
      if (!person) add(`members.${i}.personId`, 'person_not_found');
      else if (m.planId && m.planId !== person.planId) add(`members.${i}.personId`, 'person_not_in_plan');
      else if (!served.has(person.planId)) add(`members.${i}.personId`, 'plan_not_served_by_secretariat');
    });
    // Linked members are stored with the person's plan, name and organisation.
    input = { ...input, members: input.members.map((m) => resolveMember(m, people)) };
    input.members.forEach((m, i) => {
      if (!refs.has(m.forumRef)) add(`members.${i}.forumRef`, 'forum_ref_unknown');
      if (m.planId && !served.has(m.planId)) add(`members.${i}.planId`, 'plan_not_served_by_secretariat');
      const key = `${m.forumRef}|${m.name.toLocaleLowerCase('da')}`;
      if (seats.has(key))
        add(`members.${i}.name`, 'person_already_in_forum', {
          person: m.name,
          forum: refs.get(m.forumRef)?.name ?? '',
        });
      seats.add(key);
    });
    const fns = new Set<string>();
    input.functions.forEach((f, i) => {
      if (fns.has(f.function)) add(`functions.${i}.function`, 'function_twice');
      fns.add(f.function);
    });
    if (problems.length) throw new AppError('validation_failed', 400, {}, problems);

    const { version, ...doc } = input;
    const now = nowIso();
    if (version === 0) {
      if (before.version !== 0) throw new AppError('stale_version', 409);
      await trx
        .insertInto('secretariatOrganisations')
        .values({
          areaSecretariatId: id,
          documentJson: toJson(doc)!,
          createdAt: now,
          updatedAt: now,
          version: 1,
        })
        .execute();
    } else {
      const res = await trx
        .updateTable('secretariatOrganisations')
        .set({ documentJson: toJson(doc)!, updatedAt: now, version: version + 1 })
        .where('areaSecretariatId', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) throw new AppError('stale_version', 409);
    }
    const after = await getSecretariatOrganisation(trx, id);
    await recordAudit(trx, ctx, {
      action: version === 0 ? 'create' : 'update',
      entityType: 'secretariat_organisation',
      entityId: id,
      before: version === 0 ? undefined : before,
      after,
    });
    return after;
  });
}
