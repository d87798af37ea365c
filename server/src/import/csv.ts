import { Row, TableBuilder, isBlank } from './builder.js';
import { decodeText, looksBinary } from './decode.js';
import { ProblemList } from './problems.js';
import type { ResolvedOptions, TableResult, TableRow } from './table.js';
import { progressReporter, yieldToEventLoop } from './table.js';
import { detectNumberConvention } from './values.js';

export type Separator = ';' | ',' | '\t';

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Picks the separator from the header line: the most frequent of `;`, tab and `,` outside
 * quotes, ties going to `;` (Danish spreadsheets' own), then tab, then `,`. A line with none of
 * them (one column) gives `;`.
 */
export function detectSeparator(text: string, start = 0): Separator {
  const counts = { ';': 0, '\t': 0, ',': 0 };
  let inQuotes = false;
  const end = Math.min(text.length, start + 1_000_000);
  for (let i = start; i < end; i++) {
    const ch = text[i]!;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && (ch === ';' || ch === '\t' || ch === ',')) counts[ch]++;
  }
  let best: Separator = ';';
  for (const sep of ['\t', ','] as const) if (counts[sep] > counts[best]) best = sep;
  return best;
}

export interface CsvRecord {
  /** Cells, at most `maxCells` of them kept. */
  cells: string[];
  /** How many cells the record has, including any past `maxCells`. */
  count: number;
  /** Text after a closing quote, or a quote never closed. */
  quoteProblem?: 'bad_quote' | 'unclosed_quote';
}

/**
 * An RFC 4180 record reader over decoded text: quoted cells may hold separators, doubled quotes
 * and line breaks; records end at CRLF, LF or CR. A quote inside an unquoted cell (`5" skærm`) is
 * kept as text, as spreadsheets do; text after a closing quote is a `bad_quote` (the rest of the
 * cell is kept so reading can go on).
 */
export class CsvReader {
  pos: number;

  constructor(
    readonly text: string,
    readonly separator: Separator,
    start = 0,
  ) {
    this.pos = start;
  }

  get done(): boolean {
    return this.pos >= this.text.length;
  }

  next(maxCells: number): CsvRecord {
    const { text } = this;
    const sep = this.separator.charCodeAt(0);
    const cells: string[] = [];
    let count = 0;
    let quoteProblem: CsvRecord['quoteProblem'];
    let i = this.pos;
    const n = text.length;
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        let j = i + 1;
        let parts = '';
        for (;;) {
          const k = text.indexOf('"', j);
          if (k < 0) {
            quoteProblem = 'unclosed_quote';
            parts += text.slice(j);
            i = n;
            break;
          }
          if (text.charCodeAt(k + 1) === QUOTE) {
            parts += text.slice(j, k + 1);
            j = k + 2;
            continue;
          }
          parts += text.slice(j, k);
          i = k + 1;
          break;
        }
        // After the closing quote: a separator, the end of the record, or (wrongly) more text.
        let rest = i;
        while (rest < n) {
          const c = text.charCodeAt(rest);
          if (c === sep || c === LF || c === CR) break;
          rest++;
        }
        if (rest > i) {
          quoteProblem ??= 'bad_quote';
          parts += text.slice(i, rest);
        }
        i = rest;
        value = parts;
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === sep || c === LF || c === CR) break;
          j++;
        }
        value = text.slice(i, j);
        i = j;
      }
      if (count < maxCells) cells.push(value);
      count++;
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === sep) {
        i++;
        if (i >= n) {
          // A separator at the very end opens one more, empty cell.
          if (count < maxCells) cells.push('');
          count++;
          break;
        }
        continue;
      }
      // End of record.
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      break;
    }
    this.pos = i;
    return { cells, count, ...(quoteProblem ? { quoteProblem } : {}) };
  }
}

/**
 * Reads a CSV file: encoding (UTF-8 with or without BOM, Windows-1252, UTF-16 with BOM),
 * separator, header, rows. Row numbers count records from 1, as a spreadsheet opening the file
 * shows them (a line break inside quotes does not start a new row; an Excel `sep=;` first line
 * is honoured and not counted). Blank rows, trailing ones included, are skipped. Cell text is
 * kept verbatim (not trimmed; a leading = or ' stays): import stores what the file says.
 */
export async function readCsv(bytes: Uint8Array, options: ResolvedOptions): Promise<TableResult> {
  const problems = new ProblemList(options.maxProblems);
  const progress = progressReporter(options.onProgress);
  const { text, encoding } = decodeText(bytes);
  if (text.trim() === '') return { ok: false, problems: [{ code: 'empty_file' }] };
  if (looksBinary(text)) return { ok: false, problems: [{ code: 'not_text' }] };

  let start = 0;
  let separator: Separator;
  const sepLine = /^sep=([;,\t])\r?\n/i.exec(text.slice(0, 8));
  if (sepLine) {
    separator = sepLine[1] as Separator;
    start = sepLine[0].length;
  } else {
    separator = detectSeparator(text);
  }

  const reader = new CsvReader(text, separator, start);
  // Checked and counted here; the rows are read again from the text when they are used.
  const table = new TableBuilder(options, problems, false);
  const maxCells = options.maxColumns + 1;
  let rowNumber = 0;
  let headerCount = 0;
  while (!reader.done && !table.stopped && !problems.isFull) {
    rowNumber++;
    const record = reader.next(maxCells);
    if (record.quoteProblem) problems.add({ code: record.quoteProblem, row: rowNumber });
    if (!table.hasHeader) {
      if (isBlank(record.cells) && record.count <= maxCells) continue;
      if (!table.setHeader(rowNumber, record.cells, record.count)) break;
      headerCount = table.headers.length;
      continue;
    }
    if (record.count === 1 && record.cells[0] === '') continue; // an empty line
    const extra = record.cells.slice(headerCount);
    if (record.count < headerCount || record.count > maxCells || !isBlank(extra)) {
      if (!isBlank(record.cells)) {
        problems.add({
          code: 'wrong_cell_count',
          row: rowNumber,
          detail: { expected: headerCount, found: record.count },
        });
      }
      continue;
    }
    table.addRow(rowNumber, record.cells);
    if (rowNumber % 5000 === 0) {
      progress(reader.pos / text.length);
      if (rowNumber % 20000 === 0) await yieldToEventLoop();
    }
  }
  if (!table.stopped) table.finish();
  if (problems.length > 0) return { ok: false, problems: problems.items };

  const numberConvention = detectNumberConvention(table.sample, separator === ',' ? 'en' : 'da');
  const headers = table.headers;
  const columns = table.columns;
  const maxColumns = options.maxColumns;
  /**
   * The data rows again, from the text checked above: the same records, numbered the same way,
   * with what the check skipped (the header, blank rows) skipped again.
   */
  function* eachRow(): Generator<TableRow> {
    const again = new CsvReader(text, separator, start);
    let n = 0;
    let header = false;
    while (!again.done) {
      n++;
      const record = again.next(maxColumns + 1);
      if (!header) {
        if (!isBlank(record.cells)) header = true;
        continue;
      }
      if (isBlank(record.cells)) continue;
      const values = new Array<string>(headers.length);
      for (let i = 0; i < values.length; i++) values[i] = record.cells[i] ?? '';
      yield new Row(n, values, columns);
    }
  }
  let rows: TableRow[] | null = null;
  return {
    ok: true,
    format: 'csv',
    encoding,
    separator,
    numberConvention,
    headers,
    rowCount: table.count,
    eachRow,
    get rows() {
      return (rows ??= [...eachRow()]);
    },
  };
}
