import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import type {
  CodingOut,
  ExchangeReport,
  SourceDetail,
  SourceSummary,
  StudyCaseOut,
  StudyCodeOut,
  StudyDetail,
} from '@pejling/contracts';
import { minimalDocx } from '../src/evaluation/bad-files.js';
import {
  buildArea,
  buildHousingOrganisation,
  buildMunicipality,
  buildPlan,
  buildUser,
  poolWithFocusAreas,
} from './factories.js';
import { createTestApp, type TestApp, type TestClient } from './test-app.js';

/**
 * Process evaluation through the API on the database under test: a study with its team, cases,
 * a pseudonymised transcript, codings at code-point positions, analysis, REFI-QDA round trip,
 * access (team only; fund and plan roles never), audit of every read of text, bad input refused
 * with nothing stored.
 */

let t: TestApp;
let anne: TestClient; // evaluator, starts the study
let bo: TestClient; // evaluator on the team, the second coder
let outsider: TestClient; // evaluator not on the team
let admin: TestClient;
let fund: TestClient;
let fundEvaluator: TestClient; // evaluator who also holds the fund role
let planEditor: TestClient;
let planId: string;
let study: StudyDetail;
let codes: StudyCodeOut[];
let caseA: StudyCaseOut;
let caseB: StudyCaseOut;
let source: SourceSummary;

const TRANSCRIPT = [
  'Interviewer: Hvordan er samarbejdet med kommunen?',
  'Anne Hansen: Styregruppen mødes hver måned på Ærø 😀 og det fungerer godt.',
  'Bo Jensen: Men rollefordelingen er uklar, og Annes kollega har cpr 010203-1234.',
  '',
].join('\r\n');

async function ok<T>(res: Promise<LightMyRequestResponse>, status = 200): Promise<T> {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
}

const schema = (name: string) => ({
  fileName: name,
  contents: readFileSync(new URL(`../src/evaluation/schemas/${name}`, import.meta.url), 'utf8'),
});
async function validate(xml: string, xsd: 'Project.xsd' | 'Codebook.xsd') {
  const result = await validateXML({
    xml: [{ fileName: 'document.xml', contents: xml }],
    schema: [schema(xsd)],
  });
  return result.errors.map((e) => e.message);
}

/** Code-point range of `needle` in `text`. */
function cp(text: string, needle: string) {
  const at = text.indexOf(needle);
  expect(at, needle).toBeGreaterThanOrEqual(0);
  const start = [...text.slice(0, at)].length;
  return { start, end: start + [...needle].length };
}

const code = (role: string) => codes.find((c) => c.role === role)!;
const studyUrl = () => `/api/evaluation/studies/${study.id}`;
const count = async (
  table: 'evaluationSources' | 'evaluationCodings' | 'evaluationStudies' | 'evaluationCodes',
) =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const auditEntries = (entityType: string) =>
  t.db
    .selectFrom('auditLog')
    .selectAll()
    .where('entityType', '=', entityType)
    .where('action', '=', 'read')
    .execute();

beforeAll(async () => {
  t = await createTestApp();
  const client = async (opts: Parameters<typeof buildUser>[1]) =>
    t.sessionClient((await buildUser(t.db, opts)).id);
  anne = await client({ name: 'Anne Evaluator', roles: [{ role: 'evaluator' }] });
  bo = await client({ name: 'Bo Evaluator', roles: [{ role: 'evaluator' }] });
  outsider = await client({ name: 'Udenfor', roles: [{ role: 'evaluator' }] });
  admin = await client({ name: 'Admin', isAdmin: true });
  fund = await client({ name: 'Fonden', roles: [{ role: 'fund' }] });
  fundEvaluator = await client({
    name: 'Fond og evaluator',
    roles: [{ role: 'fund' }, { role: 'evaluator' }],
  });
  const pool = await poolWithFocusAreas(t.db);
  const m = await buildMunicipality(t.db);
  const org = await buildHousingOrganisation(t.db, { municipalityId: m.id });
  const area = await buildArea(t.db, { municipalityId: m.id, housingOrganisationId: org.id });
  const plan = await buildPlan(t.db, {
    poolId: pool.id,
    municipalityId: m.id,
    housingOrganisationId: org.id,
    areaIds: [area.id],
    focusAreaIds: pool.focusAreas.slice(0, 2).map((f) => f.id),
  });
  planId = plan.id;
  planEditor = await client({ name: 'Redaktør', roles: [{ role: 'plan_editor', planId }] });
});

afterAll(async () => t?.close());

describe('studies', () => {
  it('are started by an evaluator with a team and a seeded codebook', async () => {
    study = await ok<StudyDetail>(
      anne.post('/api/evaluation/studies', {
        name: 'Procesevaluering 2026',
        question: 'Hvad fremmer og hæmmer implementeringen?',
        memberIds: [bo.userId],
      }),
      201,
    );
    expect(study.members.map((m) => m.name).sort()).toEqual(['Anne Evaluator', 'Bo Evaluator']);
    codes = (await ok<{ items: StudyCodeOut[] }>(anne.get(`${studyUrl()}/codes`))).items;
    const themes = codes.filter((c) => c.role?.startsWith('theme:')).map((c) => c.name);
    expect(themes).toEqual([
      'Projektorganisering',
      'Samarbejdsformer',
      'Styring',
      'Arbejdsmetoder',
      'Koordinering',
    ]);
    expect(code('driver').name).toBe('Drivkraft');
    expect(code('barrier').name).toBe('Barriere');
    expect(codes.filter((c) => c.role?.startsWith('marker:'))).toHaveLength(5);
    expect(codes.filter((c) => c.parentId === code('markers').id)).toHaveLength(5);
    expect(codes.filter((c) => c.role?.startsWith('focus_area:')).length).toBeGreaterThan(0);
  });

  it('refuse a team member who is not an evaluator, and a creator without the role', async () => {
    const plain = await buildUser(t.db, { name: 'Almindelig' });
    const r = await anne.post('/api/evaluation/studies', { name: 'X', memberIds: [plain.id] });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details[0].path).toBe('memberIds.1');
    expect((await fund.post('/api/evaluation/studies', { name: 'Fondens' })).statusCode).toBe(403);
    expect((await planEditor.post('/api/evaluation/studies', { name: 'Planens' })).statusCode).toBe(403);
    expect((await fundEvaluator.post('/api/evaluation/studies', { name: 'Blandet' })).statusCode).toBe(403);
  });

  it('are listed to their team only', async () => {
    const mine = await ok<{ items: { id: string }[] }>(bo.get('/api/evaluation/studies'));
    expect(mine.items.map((s) => s.id)).toContain(study.id);
    for (const c of [outsider, fund, planEditor, fundEvaluator]) {
      const r = await ok<{ items: { id: string }[] }>(c.get('/api/evaluation/studies'));
      expect(r.items.map((s) => s.id)).not.toContain(study.id);
    }
  });
});

describe('cases, data collections and transcripts', () => {
  it('adds cases for a plan and for a named area', async () => {
    caseA = await ok<StudyCaseOut>(anne.post(`${studyUrl()}/cases`, { name: 'Solbakken', planId }), 201);
    caseB = await ok<StudyCaseOut>(anne.post(`${studyUrl()}/cases`, { name: 'Vestparken' }), 201);
    expect(caseA.planId).toBe(planId);
    const bad = await anne.post(`${studyUrl()}/cases`, {
      name: 'Ukendt',
      planId: '0190f5a0-0000-7000-8000-000000000999',
    });
    expect(bad.statusCode).toBe(400);
  });

  it('records a focus group with participants by respondent group and consent', async () => {
    const dc = await ok<{ id: string; participants: Record<string, number>; consentRecorded: boolean }>(
      anne.post(`${studyUrl()}/data-collections`, {
        caseId: caseA.id,
        kind: 'focus_group',
        title: 'Fokusgruppe Solbakken',
        date: '2026-03-02',
        participants: { project_leader: 1, steering_group: 3, resident_board: 2 },
        consentRecorded: true,
      }),
      201,
    );
    expect(dc.participants.steering_group).toBe(3);
    expect(dc.consentRecorded).toBe(true);
    const list = await ok<{ items: unknown[] }>(anne.get(`${studyUrl()}/data-collections`));
    expect(list.items).toHaveLength(1);
    (globalThis as Record<string, unknown>).collectionId = dc.id;
  });

  it('stores a Windows-1252 transcript as NFC with LF, names pseudonymised and only counts kept', async () => {
    const bytes = Buffer.from(TRANSCRIPT.replace(' 😀', ''), 'latin1');
    source = await ok<SourceSummary>(
      anne.post(`${studyUrl()}/sources`, {
        caseId: caseA.id,
        dataCollectionId: (globalThis as Record<string, unknown>).collectionId,
        filename: 'fokusgruppe.txt',
        contentBase64: bytes.toString('base64'),
        pseudonyms: [
          { name: 'Anne Hansen', pseudonym: 'Deltager A' },
          { name: 'Anne', pseudonym: 'Deltager A' },
          { name: 'Bo Jensen', pseudonym: 'Deltager B' },
        ],
      }),
      201,
    );
    expect(source.encoding).toBe('windows-1252');
    expect(source.pseudonymisation).toEqual({ names: 3, replacements: 3, cprNumbers: 1 });
    const row = await t.db
      .selectFrom('evaluationSources')
      .selectAll()
      .where('id', '=', source.id)
      .executeTakeFirstOrThrow();
    expect(row.text).not.toMatch(/Anne|Jensen|\r|010203/);
    expect(row.text).toContain('Deltager A: Styregruppen');
    expect(row.text).toContain('Deltager As kollega');
    expect(JSON.stringify(row)).not.toContain('Hansen');
  });

  it('stores a UTF-8 transcript with an emoji and a .docx, and reads each with speaker turns (audited)', async () => {
    const utf8 = await ok<SourceSummary>(
      anne.post(`${studyUrl()}/sources`, {
        caseId: caseB.id,
        filename: 'interview.txt',
        contentBase64: Buffer.from(TRANSCRIPT, 'utf8').toString('base64'),
        pseudonyms: [{ name: 'Anne Hansen', pseudonym: 'Deltager A' }],
      }),
      201,
    );
    expect(utf8.encoding).toBe('utf-8');
    const docx = await ok<SourceSummary>(
      anne.post(`${studyUrl()}/sources`, {
        kind: 'document',
        filename: 'referat.docx',
        contentBase64: minimalDocx(['Referat fra styregruppen', 'Beslutning: mere samarbejde']).toString(
          'base64',
        ),
      }),
      201,
    );
    expect(docx.encoding).toBe('docx');
    const before = (await auditEntries('evaluation_source')).length;
    const detail = await ok<SourceDetail>(anne.get(`${studyUrl()}/sources/${utf8.id}?purpose=review`));
    expect(detail.text).toContain('😀');
    expect(detail.turns.map((x) => x.speaker)).toEqual(['Interviewer', 'Deltager A', 'Bo Jensen']);
    expect(detail.length).toBe([...detail.text].length);
    const after = await auditEntries('evaluation_source');
    expect(after.length).toBe(before + 1);
    expect(JSON.parse(after.at(-1)!.afterJson!)).toMatchObject({ purpose: 'review' });
  });

  it('refuses a transcript in an unknown encoding, an unknown type and bad base64, storing nothing', async () => {
    const sources = await count('evaluationSources');
    const cp850 = Buffer.from([0x56, 0x69, 0x20, 0x9d, 0x6c, 0x20, 0x70, 0xe5, 0x0a]);
    const r1 = await anne.post(`${studyUrl()}/sources`, {
      filename: 'dos.txt',
      contentBase64: cp850.toString('base64'),
    });
    expect(r1.statusCode).toBe(400);
    expect(r1.json().error.code).toBe('evaluation_file_refused');
    expect(r1.json().error.message).toMatch(/tegnsæt|kodning|encoding/i);
    const r2 = await anne.post(`${studyUrl()}/sources`, { filename: 'lyd.mp3', contentBase64: 'AAAA' });
    expect(r2.statusCode).toBe(400);
    expect(r2.json().error.code).toBe('evaluation_file_refused');
    const r3 = await anne.post(`${studyUrl()}/sources`, { filename: 'a.txt', contentBase64: '***' });
    expect(r3.statusCode).toBe(400);
    expect(await count('evaluationSources')).toBe(sources);
  });
});

let text: string;
let codings: CodingOut[] = [];

describe('codes and codings', () => {
  it('codes passages at code-point positions and returns the coded text', async () => {
    text = (await ok<SourceDetail>(anne.get(`${studyUrl()}/sources/${source.id}`))).text;
    const steering = cp(text, 'Styregruppen mødes hver måned på Ærø');
    const unclear = cp(text, 'rollefordelingen er uklar');
    const a = await ok<{ items: CodingOut[] }>(
      anne.post(`${studyUrl()}/codings`, {
        sourceId: source.id,
        codeIds: [code('theme:project_organisation').id, code('driver').id],
        ...steering,
      }),
      201,
    );
    expect(a.items.map((c) => c.text)).toEqual([
      'Styregruppen mødes hver måned på Ærø',
      'Styregruppen mødes hver måned på Ærø',
    ]);
    const b = await ok<{ items: CodingOut[] }>(
      anne.post(`${studyUrl()}/codings`, {
        sourceId: source.id,
        codeIds: [code('theme:collaboration').id, code('barrier').id],
        ...unclear,
      }),
      201,
    );
    // Bo codes the same passage a little differently, for the agreement.
    await ok(
      bo.post(`${studyUrl()}/codings`, {
        sourceId: source.id,
        codeIds: [code('theme:project_organisation').id],
        start: steering.start,
        end: steering.end - 9,
      }),
      201,
    );
    codings = [...a.items, ...b.items];
    expect(codings[0]!.coderName).toBe('Anne Evaluator');
  });

  it('refuses positions outside the text and grouping codes, storing nothing', async () => {
    const before = await count('evaluationCodings');
    const len = [...text].length;
    const r = await anne.post(`${studyUrl()}/codings`, {
      sourceId: source.id,
      codeIds: [code('driver').id],
      start: len - 2,
      end: len + 5,
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details[0].message).toContain(`${len}`);
    const r2 = await anne.post(`${studyUrl()}/codings`, {
      sourceId: source.id,
      codeIds: [code('driver').id],
      start: 5,
      end: 5,
    });
    expect(r2.statusCode).toBe(400);
    const r3 = await anne.post(`${studyUrl()}/codings`, {
      sourceId: source.id,
      codeIds: [code('driver').id, code('markers').id],
      start: 0,
      end: 5,
    });
    expect(r3.statusCode).toBe(400);
    expect(r3.json().error.details[0].path).toBe('codeIds.1');
    expect(await count('evaluationCodings')).toBe(before);
  });

  it('moves, merges and deletes codes without losing codings', async () => {
    const parent = await ok<StudyCodeOut>(
      anne.post(`${studyUrl()}/codes`, { name: 'Organisering', color: '#aabbcc' }),
      201,
    );
    expect(parent.color).toBe('#AABBCC');
    const child = await ok<StudyCodeOut>(
      anne.post(`${studyUrl()}/codes`, { name: 'Netværk', parentId: parent.id }),
      201,
    );
    const free = await ok<StudyCodeOut>(anne.post(`${studyUrl()}/codes`, { name: 'Fri kode' }), 201);
    const cycle = await anne.post(`${studyUrl()}/codes/${parent.id}/move`, { parentId: child.id });
    expect(cycle.statusCode).toBe(400);
    const moved = await ok<StudyCodeOut>(
      anne.post(`${studyUrl()}/codes/${free.id}/move`, { parentId: parent.id }),
    );
    expect(moved.parentId).toBe(parent.id);
    await ok(
      anne.post(`${studyUrl()}/codings`, { sourceId: source.id, codeIds: [free.id], start: 0, end: 11 }),
      201,
    );
    await ok(
      anne.post(`${studyUrl()}/codings`, { sourceId: source.id, codeIds: [child.id], start: 0, end: 11 }),
      201,
    );
    const inUse = await anne.delete(`${studyUrl()}/codes/${free.id}`);
    expect(inUse.statusCode).toBe(409);
    const merged = await ok<{ into: StudyCodeOut; moved: number; droppedDuplicates: number }>(
      anne.post(`${studyUrl()}/codes/${free.id}/merge`, { intoId: child.id }),
    );
    expect(merged).toMatchObject({ moved: 0, droppedDuplicates: 1 });
    expect(merged.into.codingCount).toBe(1);
    const hasChildren = await anne.delete(`${studyUrl()}/codes/${parent.id}`);
    expect(hasChildren.statusCode).toBe(409);
    expect((await anne.delete(`${studyUrl()}/codes/${free.id}`)).statusCode).toBe(404);
    codes = (await ok<{ items: StudyCodeOut[] }>(anne.get(`${studyUrl()}/codes`))).items;
  });

  it('lists codings with their text (audited with the purpose)', async () => {
    const before = (await auditEntries('evaluation_codings')).length;
    const r = await ok<{ items: CodingOut[] }>(
      anne.get(`${studyUrl()}/codings?sourceId=${source.id}&purpose=analysis`),
    );
    expect(r.items.length).toBeGreaterThanOrEqual(5);
    expect((await auditEntries('evaluation_codings')).length).toBe(before + 1);
  });
});

describe('analysis', () => {
  it('counts the case × code matrix, drivers and barriers, co-occurrence and quotes', async () => {
    const m = await ok<{ rows: { caseId: string; cells: { codeId: string; cell: { count: number } }[] }[] }>(
      anne.get(`${studyUrl()}/analysis/matrix`),
    );
    const rowA = m.rows.find((r) => r.caseId === caseA.id)!;
    expect(rowA.cells.find((c) => c.codeId === code('theme:project_organisation').id)!.cell.count).toBe(2);
    const db = await ok<{
      themes: {
        themeCodeId: string;
        cases: { caseId: string; drivers: { count: number }; barriers: { count: number } }[];
      }[];
    }>(anne.get(`${studyUrl()}/analysis/drivers-barriers`));
    const org = db.themes.find((x) => x.themeCodeId === code('theme:project_organisation').id)!;
    expect(org.cases.find((c) => c.caseId === caseA.id)!.drivers.count).toBe(1);
    const col = db.themes.find((x) => x.themeCodeId === code('theme:collaboration').id)!;
    expect(col.cases.find((c) => c.caseId === caseA.id)!.barriers.count).toBe(1);
    const co = await ok<{ items: { codeA: string; codeB: string; count: number }[] }>(
      anne.get(`${studyUrl()}/analysis/co-occurrence`),
    );
    expect(co.items.length).toBeGreaterThan(0);
    const before = (await auditEntries('evaluation_quotes')).length;
    const q = await ok<{ items: { text: string }[]; total: number }>(
      anne.get(
        `${studyUrl()}/analysis/quotes?codeId=${code('barrier').id}&respondentGroup=steering_group&caseId=${caseA.id}`,
      ),
    );
    expect(q.items.map((i) => i.text)).toEqual(['rollefordelingen er uklar']);
    const none = await ok<{ total: number }>(
      anne.get(`${studyUrl()}/analysis/quotes?respondentGroup=municipal_partners`),
    );
    expect(none.total).toBe(0);
    const audits = await auditEntries('evaluation_quotes');
    expect(audits.length).toBe(before + 2);
    expect(JSON.parse(audits.at(-1)!.afterJson!)).toMatchObject({
      criteria: { respondentGroup: 'municipal_partners' },
    });
  });

  it('computes inter-coder agreement between two coders on one source', async () => {
    const coders = await ok<{ items: { id: string; name: string }[] }>(anne.get(`${studyUrl()}/coders`));
    const a = coders.items.find((c) => c.name === 'Anne Evaluator')!;
    const b = coders.items.find((c) => c.name === 'Bo Evaluator')!;
    const r = await ok<{
      rows: {
        codeId: string;
        percent: number;
        kappa: number;
        differences: { start: number; end: number; codedBy: string }[];
      }[];
    }>(anne.get(`${studyUrl()}/analysis/agreement?sourceId=${source.id}&coderA=${a.id}&coderB=${b.id}`));
    const row = r.rows.find((x) => x.codeId === code('theme:project_organisation').id)!;
    const len = [...text].length;
    expect(row.percent).toBeCloseTo(((len - 9) / len) * 100, 6);
    expect(row.differences).toEqual([
      {
        start: cp(text, 'Styregruppen mødes hver måned på Ærø').end - 9,
        end: cp(text, 'Styregruppen mødes hver måned på Ærø').end,
        codedBy: 'a',
      },
    ]);
  });

  it('keeps memos and a framework-matrix cell with its quotes', async () => {
    await ok(
      anne.post(`${studyUrl()}/memos`, {
        targetKind: 'code',
        targetId: code('barrier').id,
        title: 'Om barrierer',
        text: 'Se især roller.',
      }),
      201,
    );
    await ok(
      anne.post(`${studyUrl()}/memos`, {
        targetKind: 'coding',
        targetId: codings[0]!.id,
        title: 'Citat',
        text: 'Godt citat.',
      }),
      201,
    );
    const bad = await anne.post(`${studyUrl()}/memos`, {
      targetKind: 'case',
      targetId: codings[0]!.id,
      title: 'x',
      text: 'y',
    });
    expect(bad.statusCode).toBe(400);
    const cell = await ok<{ summary: string; quoteCodingIds: string[] }>(
      anne.put(`${studyUrl()}/framework/${caseA.id}/${code('theme:project_organisation').id}`, {
        summary: 'Styregruppen er central.',
        quoteCodingIds: [codings[0]!.id],
      }),
    );
    expect(cell.quoteCodingIds).toEqual([codings[0]!.id]);
    const fw = await ok<{ themes: unknown[]; cells: unknown[] }>(anne.get(`${studyUrl()}/framework`));
    expect(fw.themes).toHaveLength(5);
    expect(fw.cells).toHaveLength(1);
  });
});

describe('REFI-QDA exchange', () => {
  let qdpx: Buffer;

  it('exports a .qdpx and a .qdc that validate against the schemas (the export audited)', async () => {
    const before = (await auditEntries('evaluation_study')).length;
    const r = await anne.get(`${studyUrl()}/export/qdpx`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-disposition']).toContain('.qdpx');
    qdpx = r.rawPayload;
    const files = unzipSync(qdpx);
    expect(await validate(new TextDecoder().decode(files['project.qde']!), 'Project.xsd')).toEqual([]);
    expect((await auditEntries('evaluation_study')).length).toBe(before + 1);
    const qdc = await anne.get(`${studyUrl()}/export/qdc`);
    expect(qdc.statusCode).toBe(200);
    expect(await validate(qdc.body, 'Codebook.xsd')).toEqual([]);
  });

  it('imports the export into a new study with identical codes, cases, sources, codings and positions', async () => {
    const report = await ok<ExchangeReport>(
      bo.request({
        method: 'POST',
        url: '/api/evaluation/import-qdpx?name=Kopi',
        payload: qdpx,
        headers: { 'content-type': 'application/octet-stream' },
      }),
      201,
    );
    expect(report.skipped).toEqual([]);
    const copy = `/api/evaluation/studies/${report.studyId}`;
    const snapshot = async (client: TestClient, url: string) => {
      const cs = (await ok<{ items: StudyCodeOut[] }>(client.get(`${url}/codes`))).items;
      const byId = new Map(cs.map((c) => [c.id, c]));
      const path = (id: string | null): string =>
        id ? `${path(byId.get(id)!.parentId)}/${byId.get(id)!.name}` : '';
      const cases = (await ok<{ items: StudyCaseOut[] }>(client.get(`${url}/cases`))).items;
      const caseName = new Map(cases.map((c) => [c.id, c.name]));
      const sources = (await ok<{ items: SourceSummary[] }>(client.get(`${url}/sources`))).items;
      const srcs = await Promise.all(
        sources.map((s) => ok<SourceDetail>(client.get(`${url}/sources/${s.id}`))),
      );
      const srcName = new Map(srcs.map((s) => [s.id, s.name]));
      const ks = (await ok<{ items: CodingOut[] }>(client.get(`${url}/codings`))).items;
      return {
        codes: cs.map((c) => [path(c.id), c.description, c.color, c.codable]).sort(),
        cases: cases.map((c) => c.name).sort(),
        sources: srcs.map((s) => [s.name, s.caseId ? caseName.get(s.caseId) : null, s.text]).sort(),
        codings: ks
          .map((k) =>
            [srcName.get(k.sourceId), path(k.codeId), k.start, k.end, k.coderName, k.text].join('|'),
          )
          .sort(),
      };
    };
    const original = await snapshot(anne, studyUrl());
    const imported = await snapshot(bo, copy);
    expect(imported).toEqual(original);
    expect(imported.codings.length).toBeGreaterThanOrEqual(6);
    const copyStudy = await ok<StudyDetail>(bo.get(copy));
    expect(copyStudy.name).toBe('Kopi');
    expect(copyStudy.members.map((m) => m.name)).toEqual(['Bo Evaluator']);
  });

  it('adds a .qdc to a study, keeping codes it already has', async () => {
    const qdc = (await anne.get(`${studyUrl()}/export/qdc`)).body;
    const codesBefore = await count('evaluationCodes');
    const r = await ok<ExchangeReport>(
      anne.request({
        method: 'POST',
        url: `${studyUrl()}/import-qdc`,
        payload: qdc,
        headers: { 'content-type': 'application/xml' },
      }),
    );
    expect(r.imported.codes).toBe(0);
    expect(await count('evaluationCodes')).toBe(codesBefore);
  });

  it('refuses a file that is not a zip, and a project with positions outside the text, storing nothing', async () => {
    const studies = await count('evaluationStudies');
    const sources = await count('evaluationSources');
    const r = await anne.request({
      method: 'POST',
      url: '/api/evaluation/import-qdpx',
      payload: Buffer.from('dette er ikke en zip'),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('evaluation_file_refused');
    expect(r.json().error.message).toMatch(/zip/i);
    const empty = await anne.request({
      method: 'POST',
      url: '/api/evaluation/import-qdpx',
      payload: Buffer.alloc(0),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(empty.statusCode).toBe(400);
    expect(await count('evaluationStudies')).toBe(studies);
    expect(await count('evaluationSources')).toBe(sources);
  });
});

describe('files written the way other tools write them, and hostile ones', () => {
  const bad = (name: string) => readFileSync(new URL(`../../bench/bad-files/${name}`, import.meta.url));
  const upload = (client: TestClient, bytes: Buffer) =>
    client.request({
      method: 'POST',
      url: '/api/evaluation/import-qdpx',
      payload: bytes,
      headers: { 'content-type': 'application/octet-stream' },
    });

  it('imports a project with selections outside the text, reporting each one skipped', async () => {
    const report = await ok<ExchangeReport>(upload(anne, bad('qdpx-positions-outside-text.qdpx')), 201);
    const outside = report.skipped.filter((s) => s.reason === 'position_outside_text');
    expect(outside).toHaveLength(2);
    expect(outside[0]!.message).toMatch(/uden for kildens tekst/);
    const codings = await ok<{ items: CodingOut[] }>(
      anne.get(`/api/evaluation/studies/${report.studyId}/codings`),
    );
    expect(codings.items).toHaveLength(report.imported.codings);
  });

  it('refuses a project declaring a DOCTYPE, and one with a path outside the archive, storing nothing', async () => {
    const studies = await count('evaluationStudies');
    for (const [file, problem] of [
      ['qdpx-doctype-entities.qdpx', /DOCTYPE/],
      ['qdpx-path-traversal.qdpx', /./],
    ] as const) {
      const r = await upload(anne, bad(file));
      expect(r.statusCode, file).toBe(400);
      expect(r.json().error.code).toBe('evaluation_file_refused');
      expect(r.json().error.message).toMatch(problem);
    }
    expect(await count('evaluationStudies')).toBe(studies);
  });
});

describe('access', () => {
  it('refuses everyone off the team, the fund and plan roles on every study route, with no audit entry', async () => {
    const ids: Record<string, string> = {
      studyId: study.id,
      caseId: caseA.id,
      collectionId: String((globalThis as Record<string, unknown>).collectionId),
      sourceId: source.id,
      codeId: code('driver').id,
      codingId: codings[0]!.id,
      memoId: '0190f5a0-0000-7000-8000-000000000777',
      themeCodeId: code('theme:steering').id,
    };
    const routes = t.app.routeList.filter(
      (r) => r.url.startsWith('/api/evaluation/studies/:studyId') && r.method !== 'HEAD',
    );
    expect(routes.length).toBeGreaterThan(30);
    const auditBefore = Number(
      (
        await t.db
          .selectFrom('auditLog')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    for (const client of [outsider, fund, planEditor, fundEvaluator]) {
      for (const r of routes) {
        const url = r.url.replace(/:(\w+)/g, (_, k: string) => ids[k]!);
        const query = url.includes('/agreement')
          ? `?sourceId=${source.id}&coderA=${study.id}&coderB=${study.id}`
          : '';
        const res = await client.request({ method: r.method as 'GET', url: url + query, payload: {} });
        expect([400, 403], `${r.method} ${r.url}: ${res.statusCode} ${res.body}`).toContain(res.statusCode);
        if (res.statusCode === 400) expect(res.json().error.code).toBe('validation_failed');
        expect(res.body).not.toContain('Styregruppen');
      }
    }
    const auditAfter = Number(
      (
        await t.db
          .selectFrom('auditLog')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(auditAfter).toBe(auditBefore);
  });

  it('lets an administrator manage the study but not read its text', async () => {
    const s = await ok<StudyDetail>(admin.get(studyUrl()));
    expect(s.members).toHaveLength(2);
    expect((await admin.get(`${studyUrl()}/sources/${source.id}`)).statusCode).toBe(403);
    expect((await admin.get(`${studyUrl()}/codings`)).statusCode).toBe(403);
    expect((await admin.get(`${studyUrl()}/export/qdpx`)).statusCode).toBe(403);
  });

  it('keeps a member from leaving the team by mistake, and lets the team change it', async () => {
    const r = await anne.put(studyUrl(), {
      name: study.name,
      question: null,
      memberIds: [bo.userId],
      version: study.version,
    });
    expect(r.statusCode).toBe(400);
    const updated = await ok<StudyDetail>(
      anne.put(studyUrl(), {
        name: 'Procesevaluering',
        question: null,
        memberIds: [anne.userId, bo.userId, outsider.userId],
        version: study.version,
      }),
    );
    expect(updated.members).toHaveLength(3);
    expect((await outsider.get(`${studyUrl()}/sources/${source.id}`)).statusCode).toBe(200);
    const stale = await anne.put(studyUrl(), {
      name: 'X',
      question: null,
      memberIds: [anne.userId],
      version: study.version,
    });
    expect(stale.statusCode).toBe(409);
  });
});
