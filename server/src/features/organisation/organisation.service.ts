import type { z } from 'zod';
import type {
  Forum,
  ForumInput,
  Membership,
  MembershipInput,
  Organisation,
  OrganisationFile,
  Person,
  PersonInput,
  Typology,
  TypologyPortfolioRow,
} from '@pejling/contracts';
import type { Db, Executor } from '../../db/database.js';
import { fromBool, newId, nowIso } from '../../db/portable.js';
import {
  classifyOrganisation,
  typeLabel,
  type OrganisationInput,
  type TypologyResult,
} from '../../domain/typology.js';
import { AppError, conflict, invalidField, notFound } from '../../errors.js';
import type { Principal, RequestContext } from '../../http/context.js';
import { planScope } from '../../http/permissions.js';
import { recordAudit } from '../audit/audit.service.js';
import { findPlanSummaries } from '../plans/plan.repository.js';
import {
  findOrganisation,
  findOrganisations,
  toForum,
  toMembership,
  toPerson,
  toTypologyInput,
} from './organisation.repository.js';
import { termsOfReferenceDocx } from './terms-of-reference.js';

type ForumIn = z.output<typeof ForumInput>;
type PersonIn = z.output<typeof PersonInput>;
type MembershipIn = z.output<typeof MembershipInput>;

const DIMENSIONS = [
  'organisation',
  'secretariat',
  'residentInvolvement',
  'levels',
  'operationsGroup',
] as const;

/** The typology result with a label beside each type, as the API and the classify command show it. */
export function presentTypology(r: TypologyResult): Typology {
  const dims = Object.fromEntries(
    DIMENSIONS.map((d) => [
      d,
      { type: r[d].type, label: typeLabel(d, r[d].type), reasons: r[d].reasons, missing: r[d].missing },
    ]),
  ) as Pick<Typology, (typeof DIMENSIONS)[number]>;
  return {
    ...dims,
    hasOperationsGroupBesideSteering: r.hasOperationsGroupBesideSteering,
    warnings: r.warnings,
  };
}

/** Classifies an organisation given in the documented file format (docs/typology.md). */
export function classifyFile(input: OrganisationFile): Typology {
  return presentTypology(classifyOrganisation(input as OrganisationInput));
}

/** A plan's forums, people, memberships and the typology computed from them. */
export async function getOrganisation(db: Executor, planId: string): Promise<Organisation> {
  const o = await findOrganisation(db, planId);
  return { planId, ...o, typology: presentTypology(classifyOrganisation(toTypologyInput(o))) };
}

/** The plan's organisation in the classify file format, for evaluators' own tools. */
export async function getTypologyInput(db: Executor, planId: string): Promise<OrganisationInput> {
  return toTypologyInput(await findOrganisation(db, planId));
}

/** The typology of every plan the caller may see (the report's mapping of its cases). */
export async function typologyPortfolio(db: Db, principal: Principal): Promise<TypologyPortfolioRow[]> {
  const plans = await findPlanSummaries(db, planScope(principal), {});
  const orgs = await findOrganisations(
    db,
    plans.map((p) => p.id),
  );
  return plans.map((p) => {
    const o = orgs.get(p.id)!;
    return {
      planId: p.id,
      planName: p.name,
      municipalityName: p.municipalityName,
      isExample: p.isExample,
      forumCount: o.forums.length,
      typology: presentTypology(classifyOrganisation(toTypologyInput(o))),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Forums

async function forumInPlan(db: Executor, planId: string, forumId: string) {
  const row = await db.selectFrom('orgForums').selectAll().where('id', '=', forumId).executeTakeFirst();
  if (!row || row.planId !== planId) throw notFound('forum_not_found');
  return row;
}

/** Checks the reporting line: a forum of the same plan, not itself, no loop. */
async function checkReportsTo(
  trx: Executor,
  planId: string,
  forumId: string,
  name: string,
  reportsTo: string | null,
) {
  if (!reportsTo) return;
  if (reportsTo === forumId) throw invalidField('reportsTo', 'forum_reports_to_itself');
  const forums = await trx
    .selectFrom('orgForums')
    .select(['id', 'planId', 'name', 'reportsTo'])
    .where('planId', '=', planId)
    .execute();
  const byId = new Map(forums.map((f) => [f.id, f]));
  if (!byId.has(reportsTo)) {
    const elsewhere = await trx
      .selectFrom('orgForums')
      .select('id')
      .where('id', '=', reportsTo)
      .executeTakeFirst();
    throw invalidField('reportsTo', elsewhere ? 'forum_not_in_plan' : 'forum_not_found');
  }
  const chain = [name];
  const seen = new Set<string>();
  let cur: string | null = reportsTo;
  while (cur && !seen.has(cur)) {
    seen.add(cur);
    if (cur === forumId) {
      chain.push(name);
      throw invalidField('reportsTo', 'forum_reporting_loop', { chain: chain.join(' → ') });
    }
    const f = byId.get(cur);
    if (!f) break;
    chain.push(f.name);
    cur = f.reportsTo;
  }
}

function forumColumns(input: ForumIn) {
  if (input.steering && input.kind !== 'projectSecretariat')
    throw invalidField('steering', 'steering_only_on_secretariat');
  return {
    kind: input.kind,
    name: input.name,
    level: input.level,
    makesDecisions: fromBool(input.makesDecisions),
    reportsTo: input.reportsTo ?? null,
    meetingsPerYear: input.meetingsPerYear ?? null,
    mandate: input.mandate?.trim() ? input.mandate : null,
    steering: input.steering ?? null,
  };
}

/** @throws validation_failed (400: reportsTo in another plan, itself, a loop; steering off a secretariat) */
export async function createForum(
  db: Db,
  ctx: RequestContext,
  planId: string,
  input: ForumIn,
): Promise<Forum> {
  return db.transaction().execute(async (trx) => {
    const id = newId();
    const cols = forumColumns(input);
    await checkReportsTo(trx, planId, id, input.name, cols.reportsTo);
    const now = nowIso();
    await trx
      .insertInto('orgForums')
      .values({ id, planId, ...cols, createdAt: now, updatedAt: now, version: 1 })
      .execute();
    const after = toForum(await forumInPlan(trx, planId, id));
    await recordAudit(trx, ctx, { action: 'create', entityType: 'org_forum', entityId: id, planId, after });
    return after;
  });
}

/** @throws forum_not_found (404), stale_version (409), validation_failed (400) */
export async function updateForum(
  db: Db,
  ctx: RequestContext,
  planId: string,
  forumId: string,
  input: ForumIn & { version: number },
): Promise<Forum> {
  return db.transaction().execute(async (trx) => {
    const before = toForum(await forumInPlan(trx, planId, forumId));
    const cols = forumColumns(input);
    await checkReportsTo(trx, planId, forumId, input.name, cols.reportsTo);
    const res = await trx
      .updateTable('orgForums')
      .set({ ...cols, updatedAt: nowIso(), version: input.version + 1 })
      .where('id', '=', forumId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new AppError('stale_version', 409);
    const after = toForum(await forumInPlan(trx, planId, forumId));
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'org_forum',
      entityId: forumId,
      planId,
      before,
      after,
    });
    return after;
  });
}

/** Deletes a forum and its seats. @throws forum_not_found (404), forum_has_subordinates (409) */
export async function deleteForum(
  db: Db,
  ctx: RequestContext,
  planId: string,
  forumId: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = toForum(await forumInPlan(trx, planId, forumId));
    const subs = await trx.selectFrom('orgForums').select('name').where('reportsTo', '=', forumId).execute();
    if (subs.length) throw conflict('forum_has_subordinates', { names: subs.map((s) => s.name).join(', ') });
    const seats = (
      await trx.selectFrom('orgMemberships').selectAll().where('forumId', '=', forumId).execute()
    ).map(toMembership);
    await trx.deleteFrom('orgMemberships').where('forumId', '=', forumId).execute();
    await trx.deleteFrom('orgForums').where('id', '=', forumId).execute();
    await recordAudit(trx, ctx, {
      action: 'delete',
      entityType: 'org_forum',
      entityId: forumId,
      planId,
      before: { ...before, memberships: seats },
    });
  });
}

// ---------------------------------------------------------------------------------------------
// People

async function personInPlan(db: Executor, planId: string, personId: string) {
  const row = await db.selectFrom('orgPeople').selectAll().where('id', '=', personId).executeTakeFirst();
  if (!row || row.planId !== planId) throw notFound('person_not_found');
  return row;
}

function personColumns(input: PersonIn) {
  const s = input.staff ?? null;
  return {
    name: input.name,
    organisation: input.organisation?.trim() || null,
    title: input.title?.trim() || null,
    isStaff: s ? 1 : 0,
    employer: s?.employer ?? null,
    hoursPerWeek: s?.hoursPerWeek ?? null,
    fte: s?.fte ?? null,
    task: s?.task ?? null,
  };
}

export async function createPerson(
  db: Db,
  ctx: RequestContext,
  planId: string,
  input: PersonIn,
): Promise<Person> {
  return db.transaction().execute(async (trx) => {
    const id = newId();
    const now = nowIso();
    await trx
      .insertInto('orgPeople')
      .values({ id, planId, ...personColumns(input), createdAt: now, updatedAt: now, version: 1 })
      .execute();
    const after = toPerson(await personInPlan(trx, planId, id));
    await recordAudit(trx, ctx, { action: 'create', entityType: 'org_person', entityId: id, planId, after });
    return after;
  });
}

/** @throws person_not_found (404), stale_version (409) */
export async function updatePerson(
  db: Db,
  ctx: RequestContext,
  planId: string,
  personId: string,
  input: PersonIn & { version: number },
): Promise<Person> {
  return db.transaction().execute(async (trx) => {
    const before = toPerson(await personInPlan(trx, planId, personId));
    const res = await trx
      .updateTable('orgPeople')
      .set({ ...personColumns(input), updatedAt: nowIso(), version: input.version + 1 })
      .where('id', '=', personId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new AppError('stale_version', 409);
    const after = toPerson(await personInPlan(trx, planId, personId));
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'org_person',
      entityId: personId,
      planId,
      before,
      after,
    });
    return after;
  });
}

/** Deletes a person and their seats. @throws person_not_found (404) */
export async function deletePerson(
  db: Db,
  ctx: RequestContext,
  planId: string,
  personId: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = toPerson(await personInPlan(trx, planId, personId));
    const seats = (
      await trx.selectFrom('orgMemberships').selectAll().where('personId', '=', personId).execute()
    ).map(toMembership);
    await trx.deleteFrom('orgMemberships').where('personId', '=', personId).execute();
    await trx.deleteFrom('orgPeople').where('id', '=', personId).execute();
    await recordAudit(trx, ctx, {
      action: 'delete',
      entityType: 'org_person',
      entityId: personId,
      planId,
      before: { ...before, memberships: seats },
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Memberships

async function membershipInPlan(db: Executor, planId: string, id: string) {
  const row = await db.selectFrom('orgMemberships').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.planId !== planId) throw notFound('membership_not_found');
  return row;
}

/** Both ends in this plan, the professional field only for local professionals, one seat per person. */
async function checkMembership(trx: Executor, planId: string, input: MembershipIn, selfId: string | null) {
  if (input.localProfessionalKind && input.represents !== 'localProfessional')
    throw invalidField('localProfessionalKind', 'local_professional_kind_only_for_local');
  const forum = await trx
    .selectFrom('orgForums')
    .select(['id', 'planId', 'name'])
    .where('id', '=', input.forumId)
    .executeTakeFirst();
  if (!forum) throw invalidField('forumId', 'forum_not_found');
  if (forum.planId !== planId) throw invalidField('forumId', 'forum_not_in_plan');
  const person = await trx
    .selectFrom('orgPeople')
    .select(['id', 'planId', 'name'])
    .where('id', '=', input.personId)
    .executeTakeFirst();
  if (!person) throw invalidField('personId', 'person_not_found');
  if (person.planId !== planId) throw invalidField('personId', 'person_not_in_plan');
  let twin = trx
    .selectFrom('orgMemberships')
    .select('id')
    .where('forumId', '=', input.forumId)
    .where('personId', '=', input.personId);
  if (selfId) twin = twin.where('id', '!=', selfId);
  if (await twin.executeTakeFirst())
    throw new AppError('person_already_in_forum', 409, { person: person.name, forum: forum.name }, [
      {
        path: 'personId',
        code: 'person_already_in_forum',
        params: { person: person.name, forum: forum.name },
      },
    ]);
}

function membershipColumns(input: MembershipIn) {
  return {
    forumId: input.forumId,
    personId: input.personId,
    role: input.role,
    represents: input.represents,
    localProfessionalKind: input.localProfessionalKind ?? null,
    side: input.side ?? null,
  };
}

/** @throws validation_failed (400: forum or person of another plan), person_already_in_forum (409) */
export async function createMembership(
  db: Db,
  ctx: RequestContext,
  planId: string,
  input: MembershipIn,
): Promise<Membership> {
  return db.transaction().execute(async (trx) => {
    await checkMembership(trx, planId, input, null);
    const id = newId();
    const now = nowIso();
    await trx
      .insertInto('orgMemberships')
      .values({ id, planId, ...membershipColumns(input), createdAt: now, updatedAt: now, version: 1 })
      .execute();
    const after = toMembership(await membershipInPlan(trx, planId, id));
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'org_membership',
      entityId: id,
      planId,
      after,
    });
    return after;
  });
}

/** @throws membership_not_found (404), stale_version (409), person_already_in_forum (409), validation_failed (400) */
export async function updateMembership(
  db: Db,
  ctx: RequestContext,
  planId: string,
  id: string,
  input: MembershipIn & { version: number },
): Promise<Membership> {
  return db.transaction().execute(async (trx) => {
    const before = toMembership(await membershipInPlan(trx, planId, id));
    await checkMembership(trx, planId, input, id);
    const res = await trx
      .updateTable('orgMemberships')
      .set({ ...membershipColumns(input), updatedAt: nowIso(), version: input.version + 1 })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new AppError('stale_version', 409);
    const after = toMembership(await membershipInPlan(trx, planId, id));
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'org_membership',
      entityId: id,
      planId,
      before,
      after,
    });
    return after;
  });
}

/** @throws membership_not_found (404) */
export async function deleteMembership(
  db: Db,
  ctx: RequestContext,
  planId: string,
  id: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = toMembership(await membershipInPlan(trx, planId, id));
    await trx.deleteFrom('orgMemberships').where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      action: 'delete',
      entityType: 'org_membership',
      entityId: id,
      planId,
      before,
    });
  });
}

/** The forum's terms of reference (kommissorium) as a Word document. @throws forum_not_found (404) */
export async function termsOfReference(
  db: Db,
  planId: string,
  forumId: string,
  locale: 'da' | 'en',
): Promise<{ fileName: string; buffer: Buffer }> {
  const forum = toForum(await forumInPlan(db, planId, forumId));
  const [plan] = await findPlanSummaries(db, { all: true }, { ids: [planId] });
  const row = await db.selectFrom('plans').select('purpose').where('id', '=', planId).executeTakeFirst();
  if (!plan || !row) throw notFound('plan_not_found');
  const o = await findOrganisation(db, planId);
  const buffer = await termsOfReferenceDocx({
    plan: {
      name: plan.name,
      purpose: row.purpose,
      municipalityName: plan.municipalityName,
      housingOrganisationName: plan.housingOrganisationName,
      isExample: plan.isExample,
    },
    forum,
    ...o,
    locale,
    today: nowIso().slice(0, 10),
  });
  const slug = forum.name
    .toLocaleLowerCase('da')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return { fileName: `kommissorium-${slug || 'forum'}.docx`, buffer };
}
