import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { TableBuilder, isBlank } from './builder.js';
import { ProblemList } from './problems.js';
import type { ImportProblem } from './problems.js';
import type { ResolvedOptions, TableResult } from './table.js';
import { progressReporter } from './table.js';
import { XmlGuard } from './xml-guard.js';
import type { ZipEntry } from './zip.js';
import { inflateEntry, readEntryText, readZipDirectory, rebuildZip } from './zip.js';
import { columnLetter } from './values.js';

/** Largest workbook.xml or relationships part read whole. */
const MAX_SMALL_PART = 4 * 1024 * 1024;

function fail(...problems: ImportProblem[]): TableResult {
  return { ok: false, problems };
}

function unreadable(reason: string): TableResult {
  return fail({ code: 'xlsx_unreadable', detail: { reason } });
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? (m[2] ?? m[3]) : undefined;
}

/** Resolves a relationship target of xl/workbook.xml to a part name in the zip. */
function partName(target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `xl/${target}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

interface WorkbookParts {
  sheet: ZipEntry;
  sharedStrings?: ZipEntry;
  styles?: ZipEntry;
  rels: ZipEntry;
  workbook: ZipEntry;
}

/** Finds the first sheet (in the workbook's tab order), the shared strings and the styles. */
async function findParts(bytes: Uint8Array, entries: ZipEntry[]): Promise<WorkbookParts | TableResult> {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const workbook = byName.get('xl/workbook.xml');
  const rels = byName.get('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) return fail({ code: 'not_xlsx', detail: { reason: 'no_workbook' } });
  const workbookXml = await readEntryText(bytes, workbook, MAX_SMALL_PART);
  const relsXml = await readEntryText(bytes, rels, MAX_SMALL_PART);
  if (workbookXml === null || relsXml === null) return unreadable('workbook_part');
  if (/<!DOCTYPE|<!ENTITY/i.test(workbookXml) || /<!DOCTYPE|<!ENTITY/i.test(relsXml))
    return unreadable('doctype');

  const relationships = [...relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => ({
    id: attr(m[0], 'Id'),
    type: attr(m[0], 'Type') ?? '',
    target: attr(m[0], 'Target') ?? '',
  }));
  const firstSheet = /<(?:\w+:)?sheet\b[^>]*>/.exec(workbookXml);
  if (!firstSheet) return fail({ code: 'no_sheet' });
  const relId = /\s(?:\w+:)?id\s*=\s*"([^"]*)"/.exec(firstSheet[0])?.[1];
  const sheetRel = relationships.find((r) => r.id === relId);
  const sheet = sheetRel ? byName.get(partName(sheetRel.target)) : undefined;
  if (!sheet) return fail({ code: 'no_sheet' });
  const byType = (suffix: string) => {
    const rel = relationships.find((r) => r.type.endsWith(suffix));
    return rel ? byName.get(partName(rel.target)) : undefined;
  };
  return { sheet, rels, workbook, sharedStrings: byType('/sharedStrings'), styles: byType('/styles') };
}

/** Text for a number that parseDanishNumber reads back (decimal comma, no grouping). */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  // Spreadsheets show 15 significant digits: 0.1 + 0.2 is 0.3 there, and here.
  return String(Number(n.toPrecision(15))).replace('.', ',');
}

/** `YYYY-MM-DD` for a date at midnight, else `YYYY-MM-DDTHH:MM:SS` (the sheet's wall clock). */
export function formatDate(d: Date): string {
  const t = d.getTime();
  if (Number.isNaN(t)) return '';
  const iso = new Date(Math.round(t / 1000) * 1000).toISOString();
  return iso.slice(11, 19) === '00:00:00' ? iso.slice(0, 10) : iso.slice(0, 19);
}

type CellOutcome = { text: string } | { error: string } | { formula: true };

/** A cell's value as text: rich text joined, dates to ISO, numbers for parseDanishNumber. */
export function cellText(value: ExcelJS.CellValue): CellOutcome {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number') return { text: formatNumber(value) };
  if (typeof value === 'boolean') return { text: value ? 'true' : 'false' };
  if (value instanceof Date) return { text: formatDate(value) };
  if ('richText' in value) return { text: value.richText.map((r) => r.text ?? '').join('') };
  if ('formula' in value || 'sharedFormula' in value) return { formula: true };
  if ('error' in value) return { error: String(value.error) };
  if ('text' in value && typeof value.text === 'string') return { text: value.text };
  return { text: '' };
}

/**
 * Reads the first sheet of an .xlsx file. Before exceljs sees a byte: the zip's central
 * directory is checked against the bomb limits ({@link readZipDirectory}), the parts exceljs
 * will read are unpacked once in bounded memory to confirm their sizes, and the sheet and the
 * shared strings are scanned by {@link XmlGuard}. exceljs then reads a zip rebuilt from just
 * those parts (relationships, workbook, styles, shared strings, then the sheet), so it streams
 * the sheet instead of writing it to a temporary file, and reading stops one row past
 * `maxRows`.
 */
export async function readXlsx(bytes: Uint8Array, options: ResolvedOptions): Promise<TableResult> {
  const progress = progressReporter(options.onProgress);
  const directory = readZipDirectory(bytes, {
    maxEntries: options.maxZipEntries,
    maxUncompressedBytes: options.maxUncompressedBytes,
  });
  if (!directory.ok) return fail(directory.problem);
  const found = await findParts(bytes, directory.entries);
  if ('ok' in found) return found;
  const { sheet, sharedStrings, styles, rels, workbook } = found;

  // Unpack once what exceljs will read: sizes as declared, and the guard's scan.
  const guardLimits = {
    maxColumns: options.maxColumns,
    maxCellChars: options.maxCellChars,
    maxFormulas: options.maxProblems,
  };
  const sheetGuard = new XmlGuard({ ...guardLimits, maxRows: options.maxRows });
  let scanned = 0;
  for (const [entry, guard] of [
    [sharedStrings, new XmlGuard({ ...guardLimits, maxFormulas: 0 })],
    [styles, null],
    [sheet, sheetGuard],
  ] as const) {
    if (!entry) continue;
    const outcome = await inflateEntry(bytes, entry, (chunk) => {
      if (guard === sheetGuard) progress((0.3 * (scanned += chunk.length)) / (sheet.uncompressedSize || 1));
      return guard ? guard.write(chunk) : true;
    });
    if (guard?.problem) return fail(guard.problem);
    if (outcome === 'too_large')
      return fail({ code: 'zip_bomb', detail: { reason: 'size_mismatch', entry: entry.name } });
    if (outcome !== 'ok')
      return fail({ code: 'not_xlsx', detail: { reason: 'corrupt_entry', entry: entry.name } });
  }

  const zip = rebuildZip(bytes, [
    { entry: rels, name: 'xl/_rels/workbook.xml.rels' },
    { entry: workbook, name: 'xl/workbook.xml' },
    ...(styles ? [{ entry: styles, name: 'xl/styles.xml' }] : []),
    sharedStrings
      ? { entry: sharedStrings, name: 'xl/sharedStrings.xml' }
      : {
          text: '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
          name: 'xl/sharedStrings.xml',
        },
    { entry: sheet, name: 'xl/worksheets/sheet1.xml' },
  ]);
  let fed = 0;
  const source = Readable.from(
    (function* () {
      for (let i = 0; i < zip.length; i += 64 * 1024) {
        fed = i;
        yield zip.subarray(i, i + 64 * 1024);
      }
    })(),
  );

  const problems = new ProblemList(options.maxProblems);
  const table = new TableBuilder(options, problems);
  let headerWidth = 0;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    sheets: for await (const worksheet of reader) {
      for await (const row of worksheet) {
        progress(0.3 + (0.7 * fed) / zip.length);
        const cells: string[] = [];
        let width = 0;
        const rowNumber = row.number;
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          const outcome = cellText(cell.value);
          if ('text' in outcome) {
            cells[col - 1] = outcome.text;
            if (outcome.text.trim() !== '') width = Math.max(width, col);
          } else if ('error' in outcome) {
            problems.add({
              code: 'error_cell',
              row: rowNumber,
              column: table.columnName(col - 1),
              detail: { cell: `${columnLetter(col)}${rowNumber}`, value: outcome.error },
            });
          }
        });
        if (!table.hasHeader) {
          if (isBlank(cells)) continue;
          const header = Array.from({ length: width }, (_, i) => cells[i] ?? '');
          if (!table.setHeader(rowNumber, header)) break sheets;
          headerWidth = table.headers.length;
          continue;
        }
        for (let col = headerWidth + 1; col <= width; col++) {
          if ((cells[col - 1] ?? '').trim() !== '') {
            problems.add({
              code: 'cell_outside_header',
              row: rowNumber,
              column: columnLetter(col),
              detail: { cell: `${columnLetter(col)}${rowNumber}` },
            });
          }
        }
        if (!table.addRow(rowNumber, cells.slice(0, headerWidth)) || problems.isFull) break sheets;
      }
      break; // only the first sheet (the rebuilt zip holds no other)
    }
  } catch (error) {
    return unreadable(error instanceof Error ? error.message.slice(0, 200) : 'parse_error');
  }

  // Formulas first: they are what a person most often has to fix in a spreadsheet.
  const all = new ProblemList(options.maxProblems);
  for (const f of sheetGuard.formulas) {
    all.add({
      code: 'formula_cell',
      row: f.row,
      column: table.columnName(f.column - 1),
      detail: { cell: f.cell },
    });
  }
  if (!table.stopped) table.finish();
  for (const p of problems.items) all.add(p);
  if (all.length > 0) return { ok: false, problems: all.items };
  const rows = table.rows;
  return {
    ok: true,
    format: 'xlsx',
    numberConvention: 'da',
    headers: table.headers,
    rowCount: rows.length,
    eachRow: () => rows,
    rows,
  };
}
