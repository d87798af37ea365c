import type { Kysely } from 'kysely';

/**
 * Indexes for reading a plan's registrations at national scale (about 20,000 a plan, millions in
 * all) without visiting the table: the quarter sums of the plan dashboard read
 * `(plan_id, date, participants, hours)` in date order; the counts per activity and the values
 * computed from registrations read `(plan_id, activity_id, date, participants, hours)`. Both
 * start with `plan_id`, so the index on `plan_id` alone goes: one index fewer to write on every
 * insert.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('registrations_plan_date_idx')
    .on('registrations')
    .columns(['plan_id', 'date', 'participants', 'hours'])
    .execute();
  await db.schema
    .createIndex('registrations_plan_activity_idx')
    .on('registrations')
    .columns(['plan_id', 'activity_id', 'date', 'participants', 'hours'])
    .execute();
  await db.schema.dropIndex('registrations_plan_idx').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('registrations_plan_idx').on('registrations').column('plan_id').execute();
  await db.schema.dropIndex('registrations_plan_activity_idx').execute();
  await db.schema.dropIndex('registrations_plan_date_idx').execute();
}
