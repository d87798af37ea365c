import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Forum,
  Membership,
  Organisation,
  Person,
  PlanDetail,
  Typology,
  TypologyPortfolio,
} from '@pejling/contracts';
import { classifyOrganisation } from '../src/domain/typology.js';
import { TYPOLOGY_EXAMPLES } from '../src/domain/typology-examples.js';
import { seedDemo } from '../src/seed/demo.js';
import { MEMBER_COLUMN_WIDTHS } from '../src/features/organisation/terms-of-reference.js';
import JSZip from 'jszip';
import { buildPlan, buildUser } from './factories.js';
import { createTestApp, type TestApp, type TestClient } from './test-app.js';

let t: TestApp;
let admin: TestClient;
let adminEn: TestClient;
let plan: PlanDetail;
let otherPlan: PlanDetail;
const UNKNOWN = '01890a5d-ac96-774b-bcce-b302099a8057';

function details(res: LightMyRequestResponse): Record<string, string> {
  const body = res.json() as { error: { details?: { path: string; message: string }[] } };
  return Object.fromEntries((body.error.details ?? []).map((d) => [d.path, d.message]));
}

const base = (p: PlanDetail = plan) => `/api/plans/${p.id}/organisation`;

async function forum(body: Record<string, unknown>, p: PlanDetail = plan): Promise<Forum> {
  const res = await admin.post(`${base(p)}/forums`, {
    kind: 'steeringGroup',
    name: 'Styregruppe',
    level: 'strategic',
    makesDecisions: true,
    reportsTo: null,
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function person(body: Record<string, unknown>, p: PlanDetail = plan): Promise<Person> {
  const res = await admin.post(`${base(p)}/people`, { name: 'Person', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function seat(body: Record<string, unknown>, p: PlanDetail = plan): Promise<Membership> {
  const res = await admin.post(`${base(p)}/memberships`, { role: 'member', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function organisation(p: PlanDetail = plan): Promise<Organisation> {
  const res = await admin.get(base(p));
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.userClient({ isAdmin: true });
  adminEn = await t.sessionClient(admin.userId!, { locale: 'en' });
  plan = await buildPlan(t.db, { name: 'Organisationsplan' });
  otherPlan = await buildPlan(t.db, { name: 'Anden plan' });
});
afterAll(() => t.close());

describe('an empty organisation', () => {
  it('is not determined on every dimension, saying what is missing', async () => {
    const o = await organisation();
    expect(o.forums).toEqual([]);
    expect(o.typology.organisation.type).toBe('not_determined');
    expect(o.typology.organisation.label.da).toBe('Ikke afgjort');
    expect(o.typology.organisation.missing.length).toBeGreaterThan(0);
    expect(o.typology.secretariat.type).toBe('not_determined');
  });
});

describe('building a steering group and a secretariat', () => {
  it('changes the types and their reasons as seats and staff are added', async () => {
    const sg = await forum({ name: 'Styregruppen', meetingsPerYear: 4, mandate: 'Godkender årsplanen.' });
    const ps = await forum({
      kind: 'projectSecretariat',
      name: 'Projektsekretariatet',
      level: 'tactical',
      makesDecisions: false,
      reportsTo: sg.id,
      steering: 'joint',
    });
    const dirM = await person({ name: 'Direktør, kommunen', organisation: 'Kommunen' });
    const dirH = await person({ name: 'Direktør, boligorganisationen' });
    const board = await person({ name: 'Formand, afdelingsbestyrelsen' });
    await seat({
      forumId: sg.id,
      personId: dirM.id,
      role: 'chair',
      represents: 'topAdministration',
      side: 'municipality',
    });
    await seat({
      forumId: sg.id,
      personId: dirH.id,
      represents: 'topAdministration',
      side: 'housingOrganisation',
    });
    await seat({ forumId: sg.id, personId: board.id, represents: 'residentBoard' });

    let o = await organisation();
    expect(o.typology.organisation.type).toBe('centrally_anchored_professional');
    expect(o.typology.organisation.reasons.map((r) => r.da).join(' ')).toContain('2 af 3');
    expect(o.typology.residentInvolvement.type).toBe('formal_decisions');
    expect(o.typology.levels.type).toBe(2);
    expect(o.typology.secretariat.type).toBe('not_determined');

    await person({
      name: 'Projektleder',
      staff: { employer: 'housingOrganisation', hoursPerWeek: 37, task: 'coordinating' },
    });
    o = await organisation();
    expect(o.typology.secretariat.type).toBe('one_person');

    await person({ name: 'Familierådgiver', staff: { employer: 'municipality', fte: 1, task: 'executing' } });
    o = await organisation();
    expect(o.typology.secretariat.type).toBe('cross_organisational_team');

    const psNow = o.forums.find((f) => f.id === ps.id)!;
    const upd = await admin.put(`${base()}/forums/${ps.id}`, { ...psNow, steering: 'parallel' });
    expect(upd.statusCode, upd.body).toBe(200);
    o = await organisation();
    expect(o.typology.secretariat.type).toBe('split_team');
    expect(o.typology.secretariat.label.da).toBe('Opdelt projektteam');

    // The file format export classifies to the same result.
    const input = await admin.get(`${base()}/typology-input`);
    expect(input.statusCode).toBe(200);
    const classified = await admin.post('/api/typology/classify', input.json());
    expect(classified.statusCode, classified.body).toBe(200);
    expect((classified.json() as Typology).secretariat.type).toBe('split_team');
  });

  it('writes every change to the audit log with before and after', async () => {
    const rows = await t.db
      .selectFrom('auditLog')
      .select(['entityType', 'action'])
      .where('planId', '=', plan.id)
      .where('entityType', 'like', 'org_%')
      .execute();
    expect(rows.filter((r) => r.entityType === 'org_forum').length).toBeGreaterThanOrEqual(3);
    expect(rows.some((r) => r.entityType === 'org_membership' && r.action === 'create')).toBe(true);
  });
});

describe('bad input', () => {
  it('refuses a member in a forum of another plan, naming the field', async () => {
    const foreign = await forum({ name: 'Fremmed styregruppe' }, otherPlan);
    const p = await person({ name: 'Medlem' });
    const res = await admin.post(`${base()}/memberships`, {
      forumId: foreign.id,
      personId: p.id,
      role: 'member',
      represents: 'resident',
    });
    expect(res.statusCode).toBe(400);
    expect(details(res).forumId).toMatch(/hører ikke til denne helhedsplan/);
    const foreignPerson = await person({ name: 'Fremmed' }, otherPlan);
    const own = (await organisation()).forums[0]!;
    const res2 = await adminEn.post(`${base()}/memberships`, {
      forumId: own.id,
      personId: foreignPerson.id,
      role: 'member',
      represents: 'resident',
    });
    expect(res2.statusCode).toBe(400);
    expect(details(res2).personId).toMatch(/does not belong to this plan/);
  });

  it('refuses a forum reporting to itself or in a loop, and leaves it unchanged', async () => {
    const a = await forum({ name: 'A-gruppe', level: 'tactical' });
    const b = await forum({ name: 'B-gruppe', level: 'operational', reportsTo: a.id });
    const self = await admin.put(`${base()}/forums/${a.id}`, { ...a, reportsTo: a.id });
    expect(self.statusCode).toBe(400);
    expect(details(self).reportsTo).toMatch(/ikke rapportere til sig selv/);
    const loop = await admin.put(`${base()}/forums/${a.id}`, { ...a, reportsTo: b.id });
    expect(loop.statusCode).toBe(400);
    expect(details(loop).reportsTo).toContain('A-gruppe → B-gruppe → A-gruppe');
    const after = (await organisation()).forums.find((f) => f.id === a.id)!;
    expect(after.reportsTo).toBeNull();
    expect(after.version).toBe(a.version);
    const foreign = await forum({ name: 'Anden plans forum' }, otherPlan);
    const cross = await admin.post(`${base()}/forums`, {
      kind: 'workingGroup',
      name: 'X',
      level: 'operational',
      makesDecisions: false,
      reportsTo: foreign.id,
    });
    expect(cross.statusCode).toBe(400);
    expect(details(cross).reportsTo).toMatch(/hører ikke til denne helhedsplan/);
  });

  it('refuses a person twice in one forum with 409 and what to do', async () => {
    const f = await forum({ name: 'Driftsgruppen', kind: 'operationsGroup', level: 'tactical' });
    const p = await person({ name: 'Skoleleder' });
    await seat({
      forumId: f.id,
      personId: p.id,
      represents: 'localProfessional',
      localProfessionalKind: 'school',
    });
    const twice = await admin.post(`${base()}/memberships`, {
      forumId: f.id,
      personId: p.id,
      role: 'chair',
      represents: 'localProfessional',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe(
      'Skoleleder sidder allerede i Driftsgruppen. Ret den eksisterende plads i stedet for at tilføje en ny.',
    );
  });

  it('refuses mismatched fields, unknown ids and missing fields with per-field messages', async () => {
    const f = (await organisation()).forums[0]!;
    const p = await person({ name: 'Nogen' });
    const kind = await admin.post(`${base()}/memberships`, {
      forumId: f.id,
      personId: p.id,
      role: 'member',
      represents: 'resident',
      localProfessionalKind: 'school',
    });
    expect(kind.statusCode).toBe(400);
    expect(details(kind).localProfessionalKind).toMatch(/lokale fagprofessionelle/);
    const steering = await admin.post(`${base()}/forums`, {
      kind: 'steeringGroup',
      name: 'S',
      level: 'strategic',
      makesDecisions: true,
      steering: 'joint',
    });
    expect(steering.statusCode).toBe(400);
    expect(details(steering).steering).toMatch(/projektsekretariat/);
    const missing = await admin.post(`${base()}/forums`, { kind: 'nope', level: 'strategic' });
    expect(missing.statusCode).toBe(400);
    expect(Object.keys(details(missing)).sort()).toEqual(['kind', 'makesDecisions', 'name']);
    expect((await admin.put(`${base()}/forums/${UNKNOWN}`, { ...f })).statusCode).toBe(404);
    expect((await admin.delete(`${base(otherPlan)}/forums/${f.id}`)).statusCode).toBe(404);
    expect((await admin.delete(`${base()}/people/${UNKNOWN}`)).statusCode).toBe(404);
  });

  it('refuses a stale edit and deleting a forum others report to', async () => {
    const top = await forum({ name: 'Top', kind: 'board' });
    await forum({ name: 'Under', level: 'tactical', reportsTo: top.id });
    const del = await admin.delete(`${base()}/forums/${top.id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().error.message).toContain('Under');
    const ok = await admin.put(`${base()}/forums/${top.id}`, { ...top, name: 'Top 2' });
    expect(ok.statusCode).toBe(200);
    const stale = await admin.put(`${base()}/forums/${top.id}`, { ...top, name: 'Top 3' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale_version');
  });

  it('deleting a person removes their seats in the same transaction', async () => {
    const f = await forum({
      name: 'Følgegruppe',
      kind: 'followUpGroup',
      level: 'tactical',
      makesDecisions: false,
    });
    const p = await person({ name: 'Afgående' });
    await seat({ forumId: f.id, personId: p.id, represents: 'volunteer' });
    expect((await admin.delete(`${base()}/people/${p.id}`)).statusCode).toBe(204);
    const o = await organisation();
    expect(o.memberships.some((m) => m.personId === p.id)).toBe(false);
  });

  it('the classify endpoint names the field of a bad file', async () => {
    const res = await admin.post('/api/typology/classify', {
      forums: [{ id: 'sg', kind: 'styregruppe', level: 'strategic', makesDecisions: true, reportsTo: null }],
      members: [],
      staff: [],
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(details(res))).toEqual(['forums.0.kind']);
  });
});

describe('permissions and deletion of the plan', () => {
  it('a plan viewer reads but cannot write; a stranger gets 403', async () => {
    const viewer = await buildUser(t.db, { roles: [{ role: 'plan_viewer', planId: plan.id }] });
    const c = await t.sessionClient(viewer.id);
    expect((await c.get(base())).statusCode).toBe(200);
    const res = await c.post(`${base()}/people`, { name: 'X' });
    expect(res.statusCode).toBe(403);
    const stranger = await t.sessionClient((await buildUser(t.db)).id);
    expect((await stranger.get(base())).statusCode).toBe(403);
  });

  it('deleting a plan deletes its organisation', async () => {
    const p = await buildPlan(t.db, { name: 'Slettes' });
    const f = await forum({ name: 'SG' }, p);
    const pe = await person({ name: 'P' }, p);
    await seat({ forumId: f.id, personId: pe.id, represents: 'political', side: 'municipality' }, p);
    expect((await admin.delete(`/api/plans/${p.id}`)).statusCode).toBe(204);
    const left = await t.db.selectFrom('orgForums').select('id').where('planId', '=', p.id).execute();
    expect(left).toEqual([]);
  });
});

describe('across plans', () => {
  it('lists each visible plan with its types, as the examples classify', async () => {
    const ex = TYPOLOGY_EXAMPLES[0]!;
    const p = await buildPlan(t.db, { name: ex.area });
    const ids = new Map<string, string>();
    for (const f of ex.organisation.forums) {
      const created = await forum(
        { ...f, id: undefined, name: f.name ?? f.kind, reportsTo: f.reportsTo ? ids.get(f.reportsTo) : null },
        p,
      );
      ids.set(f.id, created.id);
    }
    const people = new Map<string, string>();
    for (const m of ex.organisation.members) {
      const name = m.name ?? 'Medlem';
      if (!people.has(name)) people.set(name, (await person({ name }, p)).id);
      await seat({ ...m, name: undefined, forumId: ids.get(m.forumId), personId: people.get(name) }, p);
    }
    for (const s of ex.organisation.staff)
      await person({ name: s.name ?? 'Medarbejder', staff: { ...s, name: undefined } }, p);

    const res = await admin.get('/api/portfolio/typology');
    expect(res.statusCode).toBe(200);
    const body = res.json() as TypologyPortfolio;
    const row = body.items.find((i) => i.planId === p.id)!;
    expect(row.typology.organisation.type).toBe('centrally_anchored_professional');
    expect(row.typology.secretariat.type).toBe('large_housing_team');
    expect(row.typology.residentInvolvement.type).toBe('activity_carrying_only');
    expect(row.typology.levels.type).toBe(4);

    const viewer = await buildUser(t.db, { roles: [{ role: 'plan_viewer', planId: p.id }] });
    const mine = (
      await (await t.sessionClient(viewer.id)).get('/api/portfolio/typology')
    ).json() as TypologyPortfolio;
    expect(mine.items.map((i) => i.planId)).toEqual([p.id]);
  });
});

describe('the example data', () => {
  it('gives the 13 example plans their example organisations, classified as the examples are', async () => {
    await seedDemo(t.db);
    await seedDemo(t.db); // a second run adds nothing
    const body = (await admin.get('/api/portfolio/typology')).json() as TypologyPortfolio;
    for (const ex of TYPOLOGY_EXAMPLES) {
      const rows = body.items.filter((i) => i.planName === `Helhedsplan ${ex.area}`);
      expect(rows, ex.area).toHaveLength(1);
      const row = rows[0]!;
      expect(row.isExample).toBe(true);
      const expected = classifyOrganisation(ex.organisation);
      for (const d of [
        'organisation',
        'secretariat',
        'residentInvolvement',
        'levels',
        'operationsGroup',
      ] as const)
        expect(row.typology[d].type, `${ex.area} ${d}`).toBe(expected[d].type);
    }
    const forums = await t.db.selectFrom('orgForums').select('id').execute();
    const exampleForums = TYPOLOGY_EXAMPLES.reduce((n, ex) => n + ex.organisation.forums.length, 0);
    expect(forums.length).toBeGreaterThanOrEqual(exampleForums);
  });
});

describe('terms of reference', () => {
  it('is a Word document with purpose, mandate, members and whom they represent, meetings, reporting and decision rights', async () => {
    const o = await organisation();
    const sg = o.forums.find((f) => f.name === 'Styregruppen')!;
    const res = await admin.get(`${base()}/forums/${sg.id}/terms-of-reference`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.headers['content-disposition']).toBe('attachment; filename="kommissorium-styregruppen.docx"');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    for (const expected of [
      'Kommissorium for Styregruppen',
      'Organisationsplan',
      '1. Formål',
      'Godkender årsplanen.',
      'Forummet træffer beslutninger',
      'Direktør, kommunen',
      'Øverste administrative ledelse fra kommunen',
      'Formand',
      'Forummet mødes 4 gange om året.',
      'Forummet er øverst i projektorganiseringen.',
      'Følgende fora rapporterer til forummet: Projektsekretariatet.',
    ])
      expect(text, expected).toContain(expected);
    const en = await adminEn.get(`${base()}/forums/${sg.id}/terms-of-reference`);
    const enXml = await (await JSZip.loadAsync(en.rawPayload)).file('word/document.xml')!.async('string');
    expect(enXml).toContain('Terms of reference: Styregruppen');
    expect((await admin.get(`${base(otherPlan)}/forums/${sg.id}/terms-of-reference`)).statusCode).toBe(404);
  });

  it('gives the member table fixed column widths that fill the text width, so names wrap between words', async () => {
    const o = await organisation();
    const sg = o.forums.find((f) => f.name === 'Styregruppen')!;
    const res = await admin.get(`${base()}/forums/${sg.id}/terms-of-reference`);
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    const table = xml.slice(xml.indexOf('<w:tbl>'), xml.indexOf('</w:tbl>'));
    expect(table).toMatch(/<w:tblLayout w:type="fixed"\/>/);
    const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid).toEqual([...MEMBER_COLUMN_WIDTHS]);
    // The A4 page's width less its two 1440-twip margins.
    expect(grid.reduce((a, b) => a + b, 0)).toBe(11906 - 2 * 1440);
    expect(table).toContain(`<w:tblW w:type="dxa" w:w="${11906 - 2 * 1440}"/>`);
    // Every cell of a column has that column's width.
    const rows = table.split('<w:tr>').slice(1);
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) {
      const widths = [...row.matchAll(/<w:tcW w:type="dxa" w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      expect(widths).toEqual([...MEMBER_COLUMN_WIDTHS]);
    }
  });
});
