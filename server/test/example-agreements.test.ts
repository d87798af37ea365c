import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Agreement,
  AreaSecretariat,
  MunicipalService,
  SecretariatOrganisation,
} from '@pejling/contracts';
import { seedDemo } from '../src/seed/demo.js';
import { createTestApp, type TestApp, type TestClient } from './test-app.js';

let t: TestApp;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.userClient({ isAdmin: true });
  await seedDemo(t.db);
});
afterAll(async () => t?.close());

async function planId(area: string): Promise<string> {
  const list = (await admin.get(`/api/plans?q=${encodeURIComponent(area)}`)).json() as {
    items: { id: string; name: string }[];
  };
  return list.items.find((p) => p.name === `Helhedsplan ${area}`)!.id;
}
const agreement = async (area: string) =>
  (await admin.get(`/api/plans/${await planId(area)}/agreement`)).json() as Agreement;

async function counts() {
  const n = async (
    table: 'collabAgreements' | 'collabServiceLinks' | 'municipalServices' | 'secretariatOrganisations',
  ) =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    agreements: await n('collabAgreements'),
    links: await n('collabServiceLinks'),
    services: await n('municipalServices'),
    secretariats: await n('secretariatOrganisations'),
  };
}

describe('the example agreements and area-secretariat organisations', () => {
  it('give four example plans an agreement with a matrix, commitments and municipal services', async () => {
    const v = await agreement('Vollsmose');
    expect(v.status).toBe('fundApproved');
    expect(v.parties.map((p) => p.kind)).toEqual([
      'municipality',
      'housingOrganisation',
      'residentBoard',
      'school',
      'police',
    ]);
    expect(v.responsibilities.length).toBeGreaterThan(v.focusAreas.length);
    expect(v.commitments.length).toBeGreaterThan(0);
    expect(v.serviceLinks.map((l) => l.relation)).toContain('overlap');
    expect(v.serviceLinks.map((l) => l.relation)).toContain('synergy');
    expect(v.flags).toEqual([]);
    // Bispehaven and Charlottekvarteret are unclear on purpose, so the flags show.
    expect((await agreement('Bispehaven')).flags.map((f) => f.code)).toEqual(['several_responsible']);
    expect((await agreement('Charlottekvarteret')).flags.map((f) => f.code)).toEqual([
      'commitments_without_contact',
    ]);
    expect((await agreement('Albertslund Nord')).status).toBe('revised');
    expect((await agreement('Aalborg Øst')).version).toBe(0);

    const services = (await admin.get('/api/municipal-services')).json() as MunicipalService[];
    expect(services.length).toBeGreaterThan(0);
    expect(services.every((s) => s.isExample)).toBe(true);
    const family = services.find(
      (s) => s.name === 'Familiehuset' && s.municipalityName === 'Odense Kommune',
    )!;
    expect(family.plans.map((p) => p.name)).toEqual(['Helhedsplan Vollsmose']);
    // A linked example entry is refused deletion like any other.
    expect((await admin.delete(`/api/municipal-services/${family.id}`)).statusCode).toBe(409);
  });

  it('give the example area secretariats an organisation, some plans in the steering group and some not', async () => {
    const list = (await admin.get('/api/area-secretariats')).json() as AreaSecretariat[];
    const withPlans: SecretariatOrganisation[] = [];
    for (const s of list.filter((x) => x.isExample)) {
      const o = (
        await admin.get(`/api/area-secretariats/${s.id}/organisation`)
      ).json() as SecretariatOrganisation;
      expect(o.version, s.name).toBe(1);
      expect(o.functions).toHaveLength(5);
      expect(o.staff.length).toBeGreaterThan(0);
      if (o.representation.length) withPlans.push(o);
    }
    const represented = withPlans.flatMap((o) => o.representation.map((r) => r.represented));
    expect(represented).toContain(true);
    expect(represented).toContain(false);
  });

  it('are seeded once, and once more into a database seeded before they existed', async () => {
    const before = await counts();
    expect(await seedDemo(t.db)).toBe(false);
    expect(await counts()).toEqual(before);

    // A database seeded before: no example agreements, secretariat organisations or services yet.
    await t.db.deleteFrom('collabServiceLinks').execute();
    await t.db.deleteFrom('collabActivityResponsibilities').execute();
    await t.db.deleteFrom('collabCommitments').execute();
    await t.db.deleteFrom('collabResponsibilities').execute();
    await t.db.deleteFrom('collabParties').execute();
    await t.db.deleteFrom('collabAgreements').execute();
    await t.db.deleteFrom('municipalServices').execute();
    await t.db.deleteFrom('secretariatOrganisations').execute();
    await t.db
      .deleteFrom('meta')
      .where('key', 'in', ['example_agreements_seeded_at', 'example_secretariat_organisations_seeded_at'])
      .execute();
    await seedDemo(t.db);
    expect(await counts()).toEqual(before);
  });
});
