import type { Kysely } from 'kysely';

/**
 * Marks example studies (loaded with the demo data, labelled Eksempeldata) so that the web shows
 * them as example data, as plans and marker surveys already are.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('evaluation_studies')
    .addColumn('is_example', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('evaluation_studies').dropColumn('is_example').execute();
}
