import type SqliteDatabase from 'better-sqlite3';
import { PostgresAdapter } from 'kysely';
import type { Db } from '../../server/src/db/database.js';
import { BulkWriter } from './bulk.js';
import { SCALES, type Generated, type GeneratorContext, type GeneratorModule, type Size } from './context.js';
import { createRng } from './prng.js';
import { poolsGenerator } from './pools.js';
import { registryGenerator } from './registry.js';
import { resultsGenerator } from './results.js';
import { portfolioGenerator } from './portfolio.js';

export * from './context.js';

/**
 * The generator modules in order. Each capability appends its own (activities, participants,
 * registrations, indicator values, transcripts), forking its own sequence from the seed, so the
 * data of the modules before it stays the same.
 */
export const GENERATORS: GeneratorModule[] = [
  poolsGenerator,
  registryGenerator,
  resultsGenerator,
  portfolioGenerator,
];

/** A fixed instant for every generated timestamp, so a seed gives byte-identical rows. */
export const GENERATED_AT = '2026-01-01T00:00:00.000Z';

/**
 * Writes synthetic national data of the given size into a migrated, empty database, straight
 * through Kysely: the registry in one transaction, then the results framework plan by plan in
 * transactions of its own. The four real pools are written with seeded ids unless the database
 * already has them. On SQLite, pass the raw connection (`openDatabase(…).sqlite`) for the fast
 * path of bulk inserts.
 */
export async function generate(
  db: Db,
  size: Size,
  seed = 1,
  opts: { sqlite?: SqliteDatabase.Database | null; progress?: (message: string) => void } = {},
): Promise<Generated> {
  const out: Generated = {
    municipalityIds: [],
    housingOrganisationIds: [],
    areaIds: [],
    secretariatIds: [],
    plans: [],
    userIds: [],
    rows: {},
  };
  const kind = db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
  const bulk = new BulkWriter(kind, opts.sqlite ?? null, out.rows);
  const rng = createRng(seed);
  const context = (executor: GeneratorContext['db']): GeneratorContext => ({
    db: executor,
    size,
    scale: SCALES[size],
    rng,
    now: GENERATED_AT,
    out,
    bulk,
    progress: opts.progress ?? (() => {}),
  });
  await db.transaction().execute(async (trx) => {
    for (const module of GENERATORS) if (!module.ownTransactions) await module.run(context(trx));
  });
  for (const module of GENERATORS) if (module.ownTransactions) await module.run(context(db));
  return out;
}
