/**
 * The values computed from registrations and the quarter summary are added up by the database
 * (per day, per breakdown category, per quarter). These tests hold them to what adding up every
 * registration one by one in JavaScript gives (`computeObservations`, the reference), on many
 * seeded registrations with hours of several decimals, missing hours, partial and foreign
 * breakdown counts, on both engines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity, BreakdownInput, Indicator, PlanDetail } from '@pejling/contracts';
import { fromJson, newId, nowIso, toJson } from '../src/db/portable.js';
import {
  comparePeriodKeys,
  formatPeriodKey,
  parsePeriodKey,
  periodContaining,
  periodRange,
  periodsBetween,
  todayInDenmark,
  type CalendarPeriodKind,
} from '../src/domain/periods.js';
import {
  activitiesFeeding,
  computeObservations,
  type RegistrationMeasure,
} from '../src/domain/registrations.js';
import {
  recomputeRegistrationValues,
  registrationSummary,
} from '../src/features/results/registrations.service.js';
import { buildPlan } from './factories.js';
import { createTestApp, type TestApp, type TestClient } from './test-app.js';

let t: TestApp;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.userClient({ isAdmin: true });
});
afterAll(async () => t?.close());

async function ok<T>(res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 201) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
}

/** A seeded sequence (mulberry32), so a failure replays. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const GENDER: BreakdownInput = { key: 'gender', label: 'Køn', categories: ['Pige', 'Dreng', 'Andet'] };
const AGE: BreakdownInput = { key: 'age', label: 'Alder', categories: ['13-17', '18-24'] };

/** A plan with two activity goals under one result goal and an indicator of every measure and kind. */
async function setup() {
  const p: PlanDetail = await buildPlan(t.db);
  const f0 = p.focusAreas[0]!.id;
  const post = <T>(path: string, body: unknown) => ok<T>(admin.post(`/api/plans/${p.id}/${path}`, body));
  const result = await post<{ id: string }>('goals', {
    level: 'result',
    focusAreaId: f0,
    title: 'Flere i job',
  });
  const goalA = await post<{ id: string }>('goals', {
    level: 'activity',
    focusAreaId: f0,
    parentId: result.id,
    title: 'Lektiecafé',
  });
  const goalB = await post<{ id: string }>('goals', {
    level: 'activity',
    focusAreaId: f0,
    parentId: result.id,
    title: 'Jobværksted',
  });
  const activity = (name: string, goalId: string, periodStart: string) =>
    post<Activity>('activities', {
      name,
      focusAreaId: f0,
      goalIds: [goalId],
      periodStart,
      periodEnd: '2025-12-31',
      status: 'running',
    });
  const cafe = await activity('Lektiecafé', goalA.id, '2023-01-01');
  const workshop = await activity('Jobværksted', goalB.id, '2023-05-01');
  const other = await activity('Fodbold', result.id, '2023-01-01');
  const indicator = (
    goalId: string,
    name: string,
    kind: string,
    measure: RegistrationMeasure,
    extra: Record<string, unknown> = {},
  ) =>
    post<Indicator>('indicators', {
      goalId,
      name,
      kind,
      direction: 'higher_is_better',
      dataSource: 'registrations',
      registrationMeasure: measure,
      combine: kind === 'count' ? 'sum' : 'non_cumulative',
      ...extra,
    });
  await indicator(goalA.id, 'Fremmøde', 'count', 'participants', { breakdowns: [GENDER, AGE] });
  await indicator(goalA.id, 'Fremmøde pr. gang', 'average', 'participants', {
    targets: [{ period: '2024', value: 10 }],
  });
  await indicator(goalB.id, 'Gange', 'count', 'sessions', { targets: [{ period: '2024-H2', value: 20 }] });
  await indicator(result.id, 'Timer', 'count', 'hours');
  await indicator(result.id, 'Timer pr. gang', 'average', 'hours');
  await indicator(result.id, 'Fremmøde i alt', 'count', 'participants', { breakdowns: [GENDER] });
  await indicator(result.id, 'Tilmeldte', 'count', 'enrolled');
  await indicator(result.id, 'Andel i job', 'percentage', 'outcome', { outcomeKind: 'got_job' });
  return { p, activities: [cafe, workshop, other] };
}

/** Seeded registrations, participants, enrolments and outcomes, straight into the database. */
async function fill(planId: string, activities: Activity[], n: number, seed: number) {
  const next = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const day = (from: string, to: string) => {
    const a = Date.parse(from);
    const b = Date.parse(to);
    return new Date(a + Math.floor(next() * ((b - a) / 86_400_000 + 1)) * 86_400_000)
      .toISOString()
      .slice(0, 10);
  };
  const now = nowIso();
  const rows = [];
  for (let i = 0; i < n; i++) {
    const a = pick(activities);
    const participants = 1 + Math.floor(next() * 25);
    const counts: Record<string, unknown> = {};
    const r = next();
    if (r < 0.5) {
      const girls = Math.floor(next() * participants);
      counts.gender = next() < 0.7 ? { Pige: girls, Dreng: participants - girls } : { Pige: girls };
      if (next() < 0.1) (counts.gender as Record<string, number>).Ukendt = 1;
    }
    if (next() < 0.3) counts.age = { '13-17': Math.floor(next() * participants) };
    if (next() < 0.05) counts.other = { x: 2 };
    const hoursDraw = next();
    const hours =
      hoursDraw < 0.2
        ? null
        : hoursDraw < 0.6
          ? Math.round(next() * 400) / 100
          : Math.round(next() * 80) / 10;
    rows.push({
      id: newId(),
      planId,
      activityId: a.id,
      date: day(a.periodStart!, '2025-12-31'),
      participants,
      countsJson: toJson(counts) ?? '{}',
      hours,
      note: null,
      source: 'manual',
      importKey: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
  }
  for (let i = 0; i < rows.length; i += 200)
    await t.db
      .insertInto('registrations')
      .values(rows.slice(i, i + 200))
      .execute();
  for (let i = 0; i < 60; i++) {
    const id = newId();
    await t.db
      .insertInto('participants')
      .values({
        id,
        planId,
        code: `P${seed}-${i}`,
        birthYear: 2005,
        gender: null,
        postcode: null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    const a = pick(activities);
    const startedOn = day(a.periodStart!, '2025-06-30');
    await t.db
      .insertInto('enrolments')
      .values({
        id: newId(),
        participantId: id,
        activityId: a.id,
        startedOn,
        endedOn: next() < 0.5 ? day(startedOn, '2025-12-31') : null,
      })
      .execute();
    if (next() < 0.4)
      await t.db
        .insertInto('outcomeEvents')
        .values({
          id: newId(),
          participantId: id,
          kind: pick(['got_job', 'started_education']),
          date: day(startedOn, '2025-12-31'),
          activityId: null,
          note: null,
        })
        .execute();
  }
}

/** The values by adding up every registration in JavaScript, as the product did before. */
async function reference(planId: string) {
  const plan = (await t.db
    .selectFrom('plans')
    .selectAll()
    .where('id', '=', planId)
    .executeTakeFirstOrThrow())!;
  const planRange =
    plan.periodStart && plan.periodEnd ? { start: plan.periodStart, end: plan.periodEnd } : null;
  const indicators = await t.db
    .selectFrom('indicators')
    .selectAll()
    .where('planId', '=', planId)
    .where('dataSource', '=', 'registrations')
    .orderBy('id')
    .execute();
  const goals = await t.db
    .selectFrom('goals')
    .select(['id', 'parentId'])
    .where('planId', '=', planId)
    .execute();
  const links = await t.db
    .selectFrom('activityGoals')
    .innerJoin('activities', 'activities.id', 'activityGoals.activityId')
    .select(['activityGoals.activityId', 'activityGoals.goalId'])
    .where('activities.planId', '=', planId)
    .execute();
  const registrations = (
    await t.db
      .selectFrom('registrations')
      .select(['activityId', 'date', 'participants', 'countsJson', 'hours'])
      .where('planId', '=', planId)
      .orderBy('date')
      .orderBy('id')
      .execute()
  ).map((r) => ({ ...r, counts: fromJson<Record<string, Record<string, number>>>(r.countsJson) ?? {} }));
  const enrolments = await t.db
    .selectFrom('enrolments')
    .innerJoin('participants', 'participants.id', 'enrolments.participantId')
    .select([
      'enrolments.participantId',
      'enrolments.activityId',
      'enrolments.startedOn',
      'enrolments.endedOn',
    ])
    .where('participants.planId', '=', planId)
    .execute();
  const outcomes = await t.db
    .selectFrom('outcomeEvents')
    .innerJoin('participants', 'participants.id', 'outcomeEvents.participantId')
    .select(['outcomeEvents.participantId', 'outcomeEvents.kind', 'outcomeEvents.date'])
    .where('participants.planId', '=', planId)
    .execute();
  const targets = await t.db.selectFrom('indicatorTargets').select(['indicatorId', 'period']).execute();
  const now = todayInDenmark();
  const out: Record<string, unknown[]> = {};
  for (const ind of indicators) {
    const activityIds = activitiesFeeding(goals, links, ind.goalId);
    const own = [...new Set(targets.filter((x) => x.indicatorId === ind.id).map((x) => x.period))];
    const rank = { year: 0, half: 1, quarter: 2 };
    let finest: CalendarPeriodKind = 'quarter';
    const targetKinds = own.map((k) => parsePeriodKey(k)?.kind).filter((k) => k && k !== 'whole');
    if (targetKinds.length)
      finest = (targetKinds as CalendarPeriodKind[]).reduce((a, b) => (rank[b] > rank[a] ? b : a));
    const dates = [
      ...registrations.filter((r) => activityIds.has(r.activityId)).map((r) => r.date),
      ...enrolments.filter((e) => activityIds.has(e.activityId)).map((e) => e.startedOn),
    ].sort();
    const keys = new Set(own);
    if (dates.length) {
      const end = planRange && planRange.end < now ? planRange.end : now;
      const start = planRange && planRange.start > dates[0]! ? planRange.start : dates[0]!;
      for (const p of periodsBetween(start, end, finest)) keys.add(formatPeriodKey(p));
    }
    const periods = [...keys].sort(comparePeriodKeys).flatMap((key) => {
      const range = periodRange(key, planRange);
      return range && range.start <= now ? [{ key, range }] : [];
    });
    out[ind.id] = computeObservations(
      {
        kind: ind.kind as 'count',
        measure: ind.registrationMeasure as RegistrationMeasure,
        outcomeKind: ind.outcomeKind,
        breakdowns: fromJson<BreakdownInput[]>(ind.breakdownsJson) ?? [],
        activityIds,
        registrations,
        enrolments,
        outcomes,
      },
      periods,
    )
      .filter((o) => o.state === 'value')
      .map((o) => ({
        period: o.period,
        breakdown: o.breakdown,
        value: o.value,
        numerator: o.numerator,
        denominator: o.denominator,
        sum: o.sum,
        count: o.count,
      }));
  }
  return out;
}

async function stored(planId: string) {
  const indicators = await t.db
    .selectFrom('indicators')
    .select('id')
    .where('planId', '=', planId)
    .where('dataSource', '=', 'registrations')
    .orderBy('id')
    .execute();
  const out: Record<string, unknown[]> = {};
  for (const ind of indicators) {
    const rows = await t.db
      .selectFrom('indicatorValues')
      .selectAll()
      .where('indicatorId', '=', ind.id)
      .where('source', '=', 'registrations')
      .execute();
    const byKey = (r: { period: string; breakdownKey: string }) => `${r.period} ${r.breakdownKey}`;
    out[ind.id] = rows
      .sort((a, b) => comparePeriodKeys(a.period, b.period) || (byKey(a) < byKey(b) ? -1 : 1))
      .map((r) => ({
        period: r.period,
        breakdown: fromJson(r.breakdownJson),
        value: r.value === null ? null : Number(r.value),
        numerator: r.numerator === null ? null : Number(r.numerator),
        denominator: r.denominator === null ? null : Number(r.denominator),
        sum: r.sum === null ? null : Number(r.sum),
        count: r.count === null ? null : Number(r.count),
      }));
  }
  return out;
}

const sortLike = (values: Record<string, unknown[]>) =>
  Object.fromEntries(
    Object.entries(values).map(([id, list]) => [
      id,
      [...(list as { period: string; breakdown: Record<string, string> | null }[])].sort(
        (a, b) =>
          comparePeriodKeys(a.period, b.period) ||
          (JSON.stringify(a.breakdown) < JSON.stringify(b.breakdown) ? -1 : 1),
      ),
    ]),
  );

describe('values computed from registrations, added up by the database', () => {
  it('are the values of adding up each registration, for every measure and kind', async () => {
    const { p, activities } = await setup();
    await fill(p.id, activities, 3000, 7);
    await recomputeRegistrationValues(t.db, p.id);
    const expected = sortLike(await reference(p.id));
    const actual = sortLike(await stored(p.id));
    expect(Object.keys(actual).length).toBe(8);
    for (const [id, list] of Object.entries(expected)) expect(list.length, id).toBeGreaterThan(0);
    const breakdowns = Object.values(expected)
      .flat()
      .map((o) => JSON.stringify((o as { breakdown: unknown }).breakdown));
    expect(breakdowns).toContain('{"age":"13-17"}');
    expect(breakdowns).toContain('{"gender":"Dreng"}');
    expect(actual).toEqual(expected);
  });

  it('are the same after registrations come and go through the API', async () => {
    const { p, activities } = await setup();
    await fill(p.id, activities, 400, 11);
    const created = await ok<{ id: string; version: number }>(
      admin.post(`/api/plans/${p.id}/registrations`, {
        activityId: activities[0]!.id,
        date: '2024-02-29',
        participants: 9,
        counts: { gender: { Pige: 4, Andet: 1 } },
        hours: 1.25,
      }),
    );
    expect(sortLike(await stored(p.id))).toEqual(sortLike(await reference(p.id)));
    const del = await admin.delete(`/api/plans/${p.id}/registrations/${created.id}`);
    expect(del.statusCode, del.body).toBe(204);
    expect(sortLike(await stored(p.id))).toEqual(sortLike(await reference(p.id)));
  });

  it('a plan without registrations or enrolments gets no computed values', async () => {
    const { p } = await setup();
    await recomputeRegistrationValues(t.db, p.id);
    const values = await stored(p.id);
    expect(Object.values(values).every((v) => v.length === 0)).toBe(true);
  });
});

describe('registration summary per quarter', () => {
  it('adds up registrations, participants and hours per quarter, with empty quarters between', async () => {
    const { p, activities } = await setup();
    await fill(p.id, activities.slice(1, 2), 1500, 3);
    // A gap: nothing in 2024-Q3, then one registration in 2025-Q2 of another activity.
    await t.db
      .deleteFrom('registrations')
      .where('planId', '=', p.id)
      .where('date', '>=', '2024-07-01')
      .execute();
    await t.db
      .insertInto('registrations')
      .values({
        id: newId(),
        planId: p.id,
        activityId: activities[0]!.id,
        date: '2025-05-31',
        participants: 3,
        countsJson: '{}',
        hours: null,
        note: null,
        source: 'manual',
        importKey: null,
        createdAt: nowIso(),
        updatedAt: nowIso(),
        version: 1,
      })
      .execute();
    const rows = await t.db
      .selectFrom('registrations')
      .select(['date', 'participants', 'hours'])
      .where('planId', '=', p.id)
      .orderBy('date')
      .execute();
    const byQuarter = new Map<string, { registrations: number; participants: number; hours: number }>();
    for (const q of periodsBetween(rows[0]!.date, rows[rows.length - 1]!.date, 'quarter'))
      byQuarter.set(formatPeriodKey(q), { registrations: 0, participants: 0, hours: 0 });
    for (const r of rows) {
      const q = byQuarter.get(formatPeriodKey(periodContaining(r.date, 'quarter')))!;
      q.registrations += 1;
      q.participants += r.participants;
      q.hours += r.hours ?? 0;
    }
    const expected = [...byQuarter].map(([period, q]) => ({
      period,
      ...q,
      hours: Math.round(q.hours * 100) / 100,
    }));
    const summary = await registrationSummary(t.db, p.id);
    expect(summary.quarters).toEqual(expected);
    expect(summary.quarters.find((q) => q.period === '2024-Q4')).toEqual({
      period: '2024-Q4',
      registrations: 0,
      participants: 0,
      hours: 0,
    });
    expect(summary.quarters.at(-1)).toMatchObject({ period: '2025-Q2', registrations: 1, participants: 3 });
  });

  it('is empty for a plan without registrations', async () => {
    const { p } = await setup();
    expect(await registrationSummary(t.db, p.id)).toEqual({ quarters: [] });
  });
});
