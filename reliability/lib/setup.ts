import pg from 'pg';
import { openDatabase } from '../../server/src/db/database.js';
import { migrateToLatest } from '../../server/src/db/migrate.js';
import { generate, type Generated } from '../../bench/generate/index.js';
import {
  POSTGRES_URL,
  createScratchDatabase,
  databaseConfig,
  type DatabaseKind,
  type ScratchDatabase,
} from '../../bench/lib/database.js';

/** The engine the suites run on: PostgreSQL when TEST_DATABASE_URL is a postgres URL, else SQLite. */
export const suiteDialect = (): DatabaseKind =>
  /^postgres(ql)?:\/\//.test(process.env.TEST_DATABASE_URL ?? '') ? 'postgres' : 'sqlite';

/** Whether a PostgreSQL server answers at the bench/test URL (the suites that need one skip otherwise). */
export async function postgresAvailable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

/** A fresh database of the given engine with the `small` generated data in it. */
export async function generatedDatabase(
  kind: DatabaseKind,
  label: string,
): Promise<{ scratch: ScratchDatabase; out: Generated }> {
  const scratch = await createScratchDatabase(kind, label);
  const handle = openDatabase(databaseConfig(scratch));
  try {
    await migrateToLatest(handle.db);
    return { scratch, out: await generate(handle.db, 'small', 11, { sqlite: handle.sqlite }) };
  } finally {
    await handle.close();
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
