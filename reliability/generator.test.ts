import crypto from 'node:crypto';
import { sql } from 'kysely';
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
    const out = await generate(handle.db, 'small', seed, { sqlite: handle.sqlite });
    const summary = await summarise(handle.db, 'sqlite');
    delete summary['kysely_migration'];
    delete summary['kysely_migration_lock'];
    // Values computed by the product's recomputation get fresh ids and timestamps each run:
    // compare what they say, not those.
    const { rows } = await sql<Record<string, unknown>>`
      select indicator_id, definition_version, period, breakdown_key, state, value, numerator,
             denominator, sum, count, source
      from indicator_values order by indicator_id, period, breakdown_key, source`.execute(handle.db);
    const hash = crypto.createHash('sha256');
    for (const row of rows) hash.update(JSON.stringify(Object.values(row)) + '\n');
    summary['indicator_values'] = { rows: rows.length, checksum: hash.digest('hex') };
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
    expect(a.summary.registrations!.rows).toBe(2000);
    expect(a.summary.participants!.rows).toBe(400);
    expect(a.summary.activities!.rows).toBe(100);
    // The values entered by hand, and those computed from registrations on top.
    expect(a.out.rows['indicatorValues']).toBe(1000);
    expect(a.out.rows['indicatorValuesComputed']).toBeGreaterThan(0);
    expect(new Set(a.out.plans.map((p) => p.poolId)).size).toBe(4);
    expect(b.summary).toEqual(a.summary);
    expect(c.summary.plans!.checksum).not.toBe(a.summary.plans!.checksum);
    expect(c.summary.registrations!.checksum).not.toBe(a.summary.registrations!.checksum);
  });
});
