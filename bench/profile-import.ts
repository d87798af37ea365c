/**
 * `npx tsx bench/profile-import.ts --from KEPT.json [--files 3]` (add `node --cpu-prof --import tsx`
 * for a CPU profile): a diagnostic, not a benchmark figure. On a copy of a kept SQLite database
 * (`npm run bench -- --size national --keep --only none`) it imports files of 100,000
 * registrations into the kept plan through `runImport`, as the upload route does, and prints per
 * file the time of each phase, the time of recomputing the plan's computed values alone, and the
 * process's memory.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ActivityInput } from '@pejling/contracts';
import { openDatabase } from '../server/src/db/database.js';
import { migrateToLatest } from '../server/src/db/migrate.js';
import { runImport } from '../server/src/features/imports/imports.service.js';
import { recomputeRegistrationValues } from '../server/src/features/results/registrations.service.js';
import { createActivity } from '../server/src/features/results/results.service.js';

const { values } = parseArgs({
  options: { from: { type: 'string' }, files: { type: 'string', default: '3' } },
});
const kept = JSON.parse(fs.readFileSync(values.from!, 'utf8')) as { url: string; planId: string };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pejling-profile-import-'));
const file = path.join(dir, 'copy.sqlite');
fs.copyFileSync(kept.url, file);
const handle = openDatabase({ kind: 'sqlite', file });
const ctx = { principal: null, requestId: 'profile', locale: 'da' as const };
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
try {
  await migrateToLatest(handle.db);
  const planId = kept.planId;
  const plan = await handle.db
    .selectFrom('plans')
    .select(['periodStart', 'periodEnd'])
    .where('id', '=', planId)
    .executeTakeFirstOrThrow();
  const goal = await handle.db
    .selectFrom('goals')
    .select('id')
    .where('planId', '=', planId)
    .where('level', '=', 'result')
    .executeTakeFirst();
  const end = plan.periodEnd! < '2025-12-31' ? plan.periodEnd! : '2025-12-31';
  await createActivity(
    handle.db,
    ctx,
    planId,
    ActivityInput.parse({
      name: 'Importcafé',
      goalIds: goal ? [goal.id] : [],
      status: 'running',
      periodStart: plan.periodStart,
      periodEnd: end,
    }),
  );
  const header = 'Aktivitet;Dato;Deltagere;Timer;Note;Køn: Kvinde';
  const startDay = Date.parse(`${plan.periodStart}T00:00:00Z`) / 86_400_000;
  const days = Math.max(1, Date.parse(`${end}T00:00:00Z`) / 86_400_000 - startDay);
  let seed = 12345;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
  for (let f = 0; f < Number(values.files); f++) {
    const lines = [header];
    for (let i = 0; i < 100_000; i++) {
      const d = new Date((startDay + Math.floor(next() * days)) * 86_400_000).toISOString().slice(0, 10);
      const participants = 1 + Math.floor(next() * 30);
      const hours = String(Math.round(next() * 40) / 10).replace('.', ',');
      lines.push(
        `Importcafé;${d.split('-').reverse().join('-')};${participants};${hours};Gang ${f * 100_000 + i + 1};${Math.floor(next() * participants)}`,
      );
    }
    const bytes = Buffer.from(lines.join('\n') + '\n', 'utf8');
    const phases: Record<string, number> = {};
    const breakdown: Record<string, Record<string, number>> = {};
    let last = '';
    (globalThis as { gc?: () => void }).gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let peak = process.memoryUsage().rss;
    const heapPeak: Record<string, number> = {};
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peak = Math.max(peak, m.rss);
      if (last) heapPeak[last] = Math.max(heapPeak[last] ?? 0, m.heapUsed);
    }, 20);
    let at = performance.now();
    const t = performance.now();
    const r = await runImport(handle.db, ctx, planId, 'registrations', bytes, {
      dryRun: false,
      locale: 'da',
      filename: `profile-${f + 1}.csv`,
      onProgress: (phase) => {
        const m = process.memoryUsage();
        const status = fs.readFileSync('/proc/self/status', 'utf8');
        const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
        const snap = {
          rss: m.rss,
          heapTotal: m.heapTotal,
          heapUsed: m.heapUsed,
          external: m.external,
          anon: kb('RssAnon'),
          file: kb('RssFile'),
          shmem: kb('RssShmem'),
        };
        const prev = breakdown[phase];
        if (!prev || snap.rss > (prev.rss ?? 0)) breakdown[phase] = snap;
        if (phase === last) return;
        const now = performance.now();
        if (process.env.PHASES) console.error(`${Date.now()} ${phase}`);
        if (last) phases[last] = (phases[last] ?? 0) + (now - at);
        last = phase;
        at = now;
      },
    });
    const total = performance.now() - t;
    clearInterval(sampler);
    if (r.refused || r.result.added !== 100_000) throw new Error(JSON.stringify(r.result).slice(0, 400));
    if (process.env.BREAKDOWN)
      for (const [phase, snap] of Object.entries(breakdown))
        console.log(
          `  ${phase} at its largest RSS: ${Object.entries(snap)
            .map(([k, v]) => `${k} ${mb(v)}`)
            .join(', ')}`,
        );
    const t2 = performance.now();
    await handle.db.transaction().execute((trx) => recomputeRegistrationValues(trx, planId));
    const recompute = performance.now() - t2;
    console.log(
      `file ${f + 1}: ${(total / 1000).toFixed(2)} s (${Object.entries(phases)
        .map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`)
        .join(
          ', ',
        )}); recompute alone ${(recompute / 1000).toFixed(2)} s; peak ${mb(peak)}; heap ${mb(heapBefore)} before, peak per phase ${Object.entries(
        heapPeak,
      )
        .map(([k, v]) => `${k} ${mb(v)}`)
        .join(', ')}`,
    );
  }
} finally {
  await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
