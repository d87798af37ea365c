import type { Kysely } from 'kysely';

/** A plan's collaboration agreement: parties, responsibility matrix per focus area, commitments. */
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const text = 'text';
  await db.schema
    .createTable('collab_agreements')
    .addColumn('plan_id', text, (c) => c.primaryKey().references('plans.id').onDelete('cascade'))
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('signed_on', text)
    .addColumn('attachments_json', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createTable('collab_parties')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('plan_id', text, (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('contact_person', text)
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('collab_parties_plan_idx').on('collab_parties').column('plan_id').execute();
  await db.schema
    .createTable('collab_responsibilities')
    .addColumn('plan_id', text, (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('focus_area_id', text, (c) => c.notNull().references('focus_areas.id'))
    .addColumn('party_id', text, (c) => c.notNull().references('collab_parties.id').onDelete('cascade'))
    .addColumn('role', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('collab_responsibilities_pk', ['focus_area_id', 'party_id', 'plan_id'])
    .execute();
  await db.schema
    .createTable('collab_commitments')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('plan_id', text, (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('focus_area_id', text, (c) => c.notNull().references('focus_areas.id'))
    .addColumn('party_id', text, (c) => c.notNull().references('collab_parties.id').onDelete('cascade'))
    .addColumn('text', text, (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('collab_commitments_plan_idx')
    .on('collab_commitments')
    .column('plan_id')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('0004 cannot be reverted');
}
