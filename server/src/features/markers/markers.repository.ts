import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { toBool } from '../../db/portable.js';
import type { Frequency } from '../../domain/registrations.js';
import type { SurveyAnswer, StakeholderGroup } from '../../domain/markers.js';
import { findOrganisations } from '../organisation/organisation.repository.js';

/** What the marker rules read of one plan, for every year (registrations are kept per year). */
export interface PlanMarkerData {
  forums: {
    id: string;
    name: string;
    kind: string;
    level: string;
    makesDecisions: boolean;
    meetingsPerYear: number | null;
  }[];
  seats: { forumId: string; personId: string; role: string; represents: string; side: string | null }[];
  people: { id: string; title: string | null; isStaff: boolean; task: string | null }[];
  goals: { id: string; level: 'impact' | 'result' | 'activity' }[];
  indicators: { goalId: string; measuredPeriods: string[] }[];
  activities: {
    id: string;
    status: string;
    goalIds: string[];
    frequency: Frequency;
    periodStart: string | null;
    periodEnd: string | null;
    /** Year → the latest registration date in that year. */
    lastByYear: Map<number, string>;
  }[];
  focusAreaIds: string[];
  agreement: { status: string; signedOn: string | null } | null;
  responsible: { rowKind: 'focusArea' | 'activity'; rowId: string; partyId: string }[];
}

function group<T, K>(rows: readonly T[], key: (r: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const r of rows) {
    const list = m.get(key(r));
    if (list) list.push(r);
    else m.set(key(r), [r]);
  }
  return m;
}

/** The marker data of the given plans, keyed by plan id. */
export async function findMarkerData(db: Executor, planIds: string[]): Promise<Map<string, PlanMarkerData>> {
  const out = new Map<string, PlanMarkerData>();
  if (planIds.length === 0) return out;
  const [
    orgs,
    goals,
    indicators,
    measured,
    activities,
    links,
    lastByYear,
    focus,
    agreements,
    focusCells,
    activityCells,
  ] = await Promise.all([
    findOrganisations(db, planIds),
    db.selectFrom('goals').select(['id', 'planId', 'level']).where('planId', 'in', planIds).execute(),
    db.selectFrom('indicators').select(['id', 'planId', 'goalId']).where('planId', 'in', planIds).execute(),
    db
      .selectFrom('indicatorValues as v')
      .innerJoin('indicators as i', 'i.id', 'v.indicatorId')
      .select(['v.indicatorId', 'v.period'])
      .distinct()
      .where('i.planId', 'in', planIds)
      .where('v.state', '=', 'value')
      .whereRef('v.definitionVersion', '=', 'i.definitionVersion')
      .execute(),
    db
      .selectFrom('activities')
      .select(['id', 'planId', 'status', 'registrationFrequency', 'periodStart', 'periodEnd'])
      .where('planId', 'in', planIds)
      .execute(),
    db
      .selectFrom('activityGoals as ag')
      .innerJoin('activities as a', 'a.id', 'ag.activityId')
      .select(['ag.activityId', 'ag.goalId'])
      .where('a.planId', 'in', planIds)
      .execute(),
    db
      .selectFrom('registrations')
      .select((eb) => [
        'activityId',
        sql<string>`substr(${sql.ref('date')}, 1, 4)`.as('year'),
        eb.fn.max('date').as('last'),
      ])
      .where('planId', 'in', planIds)
      .groupBy(['activityId', sql`substr(${sql.ref('date')}, 1, 4)`])
      .execute(),
    db
      .selectFrom('planFocusAreas')
      .select(['planId', 'focusAreaId'])
      .where('planId', 'in', planIds)
      .execute(),
    db
      .selectFrom('collabAgreements')
      .select(['planId', 'status', 'signedOn'])
      .where('planId', 'in', planIds)
      .execute(),
    db
      .selectFrom('collabResponsibilities')
      .select(['planId', 'focusAreaId', 'partyId'])
      .where('planId', 'in', planIds)
      .where('role', '=', 'responsible')
      .execute(),
    db
      .selectFrom('collabActivityResponsibilities')
      .select(['planId', 'activityId', 'partyId'])
      .where('planId', 'in', planIds)
      .where('role', '=', 'responsible')
      .execute(),
  ]);
  const goalsOf = group(goals, (g) => g.planId);
  const periodsOf = group(measured, (m) => m.indicatorId);
  const indicatorsOf = group(indicators, (i) => i.planId);
  const activitiesOf = group(activities, (a) => a.planId);
  const goalIdsOf = group(links, (l) => l.activityId);
  const lastOf = group(lastByYear, (l) => l.activityId);
  const focusOf = group(focus, (f) => f.planId);
  const agreementOf = new Map(agreements.map((a) => [a.planId, a]));
  const focusCellsOf = group(focusCells, (c) => c.planId);
  const activityCellsOf = group(activityCells, (c) => c.planId);
  for (const planId of planIds) {
    const org = orgs.get(planId)!;
    const agreement = agreementOf.get(planId);
    out.set(planId, {
      forums: org.forums.map((f) => ({
        id: f.id,
        name: f.name,
        kind: f.kind,
        level: f.level,
        makesDecisions: f.makesDecisions,
        meetingsPerYear: f.meetingsPerYear === null ? null : Number(f.meetingsPerYear),
      })),
      seats: org.memberships.map((m) => ({
        forumId: m.forumId,
        personId: m.personId,
        role: m.role,
        represents: m.represents,
        side: m.side,
      })),
      people: org.people.map((p) => ({
        id: p.id,
        title: p.title,
        isStaff: p.staff !== null,
        task: p.staff?.task ?? null,
      })),
      goals: (goalsOf.get(planId) ?? []).map((g) => ({
        id: g.id,
        level: g.level as 'impact' | 'result' | 'activity',
      })),
      indicators: (indicatorsOf.get(planId) ?? []).map((i) => ({
        goalId: i.goalId,
        measuredPeriods: (periodsOf.get(i.id) ?? []).map((m) => m.period),
      })),
      activities: (activitiesOf.get(planId) ?? []).map((a) => ({
        id: a.id,
        status: a.status,
        goalIds: (goalIdsOf.get(a.id) ?? []).map((l) => l.goalId),
        frequency: a.registrationFrequency as Frequency,
        periodStart: a.periodStart,
        periodEnd: a.periodEnd,
        lastByYear: new Map((lastOf.get(a.id) ?? []).map((l) => [Number(l.year), String(l.last)])),
      })),
      focusAreaIds: (focusOf.get(planId) ?? []).map((f) => f.focusAreaId),
      agreement: agreement ? { status: agreement.status, signedOn: agreement.signedOn } : null,
      responsible: [
        ...(focusCellsOf.get(planId) ?? []).map((c) => ({
          rowKind: 'focusArea' as const,
          rowId: c.focusAreaId,
          partyId: c.partyId,
        })),
        ...(activityCellsOf.get(planId) ?? []).map((c) => ({
          rowKind: 'activity' as const,
          rowId: c.activityId,
          partyId: c.partyId,
        })),
      ],
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Surveys

export interface SurveyRow {
  id: string;
  planId: string;
  period: string;
  title: string;
  minAnswers: number;
  status: string;
  isExample: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

const toSurvey = (r: {
  id: string;
  planId: string;
  period: string;
  title: string;
  minAnswers: number;
  status: string;
  isExample: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}): SurveyRow => ({
  ...r,
  minAnswers: Number(r.minAnswers),
  isExample: toBool(r.isExample),
  version: Number(r.version),
});

export async function findSurveys(db: Executor, planIds: string[], period?: string): Promise<SurveyRow[]> {
  if (planIds.length === 0) return [];
  let q = db.selectFrom('markerSurveys').selectAll().where('planId', 'in', planIds);
  if (period) q = q.where('period', '=', period);
  const rows = await q.orderBy('createdAt', 'desc').orderBy('id', 'desc').execute();
  return rows.map(toSurvey);
}

export async function findSurvey(
  db: Executor,
  planId: string,
  surveyId: string,
): Promise<SurveyRow | undefined> {
  const r = await db
    .selectFrom('markerSurveys')
    .selectAll()
    .where('id', '=', surveyId)
    .where('planId', '=', planId)
    .executeTakeFirst();
  return r ? toSurvey(r) : undefined;
}

/** The answers of the given surveys, keyed by survey id. */
export async function findAnswers(db: Executor, surveyIds: string[]): Promise<Map<string, SurveyAnswer[]>> {
  const out = new Map<string, SurveyAnswer[]>();
  if (surveyIds.length === 0) return out;
  const rows = await db
    .selectFrom('markerSurveyAnswers')
    .select(['surveyId', 'stakeholderGroup', 'scoresJson'])
    .where('surveyId', 'in', surveyIds)
    .execute();
  for (const r of rows) {
    const list = out.get(r.surveyId) ?? [];
    list.push({
      group: r.stakeholderGroup as StakeholderGroup,
      scores: JSON.parse(r.scoresJson) as Record<string, number>,
    });
    out.set(r.surveyId, list);
  }
  return out;
}

/** Invitations per survey and group. */
export async function countInvitations(
  db: Executor,
  surveyIds: string[],
): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>();
  if (surveyIds.length === 0) return out;
  const rows = await db
    .selectFrom('markerSurveyInvitations')
    .select((eb) => ['surveyId', 'stakeholderGroup', eb.fn.countAll<number>().as('n')])
    .where('surveyId', 'in', surveyIds)
    .groupBy(['surveyId', 'stakeholderGroup'])
    .execute();
  for (const r of rows) {
    const m = out.get(r.surveyId) ?? new Map<string, number>();
    m.set(r.stakeholderGroup, Number(r.n));
    out.set(r.surveyId, m);
  }
  return out;
}

export async function findInvitationByHash(db: Executor, tokenHash: string) {
  return db
    .selectFrom('markerSurveyInvitations as i')
    .innerJoin('markerSurveys as s', 's.id', 'i.surveyId')
    .innerJoin('plans as p', 'p.id', 's.planId')
    .select([
      'i.id',
      'i.stakeholderGroup',
      'i.isAnswered',
      's.id as surveyId',
      's.planId',
      's.title',
      's.period',
      's.status',
      'p.name as planName',
    ])
    .where('i.tokenHash', '=', tokenHash)
    .executeTakeFirst();
}

export async function countTokenFailures(db: Executor, ip: string, since: string): Promise<number> {
  const r = await db
    .selectFrom('markerTokenFailures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ip', '=', ip)
    .where('at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
