import type { LightMyRequestResponse } from 'fastify';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  PlanDetail,
  TheoryComparison,
  TheoryDetail,
  TheoryList,
  TheorySearchResult,
  TheoryUpdate,
} from '@pejling/contracts';
import { validateDiagram } from '../src/domain/theory.js';
import { buildPlan, buildUser } from './factories.js';
import { createTestApp, type TestApp, type TestClient } from './test-app.js';

/**
 * Theories of change through the API. The plan "Helhedsplan Forandringsparken" has, in its first
 * focus area, the impact goal "Flere i beskæftigelse", the result goal "Flere unge i fritidsjob"
 * under it with one indicator (count, target 20 in 2024, value 24 in 2024: on track), and the
 * activity "Fritidsjobformidling" (running) serving the result goal; in its second focus area the
 * impact goal "Større tryghed" and the activity "Gårdvandring" serving nothing. A second plan,
 * "Helhedsplan Andenby", has an activity of its own and a diagram with a path from "Fritidsjob"
 * to "Beskæftigelse" that only its own readers find.
 */

let t: TestApp;
let admin: TestClient;
let adminEn: TestClient;
let editor: TestClient;
let viewer: TestClient;
let plan: PlanDetail;
let otherPlan: PlanDetail;
let impactId: string;
let resultId: string;
let indicatorId: string;
let activityId: string;
let patrolId: string;
let otherActivityId: string;

async function ok<T>(res: Promise<LightMyRequestResponse>, status = 200): Promise<T> {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
}

function details(res: LightMyRequestResponse): Record<string, string> {
  const body = res.json() as { error: { details?: { path: string; message: string }[] } };
  return Object.fromEntries((body.error.details ?? []).map((d) => [d.path, d.message]));
}

async function counts() {
  const n = async (table: 'theories' | 'theoryNodes' | 'theoryEdges') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { theories: await n('theories'), nodes: await n('theoryNodes'), edges: await n('theoryEdges') };
}

const base = () => `/api/plans/${plan.id}/theories`;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.userClient({ isAdmin: true });
  adminEn = await t.userClient({ isAdmin: true, locale: 'en' });
  plan = await buildPlan(t.db, { name: 'Helhedsplan Forandringsparken' });
  otherPlan = await buildPlan(t.db, { name: 'Helhedsplan Andenby' });
  editor = await t.sessionClient(
    (await buildUser(t.db, { roles: [{ role: 'plan_editor', planId: plan.id }] })).id,
  );
  viewer = await t.sessionClient(
    (await buildUser(t.db, { roles: [{ role: 'plan_viewer', planId: plan.id }] })).id,
  );
  const [fa1, fa2] = plan.focusAreas.map((f) => f.id);
  const goal = async (body: Record<string, unknown>, planId = plan.id) =>
    (await ok<{ id: string }>(admin.post(`/api/plans/${planId}/goals`, body), 201)).id;
  impactId = await goal({ level: 'impact', focusAreaId: fa1, title: 'Flere i beskæftigelse' });
  resultId = await goal({
    level: 'result',
    focusAreaId: fa1,
    parentId: impactId,
    title: 'Flere unge i fritidsjob',
  });
  await goal({ level: 'impact', focusAreaId: fa2, title: 'Større tryghed' });
  indicatorId = (
    await ok<{ id: string }>(
      admin.post(`/api/plans/${plan.id}/indicators`, {
        goalId: resultId,
        name: 'Unge i fritidsjob',
        unit: 'unge',
        kind: 'count',
        direction: 'higher_is_better',
        dataSource: 'manual',
        combine: 'latest',
        targets: [{ period: '2024', value: 20 }],
      }),
      201,
    )
  ).id;
  await ok(
    admin.put(`/api/plans/${plan.id}/indicators/${indicatorId}/values`, {
      values: [{ period: '2024', state: 'value', value: 24 }],
    }),
  );
  const activity = async (body: Record<string, unknown>, planId = plan.id) =>
    (
      await ok<{ id: string }>(
        admin.post(`/api/plans/${planId}/activities`, { status: 'running', goalIds: [], ...body }),
        201,
      )
    ).id;
  activityId = await activity({ name: 'Fritidsjobformidling', focusAreaId: fa1, goalIds: [resultId] });
  patrolId = await activity({ name: 'Gårdvandring', focusAreaId: fa2 });
  otherActivityId = await activity(
    { name: 'Andenbys lektiecafé', focusAreaId: otherPlan.focusAreas[0]!.id },
    otherPlan.id,
  );
});

afterAll(async () => {
  await t.close();
});

const node = (id: string, kind: string, label: string, link: unknown = null, x = 0, y = 0) => ({
  id,
  kind,
  label,
  x,
  y,
  link,
});
const edge = (id: string, from: string, to: string, rationale = '') => ({ id, from, to, rationale });

describe('creating, reading, saving and deleting', () => {
  it('creates an empty cross-cutting diagram and one for a focus area, and lists them', async () => {
    const cross = await ok<TheoryDetail>(
      editor.post(base(), {
        scope: 'crossCutting',
        focusAreaId: plan.focusAreas[0]!.id,
        title: 'Hele planen',
      }),
      201,
    );
    expect(cross).toMatchObject({
      scope: 'crossCutting',
      focusAreaId: null,
      title: 'Hele planen',
      nodeCount: 0,
      version: 1,
      isExample: false,
      nodes: [],
      edges: [],
    });
    const focus = await ok<TheoryDetail>(
      editor.post(base(), { scope: 'focusArea', focusAreaId: plan.focusAreas[1]!.id, title: 'Tryghed' }),
      201,
    );
    expect(focus.focusAreaId).toBe(plan.focusAreas[1]!.id);
    expect(focus.focusAreaName?.da).toBe(plan.focusAreas[1]!.nameDa);
    const list = await ok<TheoryList>(viewer.get(base()));
    expect(list.items.map((x) => x.title)).toEqual(expect.arrayContaining(['Hele planen', 'Tryghed']));
    // Readers of the plan read; only its editors change it.
    expect((await viewer.post(base(), { scope: 'crossCutting', title: 'Nej' })).statusCode).toBe(403);
  });

  it('refuses a focus-area diagram without a focus area, or with one the plan does not have', async () => {
    const before = await counts();
    const missing = await admin.post(base(), { scope: 'focusArea', title: 'Uden område' });
    expect(missing.statusCode).toBe(400);
    expect(details(missing).focusAreaId).toBe(
      'Vælg et indsatsområde, når forandringsteorien gælder ét indsatsområde.',
    );
    const foreign = await adminEn.post(base(), {
      scope: 'focusArea',
      focusAreaId:
        otherPlan.focusAreas.find((f) => !plan.focusAreas.some((p) => p.id === f.id))?.id ??
        '00000000-0000-7000-8000-000000000000',
      title: 'Andet område',
    });
    expect(foreign.statusCode).toBe(400);
    expect(details(foreign).focusAreaId).toMatch(/not one of the plan's/);
    expect(await counts()).toEqual(before);
  });

  it("saves the whole diagram, reads linked nodes' live state, and refuses a stale version with 409", async () => {
    const th = await ok<TheoryDetail>(admin.post(base(), { scope: 'crossCutting', title: 'Job' }), 201);
    const body: TheoryUpdate = {
      version: th.version,
      title: 'Job og fritidsjob',
      nodes: [
        node('a', 'activity', 'Fritidsjobformidling', { type: 'activity', id: activityId }, 0, 0),
        node(
          'r',
          'shortTermResult',
          'Flere unge i fritidsjob',
          { type: 'indicator', id: indicatorId },
          280,
          0,
        ),
        {
          ...node('i', 'impact', 'Flere i beskæftigelse', { type: 'goal', id: impactId }, 560, 0),
          description: null,
        },
        {
          ...node('s', 'assumption', 'Virksomhederne vil ansætte unge', null, 280, 120),
          description: 'Lokale butikker',
        },
      ] as TheoryUpdate['nodes'],
      edges: [edge('e1', 'a', 'r', 'Formidlingen skaffer jobbene'), edge('e2', 'r', 'i')],
    };
    const saved = await ok<TheoryDetail>(editor.put(`${base()}/${th.id}`, body));
    expect(saved).toMatchObject({ title: 'Job og fritidsjob', version: 2, nodeCount: 4, edgeCount: 2 });
    const read = await ok<TheoryDetail>(viewer.get(`${base()}/${th.id}`));
    expect(read.nodes.map((n) => [n.id, n.x, n.y, n.live])).toEqual([
      ['a', 0, 0, { type: 'activity', name: 'Fritidsjobformidling', status: 'running' }],
      [
        'r',
        280,
        0,
        {
          type: 'indicator',
          name: 'Unge i fritidsjob',
          latestValue: 24,
          latestPeriod: '2024',
          target: 20,
          unit: 'unge',
          kind: 'count',
          onTrack: true,
        },
      ],
      ['i', 560, 0, { type: 'goal', title: 'Flere i beskæftigelse', level: 'impact' }],
      ['s', 280, 120, null],
    ]);
    expect(read.nodes[3]!.description).toBe('Lokale butikker');
    expect(read.edges).toEqual(body.edges);

    const before = await counts();
    const stale = await admin.put(`${base()}/${th.id}`, { ...body, title: 'For sent' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toBe(
      'En anden har ændret dette i mellemtiden. Genindlæs og prøv igen.',
    );
    const staleEn = await adminEn.put(`${base()}/${th.id}`, { ...body, title: 'Too late' });
    expect(staleEn.json().error.message).toMatch(/Someone else changed this/);
    expect(await counts()).toEqual(before);
    expect((await ok<TheoryDetail>(admin.get(`${base()}/${th.id}`))).title).toBe('Job og fritidsjob');

    // A deleted activity leaves its node, marked as missing.
    const gone = await ok<{ id: string }>(
      admin.post(`/api/plans/${plan.id}/activities`, { name: 'Kortvarig', status: 'planned', goalIds: [] }),
      201,
    );
    const withGone = await ok<TheoryDetail>(
      admin.put(`${base()}/${th.id}`, {
        ...body,
        version: 2,
        nodes: [...body.nodes, node('g', 'activity', 'Kortvarig', { type: 'activity', id: gone.id })],
      }),
    );
    expect(withGone.version).toBe(3);
    expect((await admin.delete(`/api/plans/${plan.id}/activities/${gone.id}`)).statusCode).toBe(204);
    const after = await ok<TheoryDetail>(admin.get(`${base()}/${th.id}`));
    expect(after.nodes.find((n) => n.id === 'g')!.live).toEqual({ type: 'missing' });

    expect((await editor.delete(`${base()}/${th.id}`)).statusCode).toBe(204);
    expect((await admin.get(`${base()}/${th.id}`)).statusCode).toBe(404);
    const audit = await t.db
      .selectFrom('auditLog')
      .select('action')
      .where('entityId', '=', th.id)
      .orderBy('at')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'theory_created',
      'theory_updated',
      'theory_updated',
      'theory_deleted',
    ]);
  });

  it('lets only one of two saves on the same version through', async () => {
    const th = await ok<TheoryDetail>(admin.post(base(), { scope: 'crossCutting', title: 'Samtidig' }), 201);
    const save = (label: string) =>
      admin.put(`${base()}/${th.id}`, {
        version: 1,
        title: label,
        nodes: Array.from({ length: 50 }, (_, i) => node(`n${i}`, 'output', `${label} ${i}`)),
        edges: [],
      });
    const results = await Promise.all([save('Første'), save('Anden')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.statusCode === 200)!.json() as TheoryDetail;
    const read = await ok<TheoryDetail>(admin.get(`${base()}/${th.id}`));
    expect(read.version).toBe(2);
    expect(read.nodes.map((n) => n.label)).toEqual(winner.nodes.map((n) => n.label));
    expect(read.nodes.every((n) => n.label.startsWith(read.title))).toBe(true);
  });

  it('refuses every bad diagram with a message naming the element, storing nothing', async () => {
    const th = await ok<TheoryDetail>(admin.post(base(), { scope: 'crossCutting', title: 'Fejl' }), 201);
    const put = (client: TestClient, nodes: unknown[], edges: unknown[]) =>
      client.put(`${base()}/${th.id}`, { version: 1, title: 'Fejl', nodes, edges });
    const before = await counts();

    const self = await put(admin, [node('a', 'activity', 'Jobklub')], [edge('e1', 'a', 'a')]);
    expect(self.statusCode).toBe(400);
    expect(details(self)['edges.0.to']).toBe('En pil kan ikke gå fra et element til sig selv (Jobklub).');
    const selfEn = await put(adminEn, [node('a', 'activity', 'Jobklub')], [edge('e1', 'a', 'a')]);
    expect(details(selfEn)['edges.0.to']).toBe('An arrow cannot go from an element to itself (Jobklub).');

    const foreign = await put(
      admin,
      [node('a', 'activity', 'Andenbys lektiecafé', { type: 'activity', id: otherActivityId })],
      [],
    );
    expect(foreign.statusCode).toBe(400);
    expect(details(foreign)['nodes.0.link']).toBe(
      'Elementet Andenbys lektiecafé er knyttet til en aktivitet, et mål eller en indikator, som ikke hører til denne plan.',
    );

    const unknown = await put(admin, [node('a', 'activity', 'Jobklub')], [edge('e1', 'a', 'zz')]);
    expect(details(unknown)['edges.0.to']).toBe(
      'Pilen e1 peger på elementet zz, som ikke findes i diagrammet.',
    );

    const dup = await put(
      admin,
      [node('a', 'activity', 'A'), node('a', 'output', 'B'), node('c', 'impact', 'C')],
      [edge('e1', 'a', 'c'), edge('e1', 'c', 'a'), edge('e3', 'a', 'c')],
    );
    expect(Object.keys(details(dup))).toEqual(['nodes.1.id', 'edges.1.id', 'edges.2']);

    const linkedAssumption = await put(
      admin,
      [node('a', 'assumption', 'Antagelse', { type: 'goal', id: impactId })],
      [],
    );
    expect(details(linkedAssumption)['nodes.0.link']).toMatch(/antagelse eller ydre faktor/);

    // The contract's own limits: id characters, label length, kind, link type, coordinates.
    const shape = await put(
      admin,
      [
        node('a b', 'activity', 'A'),
        node('b', 'activity', ''),
        node('c', 'goal', 'C'),
        node('d', 'output', 'D', { type: 'plan', id: plan.id }),
        { ...node('e', 'output', 'E'), x: 'venstre' },
      ],
      [],
    );
    expect(shape.statusCode).toBe(400);
    expect(Object.keys(details(shape)).sort()).toEqual(
      ['nodes.0.id', 'nodes.1.label', 'nodes.2.kind', 'nodes.3.link.type', 'nodes.4.x'].sort(),
    );
    const tooMany = await put(
      admin,
      Array.from({ length: 2001 }, (_, i) => node(`n${i}`, 'output', `N${i}`)),
      [],
    );
    expect(tooMany.statusCode).toBe(400);

    expect(await counts()).toEqual(before);
    expect((await ok<TheoryDetail>(admin.get(`${base()}/${th.id}`))).version).toBe(1);
    // Another plan's diagram is not found through this plan.
    const elsewhere = await ok<TheoryDetail>(
      admin.post(`/api/plans/${otherPlan.id}/theories`, { scope: 'crossCutting', title: 'Andenby' }),
      201,
    );
    expect((await admin.get(`${base()}/${elsewhere.id}`)).statusCode).toBe(404);
    expect(
      (await admin.put(`${base()}/${elsewhere.id}`, { version: 1, title: 'X', nodes: [], edges: [] }))
        .statusCode,
    ).toBe(404);
  });

  it('saves and reads back a diagram of 500 nodes and 900 edges', async () => {
    const th = await ok<TheoryDetail>(admin.post(base(), { scope: 'crossCutting', title: 'Stor' }), 201);
    const kinds = ['activity', 'output', 'shortTermResult', 'longTermResult', 'impact'];
    const nodes = Array.from({ length: 500 }, (_, i) =>
      node(`n${i}`, kinds[i % 5]!, `Element ${i} – æøå`, null, (i % 5) * 280 + 0.5, Math.floor(i / 5) * 110),
    );
    const edges = [
      ...Array.from({ length: 499 }, (_, i) => edge(`e${i}`, `n${i}`, `n${i + 1}`, `Begrundelse ${i}`)),
      ...Array.from({ length: 401 }, (_, i) => edge(`f${i}`, `n${i}`, `n${i + 99}`)),
    ];
    const started = Date.now();
    const saved = await ok<TheoryDetail>(
      admin.put(`${base()}/${th.id}`, { version: 1, title: 'Stor', nodes, edges }),
    );
    expect(saved).toMatchObject({ nodeCount: 500, edgeCount: 900, version: 2 });
    const read = await ok<TheoryDetail>(admin.get(`${base()}/${th.id}`));
    expect(read.nodes.map((n) => [n.id, n.kind, n.label, n.x, n.y])).toEqual(
      nodes.map((n) => [n.id, n.kind, n.label, n.x, n.y]),
    );
    expect(read.edges).toEqual(edges);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect((await admin.delete(`${base()}/${th.id}`)).statusCode).toBe(204);
  });
  it('takes a diagram of 2000 nodes with long texts, beyond the usual 1 MB request', async () => {
    const th = await ok<TheoryDetail>(admin.post(base(), { scope: 'crossCutting', title: 'Fuld' }), 201);
    const nodes = Array.from({ length: 2000 }, (_, i) => ({
      ...node(`n${i}`, 'output', `${i} `.padEnd(300, 'ø')),
      description: 'Beskrivelse '.repeat(40),
    }));
    const body = { version: 1, title: 'Fuld', nodes, edges: [] };
    expect(JSON.stringify(body).length).toBeGreaterThan(1024 * 1024);
    const saved = await ok<TheoryDetail>(admin.put(`${base()}/${th.id}`, body));
    expect(saved.nodeCount).toBe(2000);
    expect(saved.nodes[1999]!.label).toBe('1999 '.padEnd(300, 'ø').trim());
    expect((await admin.delete(`${base()}/${th.id}`)).statusCode).toBe(204);
  });
});

describe('draft, comparison and export', () => {
  it('drafts a diagram from the framework of one focus area, with edges along its links', async () => {
    const draft = await ok<TheoryDetail>(
      editor.post(`${base()}/draft`, { scope: 'focusArea', focusAreaId: plan.focusAreas[0]!.id }),
      201,
    );
    expect(draft.title).toBe(`Forandringsteori: ${plan.focusAreas[0]!.nameDa}`);
    expect(draft.nodes.map((n) => [n.kind, n.label, n.link?.type])).toEqual([
      ['activity', 'Fritidsjobformidling', 'activity'],
      ['shortTermResult', 'Flere unge i fritidsjob', 'indicator'],
      ['impact', 'Flere i beskæftigelse', 'goal'],
    ]);
    const label = new Map(draft.nodes.map((n) => [n.id, n.label]));
    expect(draft.edges.map((e) => [label.get(e.from), label.get(e.to)])).toEqual([
      ['Fritidsjobformidling', 'Flere unge i fritidsjob'],
      ['Flere unge i fritidsjob', 'Flere i beskæftigelse'],
    ]);
    expect(draft.edges[0]!.rationale).toMatch(/^Fra planens resultatramme/);
    expect(draft.nodes[1]!.live).toMatchObject({ type: 'indicator', latestValue: 24, onTrack: true });

    const cmp = await ok<TheoryComparison>(viewer.get(`${base()}/${draft.id}/comparison`));
    expect(cmp).toEqual({ unbacked: [], missingActivities: [], missingGoals: [], linkedCount: 3 });
  });

  it('compares an edited diagram: unbacked claims, and what of the framework is left out', async () => {
    const cross = await ok<TheoryDetail>(adminEn.post(`${base()}/draft`, { scope: 'crossCutting' }), 201);
    expect(cross.title).toBe('Cross-cutting theory of change');
    expect(cross.nodes.map((n) => n.label)).toEqual(
      expect.arrayContaining(['Gårdvandring', 'Større tryghed', 'Fritidsjobformidling']),
    );
    expect(cross.edges[0]!.rationale).toMatch(/^From the plan's results framework/);
    // Keep the job chain; drop the safety part; add an unlinked claim that leads nowhere.
    const keep = cross.nodes.filter((n) => !['Gårdvandring', 'Større tryghed'].includes(n.label));
    const ids = new Set(keep.map((n) => n.id));
    const saved = await ok<TheoryDetail>(
      admin.put(`${base()}/${cross.id}`, {
        version: cross.version,
        title: cross.title,
        nodes: [
          ...keep.map(({ live: _live, ...n }) => n),
          node('claim', 'longTermResult', 'Bedre trivsel blandt unge'),
        ],
        edges: [...cross.edges.filter((e) => ids.has(e.from) && ids.has(e.to))],
      }),
    );
    const cmp = await ok<TheoryComparison>(admin.get(`${base()}/${saved.id}/comparison`));
    expect(cmp.unbacked).toEqual([
      { nodeId: 'claim', label: 'Bedre trivsel blandt unge', kind: 'longTermResult' },
    ]);
    expect(cmp.missingActivities).toEqual([{ id: patrolId, name: 'Gårdvandring' }]);
    expect(cmp.missingGoals.map((g) => [g.title, g.level])).toEqual([['Større tryghed', 'impact']]);
    expect(cmp.linkedCount).toBe(3);
  });

  it('exports the diagram as a workbook of elements and arrows', async () => {
    const list = await ok<TheoryList>(admin.get(base()));
    const drafted = list.items.find((x) => x.title.startsWith('Forandringsteori:'))!;
    const res = await viewer.get(`${base()}/${drafted.id}/export?format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const [elements, arrows] = wb.worksheets;
    expect([elements!.name, arrows!.name]).toEqual(['Elementer', 'Pile']);
    expect(elements!.getRow(2).getCell(2).value).toBe('Aktivitet');
    expect(elements!.getRow(2).getCell(3).value).toBe('Fritidsjobformidling');
    expect(arrows!.getRow(1).values).toEqual(expect.arrayContaining(['Fra', 'Til', 'Begrundelse']));
    expect([arrows!.getRow(2).getCell(1).value, arrows!.getRow(2).getCell(2).value]).toEqual([
      'Fritidsjobformidling',
      'Flere unge i fritidsjob',
    ]);
    expect((await viewer.get(`${base()}/${drafted.id}/export?format=pdf`)).statusCode).toBe(400);
  });
});

describe('search across plans', () => {
  let otherReader: TestClient;
  beforeAll(async () => {
    const th = await ok<TheoryDetail>(
      admin.post(`/api/plans/${otherPlan.id}/theories`, {
        scope: 'focusArea',
        focusAreaId: otherPlan.focusAreas[0]!.id,
        title: 'Andenbys vej til job',
      }),
      201,
    );
    await ok(
      admin.put(`/api/plans/${otherPlan.id}/theories/${th.id}`, {
        version: 1,
        title: th.title,
        nodes: [
          node('f', 'activity', 'FRITIDSJOB i Netto'),
          node('x', 'output', 'Arbejdserfaring'),
          node('b', 'impact', 'Beskæftigelse'),
        ],
        edges: [edge('1', 'f', 'x'), edge('2', 'x', 'b')],
      }),
    );
    otherReader = await t.sessionClient(
      (await buildUser(t.db, { roles: [{ role: 'plan_viewer', planId: otherPlan.id }] })).id,
    );
  });

  it('finds paths from leisure jobs to employment in every plan the caller may read', async () => {
    const q = '/api/theories/search?fromText=fritidsjob&toText=besk%C3%A6ftigelse';
    const all = await ok<TheorySearchResult>(admin.get(q));
    const byPlan = all.paths.map((p) => [p.planName, p.nodes.map((n) => n.label).join(' → ')]);
    expect(byPlan).toEqual(
      expect.arrayContaining([
        ['Helhedsplan Andenby', 'FRITIDSJOB i Netto → Arbejdserfaring → Beskæftigelse'],
        [
          'Helhedsplan Forandringsparken',
          'Fritidsjobformidling → Flere unge i fritidsjob → Flere i beskæftigelse',
        ],
      ]),
    );
    // Each reader sees only the plans they may read.
    const own = await ok<TheorySearchResult>(viewer.get(q));
    expect(new Set(own.paths.map((p) => p.planName))).toEqual(new Set(['Helhedsplan Forandringsparken']));
    const other = await ok<TheorySearchResult>(otherReader.get(q));
    expect(other.paths.map((p) => p.theoryTitle)).toEqual(['Andenbys vej til job']);
    expect(other.nodes).toEqual([]);
  });

  it('finds nodes by kind, text (accents and case ignored) and focus area', async () => {
    const found = await ok<TheorySearchResult>(
      admin.get('/api/theories/search?kind=impact&text=BESKAEFTIGELSE'),
    );
    expect(new Set(found.nodes.map((n) => n.label))).toEqual(
      new Set(['Beskæftigelse', 'Flere i beskæftigelse']),
    );
    expect(found.nodes.every((n) => n.kind === 'impact')).toBe(true);
    const name = encodeURIComponent(otherPlan.focusAreas[0]!.nameDa);
    const inFocus = await ok<TheorySearchResult>(
      otherReader.get(`/api/theories/search?text=erfaring&focusArea=${name}`),
    );
    expect(inFocus.nodes.map((n) => [n.planName, n.label])).toEqual([
      ['Helhedsplan Andenby', 'Arbejdserfaring'],
    ]);
    expect((await ok<TheorySearchResult>(admin.get('/api/theories/search'))).nodes).toEqual([]);
    expect((await admin.get('/api/theories/search?kind=goal')).statusCode).toBe(400);
    expect((await t.anonymous.get('/api/theories/search?text=job')).statusCode).toBe(401);
  });
});

describe('random input', () => {
  it('never answers a save or a search with a server error, and stores only what the rules allow', async () => {
    const th = await ok<TheoryDetail>(admin.post(base(), { scope: 'crossCutting', title: 'Tilfældig' }), 201);
    let version = th.version;
    const id = fc.constantFrom('a', 'b', 'c', 'd', 'x y', '');
    const kind = fc.constantFrom('activity', 'output', 'impact', 'assumption', 'externalFactor', 'goal');
    const link = fc.oneof(
      fc.constant(null),
      fc.record({
        type: fc.constantFrom('activity', 'goal', 'indicator'),
        id: fc.constantFrom(activityId, impactId, indicatorId, otherActivityId, 'ikke-et-id'),
      }),
    );
    const nodeArb = fc.record({
      id,
      kind,
      label: fc.string({ maxLength: 6 }),
      x: fc.oneof(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), fc.constant(1e12)),
      y: fc.integer(),
      link,
    });
    const edgeArb = fc.record({ id, from: id, to: id, rationale: fc.string({ maxLength: 5 }) });
    await fc.assert(
      fc.asyncProperty(
        fc.array(nodeArb, { maxLength: 5 }),
        fc.array(edgeArb, { maxLength: 5 }),
        async (nodes, edges) => {
          const res = await admin.put(`${base()}/${th.id}`, { version, title: 'Tilfældig', nodes, edges });
          expect(res.statusCode, res.body).toBeLessThan(500);
          if (res.statusCode === 200) {
            version = (res.json() as TheoryDetail).version;
            const stored = res.json() as TheoryDetail;
            expect(validateDiagram(stored.nodes, stored.edges)).toEqual([]);
            expect(stored.nodes.every((n) => n.live?.type !== 'missing')).toBe(true);
          } else {
            expect(res.statusCode).toBe(400);
          }
        },
      ),
      { numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          kind: fc.string({ maxLength: 8 }),
          text: fc.string({ maxLength: 8 }),
          focusArea: fc.string({ maxLength: 8 }),
          fromText: fc.string({ maxLength: 4 }),
          toText: fc.string({ maxLength: 4 }),
        }),
        async (q) => {
          const res = await admin.get(`/api/theories/search?${new URLSearchParams(q).toString()}`);
          expect(res.statusCode, res.body).toBeLessThan(500);
        },
      ),
      { numRuns: 40 },
    );
  });
});
