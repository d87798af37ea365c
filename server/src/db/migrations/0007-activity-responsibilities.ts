import type { Kysely } from 'kysely';

/** The responsibility matrix's rows for activities, beside those for focus areas. */
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('collab_activity_responsibilities')
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('party_id', 'text', (c) => c.notNull().references('collab_parties.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('collab_activity_responsibilities_pk', ['activity_id', 'party_id'])
    .execute();
  await db.schema
    .createIndex('collab_activity_responsibilities_plan_idx')
    .on('collab_activity_responsibilities')
    .column('plan_id')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('0007 cannot be reverted');
}
