import type { Kysely } from 'kysely';

/** Forums, people, memberships and secretariat staff of a plan's organisation. */
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(): Promise<void> {
  throw new Error('0002 cannot be reverted');
}
