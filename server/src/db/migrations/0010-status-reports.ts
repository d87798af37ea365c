import type { Kysely } from 'kysely';

/**
 * Status reports of a plan: a draft the project leader writes, submitted, approved by a member of
 * the steering group or board (which freezes its figures), and sent.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const text = 'text';
  await db.schema
    .createTable('status_reports')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('plan_id', text, (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('period', text, (c) => c.notNull())
    .addColumn('audience', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('narrative_json', text, (c) => c.notNull().defaultTo('{}'))
    // The figures as approved; null until then (a draft shows live figures).
    .addColumn('frozen_figures_json', text)
    .addColumn('history_json', text, (c) => c.notNull().defaultTo('[]'))
    .addColumn('approved_at', text)
    .addColumn('approved_by', text, (c) => c.references('users.id'))
    .addColumn('approved_by_name', text)
    .addColumn('sent_at', text)
    .addColumn('sent_to', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('status_reports_plan_idx').on('status_reports').column('plan_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('0010 cannot be reverted');
}
