import type { Db } from '../../server/src/db/database.js';
import { SCALES, type Generated, type GeneratorModule, type Size } from './context.js';
import { createRng } from './prng.js';
import { poolsGenerator } from './pools.js';
import { registryGenerator } from './registry.js';

export * from './context.js';

/**
 * The generator modules in order. Each capability appends its own (activities, participants,
 * registrations, indicator values, transcripts), forking its own sequence from the seed, so the
 * data of the modules before it stays the same.
 */
export const GENERATORS: GeneratorModule[] = [poolsGenerator, registryGenerator];

/** A fixed instant for every generated timestamp, so a seed gives byte-identical rows. */
export const GENERATED_AT = '2026-01-01T00:00:00.000Z';

/**
 * Writes synthetic national data of the given size into a migrated, empty database, straight
 * through Kysely in one transaction. The four real pools are
 * written with seeded ids unless the database already has them.
 */
export async function generate(db: Db, size: Size, seed = 1): Promise<Generated> {
  const out: Generated = {
    municipalityIds: [],
    housingOrganisationIds: [],
    areaIds: [],
    secretariatIds: [],
    plans: [],
    userIds: [],
    rows: {},
  };
  await db.transaction().execute(async (trx) => {
    const rng = createRng(seed);
    for (const module of GENERATORS)
      await module.run({ db: trx, size, scale: SCALES[size], rng, now: GENERATED_AT, out });
  });
  return out;
}
