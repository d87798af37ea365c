import type { Kysely } from 'kysely';

/**
 * Process evaluation, continued: example studies are marked (loaded with the demo data, labelled
 * Eksempeldata), and a transcript's speakers are linked to participants: each speaker label of a
 * source ("Projektleder A") to a respondent group and the case the participant belongs to, so
 * their turns can be coded to that case and group.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const text = 'text';
  await db.schema
    .alterTable('evaluation_studies')
    .addColumn('is_example', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('evaluation_speaker_links')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('study_id', text, (c) => c.notNull().references('evaluation_studies.id').onDelete('cascade'))
    .addColumn('source_id', text, (c) => c.notNull().references('evaluation_sources.id').onDelete('cascade'))
    .addColumn('speaker', text, (c) => c.notNull())
    .addColumn('respondent_group', text)
    .addColumn('case_id', text, (c) => c.references('evaluation_cases.id').onDelete('set null'))
    .addColumn('created_at', text, (c) => c.notNull())
    .addUniqueConstraint('evaluation_speaker_links_source_speaker', ['source_id', 'speaker'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('0016 cannot be reverted');
}
