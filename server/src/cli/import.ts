/**
 * `pejling import registrations|participants|indicator-values FILE --plan ID`: the same import as
 * the Data tab, with a progress bar on stderr (redrawn in place on a terminal, a line per phase
 * otherwise) and the counts on stdout. A refused file lists its problems and exits non-zero.
 */
import fs from 'node:fs';
import path from 'node:path';
import { errorMessage, type ImportKind, type ImportPhase, type Locale } from '@pejling/contracts';
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';
import { MAX_IMPORT_BYTES, runImport } from '../features/imports/imports.service.js';

export interface ImportCommandOptions {
  kind: ImportKind;
  file: string;
  planId: string;
  dryRun: boolean;
  locale: Locale;
}

export interface Output {
  write(text: string): void;
  isTTY?: boolean;
}

const PHASES: Record<ImportPhase, { da: string; en: string }> = {
  waiting: { da: 'Venter', en: 'Waiting' },
  reading: { da: 'Læser filen', en: 'Reading the file' },
  validating: { da: 'Kontrollerer rækkerne', en: 'Checking the rows' },
  writing: { da: 'Gemmer', en: 'Storing' },
  done: { da: 'Færdig', en: 'Done' },
};
const ORDER: ImportPhase[] = ['reading', 'validating', 'writing', 'done'];

/** A bar over the whole import: each phase is a share of it. */
export function progressLine(phase: ImportPhase, fraction: number, locale: Locale, width = 30): string {
  const share: Record<ImportPhase, [number, number]> = {
    waiting: [0, 0],
    reading: [0, 0.3],
    validating: [0.3, 0.8],
    writing: [0.8, 1],
    done: [1, 1],
  };
  const [from, to] = share[phase];
  const total = Math.max(0, Math.min(1, from + (to - from) * fraction));
  const filled = Math.round(total * width);
  const percent = String(Math.round(total * 100)).padStart(3);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent} % ${PHASES[phase][locale]}`;
}

const numberText = (n: number, locale: Locale) => n.toLocaleString(locale === 'da' ? 'da-DK' : 'en-GB');

/** Runs the import and returns the exit code (0 stored or checked, 1 refused, 2 unusable arguments). */
export async function importCommand(
  db: Db,
  opts: ImportCommandOptions,
  out: Output,
  err: Output,
): Promise<number> {
  const da = opts.locale === 'da';
  let bytes: Buffer;
  try {
    const stat = fs.statSync(opts.file);
    if (stat.size > MAX_IMPORT_BYTES) {
      err.write(
        `${errorMessage('import_too_large', opts.locale, { maxMb: MAX_IMPORT_BYTES / 1024 / 1024 })}\n`,
      );
      return 1;
    }
    bytes = fs.readFileSync(opts.file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    err.write(
      code === 'ENOENT'
        ? `${opts.file}: ${da ? 'filen findes ikke' : 'no such file'}\n`
        : `${opts.file}: ${String(e)}\n`,
    );
    return 2;
  }

  let lastPhase: ImportPhase | null = null;
  let lastDrawn = -1;
  const onProgress = (phase: ImportPhase, fraction: number) => {
    if (err.isTTY) {
      const line = progressLine(phase, fraction, opts.locale);
      const key = ORDER.indexOf(phase) * 1000 + Math.round(fraction * 100);
      if (key === lastDrawn) return;
      lastDrawn = key;
      err.write(`\r${line}${phase === 'done' ? '\n' : ''}`);
    } else if (phase !== lastPhase) {
      err.write(`${progressLine(phase, phase === 'done' ? 1 : 0, opts.locale)}\n`);
    }
    lastPhase = phase;
  };

  let outcome;
  try {
    outcome = await runImport(db, null, opts.planId, opts.kind, bytes, {
      dryRun: opts.dryRun,
      locale: opts.locale,
      filename: path.basename(opts.file),
      onProgress,
    });
  } catch (e) {
    if (err.isTTY && lastPhase !== 'done') err.write('\n');
    if (e instanceof AppError) {
      err.write(`${errorMessage(e.code, opts.locale, e.params)} (--plan ${opts.planId})\n`);
      return 2;
    }
    throw e;
  }
  const r = outcome.result;
  const seconds = (r.durationMs / 1000).toLocaleString(da ? 'da-DK' : 'en-GB', { maximumFractionDigits: 2 });
  if (outcome.refused || !r.ok) {
    const head = outcome.refused
      ? errorMessage(outcome.code, opts.locale, outcome.params)
      : da
        ? `Filen har ${r.problems.length} fejl.`
        : `The file has ${r.problems.length} problems.`;
    err.write(`${head}\n`);
    for (const p of r.problems) {
      const where = [
        p.row !== null ? `${da ? 'række' : 'row'} ${p.row}` : null,
        p.column !== null ? `${da ? 'kolonne' : 'column'} ${p.column}` : null,
      ]
        .filter(Boolean)
        .join(', ');
      err.write(`  ${where ? `${where}: ` : ''}${p.message}\n`);
    }
    return 1;
  }
  const n = (x: number) => numberText(x, opts.locale);
  out.write(
    da
      ? `${opts.dryRun ? 'Kontrolleret (intet gemt)' : 'Indlæst'}: ${n(r.rows)} rækker, ${n(r.added)} tilføjet, ${n(r.updated)} ændret, ${n(r.unchanged)} uændret på ${seconds} s\n`
      : `${opts.dryRun ? 'Checked (nothing stored)' : 'Imported'}: ${n(r.rows)} rows, ${n(r.added)} added, ${n(r.updated)} updated, ${n(r.unchanged)} unchanged in ${seconds} s\n`,
  );
  return 0;
}
