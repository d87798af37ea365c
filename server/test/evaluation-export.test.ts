import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodingOut, SourceSummary, StudyCaseOut, StudyCodeOut, StudyDetail } from '@pejling/contracts';
import { buildUser } from './factories.js';
import { createTestApp, type TestApp, type TestClient } from './test-app.js';

/**
 * Analysis exports through the API: each analysis to .xlsx, the framework matrix and quotes to
 * Word. The files open and hold the coded text; only the study's team gets them, and every
 * export is audited with the purpose `export`.
 */

let t: TestApp;
let anne: TestClient;
let annEn: TestClient;
let outsider: TestClient;
let fund: TestClient;
let study: StudyDetail;
let codes: StudyCodeOut[];
let caseA: StudyCaseOut;
let source: SourceSummary;
let quote: CodingOut;

const TEXT =
  'Interviewer: Hvordan går styringen?\nAnne: Styregruppen på Ærø 😀 mødes hver måned, og det er en drivkraft.\n';
const base = () => `/api/evaluation/studies/${study.id}`;
const code = (role: string) => codes.find((c) => c.role === role)!;
function cp(text: string, needle: string) {
  const at = text.indexOf(needle);
  const start = [...text.slice(0, at)].length;
  return { start, end: start + [...needle].length };
}
async function workbook(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}
const cells = (ws: ExcelJS.Worksheet) => {
  const out: string[] = [];
  ws.eachRow((r) => r.eachCell((c) => out.push(String(c.value))));
  return out;
};
const docText = (bytes: Buffer) => strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!);

beforeAll(async () => {
  t = await createTestApp();
  const user = async (name: string, roles: { role: string }[]) =>
    (await buildUser(t.db, { name, roles: roles as never })).id;
  const anneId = await user('Anne Evaluator', [{ role: 'evaluator' }]);
  anne = await t.sessionClient(anneId);
  annEn = await t.sessionClient(anneId, { locale: 'en' });
  outsider = await t.sessionClient(await user('Udenfor', [{ role: 'evaluator' }]));
  fund = await t.sessionClient(await user('Fonden', [{ role: 'fund' }]));
  study = (await anne.post('/api/evaluation/studies', { name: 'Eksportundersøgelse' })).json();
  codes = (await anne.get(`${base()}/codes`)).json().items;
  caseA = (await anne.post(`${base()}/cases`, { name: 'Solbakken' })).json();
  source = (
    await anne.post(`${base()}/sources`, {
      caseId: caseA.id,
      filename: 'interview.txt',
      contentBase64: Buffer.from(TEXT).toString('base64'),
    })
  ).json();
  const passage = 'Styregruppen på Ærø 😀 mødes hver måned';
  const r = await anne.post(`${base()}/codings`, {
    sourceId: source.id,
    codeIds: [code('theme:steering').id, code('driver').id],
    ...cp(TEXT, passage),
  });
  expect(r.statusCode, r.body).toBe(201);
  quote = r.json().items[0];
  expect(quote.text).toBe(passage);
  const f = await anne.put(`${base()}/framework/${caseA.id}/${code('theme:steering').id}`, {
    summary: 'Styregruppen mødes fast og driver arbejdet.',
    quoteCodingIds: [quote.id],
  });
  expect(f.statusCode, f.body).toBe(200);
});
afterAll(async () => t?.close());

describe('analysis exports', () => {
  it('case × code matrix to .xlsx with the coded text behind it', async () => {
    const r = await anne.get(`${base()}/analysis/matrix/export?format=xlsx`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-disposition']).toMatch(/case-kode-matrix-.*\.xlsx/);
    const wb = await workbook(r.rawPayload);
    const matrix = wb.worksheets[0]!;
    expect(matrix.getRow(1).getCell(1).value).toBe('Case');
    const header = (matrix.getRow(1).values as unknown[]).map(String);
    const col = header.indexOf(code('driver').name);
    expect(col).toBeGreaterThan(1);
    expect(matrix.getRow(2).getCell(1).value).toBe('Solbakken');
    expect(matrix.getRow(2).getCell(col).value).toBe(1);
    expect(wb.worksheets[1]!.name).toBe('Kodet tekst');
    expect(cells(wb.worksheets[1]!)).toContain('Styregruppen på Ærø 😀 mødes hver måned');
    const en = await workbook((await annEn.get(`${base()}/analysis/matrix/export`)).rawPayload);
    expect(en.worksheets[1]!.name).toBe('Coded text');
  });

  it('drivers and barriers, and co-occurrence, to .xlsx', async () => {
    const d = await anne.get(`${base()}/analysis/drivers-barriers/export`);
    expect(d.statusCode, d.body).toBe(200);
    const dw = (await workbook(d.rawPayload)).worksheets[0]!;
    const steering = code('theme:steering').name;
    const rows: unknown[][] = [];
    dw.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows).toContainEqual([steering, 'Solbakken', 1, 0]);
    const c = await anne.get(`${base()}/analysis/co-occurrence/export`);
    expect(c.statusCode, c.body).toBe(200);
    const cw = (await workbook(c.rawPayload)).worksheets[0]!;
    expect(cells(cw)).toEqual(expect.arrayContaining([steering, code('driver').name, '1']));
  });

  it('quotes with filters to .xlsx and to Word', async () => {
    const x = await anne.get(`${base()}/analysis/quotes/export?format=xlsx&codeId=${code('driver').id}`);
    expect(x.statusCode, x.body).toBe(200);
    expect(cells((await workbook(x.rawPayload)).worksheets[0]!)).toContain(
      'Styregruppen på Ærø 😀 mødes hver måned',
    );
    const w = await anne.get(`${base()}/analysis/quotes/export?format=docx&caseId=${caseA.id}`);
    expect(w.statusCode, w.body).toBe(200);
    expect(w.headers['content-type']).toContain('wordprocessingml');
    const xml = docText(w.rawPayload);
    expect(xml).toContain('Styregruppen på Ærø 😀 mødes hver måned');
    expect(xml).toContain('Case: Solbakken');
    const bad = await anne.get(`${base()}/analysis/quotes/export?format=pdf`);
    expect(bad.statusCode).toBe(400);
  });

  it('the framework matrix to .xlsx and to Word, with its quotes', async () => {
    const x = await anne.get(`${base()}/framework/export?format=xlsx`);
    expect(x.statusCode, x.body).toBe(200);
    const all = cells((await workbook(x.rawPayload)).worksheets[0]!);
    expect(all).toContain('Styregruppen mødes fast og driver arbejdet.');
    expect(all.some((c) => c.includes('Styregruppen på Ærø 😀'))).toBe(true);
    const w = await anne.get(`${base()}/framework/export?format=docx`);
    expect(w.statusCode, w.body).toBe(200);
    const xml = docText(w.rawPayload);
    expect(xml).toContain('Framework-matrix: Eksportundersøgelse');
    expect(xml).toContain('Styregruppen mødes fast og driver arbejdet.');
    expect(xml).toContain('Styregruppen på Ærø 😀 mødes hver måned');
  });

  it('are refused to anyone off the team and audited as exports', async () => {
    const urls = [
      '/analysis/matrix/export',
      '/analysis/drivers-barriers/export',
      '/analysis/co-occurrence/export',
      '/analysis/quotes/export?format=docx',
      '/framework/export?format=docx',
    ];
    for (const u of urls) {
      expect((await outsider.get(`${base()}${u}`)).statusCode, u).toBe(403);
      expect((await fund.get(`${base()}${u}`)).statusCode, u).toBe(403);
      expect(
        (await anne.get(`/api/evaluation/studies/0190f5a0-0000-7000-8000-000000000999${u}`)).statusCode,
        u,
      ).toBe(404);
    }
    const audited = await t.db
      .selectFrom('auditLog')
      .select(['entityType', 'afterJson'])
      .where('action', '=', 'read')
      .execute();
    const exports = audited.filter((a) => String(a.afterJson).includes('"export"')).map((a) => a.entityType);
    expect(exports).toEqual(
      expect.arrayContaining([
        'evaluation_matrix',
        'evaluation_drivers_barriers',
        'evaluation_co_occurrence',
        'evaluation_quotes',
        'evaluation_framework',
      ]),
    );
  });
});
