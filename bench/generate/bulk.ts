import type SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import type { Executor } from '../../server/src/db/database.js';

/** A column of a bulk insert: its SQL name and its PostgreSQL type (for `unnest`). */
export type Column = readonly [name: string, pgType: 'text' | 'int' | 'float8' | 'bigint'];

/**
 * Inserts many rows fast, inside the caller's transaction. On SQLite it runs one prepared
 * statement per row on the raw connection (the one Kysely's transaction is open on), which
 * is several times faster than multi-row INSERTs built by Kysely; without the raw connection it
 * falls back to multi-row INSERTs. On PostgreSQL it sends 5,000 rows at a time as one array per
 * column, `INSERT … SELECT * FROM unnest($1::text[], …)`: one statement, no parameter limit.
 */
export class BulkWriter {
  private readonly statements = new Map<string, SqliteDatabase.Statement>();
  constructor(
    private readonly kind: 'sqlite' | 'postgres',
    private readonly sqlite: SqliteDatabase.Database | null,
    /** Rows written per table. */
    readonly counts: Record<string, number>,
    /** Table names as the counts of insertRows name them (camelCase). */
    private readonly countAs: (table: string) => string = camel,
  ) {}

  async insert(db: Executor, table: string, columns: readonly Column[], rows: unknown[][]): Promise<void> {
    if (!rows.length) return;
    const names = columns.map((c) => c[0]).join(', ');
    const key = this.countAs(table);
    this.counts[key] = (this.counts[key] ?? 0) + rows.length;
    if (this.kind === 'postgres') {
      for (let i = 0; i < rows.length; i += 5000) {
        const chunk = rows.slice(i, i + 5000);
        const arrays = columns.map((c, j) => sql`${chunk.map((r) => r[j])}::${sql.raw(c[1])}[]`);
        await sql`insert into ${sql.raw(table)} (${sql.raw(names)}) select * from unnest(${sql.join(arrays)})`.execute(
          db,
        );
      }
      return;
    }
    if (this.sqlite) {
      let stmt = this.statements.get(table);
      if (!stmt) {
        stmt = this.sqlite.prepare(
          `insert into ${table} (${names}) values (${columns.map(() => '?').join(', ')})`,
        );
        this.statements.set(table, stmt);
      }
      for (const r of rows) stmt.run(r);
      return;
    }
    const per = Math.max(1, Math.floor(8000 / columns.length));
    for (let i = 0; i < rows.length; i += per) {
      const values = rows.slice(i, i + per).map((r) => sql`(${sql.join(r.map((v) => sql`${v}`))})`);
      await sql`insert into ${sql.raw(table)} (${sql.raw(names)}) values ${sql.join(values)}`.execute(db);
    }
  }
}

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
