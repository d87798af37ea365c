import { PostgresAdapter, type Kysely } from 'kysely';

/** Forums, people, memberships and secretariat staff of a plan's organisation. */
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const text = 'text';
  const real = isPostgres ? 'double precision' : 'real';

  await db.schema
    .createTable('org_forums')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('plan_id', text, (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('level', text, (c) => c.notNull())
    .addColumn('makes_decisions', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reports_to', text, (c) => c.references('org_forums.id').onDelete('set null'))
    .addColumn('meetings_per_year', 'integer')
    .addColumn('mandate', text)
    .addColumn('steering', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('org_forums_plan_idx').on('org_forums').column('plan_id').execute();

  await db.schema
    .createTable('org_people')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('plan_id', text, (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('organisation', text)
    .addColumn('title', text)
    .addColumn('is_staff', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('employer', text)
    .addColumn('hours_per_week', real)
    .addColumn('fte', real)
    .addColumn('task', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('org_people_plan_idx').on('org_people').column('plan_id').execute();

  await db.schema
    .createTable('org_memberships')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('plan_id', text, (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('forum_id', text, (c) => c.notNull().references('org_forums.id').onDelete('cascade'))
    .addColumn('person_id', text, (c) => c.notNull().references('org_people.id').onDelete('cascade'))
    .addColumn('role', text, (c) => c.notNull())
    .addColumn('represents', text, (c) => c.notNull())
    .addColumn('local_professional_kind', text)
    .addColumn('side', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('org_memberships_forum_person_unique', ['forum_id', 'person_id'])
    .execute();
  await db.schema.createIndex('org_memberships_plan_idx').on('org_memberships').column('plan_id').execute();
  await db.schema
    .createIndex('org_memberships_person_idx')
    .on('org_memberships')
    .column('person_id')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('0002 cannot be reverted');
}
