import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDetail } from '@pejling/contracts';
import { buildHousingOrganisation, buildMunicipality, buildPlanInput, buildUser } from './factories.js';
import { createTestApp, type TestApp, type TestClient } from './test-app.js';

/**
 * Several writers at once. On PostgreSQL these run in parallel on the connection pool; on SQLite
 * they queue. Either way exactly one edit from a given read may win, and nothing is duplicated.
 */

let t: TestApp;
let admins: TestClient[];
const N = 6;

beforeAll(async () => {
  t = await createTestApp();
  const user = await buildUser(t.db, { isAdmin: true });
  admins = await Promise.all(Array.from({ length: N }, () => t.sessionClient(user.id)));
});
afterAll(async () => t?.close());

const statuses = (responses: { statusCode: number }[]) => responses.map((r) => r.statusCode).sort();

describe('concurrent writes', () => {
  it('let exactly one of several edits from the same read through', async () => {
    const m = (await admins[0]!.post('/api/municipalities', { name: 'Kapløbskommune' })).json();
    const results = await Promise.all(
      admins.map((c, i) =>
        c.put(`/api/municipalities/${m.id}`, { name: `Kapløbskommune ${i}`, version: m.version }),
      ),
    );
    expect(statuses(results)).toEqual([200, ...Array(N - 1).fill(409)]);
    for (const r of results.filter((x) => x.statusCode === 409))
      expect(r.json().error.code).toBe('stale_version');
    const now = (await admins[0]!.get(`/api/municipalities/${m.id}`)).json();
    expect(now.version).toBe(2);
    const winner = results.find((r) => r.statusCode === 200)!.json();
    expect(now.name).toBe(winner.name);
  });

  it('let exactly one of several plan edits from the same read through, with its grants', async () => {
    const input = await buildPlanInput(t.db);
    const plan: PlanDetail = (await admins[0]!.post('/api/plans', input)).json();
    const results = await Promise.all(
      admins.map((c, i) =>
        c.put(`/api/plans/${plan.id}`, {
          ...input,
          name: `Kapløbsplan ${i}`,
          grants: Array.from({ length: i + 1 }, () => ({ ...input.grants![0]! })),
          version: plan.version,
        }),
      ),
    );
    expect(statuses(results)).toEqual([200, ...Array(N - 1).fill(409)]);
    const winner: PlanDetail = results.find((r) => r.statusCode === 200)!.json();
    const grants = await t.db.selectFrom('grants').select('id').where('planId', '=', plan.id).execute();
    expect(grants).toHaveLength(winner.grants.length);
  });

  it('store one municipality when several are created with the same name at once', async () => {
    const results = await Promise.all(
      admins.map((c) => c.post('/api/municipalities', { name: 'Tvillingkommune' })),
    );
    expect(statuses(results)).toEqual([201, ...Array(N - 1).fill(409)]);
    const rows = await t.db
      .selectFrom('municipalities')
      .select('id')
      .where('name', '=', 'Tvillingkommune')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('store one department when several areas claim the same department number at once', async () => {
    const m = await buildMunicipality(t.db);
    const h = await buildHousingOrganisation(t.db);
    const results = await Promise.all(
      admins.map((c, i) =>
        c.post('/api/areas', {
          name: `Kapløbsområde ${i}`,
          municipalityId: m.id,
          departments: [{ housingOrganisationId: h.id, departmentNumber: '99', dwellings: 10 }],
        }),
      ),
    );
    expect(statuses(results)).toEqual([201, ...Array(N - 1).fill(409)]);
    const areas = await t.db
      .selectFrom('housingAreas')
      .select('id')
      .where('municipalityId', '=', m.id)
      .execute();
    expect(areas).toHaveLength(1);
  });

  it('number catalogue versions without gaps or twins when several are added at once', async () => {
    const pool = (
      await admins[0]!.post('/api/pools', { name: 'Kapløbspulje', startYear: 2030, endYear: 2031 })
    ).json();
    const results = await Promise.all(
      admins.map((c, i) =>
        c.post(`/api/pools/${pool.id}/catalogues`, {
          validFrom: '2030-01-01',
          focusAreas: [{ nameDa: `Område ${i}`, nameEn: `Area ${i}` }],
        }),
      ),
    );
    for (const r of results) expect([201, 409]).toContain(r.statusCode);
    const added = results.filter((r) => r.statusCode === 201).length;
    expect(added).toBeGreaterThanOrEqual(1);
    const versions = (await admins[0]!.get(`/api/pools/${pool.id}`))
      .json()
      .catalogues.map((c: { version: number }) => c.version);
    expect(versions).toEqual(Array.from({ length: added }, (_, i) => i + 1));
    const focusAreas = await t.db
      .selectFrom('focusAreas')
      .select('id')
      .where('poolId', '=', pool.id)
      .execute();
    expect(focusAreas).toHaveLength(added);
  });

  it('keep a pool that a plan starts to use while it is being deleted', async () => {
    const pool = (
      await admins[0]!.post('/api/pools', { name: 'Slettepulje', startYear: 2030, endYear: 2031 })
    ).json();
    const input = await buildPlanInput(t.db, {
      grants: [{ poolId: pool.id, amountOre: 100, startDate: '2030-01-01', endDate: '2030-12-31' }],
    });
    const [created, deleted] = await Promise.all([
      admins[0]!.post('/api/plans', input),
      admins[1]!.delete(`/api/pools/${pool.id}`),
    ]);
    expect([created.statusCode, deleted.statusCode].every((s) => s < 500)).toBe(true);
    const poolLeft = await t.db
      .selectFrom('fundingPools')
      .select('id')
      .where('id', '=', pool.id)
      .executeTakeFirst();
    const grantsOnPool = await t.db.selectFrom('grants').select('id').where('poolId', '=', pool.id).execute();
    // Either the plan got its grant and the pool stayed, or the pool went and the plan was refused.
    if (created.statusCode === 201) {
      expect(poolLeft).toBeDefined();
      expect(grantsOnPool).toHaveLength(1);
    } else {
      expect(deleted.statusCode).toBe(204);
      expect(grantsOnPool).toHaveLength(0);
    }
  });
});
