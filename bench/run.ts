/**
 * The bench harness: `npm run bench -- --size small|national|4x [--database sqlite|postgres]`.
 * Generates the data, runs each benchmark against the product, prints one line per figure and
 * writes them to bench/results.json.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import { openDatabase } from '../server/src/db/database.js';
import { migrateToLatest } from '../server/src/db/migrate.js';
import type { Database } from '../server/src/db/schema.js';
import { GENERATED_ADMIN_EMAIL, GENERATED_PASSWORD, SIZES, generate, type Size } from './generate/index.js';
import { DATA_END } from './generate/results.js';
import {
  POSTGRES_URL,
  createScratchDatabase,
  databaseConfig,
  withPgClient,
  type DatabaseKind,
  type ScratchDatabase,
} from './lib/database.js';
import { ROOT, buildServer, login, sessionHeaders, startServer, type ServerProcess } from './lib/server.js';
import { BENCHMARKS, type BenchContext, type BenchTarget, type Figure } from './benchmarks.js';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'small' },
    database: { type: 'string', default: 'sqlite' },
    seed: { type: 'string', default: '1' },
    duration: { type: 'string' },
    connections: { type: 'string', default: '50' },
    only: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    from: { type: 'string' },
  },
});
const size = values.size as Size;
if (!SIZES.includes(size)) throw new Error(`--size must be one of ${SIZES.join(', ')}`);
const database = values.database as DatabaseKind;
if (database !== 'sqlite' && database !== 'postgres')
  throw new Error('--database must be sqlite or postgres');
const durationSeconds = Number(values.duration ?? (size === 'small' ? 3 : 20));
const only = values.only?.split(',');

/**
 * `--keep` leaves the generated database in place and writes where it is (and the plan the
 * one-plan figures use) to a small JSON file; `--from FILE` starts from a copy of that database
 * instead of generating (the SQLite file copied, or a PostgreSQL database made from it as a
 * template), migrated to the current source. Generating `national` takes minutes; a kept copy
 * lets each benchmark start from the same data in seconds, and the original is never changed.
 */
interface Kept {
  size: Size;
  seed: string;
  database: DatabaseKind;
  url: string;
  planId: string;
}
const from: Kept | null = values.from ? (JSON.parse(fs.readFileSync(values.from, 'utf8')) as Kept) : null;
if (from && (from.size !== size || from.database !== database || from.seed !== values.seed))
  throw new Error(
    `--from holds ${from.size} ${from.database} data (seed ${from.seed}); pass the same --size, --database and --seed`,
  );
if (from && size === '4x') throw new Error('--from serves one size; --size 4x generates national beside it');

const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
  } catch {
    return null;
  }
})();

if (!values['no-build']) buildServer();

interface Prepared {
  scratch: ScratchDatabase;
  server: ServerProcess | null;
  target: BenchTarget | null;
  /** Left in place for later `--from` runs (`--keep`). */
  kept?: boolean;
}

/**
 * On PostgreSQL, the planner's statistics of the loaded tables, as autovacuum gathers them after a
 * bulk load on a running server (and `pejling restore` after a restore): without them it reads
 * whole tables where an index would do.
 */
async function analyze(db: Kysely<Database>): Promise<void> {
  if (database === 'postgres') await sql`analyze`.execute(db);
}

/** A fresh database of one size with the generated data, and the built server on it, logged in. */
async function prepare(forSize: Size, cleanup: Prepared[]): Promise<BenchTarget> {
  const scratch = await createScratchDatabase(database).catch((err: Error) => {
    throw new Error(
      `Could not create a ${database} database (${err.message}); for PostgreSQL set BENCH_DATABASE_URL to a server the bench may create databases on`,
    );
  });
  const prepared: Prepared = { scratch, server: null, target: null };
  cleanup.push(prepared);
  if (from) {
    const started = performance.now();
    await copyDatabase(from, prepared.scratch);
    const handle = openDatabase(databaseConfig(prepared.scratch));
    try {
      const applied = await migrateToLatest(handle.db);
      await analyze(handle.db);
      console.log(
        `copied ${from.url} in ${((performance.now() - started) / 1000).toFixed(1)} s${applied.length ? `; migrated: ${applied.join(', ')}` : ''}`,
      );
    } finally {
      await handle.close();
    }
    return serve(prepared, from.planId);
  }
  const handle = openDatabase(databaseConfig(prepared.scratch));
  let planId: string;
  try {
    await migrateToLatest(handle.db);
    const started = performance.now();
    const out = await generate(handle.db, forSize, Number(values.seed), {
      sqlite: handle.sqlite,
      progress: (m) => console.log(`  ${m}`),
    });
    await analyze(handle.db);
    const seconds = (performance.now() - started) / 1000;
    const total = Object.values(out.rows).reduce((a, b) => a + b, 0);
    const counts = Object.entries(out.rows)
      .map(([t, n]) => `${t} ${n}`)
      .join(', ');
    console.log(
      `generated ${forSize} (seed ${values.seed}) on ${database} in ${seconds.toFixed(1)} s: ${total} rows (${counts})`,
    );
    // The plan the one-plan figures use: the first with registrations (a plan that has started).
    planId = (out.plans.find((p) => p.periodStart <= DATA_END) ?? out.plans[0]!).id;
  } finally {
    await handle.close();
  }
  if (values.keep) {
    prepared.kept = true;
    const kept: Kept = { size: forSize, seed: values.seed, database, url: scratch.url, planId };
    const file = path.join(scratch.dir, 'kept.json');
    fs.writeFileSync(file, JSON.stringify(kept, null, 2) + '\n');
    console.log(`kept the generated database: --from ${file}`);
  }
  return serve(prepared, planId);
}

/** Starts the built server on the prepared database and logs in as the generated administrator. */
async function serve(prepared: Prepared, planId: string): Promise<BenchTarget> {
  prepared.server = await startServer({ databaseUrl: prepared.scratch.url });
  const session = await login(prepared.server.url, GENERATED_ADMIN_EMAIL, GENERATED_PASSWORD);
  return {
    url: prepared.server.url,
    headers: sessionHeaders(session),
    planId,
    databaseUrl: prepared.scratch.url,
    serverPid: prepared.server.child.pid!,
  };
}

/** Fills an empty scratch database with a copy of a kept one. */
async function copyDatabase(source: Kept, into: ScratchDatabase): Promise<void> {
  if (source.database === 'sqlite') {
    fs.copyFileSync(source.url, into.url);
    return;
  }
  const name = (u: string) => new URL(u).pathname.slice(1);
  await withPgClient(POSTGRES_URL, async (c) => {
    await c.query(`DROP DATABASE ${name(into.url)}`);
    await c.query(`CREATE DATABASE ${name(into.url)} TEMPLATE ${name(source.url)}`);
  });
}

const figures: Figure[] = [];
const cleanup: Prepared[] = [];
try {
  const target = await prepare(size, cleanup);
  // At 4x the same command also measures national, for the growth figures.
  const wantsGrowth =
    size === '4x' && (!only || BENCHMARKS.some((b) => b.needsBaseline && only.includes(b.name)));
  const baseline = wantsGrowth ? await prepare('national', cleanup) : null;
  const ctx: BenchContext = {
    ...target,
    baseline,
    size,
    database,
    durationSeconds,
    connections: Number(values.connections),
  };
  for (const b of BENCHMARKS) {
    if (only && !only.includes(b.name)) continue;
    if (b.needsBaseline && !baseline) continue;
    for (const figure of [await b.run(ctx)].flat()) {
      figures.push(figure);
      const fmt = (v: number | null) => (v === null ? 'none' : String(Math.round(v * 1000) / 1000));
      console.log(
        `bench ${figure.name}: ours=${fmt(figure.ours)} ref=${fmt(figure.ref)} ratio=${fmt(figure.ratio)} unit=${figure.unit}`,
      );
      if (figure.note) console.log(`  ${figure.note}`);
    }
  }
} catch (err) {
  // What the server said, for a figure that failed because the server stopped answering.
  for (const p of cleanup) {
    const said = p.server?.output().trim();
    if (said) console.error(`server output (last 5,000 characters):\n${said.slice(-5000)}`);
  }
  throw err;
} finally {
  for (const p of cleanup) {
    await p.server?.stop();
    if (!p.kept) await p.scratch.drop();
  }
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
