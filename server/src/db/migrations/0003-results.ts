import { PostgresAdapter, type Kysely } from 'kysely';

/** Goals, indicators, activities, registrations and participants of a plan's results framework. */
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const text = 'text';
  const bigint = isPostgres ? 'bigint' : 'integer';
  const real = isPostgres ? 'double precision' : 'real';

  // Impact, result and activity goals, each under one of the plan's focus areas; the purpose is
  // the plan's own `purpose`.
  await db.schema
    .createTable('goals')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('plan_id', text, (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('level', text, (c) => c.notNull())
    .addColumn('focus_area_id', text, (c) => c.notNull().references('focus_areas.id'))
    .addColumn('parent_id', text, (c) => c.references('goals.id'))
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('description', text)
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('goals_plan_idx').on('goals').column('plan_id').execute();

  // An indicator measures one goal. Its definition has a version: values are stored against the
  // version they were entered under, so a changed definition keeps the earlier values apart.
  await db.schema
    .createTable('indicators')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('plan_id', text, (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('goal_id', text, (c) => c.notNull().references('goals.id'))
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('definition', text)
    .addColumn('unit', text)
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('direction', text, (c) => c.notNull())
    .addColumn('data_source', text, (c) => c.notNull())
    .addColumn('combine_rule', text, (c) => c.notNull())
    .addColumn('breakdowns_json', text, (c) => c.notNull().defaultTo('[]'))
    .addColumn('baseline_value', real)
    .addColumn('baseline_date', text)
    .addColumn('baseline_source', text)
    .addColumn('definition_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('indicators_plan_idx').on('indicators').column('plan_id').execute();
  await db.schema.createIndex('indicators_goal_idx').on('indicators').column('goal_id').execute();

  // Earlier definitions, kept when a definition changed after values were entered under it.
  await db.schema
    .createTable('indicator_definition_versions')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('indicator_id', text, (c) => c.notNull().references('indicators.id').onDelete('cascade'))
    .addColumn('definition_version', 'integer', (c) => c.notNull())
    .addColumn('definition_json', text, (c) => c.notNull())
    .addColumn('reason', text)
    .addColumn('replaced_at', text, (c) => c.notNull())
    .addColumn('replaced_by', text, (c) => c.references('users.id'))
    .addUniqueConstraint('indicator_definition_versions_unique', ['indicator_id', 'definition_version'])
    .execute();

  await db.schema
    .createTable('indicator_targets')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('indicator_id', text, (c) => c.notNull().references('indicators.id').onDelete('cascade'))
    .addColumn('period', text, (c) => c.notNull())
    .addColumn('breakdown_key', text, (c) => c.notNull().defaultTo(''))
    .addColumn('breakdown_json', text)
    .addColumn('value', real, (c) => c.notNull())
    .addUniqueConstraint('indicator_targets_unique', ['indicator_id', 'period', 'breakdown_key'])
    .execute();

  // One observation per indicator, definition version, period and breakdown. `source` says
  // where it came from (entered by hand, imported, or computed from registrations later).
  await db.schema
    .createTable('indicator_values')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('indicator_id', text, (c) => c.notNull().references('indicators.id').onDelete('cascade'))
    .addColumn('definition_version', 'integer', (c) => c.notNull())
    .addColumn('period', text, (c) => c.notNull())
    .addColumn('breakdown_key', text, (c) => c.notNull().defaultTo(''))
    .addColumn('breakdown_json', text)
    .addColumn('state', text, (c) => c.notNull())
    .addColumn('value', real)
    .addColumn('numerator', real)
    .addColumn('denominator', real)
    .addColumn('sum', real)
    .addColumn('count', real)
    .addColumn('source', text, (c) => c.notNull().defaultTo('manual'))
    .addColumn('note', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('indicator_values_unique', [
      'indicator_id',
      'definition_version',
      'period',
      'breakdown_key',
    ])
    .execute();

  await db.schema
    .createTable('activities')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('plan_id', text, (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('description', text)
    .addColumn('focus_area_id', text, (c) => c.references('focus_areas.id'))
    .addColumn('owner_organisation', text)
    .addColumn('responsible_person', text)
    .addColumn('partners', text)
    .addColumn('target_group', text)
    .addColumn('period_start', text)
    .addColumn('period_end', text)
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('budget_ore', bigint)
    .addColumn('milestones_json', text, (c) => c.notNull().defaultTo('[]'))
    .addColumn('registration_frequency', text, (c) => c.notNull().defaultTo('none'))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('activities_plan_idx').on('activities').column('plan_id').execute();

  await db.schema
    .createTable('activity_goals')
    .addColumn('activity_id', text, (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('goal_id', text, (c) => c.notNull().references('goals.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('activity_goals_pk', ['activity_id', 'goal_id'])
    .execute();
  await db.schema.createIndex('activity_goals_goal_idx').on('activity_goals').column('goal_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('0003 cannot be reverted');
}
