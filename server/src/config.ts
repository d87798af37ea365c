import path from 'node:path';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface Config {
  port: number;
  host: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  /** Where the built web app lives; absent in API-only runs. */
  webDist: string | null;
  trustProxy: boolean;
  /** Force the Secure flag on cookies (it is also set for any request that arrives over https). */
  cookieSecure: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  loginMaxFailures: number;
  loginWindowMinutes: number;
  logLevel: string;
  version: string;
}

export const APP_VERSION = '0.1.0';

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return n;
}

/** A postgres URL selects PostgreSQL; anything else is a path to an SQLite file. */
export function databaseFromUrl(url: string | undefined, cwd: string): Config['database'] {
  if (url && /^postgres(ql)?:\/\//i.test(url)) return { kind: 'postgres', url };
  if (url && url.startsWith('file:')) return { kind: 'sqlite', file: path.resolve(cwd, url.slice(5)) };
  if (url === ':memory:') return { kind: 'sqlite', file: ':memory:' };
  return { kind: 'sqlite', file: path.resolve(cwd, url || path.join('data', 'pejling.sqlite')) };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const cwd = process.cwd();
  return {
    port: intFromEnv(env, 'PORT', 3000),
    host: env.HOST || '0.0.0.0',
    database: databaseFromUrl(env.DATABASE_URL, cwd),
    webDist: env.WEB_DIST ?? null,
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    cookieSecure: env.COOKIE_SECURE === '1' || env.COOKIE_SECURE === 'true',
    sessionIdleMinutes: intFromEnv(env, 'SESSION_IDLE_MINUTES', 120),
    sessionAbsoluteHours: intFromEnv(env, 'SESSION_ABSOLUTE_HOURS', 12),
    loginMaxFailures: intFromEnv(env, 'LOGIN_MAX_FAILURES', 5),
    loginWindowMinutes: intFromEnv(env, 'LOGIN_WINDOW_MINUTES', 15),
    logLevel: env.LOG_LEVEL || 'info',
    version: APP_VERSION,
    ...overrides,
  };
}
