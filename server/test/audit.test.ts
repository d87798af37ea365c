import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '@pejling/contracts';
import {
  buildArea,
  buildHousingOrganisation,
  buildMunicipality,
  buildUser,
  poolWithFocusAreas,
} from './factories.js';
import { createTestApp, TEST_PASSWORD, type TestApp, type TestClient } from './test-app.js';

let t: TestApp;
let admin: TestClient;
let adminId: string;

beforeAll(async () => {
  t = await createTestApp();
  const u = await buildUser(t.db, { isAdmin: true });
  adminId = u.id;
  admin = await t.sessionClient(u.id);
});
afterAll(async () => t?.close());

async function auditCount() {
  const r = await t.db
    .selectFrom('auditLog')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Runs one write and returns the single audit entry it added. */
async function auditOf(write: () => Promise<LightMyRequestResponse>, status: number) {
  const before = await auditCount();
  const res = await write();
  expect(res.statusCode, res.body).toBe(status);
  expect(await auditCount()).toBe(before + 1);
  const page = (await admin.get('/api/audit?limit=1')).json() as { items: AuditEntry[] };
  return { res, entry: page.items[0]! };
}

describe('every write leaves one audit entry with who, what, before and after', () => {
  it('for municipalities', async () => {
    const c = await auditOf(() => admin.post('/api/municipalities', { name: 'Revisionskommune' }), 201);
    const id = c.res.json().id;
    expect(c.entry).toMatchObject({
      userId: adminId,
      action: 'create',
      entityType: 'municipality',
      entityId: id,
      before: null,
      after: { name: 'Revisionskommune', version: 1 },
    });
    expect(c.entry.requestId).toBeTruthy();
    const u = await auditOf(
      () => admin.put(`/api/municipalities/${id}`, { name: 'Revisionskommune II', version: 1 }),
      200,
    );
    expect(u.entry).toMatchObject({
      action: 'update',
      entityId: id,
      before: { name: 'Revisionskommune', version: 1 },
      after: { name: 'Revisionskommune II', version: 2 },
    });
    const d = await auditOf(() => admin.delete(`/api/municipalities/${id}`), 204);
    expect(d.entry).toMatchObject({
      action: 'delete',
      entityId: id,
      before: { name: 'Revisionskommune II' },
      after: null,
    });
  });

  it('for housing organisations, areas, pools, catalogues and secretariats', async () => {
    const m = await buildMunicipality(t.db);
    const org = await auditOf(
      () => admin.post('/api/housing-organisations', { name: 'Revisionsbolig' }),
      201,
    );
    expect(org.entry).toMatchObject({
      entityType: 'housing_organisation',
      action: 'create',
      userId: adminId,
    });
    const orgId = org.res.json().id;
    expect(
      (
        await auditOf(
          () => admin.put(`/api/housing-organisations/${orgId}`, { name: 'Revisionsbolig 2', version: 1 }),
          200,
        )
      ).entry,
    ).toMatchObject({
      action: 'update',
      before: { name: 'Revisionsbolig' },
      after: { name: 'Revisionsbolig 2' },
    });

    const area = await auditOf(
      () =>
        admin.post('/api/areas', {
          name: 'Revisionsparken',
          municipalityId: m.id,
          departments: [{ housingOrganisationId: orgId, departmentNumber: '7', dwellings: 77 }],
        }),
      201,
    );
    expect(area.entry).toMatchObject({
      entityType: 'housing_area',
      after: { dwellings: 77, departments: [{ departmentNumber: '7' }] },
    });
    const areaId = area.res.json().id;
    expect((await auditOf(() => admin.delete(`/api/areas/${areaId}`), 204)).entry).toMatchObject({
      action: 'delete',
      entityType: 'housing_area',
      before: { name: 'Revisionsparken' },
    });
    expect(
      (await auditOf(() => admin.delete(`/api/housing-organisations/${orgId}`), 204)).entry,
    ).toMatchObject({
      action: 'delete',
      entityType: 'housing_organisation',
    });

    const pool = await auditOf(
      () => admin.post('/api/pools', { name: 'Revisionspulje', startYear: 2030, endYear: 2031 }),
      201,
    );
    expect(pool.entry.entityType).toBe('funding_pool');
    const poolId = pool.res.json().id;
    const cat = await auditOf(
      () =>
        admin.post(`/api/pools/${poolId}/catalogues`, {
          validFrom: '2030-01-01',
          focusAreas: [{ nameDa: 'Sundhed', nameEn: 'Health' }],
        }),
      201,
    );
    expect(cat.entry).toMatchObject({
      action: 'create',
      entityType: 'focus_area_catalogue',
      after: { poolId, version: 1, focusAreas: [{ nameDa: 'Sundhed' }] },
    });
    expect((await auditOf(() => admin.delete(`/api/pools/${poolId}`), 204)).entry.entityType).toBe(
      'funding_pool',
    );

    const s = await auditOf(
      () => admin.post('/api/area-secretariats', { name: 'Revisionssekretariat', municipalityId: m.id }),
      201,
    );
    expect(s.entry).toMatchObject({
      entityType: 'area_secretariat',
      after: { name: 'Revisionssekretariat' },
    });
  });

  it('for plans, with the plan id on the entry', async () => {
    const pool = await poolWithFocusAreas(t.db);
    const m = await buildMunicipality(t.db);
    const h = await buildHousingOrganisation(t.db);
    const a = await buildArea(t.db, { municipalityId: m.id, housingOrganisationId: h.id });
    const input = {
      name: 'Revisionsplanen',
      poolId: pool.id,
      municipalityId: m.id,
      housingOrganisationId: h.id,
      areaIds: [a.id],
      focusAreaIds: [pool.focusAreas[0]!.id],
      status: 'draft',
      grants: [{ poolId: pool.id, amountOre: 1000, startDate: '2024-01-01', endDate: '2024-12-31' }],
    };
    const c = await auditOf(() => admin.post('/api/plans', input), 201);
    const planId = c.res.json().id;
    expect(c.entry).toMatchObject({
      action: 'create',
      entityType: 'plan',
      entityId: planId,
      planId,
      after: { name: 'Revisionsplanen', grants: [{ amountOre: 1000 }] },
    });
    expect(c.entry.after).not.toHaveProperty('canEdit');
    const u = await auditOf(
      () => admin.put(`/api/plans/${planId}`, { ...input, status: 'active', version: 1 }),
      200,
    );
    expect(u.entry).toMatchObject({
      planId,
      before: { status: 'draft' },
      after: { status: 'active', version: 2 },
    });
    const d = await auditOf(() => admin.delete(`/api/plans/${planId}`), 204);
    expect(d.entry).toMatchObject({
      action: 'delete',
      planId,
      before: { name: 'Revisionsplanen' },
      after: null,
    });
  });

  it('for users, without the password or its hash', async () => {
    const password = 'et meget hemmeligt kodeord';
    const c = await auditOf(
      () => admin.post('/api/users', { email: 'Revision@Test.Example', name: 'Revisor', password }),
      201,
    );
    expect(c.entry).toMatchObject({
      entityType: 'user',
      action: 'create',
      after: { email: 'revision@test.example' },
    });
    const id = c.res.json().id;
    const u = await auditOf(
      () =>
        admin.put(`/api/users/${id}`, {
          name: 'Revisor',
          isAdmin: false,
          locale: 'en',
          disabled: false,
          password: 'et andet hemmeligt kodeord',
          roles: [{ role: 'fund' }],
        }),
      200,
    );
    expect(u.entry).toMatchObject({ action: 'update', after: { locale: 'en', passwordChanged: true } });
    const raw = await t.db
      .selectFrom('auditLog')
      .select(['beforeJson', 'afterJson'])
      .where('entityId', '=', id)
      .execute();
    for (const r of raw) {
      const text = `${r.beforeJson} ${r.afterJson}`;
      expect(text).not.toContain('hemmeligt');
      expect(text).not.toMatch(/passwordHash|argon2/);
    }
  });

  it('for logins, failed and successful', async () => {
    const c = await t.userClient({ email: 'revision-login@test.example' });
    const failed = await auditOf(
      () =>
        t.anonymous.post('/api/auth/login', {
          email: 'revision-login@test.example',
          password: 'forkert kodeord',
        }),
      401,
    );
    expect(failed.entry).toMatchObject({
      action: 'login_failed',
      entityId: c.userId,
      after: { email: 'revision-login@test.example' },
    });
    expect(JSON.stringify(failed.entry)).not.toContain('forkert kodeord');
    const ok = await auditOf(
      () =>
        t.anonymous.post('/api/auth/login', {
          email: 'revision-login@test.example',
          password: TEST_PASSWORD,
        }),
      200,
    );
    expect(ok.entry).toMatchObject({ action: 'login', userId: c.userId, entityId: c.userId });
  });
});

describe('session and preference writes are audited too', () => {
  it('a change of language, with before and after', async () => {
    const user = await buildUser(t.db, { locale: 'da' });
    const client = await t.sessionClient(user.id);
    const { entry } = await auditOf(() => client.put('/api/auth/locale', { locale: 'en' }), 200);
    expect(entry).toMatchObject({
      action: 'update',
      entityType: 'user',
      entityId: user.id,
      userId: user.id,
      before: { locale: 'da' },
      after: { locale: 'en' },
    });
  });

  it('a logout', async () => {
    const user = await buildUser(t.db);
    const client = await t.sessionClient(user.id);
    const { entry } = await auditOf(() => client.post('/api/auth/logout'), 200);
    expect(entry).toMatchObject({ action: 'logout', entityType: 'user', entityId: user.id, userId: user.id });
  });
});

describe('GET /api/audit', () => {
  let planId: string;
  let otherAdmin: TestClient;
  let otherAdminId: string;

  beforeAll(async () => {
    const u = await buildUser(t.db, { isAdmin: true });
    otherAdminId = u.id;
    otherAdmin = await t.sessionClient(u.id);
    await otherAdmin.post('/api/municipalities', { name: 'Filterkommune' });
    const pool = await poolWithFocusAreas(t.db);
    const m = await buildMunicipality(t.db);
    const h = await buildHousingOrganisation(t.db);
    const input = {
      name: 'Filterplan',
      poolId: pool.id,
      municipalityId: m.id,
      housingOrganisationId: h.id,
      status: 'draft',
    };
    planId = (await admin.post('/api/plans', input)).json().id;
    await admin.put(`/api/plans/${planId}`, { ...input, name: 'Filterplan 2', version: 1 });
  });

  const items = async (query: string) => {
    const res = await admin.get(`/api/audit?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: AuditEntry[]; total: number };
  };

  it('filters by entity type', async () => {
    const page = await items('entityType=plan');
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((e) => e.entityType === 'plan')).toBe(true);
  });

  it('filters by plan', async () => {
    const page = await items(`planId=${planId}`);
    expect(page.items.map((e) => e.action)).toEqual(['update', 'create']);
    expect(page.total).toBe(2);
  });

  it('filters by user, and names the user', async () => {
    const page = await items(`userId=${otherAdminId}`);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ entityType: 'municipality', after: { name: 'Filterkommune' } });
    expect(page.items[0]!.userEmail).toMatch(/@test\.example$/);
  });

  it('filters by action, entity and date, and pages newest first', async () => {
    expect((await items('action=update')).items.every((e) => e.action === 'update')).toBe(true);
    expect((await items(`entityId=${planId}&action=create`)).total).toBe(1);
    const all = await items('limit=500');
    const first = all.items.at(-1)!.at.slice(0, 10);
    const last = all.items[0]!.at.slice(0, 10);
    // Each read of the log is itself logged, after the read: one more entry per earlier read.
    expect((await items(`from=${first}&to=${last}&limit=500`)).total).toBe(all.total + 1);
    expect((await items('to=2000-01-01')).total).toBe(0);
    const ats = all.items.map((e) => e.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    const second = await items('limit=1&offset=4');
    expect(second.items[0]!.id).toBe(all.items[1]!.id);
    expect(second.total).toBe(all.total + 3);
  });

  it('refuses bad filters with a message', async () => {
    const res = await admin.get('/api/audit?planId=abc&from=i+går&limit=0');
    expect(res.statusCode).toBe(400);
    const details = Object.fromEntries(
      (res.json().error.details as { path: string; message: string }[]).map((d) => [d.path, d.message]),
    );
    expect(details).toEqual({
      planId: 'Ugyldigt id.',
      from: 'Skriv en dato som ÅÅÅÅ-MM-DD.',
      limit: 'Skal være mindst 1.',
    });
  });

  it('is for administrators only', async () => {
    const fund = await t.sessionClient((await buildUser(t.db, { roles: [{ role: 'fund' }] })).id);
    expect((await fund.get('/api/audit')).statusCode).toBe(403);
    expect((await fund.get('/api/audit/export?format=csv')).statusCode).toBe(403);
    expect((await t.anonymous.get('/api/audit')).statusCode).toBe(401);
    expect(otherAdmin).toBeTruthy();
  });

  it('exports the filtered log', async () => {
    const res = await admin.get(`/api/audit/export?format=csv&planId=${planId}`);
    expect(res.statusCode).toBe(200);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^Tidspunkt \(UTC\);Bruger;Handling;Type;Id;Plan-id;Før;Efter$/);
  });
});

describe('the audit table itself', () => {
  it('refuses UPDATE at the database level', async () => {
    const [first] = await t.db.selectFrom('auditLog').select(['id', 'action']).limit(1).execute();
    await expect(
      sql`UPDATE audit_log SET action = 'tampered' WHERE id = ${first!.id}`.execute(t.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`UPDATE audit_log SET user_id = NULL`.execute(t.db)).rejects.toThrow(/append-only/);
    const after = await t.db
      .selectFrom('auditLog')
      .select('action')
      .where('id', '=', first!.id)
      .executeTakeFirstOrThrow();
    expect(after.action).toBe(first!.action);
  });

  it('refuses DELETE at the database level', async () => {
    const before = await auditCount();
    await expect(sql`DELETE FROM audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
    const [first] = await t.db.selectFrom('auditLog').select('id').limit(1).execute();
    await expect(t.db.deleteFrom('auditLog').where('id', '=', first!.id).execute()).rejects.toThrow(
      /append-only/,
    );
    expect(await auditCount()).toBe(before);
  });

  it('still accepts new entries', async () => {
    const before = await auditCount();
    expect((await admin.post('/api/municipalities', { name: 'Efter manipulationsforsøg' })).statusCode).toBe(
      201,
    );
    expect(await auditCount()).toBe(before + 1);
  });
});
