import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * The portfolio: shared indicators (the fund's, or an area secretariat's under its shared goals)
 * that plan indicators link to, and each plan's expenditure per year beside its grants.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const bigint = isPostgres ? 'bigint' : 'integer';
  const text = 'text';
  await db.schema
    .createTable('shared_goals')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('area_secretariat_id', text, (c) =>
      c.notNull().references('area_secretariats.id').onDelete('cascade'),
    )
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('description', text)
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_example', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('shared_goals_secretariat_idx')
    .on('shared_goals')
    .column('area_secretariat_id')
    .execute();
  await db.schema
    .createTable('shared_indicators')
    .addColumn('id', text, (c) => c.primaryKey())
    // Null: the fund's own, for every plan.
    .addColumn('area_secretariat_id', text, (c) => c.references('area_secretariats.id').onDelete('cascade'))
    .addColumn('shared_goal_id', text, (c) => c.references('shared_goals.id').onDelete('set null'))
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('definition', text)
    .addColumn('unit', text)
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('direction', text, (c) => c.notNull())
    .addColumn('combine_rule', text, (c) => c.notNull())
    .addColumn('is_example', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('indicators')
    .addColumn('shared_indicator_id', text, (c) => c.references('shared_indicators.id'))
    .execute();
  await db.schema
    .createIndex('indicators_shared_idx')
    .on('indicators')
    .column('shared_indicator_id')
    .execute();
  await db.schema
    .createTable('plan_expenditures')
    .addColumn('plan_id', text, (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('amount_ore', bigint, (c) => c.notNull())
    .addColumn('note', text)
    .addColumn('updated_at', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_expenditures_pk', ['plan_id', 'year'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('0011 cannot be reverted');
}
