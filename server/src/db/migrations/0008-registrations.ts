import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * Registrations (sessions and events of an activity, with participants counted by the
 * indicators' breakdowns), pseudonymous participants with their enrolments and outcome events,
 * and what an indicator computed from registrations counts.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const text = 'text';
  const real = isPostgres ? 'double precision' : 'real';

  // participants, sessions, hours, enrolled or outcome; null unless the data source is registrations.
  await db.schema.alterTable('indicators').addColumn('registration_measure', text).execute();
  await db.schema.alterTable('indicators').addColumn('outcome_kind', text).execute();
  // Until now nothing was computed from registrations: every value of such an indicator was
  // entered by hand, so it keeps its values as an indicator entered by hand.
  await db
    .updateTable('indicators')
    .set({ data_source: 'manual' })
    .where('data_source', '=', 'registrations')
    .execute();

  await db.schema
    .createTable('registrations')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('plan_id', text, (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('activity_id', text, (c) => c.notNull().references('activities.id'))
    .addColumn('date', text, (c) => c.notNull())
    .addColumn('participants', 'integer', (c) => c.notNull())
    // {"gender": {"Kvinde": 3, "Mand": 2}}: counts by the breakdowns of the indicators it feeds.
    .addColumn('counts_json', text, (c) => c.notNull().defaultTo('{}'))
    .addColumn('hours', real)
    .addColumn('note', text)
    .addColumn('source', text, (c) => c.notNull().defaultTo('manual'))
    // A digest of an imported row: importing the same file again adds nothing.
    .addColumn('import_key', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('registrations_import_key_unique', ['plan_id', 'import_key'])
    .execute();
  await db.schema.createIndex('registrations_plan_idx').on('registrations').column('plan_id').execute();
  await db.schema
    .createIndex('registrations_activity_idx')
    .on('registrations')
    .columns(['activity_id', 'date'])
    .execute();

  // A participant is a code the plan chooses; never a CPR number or a name.
  await db.schema
    .createTable('participants')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('plan_id', text, (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('code', text, (c) => c.notNull())
    .addColumn('birth_year', 'integer')
    .addColumn('gender', text)
    .addColumn('postcode', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('participants_code_unique', ['plan_id', 'code'])
    .execute();

  await db.schema
    .createTable('enrolments')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('participant_id', text, (c) => c.notNull().references('participants.id').onDelete('cascade'))
    .addColumn('activity_id', text, (c) => c.notNull().references('activities.id'))
    .addColumn('started_on', text, (c) => c.notNull())
    .addColumn('ended_on', text)
    .addUniqueConstraint('enrolments_unique', ['participant_id', 'activity_id', 'started_on'])
    .execute();
  await db.schema.createIndex('enrolments_activity_idx').on('enrolments').column('activity_id').execute();

  await db.schema
    .createTable('outcome_events')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('participant_id', text, (c) => c.notNull().references('participants.id').onDelete('cascade'))
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('date', text, (c) => c.notNull())
    .addColumn('activity_id', text, (c) => c.references('activities.id'))
    .addColumn('note', text)
    .addUniqueConstraint('outcome_events_unique', ['participant_id', 'kind', 'date'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('0008 cannot be reverted');
}
