import type { Forum, Membership, Person } from '@pejling/contracts';
import type { Executor } from '../../db/database.js';
import type { OrgForumsTable, OrgMembershipsTable, OrgPeopleTable } from '../../db/schema/organisation.js';
import { toBool } from '../../db/portable.js';
import { danishCollator } from '../../domain/danish.js';
import type { OrganisationInput } from '../../domain/typology.js';

const LEVEL_ORDER: Record<string, number> = { strategic: 0, tactical: 1, operational: 2 };

export function toForum(r: OrgForumsTable): Forum {
  return {
    id: r.id,
    planId: r.planId,
    kind: r.kind as Forum['kind'],
    name: r.name,
    level: r.level as Forum['level'],
    makesDecisions: toBool(r.makesDecisions),
    reportsTo: r.reportsTo,
    meetingsPerYear: r.meetingsPerYear,
    mandate: r.mandate,
    steering: (r.steering as Forum['steering']) ?? null,
    version: r.version,
  };
}

export function toPerson(r: OrgPeopleTable): Person {
  return {
    id: r.id,
    planId: r.planId,
    name: r.name,
    organisation: r.organisation,
    title: r.title,
    staff: toBool(r.isStaff)
      ? {
          employer: (r.employer as 'housingOrganisation' | 'municipality' | null) ?? null,
          hoursPerWeek: r.hoursPerWeek === null ? null : Number(r.hoursPerWeek),
          fte: r.fte === null ? null : Number(r.fte),
          task: (r.task as 'coordinating' | 'executing' | 'both' | null) ?? null,
        }
      : null,
    version: r.version,
  };
}

export function toMembership(r: OrgMembershipsTable): Membership {
  return {
    id: r.id,
    planId: r.planId,
    forumId: r.forumId,
    personId: r.personId,
    role: r.role as Membership['role'],
    represents: r.represents as Membership['represents'],
    localProfessionalKind: (r.localProfessionalKind as Membership['localProfessionalKind']) ?? null,
    side: (r.side as Membership['side']) ?? null,
    version: r.version,
  };
}

export interface OrganisationRows {
  forums: Forum[];
  people: Person[];
  memberships: Membership[];
}

/** The organisations of the given plans, grouped by plan, in a stable order. */
export async function findOrganisations(
  db: Executor,
  planIds: string[],
): Promise<Map<string, OrganisationRows>> {
  const out = new Map<string, OrganisationRows>();
  for (const id of planIds) out.set(id, { forums: [], people: [], memberships: [] });
  if (planIds.length === 0) return out;
  const [forums, people, memberships] = await Promise.all([
    db.selectFrom('orgForums').selectAll().where('planId', 'in', planIds).execute(),
    db.selectFrom('orgPeople').selectAll().where('planId', 'in', planIds).execute(),
    db.selectFrom('orgMemberships').selectAll().where('planId', 'in', planIds).execute(),
  ]);
  for (const f of forums) out.get(f.planId)?.forums.push(toForum(f));
  for (const p of people) out.get(p.planId)?.people.push(toPerson(p));
  for (const m of memberships) out.get(m.planId)?.memberships.push(toMembership(m));
  for (const o of out.values()) {
    o.forums.sort(
      (a, b) =>
        (LEVEL_ORDER[a.level] ?? 9) - (LEVEL_ORDER[b.level] ?? 9) ||
        danishCollator.compare(a.name, b.name) ||
        a.id.localeCompare(b.id),
    );
    o.people.sort((a, b) => danishCollator.compare(a.name, b.name) || a.id.localeCompare(b.id));
    o.memberships.sort((a, b) => a.id.localeCompare(b.id));
  }
  return out;
}

export async function findOrganisation(db: Executor, planId: string): Promise<OrganisationRows> {
  return (await findOrganisations(db, [planId])).get(planId)!;
}

/** The stored organisation in the shape the typology rules (and the classify file) read. */
export function toTypologyInput(o: OrganisationRows): OrganisationInput {
  const names = new Map(o.people.map((p) => [p.id, p.name]));
  return {
    forums: o.forums.map((f) => ({
      id: f.id,
      kind: f.kind,
      name: f.name,
      level: f.level,
      makesDecisions: f.makesDecisions,
      reportsTo: f.reportsTo,
      meetingsPerYear: f.meetingsPerYear,
      mandate: f.mandate,
      steering: f.steering,
    })),
    members: o.memberships.map((m) => ({
      forumId: m.forumId,
      name: names.get(m.personId) ?? null,
      role: m.role,
      represents: m.represents,
      localProfessionalKind: m.localProfessionalKind,
      side: m.side,
    })),
    staff: o.people
      .filter((p) => p.staff)
      .map((p) => ({
        name: p.name,
        employer: p.staff!.employer,
        hoursPerWeek: p.staff!.hoursPerWeek,
        fte: p.staff!.fte,
        task: p.staff!.task,
      })),
  };
}
