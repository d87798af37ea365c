import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agreement, PlanDetail } from '@pejling/contracts';
import { buildPlan, poolWithFocusAreas } from './factories.js';
import { createTestApp, type TestApp, type TestClient } from './test-app.js';

let t: TestApp;
let admin: TestClient;
let plan: PlanDetail;
let focus: string[];

function details(res: LightMyRequestResponse): Record<string, string> {
  const body = res.json() as { error: { details?: { path: string; message: string }[] } };
  return Object.fromEntries((body.error.details ?? []).map((d) => [d.path, d.message]));
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.userClient({ isAdmin: true });
  const pool = await poolWithFocusAreas(t.db);
  focus = pool.focusAreas.map((f) => f.id).slice(0, 2);
  plan = await buildPlan(t.db, { name: 'Aftaleplan', poolId: pool.id, focusAreaIds: focus });
});
afterAll(() => t.close());

const url = () => `/api/plans/${plan.id}/agreement`;

describe('collaboration agreement', () => {
  it('starts as an unsaved draft that flags every focus area without a responsible party', async () => {
    const a = (await admin.get(url())).json() as Agreement;
    expect(a.version).toBe(0);
    expect(a.status).toBe('draft');
    expect(a.focusAreas.map((f) => f.id)).toEqual(focus);
    expect(a.flags.map((f) => f.code)).toEqual(['no_one_responsible', 'no_one_responsible']);
  });

  it('saves parties, matrix and commitments at once, keeps party ids, and flags what is unclear', async () => {
    const res = await admin.put(url(), {
      status: 'signed',
      signedOn: '2025-03-01',
      attachments: ['Organisationsdiagram', 'Budget'],
      parties: [
        { ref: 'k', name: 'Kommunen', kind: 'municipality', contactPerson: 'Chef, Børn og Unge' },
        { ref: 'b', name: 'Boligorganisationen', kind: 'housingOrganisation', contactPerson: null },
      ],
      responsibilities: [
        { focusAreaId: focus[0], partyRef: 'k', role: 'responsible' },
        { focusAreaId: focus[0], partyRef: 'b', role: 'responsible' },
        { focusAreaId: focus[1], partyRef: 'b', role: 'carriesOut' },
      ],
      commitments: [{ focusAreaId: focus[1], partyRef: 'b', text: 'Stiller lokaler til rådighed' }],
      version: 0,
    });
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json() as Agreement;
    expect(a.version).toBe(1);
    expect(a.attachments).toEqual(['Organisationsdiagram', 'Budget']);
    expect(a.flags.map((f) => f.code)).toEqual([
      'several_responsible',
      'no_one_responsible',
      'commitments_without_contact',
    ]);
    expect(a.flags[2]!.message.da).toBe(
      'Boligorganisationen har 1 forpligtelse, men ingen kontaktperson. Angiv en kontaktperson.',
    );

    const k = a.parties.find((p) => p.name === 'Kommunen')!;
    const again = await admin.put(url(), {
      status: 'fundApproved',
      signedOn: '2025-03-01',
      attachments: [],
      parties: [{ ref: k.id, name: 'Kommunen', kind: 'municipality', contactPerson: 'X' }],
      responsibilities: focus.map((f) => ({ focusAreaId: f, partyRef: k.id, role: 'responsible' })),
      commitments: [],
      version: 1,
    });
    expect(again.statusCode, again.body).toBe(200);
    const b = again.json() as Agreement;
    expect(b.parties.map((p) => p.id)).toEqual([k.id]);
    expect(b.flags).toEqual([]);
    const audit = await t.db
      .selectFrom('auditLog')
      .select('action')
      .where('entityType', '=', 'collaboration_agreement')
      .execute();
    // Reads of the agreement (contact persons are personal data) are logged too; here: the writes.
    expect(audit.map((r) => r.action).filter((a) => a !== 'read')).toEqual(['create', 'update']);
    expect(audit.some((r) => r.action === 'read')).toBe(true);
  });

  it('refuses a matrix role for a party not in the agreement, and leaves the agreement as it was', async () => {
    const before = (await admin.get(url())).json() as Agreement;
    const res = await admin.put(url(), {
      status: 'revised',
      signedOn: null,
      attachments: [],
      parties: [{ ref: 'k', name: 'Kommunen', kind: 'municipality' }],
      responsibilities: [
        { focusAreaId: focus[0], partyRef: 'skolen', role: 'informed' },
        { focusAreaId: focus[0], partyRef: 'k', role: 'informed' },
        { focusAreaId: focus[0], partyRef: 'k', role: 'consulted' },
        { focusAreaId: '01890a5d-ac96-774b-bcce-b302099a8057', partyRef: 'k', role: 'consulted' },
      ],
      commitments: [{ focusAreaId: focus[0], partyRef: 'nogen', text: 'x' }],
      version: before.version,
    });
    expect(res.statusCode).toBe(400);
    const d = details(res);
    expect(d['responsibilities.0.partyRef']).toMatch(/^Parten er ikke med i aftalen/);
    expect(d['responsibilities.2.partyRef']).toMatch(/allerede en rolle/);
    expect(d['responsibilities.3.focusAreaId']).toMatch(/ikke valgt dette indsatsområde/);
    expect(d['commitments.0.partyRef']).toMatch(/^Parten er ikke med i aftalen/);
    expect(d.signedOn).toMatch(/underskriftsdatoen/);
    expect((await admin.get(url())).json()).toEqual(before);
  });

  it('refuses a stale save', async () => {
    const a = (await admin.get(url())).json() as Agreement;
    const body = { status: 'draft', attachments: [], parties: [], responsibilities: [], commitments: [] };
    expect((await admin.put(url(), { ...body, version: a.version })).statusCode).toBe(200);
    const stale = await admin.put(url(), { ...body, version: a.version });
    expect(stale.statusCode).toBe(409);
    expect((await admin.put(url(), { ...body, version: 0 })).statusCode).toBe(409);
  });

  it('links focus areas to ordinary municipal services, overlap and synergy, adding new ones to the catalogue', async () => {
    const a = (await admin.get(url())).json() as Agreement;
    const body = {
      status: 'draft',
      attachments: [],
      parties: [],
      responsibilities: [],
      commitments: [],
      serviceLinks: [
        {
          focusAreaId: focus[0],
          newService: { name: 'Familiehuset', department: 'Børn og Unge', targetGroup: 'Familier' },
          relation: 'synergy',
          note: 'Fælles forældregrupper',
        },
        { focusAreaId: focus[1], newService: { name: 'Jobcenter, ungeindsats' }, relation: 'overlap' },
      ],
      version: a.version,
    };
    const res = await admin.put(url(), body);
    expect(res.statusCode, res.body).toBe(200);
    const b = res.json() as Agreement;
    expect(b.municipalServices.map((m) => m.name)).toEqual(['Familiehuset', 'Jobcenter, ungeindsats']);
    expect(b.serviceLinks.map((l) => l.relation)).toEqual(['synergy', 'overlap']);

    // Linking by id keeps the catalogue as it is.
    const family = b.municipalServices.find((m) => m.name === 'Familiehuset')!;
    const again = await admin.put(url(), {
      ...body,
      serviceLinks: [{ focusAreaId: focus[1], serviceId: family.id, relation: 'synergy' }],
      version: b.version,
    });
    expect(again.statusCode, again.body).toBe(200);
    expect((again.json() as Agreement).municipalServices).toHaveLength(2);

    // A service of another municipality, or both an id and a new service: 400 naming the field.
    const other = await buildPlan(t.db, { name: 'Anden kommunes plan' });
    const otherUrl = `/api/plans/${other.id}/agreement`;
    const foreign = await admin.put(otherUrl, {
      ...body,
      serviceLinks: [{ focusAreaId: other.focusAreas[0]!.id, serviceId: family.id, relation: 'overlap' }],
      version: 0,
    });
    expect(foreign.statusCode).toBe(400);
    expect(details(foreign)['serviceLinks.0.serviceId']).toMatch(/ikke i kommunens katalog/);
    const both = await admin.put(url(), {
      ...body,
      serviceLinks: [
        { focusAreaId: focus[0], serviceId: family.id, newService: { name: 'X' }, relation: 'overlap' },
      ],
      version: (again.json() as Agreement).version,
    });
    expect(both.statusCode).toBe(400);
    expect(details(both)['serviceLinks.0.serviceId']).toMatch(/ikke begge dele/);
  });

  it("has rows for the plan's activities too, flags them, and refuses an activity of another plan", async () => {
    const now = new Date().toISOString();
    const activity = (id: string, planId: string, name: string) => ({
      id,
      planId,
      name,
      description: null,
      focusAreaId: null,
      ownerOrganisation: null,
      responsiblePerson: null,
      partners: null,
      targetGroup: null,
      periodStart: null,
      periodEnd: null,
      status: 'planned',
      budgetOre: null,
      milestonesJson: '[]',
      registrationFrequency: 'none',
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
    const mine = '01890a5d-ac96-774b-bcce-b302099a0001';
    const theirs = '01890a5d-ac96-774b-bcce-b302099a0002';
    const other = await buildPlan(t.db, { name: 'Plan med anden aktivitet' });
    await t.db
      .insertInto('activities')
      .values([activity(mine, plan.id, 'Lektiecafé'), activity(theirs, other.id, 'Fremmed aktivitet')])
      .execute();
    const a = (await admin.get(url())).json() as Agreement;
    expect(a.activities.map((x) => x.name)).toEqual(['Lektiecafé']);
    const base = {
      status: 'draft',
      attachments: [],
      parties: [
        { ref: 'k', name: 'Kommunen', kind: 'municipality', contactPerson: 'K' },
        { ref: 'b', name: 'Boligorganisationen', kind: 'housingOrganisation', contactPerson: 'B' },
      ],
      responsibilities: focus.map((f) => ({ focusAreaId: f, partyRef: 'k', role: 'responsible' })),
      commitments: [],
      version: a.version,
    };
    const res = await admin.put(url(), {
      ...base,
      activityResponsibilities: [
        { activityId: mine, partyRef: 'k', role: 'responsible' },
        { activityId: mine, partyRef: 'b', role: 'responsible' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const b = res.json() as Agreement;
    expect(b.activityResponsibilities).toHaveLength(2);
    expect(b.flags.map((f) => [f.code, f.activityId])).toEqual([['several_responsible', mine]]);
    expect(b.flags[0]!.message.da).toContain('ansvarlige for aktiviteten Lektiecafé');

    const bad = await admin.put(url(), {
      ...base,
      activityResponsibilities: [
        { activityId: theirs, partyRef: 'k', role: 'informed' },
        { activityId: mine, partyRef: 'skolen', role: 'informed' },
      ],
      version: b.version,
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(details(bad)).sort()).toEqual([
      'activityResponsibilities.0.activityId',
      'activityResponsibilities.1.partyRef',
    ]);
  });

  it('hides the rows of a focus area the plan drops, so the agreement can still be saved', async () => {
    const a = (await admin.get(url())).json() as Agreement;
    const saved = await admin.put(url(), {
      status: 'draft',
      attachments: [],
      parties: [{ ref: 'k', name: 'Kommunen', kind: 'municipality', contactPerson: null }],
      responsibilities: [{ focusAreaId: focus[1], partyRef: 'k', role: 'responsible' }],
      commitments: [{ focusAreaId: focus[1], partyRef: 'k', text: 'Noget' }],
      version: a.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    await t.db
      .deleteFrom('planFocusAreas')
      .where('planId', '=', plan.id)
      .where('focusAreaId', '=', focus[1]!)
      .execute();
    const b = (await admin.get(url())).json() as Agreement;
    expect(b.focusAreas.map((f) => f.id)).toEqual([focus[0]]);
    expect(b.commitments).toEqual([]);
    expect(b.responsibilities).toEqual([]);
    const again = await admin.put(url(), {
      status: b.status,
      attachments: b.attachments,
      parties: b.parties.map((p) => ({
        ref: p.id,
        name: p.name,
        kind: p.kind,
        contactPerson: p.contactPerson,
      })),
      responsibilities: b.responsibilities.map((r) => ({ ...r, partyRef: r.partyId })),
      commitments: b.commitments.map((c) => ({
        focusAreaId: c.focusAreaId,
        partyRef: c.partyId,
        text: c.text,
      })),
      version: b.version,
    });
    expect(again.statusCode, again.body).toBe(200);
  });
});
