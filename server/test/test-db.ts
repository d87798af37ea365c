import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../src/config.js';

/**
 * Each test file gets its own empty database: an SQLite file in a temp folder, or, when
 * TEST_DATABASE_URL is a postgres URL, a fresh PostgreSQL database created beside it.
 */
export interface TestDatabase {
  config: Config['database'];
  drop(): Promise<void>;
}

export const testDialect = (): 'sqlite' | 'postgres' =>
  /^postgres(ql)?:\/\//.test(process.env.TEST_DATABASE_URL ?? '') ? 'postgres' : 'sqlite';

export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  if (url && testDialect() === 'postgres') {
    const name = `pejling_test_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    return {
      config: { kind: 'postgres', url: u.toString() },
      async drop() {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pejling-test-'));
  return {
    config: { kind: 'sqlite', file: path.join(dir, 'test.sqlite') },
    async drop() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
