import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '@pejling/contracts';
import { buildHousingOrganisation, buildPlan, buildUser, rowCounts } from './factories.js';
import { createTestApp, type TestApp, type TestClient } from './test-app.js';

let t: TestApp;
let admin: TestClient;
const UNKNOWN = '01890a5d-ac96-774b-bcce-b302099a8057';

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.sessionClient((await buildUser(t.db, { isAdmin: true, name: 'Administrator' })).id);
});
afterAll(async () => t?.close());

function details(res: LightMyRequestResponse): Record<string, string> {
  const body = res.json() as { error: { details?: { path: string; message: string }[] } };
  return Object.fromEntries((body.error.details ?? []).map((d) => [d.path, d.message]));
}

describe('user administration', () => {
  it('creates a user with roles whose scope is named, and the user can log in', async () => {
    const plan = await buildPlan(t.db, { name: 'Brugerplanen' });
    const org = await buildHousingOrganisation(t.db, { name: 'Brugerselskabet' });
    const res = await admin.post('/api/users', {
      email: '  Ny.Bruger@Test.Example ',
      name: 'Ny Bruger',
      password: 'et langt kodeord',
      roles: [
        { role: 'plan_editor', planId: plan.id },
        { role: 'org_member', organisationKind: 'housing_organisation', organisationId: org.id },
        { role: 'fund' },
      ],
    });
    expect(res.statusCode).toBe(201);
    const user: User = res.json();
    expect(user).toMatchObject({
      email: 'ny.bruger@test.example',
      isAdmin: false,
      locale: 'da',
      disabled: false,
    });
    expect(user.roles.map((r) => [r.role, r.scopeName])).toEqual([
      ['plan_editor', 'Brugerplanen'],
      ['org_member', 'Brugerselskabet'],
      ['fund', null],
    ]);
    expect(JSON.stringify(user)).not.toMatch(/password/i);
    const login = await t.anonymous.post('/api/auth/login', {
      email: 'NY.BRUGER@test.example',
      password: 'et langt kodeord',
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().can).toEqual({
      administer: false,
      createPlan: true,
      readAllPlans: true,
      portfolio: true,
      evaluation: false,
    });
  });

  it('refuses an email that is taken, whatever its case', async () => {
    await admin.post('/api/users', { email: 'dublet@test.example', name: 'A', password: 'et langt kodeord' });
    const before = await rowCounts(t.db);
    const res = await admin.post('/api/users', {
      email: 'DUBLET@test.example',
      name: 'B',
      password: 'et langt kodeord',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'email_taken',
      message: 'Der findes allerede en bruger med den e-mail.',
    });
    expect(await rowCounts(t.db)).toEqual(before);
  });

  it('names the fields of bad input', async () => {
    const res = await admin.post('/api/users', {
      email: 'ikke-en-mail',
      name: '',
      password: 'kort',
      roles: [{ role: 'plan_editor' }, { role: 'king' }],
    });
    expect(res.statusCode).toBe(400);
    const d = details(res);
    expect(d.email).toBe('Skriv en gyldig e-mailadresse.');
    expect(d.name).toBe('Skal udfyldes.');
    expect(d.password).toBe('Skal være mindst 12 tegn.');
    expect(d['roles.0.planId']).toBe('Skal udfyldes.');
    expect(Object.keys(d)).toContain('roles.1.role');
  });

  it('refuses a role whose plan or organisation does not exist, and stores nothing', async () => {
    const before = await rowCounts(t.db);
    const plan = await admin.post('/api/users', {
      email: 'rolle@test.example',
      name: 'Rolle',
      password: 'et langt kodeord',
      roles: [{ role: 'fund' }, { role: 'plan_viewer', planId: UNKNOWN }],
    });
    expect(plan.statusCode).toBe(400);
    expect(details(plan)).toEqual({ 'roles.1.planId': 'Helhedsplanen findes ikke.' });
    const org = await admin.post('/api/users', {
      email: 'rolle@test.example',
      name: 'Rolle',
      password: 'et langt kodeord',
      roles: [{ role: 'org_member', organisationKind: 'municipality', organisationId: UNKNOWN }],
    });
    expect(details(org)).toEqual({ 'roles.0.organisationId': 'Organisationen findes ikke.' });
    expect(await rowCounts(t.db)).toEqual(before);
  });

  it('updates name, language and roles, and answers 404 for an unknown user', async () => {
    const u = await buildUser(t.db, { roles: [{ role: 'fund' }] });
    const res = await admin.put(`/api/users/${u.id}`, {
      name: 'Omdøbt',
      isAdmin: true,
      locale: 'en',
      disabled: false,
      roles: [],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Omdøbt', isAdmin: true, locale: 'en', roles: [] });
    expect((await admin.get(`/api/users/${u.id}`)).json().name).toBe('Omdøbt');
    const missing = await admin.put(`/api/users/${UNKNOWN}`, {
      name: 'X',
      isAdmin: false,
      locale: 'da',
      disabled: false,
      roles: [],
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('user_not_found');
    expect((await admin.get(`/api/users/${UNKNOWN}`)).statusCode).toBe(404);
  });

  it('lists users in Danish order', async () => {
    for (const name of ['Åse', 'Øjvind', 'Zenia', 'Aage', 'Bo']) await buildUser(t.db, { name });
    const names = ((await admin.get('/api/users')).json() as User[]).map((u) => u.name);
    const mine = names.filter((n) => ['Åse', 'Øjvind', 'Zenia', 'Aage', 'Bo'].includes(n));
    expect(mine).toEqual(['Bo', 'Zenia', 'Øjvind', 'Aage', 'Åse']);
  });
});
