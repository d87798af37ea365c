import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createTestDatabase, type TestDatabase } from './test-db.js';

/**
 * 0014 (implementation markers) landed before 0013 (evaluation): a database migrated in between
 * has 0014 and not 0013, and must still get 0013 rather than be refused as corrupted.
 */
let testDb: TestDatabase;
let h: DatabaseHandle;

beforeAll(async () => {
  testDb = await createTestDatabase();
  h = openDatabase(testDb.config);
});
afterAll(async () => {
  await h?.close();
  await testDb?.drop();
});

it('runs 0013 on a database that already ran 0014', async () => {
  await migrateToLatest(h.db);
  for (const table of [
    'evaluation_speaker_links',
    'evaluation_framework_cells',
    'evaluation_memos',
    'evaluation_codings',
    'evaluation_coders',
    'evaluation_codes',
    'evaluation_sources',
    'evaluation_data_collections',
    'evaluation_cases',
    'evaluation_study_members',
    'evaluation_studies',
  ])
    await sql`DROP TABLE ${sql.table(table)}`.execute(h.db);
  await sql`DELETE FROM kysely_migration WHERE name = '0013-evaluation'`.execute(h.db);
  // 0016 builds on 0013's tables, so such a database has not run it either.
  await sql`DELETE FROM kysely_migration WHERE name = '0016-evaluation-speakers'`.execute(h.db);
  expect(await migrateToLatest(h.db)).toEqual(['0013-evaluation', '0016-evaluation-speakers']);
  const n = await h.db
    .selectFrom('evaluationStudies')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  expect(Number(n.n)).toBe(0);
});
