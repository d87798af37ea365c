/**
 * One import, from the file's bytes to what is stored: read the table (server/src/import/), match
 * its columns, validate every row against the plan, then (unless a dry run) write every row in
 * one transaction with one audit entry, and recompute the values computed from registrations.
 * Any problem refuses the whole file; nothing is half-stored.
 */
import type {
  ErrorCode,
  ImportKind,
  ImportPhase,
  ImportProblem,
  ImportResult,
  Locale,
} from '@pejling/contracts';
import type { Db, Executor } from '../../db/database.js';
import { describeProblem, readTable } from '../../import/read-table.js';
import { AppError, notFound } from '../../errors.js';
import { isUniqueViolation } from '../../http/error-handler.js';
import type { RequestContext } from '../../http/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { findPlanRow } from '../plans/plan.repository.js';
import { recomputeRegistrationValues } from '../results/registrations.service.js';
import { describeProblems } from './columns.js';
import { indicatorValuesImporter } from './indicator-values.import.js';
import { isRefusal, type Importer } from './kind.js';
import { participantsImporter } from './participants.import.js';
import { registrationsImporter } from './registrations.import.js';

export const IMPORTERS: Record<ImportKind, Importer> = {
  registrations: registrationsImporter,
  participants: participantsImporter,
  'indicator-values': indicatorValuesImporter,
};

/** Largest file accepted (also the upload's body limit). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 100_000;
export const MAX_IMPORT_COLUMNS = 200;

export interface ImportOptions {
  dryRun: boolean;
  locale: Locale;
  filename: string;
  onProgress?: (phase: ImportPhase, fraction: number, rows: number | null) => void;
}

export type ImportOutcome =
  | { refused: false; result: ImportResult }
  | {
      refused: true;
      code: ErrorCode;
      params: Record<string, unknown>;
      problems: ImportProblem[];
      result: ImportResult;
    };

export async function runImport(
  db: Db,
  ctx: RequestContext | null,
  planId: string,
  kind: ImportKind,
  bytes: Uint8Array,
  opts: ImportOptions,
): Promise<ImportOutcome> {
  const started = performance.now();
  const importer = IMPORTERS[kind];
  const progress = opts.onProgress ?? (() => {});
  if (!(await findPlanRow(db, planId))) throw notFound('plan_not_found');

  progress('reading', 0, null);
  const table = await readTable(
    { bytes, filename: opts.filename },
    {
      maxBytes: MAX_IMPORT_BYTES,
      maxRows: MAX_IMPORT_ROWS,
      maxColumns: MAX_IMPORT_COLUMNS,
      onProgress: (f) => progress('reading', f, null),
    },
  );
  const rowCount = table.ok ? table.rowCount : 0;
  const result = (over: Partial<ImportResult>): ImportResult => ({
    kind,
    dryRun: opts.dryRun,
    ok: false,
    rows: rowCount,
    added: 0,
    updated: 0,
    unchanged: 0,
    durationMs: Math.round(performance.now() - started),
    format: table.ok ? table.format : null,
    problems: [],
    ...over,
  });
  if (!table.ok) {
    const problems = table.problems.map((p) => ({
      row: p.row ?? null,
      column: p.column ?? null,
      message: describeProblem(p, opts.locale),
    }));
    progress('done', 1, null);
    return {
      refused: true,
      code: 'import_file_refused',
      params: { reason: problems[0]?.message ?? '' },
      problems,
      result: result({ problems }),
    };
  }
  const rows = rowCount;

  const prepare = (executor: Executor) =>
    importer.prepare(executor, {
      planId,
      table,
      locale: opts.locale,
      progress: (f) => progress('validating', f, rows),
    });

  if (opts.dryRun) {
    progress('validating', 0, rows);
    const prepared = await prepare(db);
    progress('done', 1, rows);
    if (isRefusal(prepared)) {
      const problems = describeProblems(prepared.problems, opts.locale);
      return {
        refused: true,
        code: prepared.code,
        params: prepared.params,
        problems,
        result: result({ problems }),
      };
    }
    const problems = describeProblems(prepared.problems.items, opts.locale);
    return {
      refused: false,
      result: result({
        ok: problems.length === 0,
        added: prepared.added,
        updated: prepared.updated,
        unchanged: prepared.unchanged,
        problems,
      }),
    };
  }

  class Rollback extends Error {
    constructor(readonly outcome: ImportOutcome) {
      super('import refused');
    }
  }
  try {
    return await db.transaction().execute(async (trx) => {
      progress('validating', 0, rows);
      const prepared = await prepare(trx);
      if (isRefusal(prepared)) {
        const problems = describeProblems(prepared.problems, opts.locale);
        throw new Rollback({
          refused: true,
          code: prepared.code,
          params: prepared.params,
          problems,
          result: result({ problems }),
        });
      }
      if (prepared.problems.length) {
        const problems = describeProblems(prepared.problems.items, opts.locale);
        throw new Rollback({
          refused: true,
          code: 'import_refused',
          params: { count: prepared.problems.full ? `${problems.length}+` : problems.length },
          problems,
          result: result({
            problems,
            added: prepared.added,
            updated: prepared.updated,
            unchanged: prepared.unchanged,
          }),
        });
      }
      progress('writing', 0, rows);
      await prepared.write(trx, (f) => progress('writing', f * 0.9, rows));
      if (prepared.added + prepared.updated > 0 && kind !== 'indicator-values')
        await recomputeRegistrationValues(trx, planId);
      const counts = {
        rows,
        added: prepared.added,
        updated: prepared.updated,
        unchanged: prepared.unchanged,
      };
      await recordAudit(trx, ctx, {
        action: 'import',
        entityType: `import_${kind.replace('-', '_')}`,
        planId,
        after: { file: opts.filename, format: table.format, ...counts },
      });
      progress('done', 1, rows);
      return { refused: false as const, result: result({ ok: true, ...counts }) };
    });
  } catch (e) {
    if (e instanceof Rollback) {
      progress('done', 1, rows);
      return e.outcome;
    }
    // Another import of some of the same rows committed first (several processes): this one is
    // rolled back whole, and importing the file again adds what is missing.
    if (isUniqueViolation(e)) throw new AppError('import_conflict', 409);
    throw e;
  }
}
