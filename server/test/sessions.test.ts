import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionIdFromToken } from '../src/features/auth/session.repository.js';
import { buildUser } from './factories.js';
import { createTestApp, TEST_PASSWORD, type TestApp, type TestClient } from './test-app.js';

const IDLE_MINUTES = 30;
const ABSOLUTE_HOURS = 8;

let t: TestApp;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestApp({ sessionIdleMinutes: IDLE_MINUTES, sessionAbsoluteHours: ABSOLUTE_HOURS });
  admin = await t.sessionClient((await buildUser(t.db, { isAdmin: true })).id);
});
afterAll(async () => t?.close());

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

async function sessionsOf(userId: string) {
  return t.db.selectFrom('sessions').selectAll().where('userId', '=', userId).execute();
}

/** A signed-in client and its one session row. */
async function signedIn() {
  const user = await buildUser(t.db);
  const client = await t.sessionClient(user.id);
  const [session] = await sessionsOf(user.id);
  return { user, client, session: session! };
}

describe('idle timeout', () => {
  it('ends a session that has been idle longer than the limit', async () => {
    const { user, client, session } = await signedIn();
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    await t.db
      .updateTable('sessions')
      .set({ lastSeenAt: minutesAgo(IDLE_MINUTES + 1) })
      .where('id', '=', session.id)
      .execute();
    const res = await client.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
    expect(String(res.headers['set-cookie'])).toMatch(/pejling_session=;.*Expires=Thu, 01 Jan 1970/);
    expect(await sessionsOf(user.id)).toEqual([]);
  });

  it('keeps a session that is used within the limit, and moves its idle clock', async () => {
    const { client, session } = await signedIn();
    const lastSeen = minutesAgo(IDLE_MINUTES - 1);
    await t.db.updateTable('sessions').set({ lastSeenAt: lastSeen }).where('id', '=', session.id).execute();
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    const row = await t.db
      .selectFrom('sessions')
      .select('lastSeenAt')
      .where('id', '=', session.id)
      .executeTakeFirstOrThrow();
    expect(Date.parse(row.lastSeenAt)).toBeGreaterThan(Date.parse(lastSeen) + 60_000);
  });

  it('follows the configured limit', async () => {
    const short = await createTestApp({ sessionIdleMinutes: 1 });
    try {
      const user = await buildUser(short.db);
      const client = await short.sessionClient(user.id);
      expect((await client.get('/api/auth/me')).statusCode).toBe(200);
      await short.db
        .updateTable('sessions')
        .set({ lastSeenAt: minutesAgo(2) })
        .where('userId', '=', user.id)
        .execute();
      expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    } finally {
      await short.close();
    }
  });
});

describe('absolute timeout', () => {
  it('ends a session after its absolute lifetime even when it is in use', async () => {
    const { user, client, session } = await signedIn();
    expect(Date.parse(session.expiresAt) - Date.parse(session.createdAt)).toBe(ABSOLUTE_HOURS * 3_600_000);
    await t.db
      .updateTable('sessions')
      .set({ expiresAt: minutesAgo(0.1), lastSeenAt: new Date().toISOString() })
      .where('id', '=', session.id)
      .execute();
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    expect(await sessionsOf(user.id)).toEqual([]);
  });

  it('sets the cookie to live as long as the session', async () => {
    await t.userClient({ email: 'maxage@test.example' });
    const res = await t.anonymous.post('/api/auth/login', {
      email: 'maxage@test.example',
      password: TEST_PASSWORD,
    });
    const maxAge = Number(/Max-Age=(\d+)/.exec(String(res.headers['set-cookie']))?.[1]);
    expect(maxAge).toBeGreaterThan(ABSOLUTE_HOURS * 3600 - 5);
    expect(maxAge).toBeLessThanOrEqual(ABSOLUTE_HOURS * 3600);
  });
});

describe('ending sessions', () => {
  it('ends every session of a user who is disabled', async () => {
    const user = await buildUser(t.db);
    const a = await t.sessionClient(user.id);
    const b = await t.sessionClient(user.id);
    expect((await a.get('/api/auth/me')).statusCode).toBe(200);
    const res = await admin.put(`/api/users/${user.id}`, {
      name: 'Deaktiveret',
      isAdmin: false,
      locale: 'da',
      disabled: true,
      roles: [],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().disabled).toBe(true);
    expect((await a.get('/api/auth/me')).statusCode).toBe(401);
    expect((await b.get('/api/plans')).statusCode).toBe(401);
    expect(await sessionsOf(user.id)).toEqual([]);
  });

  it('refuses a disabled user even if a session row survived', async () => {
    const { user, client } = await signedIn();
    await t.db
      .updateTable('users')
      .set({ disabledAt: new Date().toISOString() })
      .where('id', '=', user.id)
      .execute();
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('refuses a disabled user at login with the usual message', async () => {
    const c = await t.userClient({ email: 'disabled-login@test.example' });
    await t.db
      .updateTable('users')
      .set({ disabledAt: new Date().toISOString() })
      .where('id', '=', c.userId!)
      .execute();
    const res = await t.anonymous.post('/api/auth/login', {
      email: 'disabled-login@test.example',
      password: TEST_PASSWORD,
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('Forkert e-mail eller adgangskode.');
  });

  it('ends the sessions of a user whose password is changed', async () => {
    const { user, client } = await signedIn();
    const res = await admin.put(`/api/users/${user.id}`, {
      name: 'Nyt kodeord',
      isAdmin: false,
      locale: 'da',
      disabled: false,
      password: 'et helt nyt kodeord',
      roles: [],
    });
    expect(res.statusCode).toBe(200);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('keeps the sessions of a user whose name changes', async () => {
    const { user, client } = await signedIn();
    await admin.put(`/api/users/${user.id}`, {
      name: 'Nyt navn',
      isAdmin: false,
      locale: 'da',
      disabled: false,
      roles: [],
    });
    expect((await client.get('/api/auth/me')).json().user.name).toBe('Nyt navn');
  });

  it('does not let an administrator disable themselves', async () => {
    const me = (await admin.get('/api/auth/me')).json().user;
    const res = await admin.put(`/api/users/${me.id}`, {
      name: me.name,
      isAdmin: true,
      locale: 'da',
      disabled: true,
      roles: [],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('cannot_remove_own_admin');
    expect((await admin.get('/api/auth/me')).statusCode).toBe(200);
  });
});

describe('session tokens', () => {
  it('are stored only as a hash', async () => {
    const c = await t.userClient({ email: 'hash@test.example' });
    const res = await t.anonymous.post('/api/auth/login', {
      email: 'hash@test.example',
      password: TEST_PASSWORD,
    });
    const token = /pejling_session=([^;]+)/.exec(String(res.headers['set-cookie']))![1]!;
    const ids = (await sessionsOf(c.userId!)).map((s) => s.id);
    expect(ids).not.toContain(token);
    expect(ids).toContain(sessionIdFromToken(token));
  });

  it('are refused when unknown, tampered with or absurdly long', async () => {
    for (const cookie of ['pejling_session=abc', `pejling_session=${'x'.repeat(5000)}`, 'pejling_session=']) {
      const res = await t.anonymous.request({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
      expect(res.statusCode, cookie.slice(0, 40)).toBe(401);
    }
  });
});

describe('the Secure cookie flag', () => {
  const login = async (app: TestApp, headers: Record<string, string> = {}) => {
    const email = `secure-${Math.random().toString(36).slice(2)}@test.example`;
    await app.userClient({ email });
    const res = await app.anonymous.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: TEST_PASSWORD },
      headers,
    });
    expect(res.statusCode).toBe(200);
    return String(res.headers['set-cookie']);
  };

  it('is set for a request that came over https through a trusted proxy', async () => {
    const proxied = await createTestApp({ trustProxy: true });
    try {
      expect(await login(proxied, { 'x-forwarded-proto': 'https' })).toMatch(/;\s*Secure/i);
      expect(await login(proxied)).not.toMatch(/Secure/i);
    } finally {
      await proxied.close();
    }
  });

  it('is not set from the header of an untrusted proxy', async () => {
    expect(await login(t, { 'x-forwarded-proto': 'https' })).not.toMatch(/Secure/i);
  });

  it('is always set with COOKIE_SECURE', async () => {
    const secure = await createTestApp({ cookieSecure: true });
    try {
      const cookie = await login(secure);
      expect(cookie).toMatch(/;\s*Secure/i);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
    } finally {
      await secure.close();
    }
  });
});
