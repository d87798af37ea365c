import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../server/src/db/database.js';
import { migrateToLatest } from '../server/src/db/migrate.js';
import { generate } from '../bench/generate/index.js';
import { createScratchDatabase, databaseConfig, type ScratchDatabase } from '../bench/lib/database.js';
import { summarise } from './lib/tables.js';

/** The bench data generator: a seed gives the same rows every time; another seed gives others. */
const scratch: ScratchDatabase[] = [];
afterAll(async () => {
  for (const s of scratch) await s.drop();
});

async function generatedSummary(seed: number) {
  const s = await createScratchDatabase('sqlite', 'gen');
  scratch.push(s);
  const handle = openDatabase(databaseConfig(s));
  try {
    await migrateToLatest(handle.db);
    const out = await generate(handle.db, 'small', seed);
    const summary = await summarise(handle.db, 'sqlite');
    delete summary['kysely_migration'];
    delete summary['kysely_migration_lock'];
    return { out, summary };
  } finally {
    await handle.close();
  }
}

describe('generator', () => {
  it('writes the same rows for the same seed and different ones for another', async () => {
    const a = await generatedSummary(7);
    const b = await generatedSummary(7);
    const c = await generatedSummary(8);
    expect(a.summary.plans!.rows).toBe(20);
    expect(new Set(a.out.plans.map((p) => p.poolId)).size).toBe(4);
    expect(b.summary).toEqual(a.summary);
    expect(c.summary.plans!.checksum).not.toBe(a.summary.plans!.checksum);
  });
});
