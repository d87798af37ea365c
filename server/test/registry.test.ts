import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FundingPool, HousingArea } from '@pejling/contracts';
import {
  buildArea,
  buildHousingOrganisation,
  buildMunicipality,
  buildPlan,
  buildUser,
  rowCounts,
} from './factories.js';
import { createTestApp, type TestApp, type TestClient } from './test-app.js';

let t: TestApp;
let admin: TestClient;
let adminEn: TestClient;
const UNKNOWN = '01890a5d-ac96-774b-bcce-b302099a8057';

beforeAll(async () => {
  t = await createTestApp();
  const u = await buildUser(t.db, { isAdmin: true });
  admin = await t.sessionClient(u.id);
  adminEn = await t.sessionClient(u.id, { locale: 'en' });
});
afterAll(async () => t?.close());

/** The error details as { field path: message }. */
function details(res: { json(): unknown }): Record<string, string> {
  const body = res.json() as { error: { details?: { path: string; message: string }[] } };
  return Object.fromEntries((body.error.details ?? []).map((d) => [d.path, d.message]));
}

/** Runs a write that must be refused, and checks that no table changed. */
async function refusedWithoutTrace(write: () => Promise<LightMyRequestResponse>, status: number) {
  const before = await rowCounts(t.db);
  const res = await write();
  expect(res.statusCode).toBe(status);
  expect(await rowCounts(t.db)).toEqual(before);
  return res;
}

describe('municipalities', () => {
  it('are created, read, listed, updated and deleted', async () => {
    const created = await admin.post('/api/municipalities', { name: 'Ærøskøbing Test Kommune', code: 492 });
    expect(created.statusCode).toBe(201);
    const m = created.json();
    expect(m).toMatchObject({
      name: 'Ærøskøbing Test Kommune',
      code: 492,
      version: 1,
      planCount: 0,
      isExample: false,
    });

    expect((await admin.get(`/api/municipalities/${m.id}`)).json()).toEqual(m);
    expect((await admin.get('/api/municipalities')).json().map((x: { id: string }) => x.id)).toContain(m.id);

    const updated = await admin.put(`/api/municipalities/${m.id}`, {
      name: 'Ærø Test Kommune',
      code: 492,
      version: 1,
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ name: 'Ærø Test Kommune', version: 2 });

    expect((await admin.delete(`/api/municipalities/${m.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/municipalities/${m.id}`)).statusCode).toBe(404);
  });

  it('trim names and sort the list in Danish order', async () => {
    for (const name of [
      '  Åkirkeby Test  ',
      'Zeeland Test',
      'Aabybro Test',
      'Ølstykke Test',
      'Bornholm Test',
    ]) {
      expect((await admin.post('/api/municipalities', { name })).statusCode).toBe(201);
    }
    const names = (await admin.get('/api/municipalities')).json().map((m: { name: string }) => m.name);
    const mine = names.filter((n: string) => n.endsWith(' Test'));
    expect(mine).toEqual(['Bornholm Test', 'Zeeland Test', 'Ølstykke Test', 'Aabybro Test', 'Åkirkeby Test']);
  });

  it('refuse bad input with a Danish message per field', async () => {
    const res = await refusedWithoutTrace(
      () => admin.post('/api/municipalities', { name: '   ', code: 12 }),
      400,
    );
    expect(res.json().error.code).toBe('validation_failed');
    expect(res.json().error.message).toBe('Nogle felter skal rettes.');
    expect(details(res)).toEqual({ name: 'Skal udfyldes.', code: 'Skal være mindst 100.' });
  });

  it('answer in English when asked', async () => {
    const res = await adminEn.post('/api/municipalities', { name: 42 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('Some fields need correcting.');
    expect(details(res)).toEqual({ name: 'Must be text.' });
  });

  it('refuse a name or code that is taken, naming the field', async () => {
    await admin.post('/api/municipalities', { name: 'Dublet Kommune', code: 777 });
    const byName = await refusedWithoutTrace(
      () => admin.post('/api/municipalities', { name: 'Dublet Kommune' }),
      409,
    );
    expect(details(byName)).toEqual({ name: 'Der findes allerede en kommune med det navn.' });
    const byCode = await refusedWithoutTrace(
      () => admin.post('/api/municipalities', { name: 'Anden Kommune', code: 777 }),
      409,
    );
    expect(details(byCode)).toEqual({ code: 'Der findes allerede en kommune med den kommunekode.' });
  });

  it('answer 404 for unknown ids and 400 for ids that are not ids', async () => {
    for (const res of [
      await admin.get(`/api/municipalities/${UNKNOWN}`),
      await admin.put(`/api/municipalities/${UNKNOWN}`, { name: 'X', version: 1 }),
      await admin.delete(`/api/municipalities/${UNKNOWN}`),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toMatchObject({
        code: 'municipality_not_found',
        message: 'Kommunen findes ikke.',
      });
    }
    const bad = await admin.get('/api/municipalities/42');
    expect(bad.statusCode).toBe(400);
    expect(details(bad)).toEqual({ id: 'Ugyldigt id.' });
  });

  it('refuse the second of two edits made from the same read', async () => {
    const m = (await admin.post('/api/municipalities', { name: 'Samtidig Kommune' })).json();
    const first = await admin.put(`/api/municipalities/${m.id}`, {
      name: 'Samtidig Kommune A',
      version: m.version,
    });
    expect(first.statusCode).toBe(200);
    const second = await refusedWithoutTrace(
      () => admin.put(`/api/municipalities/${m.id}`, { name: 'Samtidig Kommune B', version: m.version }),
      409,
    );
    expect(second.json().error).toEqual({
      code: 'stale_version',
      message: 'En anden har ændret dette i mellemtiden. Genindlæs og prøv igen.',
    });
    expect((await admin.get(`/api/municipalities/${m.id}`)).json().name).toBe('Samtidig Kommune A');
  });

  it('cannot be deleted while an area, organisation, secretariat or plan uses them', async () => {
    const viaArea = await buildMunicipality(t.db);
    const h = await buildHousingOrganisation(t.db);
    await buildArea(t.db, { municipalityId: viaArea.id, housingOrganisationId: h.id });
    const res = await refusedWithoutTrace(() => admin.delete(`/api/municipalities/${viaArea.id}`), 409);
    expect(res.json().error.code).toBe('municipality_in_use');
    expect(res.json().error.message).toMatch(/^Kommunen bruges af 1 /);

    const viaOrg = await buildMunicipality(t.db);
    await buildHousingOrganisation(t.db, { municipalityId: viaOrg.id });
    await refusedWithoutTrace(() => admin.delete(`/api/municipalities/${viaOrg.id}`), 409);

    const viaSecretariat = await buildMunicipality(t.db);
    await admin.post('/api/area-secretariats', {
      name: 'Brugt sekretariat',
      municipalityId: viaSecretariat.id,
    });
    await refusedWithoutTrace(() => admin.delete(`/api/municipalities/${viaSecretariat.id}`), 409);

    const plan = await buildPlan(t.db);
    const viaPlan = await refusedWithoutTrace(
      () => admin.delete(`/api/municipalities/${plan.municipalityId}`),
      409,
    );
    expect(viaPlan.json().error.code).toBe('municipality_in_use');
    expect((await admin.get(`/api/municipalities/${plan.municipalityId}`)).json().planCount).toBe(1);
  });
});

describe('housing organisations', () => {
  it('are created, read, updated and deleted, with their municipality', async () => {
    const m = await buildMunicipality(t.db, { name: 'Organisationskommune' });
    const created = await admin.post('/api/housing-organisations', {
      name: 'Boligforeningen Test',
      municipalityId: m.id,
    });
    expect(created.statusCode).toBe(201);
    const o = created.json();
    expect(o).toMatchObject({ municipalityId: m.id, municipalityName: 'Organisationskommune', version: 1 });
    expect((await admin.get(`/api/housing-organisations/${o.id}`)).json()).toEqual(o);

    const updated = await admin.put(`/api/housing-organisations/${o.id}`, {
      name: 'Boligforeningen Test II',
      municipalityId: null,
      version: 1,
    });
    expect(updated.json()).toMatchObject({
      name: 'Boligforeningen Test II',
      municipalityId: null,
      version: 2,
    });
    expect(
      (await admin.put(`/api/housing-organisations/${o.id}`, { name: 'Gammel læsning', version: 1 })).json()
        .error.code,
    ).toBe('stale_version');

    expect((await admin.delete(`/api/housing-organisations/${o.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/housing-organisations/${o.id}`)).json().error.code).toBe(
      'housing_organisation_not_found',
    );
  });

  it('refuse an unknown municipality, naming the field', async () => {
    const res = await refusedWithoutTrace(
      () => admin.post('/api/housing-organisations', { name: 'Forældreløs', municipalityId: UNKNOWN }),
      400,
    );
    expect(details(res)).toEqual({ municipalityId: 'Kommunen findes ikke.' });
  });

  it('cannot be deleted while departments use them', async () => {
    const m = await buildMunicipality(t.db);
    const h = await buildHousingOrganisation(t.db);
    await buildArea(t.db, { municipalityId: m.id, housingOrganisationId: h.id });
    const res = await refusedWithoutTrace(() => admin.delete(`/api/housing-organisations/${h.id}`), 409);
    expect(res.json().error.code).toBe('housing_organisation_in_use');
  });
});

describe('housing areas with departments', () => {
  let m: { id: string };
  let h1: { id: string; name: string };
  let h2: { id: string; name: string };
  beforeAll(async () => {
    m = await buildMunicipality(t.db, { name: 'Områdekommune' });
    h1 = await buildHousingOrganisation(t.db, { name: 'Boligselskabet Ager' });
    h2 = await buildHousingOrganisation(t.db, { name: 'Boligselskabet Bæk' });
  });

  it('are created with departments of several organisations, and sum their dwellings', async () => {
    const res = await admin.post('/api/areas', {
      name: 'Østerparken',
      municipalityId: m.id,
      description: 'To afdelinger',
      departments: [
        { housingOrganisationId: h2.id, departmentNumber: '12', name: 'Øst', dwellings: 400 },
        { housingOrganisationId: h1.id, departmentNumber: '12', dwellings: 350 },
      ],
    });
    expect(res.statusCode).toBe(201);
    const area: HousingArea = res.json();
    expect(area.dwellings).toBe(750);
    expect(area.municipalityName).toBe('Områdekommune');
    expect(area.departments.map((d) => [d.housingOrganisationName, d.departmentNumber, d.dwellings])).toEqual(
      [
        ['Boligselskabet Ager', '12', 350],
        ['Boligselskabet Bæk', '12', 400],
      ],
    );
  });

  it('replace their departments on update', async () => {
    const area: HousingArea = (
      await admin.post('/api/areas', {
        name: 'Skiftevej',
        municipalityId: m.id,
        departments: [{ housingOrganisationId: h1.id, departmentNumber: '200', dwellings: 100 }],
      })
    ).json();
    const res = await admin.put(`/api/areas/${area.id}`, {
      name: 'Skiftevej',
      municipalityId: m.id,
      version: area.version,
      departments: [
        { housingOrganisationId: h1.id, departmentNumber: '200', dwellings: 120 },
        { housingOrganisationId: h1.id, departmentNumber: '201', dwellings: 80 },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().dwellings).toBe(200);
    expect(res.json().version).toBe(area.version + 1);
    expect(
      await t.db.selectFrom('housingDepartments').select('id').where('areaId', '=', area.id).execute(),
    ).toHaveLength(2);
  });

  it('refuse a department number that the organisation already uses in another area', async () => {
    await admin.post('/api/areas', {
      name: 'Første',
      municipalityId: m.id,
      departments: [{ housingOrganisationId: h1.id, departmentNumber: '300', dwellings: 10 }],
    });
    const res = await refusedWithoutTrace(
      () =>
        admin.post('/api/areas', {
          name: 'Anden',
          municipalityId: m.id,
          departments: [
            { housingOrganisationId: h2.id, departmentNumber: '300', dwellings: 10 },
            { housingOrganisationId: h1.id, departmentNumber: '300', dwellings: 10 },
          ],
        }),
      409,
    );
    expect(details(res)).toEqual({
      'departments.1.departmentNumber': 'Afdelingsnummer 300 findes allerede hos Boligselskabet Ager.',
    });
  });

  it('refuse the same department number twice in one area', async () => {
    const res = await refusedWithoutTrace(
      () =>
        adminEn.post('/api/areas', {
          name: 'Dobbelt',
          municipalityId: m.id,
          departments: [
            { housingOrganisationId: h2.id, departmentNumber: '400', dwellings: 10 },
            { housingOrganisationId: h2.id, departmentNumber: '400', dwellings: 20 },
          ],
        }),
      409,
    );
    expect(details(res)).toEqual({
      'departments.1.departmentNumber': 'Department number 400 already exists at Boligselskabet Bæk.',
    });
  });

  it('refuse unknown references and bad numbers per field', async () => {
    const unknownMunicipality = await refusedWithoutTrace(
      () => admin.post('/api/areas', { name: 'X', municipalityId: UNKNOWN }),
      400,
    );
    expect(details(unknownMunicipality)).toEqual({ municipalityId: 'Kommunen findes ikke.' });
    const unknownOrg = await refusedWithoutTrace(
      () =>
        admin.post('/api/areas', {
          name: 'X',
          municipalityId: m.id,
          departments: [{ housingOrganisationId: UNKNOWN, departmentNumber: '1', dwellings: 1 }],
        }),
      400,
    );
    expect(details(unknownOrg)).toEqual({
      'departments.0.housingOrganisationId': 'Boligorganisationen findes ikke.',
    });
    const badNumbers = await refusedWithoutTrace(
      () =>
        admin.post('/api/areas', {
          name: 'X',
          municipalityId: m.id,
          departments: [{ housingOrganisationId: h1.id, departmentNumber: '', dwellings: -3 }],
        }),
      400,
    );
    expect(details(badNumbers)).toEqual({
      'departments.0.departmentNumber': 'Skal udfyldes.',
      'departments.0.dwellings': 'Skal være mindst 0.',
    });
  });

  it('keep their departments when a stale update is refused', async () => {
    const area: HousingArea = (
      await admin.post('/api/areas', {
        name: 'Stabil',
        municipalityId: m.id,
        departments: [{ housingOrganisationId: h1.id, departmentNumber: '500', dwellings: 500 }],
      })
    ).json();
    await admin.put(`/api/areas/${area.id}`, {
      name: 'Stabil 2',
      municipalityId: m.id,
      version: area.version,
      departments: [{ housingOrganisationId: h1.id, departmentNumber: '500', dwellings: 510 }],
    });
    const res = await refusedWithoutTrace(
      () =>
        admin.put(`/api/areas/${area.id}`, {
          name: 'Stabil 3',
          municipalityId: m.id,
          version: area.version,
          departments: [{ housingOrganisationId: h2.id, departmentNumber: '501', dwellings: 1 }],
        }),
      409,
    );
    expect(res.json().error.code).toBe('stale_version');
    const now: HousingArea = (await admin.get(`/api/areas/${area.id}`)).json();
    expect(now.name).toBe('Stabil 2');
    expect(now.departments.map((d) => [d.departmentNumber, d.dwellings])).toEqual([['500', 510]]);
  });

  it('cannot be deleted while a plan covers them; otherwise go with their departments', async () => {
    const plan = await buildPlan(t.db);
    const used = await refusedWithoutTrace(() => admin.delete(`/api/areas/${plan.areas[0]!.id}`), 409);
    expect(used.json().error.code).toBe('area_in_use');

    const free = await buildArea(t.db, { municipalityId: m.id, housingOrganisationId: h1.id });
    expect((await admin.delete(`/api/areas/${free.id}`)).statusCode).toBe(204);
    expect(
      await t.db.selectFrom('housingDepartments').select('id').where('areaId', '=', free.id).execute(),
    ).toEqual([]);
    expect((await admin.get(`/api/areas/${free.id}`)).statusCode).toBe(404);
  });
});

describe('funding pools and focus-area catalogues', () => {
  it('list the four pools with their first catalogue', async () => {
    const pools: FundingPool[] = (await admin.get('/api/pools')).json();
    expect(pools.map((p) => p.name)).toEqual(
      expect.arrayContaining(['2006-2010', '2011-2014', '2015-2018', '2019-2026']),
    );
    for (const p of pools) {
      expect(p.catalogues[0]!.version).toBe(1);
      expect(p.catalogues[0]!.focusAreas.length).toBeGreaterThan(0);
    }
  });

  it('are created, updated and deleted', async () => {
    const created = await admin.post('/api/pools', { name: '2027-2030', startYear: 2027, endYear: 2030 });
    expect(created.statusCode).toBe(201);
    const p: FundingPool = created.json();
    expect(p).toMatchObject({ catalogues: [], planCount: 0, version: 1, description: null });
    const updated = await admin.put(`/api/pools/${p.id}`, {
      name: '2027-2031',
      startYear: 2027,
      endYear: 2031,
      description: 'Forlænget',
      version: 1,
    });
    expect(updated.json()).toMatchObject({
      name: '2027-2031',
      endYear: 2031,
      description: 'Forlænget',
      version: 2,
    });
    expect((await admin.delete(`/api/pools/${p.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/pools/${p.id}`)).json().error.code).toBe('pool_not_found');
  });

  it('refuse an end year before the start year and a taken name', async () => {
    const years = await refusedWithoutTrace(
      () => admin.post('/api/pools', { name: 'Baglæns', startYear: 2030, endYear: 2029 }),
      400,
    );
    expect(details(years)).toEqual({ endYear: 'Slutåret må ikke ligge før startåret.' });
    const taken = await refusedWithoutTrace(
      () => admin.post('/api/pools', { name: '2019-2026', startYear: 2019, endYear: 2026 }),
      409,
    );
    expect(details(taken)).toEqual({ name: 'Der findes allerede en pulje med det navn.' });
    const english = await adminEn.post('/api/pools', { name: 'Baglæns', startYear: 1900, endYear: 2029 });
    expect(details(english)).toEqual({ startYear: 'Must be at least 1990.' });
  });

  it('get a new catalogue version while the earlier one stays', async () => {
    const p: FundingPool = (
      await admin.post('/api/pools', { name: 'Katalogpulje', startYear: 2030, endYear: 2033 })
    ).json();
    const v1 = await admin.post(`/api/pools/${p.id}/catalogues`, {
      validFrom: '2030-01-01',
      focusAreas: [
        { nameDa: 'Tryghed og trivsel', nameEn: 'Safety and well-being' },
        { nameDa: 'Uddannelse', nameEn: 'Education' },
      ],
    });
    expect(v1.statusCode).toBe(201);
    const v2 = await admin.post(`/api/pools/${p.id}/catalogues`, {
      validFrom: '2032-01-01',
      note: 'Midtvejsrevision',
      focusAreas: [{ nameDa: 'Tryghed', nameEn: 'Safety' }],
    });
    const pool: FundingPool = v2.json();
    expect(
      pool.catalogues.map((c) => [c.version, c.validFrom, c.note, c.focusAreas.map((f) => f.nameDa)]),
    ).toEqual([
      [1, '2030-01-01', null, ['Tryghed og trivsel', 'Uddannelse']],
      [2, '2032-01-01', 'Midtvejsrevision', ['Tryghed']],
    ]);
    expect(pool.version).toBe(3);
  });

  it('refuse an empty catalogue and a catalogue for an unknown pool', async () => {
    const p: FundingPool = (
      await admin.post('/api/pools', { name: 'Tom pulje', startYear: 2030, endYear: 2033 })
    ).json();
    const empty = await refusedWithoutTrace(
      () => admin.post(`/api/pools/${p.id}/catalogues`, { validFrom: '2030-01-01', focusAreas: [] }),
      400,
    );
    expect(details(empty)).toEqual({ focusAreas: 'Vælg mindst 1.' });
    const badDate = await refusedWithoutTrace(
      () =>
        admin.post(`/api/pools/${p.id}/catalogues`, {
          validFrom: '1. januar 2030',
          focusAreas: [{ nameDa: 'A', nameEn: 'A' }],
        }),
      400,
    );
    expect(details(badDate)).toEqual({ validFrom: 'Skriv en dato som ÅÅÅÅ-MM-DD.' });
    const unknown = await refusedWithoutTrace(
      () =>
        admin.post(`/api/pools/${UNKNOWN}/catalogues`, {
          validFrom: '2030-01-01',
          focusAreas: [{ nameDa: 'A', nameEn: 'A' }],
        }),
      404,
    );
    expect(unknown.json().error.code).toBe('pool_not_found');
  });

  it('cannot be deleted while a plan uses them', async () => {
    const plan = await buildPlan(t.db);
    const res = await refusedWithoutTrace(() => admin.delete(`/api/pools/${plan.poolId}`), 409);
    expect(res.json().error.code).toBe('pool_in_use');
    expect(res.json().error.message).toMatch(/^Puljen bruges af \d+ planer eller bevillinger/);
  });

  it('cannot be deleted while another plan’s grant comes from them', async () => {
    const p: FundingPool = (
      await admin.post('/api/pools', { name: 'Bevillingspulje', startYear: 2030, endYear: 2031 })
    ).json();
    const plan = await buildPlan(t.db, {
      grants: [{ poolId: p.id, amountOre: 100_000, startDate: '2030-01-01', endDate: '2030-12-31' }],
    });
    expect(plan.poolId).not.toBe(p.id);
    const res = await refusedWithoutTrace(() => admin.delete(`/api/pools/${p.id}`), 409);
    expect(res.json().error.code).toBe('pool_in_use');
  });
});

describe('area secretariats', () => {
  it('are created, read, updated and deleted, and list the plans they serve', async () => {
    const m = await buildMunicipality(t.db, { name: 'Sekretariatskommune' });
    const created = await admin.post('/api/area-secretariats', {
      name: 'Områdesekretariatet Test',
      municipalityId: m.id,
      description: 'Koordinerer',
    });
    expect(created.statusCode).toBe(201);
    const s = created.json();
    expect(s).toMatchObject({ municipalityName: 'Sekretariatskommune', plans: [], version: 1 });

    const plan = await buildPlan(t.db, { areaSecretariatId: s.id, name: 'Betjent plan' });
    expect((await admin.get(`/api/area-secretariats/${s.id}`)).json().plans).toEqual([
      { id: plan.id, name: 'Betjent plan' },
    ]);
    const inUse = await refusedWithoutTrace(() => admin.delete(`/api/area-secretariats/${s.id}`), 409);
    expect(inUse.json().error.code).toBe('secretariat_in_use');

    const updated = await admin.put(`/api/area-secretariats/${s.id}`, {
      name: 'Områdesekretariatet Test II',
      municipalityId: m.id,
      version: 1,
    });
    expect(updated.json()).toMatchObject({
      name: 'Områdesekretariatet Test II',
      description: null,
      version: 2,
    });
    const stale = await refusedWithoutTrace(
      () =>
        admin.put(`/api/area-secretariats/${s.id}`, { name: 'Forældet', municipalityId: m.id, version: 1 }),
      409,
    );
    expect(stale.json().error.code).toBe('stale_version');

    const free = (
      await admin.post('/api/area-secretariats', { name: 'Ledigt', municipalityId: m.id })
    ).json();
    expect((await admin.delete(`/api/area-secretariats/${free.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/area-secretariats/${free.id}`)).json().error.code).toBe(
      'secretariat_not_found',
    );
  });

  it('refuse an unknown municipality', async () => {
    const res = await refusedWithoutTrace(
      () => adminEn.post('/api/area-secretariats', { name: 'Ingen steder', municipalityId: UNKNOWN }),
      400,
    );
    expect(details(res)).toEqual({ municipalityId: 'The municipality does not exist.' });
  });
});

describe('the language of messages', () => {
  const bad = { name: '' };
  it('follows the user’s own setting when the browser sends no preference', async () => {
    const en = await t.sessionClient((await buildUser(t.db, { isAdmin: true, locale: 'en' })).id);
    const res = await en.request({
      method: 'POST',
      url: '/api/municipalities',
      payload: bad,
      headers: { 'accept-language': '' },
    });
    expect(res.json().error.message).toBe('Some fields need correcting.');
    expect(details(res)).toEqual({ name: 'Required.' });
  });

  it('follows the Accept-Language header over the user’s setting', async () => {
    const en = await t.sessionClient((await buildUser(t.db, { isAdmin: true, locale: 'en' })).id);
    const res = await en.request({
      method: 'POST',
      url: '/api/municipalities',
      payload: bad,
      headers: { 'accept-language': 'da-DK,da;q=0.9,en;q=0.8' },
    });
    expect(details(res)).toEqual({ name: 'Skal udfyldes.' });
  });

  it('is Danish for an anonymous caller without a preference', async () => {
    const res = await t.anonymous.request({
      method: 'GET',
      url: '/api/plans',
      headers: { 'accept-language': '' },
    });
    expect(res.json().error.message).toBe('Du skal logge ind.');
  });
});

describe('registry exports', () => {
  it.each(['municipalities', 'housing-organisations', 'areas', 'pools', 'area-secretariats'])(
    '/api/%s/export gives CSV and .xlsx',
    async (resource) => {
      const csv = await admin.get(`/api/${resource}/export?format=csv`);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.headers['content-disposition']).toMatch(/^attachment; filename=".+\.csv"$/);
      expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const xlsx = await admin.get(`/api/${resource}/export?format=xlsx`);
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
      const bad = await admin.get(`/api/${resource}/export?format=pdf`);
      expect(bad.statusCode).toBe(400);
      expect(details(bad)).toEqual({ format: 'Skal være en af: csv, xlsx.' });
    },
  );
});
