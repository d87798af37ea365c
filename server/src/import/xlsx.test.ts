import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTable } from './read-table.js';
import type { ReadTableOptions, TableOk, TableResult } from './read-table.js';
import { buildZip, deflatedZeros, inlineRow, sheetXml, xlsxParts } from './test-files.js';
import { formatDate, formatNumber } from './xlsx.js';
import { parseDanishDate, parseDanishNumber } from './values.js';

const limits: ReadTableOptions = { maxBytes: 5_000_000, maxRows: 1000, maxColumns: 50 };

async function read(bytes: Uint8Array, options: Partial<ReadTableOptions> = {}) {
  return readTable({ bytes, filename: 'data.xlsx' }, { ...limits, ...options });
}

function ok(result: TableResult): TableOk {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.problems)}`);
  return result;
}

function codes(result: TableResult): string[] {
  return result.ok ? [] : result.problems.map((p) => p.code);
}

async function workbook(fill: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('Registreringer'), wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function minimal(sheet: string, sharedStrings?: string): Buffer {
  return buildZip(xlsxParts(sheet, sharedStrings));
}

describe('good .xlsx files', () => {
  it('reads the first sheet: text, numbers, dates, rich text, booleans', async () => {
    const bytes = await workbook((ws, wb) => {
      ws.addRow([' Dato ', 'Aktivitet', 'Antal', 'Timer', 'Note', 'Deltog']);
      ws.addRow([
        new Date(Date.UTC(2024, 2, 5)),
        'Lektiecafé',
        12,
        1.234,
        { richText: [{ text: 'fed ', font: { bold: true } }, { text: 'tekst' }] },
        true,
      ]);
      ws.addRow([]);
      ws.addRow([
        new Date(Date.UTC(2024, 2, 6, 14, 30)),
        'Fædregruppe',
        1234.5,
        0.1 + 0.2,
        '=ikke en formel',
        false,
      ]);
      wb.addWorksheet('Andet').addRow(['ignoreres']);
    });
    const result = ok(await read(bytes));
    expect(result).toMatchObject({ format: 'xlsx', numberConvention: 'da' });
    expect(result.headers).toEqual(['Dato', 'Aktivitet', 'Antal', 'Timer', 'Note', 'Deltog']);
    expect(result.rows.map((r) => ({ rowNumber: r.rowNumber, cells: r.cells }))).toEqual([
      {
        rowNumber: 2,
        cells: {
          Dato: '2024-03-05',
          Aktivitet: 'Lektiecafé',
          Antal: '12',
          Timer: '1,234',
          Note: 'fed tekst',
          Deltog: 'true',
        },
      },
      {
        rowNumber: 4,
        cells: {
          Dato: '2024-03-06T14:30:00',
          Aktivitet: 'Fædregruppe',
          Antal: '1234,5',
          Timer: '0,3',
          Note: '=ikke en formel',
          Deltog: 'false',
        },
      },
    ]);
    expect(parseDanishNumber(result.rows[0]!.cells.Timer!, result.numberConvention)).toBe(1.234);
    expect(parseDanishDate(result.rows[0]!.cells.Dato!)).toBe('2024-03-05');
  });

  it("reads a hand-made package with inline strings and shared strings, by the workbook's first sheet", async () => {
    const shared =
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Navn</t></si><si><r><t>Ø</t></r><r><t>st</t></r></si></sst>';
    const sheet = sheetXml(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Antal</t></is></c></row>' +
        '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>7</v></c></row>',
    );
    const result = ok(await read(minimal(sheet, shared)));
    expect(result.rows.map((r) => ({ rowNumber: r.rowNumber, cells: r.cells }))).toEqual([
      { rowNumber: 2, cells: { Navn: 'Øst', Antal: '7' } },
    ]);
  });

  it('formats numbers and dates for the parsers', () => {
    expect(formatNumber(1234.5)).toBe('1234,5');
    expect(formatNumber(-0.000000125)).toBe('-1,25e-7');
    expect(parseDanishNumber(formatNumber(-0.000000125))).toBe(-0.000000125);
    expect(formatNumber(1e21)).toBe('1e+21');
    expect(parseDanishNumber(formatNumber(1e21))).toBe(1e21);
    expect(formatDate(new Date(Date.UTC(2024, 1, 29, 23, 59, 59, 999)))).toBe('2024-03-01');
  });
});

describe('refused .xlsx files', () => {
  it('refuses formula cells with their address', async () => {
    const bytes = await workbook((ws) => {
      ws.addRow(['Navn', 'Antal']);
      ws.addRow(['A', 2]);
      ws.addRow(['B', { formula: 'B2*2', result: 4 }]);
    });
    expect(await read(bytes)).toEqual({
      ok: false,
      problems: [{ code: 'formula_cell', row: 3, column: 'Antal', detail: { cell: 'B3' } }],
    });
  });

  it('refuses shared formulas, whose cells carry only a reference', async () => {
    const sheet = sheetXml(
      inlineRow(1, ['a', 'b']) +
        '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><f t="shared" ref="B2:B3" si="0">A2*2</f><v>2</v></c></row>' +
        '<row r="3"><c r="A3"><v>2</v></c><c r="B3"><f t="shared" si="0"/><v>4</v></c></row>',
    );
    const result = await read(minimal(sheet));
    expect(result.ok ? [] : result.problems.map((p) => p.detail?.cell)).toEqual(['B2', 'B3']);
  });

  it('refuses a sheet declaring columns to XFD by its dimension', async () => {
    const sheet = sheetXml(inlineRow(1, ['a']) + inlineRow(2, ['1']), '<dimension ref="A1:XFD1"/>');
    expect(await read(minimal(sheet))).toEqual({
      ok: false,
      problems: [
        { code: 'too_many_columns', detail: { found: 16_384, maxColumns: 50, declared: 'A1:XFD1' } },
      ],
    });
  });

  it("refuses a cell past maxColumns, and one past Excel's last column", async () => {
    const atXfd = sheetXml(inlineRow(1, ['a']) + '<row r="2"><c r="XFD2"><v>1</v></c></row>');
    expect(await read(minimal(atXfd))).toEqual({
      ok: false,
      problems: [
        { code: 'too_many_columns', row: 2, detail: { found: 16_384, maxColumns: 50, cell: 'XFD2' } },
      ],
    });
    const beyond = sheetXml('<row r="1"><c r="BDWGN1"><v>1</v></c></row>');
    expect(codes(await read(minimal(beyond)))).toEqual(['too_many_columns']);
  });

  it('refuses a column definition past column 16,384', async () => {
    const sheet = sheetXml(
      inlineRow(1, ['a']) + inlineRow(2, ['1']),
      '<cols><col min="1" max="1000000000" width="9"/></cols>',
    );
    expect(codes(await read(minimal(sheet)))).toEqual(['too_many_columns']);
  });

  it('refuses an honest zip bomb by its declared ratio before unpacking', async () => {
    const bomb = buildZip([
      ...xlsxParts(sheetXml(inlineRow(1, ['a']))).filter((f) => !f.name.startsWith('xl/worksheets')),
      {
        name: 'xl/worksheets/sheet1.xml',
        data: Buffer.alloc(0),
        compressed: deflatedZeros(200),
        declaredSize: 200 * 1024 * 1024,
      },
    ]);
    expect(bomb.length).toBeLessThan(300_000);
    const result = await read(bomb);
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          code: 'zip_bomb',
          detail: {
            reason: 'entry_ratio',
            entry: 'xl/worksheets/sheet1.xml',
            compressed: expect.any(Number),
            uncompressed: 200 * 1024 * 1024,
          },
        },
      ],
    });
  });

  it('refuses a lying zip bomb as soon as an entry unpacks past its declared size', async () => {
    const bomb = buildZip([
      ...xlsxParts(sheetXml(inlineRow(1, ['a']))).filter((f) => !f.name.startsWith('xl/worksheets')),
      {
        name: 'xl/worksheets/sheet1.xml',
        data: Buffer.alloc(0),
        compressed: deflatedZeros(200),
        declaredSize: 100_000,
      },
    ]);
    expect(await read(bomb)).toEqual({
      ok: false,
      problems: [
        { code: 'zip_bomb', detail: { reason: 'size_mismatch', entry: 'xl/worksheets/sheet1.xml' } },
      ],
    });
  });

  it('refuses an unpacked total over the bound, and too many entries', async () => {
    const bytes = minimal(sheetXml(inlineRow(1, ['a']) + inlineRow(2, ['1'])));
    expect(codes(await read(bytes, { maxUncompressedBytes: 500 }))).toEqual(['zip_bomb']);
    expect(await read(bytes, { maxZipEntries: 3 })).toEqual({
      ok: false,
      problems: [{ code: 'zip_too_many_entries', detail: { entries: 5, maxEntries: 3 } }],
    });
  });

  it('refuses broken and foreign zips', async () => {
    const good = await workbook((ws) => ws.addRow(['a']));
    expect(codes(await read(good.subarray(0, good.length >> 1)))).toEqual(['not_xlsx']);
    const docx = buildZip([{ name: 'word/document.xml', data: '<w:document/>' }]);
    expect(await read(docx)).toEqual({
      ok: false,
      problems: [{ code: 'not_xlsx', detail: { reason: 'no_workbook' } }],
    });
    const corrupt = buildZip(
      xlsxParts(sheetXml(inlineRow(1, ['a']))).map((f) =>
        f.name.startsWith('xl/worksheets') ? { ...f, compressed: Buffer.from('not deflate data at all') } : f,
      ),
    );
    expect(codes(await read(corrupt))).toEqual(['not_xlsx']);
  });

  it('refuses a DOCTYPE (entity expansion) in the sheet', async () => {
    const sheet = `<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol">]>${sheetXml(inlineRow(1, ['&lol;']))}`;
    expect(await read(minimal(sheet))).toEqual({
      ok: false,
      problems: [{ code: 'xlsx_unreadable', detail: { reason: 'doctype' } }],
    });
  });

  it('refuses a huge cell before the XML parser holds it', async () => {
    const sheet = sheetXml(inlineRow(1, ['a']) + inlineRow(2, [randomBytes(150_000).toString('base64')]));
    const result = await read(minimal(sheet), { maxCellChars: 1000 });
    expect(result).toEqual({
      ok: false,
      problems: [{ code: 'cell_too_long', row: 2, column: 'A', detail: { maxChars: 1000, cell: 'A2' } }],
    });
  });

  it('reports error values and values outside the header', async () => {
    const sheet = sheetXml(
      inlineRow(1, ['a', 'b']) +
        '<row r="2"><c r="A2" t="e"><v>#DIV/0!</v></c><c r="B2"><v>1</v></c><c r="D2"><v>5</v></c></row>',
    );
    expect(await read(minimal(sheet))).toEqual({
      ok: false,
      problems: [
        { code: 'error_cell', row: 2, column: 'a', detail: { cell: 'A2', value: '#DIV/0!' } },
        { code: 'cell_outside_header', row: 2, column: 'D', detail: { cell: 'D2' } },
      ],
    });
  });

  it('stops one row past maxRows', async () => {
    const bytes = await workbook((ws) => {
      ws.addRow(['n']);
      for (let i = 0; i < 5000; i++) ws.addRow([i]);
    });
    const seen: number[] = [];
    const result = await read(bytes, { maxRows: 100, onProgress: (f) => seen.push(f) });
    expect(result).toEqual({ ok: false, problems: [{ code: 'too_many_rows', detail: { maxRows: 100 } }] });
    expect(seen.at(-1)).toBe(1);
  });

  it('refuses a workbook with only a header, and one without sheets', async () => {
    expect(codes(await read(await workbook((ws) => ws.addRow(['a', 'b']))))).toEqual(['no_rows']);
    const parts = xlsxParts(sheetXml('')).map((f) =>
      f.name === 'xl/workbook.xml' ? { ...f, data: '<workbook xmlns="x"><sheets/></workbook>' } : f,
    );
    expect(codes(await read(buildZip(parts)))).toEqual(['no_sheet']);
  });
});
