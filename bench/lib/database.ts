import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export type DatabaseKind = 'sqlite' | 'postgres';

/** The PostgreSQL server that fresh bench and test databases are made on. */
export const POSTGRES_URL =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';

export interface ScratchDatabase {
  kind: DatabaseKind;
  /** What DATABASE_URL is set to for the server: a file path or a postgres:// URL. */
  url: string;
  /** The folder for the SQLite file and other scratch files. */
  dir: string;
  drop(): Promise<void>;
}

/** An empty database of its own: an SQLite file in a temp folder, or a new PostgreSQL database. */
export async function createScratchDatabase(kind: DatabaseKind, label = 'bench'): Promise<ScratchDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `pejling-${label}-`));
  if (kind === 'sqlite') {
    return {
      kind,
      url: path.join(dir, 'pejling.sqlite'),
      dir,
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `pejling_${label}_${crypto.randomBytes(5).toString('hex')}`;
  try {
    await withPgClient(POSTGRES_URL, (c) => c.query(`CREATE DATABASE ${name}`));
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const u = new URL(POSTGRES_URL);
  u.pathname = `/${name}`;
  return {
    kind,
    url: u.toString(),
    dir,
    async drop() {
      await withPgClient(POSTGRES_URL, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function withPgClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export const databaseConfig = (db: { kind: DatabaseKind; url: string }) =>
  db.kind === 'postgres'
    ? ({ kind: 'postgres', url: db.url } as const)
    : ({ kind: 'sqlite', file: db.url } as const);
