import type { Kysely } from 'kysely';

/**
 * An area secretariat's own organisation (forums, members, staff, functions) as one document:
 * it is small, read and saved whole, and its references are checked by the service on save.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('secretariat_organisations')
    .addColumn('area_secretariat_id', 'text', (c) =>
      c.primaryKey().references('area_secretariats.id').onDelete('cascade'),
    )
    .addColumn('document_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('0006 cannot be reverted');
}
