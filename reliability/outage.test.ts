import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../server/src/db/database.js';
import { migrateToLatest } from '../server/src/db/migrate.js';
import { GENERATED_ADMIN_EMAIL, GENERATED_PASSWORD, generate } from '../bench/generate/index.js';
import { httpClient } from '../bench/lib/http.js';
import { login, sessionHeaders, startServer, type ServerProcess } from '../bench/lib/server.js';
import { createPrivatePostgres, findPostgresBin, type PrivatePostgres } from './lib/private-postgres.js';
import { sleep } from './lib/setup.js';

/**
 * Database outage: PostgreSQL (a private instance) stops under a running server. While it is
 * away requests get 503 with a clear message; when it is back the server recovers by itself;
 * nothing acknowledged is lost.
 */
let pgInstance: PrivatePostgres | null = null;
let server: ServerProcess | null = null;
afterAll(async () => {
  await server?.stop();
  pgInstance?.destroy();
});

describe('database outage on PostgreSQL', () => {
  it('answers 503 while the database is away and recovers by itself', async (ctx) => {
    const bin = findPostgresBin();
    if (!bin) {
      console.warn(
        'Skipping the outage test: no PostgreSQL server binaries (/usr/lib/postgresql/*/bin/initdb)',
      );
      ctx.skip();
      return;
    }
    pgInstance = await createPrivatePostgres(bin);
    pgInstance.start();
    const handle = openDatabase({ kind: 'postgres', url: pgInstance.url });
    await migrateToLatest(handle.db);
    await generate(handle.db, 'small', 5);
    await handle.close();

    server = await startServer({ databaseUrl: pgInstance.url });
    const http = httpClient(server.url, 4);
    try {
      const session = await login(server.url, GENERATED_ADMIN_EMAIL, GENERATED_PASSWORD);
      const headers = sessionHeaders(session);
      const acknowledged: string[] = [];
      const create = async (name: string) => {
        const res = await http.request('POST', '/api/municipalities', headers, { name }, 15_000);
        if (res.status === 201) acknowledged.push((JSON.parse(res.text) as { id: string }).id);
        return res;
      };
      for (let i = 0; i < 20; i++) expect((await create(`Før udfald ${i}`)).status).toBe(201);

      pgInstance.stop();
      const during: { status: number; text: string }[] = [];
      for (let i = 0; i < 10; i++) {
        during.push(await http.request('GET', '/api/plans', headers, undefined, 15_000));
        during.push(await create(`Under udfald ${i}`));
        during.push(await http.request('GET', '/api/health', { 'accept-language': 'en' }, undefined, 15_000));
      }
      for (const res of during) {
        expect(res.status, res.text).toBe(503);
        expect(res.text).not.toMatch(/ECONNREFUSED|postgres:\/\/|at \S+ \(/i);
      }
      const apiError = JSON.parse(during[0]!.text) as { error: { code: string; message: string } };
      expect(apiError.error.code).toBe('database_unavailable');
      expect(apiError.error.message.length).toBeGreaterThan(10);
      expect((JSON.parse(during[2]!.text) as { status: string }).status).toBe('unavailable');

      pgInstance.start();
      const deadline = Date.now() + 30_000;
      let recovered = false;
      while (Date.now() < deadline && !recovered) {
        recovered = (await http.request('GET', '/api/plans', headers)).status === 200;
        if (!recovered) await sleep(250);
      }
      expect(recovered, 'the server did not recover within 30 s').toBe(true);
      expect((await create('Efter udfald')).status).toBe(201);

      const check = openDatabase({ kind: 'postgres', url: pgInstance.url });
      try {
        const rows = await check.db
          .selectFrom('municipalities')
          .select('id')
          .where((eb) =>
            eb.or([
              eb('name', 'like', 'Før udfald %'),
              eb('name', 'like', 'Under udfald %'),
              eb('name', '=', 'Efter udfald'),
            ]),
          )
          .execute();
        expect(new Set(rows.map((r) => r.id))).toEqual(new Set(acknowledged));
        expect(acknowledged.length).toBe(21);
      } finally {
        await check.close();
      }
    } finally {
      http.close();
    }
  });
});
