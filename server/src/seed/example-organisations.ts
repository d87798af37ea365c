import type { Executor } from '../db/database.js';
import { newId, nowIso } from '../db/portable.js';
import { TYPOLOGY_EXAMPLES } from '../domain/typology-examples.js';
import { recordAudit } from '../features/audit/audit.service.js';

const DONE_KEY = 'example_organisations_seeded_at';

/**
 * Gives each example plan of the 13 case areas its invented example organisation from
 * domain/typology-examples.ts (forums, people, seats, staff), once. The plans are example data
 * already; people are role descriptions marked "(eksempel)".
 * @returns how many plans got an organisation
 */
export async function seedExampleOrganisations(trx: Executor): Promise<number> {
  const done = await trx.selectFrom('meta').select('value').where('key', '=', DONE_KEY).executeTakeFirst();
  if (done) return 0;
  const now = nowIso();
  let count = 0;
  for (const ex of TYPOLOGY_EXAMPLES) {
    const plan = await trx
      .selectFrom('plans as p')
      .innerJoin('municipalities as m', 'm.id', 'p.municipalityId')
      .innerJoin('housingOrganisations as h', 'h.id', 'p.housingOrganisationId')
      .select(['p.id', 'm.name as municipalityName', 'h.name as housingOrganisationName'])
      .where('p.name', '=', `Helhedsplan ${ex.area}`)
      .where('p.isExample', '=', 1)
      .executeTakeFirst();
    if (!plan) continue;
    const hasForums = await trx
      .selectFrom('orgForums')
      .select('id')
      .where('planId', '=', plan.id)
      .executeTakeFirst();
    if (hasForums) continue;
    const planId = plan.id;
    const org = ex.organisation;

    const forumIds = new Map(org.forums.map((f) => [f.id, newId()]));
    // Parents first, so that every reporting line points at a stored forum.
    const ordered = [...org.forums].sort((a, b) => depth(a.id) - depth(b.id));
    function depth(id: string, seen = new Set<string>()): number {
      const f = org.forums.find((x) => x.id === id);
      if (!f?.reportsTo || seen.has(id)) return 0;
      seen.add(id);
      return 1 + depth(f.reportsTo, seen);
    }
    for (const f of ordered) {
      await trx
        .insertInto('orgForums')
        .values({
          id: forumIds.get(f.id)!,
          planId,
          kind: f.kind,
          name: f.name ?? f.kind,
          level: f.level,
          makesDecisions: f.makesDecisions ? 1 : 0,
          reportsTo: f.reportsTo ? (forumIds.get(f.reportsTo) ?? null) : null,
          meetingsPerYear: f.meetingsPerYear ?? null,
          mandate: f.mandate ?? null,
          steering: f.steering ?? null,
          createdAt: now,
          updatedAt: now,
          version: 1,
        })
        .execute();
    }

    const people = new Map<string, string>();
    const sideOrganisation = (side: string | null | undefined) =>
      side === 'municipality'
        ? plan.municipalityName
        : side === 'housingOrganisation'
          ? plan.housingOrganisationName
          : null;
    const addPerson = async (name: string, organisation: string | null) => {
      const id = newId();
      await trx
        .insertInto('orgPeople')
        .values({
          id,
          planId,
          name,
          organisation,
          title: null,
          isStaff: 0,
          employer: null,
          hoursPerWeek: null,
          fte: null,
          task: null,
          createdAt: now,
          updatedAt: now,
          version: 1,
        })
        .execute();
      people.set(name, id);
      return id;
    };
    const seats = new Set<string>();
    for (const m of org.members) {
      let name = m.name ?? `Medlem ${people.size + 1} (eksempel)`;
      // Two seats with one role description in one forum are two people.
      for (let n = 2; seats.has(`${m.forumId}|${name}`); n++)
        name = `${(m.name ?? 'Medlem').replace(/ \(eksempel\)$/, '')} ${n} (eksempel)`;
      seats.add(`${m.forumId}|${name}`);
      const personId = people.get(name) ?? (await addPerson(name, sideOrganisation(m.side)));
      await trx
        .insertInto('orgMemberships')
        .values({
          id: newId(),
          planId,
          forumId: forumIds.get(m.forumId)!,
          personId,
          role: m.role,
          represents: m.represents,
          localProfessionalKind: m.localProfessionalKind ?? null,
          side: m.side ?? null,
          createdAt: now,
          updatedAt: now,
          version: 1,
        })
        .execute();
    }
    const staffIds = new Set<string>();
    for (const [i, s] of org.staff.entries()) {
      const base = s.name ?? `Medarbejder ${i + 1} (eksempel)`;
      let name = base;
      // Several staff with one role description are several people.
      for (let n = 2; people.has(name) && staffIds.has(people.get(name)!); n++)
        name = `${base.replace(/ \(eksempel\)$/, '')} ${n} (eksempel)`;
      const personId =
        people.get(name) ??
        (await addPerson(
          name,
          s.employer === 'municipality' ? plan.municipalityName : plan.housingOrganisationName,
        ));
      staffIds.add(personId);
      await trx
        .updateTable('orgPeople')
        .set({
          isStaff: 1,
          employer: s.employer,
          hoursPerWeek: s.hoursPerWeek ?? null,
          fte: s.fte ?? null,
          task: s.task,
        })
        .where('id', '=', personId)
        .execute();
    }
    count++;
  }
  await trx.insertInto('meta').values({ key: DONE_KEY, value: now }).execute();
  if (count)
    await recordAudit(trx, null, {
      action: 'seed_demo',
      entityType: 'system',
      after: { exampleOrganisations: count },
    });
  return count;
}
