/**
 * The columns of an import file and the problems found in its rows. Headers are matched in their
 * normal form (`normaliseHeader`: case, spaces and a BOM do not matter), Danish or English.
 */
import { errorMessage, type ErrorCode, type ImportProblem, type Locale } from '@pejling/contracts';
import {
  normaliseHeader,
  parseDanishDate,
  parseDanishNumber,
  type NumberConvention,
  type TableRow,
} from '../../import/read-table.js';

export interface ColumnSpec<K extends string = string> {
  key: K;
  da: string;
  en: string;
  required?: boolean;
  /** Further names accepted for the column. */
  aliases?: readonly string[];
}

/** A column whose name is made from the plan's data, e.g. `Køn: Kvinde`. */
export interface DynamicColumn {
  header: string;
}

export interface ResolvedColumns<K extends string, D extends DynamicColumn> {
  /** Column key → the header as the file writes it. */
  byKey: Partial<Record<K, string>>;
  dynamic: D[];
  unknown: string[];
  missing: string[];
}

export function resolveColumns<K extends string, D extends DynamicColumn>(
  headers: readonly string[],
  specs: readonly ColumnSpec<K>[],
  locale: Locale,
  dynamic: (header: string) => D | null = () => null,
): ResolvedColumns<K, D> {
  const names = new Map<string, K>();
  for (const s of specs)
    for (const n of [s.da, s.en, ...(s.aliases ?? [])]) names.set(normaliseHeader(n), s.key);
  const byKey: Partial<Record<K, string>> = {};
  const dyn: D[] = [];
  const unknown: string[] = [];
  for (const h of headers) {
    const key = names.get(normaliseHeader(h));
    if (key !== undefined && byKey[key] === undefined) {
      byKey[key] = h;
      continue;
    }
    const d = key === undefined ? dynamic(h) : null;
    if (d) dyn.push(d);
    else unknown.push(h);
  }
  const missing = specs.filter((s) => s.required && byKey[s.key] === undefined).map((s) => s[locale]);
  return { byKey, dynamic: dyn, unknown, missing };
}

/** A problem before it is put in words: the row, the column's header, a message code. */
export interface RawProblem {
  row: number | null;
  column: string | null;
  code: ErrorCode;
  params?: Record<string, unknown>;
  /** A sentence already in words (from the file reader or a validation message). */
  text?: { da: string; en: string };
}

export class RowProblems {
  readonly items: RawProblem[] = [];
  constructor(readonly max = 500) {}
  add(row: number | null, column: string | null, code: ErrorCode, params?: Record<string, unknown>): void {
    if (this.items.length < this.max) this.items.push({ row, column, code, params });
  }
  addText(row: number | null, column: string | null, text: { da: string; en: string }): void {
    if (this.items.length < this.max) this.items.push({ row, column, code: 'validation_failed', text });
  }
  get full(): boolean {
    return this.items.length >= this.max;
  }
  get length(): number {
    return this.items.length;
  }
}

export function describeProblems(problems: readonly RawProblem[], locale: Locale): ImportProblem[] {
  return [...problems]
    .sort((a, b) => (a.row ?? 0) - (b.row ?? 0))
    .map((p) => ({
      row: p.row,
      column: p.column,
      message: p.text ? p.text[locale] : errorMessage(p.code, locale, p.params),
    }));
}

/** The header names of a kind for a message: Danish, or English. */
export function expectedColumns(specs: readonly ColumnSpec[], locale: Locale, extra: string[] = []): string {
  return [...specs.map((s) => s[locale]), ...extra].join(', ');
}

/** The text of a cell, trimmed; '' when the column is absent. */
export function cell(row: Pick<TableRow, 'cell'>, header: string | undefined): string {
  return header === undefined ? '' : (row.cell(header) ?? '').trim();
}

/** Danish date for a message. */
export const danishDate = (iso: string | null | undefined) => (iso ? iso.split('-').reverse().join('-') : '');

/** Lets requests and progress output run between chunks of a long import. */
export const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reads the cells of one row, adding a problem (row, column, what to fix) for each cell that
 * cannot be read. `failed` tells whether any cell of the row was refused.
 */
export class RowReader {
  failed = false;
  readonly rowNumber: number;
  constructor(
    private readonly row: Pick<TableRow, 'rowNumber' | 'cell'>,
    private readonly problems: RowProblems,
    private readonly convention: NumberConvention,
  ) {
    this.rowNumber = row.rowNumber;
  }

  fail(header: string | undefined, code: ErrorCode, params?: Record<string, unknown>): null {
    this.failed = true;
    this.problems.add(this.rowNumber, header ?? null, code, params);
    return null;
  }

  /** Trimmed text, or null when empty (a problem when required). */
  text(header: string | undefined, opts: { required?: boolean; max?: number } = {}): string | null {
    const t = cell(this.row, header);
    if (t === '') return opts.required ? this.fail(header, 'import_required') : null;
    if (opts.max !== undefined && t.length > opts.max)
      return this.fail(header, 'import_text_too_long', { max: opts.max });
    return t;
  }

  date(header: string | undefined, required = false): string | null {
    const t = this.text(header, { required });
    if (t === null) return null;
    return parseDanishDate(t) ?? this.fail(header, 'import_not_date', { value: t });
  }

  number(
    header: string | undefined,
    opts: { required?: boolean; whole?: boolean; min?: number; max?: number } = {},
  ): number | null {
    const t = this.text(header, { required: opts.required });
    if (t === null) return null;
    const n = parseDanishNumber(t, this.convention);
    if (n === null) return this.fail(header, 'import_not_number', { value: t });
    if (opts.whole && (!Number.isInteger(n) || n < 0))
      return this.fail(header, 'import_not_whole_number', { value: t });
    const min = opts.min ?? -Infinity;
    const max = opts.max ?? Infinity;
    if (n < min || n > max)
      return this.fail(header, 'import_number_range', {
        value: t,
        min: Number.isFinite(min) ? min : '…',
        max: Number.isFinite(max) ? max : '…',
      });
    return n;
  }
}

/** Finds a plan's activity or indicator by id or by name (case and spaces do not matter). */
export function nameIndex<T extends { id: string; name: string }>(items: readonly T[]) {
  const byId = new Map(items.map((i) => [i.id.toLowerCase(), i]));
  const byName = new Map<string, T[]>();
  for (const i of items) {
    const k = normaliseHeader(i.name);
    byName.set(k, [...(byName.get(k) ?? []), i]);
  }
  const names = items.map((i) => i.name).join(', ') || '—';
  return {
    names,
    find(text: string): { item: T } | { problem: 'unknown' | 'ambiguous' } {
      const id = byId.get(text.trim().toLowerCase());
      if (id) return { item: id };
      const found = byName.get(normaliseHeader(text)) ?? [];
      if (found.length === 1) return { item: found[0]! };
      return { problem: found.length ? 'ambiguous' : 'unknown' };
    },
  };
}
