/**
 * `npx tsx bench/profile-results.ts` (`N=30` calls by default 10; add `node --cpu-prof --import tsx`
 * for a CPU profile): a diagnostic, not a benchmark figure. It generates a few plans shaped like
 * `national`'s (per plan 100 activities, 20,000 registrations, about 2,000 indicator values) into a
 * scratch SQLite file and times what `GET /api/plans/:id/results` computes (`getFramework`), the
 * zod check of its response and its JSON, in milliseconds per call.
 */
import { openDatabase } from '../server/src/db/database.js';
import { migrateToLatest } from '../server/src/db/migrate.js';
import { getFramework } from '../server/src/features/results/results.service.js';
import { generate, SCALES } from './generate/index.js';
import { createScratchDatabase, databaseConfig } from './lib/database.js';

// Plans shaped like `national`'s (per plan: 100 activities, 20,000 registrations, 2,000 values), few of them.
Object.assign(SCALES.small, {
  plans: 4,
  activities: 400,
  participants: 16_000,
  registrations: 80_000,
  indicatorValues: 8_000,
});
const scratch = await createScratchDatabase('sqlite', 'profile');
const handle = openDatabase(databaseConfig(scratch));
await migrateToLatest(handle.db);
const g = await generate(handle.db, 'small', 1, { sqlite: handle.sqlite });
const plan = g.plans.find((p) => p.periodStart <= '2025-12-31')!;
console.log(
  'plan',
  plan.id,
  g.rows['registrations'],
  g.rows['indicator_values'] ?? g.rows['indicatorValues'],
);
let json = '';
for (let i = 0; i < 3; i++) json = JSON.stringify(await getFramework(handle.db, plan.id));
const t0 = performance.now();
const N = Number(process.env.N ?? 10);
for (let i = 0; i < N; i++) json = JSON.stringify(await getFramework(handle.db, plan.id));
console.log(
  `getFramework: ${((performance.now() - t0) / N).toFixed(1)} ms per call, ${(json.length / 1024).toFixed(0)} KB`,
);
const { ResultsFramework } = await import('@pejling/contracts');
const obj = await getFramework(handle.db, plan.id);
const t1 = performance.now();
for (let i = 0; i < N; i++) ResultsFramework.parse(obj);
console.log(`zod parse of the response: ${((performance.now() - t1) / N).toFixed(1)} ms per call`);
const t2 = performance.now();
for (let i = 0; i < N; i++) JSON.stringify(obj);
console.log(`JSON.stringify: ${((performance.now() - t2) / N).toFixed(1)} ms per call`);
await handle.close();
await scratch.drop();
