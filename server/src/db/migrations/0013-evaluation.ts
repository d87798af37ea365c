import type { CreateTableBuilder, Kysely } from 'kysely';

/**
 * Process evaluation (docs/evaluation-exchange.md): studies with their team, cases, data
 * collections, text sources (transcripts and desk-research documents), the codebook, codings with
 * code-point positions, the coders behind them, memos and framework-matrix cells. Pseudonym lists
 * are never stored: a source keeps only how many replacements were made.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const text = 'text';
  const stamps = (t: CreateTableBuilder<string, any>): CreateTableBuilder<string, any> =>
    t
      .addColumn('created_at', text, (c) => c.notNull())
      .addColumn('updated_at', text, (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1));

  await stamps(
    db.schema
      .createTable('evaluation_studies')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('name', text, (c) => c.notNull())
      .addColumn('question', text)
      .addColumn('created_by', text, (c) => c.references('users.id').onDelete('set null')),
  ).execute();

  await db.schema
    .createTable('evaluation_study_members')
    .addColumn('study_id', text, (c) => c.notNull().references('evaluation_studies.id').onDelete('cascade'))
    .addColumn('user_id', text, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('added_at', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('evaluation_study_members_pk', ['study_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('evaluation_study_members_user_idx')
    .on('evaluation_study_members')
    .column('user_id')
    .execute();

  await stamps(
    db.schema
      .createTable('evaluation_cases')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('study_id', text, (c) => c.notNull().references('evaluation_studies.id').onDelete('cascade'))
      .addColumn('name', text, (c) => c.notNull())
      .addColumn('description', text)
      .addColumn('plan_id', text, (c) => c.references('plans.id').onDelete('set null'))
      .addColumn('area_secretariat_id', text, (c) =>
        c.references('area_secretariats.id').onDelete('set null'),
      )
      .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0)),
  ).execute();
  await db.schema
    .createIndex('evaluation_cases_study_idx')
    .on('evaluation_cases')
    .column('study_id')
    .execute();

  await stamps(
    db.schema
      .createTable('evaluation_data_collections')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('study_id', text, (c) => c.notNull().references('evaluation_studies.id').onDelete('cascade'))
      .addColumn('case_id', text, (c) => c.references('evaluation_cases.id').onDelete('cascade'))
      .addColumn('kind', text, (c) => c.notNull())
      .addColumn('title', text, (c) => c.notNull())
      .addColumn('date', text)
      // { respondentGroup: count } as JSON text
      .addColumn('participants_json', text, (c) => c.notNull())
      .addColumn('consent_recorded', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('consent_note', text),
  ).execute();
  await db.schema
    .createIndex('evaluation_data_collections_study_idx')
    .on('evaluation_data_collections')
    .column('study_id')
    .execute();

  await stamps(
    db.schema
      .createTable('evaluation_sources')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('study_id', text, (c) => c.notNull().references('evaluation_studies.id').onDelete('cascade'))
      .addColumn('case_id', text, (c) => c.references('evaluation_cases.id').onDelete('set null'))
      .addColumn('data_collection_id', text, (c) =>
        c.references('evaluation_data_collections.id').onDelete('set null'),
      )
      .addColumn('kind', text, (c) => c.notNull())
      .addColumn('name', text, (c) => c.notNull())
      .addColumn('description', text)
      // NFC, LF line endings; positions count its code points
      .addColumn('text', text, (c) => c.notNull())
      .addColumn('length', 'integer', (c) => c.notNull())
      .addColumn('filename', text)
      .addColumn('encoding', text)
      // counts only: how many names and CPR-like numbers were replaced at import
      .addColumn('pseudonymisation_json', text)
      .addColumn('created_by', text, (c) => c.references('users.id').onDelete('set null')),
  ).execute();
  await db.schema
    .createIndex('evaluation_sources_study_idx')
    .on('evaluation_sources')
    .column('study_id')
    .execute();

  await stamps(
    db.schema
      .createTable('evaluation_codes')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('study_id', text, (c) => c.notNull().references('evaluation_studies.id').onDelete('cascade'))
      .addColumn('parent_id', text, (c) => c.references('evaluation_codes.id').onDelete('cascade'))
      .addColumn('name', text, (c) => c.notNull())
      .addColumn('description', text)
      .addColumn('color', text)
      .addColumn('codable', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
      // what a seeded code stands for: theme:<key>, driver, barrier, marker:<n>, focus_area:<id>
      .addColumn('role', text),
  ).execute();
  await db.schema
    .createIndex('evaluation_codes_study_idx')
    .on('evaluation_codes')
    .column('study_id')
    .execute();
  await db.schema
    .createIndex('evaluation_codes_parent_idx')
    .on('evaluation_codes')
    .column('parent_id')
    .execute();

  // Who coded: a team member (user_id) or a coder named in an imported project (user_id null).
  await db.schema
    .createTable('evaluation_coders')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('study_id', text, (c) => c.notNull().references('evaluation_studies.id').onDelete('cascade'))
    .addColumn('user_id', text, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('evaluation_coders_study_idx')
    .on('evaluation_coders')
    .column('study_id')
    .execute();

  await db.schema
    .createTable('evaluation_codings')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('study_id', text, (c) => c.notNull().references('evaluation_studies.id').onDelete('cascade'))
    .addColumn('source_id', text, (c) => c.notNull().references('evaluation_sources.id').onDelete('cascade'))
    .addColumn('code_id', text, (c) => c.notNull().references('evaluation_codes.id').onDelete('cascade'))
    .addColumn('start_pos', 'integer', (c) => c.notNull())
    .addColumn('end_pos', 'integer', (c) => c.notNull())
    .addColumn('coder_id', text, (c) => c.references('evaluation_coders.id').onDelete('set null'))
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('evaluation_codings_source_idx')
    .on('evaluation_codings')
    .columns(['source_id', 'start_pos'])
    .execute();
  await db.schema
    .createIndex('evaluation_codings_code_idx')
    .on('evaluation_codings')
    .column('code_id')
    .execute();
  await db.schema
    .createIndex('evaluation_codings_study_idx')
    .on('evaluation_codings')
    .column('study_id')
    .execute();

  await stamps(
    db.schema
      .createTable('evaluation_memos')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('study_id', text, (c) => c.notNull().references('evaluation_studies.id').onDelete('cascade'))
      // study, code, source, case or coding (a segment)
      .addColumn('target_kind', text, (c) => c.notNull())
      .addColumn('target_id', text)
      .addColumn('title', text, (c) => c.notNull())
      .addColumn('text', text, (c) => c.notNull())
      .addColumn('author_id', text, (c) => c.references('users.id').onDelete('set null')),
  ).execute();
  await db.schema
    .createIndex('evaluation_memos_study_idx')
    .on('evaluation_memos')
    .column('study_id')
    .execute();

  await stamps(
    db.schema
      .createTable('evaluation_framework_cells')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('study_id', text, (c) => c.notNull().references('evaluation_studies.id').onDelete('cascade'))
      .addColumn('case_id', text, (c) => c.notNull().references('evaluation_cases.id').onDelete('cascade'))
      .addColumn('theme_code_id', text, (c) =>
        c.notNull().references('evaluation_codes.id').onDelete('cascade'),
      )
      .addColumn('summary', text, (c) => c.notNull())
      // ids of the codings quoted in support, as JSON text
      .addColumn('quote_coding_ids_json', text, (c) => c.notNull())
      .addColumn('author_id', text, (c) => c.references('users.id').onDelete('set null'))
      .addUniqueConstraint('evaluation_framework_cells_cell_uq', ['case_id', 'theme_code_id']),
  ).execute();
}

export async function down(): Promise<void> {
  throw new Error('0013 cannot be reverted');
}
