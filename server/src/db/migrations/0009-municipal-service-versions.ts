import { sql, type Kysely } from 'kysely';

/**
 * The municipal-service catalogue becomes an edited registry list: a version for optimistic
 * updates, when it last changed, and whether an entry is example data.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('municipal_services')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('municipal_services')
    .addColumn('is_example', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('municipal_services').addColumn('updated_at', 'text').execute();
  await db
    .updateTable('municipal_services')
    .set({ updated_at: sql.ref('created_at') })
    .execute();
  await db.schema
    .createIndex('collab_service_links_service_idx')
    .on('collab_service_links')
    .column('service_id')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('0009 cannot be reverted');
}
