import type { Executor } from '../../server/src/db/database.js';
import type { Database } from '../../server/src/db/schema.js';

/**
 * Inserts rows in chunks small enough for both engines' parameter limits (PostgreSQL 65,535;
 * SQLite 32,766) and counts them.
 */
export async function insertRows<T extends keyof Database & string>(
  db: Executor,
  table: T,
  rows: Record<string, unknown>[],
  counts: Record<string, number>,
): Promise<void> {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]!).length;
  const chunk = Math.max(1, Math.floor(8000 / columns));
  for (let i = 0; i < rows.length; i += chunk) {
    // Rows are checked against the table types where they are built; here they pass through.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + chunk) as never)
      .execute();
  }
  counts[table] = (counts[table] ?? 0) + rows.length;
}
