import type { z } from 'zod';
import type {
  BreakdownInput,
  Participant,
  ParticipantInput,
  ParticipantList,
  Registration,
  RegistrationInput,
  RegistrationList,
  RegistrationQuery,
  RegistrationSummary,
} from '@pejling/contracts';
import { PostgresAdapter, sql } from 'kysely';
import type { Db, Executor } from '../../db/database.js';
import { fromJson, newId, nowIso, toJson } from '../../db/portable.js';
import type { ParticipantsTable, RegistrationsTable } from '../../db/schema/results.js';
import {
  comparePeriodKeys,
  formatPeriodKey,
  parsePeriodKey,
  periodRange,
  periodsBetween,
  todayInDenmark,
} from '../../domain/periods.js';
import type { CalendarPeriodKind, DateRange } from '../../domain/periods.js';
import { breakdownKey } from '../../domain/indicators.js';
import {
  activitiesFeeding,
  computeObservations,
  looksLikeCpr,
  type ComputedObservation,
  type RegistrationMeasure,
} from '../../domain/registrations.js';
import { AppError, notFound, Problems, type FieldError } from '../../errors.js';
import type { RequestContext } from '../../http/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { findPlanRow } from '../plans/plan.repository.js';
import { findActivities } from './results.repository.js';

type RegistrationIn = z.output<typeof RegistrationInput>;
type ParticipantIn = z.output<typeof ParticipantInput>;
type Query = z.output<typeof RegistrationQuery>;

const today = () => todayInDenmark();
const danishDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('-') : '');

async function requirePlan(db: Executor, planId: string) {
  const plan = await findPlanRow(db, planId);
  if (!plan) throw notFound('plan_not_found');
  return plan;
}

// ---------------------------------------------------------------------------------------------
// Values computed from registrations

const KIND_RANK: Record<CalendarPeriodKind, number> = { year: 0, half: 1, quarter: 2 };

const isPostgres = (db: Executor) => db.getExecutor().adapter instanceof PostgresAdapter;

/** A plan's registrations of some activities, added up per day (in date order). */
interface RegistrationDay {
  date: string;
  /** Registrations. */
  n: number;
  participants: number;
  /** Hours summed over the registrations with hours, and how many had hours. */
  hours: number;
  withHours: number;
}

/** Participants counted by one breakdown category on one day, and in how many registrations. */
interface CategoryDay {
  date: string;
  n: number;
  sum: number;
}

/** The plan's registrations added up per activity and day: activity → days in date order. */
async function planRegistrationDays(db: Executor, planId: string): Promise<Map<string, RegistrationDay[]>> {
  const rows = await db
    .selectFrom('registrations')
    .select((eb) => [
      'activityId',
      'date',
      eb.fn.countAll().as('n'),
      eb.fn.sum('participants').as('participants'),
      eb.fn.sum('hours').as('hours'),
      eb.fn.count('hours').as('withHours'),
    ])
    .where('planId', '=', planId)
    .groupBy(['activityId', 'date'])
    .orderBy('activityId')
    .orderBy('date')
    .execute();
  const out = new Map<string, RegistrationDay[]>();
  for (const r of rows) {
    let days = out.get(r.activityId);
    if (!days) out.set(r.activityId, (days = []));
    days.push({
      date: r.date,
      n: Number(r.n),
      participants: Number(r.participants ?? 0),
      hours: Number(r.hours ?? 0),
      withHours: Number(r.withHours),
    });
  }
  return out;
}

/**
 * The breakdown counts of the plan's registrations (`counts_json`, as `{"gender": {"Kvinde":
 * 3}}`), added up by the database per activity, day, breakdown and category: `json_each` on
 * SQLite, `jsonb_each` on PostgreSQL. activity → `breakdown\u0000category` → days.
 */
async function planCategoryDays(
  db: Executor,
  planId: string,
  breakdownKeys: string[],
): Promise<Map<string, Map<string, CategoryDay[]>>> {
  const rows = isPostgres(db)
    ? await sql<{
        activityId: string;
        date: string;
        k: string;
        category: string;
        n: string;
        s: string | null;
      }>`
        select r.activity_id as "activityId", r.date, b.key as k, c.key as category, count(*) as n,
          sum(c.value::numeric) as s
        from registrations r
        cross join lateral jsonb_each(r.counts_json::jsonb) b
        cross join lateral jsonb_each_text(
          case when jsonb_typeof(b.value) = 'object' then b.value else '{}'::jsonb end
        ) c
        where r.plan_id = ${planId} and b.key in (${sql.join(breakdownKeys)})
        group by r.activity_id, r.date, b.key, c.key
        order by r.activity_id, r.date`.execute(db)
    : await sql<{
        activityId: string;
        date: string;
        k: string;
        category: string | null;
        n: number;
        s: number | null;
      }>`
        select r.activity_id as activityId, r.date, b.key as k, c.key as category, count(*) as n,
          sum(c.value) as s
        from registrations r, json_each(r.counts_json) b, json_each(b.value) c
        where r.plan_id = ${planId} and b.key in (${sql.join(breakdownKeys)}) and b.type = 'object'
        group by r.activity_id, r.date, b.key, c.key
        order by r.activity_id, r.date`.execute(db);
  const out = new Map<string, Map<string, CategoryDay[]>>();
  for (const r of rows.rows) {
    if (r.category === null) continue;
    let byCategory = out.get(r.activityId);
    if (!byCategory) out.set(r.activityId, (byCategory = new Map()));
    const key = `${r.k}\u0000${r.category}`;
    let days = byCategory.get(key);
    if (!days) byCategory.set(key, (days = []));
    days.push({ date: r.date, n: Number(r.n), sum: Number(r.s ?? 0) });
  }
  return out;
}

/** Per-day totals of several activities, added up per day, in date order. */
function mergeDays(lists: readonly (readonly RegistrationDay[])[]): RegistrationDay[] {
  const byDate = new Map<string, RegistrationDay>();
  for (const list of lists)
    for (const d of list) {
      const known = byDate.get(d.date);
      if (!known) byDate.set(d.date, { ...d });
      else {
        known.n += d.n;
        known.participants += d.participants;
        known.hours += d.hours;
        known.withHours += d.withHours;
      }
    }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Per-category days of several activities (the periods add them up; their order is irrelevant). */
function mergeCategories(maps: readonly (ReadonlyMap<string, CategoryDay[]> | undefined)[]) {
  const out = new Map<string, CategoryDay[]>();
  for (const m of maps)
    for (const [key, days] of m ?? []) {
      const list = out.get(key);
      if (list) list.push(...days);
      else out.set(key, [...days]);
    }
  return out;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/**
 * What `computeObservations` (domain/registrations.ts) gives for the measures counted from
 * registrations (participants, sessions, hours), from the registrations added up per day rather
 * than one by one: the same values, with memory bounded by the days, not the registrations.
 */
function observationsFromDays(
  ind: { kind: string; measure: 'participants' | 'sessions' | 'hours'; breakdowns: BreakdownInput[] },
  days: readonly RegistrationDay[],
  categories: ReadonlyMap<string, readonly CategoryDay[]>,
  periods: readonly { key: string; range: DateRange }[],
): ComputedObservation[] {
  const out: ComputedObservation[] = [];
  const blank = (period: string, breakdown: Record<string, string> | null): ComputedObservation => ({
    period,
    breakdown,
    state: 'missing',
    value: null,
    numerator: null,
    denominator: null,
    sum: null,
    count: null,
  });
  const setCount = (o: ComputedObservation, n: number) => {
    o.state = 'value';
    o.value = n;
  };
  const setAverage = (o: ComputedObservation, sum: number, count: number) => {
    o.state = 'value';
    o.sum = round(sum);
    o.count = count;
    o.value = round(sum / count);
  };
  for (const { key, range } of periods) {
    let n = 0;
    let participants = 0;
    let hours = 0;
    let withHours = 0;
    for (const d of days) {
      if (d.date < range.start || d.date > range.end) continue;
      n += d.n;
      participants += d.participants;
      hours += d.hours;
      withHours += d.withHours;
    }
    const total = blank(key, null);
    out.push(total);
    switch (ind.measure) {
      case 'participants': {
        if (n === 0) break;
        if (ind.kind === 'average') setAverage(total, participants, n);
        else setCount(total, participants);
        if (ind.kind !== 'count') break;
        for (const b of ind.breakdowns)
          for (const category of b.categories) {
            let counted = 0;
            let sum = 0;
            for (const d of categories.get(`${b.key}\u0000${category}`) ?? []) {
              if (d.date < range.start || d.date > range.end) continue;
              counted += d.n;
              sum += d.sum;
            }
            if (counted === 0) continue;
            const o = blank(key, { [b.key]: category });
            setCount(o, sum);
            out.push(o);
          }
        break;
      }
      case 'sessions':
        if (n > 0) setCount(total, n);
        break;
      case 'hours':
        if (withHours === 0) break;
        if (ind.kind === 'average') setAverage(total, hours, withHours);
        else setCount(total, round(hours));
        break;
    }
  }
  return out;
}

/**
 * Recomputes the values of every indicator of the plan whose data source is registrations,
 * under its current definition: one value per target period and per period of the finest
 * target kind (quarters when there is none) from the first registration or enrolment until
 * today. Periods with nothing to count from get no value. Runs inside the caller's transaction,
 * after every write that can change a computed value.
 *
 * The registrations are added up by the database, per day (and per breakdown category), for the
 * activities each indicator counts, so memory and time follow the days a plan has registrations
 * on rather than the registrations; enrolments and outcomes are read only when an indicator
 * counts participants enrolled or their outcomes.
 */
export async function recomputeRegistrationValues(trx: Executor, planId: string): Promise<void> {
  const indicators = await trx
    .selectFrom('indicators')
    .selectAll()
    .where('planId', '=', planId)
    .where('dataSource', '=', 'registrations')
    .execute();
  if (indicators.length === 0) return;
  const plan = await requirePlan(trx, planId);
  const planRange: DateRange | null =
    plan.periodStart && plan.periodEnd ? { start: plan.periodStart, end: plan.periodEnd } : null;
  const ids = indicators.map((i) => i.id);
  const [goals, links, targets] = await Promise.all([
    trx.selectFrom('goals').select(['id', 'parentId']).where('planId', '=', planId).execute(),
    trx
      .selectFrom('activityGoals')
      .innerJoin('activities', 'activities.id', 'activityGoals.activityId')
      .select(['activityGoals.activityId', 'activityGoals.goalId'])
      .where('activities.planId', '=', planId)
      .execute(),
    trx
      .selectFrom('indicatorTargets')
      .select(['indicatorId', 'period'])
      .where('indicatorId', 'in', ids)
      .execute(),
  ]);
  const needsParticipants = indicators.some(
    (i) =>
      i.kind !== 'yes_no' && (i.registrationMeasure === 'enrolled' || i.registrationMeasure === 'outcome'),
  );
  const [enrolments, outcomes] = needsParticipants
    ? await Promise.all([
        trx
          .selectFrom('enrolments')
          .innerJoin('participants', 'participants.id', 'enrolments.participantId')
          .select([
            'enrolments.participantId',
            'enrolments.activityId',
            'enrolments.startedOn',
            'enrolments.endedOn',
          ])
          .where('participants.planId', '=', planId)
          .execute(),
        trx
          .selectFrom('outcomeEvents')
          .innerJoin('participants', 'participants.id', 'outcomeEvents.participantId')
          .select(['outcomeEvents.participantId', 'outcomeEvents.kind', 'outcomeEvents.date'])
          .where('participants.planId', '=', planId)
          .execute(),
      ])
    : [null, null];
  // The plan's registrations per activity and day, read once; breakdown counts per activity and
  // day only when an indicator counts participants by breakdown; the first enrolment per set of
  // activities (indicators of one goal share theirs).
  const daysByActivity = await planRegistrationDays(trx, planId);
  const categoryKeys = [
    ...new Set(
      indicators.flatMap((i) =>
        i.registrationMeasure === 'participants' && i.kind === 'count'
          ? (fromJson<BreakdownInput[]>(i.breakdownsJson) ?? []).map((b) => b.key)
          : [],
      ),
    ),
  ];
  const categoriesByActivity =
    categoryKeys.length && daysByActivity.size
      ? await planCategoryDays(trx, planId, categoryKeys)
      : new Map<string, Map<string, CategoryDay[]>>();
  const firstEnrolmentOf = new Map<string, Promise<string | null>>();
  const now = today();
  const stamp = nowIso();

  for (const ind of indicators) {
    await trx
      .deleteFrom('indicatorValues')
      .where('indicatorId', '=', ind.id)
      .where('definitionVersion', '=', ind.definitionVersion)
      .where('source', '=', 'registrations')
      .execute();
    const measure = ind.registrationMeasure as RegistrationMeasure | null;
    if (!measure || ind.kind === 'yes_no') continue;
    const activityIds = activitiesFeeding(goals, links, ind.goalId);
    if (activityIds.size === 0) continue;
    const activityList = [...activityIds].sort();
    const setKey = activityList.join(' ');
    if (!firstEnrolmentOf.has(setKey))
      firstEnrolmentOf.set(
        setKey,
        trx
          .selectFrom('enrolments')
          .innerJoin('participants', 'participants.id', 'enrolments.participantId')
          .select((eb) => eb.fn.min('enrolments.startedOn').as('first'))
          .where('participants.planId', '=', planId)
          .where('enrolments.activityId', 'in', activityList)
          .executeTakeFirst()
          .then((r) => (r?.first as string | null | undefined) ?? null),
      );
    const days = mergeDays(activityList.map((id) => daysByActivity.get(id) ?? []));
    const firstEnrolment = await firstEnrolmentOf.get(setKey)!;

    const ownTargets = [...new Set(targets.filter((t) => t.indicatorId === ind.id).map((t) => t.period))];
    let finest: CalendarPeriodKind = 'quarter';
    const targetKinds = ownTargets.map((k) => parsePeriodKey(k)?.kind).filter((k) => k && k !== 'whole');
    if (targetKinds.length)
      finest = (targetKinds as CalendarPeriodKind[]).reduce((a, b) => (KIND_RANK[b] > KIND_RANK[a] ? b : a));
    const firstDates = [days[0]?.date, firstEnrolment].filter((d): d is string => !!d).sort();
    const keys = new Set(ownTargets);
    if (firstDates.length) {
      const end = planRange && planRange.end < now ? planRange.end : now;
      const start = planRange && planRange.start > firstDates[0]! ? planRange.start : firstDates[0]!;
      for (const p of periodsBetween(start, end, finest)) keys.add(formatPeriodKey(p));
    }
    const periods = [...keys].sort(comparePeriodKeys).flatMap((key) => {
      const range = periodRange(key, planRange);
      return range && range.start <= now ? [{ key, range }] : [];
    });
    const breakdowns = fromJson<BreakdownInput[]>(ind.breakdownsJson) ?? [];
    let computed: ComputedObservation[];
    if (measure === 'enrolled' || measure === 'outcome')
      computed = computeObservations(
        {
          kind: ind.kind as 'count',
          measure,
          outcomeKind: ind.outcomeKind,
          breakdowns,
          activityIds,
          registrations: [],
          enrolments: enrolments ?? [],
          outcomes: outcomes ?? [],
        },
        periods,
      );
    else {
      const categories =
        measure === 'participants' && ind.kind === 'count' && breakdowns.length && days.length
          ? mergeCategories(activityList.map((id) => categoriesByActivity.get(id)))
          : new Map<string, CategoryDay[]>();
      computed = observationsFromDays({ kind: ind.kind, measure, breakdowns }, days, categories, periods);
    }
    const observations = computed.filter((o) => o.state === 'value');
    const rows = observations.map((o) => {
      const key = breakdownKey(o.breakdown);
      return {
        id: newId(),
        indicatorId: ind.id,
        definitionVersion: ind.definitionVersion,
        period: o.period,
        breakdownKey: key,
        breakdownJson: o.breakdown ? toJson(o.breakdown) : null,
        state: 'value',
        value: o.value,
        numerator: o.numerator,
        denominator: o.denominator,
        sum: o.sum,
        count: o.count,
        source: 'registrations',
        note: null,
        createdAt: stamp,
        updatedAt: stamp,
        version: 1,
      };
    });
    for (let i = 0; i < rows.length; i += 200)
      await trx
        .insertInto('indicatorValues')
        .values(rows.slice(i, i + 200))
        .execute();
  }
}

// ---------------------------------------------------------------------------------------------
// Registrations

function toRegistration(r: RegistrationsTable): Registration {
  return {
    id: r.id,
    planId: r.planId,
    activityId: r.activityId,
    date: r.date,
    participants: r.participants,
    counts: fromJson<Record<string, Record<string, number>>>(r.countsJson) ?? {},
    hours: r.hours,
    note: r.note,
    source: r.source === 'import' ? 'import' : 'manual',
    version: r.version,
  };
}

/** The plan's registrations, newest first, optionally of one activity and between two dates. */
export async function listRegistrations(db: Executor, planId: string, q: Query): Promise<RegistrationList> {
  await requirePlan(db, planId);
  let query = db.selectFrom('registrations').selectAll().where('planId', '=', planId);
  if (q.activityId) query = query.where('activityId', '=', q.activityId);
  if (q.from) query = query.where('date', '>=', q.from);
  if (q.to) query = query.where('date', '<=', q.to);
  const rows = await query.orderBy('date', 'desc').orderBy('id', 'desc').execute();
  const items = rows.map(toRegistration);
  return {
    items,
    total: items.length,
    participants: items.reduce((s, r) => s + r.participants, 0),
    hours: Math.round(items.reduce((s, r) => s + (r.hours ?? 0), 0) * 100) / 100,
  };
}

/**
 * Registrations, participants and hours per quarter, from the first quarter with a registration
 * to the last; quarters in between without any are listed with zeros (none were registered).
 * Added up by the database (quarter = year and `(month + 2) / 3` of the ISO date text), over the
 * index on `(plan_id, date, participants, hours)`.
 */
export async function registrationSummary(db: Executor, planId: string): Promise<RegistrationSummary> {
  await requirePlan(db, planId);
  const year = sql<string>`substr(date, 1, 4)`;
  const quarter = sql<number>`(cast(substr(date, 6, 2) as integer) + 2) / 3`;
  const rows = await db
    .selectFrom('registrations')
    .select((eb) => [
      year.as('year'),
      quarter.as('quarter'),
      eb.fn.countAll().as('n'),
      eb.fn.sum('participants').as('participants'),
      eb.fn.sum('hours').as('hours'),
    ])
    .where('planId', '=', planId)
    .groupBy([year, quarter])
    .orderBy(year)
    .orderBy(quarter)
    .execute();
  if (rows.length === 0) return { quarters: [] };
  const key = (r: { year: string; quarter: number | string }) => `${r.year}-Q${Number(r.quarter)}`;
  const byQuarter = new Map<string, { registrations: number; participants: number; hours: number }>();
  const startOf = (r: { year: string; quarter: number | string }) => periodRange(key(r))!.start;
  for (const p of periodsBetween(startOf(rows[0]!), startOf(rows[rows.length - 1]!), 'quarter'))
    byQuarter.set(formatPeriodKey(p), { registrations: 0, participants: 0, hours: 0 });
  for (const r of rows)
    byQuarter.set(key(r), {
      registrations: Number(r.n),
      participants: Number(r.participants ?? 0),
      hours: Number(r.hours ?? 0),
    });
  return {
    quarters: [...byQuarter].map(([period, q]) => ({ period, ...q, hours: Math.round(q.hours * 100) / 100 })),
  };
}

/**
 * Checks registrations against the plan's activities: the activity is the plan's, the date lies
 * in the activity's period and not in the future, and counts by breakdown use the breakdowns of
 * the indicators the activity feeds without exceeding the participants. `prefix` names the row
 * (`rows.3.`) when many are checked at once.
 */
export async function registrationProblems(
  trx: Executor,
  planId: string,
  inputs: readonly RegistrationIn[],
  prefix: (i: number) => string = () => '',
): Promise<FieldError[]> {
  const p = new Problems();
  const check = registrationRules(await findActivities(trx, planId));
  inputs.forEach((input, i) => check(input, prefix(i), p));
  return p.list;
}

/** The rules of {@link registrationProblems} for the plan's activities, one registration at a time. */
export function registrationRules(
  planActivities: readonly Awaited<ReturnType<typeof findActivities>>[number][],
): (input: RegistrationIn, at: string, p: Problems) => void {
  const activities = new Map(planActivities.map((a) => [a.id, a]));
  const now = today();
  return (input, at, p) => {
    const activity = activities.get(input.activityId);
    if (!activity) {
      p.add(`${at}activityId`, 'activity_not_in_plan');
      return;
    }
    if (input.date > now) p.add(`${at}date`, 'date_in_future', { date: danishDate(input.date) });
    else if (
      (activity.periodStart && input.date < activity.periodStart) ||
      (activity.periodEnd && input.date > activity.periodEnd)
    )
      p.add(`${at}date`, 'registration_outside_activity', {
        date: danishDate(input.date),
        start: danishDate(activity.periodStart) || '…',
        end: danishDate(activity.periodEnd) || '…',
      });
    const allowed = activity.registrationBreakdowns;
    for (const [key, byCategory] of Object.entries(input.counts)) {
      const b = allowed.find((x) => x.key === key);
      if (!b) {
        p.add(`${at}counts.${key}`, 'breakdown_not_counted', {
          breakdown: key,
          allowed: allowed.map((x) => x.label).join(', ') || '—',
        });
        continue;
      }
      let sum = 0;
      for (const [category, n] of Object.entries(byCategory)) {
        if (!b.categories.includes(category))
          p.add(`${at}counts.${key}.${category}`, 'unknown_breakdown_value', {
            breakdown: b.label,
            value: category,
          });
        sum += n;
      }
      if (sum > input.participants)
        p.add(`${at}counts.${key}`, 'breakdown_exceeds_participants', {
          breakdown: b.label,
          sum,
          participants: input.participants,
        });
    }
  };
}

function registrationColumns(input: RegistrationIn) {
  const counts = Object.fromEntries(
    Object.entries(input.counts).filter(([, byCategory]) => Object.keys(byCategory).length > 0),
  );
  return {
    activityId: input.activityId,
    date: input.date,
    participants: input.participants,
    countsJson: toJson(counts) ?? '{}',
    hours: input.hours ?? null,
    note: input.note ?? null,
  };
}

async function findRegistration(db: Executor, planId: string, id: string) {
  return db
    .selectFrom('registrations')
    .selectAll()
    .where('planId', '=', planId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** @throws validation_failed (400: activity_not_in_plan, registration_outside_activity, date_in_future, …) */
export async function createRegistration(
  db: Db,
  ctx: RequestContext,
  planId: string,
  input: RegistrationIn,
): Promise<Registration> {
  return db.transaction().execute(async (trx) => {
    await requirePlan(trx, planId);
    const problems = await registrationProblems(trx, planId, [input]);
    if (problems.length) throw new AppError('validation_failed', 400, {}, problems);
    const id = newId();
    const now = nowIso();
    await trx
      .insertInto('registrations')
      .values({
        id,
        planId,
        ...registrationColumns(input),
        source: 'manual',
        importKey: null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    await recomputeRegistrationValues(trx, planId);
    const after = toRegistration((await findRegistration(trx, planId, id))!);
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'registration',
      entityId: id,
      planId,
      after,
    });
    return after;
  });
}

/** @throws registration_not_found (404), stale_version (409), validation_failed (400) */
export async function updateRegistration(
  db: Db,
  ctx: RequestContext,
  planId: string,
  registrationId: string,
  input: RegistrationIn & { version: number },
): Promise<Registration> {
  return db.transaction().execute(async (trx) => {
    const row = await findRegistration(trx, planId, registrationId);
    if (!row) throw notFound('registration_not_found');
    const problems = await registrationProblems(trx, planId, [input]);
    if (problems.length) throw new AppError('validation_failed', 400, {}, problems);
    const res = await trx
      .updateTable('registrations')
      .set({ ...registrationColumns(input), updatedAt: nowIso(), version: input.version + 1 })
      .where('id', '=', registrationId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new AppError('stale_version', 409);
    await recomputeRegistrationValues(trx, planId);
    const after = toRegistration((await findRegistration(trx, planId, registrationId))!);
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'registration',
      entityId: registrationId,
      planId,
      before: toRegistration(row),
      after,
    });
    return after;
  });
}

/** @throws registration_not_found (404) */
export async function deleteRegistration(
  db: Db,
  ctx: RequestContext,
  planId: string,
  registrationId: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await findRegistration(trx, planId, registrationId);
    if (!row) throw notFound('registration_not_found');
    await trx.deleteFrom('registrations').where('id', '=', registrationId).execute();
    await recomputeRegistrationValues(trx, planId);
    await recordAudit(trx, ctx, {
      action: 'delete',
      entityType: 'registration',
      entityId: registrationId,
      planId,
      before: toRegistration(row),
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Participants

async function presentParticipants(db: Executor, rows: ParticipantsTable[]): Promise<Participant[]> {
  const ids = rows.map((r) => r.id);
  const [enrolments, outcomes] = ids.length
    ? await Promise.all([
        db
          .selectFrom('enrolments')
          .selectAll()
          .where('participantId', 'in', ids)
          .orderBy('startedOn')
          .orderBy('id')
          .execute(),
        db
          .selectFrom('outcomeEvents')
          .selectAll()
          .where('participantId', 'in', ids)
          .orderBy('date')
          .orderBy('id')
          .execute(),
      ])
    : [[], []];
  return rows.map((r) => ({
    id: r.id,
    planId: r.planId,
    code: r.code,
    birthYear: r.birthYear,
    gender: r.gender as Participant['gender'],
    postcode: r.postcode,
    enrolments: enrolments
      .filter((e) => e.participantId === r.id)
      .map((e) => ({ activityId: e.activityId, startedOn: e.startedOn, endedOn: e.endedOn })),
    outcomes: outcomes
      .filter((o) => o.participantId === r.id)
      .map((o) => ({
        kind: o.kind as Participant['outcomes'][number]['kind'],
        date: o.date,
        activityId: o.activityId,
        note: o.note,
      })),
    version: r.version,
  }));
}

/** The plan's pseudonymous participants with enrolments and outcomes, by code. */
export async function listParticipants(db: Executor, planId: string): Promise<ParticipantList> {
  await requirePlan(db, planId);
  const rows = await db
    .selectFrom('participants')
    .selectAll()
    .where('planId', '=', planId)
    .orderBy('code')
    .execute();
  return { items: await presentParticipants(db, rows) };
}

async function findParticipant(db: Executor, planId: string, id: string): Promise<Participant | undefined> {
  const rows = await db
    .selectFrom('participants')
    .selectAll()
    .where('planId', '=', planId)
    .where('id', '=', id)
    .execute();
  return (await presentParticipants(db, rows))[0];
}

/**
 * Checks a participant: a code that is not a CPR number and not taken in the plan, a birth year
 * not in the future, enrolments and outcomes in the plan's activities, not in the future, each
 * once.
 */
export async function participantProblems(
  trx: Executor,
  planId: string,
  input: ParticipantIn,
  selfId: string | null,
  at = '',
): Promise<FieldError[]> {
  const p = new Problems();
  if (looksLikeCpr(input.code)) p.add(`${at}code`, 'participant_code_cpr');
  else {
    const taken = await trx
      .selectFrom('participants')
      .select('id')
      .where('planId', '=', planId)
      .where('code', '=', input.code)
      .executeTakeFirst();
    if (taken && taken.id !== selfId) p.add(`${at}code`, 'participant_code_taken', { code: input.code });
  }
  const now = today();
  if (input.birthYear && input.birthYear > Number(now.slice(0, 4)))
    p.add(`${at}birthYear`, 'date_in_future', { date: String(input.birthYear) });
  const activityIds = new Set(
    (await trx.selectFrom('activities').select('id').where('planId', '=', planId).execute()).map((a) => a.id),
  );
  const seen = new Set<string>();
  input.enrolments.forEach((e, i) => {
    if (!activityIds.has(e.activityId)) p.add(`${at}enrolments.${i}.activityId`, 'activity_not_in_plan');
    if (e.startedOn > now)
      p.add(`${at}enrolments.${i}.startedOn`, 'date_in_future', { date: danishDate(e.startedOn) });
    if (e.endedOn && e.endedOn < e.startedOn)
      p.add(`${at}enrolments.${i}.endedOn`, 'period_end_before_start');
    const key = `${e.activityId} ${e.startedOn}`;
    if (seen.has(key)) p.add(`${at}enrolments.${i}.startedOn`, 'enrolment_duplicate');
    seen.add(key);
  });
  const seenOutcomes = new Set<string>();
  input.outcomes.forEach((o, i) => {
    if (o.activityId && !activityIds.has(o.activityId))
      p.add(`${at}outcomes.${i}.activityId`, 'activity_not_in_plan');
    if (o.date > now) p.add(`${at}outcomes.${i}.date`, 'date_in_future', { date: danishDate(o.date) });
    const key = `${o.kind} ${o.date}`;
    if (seenOutcomes.has(key)) p.add(`${at}outcomes.${i}.date`, 'outcome_duplicate');
    seenOutcomes.add(key);
  });
  return p.list;
}

export async function writeParticipantLinks(trx: Executor, participantId: string, input: ParticipantIn) {
  await trx.deleteFrom('enrolments').where('participantId', '=', participantId).execute();
  await trx.deleteFrom('outcomeEvents').where('participantId', '=', participantId).execute();
  if (input.enrolments.length)
    await trx
      .insertInto('enrolments')
      .values(
        input.enrolments.map((e) => ({
          id: newId(),
          participantId,
          activityId: e.activityId,
          startedOn: e.startedOn,
          endedOn: e.endedOn ?? null,
        })),
      )
      .execute();
  if (input.outcomes.length)
    await trx
      .insertInto('outcomeEvents')
      .values(
        input.outcomes.map((o) => ({
          id: newId(),
          participantId,
          kind: o.kind,
          date: o.date,
          activityId: o.activityId ?? null,
          note: o.note ?? null,
        })),
      )
      .execute();
}

const participantColumns = (input: ParticipantIn) => ({
  code: input.code,
  birthYear: input.birthYear ?? null,
  gender: input.gender ?? null,
  postcode: input.postcode ?? null,
});

/** @throws validation_failed (400: participant_code_cpr, activity_not_in_plan, …), participant_code_taken */
export async function createParticipant(
  db: Db,
  ctx: RequestContext,
  planId: string,
  input: ParticipantIn,
): Promise<Participant> {
  return db.transaction().execute(async (trx) => {
    await requirePlan(trx, planId);
    const problems = await participantProblems(trx, planId, input, null);
    if (problems.length) throw new AppError('validation_failed', 400, {}, problems);
    const id = newId();
    const now = nowIso();
    await trx
      .insertInto('participants')
      .values({ id, planId, ...participantColumns(input), createdAt: now, updatedAt: now, version: 1 })
      .execute();
    await writeParticipantLinks(trx, id, input);
    await recomputeRegistrationValues(trx, planId);
    const after = (await findParticipant(trx, planId, id))!;
    await recordAudit(trx, ctx, { action: 'create', entityType: 'participant', entityId: id, planId, after });
    return after;
  });
}

/** @throws participant_not_found (404), stale_version (409), validation_failed (400) */
export async function updateParticipant(
  db: Db,
  ctx: RequestContext,
  planId: string,
  participantId: string,
  input: ParticipantIn & { version: number },
): Promise<Participant> {
  return db.transaction().execute(async (trx) => {
    const before = await findParticipant(trx, planId, participantId);
    if (!before) throw notFound('participant_not_found');
    const problems = await participantProblems(trx, planId, input, participantId);
    if (problems.length) throw new AppError('validation_failed', 400, {}, problems);
    const res = await trx
      .updateTable('participants')
      .set({ ...participantColumns(input), updatedAt: nowIso(), version: input.version + 1 })
      .where('id', '=', participantId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new AppError('stale_version', 409);
    await writeParticipantLinks(trx, participantId, input);
    await recomputeRegistrationValues(trx, planId);
    const after = (await findParticipant(trx, planId, participantId))!;
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'participant',
      entityId: participantId,
      planId,
      before,
      after,
    });
    return after;
  });
}

/** Deletes a participant with their enrolments and outcomes. @throws participant_not_found (404) */
export async function deleteParticipant(
  db: Db,
  ctx: RequestContext,
  planId: string,
  participantId: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await findParticipant(trx, planId, participantId);
    if (!before) throw notFound('participant_not_found');
    await trx.deleteFrom('enrolments').where('participantId', '=', participantId).execute();
    await trx.deleteFrom('outcomeEvents').where('participantId', '=', participantId).execute();
    await trx.deleteFrom('participants').where('id', '=', participantId).execute();
    await recomputeRegistrationValues(trx, planId);
    await recordAudit(trx, ctx, {
      action: 'delete',
      entityType: 'participant',
      entityId: participantId,
      planId,
      before,
    });
  });
}
