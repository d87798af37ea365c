import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Indicator,
  PlanDetail,
  PortfolioCompare,
  PortfolioCompliance,
  PortfolioGrantUse,
  PortfolioIndicators,
  PortfolioOverview,
  SharedGoal,
  SharedGoalList,
  SharedGoalRollup,
  RegistrationSummary,
  ResultsFramework,
  SharedIndicator,
} from '@pejling/contracts';
import { updateMunicipality } from '../src/features/registry/registry.service.js';
import { buildMunicipality, buildPlan, buildUser } from './factories.js';
import { createTestApp, type TestApp, type TestClient } from './test-app.js';

let t: TestApp;
let admin: TestClient;
let fund: TestClient;
let member: TestClient;
let editor: TestClient;
let secretariatId: string;
let planA: PlanDetail;
let planB: PlanDetail;
let planC: PlanDetail;
let sharedCount: SharedIndicator;
let sharedPct: SharedIndicator;
let secretariatCount: SharedIndicator;
let goal: SharedGoal;
const indicators: Record<string, Indicator> = {};

async function ok<T>(res: Promise<LightMyRequestResponse>, status = 200): Promise<T> {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
}

async function indicator(
  plan: PlanDetail,
  name: string,
  kind: 'count' | 'percentage',
  target: number,
  sharedIndicatorId: string | null,
  extra: Record<string, unknown> = {},
): Promise<Indicator> {
  const g = await ok<{ id: string }>(
    admin.post(`/api/plans/${plan.id}/goals`, {
      level: 'result',
      focusAreaId: plan.focusAreas[0]!.id,
      title: `Mål for ${name}`,
    }),
    201,
  );
  return ok<Indicator>(
    admin.post(`/api/plans/${plan.id}/indicators`, {
      goalId: g.id,
      name,
      kind,
      direction: 'higher_is_better',
      dataSource: 'manual',
      combine: kind === 'count' ? 'sum' : 'latest',
      targets: [{ period: '2025', value: target }],
      sharedIndicatorId,
      ...extra,
    }),
    201,
  );
}

const values = (plan: PlanDetail, i: Indicator, v: Record<string, unknown>) =>
  ok(
    admin.put(`/api/plans/${plan.id}/indicators/${i.id}/values`, {
      values: [{ period: '2025', state: 'value', ...v }],
    }),
  );

/**
 * Worked example. An area secretariat serves plans A and B; plan C lies elsewhere.
 * - The fund's "Unge i fritidsjob" (count): A 120 (target 100), B 80 (target 100), C 45 (target 60).
 *   Whole 2025: 245 against 260; the secretariat's two plans: 200 against 200.
 * - The fund's "Andel i job" (percentage): A 30 of 50 (target 70 %), B 10 of 200 (target 10 %).
 *   Whole: 40 / 250 = 16 % (not the 32.5 % an average of percentages gives); target
 *   (70 × 50 + 10 × 200) / 250 = 22 %.
 * - The secretariat's shared goal "Flere i lektiecafé" with the count "Fremmøde i lektiecafé":
 *   A from registrations (12 on 2025-03-01), B by hand 30 (target 25).
 */
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.userClient({ isAdmin: true });
  fund = await t.userClient({ roles: [{ role: 'fund' }] });
  const m = await buildMunicipality(t.db, { name: 'Områdekommune' });
  secretariatId = (
    await ok<{ id: string }>(
      admin.post('/api/area-secretariats', { name: 'Områdesekretariatet Øst', municipalityId: m.id }),
      201,
    )
  ).id;
  planA = await buildPlan(t.db, {
    name: 'Plan A',
    areaSecretariatId: secretariatId,
    secretariatSupport: 'yes',
  });
  planB = await buildPlan(t.db, {
    name: 'Plan B',
    areaSecretariatId: secretariatId,
    secretariatSupport: 'yes',
  });
  planC = await buildPlan(t.db, { name: 'Plan C' });
  const u = await buildUser(t.db, {
    name: 'Sekretariatsleder Sara',
    roles: [{ role: 'secretariat_member', areaSecretariatId: secretariatId }],
  });
  member = await t.sessionClient(u.id);
  const e = await buildUser(t.db, {
    name: 'Projektleder Per',
    roles: [{ role: 'plan_editor', planId: planA.id }],
  });
  editor = await t.sessionClient(e.id);

  sharedCount = await ok<SharedIndicator>(
    fund.post('/api/shared-indicators', {
      name: 'Unge i fritidsjob',
      kind: 'count',
      direction: 'higher_is_better',
      combine: 'sum',
    }),
    201,
  );
  sharedPct = await ok<SharedIndicator>(
    admin.post('/api/shared-indicators', {
      name: 'Andel i job',
      kind: 'percentage',
      unit: '%',
      direction: 'higher_is_better',
      combine: 'latest',
    }),
    201,
  );
  goal = await ok<SharedGoal>(
    member.post(`/api/area-secretariats/${secretariatId}/shared-goals`, { title: 'Flere i lektiecafé' }),
    201,
  );
  secretariatCount = await ok<SharedIndicator>(
    member.post('/api/shared-indicators', {
      name: 'Fremmøde i lektiecafé',
      kind: 'count',
      direction: 'higher_is_better',
      combine: 'sum',
      areaSecretariatId: secretariatId,
      sharedGoalId: goal.id,
    }),
    201,
  );

  for (const [plan, n, target] of [
    [planA, 120, 100],
    [planB, 80, 100],
    [planC, 45, 60],
  ] as const) {
    const i = await indicator(plan, `Fritidsjob ${plan.name}`, 'count', target, sharedCount.id);
    indicators[`count ${plan.name}`] = i;
    await values(plan, i, { value: n });
  }
  for (const [plan, num, den, target] of [
    [planA, 30, 50, 70],
    [planB, 10, 200, 10],
  ] as const) {
    const i = await indicator(plan, `Job ${plan.name}`, 'percentage', target, sharedPct.id);
    await values(plan, i, { numerator: num, denominator: den });
  }
  const fromRegs = await indicator(planA, 'Fremmøde', 'count', 20, secretariatCount.id, {
    dataSource: 'registrations',
    registrationMeasure: 'participants',
  });
  indicators.fromRegs = fromRegs;
  const activity = await ok<{ id: string }>(
    admin.post(`/api/plans/${planA.id}/activities`, {
      name: 'Lektiecafé',
      goalIds: [fromRegs.goalId],
      status: 'running',
      periodStart: '2025-01-01',
      periodEnd: '2026-12-31',
      registrationFrequency: 'monthly',
    }),
    201,
  );
  indicators.activity = { id: activity.id } as Indicator;
  await ok(
    admin.post(`/api/plans/${planA.id}/registrations`, {
      activityId: activity.id,
      date: '2025-03-01',
      participants: 12,
    }),
    201,
  );
  const byHand = await indicator(planB, 'Lektiecafé B', 'count', 25, secretariatCount.id);
  await values(planB, byHand, { value: 30 });
});
afterAll(async () => t?.close());

describe('aggregated shared indicators', () => {
  it('sums counts and weights percentages by denominators across the plans', async () => {
    const r = await ok<PortfolioIndicators>(
      fund.get('/api/portfolio/indicators?groupBy=none&fromYear=2025&toYear=2025'),
    );
    expect(r.periods).toEqual(['2025']);
    const count = r.indicators.find((i) => i.sharedIndicator.id === sharedCount.id)!;
    expect(count.linkedPlans).toBe(3);
    expect(count.total[0]).toMatchObject({ value: 245, n: 3, target: 260, status: 'on_track' });
    const pct = r.indicators.find((i) => i.sharedIndicator.id === sharedPct.id)!;
    expect(pct.total[0]!.value).toBeCloseTo(16, 10);
    expect(pct.total[0]).toMatchObject({ numerator: 40, denominator: 250, n: 2, status: 'behind' });
    expect(pct.total[0]!.target).toBeCloseTo(22, 10);
  });

  it('groups by pool, municipality or focus area, following the filters', async () => {
    const r = await ok<PortfolioIndicators>(
      fund.get(
        `/api/portfolio/indicators?groupBy=municipality&fromYear=2025&toYear=2025&areaSecretariatId=${secretariatId}`,
      ),
    );
    const count = r.indicators.find((i) => i.sharedIndicator.id === sharedCount.id)!;
    expect(count.linkedPlans).toBe(2);
    expect(count.groups).toHaveLength(2);
    expect(count.total[0]).toMatchObject({ value: 200, target: 200 });
    const quarters = await ok<PortfolioIndicators>(
      fund.get('/api/portfolio/indicators?periodKind=quarter&fromYear=2025&toYear=2025&groupBy=pool'),
    );
    expect(quarters.periods).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
  });

  it('refuses a filter value that does not exist and years outside every grant', async () => {
    const missing = '01890a5d-ac96-774b-bcce-b302099a8057';
    const r1 = await fund.get(`/api/portfolio/overview?poolId=${missing}`);
    expect(r1.statusCode).toBe(400);
    expect(r1.json().error.details[0]).toMatchObject({ path: 'poolId' });
    expect(r1.json().error.details[0].message).toMatch(/findes ikke/);
    const r2 = await fund.get('/api/portfolio/indicators?fromYear=2001&toYear=2002');
    expect(r2.statusCode).toBe(400);
    expect(r2.json().error.details[0].message).toContain('2023-2026');
    const r3 = await fund.get('/api/portfolio/indicators?fromYear=2026&toYear=2024');
    expect(r3.statusCode).toBe(400);
    expect((await fund.get('/api/portfolio/overview?organisationType=ukendt')).statusCode).toBe(400);
  });
});

describe('linking a plan indicator to a shared one', () => {
  it('refuses a shared indicator of another kind, and of another secretariat', async () => {
    const r = await admin.post(`/api/plans/${planC.id}/goals`, {
      level: 'result',
      focusAreaId: planC.focusAreas[0]!.id,
      title: 'Mål',
    });
    const base = {
      goalId: r.json().id,
      name: 'Forkert',
      kind: 'count',
      direction: 'higher_is_better',
      dataSource: 'manual',
      combine: 'sum',
    };
    const before = await t.db.selectFrom('indicators').select('id').execute();
    const wrongKind = await admin.post(`/api/plans/${planC.id}/indicators`, {
      ...base,
      sharedIndicatorId: sharedPct.id,
    });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().error.details[0]).toMatchObject({ path: 'sharedIndicatorId' });
    expect(wrongKind.json().error.details[0].message).toMatch(/samme type/);
    const otherSecretariat = await admin.post(`/api/plans/${planC.id}/indicators`, {
      ...base,
      sharedIndicatorId: secretariatCount.id,
    });
    expect(otherSecretariat.statusCode).toBe(400);
    expect(otherSecretariat.json().error.details[0].message).toMatch(/områdesekretariat/);
    expect((await t.db.selectFrom('indicators').select('id').execute()).length).toBe(before.length);
  });

  it('keeps the link on an update that leaves it out, and refuses a kind change against it', async () => {
    const i = indicators[`count ${planC.name}`]!;
    const body = {
      goalId: i.goalId,
      name: i.name,
      kind: 'count',
      direction: 'higher_is_better',
      dataSource: 'manual',
      combine: 'sum',
      targets: [{ period: '2025', value: 60 }],
      version: i.version,
    };
    const updated = await ok<Indicator>(admin.put(`/api/plans/${planC.id}/indicators/${i.id}`, body));
    expect(updated.sharedIndicatorId).toBe(sharedCount.id);
    expect(updated.sharedIndicatorName).toBe('Unge i fritidsjob');
    const changed = await admin.put(`/api/plans/${planC.id}/indicators/${i.id}`, {
      ...body,
      kind: 'percentage',
      version: updated.version,
      changeReason: 'Ny opgørelse',
    });
    expect(changed.statusCode).toBe(400);
    expect(changed.json().error.details[0]).toMatchObject({ path: 'kind' });
    indicators[`count ${planC.name}`] = updated;
  });

  it('offers a plan the fund’s and its own secretariat’s shared indicators', async () => {
    const a = await ok<{ items: SharedIndicator[] }>(admin.get(`/api/plans/${planA.id}/shared-indicators`));
    expect(a.items.map((s) => s.name)).toEqual(['Andel i job', 'Unge i fritidsjob', 'Fremmøde i lektiecafé']);
    const c = await ok<{ items: SharedIndicator[] }>(admin.get(`/api/plans/${planC.id}/shared-indicators`));
    expect(c.items.map((s) => s.name)).toEqual(['Andel i job', 'Unge i fritidsjob']);
  });

  it('keeps a shared indicator’s kind and existence while plans link to it', async () => {
    const r = await fund.put(`/api/shared-indicators/${sharedCount.id}`, {
      name: sharedCount.name,
      kind: 'percentage',
      direction: 'higher_is_better',
      combine: 'sum',
      version: sharedCount.version,
    });
    expect(r.statusCode).toBe(400);
    const d = await fund.delete(`/api/shared-indicators/${sharedCount.id}`);
    expect(d.statusCode).toBe(409);
    expect(d.json().error.message).toMatch(/3 indikatorer/);
    // The secretariat member cannot change the fund's; the fund cannot change the secretariat's.
    expect((await member.delete(`/api/shared-indicators/${sharedPct.id}`)).statusCode).toBe(403);
    expect(
      (
        await fund.put(`/api/shared-indicators/${secretariatCount.id}`, {
          name: 'x',
          kind: 'count',
          direction: 'higher_is_better',
          combine: 'sum',
          areaSecretariatId: secretariatId,
          version: secretariatCount.version,
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('shared goals of an area secretariat', () => {
  it('rolls up each plan’s part and the whole, fresh the moment a registration is saved', async () => {
    const url = `/api/area-secretariats/${secretariatId}/shared-goals/${goal.id}/rollup?fromYear=2025&toYear=2025`;
    const r = await ok<SharedGoalRollup>(member.get(url));
    const ind = r.indicators[0]!;
    expect(ind.plans.map((p) => [p.planName, p.values[0]!.value, p.values[0]!.target])).toEqual([
      ['Plan A', 12, 20],
      ['Plan B', 30, 25],
    ]);
    expect(ind.whole[0]).toMatchObject({ value: 42, target: 45, n: 2, status: 'on_track' });
    expect(ind.unlinkedPlans).toEqual([]);

    await ok(
      editor.post(`/api/plans/${planA.id}/registrations`, {
        activityId: indicators.activity!.id,
        date: '2025-06-01',
        participants: 9,
      }),
      201,
    );
    const after = await ok<SharedGoalRollup>(member.get(url));
    expect(after.indicators[0]!.plans[0]!.values[0]!.value).toBe(21);
    expect(after.indicators[0]!.whole[0]!.value).toBe(51);
  });

  it("keeps a plan's own results fresh: a registration and a shared indicator's new name show on the next read", async () => {
    const url = `/api/plans/${planA.id}/results`;
    const read = async () => {
      const fw = await ok<ResultsFramework>(editor.get(url));
      const fromRegs = fw.indicators.find((i) => i.id === indicators.fromRegs!.id)!;
      const linked = fw.indicators.find((i) => i.id === indicators[`count ${planA.name}`]!.id)!;
      const summary = await ok<RegistrationSummary>(
        editor.get(`/api/plans/${planA.id}/registrations/summary`),
      );
      return {
        value: fromRegs.statuses.find((x) => x.period === '2025')?.value,
        name: linked.sharedIndicatorName,
        participants: summary.quarters.reduce((n, q) => n + q.participants, 0),
      };
    };
    const before = await read();
    expect(await read()).toEqual(before); // the same answer again, kept
    await ok(
      editor.post(`/api/plans/${planA.id}/registrations`, {
        activityId: indicators.activity!.id,
        date: '2025-07-01',
        participants: 5,
      }),
      201,
    );
    const after = await read();
    expect([after.value, after.participants]).toEqual([before.value! + 5, before.participants + 5]);
    const current = (await ok<{ items: SharedIndicator[] }>(fund.get('/api/shared-indicators'))).items.find(
      (x) => x.id === sharedCount.id,
    )!;
    await ok(
      fund.put(`/api/shared-indicators/${sharedCount.id}`, {
        name: 'Unge i fritidsjob (ny)',
        kind: current.kind,
        direction: current.direction,
        combine: current.combine,
        version: current.version,
      }),
    );
    expect((await read()).name).toBe('Unge i fritidsjob (ny)');
    await ok(
      fund.put(`/api/shared-indicators/${sharedCount.id}`, {
        name: 'Unge i fritidsjob',
        kind: current.kind,
        direction: current.direction,
        combine: current.combine,
        version: current.version + 1,
      }),
    );
    expect((await read()).name).toBe('Unge i fritidsjob');
  });

  it('shows the secretariat member its plans only, and lets it edit its goals', async () => {
    const list = await ok<SharedGoalList>(member.get(`/api/area-secretariats/${secretariatId}/shared-goals`));
    expect(list.canEdit).toBe(true);
    expect(list.plans.map((p) => p.name)).toEqual(['Plan A', 'Plan B']);
    expect(list.items[0]!.indicators.map((i) => i.name)).toEqual(['Fremmøde i lektiecafé']);
    const o = await ok<PortfolioOverview>(member.get('/api/portfolio/overview'));
    expect(o.plans.map((p) => p.name).sort()).toEqual(['Plan A', 'Plan B']);
    expect((await member.get(`/api/plans/${planC.id}`)).statusCode).toBe(403);
    expect(
      (await ok<SharedGoalList>(fund.get(`/api/area-secretariats/${secretariatId}/shared-goals`))).canEdit,
    ).toBe(false);
    expect(
      (await fund.post(`/api/area-secretariats/${secretariatId}/shared-goals`, { title: 'Fondens forsøg' }))
        .statusCode,
    ).toBe(403);
  });

  it('exports the roll-up', async () => {
    const r = await member.get(
      `/api/area-secretariats/${secretariatId}/shared-goals/${goal.id}/rollup/export?format=csv&fromYear=2025&toYear=2025`,
    );
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('Plan A');
    expect(r.body).toContain('Alle planer');
  });
});

describe('kept views', () => {
  it('answer the same until something changes, in a plan or outside, here or in another process', async () => {
    const url = '/api/portfolio/indicators?groupBy=municipality&fromYear=2025&toYear=2025';
    const first = await ok<PortfolioIndicators>(fund.get(url));
    expect((await fund.get(url)).body).toBe(JSON.stringify(first));
    const total = () =>
      ok<PortfolioIndicators>(fund.get(url)).then(
        (r) => r.indicators.find((i) => i.sharedIndicator.id === sharedCount.id)!.total[0]!.value,
      );
    const before = await total();

    // A plan's value, through this process.
    const i = indicators[`count ${planC.name}`]!;
    await values(planC, i, { value: 50 });
    expect(await total()).toBe(before! + 5);

    // A municipality's new name, written beside this process as another process would: only the
    // stored data and its revision change.
    const m = await t.db
      .selectFrom('municipalities')
      .select(['id', 'name', 'code', 'version'])
      .where('id', '=', planC.municipalityId)
      .executeTakeFirstOrThrow();
    const ctx = { principal: null, requestId: 'other-process', locale: 'da' as const };
    await updateMunicipality(t.db, ctx, m.id, { name: `${m.name} (ny)`, code: m.code, version: m.version });
    const overview = await ok<PortfolioOverview>(fund.get('/api/portfolio/overview'));
    expect(overview.plans.find((p) => p.id === planC.id)!.municipalityName).toBe(`${m.name} (ny)`);
    const renamed = await ok<PortfolioIndicators>(fund.get(url));
    const groups = renamed.indicators.find((x) => x.sharedIndicator.id === sharedCount.id)!.groups;
    expect(groups.map((g) => g.label.da)).toContain(`${m.name} (ny)`);

    await values(planC, i, { value: 45 });
    expect(await total()).toBe(before);
    // The same query from a caller with other roles is that caller's own answer.
    expect((await member.get(url)).statusCode).toBe(200);
    expect((await editor.get(url)).statusCode).toBe(403);
  });
});

describe('access', () => {
  it('gives a plan editor no portfolio', async () => {
    for (const url of ['/api/portfolio/overview', '/api/portfolio/indicators', '/api/shared-indicators'])
      expect((await editor.get(url)).statusCode, url).toBe(403);
  });
});

describe('overview, compliance, grants and comparison', () => {
  it('counts plans, dwellings, grants, active activities and participants following the filters', async () => {
    const all = await ok<PortfolioOverview>(fund.get('/api/portfolio/overview'));
    expect(all.totals.plans).toBe(3);
    expect(all.totals.activeActivities).toBe(1);
    expect(all.totals.grantOre).toBe(3 * 800_000_000);
    const mine = await ok<PortfolioOverview>(
      fund.get(`/api/portfolio/overview?areaSecretariatId=${secretariatId}`),
    );
    expect(mine.totals.plans).toBe(2);
    expect(mine.distributions.organisationType[0]).toMatchObject({ key: 'not_determined', plans: 2 });
  });

  it('lists late status reports and registrations with who is responsible', async () => {
    const r = await ok<PortfolioCompliance>(fund.get('/api/portfolio/compliance'));
    expect(r.plansChecked).toBe(3);
    const a = r.rows.filter((x) => x.planId === planA.id);
    // The plans run 2023-2026: once 31 March 2024 has passed, the 2023 report is late.
    if (r.today > '2024-03-31')
      expect(a.some((x) => x.kind === 'status_report' && x.subject === '2023')).toBe(true);
    for (const row of a) expect(row.responsible).toEqual(['Projektleder Per']);
    const days = r.rows.map((x) => x.daysLate);
    expect(days).toEqual([...days].sort((x, y) => y - x));
  });

  it('shows granted, committed and spent per plan and pool', async () => {
    await ok(
      editor.put(`/api/plans/${planA.id}/expenditures`, {
        items: [
          { year: 2023, amountOre: 150_000_000 },
          { year: 2024, amountOre: 250_000_000, note: 'Lektiecafé og job' },
        ],
      }),
    );
    const bad = await editor.put(`/api/plans/${planA.id}/expenditures`, {
      items: [
        { year: 2024, amountOre: 1 },
        { year: 2024, amountOre: 2 },
        { year: 2031, amountOre: 3 },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      'items.1.year',
      'items.2.year',
    ]);
    const g = await ok<PortfolioGrantUse>(fund.get('/api/portfolio/grants'));
    const a = g.plans.find((p) => p.planId === planA.id)!;
    expect(a).toMatchObject({ grantedOre: 800_000_000, spentOre: 400_000_000, spentShare: 0.5 });
    expect(g.total.spentOre).toBe(400_000_000);
    expect(g.pools[0]!.plans).toBe(3);
  });

  it('compares plans side by side with the observations beside each rank', async () => {
    const r = await ok<PortfolioCompare>(
      fund.get(
        `/api/portfolio/compare?planIds=${planA.id},${planB.id}&sharedIndicatorIds=${sharedCount.id},${sharedPct.id}&year=2025`,
      ),
    );
    expect(r.period).toBe('2025');
    expect(r.plans.map((p) => [p.planName, p.values[0]!.value, p.values[0]!.rank])).toEqual([
      ['Plan A', 120, 1],
      ['Plan B', 80, 2],
    ]);
    expect(r.plans.map((p) => [p.values[1]!.rank, p.values[1]!.observations])).toEqual([
      [1, 50],
      [2, 200],
    ]);
    expect(typeof r.plans[0]!.coherence.flags).toBe('number');
    expect(r.plans[0]!.markers.map((m) => m.number)).toEqual([1, 2, 3, 4, 5]);
    // Marker 5 rests on the questionnaire only; without a survey both columns have no data.
    expect(r.plans[0]!.markers[4]).toMatchObject({ evidence: 'no_data', questionnaire: 'no_data' });
  });

  it('exports every view as CSV and .xlsx', async () => {
    for (const view of ['overview', 'indicators', 'compliance', 'grants'])
      for (const format of ['csv', 'xlsx']) {
        const r = await fund.get(`/api/portfolio/${view}/export?format=${format}`);
        expect(r.statusCode, `${view} ${format}`).toBe(200);
        expect(r.headers['content-disposition']).toContain(`.${format}`);
      }
  });
});
