/**
 * `npx tsx bench/import.ts [--database sqlite|postgres] [--rows 10000]`: rows per second of a
 * registrations import (read, check every row, write in one transaction, recompute the computed
 * indicator, audit) against a bare INSERT of the same rows in the same process, on a fresh
 * database; the same file a second time (adds nothing); and the process's peak RSS during the
 * import. Prints `bench NAME: ours=… ref=… ratio=… unit=…` lines like `npm run bench`.
 */
import { parseArgs } from 'node:util';
import { ActivityInput, GoalInput, IndicatorInput } from '@pejling/contracts';
import { openDatabase } from '../server/src/db/database.js';
import { migrateToLatest } from '../server/src/db/migrate.js';
import { newId, nowIso, toJson } from '../server/src/db/portable.js';
import { ensurePools } from '../server/src/seed/demo.js';
import { runImport } from '../server/src/features/imports/imports.service.js';
import {
  createActivity,
  createGoal,
  createIndicator,
} from '../server/src/features/results/results.service.js';
import { buildPlan } from '../server/test/factories.js';
import { createScratchDatabase, databaseConfig, type DatabaseKind } from './lib/database.js';

const { values } = parseArgs({
  options: {
    database: { type: 'string', default: 'sqlite' },
    rows: { type: 'string', default: '10000' },
  },
});
const kind = values.database as DatabaseKind;
const rows = Number(values.rows);
const ctx = { principal: null, requestId: 'bench', locale: 'da' as const };

/** mulberry32: the same rows every run. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const scratch = await createScratchDatabase(kind, 'import');
const handle = openDatabase(databaseConfig(scratch));
try {
  await migrateToLatest(handle.db);
  await handle.db.transaction().execute((trx) => ensurePools(trx));
  const plan = await buildPlan(handle.db, { periodStart: '2020-01-01', periodEnd: '2026-12-31' });
  const goal = await createGoal(
    handle.db,
    ctx,
    plan.id,
    GoalInput.parse({ level: 'activity', focusAreaId: plan.focusAreas[0]!.id, title: 'Lektiecafé' }),
  );
  await createIndicator(
    handle.db,
    ctx,
    plan.id,
    IndicatorInput.parse({
      goalId: goal.id,
      name: 'Fremmøde',
      kind: 'count',
      direction: 'higher_is_better',
      dataSource: 'registrations',
      registrationMeasure: 'participants',
      combine: 'sum',
      breakdowns: [{ key: 'gender', label: 'Køn', categories: ['Kvinde', 'Mand'] }],
      targets: [{ period: '2024', value: 1000 }],
    }),
  );
  const activity = await createActivity(
    handle.db,
    ctx,
    plan.id,
    ActivityInput.parse({
      name: 'Lektiecafé',
      goalIds: [goal.id],
      status: 'running',
      periodStart: '2021-01-01',
      periodEnd: '2025-12-31',
    }),
  );

  // The file: Danish CSV, one session a row, dates over five years.
  const random = rng(1);
  const start = Date.UTC(2021, 0, 1);
  const parsed: { date: string; participants: number; women: number; hours: number; note: string }[] = [];
  for (let i = 0; i < rows; i++) {
    const d = new Date(start + Math.floor(random() * 1826) * 86_400_000).toISOString().slice(0, 10);
    const participants = 1 + Math.floor(random() * 30);
    parsed.push({
      date: d,
      participants,
      women: Math.floor(random() * participants),
      hours: Math.round(random() * 40) / 10,
      note: `Gang ${i + 1}`,
    });
  }
  const csv = [
    'Aktivitet;Dato;Deltagere;Timer;Note;Køn: Kvinde',
    ...parsed.map(
      (r) =>
        `Lektiecafé;${r.date.split('-').reverse().join('-')};${r.participants};${String(r.hours).replace('.', ',')};${r.note};${r.women}`,
    ),
  ].join('\r\n');
  const bytes = Buffer.from(csv, 'utf8');

  let peak = 0;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const rssBefore = process.memoryUsage().rss;
  let t = performance.now();
  let phaseAt = performance.now();
  let lastPhase = '';
  const phases: Record<string, number> = {};
  const first = await runImport(handle.db, ctx, plan.id, 'registrations', bytes, {
    dryRun: false,
    locale: 'da',
    filename: 'bench.csv',
    onProgress: (phase) => {
      if (phase === lastPhase) return;
      const at = performance.now();
      if (lastPhase) phases[lastPhase] = (at - phaseAt) / 1000;
      lastPhase = phase;
      phaseAt = at;
    },
  });
  const importSeconds = (performance.now() - t) / 1000;
  clearInterval(sample);
  peak = Math.max(peak, process.memoryUsage().rss);
  if (first.refused || first.result.added !== rows)
    throw new Error(`import did not add every row: ${JSON.stringify(first.result).slice(0, 500)}`);

  t = performance.now();
  const second = await runImport(handle.db, ctx, plan.id, 'registrations', bytes, {
    dryRun: false,
    locale: 'da',
    filename: 'bench.csv',
  });
  const againSeconds = (performance.now() - t) / 1000;
  if (second.refused || second.result.added !== 0 || second.result.unchanged !== rows)
    throw new Error(`the second import changed something: ${JSON.stringify(second.result).slice(0, 500)}`);

  // The reference: the same rows, already parsed, inserted bare in one transaction.
  const now = nowIso();
  t = performance.now();
  await handle.db.transaction().execute(async (trx) => {
    const values = parsed.map((r) => ({
      id: newId(),
      planId: plan.id,
      activityId: activity.id,
      date: r.date,
      participants: r.participants,
      countsJson: toJson({ gender: { Kvinde: r.women } }) ?? '{}',
      hours: r.hours,
      note: r.note,
      source: 'manual',
      importKey: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    }));
    for (let i = 0; i < values.length; i += 200)
      await trx
        .insertInto('registrations')
        .values(values.slice(i, i + 200))
        .execute();
  });
  const bareSeconds = (performance.now() - t) / 1000;

  const phaseText = Object.entries(phases)
    .map(([k, v]) => `${k} ${v.toFixed(2)} s`)
    .join(', ');
  const ours = rows / importSeconds;
  const ref = rows / bareSeconds;
  const line = (name: string, o: number, r: number | null, unit: string, note: string) =>
    console.log(
      `bench ${name}: ours=${o.toFixed(1)} ref=${r === null ? '-' : r.toFixed(1)} ratio=${r === null ? '-' : (o / r).toFixed(3)} unit=${unit} (${note})`,
    );
  line(
    `import-${kind}`,
    ours,
    ref,
    'rows/s',
    `${rows} registrations in ${importSeconds.toFixed(2)} s (${phaseText}); bare INSERT in ${bareSeconds.toFixed(2)} s`,
  );
  line(
    `import-again-${kind}`,
    rows / againSeconds,
    null,
    'rows/s',
    `same file, 0 added, ${againSeconds.toFixed(2)} s`,
  );
  line(
    'import-peak-memory',
    peak / 1024 / 1024,
    null,
    'MB RSS',
    `process peak during the import (${(rssBefore / 1024 / 1024).toFixed(0)} MB before); file ${(bytes.length / 1024).toFixed(0)} KB`,
  );
} finally {
  await handle.close();
  await scratch.drop();
}
