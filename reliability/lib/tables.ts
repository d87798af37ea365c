import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../server/src/db/database.js';

/** Every table of the database (including the migration bookkeeping), sorted by name. */
export async function listTables(db: Db, kind: 'sqlite' | 'postgres'): Promise<string[]> {
  const { rows } =
    kind === 'sqlite'
      ? await sql<{ name: string }>`
          select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)
      : await sql<{ name: string }>`
          select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  return rows.map((r) => r.name).sort();
}

export interface TableSummary {
  rows: number;
  /** SHA-256 of every row in a fixed order (all columns, left to right). */
  checksum: string;
}

/** Row count and checksum of every table, comparable between two databases of the same engine. */
export async function summarise(db: Db, kind: 'sqlite' | 'postgres'): Promise<Record<string, TableSummary>> {
  const out: Record<string, TableSummary> = {};
  for (const table of await listTables(db, kind)) {
    const first = await sql<Record<string, unknown>>`select * from ${sql.table(table)} limit 1`.execute(db);
    const columns = Object.keys(first.rows[0] ?? {}).length || 1;
    const order = sql.raw(Array.from({ length: columns }, (_, i) => String(i + 1)).join(', '));
    const { rows } = await sql<
      Record<string, unknown>
    >`select * from ${sql.table(table)} order by ${order}`.execute(db);
    const hash = crypto.createHash('sha256');
    for (const row of rows) hash.update(JSON.stringify(Object.values(row)) + '\n');
    out[table] = { rows: rows.length, checksum: hash.digest('hex') };
  }
  return out;
}
