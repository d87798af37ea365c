import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Activity,
  ActivityInput,
  Goal,
  Indicator,
  IndicatorInput,
  PlanDetail,
  ResultsFramework,
} from '@pejling/contracts';
import { buildPlan, buildUser, poolWithFocusAreas } from './factories.js';
import { createTestApp, type TestApp, type TestClient } from './test-app.js';

let t: TestApp;
let admin: TestClient;
let adminEn: TestClient;
let plan: PlanDetail;
let otherPlan: PlanDetail;
let fa: string[];
let unchosenFocusArea: string;

function details(res: LightMyRequestResponse): Record<string, string> {
  const body = res.json() as { error: { details?: { path: string; message: string }[] } };
  return Object.fromEntries((body.error.details ?? []).map((d) => [d.path, d.message]));
}

async function counts() {
  const n = async (table: 'goals' | 'indicators' | 'indicatorTargets' | 'activities' | 'activityGoals') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    goals: await n('goals'),
    indicators: await n('indicators'),
    targets: await n('indicatorTargets'),
    activities: await n('activities'),
    links: await n('activityGoals'),
  };
}

async function goal(planId: string, body: Record<string, unknown>): Promise<Goal> {
  const res = await admin.post(`/api/plans/${planId}/goals`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

function indicatorInput(goalId: string, overrides: Partial<IndicatorInput> = {}): IndicatorInput {
  return {
    goalId,
    name: 'Andel unge i uddannelse eller job',
    definition: 'Unge 15-24 år med bopæl i området i uddannelse eller job ved årets udgang',
    unit: '%',
    kind: 'percentage',
    direction: 'higher_is_better',
    dataSource: 'register',
    combine: 'latest',
    breakdowns: [{ key: 'gender', label: 'Køn', categories: ['female', 'male'] }],
    baselineValue: 62,
    baselineDate: '2023-12-31',
    baselineSource: 'Danmarks Statistik',
    targets: [
      { period: '2024', value: 65 },
      { period: '2025', value: 70 },
    ],
    ...overrides,
  };
}

function activityInput(overrides: Partial<ActivityInput> = {}): ActivityInput {
  return {
    name: 'Lektiecafé',
    description: 'To gange om ugen i beboerhuset',
    focusAreaId: fa[0]!,
    goalIds: [],
    ownerOrganisation: 'Boligselskabet',
    responsiblePerson: 'Projektleder',
    partners: 'Skolen, biblioteket',
    targetGroup: 'Børn 6-16 år',
    periodStart: '2024-01-01',
    periodEnd: '2025-12-31',
    status: 'running',
    budgetOre: 45_000_000,
    milestones: [{ title: 'Første sæson slut', date: '2024-06-30', done: true }],
    registrationFrequency: 'monthly',
    ...overrides,
  };
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.userClient({ isAdmin: true });
  adminEn = await t.userClient({ isAdmin: true, locale: 'en' });
  plan = await buildPlan(t.db);
  otherPlan = await buildPlan(t.db);
  fa = plan.focusAreas.map((f) => f.id);
  const pool = await poolWithFocusAreas(t.db);
  unchosenFocusArea = pool.focusAreas.find((f) => !fa.includes(f.id))!.id;
});

afterAll(async () => t?.close());

describe('goals', () => {
  it('builds a hierarchy under the plan focus areas and shows it with the plan', async () => {
    const impact = await goal(plan.id, { level: 'impact', focusAreaId: fa[0], title: 'Flere i job' });
    const result = await goal(plan.id, {
      level: 'result',
      focusAreaId: fa[0],
      parentId: impact.id,
      title: 'Flere unge i uddannelse',
    });
    expect(result.parentId).toBe(impact.id);
    const res = await admin.get(`/api/plans/${plan.id}/results`);
    expect(res.statusCode).toBe(200);
    const f = res.json() as ResultsFramework;
    expect(f.goals.map((g) => g.title)).toEqual(['Flere i job', 'Flere unge i uddannelse']);
    expect(f.coherence.counts).toMatchObject({ goals: 2, impactGoals: 1, resultGoals: 1 });
  });

  it('refuses a focus area the plan has not chosen, naming the field, in Danish and English', async () => {
    const before = await counts();
    const body = { level: 'impact', focusAreaId: unchosenFocusArea, title: 'Udenfor' };
    const da = await admin.post(`/api/plans/${plan.id}/goals`, body);
    expect(da.statusCode).toBe(400);
    expect(details(da).focusAreaId).toMatch(/ikke valgt dette indsatsområde/);
    const en = await adminEn.post(`/api/plans/${plan.id}/goals`, body);
    expect(details(en).focusAreaId).toMatch(/has not chosen this focus area/);
    expect(await counts()).toEqual(before);
  });

  it('refuses a parent goal that is not one level up in the same focus area', async () => {
    const impact = await goal(plan.id, { level: 'impact', focusAreaId: fa[1], title: 'Tryghed' });
    const res = await admin.post(`/api/plans/${plan.id}/goals`, {
      level: 'activity',
      focusAreaId: fa[1],
      parentId: impact.id,
      title: 'Spring et niveau over',
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(details(res))).toEqual(['parentId']);
    const other = await goal(otherPlan.id, {
      level: 'impact',
      focusAreaId: otherPlan.focusAreas[0]!.id,
      title: 'Anden plan',
    });
    const foreign = await admin.post(`/api/plans/${plan.id}/goals`, {
      level: 'result',
      focusAreaId: fa[1],
      parentId: other.id,
      title: 'Under en anden plans mål',
    });
    expect(Object.keys(details(foreign))).toEqual(['parentId']);
  });

  it('edits with the version read and refuses a stale one', async () => {
    const g = await goal(plan.id, { level: 'result', focusAreaId: fa[1], title: 'Færre indbrud' });
    const ok = await admin.put(`/api/plans/${plan.id}/goals/${g.id}`, {
      level: 'result',
      focusAreaId: fa[1],
      title: 'Færre indbrud i området',
      version: g.version,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().title).toBe('Færre indbrud i området');
    const stale = await admin.put(`/api/plans/${plan.id}/goals/${g.id}`, {
      level: 'result',
      focusAreaId: fa[1],
      title: 'Gammel udgave',
      version: g.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale_version');
  });

  it('finds no goal of another plan through this plan', async () => {
    const other = await goal(otherPlan.id, {
      level: 'impact',
      focusAreaId: otherPlan.focusAreas[0]!.id,
      title: 'Fremmed mål',
    });
    const res = await admin.delete(`/api/plans/${plan.id}/goals/${other.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('goal_not_found');
  });

  it('refuses to delete a goal with indicators, and deletes one without, dropping activity links', async () => {
    const g = await goal(plan.id, { level: 'activity', focusAreaId: fa[0], title: 'Kortlivet mål' });
    const withIndicator = await goal(plan.id, { level: 'activity', focusAreaId: fa[0], title: 'Målt mål' });
    await admin.post(`/api/plans/${plan.id}/indicators`, indicatorInput(withIndicator.id, { targets: [] }));
    const refused = await admin.delete(`/api/plans/${plan.id}/goals/${withIndicator.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('goal_in_use');
    const a = await admin.post(`/api/plans/${plan.id}/activities`, activityInput({ goalIds: [g.id] }));
    expect((await admin.delete(`/api/plans/${plan.id}/goals/${g.id}`)).statusCode).toBe(204);
    const f = (await admin.get(`/api/plans/${plan.id}/results`)).json() as ResultsFramework;
    expect(f.activities.find((x) => x.id === a.json().id)?.goalIds).toEqual([]);
  });
});

describe('indicators', () => {
  let resultGoal: Goal;
  beforeAll(async () => {
    resultGoal = await goal(plan.id, { level: 'result', focusAreaId: fa[0], title: 'Unge i uddannelse' });
  });

  it('stores every field, with targets per period and breakdowns', async () => {
    const res = await admin.post(`/api/plans/${plan.id}/indicators`, indicatorInput(resultGoal.id));
    expect(res.statusCode, res.body).toBe(201);
    const i = res.json() as Indicator;
    expect(i).toMatchObject({
      kind: 'percentage',
      direction: 'higher_is_better',
      dataSource: 'register',
      combine: 'latest',
      baselineValue: 62,
      baselineDate: '2023-12-31',
      definitionVersion: 1,
      valueCount: 0,
    });
    expect(i.breakdowns[0]!.categories).toEqual(['female', 'male']);
    expect(i.targets.map((x) => [x.period, x.value])).toEqual([
      ['2024', 65],
      ['2025', 70],
    ]);
    expect(i.statuses.map((s) => [s.period, s.status, s.reason])).toEqual([
      ['2024', 'no_data', 'missing'],
      ['2025', 'no_data', 'missing'],
    ]);
  });

  it('refuses targets on a yes/no indicator that are not 0 or 1, naming the field', async () => {
    const before = await counts();
    const res = await admin.post(
      `/api/plans/${plan.id}/indicators`,
      indicatorInput(resultGoal.id, {
        kind: 'yes_no',
        baselineValue: 0,
        targets: [
          { period: '2024', value: 1 },
          { period: '2025', value: 2 },
        ],
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(details(res)).toEqual({
      'targets.1.value': 'En ja/nej-indikator tager kun 0 (nej) eller 1 (ja), ikke 2.',
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses a percentage target above 100, a baseline out of range, a repeated target period and a goal of another plan', async () => {
    const other = await goal(otherPlan.id, {
      level: 'result',
      focusAreaId: otherPlan.focusAreas[0]!.id,
      title: 'Anden plans resultatmål',
    });
    const res = await adminEn.post(
      `/api/plans/${plan.id}/indicators`,
      indicatorInput(other.id, {
        baselineValue: 140,
        targets: [
          { period: '2024', value: 120 },
          { period: '2024', value: 60 },
          { period: '2024-Q5', value: 1 },
        ],
      }),
    );
    expect(res.statusCode).toBe(400);
    const d = details(res);
    expect(d.goalId).toMatch(/another plan/);
    expect(d.baselineValue).toMatch(/between 0 and 100/);
    expect(d['targets.0.value']).toMatch(/between 0 and 100, not 120/);
    expect(d['targets.1.period']).toMatch(/already a target for 2024/);
    expect(d['targets.2.period']).toBeDefined();
  });

  it('takes values by hand, shows status against target, and keeps missing and suppressed apart from zero', async () => {
    const i = (
      await admin.post(`/api/plans/${plan.id}/indicators`, indicatorInput(resultGoal.id))
    ).json() as Indicator;
    const bad = await admin.put(`/api/plans/${plan.id}/indicators/${i.id}/values`, {
      values: [{ period: '2024', state: 'value', numerator: 50, denominator: 40 }],
    });
    expect(bad.statusCode).toBe(400);
    expect(details(bad)['values.0.numerator']).toBe('Tælleren (50) må ikke være større end nævneren (40).');
    const ok = await admin.put(`/api/plans/${plan.id}/indicators/${i.id}/values`, {
      values: [
        { period: '2024', state: 'value', numerator: 60, denominator: 100 },
        { period: '2025', state: 'suppressed' },
      ],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const f = (await admin.get(`/api/plans/${plan.id}/results`)).json() as ResultsFramework;
    const shown = f.indicators.find((x) => x.id === i.id)!;
    expect(shown.statuses.map((s) => [s.period, s.value, s.state, s.status, s.reason])).toEqual([
      ['2024', 60, 'value', 'on_track', null],
      ['2025', null, 'suppressed', 'no_data', 'suppressed'],
    ]);
    // A later entry for the same period replaces the earlier one.
    await admin.put(`/api/plans/${plan.id}/indicators/${i.id}/values`, {
      values: [{ period: '2024', state: 'value', numerator: 40, denominator: 100 }],
    });
    const again = (await admin.get(`/api/plans/${plan.id}/results`)).json() as ResultsFramework;
    expect(again.indicators.find((x) => x.id === i.id)!.statuses[0]).toMatchObject({
      value: 40,
      status: 'behind',
    });
    expect((await admin.get(`/api/plans/${plan.id}/indicators/${i.id}/values`)).json().items).toHaveLength(2);
  });

  it('asks for a reason when the definition changes after values exist, and keeps the earlier version with its values', async () => {
    const i = (
      await admin.post(`/api/plans/${plan.id}/indicators`, indicatorInput(resultGoal.id))
    ).json() as Indicator;
    await admin.put(`/api/plans/${plan.id}/indicators/${i.id}/values`, {
      values: [{ period: '2024', state: 'value', numerator: 30, denominator: 50 }],
    });
    const changed = { ...indicatorInput(resultGoal.id), definition: 'Unge 16-25 år', version: i.version };
    const noReason = await admin.put(`/api/plans/${plan.id}/indicators/${i.id}`, changed);
    expect(noReason.statusCode).toBe(400);
    expect(details(noReason).changeReason).toMatch(/begrundelse/);
    // Renaming alone is not a change of definition.
    const renamed = await admin.put(`/api/plans/${plan.id}/indicators/${i.id}`, {
      ...indicatorInput(resultGoal.id),
      name: 'Unge i uddannelse eller job',
      version: i.version,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const withReason = await admin.put(`/api/plans/${plan.id}/indicators/${i.id}`, {
      ...changed,
      version: renamed.json().version,
      changeReason: 'Kommunen opgør nu 16-25 år',
    });
    expect(withReason.statusCode, withReason.body).toBe(200);
    const after = withReason.json() as Indicator;
    expect(after.definitionVersion).toBe(2);
    expect(after.valueCount).toBe(0);
    expect(after.earlierVersions).toMatchObject([
      {
        definitionVersion: 1,
        definition: indicatorInput(resultGoal.id).definition,
        reason: 'Kommunen opgør nu 16-25 år',
        valueCount: 1,
      },
    ]);
    const values = (await admin.get(`/api/plans/${plan.id}/indicators/${i.id}/values`)).json().items;
    expect(values).toMatchObject([{ period: '2024', definitionVersion: 1, numerator: 30 }]);
    const del = await admin.delete(`/api/plans/${plan.id}/indicators/${i.id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().error.code).toBe('indicator_has_values');
  });
});

describe('activities', () => {
  let g1: Goal;
  let g2: Goal;
  beforeAll(async () => {
    g1 = await goal(plan.id, { level: 'activity', focusAreaId: fa[0], title: '40 forløb' });
    g2 = await goal(plan.id, { level: 'result', focusAreaId: fa[0], title: 'Bedre karakterer' });
  });

  it('stores every field and the goals it serves', async () => {
    const res = await admin.post(
      `/api/plans/${plan.id}/activities`,
      activityInput({ goalIds: [g1.id, g2.id, g1.id] }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json() as Activity;
    expect(a).toMatchObject({
      name: 'Lektiecafé',
      status: 'running',
      budgetOre: 45_000_000,
      registrationFrequency: 'monthly',
      periodEnd: '2025-12-31',
      milestones: [{ title: 'Første sæson slut', date: '2024-06-30', done: true }],
    });
    expect([...a.goalIds].sort()).toEqual([g1.id, g2.id].sort());
    const upd = await admin.put(`/api/plans/${plan.id}/activities/${a.id}`, {
      ...activityInput({ goalIds: [g2.id], status: 'paused' }),
      version: a.version,
    });
    expect(upd.statusCode).toBe(200);
    expect(upd.json()).toMatchObject({ goalIds: [g2.id], status: 'paused', version: 2 });
  });

  it('refuses a goal of another plan, a focus area the plan has not chosen and an end before the start', async () => {
    const other = await goal(otherPlan.id, {
      level: 'activity',
      focusAreaId: otherPlan.focusAreas[0]!.id,
      title: 'Anden plans aktivitetsmål',
    });
    const before = await counts();
    const res = await admin.post(
      `/api/plans/${plan.id}/activities`,
      activityInput({
        goalIds: [g1.id, other.id],
        focusAreaId: unchosenFocusArea,
        periodStart: '2025-01-01',
        periodEnd: '2024-01-01',
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(details(res)).toEqual({
      'goalIds.1': 'Målet hører til en anden helhedsplan (eller findes ikke). Vælg et mål fra denne plan.',
      focusAreaId: expect.stringMatching(/ikke valgt/),
      periodEnd: 'Slutdatoen må ikke ligge før startdatoen.',
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses a malformed body with a message per field', async () => {
    const res = await admin.post(`/api/plans/${plan.id}/activities`, {
      name: '',
      status: 'maybe',
      budgetOre: -1,
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(details(res)).sort()).toEqual(['budgetOre', 'name', 'status']);
  });
});

describe('coherence', () => {
  it('flags gaps and clears them as the plan is filled in', async () => {
    const p = await buildPlan(t.db);
    const f0 = p.focusAreas[0]!.id;
    const g = await goal(p.id, { level: 'result', focusAreaId: f0, title: 'Flere i job' });
    const orphan = (
      await admin.post(
        `/api/plans/${p.id}/activities`,
        activityInput({ focusAreaId: f0, registrationFrequency: 'none' }),
      )
    ).json();
    let c = (await admin.get(`/api/plans/${p.id}/coherence`)).json() as ResultsFramework['coherence'];
    expect(c.flags.map((f) => [f.kind, f.entityId])).toEqual([
      ['goal_without_activity', g.id],
      ['goal_without_indicator', g.id],
      ['activity_without_goal', orphan.id],
    ]);
    await admin.put(`/api/plans/${p.id}/activities/${orphan.id}`, {
      ...activityInput({ focusAreaId: f0, goalIds: [g.id], registrationFrequency: 'none' }),
      version: orphan.version,
    });
    await admin.post(
      `/api/plans/${p.id}/indicators`,
      indicatorInput(g.id, { baselineValue: null, baselineDate: null, targets: [] }),
    );
    c = (await admin.get(`/api/plans/${p.id}/coherence`)).json();
    expect(c.flags.map((f) => f.kind)).toEqual(['indicator_without_baseline', 'indicator_without_target']);
  });

  it('is readable by a plan viewer and not by someone without access', async () => {
    const viewer = await buildUser(t.db, { roles: [{ role: 'plan_viewer', planId: plan.id }] });
    const client = await t.sessionClient(viewer.id);
    expect((await client.get(`/api/plans/${plan.id}/results`)).statusCode).toBe(200);
    expect((await client.get(`/api/plans/${otherPlan.id}/results`)).statusCode).toBe(403);
    const write = await client.post(`/api/plans/${plan.id}/goals`, {
      level: 'impact',
      focusAreaId: fa[0],
      title: 'Nej',
    });
    expect(write.statusCode).toBe(403);
  });
});

describe('deleting a plan', () => {
  it('takes its results framework with it', async () => {
    const p = await buildPlan(t.db);
    const g = await goal(p.id, { level: 'result', focusAreaId: p.focusAreas[0]!.id, title: 'Mål' });
    const i = (await admin.post(`/api/plans/${p.id}/indicators`, indicatorInput(g.id))).json() as Indicator;
    await admin.put(`/api/plans/${p.id}/indicators/${i.id}/values`, {
      values: [{ period: '2024', state: 'value', numerator: 1, denominator: 2 }],
    });
    await admin.post(
      `/api/plans/${p.id}/activities`,
      activityInput({ focusAreaId: p.focusAreas[0]!.id, goalIds: [g.id] }),
    );
    expect((await admin.delete(`/api/plans/${p.id}`)).statusCode).toBe(204);
    expect(await t.db.selectFrom('goals').select('id').where('planId', '=', p.id).execute()).toEqual([]);
  });
});

describe('example data', () => {
  it('gives most example plans a results framework, some with coherence gaps, some empty', async () => {
    const { seedDemo } = await import('../src/seed/demo.js');
    await seedDemo(t.db);
    const plans = await t.db
      .selectFrom('plans')
      .select(['id', 'name'])
      .where('isExample', '=', 1)
      .orderBy('name')
      .execute();
    expect(plans).toHaveLength(13);
    const frameworks = await Promise.all(
      plans.map(async (p) => (await admin.get(`/api/plans/${p.id}/results`)).json() as ResultsFramework),
    );
    expect(frameworks.filter((f) => f.goals.length > 0)).toHaveLength(10);
    const gappy = frameworks.filter((f) => f.coherence.flags.length > 0);
    expect(gappy.length).toBeGreaterThan(0);
    expect(gappy.some((f) => f.coherence.flagCounts.only_activity_goals_measured > 0)).toBe(true);
    const coherent = frameworks.filter((f) => f.goals.length > 0 && f.coherence.flags.length === 0);
    expect(coherent.length).toBeGreaterThan(0);
    const statuses = new Set(
      frameworks.flatMap((f) => f.indicators.flatMap((i) => i.statuses.map((s) => s.status))),
    );
    expect([...statuses].sort()).toEqual(['ahead', 'behind', 'no_data', 'on_track']);
    // Seeding again adds nothing.
    await seedDemo(t.db);
    const again = (await admin.get(`/api/plans/${plans[0]!.id}/results`)).json() as ResultsFramework;
    expect(again.goals).toHaveLength(frameworks[0]!.goals.length);
  });
});

describe('the plan focus areas', () => {
  it('cannot lose a focus area that goals or activities sit under', async () => {
    const p = await buildPlan(t.db);
    const [first, second] = p.focusAreas;
    await goal(p.id, { level: 'impact', focusAreaId: first!.id, title: 'Mål under det første' });
    const body = {
      name: p.name,
      poolId: p.poolId,
      municipalityId: p.municipalityId,
      housingOrganisationId: p.housingOrganisationId,
      areaIds: p.areas.map((a) => a.id),
      status: p.status,
      grants: [],
      version: p.version,
    };
    const res = await admin.put(`/api/plans/${p.id}`, { ...body, focusAreaIds: [second!.id] });
    expect(res.statusCode).toBe(400);
    expect(details(res).focusAreaIds).toMatch(/1 mål og 0 aktiviteter/);
    const ok = await admin.put(`/api/plans/${p.id}`, { ...body, focusAreaIds: [first!.id] });
    expect(ok.statusCode, ok.body).toBe(200);
  });
});

describe('exports', () => {
  it('gives the goals and the activities with the goals they serve as CSV and .xlsx', async () => {
    const g = await goal(plan.id, { level: 'result', focusAreaId: fa[0], title: 'Eksportmål' });
    await admin.post(
      `/api/plans/${plan.id}/activities`,
      activityInput({ name: 'Eksportaktivitet', goalIds: [g.id] }),
    );
    const goals = await admin.get(`/api/plans/${plan.id}/goals/export?format=csv`);
    expect(goals.statusCode).toBe(200);
    expect(goals.body).toContain('Mål;Niveau;Indsatsområde');
    expect(goals.body).toMatch(/Eksportmål;Resultatmål;[^;]*;;[^;]*;Eksportaktivitet/);
    const activities = await adminEn.get(`/api/plans/${plan.id}/activities/export?format=csv`);
    expect(activities.body).toContain('Eksportaktivitet;Running;Result goal: Eksportmål');
    const xlsx = await admin.get(`/api/plans/${plan.id}/activities/export?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await admin.get(`/api/plans/${plan.id}/goals/export?format=pdf`)).statusCode).toBe(400);
  });
});

describe('periods outside the plan', () => {
  it('refuses targets and values for periods the plan does not reach', async () => {
    const g = await goal(plan.id, { level: 'result', focusAreaId: fa[1], title: 'Periodemål' });
    const res = await admin.post(
      `/api/plans/${plan.id}/indicators`,
      indicatorInput(g.id, {
        targets: [
          { period: '2030', value: 50 },
          { period: 'whole', value: 60 },
        ],
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(details(res)).toEqual({
      'targets.0.period': 'Perioden 2030 ligger uden for planens periode (01-01-2023 til 31-12-2026).',
    });
    const i = (
      await admin.post(`/api/plans/${plan.id}/indicators`, indicatorInput(g.id))
    ).json() as Indicator;
    const values = await admin.put(`/api/plans/${plan.id}/indicators/${i.id}/values`, {
      values: [
        { period: '2026-Q4', state: 'missing' },
        { period: '2022', state: 'value', numerator: 1, denominator: 2 },
      ],
    });
    expect(values.statusCode).toBe(400);
    expect(Object.keys(details(values))).toEqual(['values.1.period']);
    expect((await admin.get(`/api/plans/${plan.id}/indicators/${i.id}/values`)).json().items).toEqual([]);
  });
});

describe('values by breakdown', () => {
  it('adds categories up to the total (never an average of percentages) and shows each category with its own target', async () => {
    const g = await goal(plan.id, { level: 'result', focusAreaId: fa[1], title: 'Opdelt mål' });
    const i = (
      await admin.post(
        `/api/plans/${plan.id}/indicators`,
        indicatorInput(g.id, {
          targets: [
            { period: '2024', value: 33 },
            { period: '2024', value: 30, breakdown: { gender: 'female' } },
          ],
        }),
      )
    ).json() as Indicator;
    const res = await admin.put(`/api/plans/${plan.id}/indicators/${i.id}/values`, {
      values: [
        { period: '2024', breakdown: { gender: 'female' }, state: 'value', numerator: 12, denominator: 40 },
        { period: '2024', breakdown: { gender: 'male' }, state: 'value', numerator: 18, denominator: 50 },
        { period: '2025', breakdown: { gender: 'female' }, state: 'suppressed' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const bad = await admin.put(`/api/plans/${plan.id}/indicators/${i.id}/values`, {
      values: [{ period: '2024', breakdown: { gender: 'other' }, state: 'missing' }],
    });
    expect(details(bad)['values.0.breakdown.gender']).toMatch(/ingen kategori "other"/);
    const f = (await admin.get(`/api/plans/${plan.id}/results`)).json() as ResultsFramework;
    const s = f.indicators.find((x) => x.id === i.id)!.statuses;
    expect(s[0]).toMatchObject({ period: '2024', state: 'value', status: 'on_track' });
    expect(s[0]!.value).toBeCloseTo(33.33, 2);
    expect(s[0]!.categories).toEqual([
      { breakdown: 'gender', category: 'female', state: 'value', value: 30, target: 30, status: 'on_track' },
      { breakdown: 'gender', category: 'male', state: 'value', value: 36, target: null, status: 'no_data' },
    ]);
    expect(s[1]).toMatchObject({ period: '2025', value: null, status: 'no_data' });
    expect(s[1]!.categories).toMatchObject([{ category: 'female', state: 'suppressed', value: null }]);
  });
});
