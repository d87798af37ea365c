import type { Kysely } from 'kysely';

/** Goals, indicators, activities, registrations and participants of a plan's results framework. */
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(): Promise<void> {
  throw new Error('0003 cannot be reverted');
}
