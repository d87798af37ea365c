import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDetail } from '@pejling/contracts';
import {
  buildArea,
  buildHousingOrganisation,
  buildMunicipality,
  buildUser,
  poolWithFocusAreas,
} from './factories.js';
import { createTestApp, type TestApp, type TestClient } from './test-app.js';

let t: TestApp;
let admin: TestClient;
let adminEn: TestClient;
let formulaPlan: PlanDetail;
let plainPlan: PlanDetail;

const FORMULA = '=HYPERLINK("http://evil.example","klik")';

/** Reads semicolon-separated CSV with double-quote quoting, as spreadsheet programs do. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows;
}

async function readXlsx(payload: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

beforeAll(async () => {
  t = await createTestApp();
  const u = await buildUser(t.db, { isAdmin: true, name: '@admin' });
  admin = await t.sessionClient(u.id);
  adminEn = await t.sessionClient(u.id, { locale: 'en' });
  const pool = await poolWithFocusAreas(t.db);
  const m = await buildMunicipality(t.db, { name: '+45 Kommune' });
  const h = await buildHousingOrganisation(t.db, { name: '-Boligselskabet' });
  const mk = async (name: string, dwellings: number, amountOre: number, status: 'active' | 'draft') => {
    const a = await buildArea(t.db, { municipalityId: m.id, housingOrganisationId: h.id, dwellings });
    const res = await admin.post('/api/plans', {
      name,
      poolId: pool.id,
      municipalityId: m.id,
      housingOrganisationId: h.id,
      areaIds: [a.id],
      focusAreaIds: [pool.focusAreas[0]!.id],
      status,
      periodStart: '2020-01-01',
      periodEnd: '2023-12-31',
      grants: [{ poolId: pool.id, amountOre, startDate: '2020-01-01', endDate: '2023-12-31' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as PlanDetail;
  };
  formulaPlan = await mk(FORMULA, 1200, 250_000_050, 'active');
  plainPlan = await mk('Helhedsplan Ådalen; syd', 300, 99_000_000, 'draft');
});
afterAll(async () => t?.close());

describe('plan export as CSV', () => {
  it('is UTF-8 with BOM, semicolon-separated, with a Danish header and one row per plan', async () => {
    const res = await admin.get('/api/plans/export?format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="helhedsplaner-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = res.rawPayload.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe(
      'Helhedsplan;Status;Pulje;Kommune;Boligorganisation;Områdesekretariat;Lejemål;Størrelse (lejemål);Bevilget (kr.);Bevillinger;Bevillingsstørrelse;Periode start;Periode slut;Eksempeldata',
    );
    const rows = parseCsv(text);
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.length === 14)).toBe(true);
    const adalen = rows.find((r) => r[0] === 'Helhedsplan Ådalen; syd')!;
    expect(adalen).toEqual([
      'Helhedsplan Ådalen; syd',
      'Kladde',
      '2019-2026',
      "'+45 Kommune",
      "'-Boligselskabet",
      '',
      '300',
      '0-700',
      '990000',
      '1',
      'under 5 mio. kr.',
      '2020-01-01',
      '2023-12-31',
      'nej',
    ]);
    // Danish decimal comma for kroner with øre.
    const formulaRow = rows.find((r) => r[0]!.includes('HYPERLINK'))!;
    expect(formulaRow[8]).toBe('2500000,5');
    expect(formulaRow[7]).toBe('700-1.500');
  });

  it('neutralises a cell that starts with = so it is not run as a formula', async () => {
    const text = (await admin.get('/api/plans/export?format=csv')).body;
    const rows = parseCsv(text.replace(/^\uFEFF/, ''));
    expect(rows.map((r) => r[0])).toContain(`'${FORMULA}`);
    expect(rows.flat().some((cell) => /^[=+\-@]/.test(cell))).toBe(false);
  });

  it('has English headers and values for an English user', async () => {
    const text = (await adminEn.get('/api/plans/export?format=csv')).body.replace(/^\uFEFF/, '');
    const rows = parseCsv(text);
    expect(rows[0]!.slice(0, 3)).toEqual(['Plan', 'Status', 'Pool']);
    const adalen = rows.find((r) => r[0] === 'Helhedsplan Ådalen; syd')!;
    expect(adalen[1]).toBe('Draft');
    expect(adalen[10]).toBe('under DKK 5m');
    expect(adalen[13]).toBe('no');
    expect(rows.find((r) => r[0]!.includes('HYPERLINK'))![8]).toBe('2500000.5');
  });

  it('applies the list filters', async () => {
    const rows = parseCsv(
      (await admin.get('/api/plans/export?format=csv&status=draft')).body.replace(/^\uFEFF/, ''),
    );
    expect(rows.map((r) => r[0])).toEqual(['Helhedsplan', 'Helhedsplan Ådalen; syd']);
  });

  it('refuses an unknown format', async () => {
    const res = await admin.get('/api/plans/export?format=ods');
    expect(res.statusCode).toBe(400);
    expect((await admin.get('/api/plans/export')).statusCode).toBe(400);
  });
});

describe('plan export as .xlsx', () => {
  it('reads back with a header row and one row per plan', async () => {
    const res = await admin.get('/api/plans/export?format=xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toMatch(/filename="helhedsplaner-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const rows = await readXlsx(res.rawPayload);
    expect(rows).toHaveLength(3);
    expect(rows[0]!.slice(0, 4)).toEqual(['Helhedsplan', 'Status', 'Pulje', 'Kommune']);
    const adalen = rows.find((r) => r[0] === 'Helhedsplan Ådalen; syd')!;
    expect(adalen[6]).toBe(300);
    expect(adalen[8]).toBe(990_000);
    expect(adalen[13]).toBe('nej');
    expect(adalen[3]).toBe("'+45 Kommune");
  });

  it('stores a cell that starts with = as text with a leading apostrophe, never as a formula', async () => {
    const res = await admin.get('/api/plans/export?format=xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const names: unknown[] = [];
    ws.getColumn(1).eachCell((cell) => {
      expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      names.push(cell.value);
    });
    expect(names).toContain(`'${FORMULA}`);
    expect(res.rawPayload.includes(Buffer.from('<f>'))).toBe(false);
  });

  it('follows the scope of the caller', async () => {
    const viewer = await t.sessionClient(
      (await buildUser(t.db, { roles: [{ role: 'plan_viewer', planId: plainPlan.id }] })).id,
    );
    const rows = await readXlsx((await viewer.get('/api/plans/export?format=xlsx')).rawPayload);
    expect(rows.map((r) => r[0])).toEqual(['Helhedsplan', 'Helhedsplan Ådalen; syd']);
    expect(formulaPlan.id).toBeTruthy();
  });
});

describe('other exports neutralise formulas too', () => {
  it('the user list', async () => {
    const csv = parseCsv((await admin.get('/api/users/export?format=csv')).body.replace(/^\uFEFF/, ''));
    expect(csv.map((r) => r[0])).toContain("'@admin");
    const xlsx = await readXlsx((await admin.get('/api/users/export?format=xlsx')).rawPayload);
    expect(xlsx.map((r) => r[0])).toContain("'@admin");
  });

  it('the registry lists', async () => {
    const csv = parseCsv(
      (await admin.get('/api/municipalities/export?format=csv')).body.replace(/^\uFEFF/, ''),
    );
    expect(csv.map((r) => r[0])).toContain("'+45 Kommune");
    const xlsx = await readXlsx(
      (await admin.get('/api/housing-organisations/export?format=xlsx')).rawPayload,
    );
    expect(xlsx.map((r) => r[0])).toContain("'-Boligselskabet");
  });
});
