import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity, Indicator, PlanDetail, ResultsFramework } from '@pejling/contracts';
import { buildPlan, buildUser } from './factories.js';
import { createTestApp, type TestApp, type TestClient } from './test-app.js';

let t: TestApp;
let admin: TestClient;
let plan: PlanDetail;
let otherPlan: PlanDetail;

function details(res: LightMyRequestResponse): Record<string, string> {
  const body = res.json() as { error: { details?: { path: string; message: string }[] } };
  return Object.fromEntries((body.error.details ?? []).map((d) => [d.path, d.message]));
}
async function count(table: 'registrations' | 'participants' | 'enrolments' | 'outcomeEvents') {
  const r = await t.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
async function ok<T>(res: Promise<LightMyRequestResponse>, status = 201): Promise<T> {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
}
const framework = async (planId: string) =>
  ok<ResultsFramework>(admin.get(`/api/plans/${planId}/results`), 200);

/**
 * A plan with a result goal "Flere unge i uddannelse" and an activity goal "Lektiecafé for 40
 * unge" under it; the homework café serves the activity goal. Indicators computed from
 * registrations: participants per quarter (count by gender, target 2024-Q1 = 30), and the share
 * of enrolled who started an education (percentage, target 2024 = 50 %).
 */
async function setup() {
  const p = await buildPlan(t.db);
  const f0 = p.focusAreas[0]!.id;
  const result = await ok<{ id: string }>(
    admin.post(`/api/plans/${p.id}/goals`, {
      level: 'result',
      focusAreaId: f0,
      title: 'Flere unge i uddannelse',
    }),
  );
  const actGoal = await ok<{ id: string }>(
    admin.post(`/api/plans/${p.id}/goals`, {
      level: 'activity',
      focusAreaId: f0,
      parentId: result.id,
      title: 'Lektiecafé for 40 unge',
    }),
  );
  const cafe = await ok<Activity>(
    admin.post(`/api/plans/${p.id}/activities`, {
      name: 'Lektiecafé',
      focusAreaId: f0,
      goalIds: [actGoal.id],
      periodStart: '2024-01-01',
      periodEnd: '2026-06-30',
      status: 'running',
      registrationFrequency: 'monthly',
    }),
  );
  const attendance = await ok<Indicator>(
    admin.post(`/api/plans/${p.id}/indicators`, {
      goalId: actGoal.id,
      name: 'Fremmøde i lektiecaféen',
      kind: 'count',
      direction: 'higher_is_better',
      dataSource: 'registrations',
      registrationMeasure: 'participants',
      combine: 'sum',
      breakdowns: [{ key: 'gender', label: 'Køn', categories: ['Pige', 'Dreng'] }],
      baselineValue: 0,
      targets: [{ period: '2024-Q1', value: 30 }],
    }),
  );
  const education = await ok<Indicator>(
    admin.post(`/api/plans/${p.id}/indicators`, {
      goalId: result.id,
      name: 'Andel tilmeldte, der starter på en uddannelse',
      kind: 'percentage',
      direction: 'higher_is_better',
      dataSource: 'registrations',
      registrationMeasure: 'outcome',
      outcomeKind: 'started_education',
      combine: 'non_cumulative',
      targets: [{ period: '2024', value: 50 }],
    }),
  );
  return { p, f0, result, actGoal, cafe, attendance, education };
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.userClient({ isAdmin: true });
  plan = await buildPlan(t.db);
  otherPlan = await buildPlan(t.db);
});
afterAll(async () => t?.close());

describe('registrations', () => {
  it('compute the indicator values, and the status moves with each registration', async () => {
    const { p, cafe, attendance } = await setup();
    const status = async () => {
      const f = await framework(p.id);
      return f.indicators.find((i) => i.id === attendance.id)!.statuses.find((s) => s.period === '2024-Q1')!;
    };
    expect(await status()).toMatchObject({ state: 'missing', status: 'no_data' });
    expect(cafe.registrationBreakdowns).toEqual([]);
    const activity = (await framework(p.id)).activities.find((a) => a.id === cafe.id)!;
    expect(activity.registrationBreakdowns.map((b) => b.key)).toEqual(['gender']);

    await ok(
      admin.post(`/api/plans/${p.id}/registrations`, {
        activityId: cafe.id,
        date: '2024-01-10',
        participants: 12,
        counts: { gender: { Pige: 7, Dreng: 5 } },
        hours: 2,
      }),
    );
    expect(await status()).toMatchObject({ state: 'value', value: 12, status: 'behind' });
    const second = await ok<{ id: string; version: number }>(
      admin.post(`/api/plans/${p.id}/registrations`, {
        activityId: cafe.id,
        date: '2024-03-20',
        participants: 16,
        counts: { gender: { Pige: 9 } },
      }),
    );
    const s = await status();
    expect(s).toMatchObject({ value: 28, status: 'on_track' });
    expect(s.categories.find((c) => c.category === 'Pige')?.value).toBe(16);

    await ok(
      admin.put(`/api/plans/${p.id}/registrations/${second.id}`, {
        activityId: cafe.id,
        date: '2024-03-20',
        participants: 40,
        version: second.version,
      }),
      200,
    );
    expect(await status()).toMatchObject({ value: 52, status: 'ahead' });
    expect((await admin.delete(`/api/plans/${p.id}/registrations/${second.id}`)).statusCode).toBe(204);
    expect(await status()).toMatchObject({ value: 12, status: 'behind' });

    const list = await ok<{ total: number; participants: number; hours: number }>(
      admin.get(`/api/plans/${p.id}/registrations?activityId=${cafe.id}`),
      200,
    );
    expect(list).toMatchObject({ total: 1, participants: 12, hours: 2 });
    await ok(
      admin.post(`/api/plans/${p.id}/registrations`, {
        activityId: cafe.id,
        date: '2024-08-01',
        participants: 3,
      }),
    );
    const summary = await ok<{ quarters: unknown[] }>(
      admin.get(`/api/plans/${p.id}/registrations/summary`),
      200,
    );
    expect(summary.quarters).toEqual([
      { period: '2024-Q1', registrations: 1, participants: 12, hours: 2 },
      { period: '2024-Q2', registrations: 0, participants: 0, hours: 0 },
      { period: '2024-Q3', registrations: 1, participants: 3, hours: 0 },
    ]);
  });

  it('refuse values entered by hand on an indicator computed from registrations', async () => {
    const { p, attendance } = await setup();
    const res = await admin.put(`/api/plans/${p.id}/indicators/${attendance.id}/values`, {
      values: [{ period: '2024-Q1', state: 'value', value: 99 }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('values_computed');
  });

  it('refuse a date outside the activity, in the future, another plan’s activity and wrong counts; nothing stored', async () => {
    const { p, cafe } = await setup();
    const foreign = await ok<Activity>(
      admin.post(`/api/plans/${otherPlan.id}/activities`, { name: 'Andet', status: 'running' }),
    );
    const before = await count('registrations');
    const bad = async (body: Record<string, unknown>) => {
      const res = await admin.post(`/api/plans/${p.id}/registrations`, {
        activityId: cafe.id,
        date: '2024-02-01',
        participants: 5,
        ...body,
      });
      expect(res.statusCode, res.body).toBe(400);
      return details(res);
    };
    expect((await bad({ date: '2023-12-31' })).date).toMatch(
      /uden for aktivitetens periode \(01-01-2024 til 30-06-2026\)/,
    );
    expect((await bad({ date: '2099-01-01' })).date).toMatch(/fremtiden/);
    expect((await bad({ activityId: foreign.id })).activityId).toMatch(/anden helhedsplan/);
    expect((await bad({ counts: { age: { '6-12': 2 } } }))['counts.age']).toMatch(/Køn/);
    expect((await bad({ counts: { gender: { Pige: 4, Dreng: 3 } } }))['counts.gender']).toMatch(
      /7 deltagere/,
    );
    expect((await bad({ counts: { gender: { Andet: 1 } } }))['counts.gender.Andet']).toMatch(
      /ingen kategori/,
    );
    expect((await bad({ participants: -1 })).participants).toBeDefined();
    expect(await count('registrations')).toBe(before);
  });

  it('make a running activity overdue until it is registered, and keep an activity with registrations', async () => {
    const { p, cafe } = await setup();
    const flags = async () =>
      (await framework(p.id)).coherence.flags.filter((f) => f.kind === 'registrations_overdue');
    // monthly from 2024-01-01 with no registration: due 2024-02-01
    expect(await flags()).toEqual([expect.objectContaining({ entityId: cafe.id, since: '2024-02-01' })]);
    // The plan's editor sees it on the Overblik page's agenda.
    const editorUser = await buildUser(t.db, { roles: [{ role: 'plan_editor', planId: p.id }] });
    const editor = await t.sessionClient(editorUser.id);
    const agenda = await ok<{ overdue: { activityId: string; since: string }[] }>(
      editor.get('/api/agenda'),
      200,
    );
    expect(agenda.overdue).toEqual([expect.objectContaining({ activityId: cafe.id, since: '2024-02-01' })]);
    const recent = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    const last = recent > '2026-06-30' ? '2026-06-30' : recent;
    await ok(
      admin.post(`/api/plans/${p.id}/registrations`, { activityId: cafe.id, date: last, participants: 3 }),
    );
    const a = (await framework(p.id)).activities.find((x) => x.id === cafe.id)!;
    expect(a).toMatchObject({ registrationCount: 1, lastRegistration: last });
    expect(await flags()).toEqual([]);

    const del = await admin.delete(`/api/plans/${p.id}/activities/${cafe.id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().error.message).toMatch(/1 registreringer/);
  });
});

describe('indicators computed from registrations', () => {
  it('need a measure that fits their kind, and an outcome for outcome measures', async () => {
    const { p, result } = await setup();
    const base = {
      goalId: result.id,
      name: 'Beregnet',
      kind: 'count',
      direction: 'higher_is_better',
      dataSource: 'registrations',
      combine: 'sum',
    };
    const bad = async (body: Record<string, unknown>) => {
      const res = await admin.post(`/api/plans/${p.id}/indicators`, { ...base, ...body });
      expect(res.statusCode, res.body).toBe(400);
      return details(res);
    };
    expect((await bad({})).registrationMeasure).toMatch(/Vælg, hvad indikatoren tæller/);
    expect((await bad({ kind: 'percentage', registrationMeasure: 'sessions' })).registrationMeasure).toMatch(
      /Mulige typer: count/,
    );
    expect((await bad({ registrationMeasure: 'outcome' })).outcomeKind).toBeDefined();
    expect(
      (await bad({ dataSource: 'manual', registrationMeasure: 'hours' })).registrationMeasure,
    ).toBeDefined();
  });

  it('count the share of enrolled participants with an outcome', async () => {
    const { p, cafe, education } = await setup();
    const enrol = (code: string, outcomes: { kind: string; date: string }[] = []) =>
      ok(
        admin.post(`/api/plans/${p.id}/participants`, {
          code,
          birthYear: 2008,
          gender: 'female',
          postcode: '5240',
          enrolments: [{ activityId: cafe.id, startedOn: '2024-02-01' }],
          outcomes,
        }),
      );
    await enrol('LC-001', [{ kind: 'started_education', date: '2024-08-15' }]);
    await enrol('LC-002');
    await enrol('LC-003', [{ kind: 'got_job', date: '2024-09-01' }]);
    const y = (await framework(p.id)).indicators
      .find((i) => i.id === education.id)!
      .statuses.find((s) => s.period === '2024')!;
    expect(y).toMatchObject({ state: 'value', target: 50, status: 'behind' });
    expect(y.value).toBeCloseTo(33.333, 3);
    const values = await ok<{ items: { period: string; numerator: number; denominator: number }[] }>(
      admin.get(`/api/plans/${p.id}/indicators/${education.id}/values`),
      200,
    );
    expect(values.items.find((v) => v.period === '2024')).toMatchObject({ numerator: 1, denominator: 3 });
  });

  it('keep earlier computed values with the earlier definition when the measure changes', async () => {
    const { p, cafe, attendance } = await setup();
    await ok(
      admin.post(`/api/plans/${p.id}/registrations`, {
        activityId: cafe.id,
        date: '2024-02-02',
        participants: 9,
      }),
    );
    const body = {
      goalId: attendance.goalId,
      name: attendance.name,
      kind: 'count',
      direction: 'higher_is_better',
      dataSource: 'registrations',
      registrationMeasure: 'sessions',
      combine: 'sum',
      breakdowns: attendance.breakdowns,
      baselineValue: 0,
      targets: [{ period: '2024-Q1', value: 30 }],
      version: attendance.version,
    };
    const refused = await admin.put(`/api/plans/${p.id}/indicators/${attendance.id}`, body);
    expect(refused.statusCode).toBe(400);
    const changed = await ok<Indicator>(
      admin.put(`/api/plans/${p.id}/indicators/${attendance.id}`, {
        ...body,
        changeReason: 'Vi tæller gange',
      }),
      200,
    );
    expect(changed.definitionVersion).toBe(2);
    expect(changed.statuses.find((s) => s.period === '2024-Q1')?.value).toBe(1);
    expect(changed.earlierVersions[0]?.valueCount).toBeGreaterThan(0);
  });
});

describe('participants', () => {
  it('are pseudonymous: a code shaped like a CPR number is refused, and nothing is stored', async () => {
    const before = await count('participants');
    const res = await admin.post(`/api/plans/${plan.id}/participants`, { code: '010203-1234' });
    expect(res.statusCode).toBe(400);
    expect(details(res).code).toMatch(/CPR-nummer/);
    const bad = await admin.post(`/api/plans/${plan.id}/participants`, { code: 'Anne Hansen' });
    expect(bad.statusCode).toBe(400);
    expect(await count('participants')).toBe(before);
  });

  it('have a code unique in the plan, enrolments in the plan’s activities, and every list read audited', async () => {
    const { p, cafe } = await setup();
    const foreign = await ok<Activity>(
      admin.post(`/api/plans/${otherPlan.id}/activities`, { name: 'Fremmed', status: 'running' }),
    );
    const first = await ok<{ id: string; version: number }>(
      admin.post(`/api/plans/${p.id}/participants`, {
        code: 'LC-100',
        enrolments: [{ activityId: cafe.id, startedOn: '2024-01-05' }],
      }),
    );
    const dup = await admin.post(`/api/plans/${p.id}/participants`, { code: 'LC-100' });
    expect(dup.statusCode).toBe(400);
    expect(details(dup).code).toMatch(/LC-100/);
    const enrolBefore = await count('enrolments');
    const wrong = await admin.put(`/api/plans/${p.id}/participants/${first.id}`, {
      code: 'LC-100',
      enrolments: [
        { activityId: foreign.id, startedOn: '2024-01-05' },
        { activityId: cafe.id, startedOn: '2024-03-01', endedOn: '2024-02-01' },
      ],
      outcomes: [{ kind: 'got_job', date: '2099-01-01' }],
      version: first.version,
    });
    expect(wrong.statusCode).toBe(400);
    expect(Object.keys(details(wrong)).sort()).toEqual([
      'enrolments.0.activityId',
      'enrolments.1.endedOn',
      'outcomes.0.date',
    ]);
    expect(await count('enrolments')).toBe(enrolBefore);

    const audit = async () =>
      Number(
        (
          await t.db
            .selectFrom('auditLog')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('entityType', '=', 'participants')
            .where('action', '=', 'read')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const reads = await audit();
    const list = await ok<{ items: { code: string; enrolments: unknown[] }[] }>(
      admin.get(`/api/plans/${p.id}/participants`),
      200,
    );
    expect(list.items.map((x) => x.code)).toEqual(['LC-100']);
    expect(await audit()).toBe(reads + 1);

    expect((await admin.delete(`/api/plans/${p.id}/participants/${first.id}`)).statusCode).toBe(204);
    const viewer = await buildUser(t.db, { roles: [{ role: 'plan_viewer', planId: p.id }] });
    const client = await t.sessionClient(viewer.id);
    expect((await client.post(`/api/plans/${p.id}/participants`, { code: 'LC-9' })).statusCode).toBe(403);
  });
});
