import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseMatrix, PlanDetail, PlanInput, PlanSummary } from '@pejling/contracts';
import { seedDemo } from '../src/seed/demo.js';
import {
  buildArea,
  buildHousingOrganisation,
  buildMunicipality,
  buildUser,
  poolWithFocusAreas,
  rowCounts,
} from './factories.js';
import { createTestApp, type TestApp, type TestClient } from './test-app.js';

let t: TestApp;
let admin: TestClient;
let adminEn: TestClient;
const UNKNOWN = '01890a5d-ac96-774b-bcce-b302099a8057';
const mio = (kr: number) => Math.round(kr * 1_000_000 * 100);

type Pool = Awaited<ReturnType<typeof poolWithFocusAreas>>;
let pool2019: Pool;
let pool2015: Pool;

/** The world the list, filter, scope and matrix tests share. */
const w = {} as {
  kbh: string;
  aalborg: string;
  aarhus: string;
  odense: string;
  orgA: string;
  orgB: string;
  orgC: string;
  secretariat: string;
  plans: Record<'osterbro' | 'aalborg' | 'bispehaven' | 'aeblehaven' | 'zinkgruben', PlanDetail>;
};

function details(res: LightMyRequestResponse): Record<string, string> {
  const body = res.json() as { error: { details?: { path: string; message: string }[] } };
  return Object.fromEntries((body.error.details ?? []).map((d) => [d.path, d.message]));
}

async function area(municipalityId: string, housingOrganisationId: string, dwellings: number) {
  return (await buildArea(t.db, { municipalityId, housingOrganisationId, dwellings })).id;
}

async function createPlan(input: PlanInput, client = admin): Promise<PlanDetail> {
  const res = await client.post('/api/plans', input);
  if (res.statusCode !== 201) throw new Error(`plan not created: ${res.statusCode} ${res.body}`);
  return res.json();
}

const names = (res: LightMyRequestResponse) => (res.json().items as PlanSummary[]).map((p) => p.name);

beforeAll(async () => {
  t = await createTestApp();
  const u = await buildUser(t.db, { isAdmin: true, name: 'Administrator' });
  admin = await t.sessionClient(u.id);
  adminEn = await t.sessionClient(u.id, { locale: 'en' });
  pool2019 = await poolWithFocusAreas(t.db, '2019-2026');
  pool2015 = await poolWithFocusAreas(t.db, '2015-2018');

  w.kbh = (await buildMunicipality(t.db, { name: 'Københavns Kommune' })).id;
  w.aalborg = (await buildMunicipality(t.db, { name: 'Aalborg Kommune' })).id;
  w.aarhus = (await buildMunicipality(t.db, { name: 'Aarhus Kommune' })).id;
  w.odense = (await buildMunicipality(t.db, { name: 'Odense Kommune' })).id;
  w.orgA = (await buildHousingOrganisation(t.db, { name: 'Boligselskabet Ager' })).id;
  w.orgB = (await buildHousingOrganisation(t.db, { name: 'Bolig Bæk' })).id;
  w.orgC = (await buildHousingOrganisation(t.db, { name: 'Kilden Bolig' })).id;
  w.secretariat = (
    await admin.post('/api/area-secretariats', { name: 'Sekretariat Nord', municipalityId: w.aalborg })
  ).json().id;

  const f19 = pool2019.focusAreas.map((f) => f.id);
  const base = { status: 'active' as const, periodStart: '2019-01-01', periodEnd: '2022-12-31' };
  const grant = (
    amountOre: number,
    startDate = '2019-01-01',
    endDate = '2022-12-31',
    poolId = pool2019.id,
  ) => ({
    poolId,
    amountOre,
    startDate,
    endDate,
  });
  w.plans = {
    osterbro: await createPlan({
      ...base,
      name: 'Helhedsplan Østerbro',
      poolId: pool2019.id,
      municipalityId: w.kbh,
      housingOrganisationId: w.orgA,
      areaIds: [await area(w.kbh, w.orgA, 650)],
      focusAreaIds: [f19[0]!, f19[1]!],
      grants: [grant(mio(4.5))],
    }),
    aalborg: await createPlan({
      ...base,
      name: 'Helhedsplan Aalborg Øst',
      poolId: pool2019.id,
      municipalityId: w.aalborg,
      housingOrganisationId: w.orgB,
      areaSecretariatId: w.secretariat,
      secretariatSupport: 'yes',
      areaIds: [await area(w.aalborg, w.orgB, 1621), await area(w.aalborg, w.orgC, 1000)],
      focusAreaIds: [f19[1]!],
      grants: [grant(mio(9), '2019-01-01', '2020-12-31'), grant(mio(9), '2021-01-01', '2022-12-31')],
    }),
    bispehaven: await createPlan({
      ...base,
      name: 'Helhedsplan Bispehaven',
      status: 'ended',
      periodStart: '2015-01-01',
      periodEnd: '2018-12-31',
      poolId: pool2015.id,
      municipalityId: w.aarhus,
      housingOrganisationId: w.orgC,
      areaIds: [await area(w.aarhus, w.orgC, 869)],
      focusAreaIds: [pool2015.focusAreas[0]!.id],
      grants: [grant(mio(10), '2015-01-01', '2018-12-31', pool2015.id)],
    }),
    aeblehaven: await createPlan({
      ...base,
      name: 'Helhedsplan Æblehaven',
      status: 'draft',
      poolId: pool2019.id,
      municipalityId: w.kbh,
      housingOrganisationId: w.orgA,
      areaIds: [await area(w.kbh, w.orgA, 700)],
      focusAreaIds: [f19[2]!],
      grants: [],
    }),
    zinkgruben: await createPlan({
      ...base,
      name: 'Helhedsplan Zinkgruben',
      poolId: pool2019.id,
      municipalityId: w.odense,
      housingOrganisationId: w.orgB,
      areaIds: [],
      focusAreaIds: [],
      grants: [grant(mio(15))],
    }),
  };
});
afterAll(async () => t?.close());

describe('a plan with two grants and two focus areas', () => {
  let plan: PlanDetail;
  let input: PlanInput;

  beforeAll(async () => {
    const m = await buildMunicipality(t.db);
    const h = await buildHousingOrganisation(t.db, { municipalityId: m.id });
    input = {
      name: 'Helhedsplan Livscyklus',
      poolId: pool2019.id,
      municipalityId: m.id,
      housingOrganisationId: h.id,
      areaIds: [await area(m.id, h.id, 500), await area(m.id, h.id, 450)],
      focusAreaIds: [pool2019.focusAreas[0]!.id, pool2019.focusAreas[3]!.id],
      purpose: 'Flere i job og uddannelse',
      problems: 'Høj ledighed',
      status: 'active',
      periodStart: '2023-01-01',
      periodEnd: '2026-12-31',
      secretariatSupport: 'unclear',
      grants: [
        {
          poolId: pool2019.id,
          amountOre: mio(3),
          startDate: '2023-01-01',
          endDate: '2024-12-31',
          reference: 'LBF-1',
        },
        { poolId: pool2019.id, amountOre: 250_000_050, startDate: '2025-01-01', endDate: '2026-12-31' },
      ],
    };
  });

  it('is created with everything it was given, and the derived figures', async () => {
    const res = await admin.post('/api/plans', input);
    expect(res.statusCode).toBe(201);
    plan = res.json();
    expect(plan).toMatchObject({
      name: 'Helhedsplan Livscyklus',
      poolName: '2019-2026',
      status: 'active',
      purpose: 'Flere i job og uddannelse',
      problems: 'Høj ledighed',
      secretariatSupport: 'unclear',
      dwellings: 950,
      sizeBand: 'medium',
      grantTotalOre: 550_000_050,
      grantCount: 2,
      grantBand: 'from5to15',
      version: 1,
      canEdit: true,
      isExample: false,
    });
    expect(plan.grants.map((g) => [g.amountOre, g.startDate, g.endDate, g.reference, g.poolName])).toEqual([
      [mio(3), '2023-01-01', '2024-12-31', 'LBF-1', '2019-2026'],
      [250_000_050, '2025-01-01', '2026-12-31', null, '2019-2026'],
    ]);
    expect(plan.focusAreas.map((f) => f.id)).toEqual(input.focusAreaIds);
    expect(plan.areas.map((a) => a.dwellings).sort()).toEqual([450, 500]);
  });

  it('reads back the same', async () => {
    const res = await admin.get(`/api/plans/${plan.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(plan);
  });

  it('is updated: grants, focus areas and areas are replaced', async () => {
    const res = await admin.put(`/api/plans/${plan.id}`, {
      ...input,
      name: 'Helhedsplan Livscyklus II',
      areaIds: [input.areaIds![0]!],
      focusAreaIds: [pool2019.focusAreas[1]!.id],
      grants: [{ poolId: pool2019.id, amountOre: mio(20), startDate: '2023-01-01', endDate: '2026-12-31' }],
      version: plan.version,
    });
    expect(res.statusCode).toBe(200);
    const updated: PlanDetail = res.json();
    expect(updated).toMatchObject({
      name: 'Helhedsplan Livscyklus II',
      version: 2,
      dwellings: 500,
      sizeBand: 'small',
      grantCount: 1,
      grantBand: 'over15',
    });
    expect(updated.focusAreas.map((f) => f.id)).toEqual([pool2019.focusAreas[1]!.id]);
    expect(await t.db.selectFrom('grants').select('id').where('planId', '=', plan.id).execute()).toHaveLength(
      1,
    );
    plan = updated;
  });

  it('refuses the second of two edits made from the same read, and keeps the first', async () => {
    const read: PlanDetail = (await admin.get(`/api/plans/${plan.id}`)).json();
    const edit = (name: string) =>
      admin.put(`/api/plans/${plan.id}`, { ...input, name, version: read.version });
    expect((await edit('Første redigering')).statusCode).toBe(200);
    const before = await rowCounts(t.db);
    const second = await edit('Anden redigering');
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('stale_version');
    expect(await rowCounts(t.db)).toEqual(before);
    const now: PlanDetail = (await admin.get(`/api/plans/${plan.id}`)).json();
    expect(now.name).toBe('Første redigering');
    expect(now.grants).toHaveLength(2);
    plan = now;
  });

  it('is deleted with its areas, focus areas, grants and roles', async () => {
    const viewer = await buildUser(t.db, { roles: [{ role: 'plan_viewer', planId: plan.id }] });
    expect((await admin.delete(`/api/plans/${plan.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/plans/${plan.id}`)).statusCode).toBe(404);
    for (const table of ['planAreas', 'planFocusAreas', 'grants'] as const) {
      expect(await t.db.selectFrom(table).select('planId').where('planId', '=', plan.id).execute()).toEqual(
        [],
      );
    }
    expect(
      await t.db.selectFrom('roleGrants').select('id').where('userId', '=', viewer.id).execute(),
    ).toEqual([]);
    // The areas themselves stay in the registry.
    expect((await admin.get(`/api/areas/${input.areaIds![0]}`)).statusCode).toBe(200);
  });
});

describe('refused plans', () => {
  let good: PlanInput;
  beforeAll(async () => {
    good = {
      name: 'Helhedsplan Afvist',
      poolId: pool2019.id,
      municipalityId: w.kbh,
      housingOrganisationId: w.orgA,
      areaIds: [await area(w.kbh, w.orgA, 300)],
      focusAreaIds: [pool2019.focusAreas[0]!.id, pool2019.focusAreas[1]!.id],
      status: 'active',
      periodStart: '2024-01-01',
      periodEnd: '2027-12-31',
      grants: [
        { poolId: pool2019.id, amountOre: mio(2), startDate: '2024-01-01', endDate: '2025-12-31' },
        { poolId: pool2019.id, amountOre: mio(2), startDate: '2026-01-01', endDate: '2027-12-31' },
      ],
    };
  });

  async function refused(client: TestClient, body: unknown, status = 400) {
    const before = await rowCounts(t.db);
    const res = await client.post('/api/plans', body);
    expect(res.statusCode, res.body).toBe(status);
    expect(await rowCounts(t.db)).toEqual(before);
    return res;
  }

  it('name a focus area from another pool, with the plan’s pool', async () => {
    const res = await refused(admin, {
      ...good,
      focusAreaIds: [good.focusAreaIds![0]!, pool2015.focusAreas[0]!.id],
    });
    expect(res.json().error.code).toBe('validation_failed');
    expect(details(res)).toEqual({
      'focusAreaIds.1':
        'Indsatsområdet hører ikke til planens pulje (2019-2026). Vælg indsatsområder fra puljens katalog.',
    });
  });

  it('name an end before the start, for the plan and for each grant', async () => {
    const res = await refused(admin, {
      ...good,
      periodEnd: '2023-12-31',
      grants: [good.grants![0]!, { ...good.grants![1]!, endDate: '2025-12-31' }],
    });
    expect(details(res)).toEqual({
      periodEnd: 'Slutdatoen må ikke ligge før startdatoen.',
      'grants.1.endDate': 'Slutdatoen må ikke ligge før startdatoen.',
    });
  });

  it('name every unknown reference at once', async () => {
    const res = await refused(admin, {
      ...good,
      poolId: UNKNOWN,
      municipalityId: UNKNOWN,
      housingOrganisationId: UNKNOWN,
      areaSecretariatId: UNKNOWN,
      areaIds: [good.areaIds![0]!, UNKNOWN],
      grants: [good.grants![0]!, { ...good.grants![1]!, poolId: UNKNOWN }],
    });
    expect(details(res)).toEqual({
      poolId: 'Puljen findes ikke.',
      municipalityId: 'Kommunen findes ikke.',
      housingOrganisationId: 'Boligorganisationen findes ikke.',
      areaSecretariatId: 'Områdesekretariatet findes ikke.',
      'areaIds.1': 'Boligområdet findes ikke.',
      'grants.1.poolId': 'Puljen findes ikke.',
    });
  });

  it('name an unknown focus area', async () => {
    const res = await refused(admin, { ...good, focusAreaIds: [UNKNOWN] });
    expect(details(res)).toEqual({ 'focusAreaIds.0': 'Indsatsområdet findes ikke.' });
  });

  it('answer in English when asked', async () => {
    const res = await refused(adminEn, {
      ...good,
      focusAreaIds: [pool2015.focusAreas[0]!.id],
      grants: [{ ...good.grants![0]!, endDate: '2023-01-01' }],
    });
    expect(res.json().error.message).toBe('Some fields need correcting.');
    expect(details(res)).toEqual({
      'focusAreaIds.0':
        "The focus area does not belong to the plan's pool (2019-2026). Choose focus areas from the pool's catalogue.",
      'grants.0.endDate': 'The end date must not be before the start date.',
    });
  });

  it('name malformed fields before looking anything up', async () => {
    const res = await refused(admin, {
      ...good,
      name: '',
      status: 'maybe',
      focusAreaIds: ['nej'],
      grants: [{ ...good.grants![0]!, amountOre: 12.5, endDate: 'snart' }],
    });
    expect(details(res)).toEqual({
      name: 'Skal udfyldes.',
      status: 'Skal være en af: draft, active, ended.',
      'focusAreaIds.0': 'Ugyldigt id.',
      'grants.0.amountOre': 'Skal være et heltal.',
      'grants.0.endDate': 'Skriv en dato som ÅÅÅÅ-MM-DD.',
    });
  });

  it('leave a plan untouched when an update is refused', async () => {
    const target = w.plans.osterbro;
    const before = await rowCounts(t.db);
    const res = await admin.put(`/api/plans/${target.id}`, {
      ...good,
      grants: [{ ...good.grants![0]!, poolId: UNKNOWN }],
      version: target.version,
    });
    expect(res.statusCode).toBe(400);
    expect(details(res)).toEqual({ 'grants.0.poolId': 'Puljen findes ikke.' });
    expect(await rowCounts(t.db)).toEqual(before);
    expect((await admin.get(`/api/plans/${target.id}`)).json()).toMatchObject({
      name: target.name,
      version: target.version,
      grantTotalOre: target.grantTotalOre,
    });
  });

  it('answer 404 for a plan that does not exist', async () => {
    expect((await admin.get(`/api/plans/${UNKNOWN}`)).json().error).toEqual({
      code: 'plan_not_found',
      message: 'Helhedsplanen findes ikke.',
    });
    expect((await admin.put(`/api/plans/${UNKNOWN}`, { ...good, version: 1 })).statusCode).toBe(404);
    expect((await admin.delete(`/api/plans/${UNKNOWN}`)).statusCode).toBe(404);
    expect((await admin.get('/api/plans/not-a-uuid')).statusCode).toBe(400);
  });

  it('accept focus areas from any catalogue version of the plan’s pool', async () => {
    const res = await admin.post(`/api/pools/${pool2015.id}/catalogues`, {
      validFrom: '2017-01-01',
      focusAreas: [{ nameDa: 'Tryghed', nameEn: 'Safety' }],
    });
    const v2 = res.json().catalogues.find((c: { version: number }) => c.version === 2);
    const plan = await createPlan({
      ...good,
      name: 'Helhedsplan To Kataloger',
      poolId: pool2015.id,
      focusAreaIds: [pool2015.focusAreas[0]!.id, v2.focusAreas[0].id],
      grants: [],
    });
    expect(plan.focusAreas.map((f) => f.nameDa).sort()).toEqual(
      [pool2015.focusAreas[0]!.nameDa, 'Tryghed'].sort(),
    );
    expect((await admin.delete(`/api/plans/${plan.id}`)).statusCode).toBe(204);
  });
});

describe('the plan list', () => {
  const all = () => Object.values(w.plans).map((p) => p.name);

  it('is sorted by name in Danish order (æ, ø, aa last)', async () => {
    expect(names(await admin.get('/api/plans'))).toEqual([
      'Helhedsplan Bispehaven',
      'Helhedsplan Zinkgruben',
      'Helhedsplan Æblehaven',
      'Helhedsplan Østerbro',
      'Helhedsplan Aalborg Øst',
    ]);
    expect((await admin.get('/api/plans')).json().total).toBe(5);
  });

  it('sorts by other columns, in both directions', async () => {
    expect(names(await admin.get('/api/plans?sort=name&dir=desc'))[0]).toBe('Helhedsplan Aalborg Øst');
    expect(names(await admin.get('/api/plans?sort=municipality'))).toEqual([
      'Helhedsplan Æblehaven',
      'Helhedsplan Østerbro',
      'Helhedsplan Zinkgruben',
      'Helhedsplan Aalborg Øst',
      'Helhedsplan Bispehaven',
    ]);
    expect(names(await admin.get('/api/plans?sort=dwellings&dir=desc'))).toEqual([
      'Helhedsplan Aalborg Øst',
      'Helhedsplan Bispehaven',
      'Helhedsplan Æblehaven',
      'Helhedsplan Østerbro',
      'Helhedsplan Zinkgruben',
    ]);
    expect(names(await admin.get('/api/plans?sort=grant'))).toEqual([
      'Helhedsplan Æblehaven',
      'Helhedsplan Østerbro',
      'Helhedsplan Bispehaven',
      'Helhedsplan Zinkgruben',
      'Helhedsplan Aalborg Øst',
    ]);
  });

  it.each([
    ['status=draft', ['Helhedsplan Æblehaven']],
    ['status=ended', ['Helhedsplan Bispehaven']],
    ['sizeBand=small', ['Helhedsplan Østerbro']],
    ['sizeBand=medium', ['Helhedsplan Bispehaven', 'Helhedsplan Æblehaven']],
    ['sizeBand=large', ['Helhedsplan Aalborg Øst']],
    ['grantBand=under5', ['Helhedsplan Østerbro']],
    ['grantBand=from5to15', ['Helhedsplan Bispehaven', 'Helhedsplan Zinkgruben']],
    ['grantBand=over15', ['Helhedsplan Aalborg Øst']],
    ['q=ØSTERBRO', ['Helhedsplan Østerbro']],
    ['q=æble', ['Helhedsplan Æblehaven']],
    ['q=AALBORG', ['Helhedsplan Aalborg Øst']],
    ['q=bæk', ['Helhedsplan Aalborg Øst', 'Helhedsplan Zinkgruben']],
    ['q=københavns', ['Helhedsplan Æblehaven', 'Helhedsplan Østerbro']],
    ['q=sekretariat nord', ['Helhedsplan Aalborg Øst']],
    ['q=2015-2018', ['Helhedsplan Bispehaven']],
    ['q=findes ikke', []],
    ['status=active&grantBand=from5to15', ['Helhedsplan Zinkgruben']],
    ['status=&sizeBand=&grantBand=&q=', null],
  ])('filters by %s', async (query, expected) => {
    const res = await admin.get(`/api/plans?${encodeURI(query)}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(names(res).sort()).toEqual((expected ?? all()).sort());
  });

  it('filters by pool, municipality, organisation, secretariat, focus area and ids', async () => {
    const q = async (query: string) => names(await admin.get(`/api/plans?${query}`)).sort();
    expect(await q(`poolId=${pool2015.id}`)).toEqual(['Helhedsplan Bispehaven']);
    expect(await q(`municipalityId=${w.kbh}`)).toEqual(['Helhedsplan Æblehaven', 'Helhedsplan Østerbro']);
    expect(await q(`housingOrganisationId=${w.orgB}`)).toEqual([
      'Helhedsplan Aalborg Øst',
      'Helhedsplan Zinkgruben',
    ]);
    expect(await q(`areaSecretariatId=${w.secretariat}`)).toEqual(['Helhedsplan Aalborg Øst']);
    expect(await q(`focusAreaId=${pool2019.focusAreas[1]!.id}`)).toEqual([
      'Helhedsplan Aalborg Øst',
      'Helhedsplan Østerbro',
    ]);
    expect(await q(`ids=${w.plans.zinkgruben.id},${w.plans.bispehaven.id}`)).toEqual([
      'Helhedsplan Bispehaven',
      'Helhedsplan Zinkgruben',
    ]);
    expect(await q('example=yes')).toEqual([]);
    expect(await q(`poolId=${pool2019.id}&municipalityId=${w.odense}`)).toEqual(['Helhedsplan Zinkgruben']);
  });

  it('refuses unknown filter values with a message', async () => {
    const res = await admin.get('/api/plans?status=paused&sort=colour&poolId=42');
    expect(res.statusCode).toBe(400);
    expect(details(res)).toEqual({
      status: 'Skal være en af: draft, active, ended.',
      sort: 'Skal være en af: name, municipality, pool, status, dwellings, grant, periodStart, updatedAt.',
      poolId: 'Ugyldigt id.',
    });
  });
});

describe('who sees which plans', () => {
  const visible = async (client: TestClient) => names(await client.get('/api/plans')).sort();
  const as = async (opts: Parameters<typeof buildUser>[1]) =>
    t.sessionClient((await buildUser(t.db, opts)).id);

  it('the fund sees every plan', async () => {
    const fund = await as({ roles: [{ role: 'fund' }] });
    expect(await visible(fund)).toHaveLength(5);
    expect((await fund.get(`/api/plans/${w.plans.bispehaven.id}`)).statusCode).toBe(200);
  });

  it('an organisation member sees only the organisation’s plans', async () => {
    const member = await as({
      roles: [{ role: 'org_member', organisationKind: 'housing_organisation', organisationId: w.orgA }],
    });
    expect(await visible(member)).toEqual(['Helhedsplan Æblehaven', 'Helhedsplan Østerbro']);
    expect((await member.get(`/api/plans/${w.plans.aalborg.id}`)).statusCode).toBe(403);
    const m = (await member.get('/api/case-matrix')).json() as CaseMatrix;
    expect(m.total).toBe(2);
  });

  it('a municipality member sees the municipality’s plans', async () => {
    const member = await as({
      roles: [{ role: 'org_member', organisationKind: 'municipality', organisationId: w.odense }],
    });
    expect(await visible(member)).toEqual(['Helhedsplan Zinkgruben']);
  });

  it('a plan viewer sees only that plan, also in exports', async () => {
    const viewer = await as({ roles: [{ role: 'plan_viewer', planId: w.plans.bispehaven.id }] });
    expect(await visible(viewer)).toEqual(['Helhedsplan Bispehaven']);
    const csv = (await viewer.get('/api/plans/export?format=csv')).body;
    expect(csv).toContain('Helhedsplan Bispehaven');
    expect(csv).not.toContain('Østerbro');
  });

  it('roles add up', async () => {
    const both = await as({
      roles: [
        { role: 'org_member', organisationKind: 'housing_organisation', organisationId: w.orgA },
        { role: 'plan_viewer', planId: w.plans.bispehaven.id },
      ],
    });
    expect(await visible(both)).toEqual([
      'Helhedsplan Bispehaven',
      'Helhedsplan Æblehaven',
      'Helhedsplan Østerbro',
    ]);
  });

  it('a user without roles sees none, an empty matrix and an export with only the header', async () => {
    const plain = await as({});
    expect((await plain.get('/api/plans')).json()).toEqual({ items: [], total: 0 });
    const m = (await plain.get('/api/case-matrix')).json() as CaseMatrix;
    expect(m.total).toBe(0);
    expect(m.cells.every((c) => c.plans.length === 0)).toBe(true);
    const csv = (await plain.get('/api/plans/export?format=csv')).body.replace(/^\uFEFF/, '');
    expect(csv.trim().split('\r\n')).toHaveLength(1);
  });
});

describe('the case matrix', () => {
  const cell = (m: CaseMatrix, size: string, grant: string) =>
    m.cells
      .find((c) => c.sizeBand === size && c.grantBand === grant)!
      .plans.map((p) => p.name)
      .sort();

  it('places plans by size and grant band and lists the rest with the reason', async () => {
    const m = (await admin.get('/api/case-matrix')).json() as CaseMatrix;
    expect(m.total).toBe(5);
    expect(m.cells).toHaveLength(9);
    expect(cell(m, 'small', 'under5')).toEqual(['Helhedsplan Østerbro']);
    expect(cell(m, 'medium', 'from5to15')).toEqual(['Helhedsplan Bispehaven']);
    expect(cell(m, 'large', 'over15')).toEqual(['Helhedsplan Aalborg Øst']);
    expect(m.cells.reduce((n, c) => n + c.plans.length, 0)).toBe(3);
    expect(m.unbanded.map((u) => [u.name, u.reason]).sort()).toEqual([
      ['Helhedsplan Zinkgruben', 'no_dwellings'],
      ['Helhedsplan Æblehaven', 'no_grants'],
    ]);
    const aalborg = m.cells.flatMap((c) => c.plans).find((p) => p.name === 'Helhedsplan Aalborg Øst')!;
    expect(aalborg).toEqual({
      id: w.plans.aalborg.id,
      name: 'Helhedsplan Aalborg Øst',
      dwellings: 2621,
      grantTotalOre: mio(18),
    });
  });

  it('applies the list filters except the band filters', async () => {
    const m = (await admin.get('/api/case-matrix?status=active&sizeBand=small')).json() as CaseMatrix;
    expect(m.total).toBe(3);
    expect(cell(m, 'large', 'over15')).toEqual(['Helhedsplan Aalborg Øst']);
  });

  it('reproduces the report’s table 2.1 from the demo data', async () => {
    expect(await seedDemo(t.db)).toBe(true);
    const m = (await admin.get('/api/case-matrix?example=yes')).json() as CaseMatrix;
    expect(m.total).toBe(13);
    expect(m.unbanded).toEqual([]);
    const table = Object.fromEntries(
      m.cells.map((c) => [
        `${c.sizeBand}/${c.grantBand}`,
        c.plans.map((p) => p.name.replace('Helhedsplan ', '')).sort(),
      ]),
    );
    expect(table).toEqual({
      'small/under5': ['Brønderslev', 'Påskeløkken'],
      'small/from5to15': ['Akacieparken', 'Albertslund Nord'],
      'small/over15': [],
      'medium/under5': [],
      'medium/from5to15': [
        'Bispehaven',
        'Charlottekvarteret',
        'Finlandsparken',
        'Høje Kolstrup',
        'Solbjerg Have og Søndermarken',
      ],
      'medium/over15': ['Randers Nordby'],
      'large/under5': [],
      'large/from5to15': ['Viby Syd'],
      'large/over15': ['Aalborg Øst', 'Vollsmose'],
    });
    expect(await seedDemo(t.db)).toBe(false);
  });
});
