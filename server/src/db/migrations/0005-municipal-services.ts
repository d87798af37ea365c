import type { Kysely } from 'kysely';

/** A catalogue of ordinary municipal services, and where a plan's focus areas meet them. */
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const text = 'text';
  await db.schema
    .createTable('municipal_services')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('municipality_id', text, (c) => c.notNull().references('municipalities.id'))
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('department', text)
    .addColumn('target_group', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('municipal_services_municipality_idx')
    .on('municipal_services')
    .column('municipality_id')
    .execute();
  await db.schema
    .createTable('collab_service_links')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('plan_id', text, (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('focus_area_id', text, (c) => c.notNull().references('focus_areas.id'))
    .addColumn('service_id', text, (c) => c.notNull().references('municipal_services.id'))
    .addColumn('relation', text, (c) => c.notNull())
    .addColumn('note', text)
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('collab_service_links_plan_idx')
    .on('collab_service_links')
    .column('plan_id')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('0005 cannot be reverted');
}
