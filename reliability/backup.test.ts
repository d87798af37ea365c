import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../server/src/db/database.js';
import { GENERATED_ADMIN_EMAIL, GENERATED_PASSWORD } from '../bench/generate/index.js';
import {
  createScratchDatabase,
  databaseConfig,
  type DatabaseKind,
  type ScratchDatabase,
} from '../bench/lib/database.js';
import { httpClient } from '../bench/lib/http.js';
import { login, sessionHeaders, startServer } from '../bench/lib/server.js';
import { pejling } from './lib/cli.js';
import { generatedDatabase, postgresAvailable, sleep } from './lib/setup.js';
import { summarise } from './lib/tables.js';

/**
 * Backup and restore: `pejling backup` while writes run, `pejling restore` into a fresh
 * database. A backup taken mid-write restores to a consistent state holding everything
 * acknowledged before it began; one taken at rest restores to the same rows and checksums in
 * every table.
 */
const scratch: ScratchDatabase[] = [];
afterAll(async () => {
  for (const s of scratch) await s.drop();
});

async function summaryOf(db: { kind: DatabaseKind; url: string }) {
  const handle = openDatabase(databaseConfig(db));
  try {
    return await summarise(handle.db, db.kind);
  } finally {
    await handle.close();
  }
}

async function backupAndRestore(kind: DatabaseKind) {
  const { scratch: source } = await generatedDatabase(kind, 'backup');
  scratch.push(source);
  const server = await startServer({ databaseUrl: source.url });
  const http = httpClient(server.url, 8);
  try {
    const session = await login(server.url, GENERATED_ADMIN_EMAIL, GENERATED_PASSWORD);
    const acknowledged: { id: string; at: number }[] = [];
    const failures: string[] = [];
    let writing = true;
    let n = 0;
    const writers = Array.from({ length: 4 }, async () => {
      while (writing) {
        const res = await http.request('POST', '/api/municipalities', sessionHeaders(session), {
          name: `Backupkommune ${n++}`,
        });
        if (res.status === 201)
          acknowledged.push({ id: (JSON.parse(res.text) as { id: string }).id, at: Date.now() });
        else failures.push(`${res.status} ${res.text.slice(0, 200)}`);
      }
    });
    await sleep(1000);
    const ext = kind === 'sqlite' ? 'sqlite' : 'dump';
    const whileWriting = path.join(source.dir, `during.${ext}`);
    const startedAt = Date.now();
    await pejling(['backup', whileWriting], source.url);
    const finishedAt = Date.now();
    await sleep(1000);
    writing = false;
    await Promise.all(writers);
    expect(failures).toEqual([]);
    const ackedBefore = acknowledged.filter((a) => a.at < startedAt).map((a) => a.id);
    const ackedBy = new Set(acknowledged.filter((a) => a.at <= finishedAt + 1000).map((a) => a.id));
    expect(ackedBefore.length).toBeGreaterThan(0);

    const atRest = path.join(source.dir, `rest.${ext}`);
    await pejling(['backup', atRest], source.url);
    const sourceSummary = await summaryOf(source);

    // The mid-write backup: consistent, with everything acknowledged before it began.
    const during = await createScratchDatabase(kind, 'restore');
    scratch.push(during);
    await pejling(['restore', whileWriting], during.url);
    const handle = openDatabase(databaseConfig(during));
    try {
      const rows = await handle.db
        .selectFrom('municipalities')
        .select('id')
        .where('name', 'like', 'Backupkommune %')
        .execute();
      const restored = new Set(rows.map((r) => r.id));
      for (const id of ackedBefore) expect(restored.has(id), `acknowledged ${id} missing`).toBe(true);
      for (const id of restored) expect(ackedBy.has(id), `${id} was never acknowledged by then`).toBe(true);
      // Each create wrote its row and its audit entry in one transaction: both or neither.
      const audited = await handle.db
        .selectFrom('auditLog')
        .select('entityId')
        .where('entityType', '=', 'municipality')
        .where('action', '=', 'create')
        .execute();
      expect(new Set(audited.map((a) => a.entityId)).size).toBe(restored.size);
    } finally {
      await handle.close();
    }

    // The backup at rest: every table's rows and checksum as in the source.
    const rest = await createScratchDatabase(kind, 'restore');
    scratch.push(rest);
    await pejling(['restore', atRest], rest.url);
    expect(await summaryOf(rest)).toEqual(sourceSummary);

    // Restoring over a database that holds data is refused.
    await expect(pejling(['restore', atRest], rest.url)).rejects.toThrow(/exists|not empty/);
    return { acknowledged: acknowledged.length, before: ackedBefore.length };
  } finally {
    http.close();
    await server.stop();
  }
}

describe('backup and restore', () => {
  it('on SQLite: online backup while writes run, restore with the same rows and checksums', async () => {
    const r = await backupAndRestore('sqlite');
    console.log(
      `backup sqlite: ${r.acknowledged} writes acknowledged, ${r.before} before the mid-write backup`,
    );
  });
  it('on PostgreSQL: pg_dump while writes run, pg_restore with the same rows and checksums', async (ctx) => {
    if (!(await postgresAvailable())) {
      console.warn('Skipping the PostgreSQL backup test: no PostgreSQL answers at the test URL');
      ctx.skip();
    }
    const r = await backupAndRestore('postgres');
    console.log(
      `backup postgres: ${r.acknowledged} writes acknowledged, ${r.before} before the mid-write backup`,
    );
  });
});
