/**
 * The bench harness: `npm run bench -- --size small|national|4x [--database sqlite|postgres]`.
 * Generates the data, runs each benchmark against the product, prints one line per figure and
 * writes them to bench/results.json.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../server/src/db/database.js';
import { migrateToLatest } from '../server/src/db/migrate.js';
import { GENERATED_ADMIN_EMAIL, GENERATED_PASSWORD, SIZES, generate, type Size } from './generate/index.js';
import { createScratchDatabase, databaseConfig, type DatabaseKind } from './lib/database.js';
import { ROOT, buildServer, login, sessionHeaders, startServer } from './lib/server.js';
import { BENCHMARKS, type BenchContext, type Figure } from './benchmarks.js';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'small' },
    database: { type: 'string', default: 'sqlite' },
    seed: { type: 'string', default: '1' },
    duration: { type: 'string' },
    connections: { type: 'string', default: '50' },
    only: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
  },
});
const size = values.size as Size;
if (!SIZES.includes(size)) throw new Error(`--size must be one of ${SIZES.join(', ')}`);
const database = values.database as DatabaseKind;
if (database !== 'sqlite' && database !== 'postgres')
  throw new Error('--database must be sqlite or postgres');
const durationSeconds = Number(values.duration ?? (size === 'small' ? 3 : 20));
const only = values.only?.split(',');

const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
  } catch {
    return null;
  }
})();

if (!values['no-build']) buildServer();
const scratch = await createScratchDatabase(database);
const figures: Figure[] = [];
try {
  const handle = openDatabase(databaseConfig(scratch));
  await migrateToLatest(handle.db);
  const started = performance.now();
  const out = await generate(handle.db, size, Number(values.seed));
  const seconds = (performance.now() - started) / 1000;
  const total = Object.values(out.rows).reduce((a, b) => a + b, 0);
  console.log(
    `generated ${size} (seed ${values.seed}) on ${database} in ${seconds.toFixed(1)} s: ${total} rows (${Object.entries(
      out.rows,
    )
      .map(([t, n]) => `${t} ${n}`)
      .join(', ')})`,
  );
  await handle.close();

  const server = await startServer({ databaseUrl: scratch.url });
  try {
    const session = await login(server.url, GENERATED_ADMIN_EMAIL, GENERATED_PASSWORD);
    const ctx: BenchContext = {
      url: server.url,
      headers: sessionHeaders(session),
      size,
      database,
      durationSeconds,
      connections: Number(values.connections),
      planId: out.plans[0]!.id,
    };
    for (const b of BENCHMARKS) {
      if (only && !only.includes(b.name)) continue;
      const figure = await b.run(ctx);
      figures.push(figure);
      const fmt = (v: number | null) => (v === null ? 'none' : String(Math.round(v * 1000) / 1000));
      console.log(
        `bench ${figure.name}: ours=${fmt(figure.ours)} ref=${fmt(figure.ref)} ratio=${fmt(figure.ratio)} unit=${figure.unit}`,
      );
      if (figure.note) console.log(`  ${figure.note}`);
    }
  } finally {
    await server.stop();
  }
} finally {
  await scratch.drop();
}

const date = new Date().toISOString();
const file = path.join(ROOT, 'bench/results.json');
fs.writeFileSync(
  file,
  JSON.stringify(
    figures.map(({ name, ours, ref, ratio, unit }) => ({
      name,
      ours,
      ref,
      ratio,
      unit,
      size,
      database,
      date,
      commit,
    })),
    null,
    2,
  ) + '\n',
);
console.log(`wrote ${path.relative(process.cwd(), file)}`);
