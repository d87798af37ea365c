import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agreement, MunicipalService, PlanDetail } from '@pejling/contracts';
import { buildMunicipality, buildPlan, buildUser, poolWithFocusAreas } from './factories.js';
import { createTestApp, type TestApp, type TestClient } from './test-app.js';

let t: TestApp;
let admin: TestClient;
let adminEn: TestClient;
let editor: TestClient;
let plan: PlanDetail;
const UNKNOWN = '01890a5d-ac96-774b-bcce-b302099a8057';
const url = '/api/municipal-services';

function details(res: { json(): unknown }): Record<string, string> {
  const body = res.json() as { error: { details?: { path: string; message: string }[] } };
  return Object.fromEntries((body.error.details ?? []).map((d) => [d.path, d.message]));
}

async function auditOf(entityId: string) {
  return t.db
    .selectFrom('auditLog')
    .select(['action', 'entityType'])
    .where('entityId', '=', entityId)
    .orderBy('at')
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  const u = await buildUser(t.db, { isAdmin: true });
  admin = await t.sessionClient(u.id);
  adminEn = await t.sessionClient(u.id, { locale: 'en' });
  const pool = await poolWithFocusAreas(t.db);
  plan = await buildPlan(t.db, {
    name: 'Tilbudsplan',
    poolId: pool.id,
    focusAreaIds: pool.focusAreas.map((f) => f.id).slice(0, 2),
  });
  editor = await t.userClient({ roles: [{ role: 'plan_editor', planId: plan.id }] });
});
afterAll(async () => t?.close());

/** Links the given catalogue entries to the plan's first focus area through its agreement. */
async function linkInAgreement(serviceIds: string[]) {
  const a = (await admin.get(`/api/plans/${plan.id}/agreement`)).json() as Agreement;
  const res = await admin.put(`/api/plans/${plan.id}/agreement`, {
    status: 'draft',
    attachments: [],
    parties: [],
    responsibilities: [],
    commitments: [],
    serviceLinks: serviceIds.map((serviceId) => ({
      focusAreaId: plan.focusAreas[0]!.id,
      serviceId,
      relation: 'synergy',
    })),
    version: a.version,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Agreement;
}

describe('the catalogue of municipal services', () => {
  it('is created, read, listed, updated and deleted by an administrator, each write audited', async () => {
    const created = await admin.post(url, {
      municipalityId: plan.municipalityId,
      name: '  Sundhedsplejen  ',
      department: 'Sundhed og Omsorg',
      targetGroup: '',
    });
    expect(created.statusCode, created.body).toBe(201);
    const s = created.json() as MunicipalService;
    expect(s).toMatchObject({
      municipalityId: plan.municipalityId,
      name: 'Sundhedsplejen',
      department: 'Sundhed og Omsorg',
      targetGroup: null,
      plans: [],
      isExample: false,
      version: 1,
    });
    expect((await admin.get(`${url}/${s.id}`)).json()).toEqual(s);
    expect(((await admin.get(url)).json() as MunicipalService[]).map((x) => x.id)).toContain(s.id);

    const updated = await admin.put(`${url}/${s.id}`, {
      municipalityId: plan.municipalityId,
      name: 'Sundhedsplejen for 0-6-årige',
      department: null,
      targetGroup: 'Familier med små børn',
      version: 1,
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({
      name: 'Sundhedsplejen for 0-6-årige',
      department: null,
      version: 2,
    });
    const stale = await admin.put(`${url}/${s.id}`, {
      municipalityId: plan.municipalityId,
      name: 'For sent',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale_version');

    // The plan's agreement offers the edited entry of its municipality's catalogue.
    const a = (await admin.get(`/api/plans/${plan.id}/agreement`)).json() as Agreement;
    expect(a.municipalServices.find((m) => m.id === s.id)?.name).toBe('Sundhedsplejen for 0-6-årige');

    expect((await admin.delete(`${url}/${s.id}`)).statusCode).toBe(204);
    expect((await admin.get(`${url}/${s.id}`)).statusCode).toBe(404);
    expect(await auditOf(s.id)).toEqual([
      { action: 'create', entityType: 'municipal_service' },
      { action: 'update', entityType: 'municipal_service' },
      { action: 'delete', entityType: 'municipal_service' },
    ]);
  });

  it('refuses bad input per field, an unknown municipality, and a name the municipality already has', async () => {
    const bad = await admin.post(url, { municipalityId: 'x', name: '', department: 'x'.repeat(201) });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(details(bad)).sort()).toEqual(['department', 'municipalityId', 'name']);

    const unknown = await admin.post(url, { municipalityId: UNKNOWN, name: 'Jobcentret' });
    expect(unknown.statusCode).toBe(400);
    expect(details(unknown)).toEqual({ municipalityId: 'Kommunen findes ikke.' });

    const first = await admin.post(url, { municipalityId: plan.municipalityId, name: 'Jobcentret' });
    expect(first.statusCode).toBe(201);
    const twice = await admin.post(url, { municipalityId: plan.municipalityId, name: 'Jobcentret' });
    expect(twice.statusCode).toBe(409);
    expect(details(twice)).toEqual({ name: 'Kommunen har allerede et tilbud med det navn.' });
    // Another municipality may have a service of the same name.
    const other = await buildMunicipality(t.db);
    expect((await admin.post(url, { municipalityId: other.id, name: 'Jobcentret' })).statusCode).toBe(201);

    expect(
      (
        await admin.put(`${url}/${UNKNOWN}`, {
          municipalityId: plan.municipalityId,
          name: 'Ingen',
          version: 1,
        })
      ).statusCode,
    ).toBe(404);
    expect((await admin.delete(`${url}/${UNKNOWN}`)).statusCode).toBe(404);
  });

  it('refuses to delete an entry an agreement links, naming the plans, and to move it to another municipality', async () => {
    const s = (
      await admin.post(url, {
        municipalityId: plan.municipalityId,
        name: 'Familiehuset',
        targetGroup: 'Familier',
      })
    ).json() as MunicipalService;
    await linkInAgreement([s.id]);
    const listed = (await admin.get(`${url}/${s.id}`)).json() as MunicipalService;
    expect(listed.plans).toEqual([{ id: plan.id, name: 'Tilbudsplan' }]);

    const del = await admin.delete(`${url}/${s.id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().error).toEqual({
      code: 'municipal_service_in_use',
      message:
        'Tilbuddet kan ikke slettes, fordi det indgår i samarbejdsaftalen for Tilbudsplan. Fjern det fra aftalen først.',
    });
    const delEn = await adminEn.delete(`${url}/${s.id}`);
    expect(delEn.json().error.message).toMatch(
      /^The service cannot be deleted because the collaboration agreement of Tilbudsplan links it/,
    );
    expect((await admin.get(`${url}/${s.id}`)).statusCode).toBe(200);

    const other = await buildMunicipality(t.db);
    const move = await admin.put(`${url}/${s.id}`, {
      municipalityId: other.id,
      name: 'Familiehuset',
      version: 1,
    });
    expect(move.statusCode).toBe(409);
    expect(details(move).municipalityId).toMatch(
      /kan ikke flyttes til en anden kommune, fordi det indgår i samarbejdsaftalen for Tilbudsplan/,
    );
    // Renaming in place is fine, and the agreement shows the new name.
    const renamed = await admin.put(`${url}/${s.id}`, {
      municipalityId: plan.municipalityId,
      name: 'Familiehuset Nord',
      version: 1,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const a = (await admin.get(`/api/plans/${plan.id}/agreement`)).json() as Agreement;
    expect(a.municipalServices.find((m) => m.id === s.id)?.name).toBe('Familiehuset Nord');

    // Once the agreement no longer links it, it can go.
    await linkInAgreement([]);
    expect((await admin.delete(`${url}/${s.id}`)).statusCode).toBe(204);
  });

  it('keeps a municipality with services from being deleted', async () => {
    const m = await buildMunicipality(t.db);
    const s = (
      await admin.post(url, { municipalityId: m.id, name: 'Biblioteket' })
    ).json() as MunicipalService;
    const res = await admin.delete(`/api/municipalities/${m.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('municipality_has_services');
    expect(res.json().error.message).toMatch(/^Kommunen har 1 tilbud/);
    expect((await admin.delete(`${url}/${s.id}`)).statusCode).toBe(204);
    expect((await admin.delete(`/api/municipalities/${m.id}`)).statusCode).toBe(204);
  });

  it('is read by any signed-in user and written only by administrators, like the rest of the registry', async () => {
    expect((await editor.get(url)).statusCode).toBe(200);
    const refused = await editor.post(url, { municipalityId: plan.municipalityId, name: 'Ungdomsskolen' });
    expect(refused.statusCode).toBe(403);
    // A plan editor still adds a new service through the plan's agreement, as before.
    const a = (await editor.get(`/api/plans/${plan.id}/agreement`)).json() as Agreement;
    const res = await editor.put(`/api/plans/${plan.id}/agreement`, {
      status: 'draft',
      attachments: [],
      parties: [],
      responsibilities: [],
      commitments: [],
      serviceLinks: [
        { focusAreaId: plan.focusAreas[0]!.id, newService: { name: 'Ungdomsskolen' }, relation: 'overlap' },
      ],
      version: a.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const added = ((await admin.get(url)).json() as MunicipalService[]).find(
      (s) => s.name === 'Ungdomsskolen',
    )!;
    expect(added).toMatchObject({
      version: 1,
      isExample: false,
      plans: [{ id: plan.id, name: 'Tilbudsplan' }],
    });
    // Edited later by an administrator, with the version the list gave.
    const edited = await admin.put(`${url}/${added.id}`, {
      municipalityId: plan.municipalityId,
      name: 'Ungdomsskolen',
      department: 'Børn og Unge',
      version: added.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
  });

  it('links an existing entry when an agreement adds a "new" service of a name the catalogue has', async () => {
    const existing = (
      await admin.post(url, { municipalityId: plan.municipalityId, name: 'Sundhedscentret' })
    ).json() as MunicipalService;
    const a = (await admin.get(`/api/plans/${plan.id}/agreement`)).json() as Agreement;
    const res = await admin.put(`/api/plans/${plan.id}/agreement`, {
      status: 'draft',
      attachments: [],
      parties: [],
      responsibilities: [],
      commitments: [],
      serviceLinks: [
        { focusAreaId: plan.focusAreas[0]!.id, newService: { name: 'Sundhedscentret' }, relation: 'synergy' },
        { focusAreaId: plan.focusAreas[1]!.id, newService: { name: 'Sundhedscentret' }, relation: 'overlap' },
      ],
      version: a.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const b = res.json() as Agreement;
    expect(b.serviceLinks.map((l) => l.serviceId)).toEqual([existing.id, existing.id]);
    expect(b.municipalServices.filter((m) => m.name === 'Sundhedscentret')).toHaveLength(1);
  });

  it('exports to CSV and .xlsx', async () => {
    const csv = await admin.get(`${url}/export?format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Tilbud;Kommune;Forvaltning;Målgruppe;Planer;Eksempeldata');
    const xlsx = await admin.get(`${url}/export?format=xlsx`);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
