import type { Kysely } from 'kysely';

/**
 * The implementation markers' questionnaire: surveys per plan and year, single-use invitation
 * links per stakeholder group (only the token's hash is stored), anonymous answers (no link to
 * the invitation, no time), and failed token look-ups per address for throttling.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const text = 'text';
  await db.schema
    .createTable('marker_surveys')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('plan_id', text, (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('period', text, (c) => c.notNull())
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('min_answers', 'integer', (c) => c.notNull().defaultTo(5))
    .addColumn('status', text, (c) => c.notNull().defaultTo('open'))
    .addColumn('is_example', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('marker_surveys_plan_idx')
    .on('marker_surveys')
    .columns(['plan_id', 'period'])
    .execute();
  await db.schema
    .createTable('marker_survey_invitations')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('survey_id', text, (c) => c.notNull().references('marker_surveys.id').onDelete('cascade'))
    .addColumn('stakeholder_group', text, (c) => c.notNull())
    .addColumn('token_hash', text, (c) => c.notNull().unique())
    .addColumn('is_answered', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('marker_survey_invitations_survey_idx')
    .on('marker_survey_invitations')
    .column('survey_id')
    .execute();
  await db.schema
    .createTable('marker_survey_answers')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('survey_id', text, (c) => c.notNull().references('marker_surveys.id').onDelete('cascade'))
    .addColumn('stakeholder_group', text, (c) => c.notNull())
    .addColumn('scores_json', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('marker_survey_answers_survey_idx')
    .on('marker_survey_answers')
    .column('survey_id')
    .execute();
  await db.schema
    .createTable('marker_token_failures')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('ip', text, (c) => c.notNull())
    .addColumn('at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('marker_token_failures_ip_idx')
    .on('marker_token_failures')
    .columns(['ip', 'at'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('0014 cannot be reverted');
}
