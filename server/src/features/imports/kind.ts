import type { ErrorCode, Locale } from '@pejling/contracts';
import type { Executor } from '../../db/database.js';
import type { TableOk } from '../../import/read-table.js';
import {
  expectedColumns,
  type ColumnSpec,
  type RawProblem,
  type ResolvedColumns,
  type RowProblems,
} from './columns.js';

/** What one row does to what is stored. */
export type RowEffect = 'added' | 'updated' | 'unchanged';

export interface Prepared {
  problems: RowProblems;
  added: number;
  updated: number;
  unchanged: number;
  /** Writes the rows; called inside the import's transaction, only when there are no problems. */
  write(trx: Executor, progress: (fraction: number) => void): Promise<void>;
}

/** The whole file refused before its rows are looked at (unknown or missing columns). */
export interface Refusal {
  refused: true;
  code: ErrorCode;
  params: Record<string, unknown>;
  problems: RawProblem[];
}

export interface ImportInput {
  planId: string;
  table: TableOk;
  locale: Locale;
  progress: (fraction: number) => void;
}

export interface Importer {
  /** The fixed columns; `templateColumns` adds the plan's own (breakdown columns). */
  specs: readonly ColumnSpec[];
  prepare(db: Executor, input: ImportInput): Promise<Prepared | Refusal>;
  /** Headers (in the language) and one example row for the plan's template. */
  template(db: Executor, planId: string, locale: Locale): Promise<{ headers: string[]; example: string[] }>;
}

/** Refuses a file with unknown or missing columns, naming them and the expected ones. */
export function columnRefusal(
  resolved: ResolvedColumns<string, { header: string }>,
  specs: readonly ColumnSpec[],
  locale: Locale,
  extra: string[] = [],
): Refusal | null {
  const expected = expectedColumns(specs, locale, extra);
  if (resolved.unknown.length) {
    const columns = resolved.unknown.map((c) => `"${c}"`).join(', ');
    return {
      refused: true,
      code: 'import_unknown_columns',
      params: { columns, expected },
      problems: resolved.unknown.map((c) => ({
        row: 1,
        column: c,
        code: 'import_unknown_columns',
        params: { columns: `"${c}"`, expected },
      })),
    };
  }
  if (resolved.missing.length) {
    const columns = resolved.missing.map((c) => `"${c}"`).join(', ');
    return {
      refused: true,
      code: 'import_missing_columns',
      params: { columns, expected },
      problems: [{ row: 1, column: null, code: 'import_missing_columns', params: { columns, expected } }],
    };
  }
  return null;
}

export const isRefusal = (x: Prepared | Refusal): x is Refusal => 'refused' in x;

/** Tallies row effects. */
export function tally(effects: readonly RowEffect[]) {
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const e of effects) {
    if (e === 'added') added++;
    else if (e === 'updated') updated++;
    else unchanged++;
  }
  return { added, updated, unchanged };
}

/** The stronger of two effects: added over updated over unchanged. */
export function stronger(a: RowEffect, b: RowEffect): RowEffect {
  const rank = { unchanged: 0, updated: 1, added: 2 } as const;
  return rank[a] >= rank[b] ? a : b;
}
