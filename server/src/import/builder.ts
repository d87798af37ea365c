import type { ProblemList } from './problems.js';
import type { ResolvedOptions, TableRow } from './table.js';
import { columnLetter, normaliseHeader } from './values.js';

/** Rows whose cells decide a file's number convention. */
export const SAMPLE_ROWS = 10_000;

export function isBlank(cells: readonly (string | undefined)[]): boolean {
  return cells.every((c) => c === undefined || c.trim() === '');
}

/**
 * A row of a table: its cells in header order, read by name through the table's shared column
 * index. About a third of the memory of an object per row keyed by header names (such objects,
 * without prototype so that any header name is safe, are dictionaries in V8).
 */
export class Row implements TableRow {
  constructor(
    readonly rowNumber: number,
    readonly values: readonly string[],
    private readonly columns: ReadonlyMap<string, number>,
  ) {}

  cell(header: string): string | undefined {
    const i = this.columns.get(header);
    return i === undefined ? undefined : (this.values[i] ?? '');
  }

  get cells(): Record<string, string> {
    const record: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const [name, i] of this.columns) record[name] = this.values[i] ?? '';
    return record;
  }
}

/**
 * What CSV and .xlsx reading share once cells are text: the header row's checks, long cells,
 * blank rows skipped, and the row limit.
 */
export class TableBuilder {
  headers: string[] = [];
  readonly rows: TableRow[] = [];
  /** Column index by header name, shared by every row (a repeated name: its last column). */
  columns: ReadonlyMap<string, number> = new Map();
  /** Data rows taken (kept or not). */
  count = 0;
  /** The first rows' cell text, when rows are not kept (for the number convention). */
  readonly sample: string[] = [];
  /** Set when reading must stop (too many rows or columns). */
  stopped = false;

  /**
   * `keep: false` checks and counts the rows without keeping them (a CSV file's rows are read
   * again from its text when they are used), and keeps the cells of the first `SAMPLE_ROWS`.
   */
  constructor(
    private readonly options: ResolvedOptions,
    readonly problems: ProblemList,
    private readonly keep = true,
  ) {}

  get hasHeader(): boolean {
    return this.headers.length > 0;
  }

  /** The header's name for a column (0-based), else its letter. */
  columnName(index: number): string {
    const name = this.headers[index];
    return name ? name : columnLetter(index + 1);
  }

  /**
   * Takes the header row. Trailing empty header cells are dropped (spreadsheets write them for
   * formatted empty columns); an empty one between names, a repeated name or too many columns is
   * a problem. Returns false when reading must stop.
   */
  setHeader(rowNumber: number, cells: readonly string[], found = cells.length): boolean {
    if (found > this.options.maxColumns) {
      this.problems.add({
        code: 'too_many_columns',
        row: rowNumber,
        detail: { found, maxColumns: this.options.maxColumns },
      });
      this.stopped = true;
      return false;
    }
    const names = cells.map((c) => c.replace(/\uFEFF/g, '').trim());
    while (names.length > 0 && names[names.length - 1] === '') names.pop();
    const seen = new Set<string>();
    names.forEach((name, i) => {
      if (name === '') {
        this.problems.add({ code: 'empty_header', row: rowNumber, column: columnLetter(i + 1) });
      } else if (name.length > this.options.maxCellChars) {
        this.problems.add({
          code: 'cell_too_long',
          row: rowNumber,
          column: columnLetter(i + 1),
          detail: { maxChars: this.options.maxCellChars },
        });
      } else {
        const key = normaliseHeader(name);
        if (seen.has(key)) this.problems.add({ code: 'duplicate_header', row: rowNumber, column: name });
        seen.add(key);
      }
    });
    this.headers = names;
    this.columns = new Map(names.flatMap((name, i) => (name === '' ? [] : [[name, i] as const])));
    return true;
  }

  /**
   * Adds a data row whose cells are in header order (missing cells are empty). Blank rows are
   * skipped. Returns false when reading must stop (one row past `maxRows`).
   */
  addRow(rowNumber: number, cells: readonly (string | undefined)[]): boolean {
    if (isBlank(cells)) return true;
    if (this.count >= this.options.maxRows) {
      this.problems.add({ code: 'too_many_rows', detail: { maxRows: this.options.maxRows } });
      this.stopped = true;
      return false;
    }
    const values = new Array<string>(this.headers.length);
    for (let i = 0; i < values.length; i++) {
      const value = cells[i] ?? '';
      if (value.length > this.options.maxCellChars) {
        this.problems.add({
          code: 'cell_too_long',
          row: rowNumber,
          column: this.columnName(i),
          detail: { maxChars: this.options.maxCellChars },
        });
      }
      values[i] = value;
    }
    this.count++;
    if (this.keep) this.rows.push(new Row(rowNumber, values, this.columns));
    else if (this.count <= SAMPLE_ROWS) this.sample.push(...values);
    return true;
  }

  /** Problems when the file ended: no header, or no data rows. */
  finish(): void {
    if (!this.hasHeader) this.problems.add({ code: 'no_header' });
    else if (this.count === 0 && this.problems.length === 0) this.problems.add({ code: 'no_rows' });
  }
}
