import type { Kysely } from 'kysely';

/**
 * A plan's revision: a number raised in the transaction of every audited change to the plan, so a
 * server process may keep what it computed for the plan (its results framework) and know, with one
 * read, whether it still holds; with several processes on one database each sees the others'
 * changes. No foreign key: the audit entry of a plan's deletion raises it too.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('plan_revisions')
    .addColumn('plan_id', 'text', (c) => c.primaryKey())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('plan_revisions').execute();
}
