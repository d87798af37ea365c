import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDetail, SecretariatOrganisation } from '@pejling/contracts';
import { buildMunicipality, buildPlan } from './factories.js';
import { createTestApp, type TestApp, type TestClient } from './test-app.js';

let t: TestApp;
let admin: TestClient;
let secretariatId: string;
let planA: PlanDetail;
let planB: PlanDetail;
let outside: PlanDetail;

function details(res: LightMyRequestResponse): Record<string, string> {
  const body = res.json() as { error: { details?: { path: string; message: string }[] } };
  return Object.fromEntries((body.error.details ?? []).map((d) => [d.path, d.message]));
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.userClient({ isAdmin: true });
  const m = await buildMunicipality(t.db);
  secretariatId = (
    await admin.post('/api/area-secretariats', { name: 'Områdesekretariatet i Testby', municipalityId: m.id })
  ).json().id;
  planA = await buildPlan(t.db, { name: 'Plan A', areaSecretariatId: secretariatId });
  planB = await buildPlan(t.db, { name: 'Plan B', areaSecretariatId: secretariatId });
  outside = await buildPlan(t.db, { name: 'Plan udenfor' });
});
afterAll(() => t.close());

const url = () => `/api/area-secretariats/${secretariatId}/organisation`;
const body = (planId: string) => ({
  forums: [
    { ref: 'sg', kind: 'steeringGroup', name: 'Styregruppen', level: 'strategic', makesDecisions: true },
    {
      ref: 'net',
      kind: 'workingGroup',
      name: 'Netværk for projektledere',
      level: 'operational',
      makesDecisions: false,
      reportsTo: 'sg',
    },
  ],
  members: [
    { forumRef: 'sg', name: 'Direktør, kommunen', role: 'chair', represents: 'topAdministration' },
    { forumRef: 'sg', name: 'Formand for Plan A', role: 'member', represents: 'residentBoard', planId },
    {
      forumRef: 'net',
      name: 'Projektleder, Plan B',
      role: 'member',
      represents: 'projectStaff',
      planId: planB.id,
    },
  ],
  staff: [{ name: 'Koordinator', employer: 'municipality', hoursPerWeek: 37, task: 'coordinating' }],
  functions: [
    { function: 'coordination', who: 'Koordinator' },
    { function: 'experienceExchange', who: 'Netværk for projektledere', note: 'Fire møder om året' },
  ],
});

describe("an area secretariat's organisation", () => {
  it('shows which served plans have a representative in its steering group', async () => {
    const empty = (await admin.get(url())).json() as SecretariatOrganisation;
    expect(empty.version).toBe(0);
    expect(empty.representation.map((r) => r.planName)).toEqual(['Plan A', 'Plan B']);
    expect(empty.summary.da).toMatch(/ingen registreret styregruppe/);

    const res = await admin.put(url(), { ...body(planA.id), version: 0 });
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json() as SecretariatOrganisation;
    expect(o.representation).toEqual([
      { planId: planA.id, planName: 'Plan A', represented: true, members: ['Formand for Plan A'] },
      // Plan B sits only in the network, which does not steer.
      { planId: planB.id, planName: 'Plan B', represented: false, members: [] },
    ]);
    expect(o.summary.da).toMatch(/^1 af 2 helhedsplaner/);
    expect(o.functions.map((f) => f.function)).toEqual(['coordination', 'experienceExchange']);
    const user = await t.userClient();
    expect((await user.get(url())).statusCode).toBe(200);
    expect((await user.put(url(), { ...body(planA.id), version: 1 })).statusCode).toBe(403);
  });

  it('refuses a member of a plan the secretariat does not serve, a loop, a person twice and a repeated function', async () => {
    const b = body(outside.id);
    const res = await admin.put(url(), {
      ...b,
      forums: [{ ...b.forums[0]!, reportsTo: 'net' }, b.forums[1]],
      members: [...b.members, { ...b.members[0]! }, { ...b.members[0]!, forumRef: 'nope' }],
      functions: [...b.functions, { function: 'coordination', who: 'X' }],
      version: 1,
    });
    expect(res.statusCode).toBe(400);
    const d = details(res);
    expect(d['members.1.planId']).toMatch(/betjenes ikke af dette områdesekretariat/);
    expect(d['forums.0.reportsTo']).toContain('Styregruppen → Netværk for projektledere → Styregruppen');
    expect(d['members.3.name']).toMatch(/sidder allerede i Styregruppen/);
    expect(d['members.4.forumRef']).toMatch(/findes ikke i sekretariatets organisering/);
    expect(d['functions.2.function']).toMatch(/står to gange/);
    expect(((await admin.get(url())).json() as SecretariatOrganisation).version).toBe(1);
  });

  it("links a member to a person of a served plan's organisation, who then gives the name", async () => {
    const person = async (planId: string, name: string) => {
      const res = await admin.post(`/api/plans/${planId}/organisation/people`, {
        name,
        organisation: 'Boligforeningen',
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string; version: number };
    };
    const chair = await person(planA.id, 'Karin Jensen');
    const current = (await admin.get(url())).json() as SecretariatOrganisation;
    const b = body(planA.id);
    // The plan follows from the person; the name typed is replaced by the record's.
    const res = await admin.put(url(), {
      ...b,
      members: [
        ...b.members,
        { forumRef: 'sg', name: 'Skrevet navn', role: 'member', represents: 'resident', personId: chair.id },
      ],
      version: current.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json() as SecretariatOrganisation;
    expect(o.members[3]).toMatchObject({
      name: 'Karin Jensen',
      organisation: 'Boligforeningen',
      planId: planA.id,
      personId: chair.id,
    });
    expect(o.representation[0]!.members).toEqual(['Formand for Plan A', 'Karin Jensen']);

    // A renamed person is shown by the new name; a deleted one leaves the name as it was, unlinked.
    await admin.put(`/api/plans/${planA.id}/organisation/people/${chair.id}`, {
      name: 'Karin Jensen Holm',
      organisation: 'Boligforeningen',
      version: chair.version,
    });
    const renamed = (await admin.get(url())).json() as SecretariatOrganisation;
    expect(renamed.members[3]!.name).toBe('Karin Jensen Holm');
    expect((await admin.delete(`/api/plans/${planA.id}/organisation/people/${chair.id}`)).statusCode).toBe(
      204,
    );
    const gone = (await admin.get(url())).json() as SecretariatOrganisation;
    expect(gone.members[3]).toMatchObject({ name: 'Karin Jensen', personId: null, planId: planA.id });

    // A person of another plan than the member's, of a plan not served, or unknown: 400 on personId.
    const other = await person(planB.id, 'Ole Hansen');
    const stranger = await person(outside.id, 'Fremmed Person');
    const bad = await admin.put(url(), {
      ...b,
      members: [
        {
          forumRef: 'sg',
          name: 'X',
          role: 'member',
          represents: 'resident',
          planId: planA.id,
          personId: other.id,
        },
        { forumRef: 'sg', name: 'Y', role: 'member', represents: 'resident', personId: stranger.id },
        {
          forumRef: 'sg',
          name: 'Z',
          role: 'member',
          represents: 'resident',
          personId: '01890a5d-ac96-774b-bcce-b302099a8057',
        },
      ],
      version: gone.version,
    });
    expect(bad.statusCode).toBe(400);
    const d = details(bad);
    expect(d['members.0.personId']).toMatch(/hører ikke til denne helhedsplan/);
    expect(d['members.1.personId']).toMatch(/betjenes ikke af dette områdesekretariat/);
    expect(d['members.2.personId']).toBeDefined();
  });

  it('refuses a stale save and an unknown secretariat', async () => {
    expect((await admin.put(url(), { ...body(planA.id), version: 0 })).statusCode).toBe(409);
    expect(
      (await admin.get('/api/area-secretariats/01890a5d-ac96-774b-bcce-b302099a8057/organisation'))
        .statusCode,
    ).toBe(404);
  });
});
