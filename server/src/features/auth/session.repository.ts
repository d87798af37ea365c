import crypto from 'node:crypto';
import type { Executor as Db } from '../../db/database.js';
import { nowIso } from '../../db/portable.js';

export const SESSION_COOKIE = 'pejling_session';

/** Sessions are stored by the SHA-256 of their token, so a leaked table grants no access. */
export const sessionIdFromToken = (token: string): string =>
  crypto.createHash('sha256').update(token).digest('base64url');

export const newToken = (): string => crypto.randomBytes(32).toString('base64url');

export async function createSession(
  db: Db,
  userId: string,
  absoluteHours: number,
): Promise<{ token: string; id: string; csrfToken: string; expiresAt: string }> {
  const token = newToken();
  const id = sessionIdFromToken(token);
  const now = new Date();
  const expiresAt = new Date(now.getTime() + absoluteHours * 3_600_000).toISOString();
  const csrfToken = newToken();
  await db
    .insertInto('sessions')
    .values({ id, userId, csrfToken, createdAt: now.toISOString(), lastSeenAt: now.toISOString(), expiresAt })
    .execute();
  return { token, id, csrfToken, expiresAt };
}

export async function findSessionWithUser(db: Db, id: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select([
      'sessions.id as sessionId',
      'sessions.csrfToken',
      'sessions.lastSeenAt',
      'sessions.expiresAt',
      'users.id as userId',
      'users.email',
      'users.name',
      'users.isAdmin',
      'users.locale',
      'users.disabledAt',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
}

export async function touchSession(db: Db, id: string): Promise<void> {
  await db.updateTable('sessions').set({ lastSeenAt: nowIso() }).where('id', '=', id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('userId', '=', userId).execute();
}

export async function deleteExpiredSessions(db: Db, idleBefore: string): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expiresAt', '<', nowIso()), eb('lastSeenAt', '<', idleBefore)]))
    .execute();
}
