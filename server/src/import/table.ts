import type { TextEncoding } from './decode.js';
import type { ImportProblem } from './problems.js';
import type { NumberConvention } from './values.js';

export interface TableRow {
  /** The spreadsheet row number a person sees (the header row of a file starting with it is 1). */
  rowNumber: number;
  /** Cell text in the order of `headers` ('' where the row has no cell). */
  readonly values: readonly string[];
  /** One cell's text by header name (as in `headers`); undefined for a name that is no header. */
  cell(header: string): string | undefined;
  /** Cell text by header name: an object without prototype, made afresh on each read. */
  readonly cells: Record<string, string>;
}

export interface TableOk {
  ok: true;
  format: 'csv' | 'xlsx';
  /** CSV only. */
  encoding?: TextEncoding;
  /** CSV only. */
  separator?: ';' | ',' | '\t';
  /** The convention to pass to parseDanishNumber for this file's cells. */
  numberConvention: NumberConvention;
  /** Header names, trimmed, in column order. */
  headers: string[];
  /** How many data rows the file has (blank rows not counted). */
  rowCount: number;
  /**
   * The data rows one at a time. A CSV file's rows are read again from its text on each call, so
   * an importer that goes through them once never holds every row's cells at the same time.
   */
  eachRow(): Iterable<TableRow>;
  /** The data rows as an array: read on first use, then kept. */
  readonly rows: TableRow[];
}

export interface TableFailure {
  ok: false;
  problems: ImportProblem[];
}

export type TableResult = TableOk | TableFailure;

export interface ReadTableOptions {
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** Most data rows accepted (the header row not counted). */
  maxRows: number;
  /** Most columns accepted. */
  maxColumns: number;
  /** Longest cell text accepted; default 32,767 characters (Excel's own limit). */
  maxCellChars?: number;
  /** Problems listed before the list closes with `too_many_problems`; default 100. */
  maxProblems?: number;
  /** .xlsx: most parts in the zip; default 1,000. */
  maxZipEntries?: number;
  /** .xlsx: most bytes all parts may unpack to; default 100 MiB. */
  maxUncompressedBytes?: number;
  /** Called with a fraction from 0 to 1 as reading goes on; 1 at the end. */
  onProgress?: (fraction: number) => void;
}

export type ResolvedOptions = Required<Omit<ReadTableOptions, 'onProgress'>> &
  Pick<ReadTableOptions, 'onProgress'>;

export function resolveOptions(options: ReadTableOptions): ResolvedOptions {
  return {
    maxCellChars: 32_767,
    maxProblems: 100,
    maxZipEntries: 1_000,
    maxUncompressedBytes: 100 * 1024 * 1024,
    ...options,
  };
}

/** Lets other work (requests, progress output) run during a long read. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Throttles progress reports to about one per percent, below 1 (readTable reports the 1). */
export function progressReporter(onProgress: ((fraction: number) => void) | undefined) {
  let last = -1;
  return (fraction: number) => {
    if (!onProgress) return;
    const f = Math.max(0, Math.min(0.99, fraction));
    if (f - last >= 0.01) {
      last = f;
      onProgress(f);
    }
  };
}
