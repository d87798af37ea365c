import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { RoleGrantInput } from '@pejling/contracts';
import { buildApp } from '../src/app.js';
import { loadConfig, type Config } from '../src/config.js';
import { openDatabase, type DatabaseHandle, type Db } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { ensurePools } from '../src/seed/demo.js';
import { createUser } from '../src/features/users/user.service.js';
import { SESSION_COOKIE, createSession } from '../src/features/auth/session.repository.js';
import { createTestDatabase, type TestDatabase } from './test-db.js';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  handle: DatabaseHandle;
  config: Config;
  /** Logs a new user in and returns a client that sends its cookie and CSRF token. */
  userClient(opts?: {
    isAdmin?: boolean;
    roles?: RoleGrantInput[];
    locale?: 'da' | 'en';
    email?: string;
  }): Promise<TestClient>;
  /** A client with a new session for an existing user, without a password login (no hashing). */
  sessionClient(userId: string, opts?: { locale?: 'da' | 'en' }): Promise<TestClient>;
  anonymous: TestClient;
  close(): Promise<void>;
}

export interface TestClient {
  userId: string | null;
  email: string | null;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

let counter = 0;

function client(
  app: FastifyInstance,
  cookie: string | null,
  csrf: string | null,
  ids: { userId: string | null; email: string | null },
  locale: 'da' | 'en' = 'da',
): TestClient {
  const request = (opts: InjectOptions) =>
    app.inject({
      ...opts,
      headers: {
        'accept-language': locale,
        ...(cookie ? { cookie } : {}),
        ...(csrf ? { 'x-csrf-token': csrf } : {}),
        ...(opts.headers ?? {}),
      },
    });
  return {
    ...ids,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) =>
      request({ method: 'POST', url, ...(payload !== undefined ? { payload: payload as object } : {}) }),
    put: (url, payload) =>
      request({ method: 'PUT', url, ...(payload !== undefined ? { payload: payload as object } : {}) }),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}

/** The real app on a fresh, migrated database of the dialect under test (with the four pools). */
export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const testDb: TestDatabase = await createTestDatabase();
  const config = { ...loadConfig({}), database: testDb.config, webDist: null, ...overrides };
  const handle = openDatabase(config.database);
  await migrateToLatest(handle.db);
  await handle.db.transaction().execute((trx) => ensurePools(trx));
  const app = await buildApp({ config, handle });
  await app.ready();
  return {
    app,
    db: handle.db,
    handle,
    config,
    anonymous: client(app, null, null, { userId: null, email: null }),
    async userClient(opts = {}) {
      const email = opts.email ?? `user${++counter}-${Date.now()}@test.example`;
      const user = await createUser(handle.db, null, {
        email,
        name: email,
        password: TEST_PASSWORD,
        isAdmin: opts.isAdmin ?? false,
        locale: opts.locale ?? 'da',
        roles: opts.roles ?? [],
      });
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: TEST_PASSWORD },
      });
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
      const setCookie = res.headers['set-cookie'];
      const raw = Array.isArray(setCookie) ? setCookie[0]! : String(setCookie);
      const cookie = raw.split(';')[0]!;
      const csrf = (res.json() as { csrfToken: string }).csrfToken;
      return client(app, cookie, csrf, { userId: user.id, email }, opts.locale ?? 'da');
    },
    async sessionClient(userId, opts = {}) {
      const session = await createSession(handle.db, userId, config.sessionAbsoluteHours);
      const user = await handle.db
        .selectFrom('users')
        .select('email')
        .where('id', '=', userId)
        .executeTakeFirstOrThrow();
      return client(
        app,
        `${SESSION_COOKIE}=${session.token}`,
        session.csrfToken,
        { userId, email: user.email },
        opts.locale ?? 'da',
      );
    },
    async close() {
      await app.close();
      await handle.close();
      await testDb.drop();
    },
  };
}
