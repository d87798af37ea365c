import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDetail } from '@pejling/contracts';
import { openDatabase } from '../server/src/db/database.js';
import { GENERATED_ADMIN_EMAIL, GENERATED_PASSWORD, type Generated } from '../bench/generate/index.js';
import { databaseConfig, type ScratchDatabase } from '../bench/lib/database.js';
import { httpClient } from '../bench/lib/http.js';
import { login, sessionHeaders, startServer, type ServerProcess } from '../bench/lib/server.js';
import { planUpdateFrom } from './lib/plans.js';
import { generatedDatabase, postgresAvailable } from './lib/setup.js';

/**
 * Two server processes on one PostgreSQL: a session made on one is valid on the other, and two
 * edits of the same plan from the same read never both win (the loser gets 409 stale_version).
 */
let available = false;
let scratch: ScratchDatabase;
let out: Generated;
let a: ServerProcess;
let b: ServerProcess;

beforeAll(async () => {
  available = await postgresAvailable();
  if (!available) return;
  ({ scratch, out } = await generatedDatabase('postgres', 'multi'));
  [a, b] = await Promise.all([
    startServer({ databaseUrl: scratch.url }),
    startServer({ databaseUrl: scratch.url }),
  ]);
});
afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await scratch?.drop();
});

describe('two server processes on one PostgreSQL', () => {
  it('share sessions, refuse stale edits with 409 and lose no write', async (ctx) => {
    if (!available) {
      console.warn('Skipping the two-process test: no PostgreSQL answers at the test URL');
      ctx.skip();
    }
    const session = await login(a.url, GENERATED_ADMIN_EMAIL, GENERATED_PASSWORD);
    const headers = sessionHeaders(session);
    const onA = httpClient(a.url, 4);
    const onB = httpClient(b.url, 4);
    try {
      // The session made on A works on B, reads and writes (with its CSRF token).
      const me = await onB.request('GET', '/api/auth/me', headers);
      expect(me.status, me.text).toBe(200);
      expect((JSON.parse(me.text) as { user: { email: string } }).user.email).toBe(GENERATED_ADMIN_EMAIL);
      // Logging out on B ends the session on A too.
      const other = await login(b.url, GENERATED_ADMIN_EMAIL, GENERATED_PASSWORD);
      expect((await onA.request('GET', '/api/auth/me', sessionHeaders(other))).status).toBe(200);
      expect((await onB.request('POST', '/api/auth/logout', sessionHeaders(other))).status).toBeLessThan(300);
      expect((await onA.request('GET', '/api/auth/me', sessionHeaders(other))).status).toBe(401);

      let conflicts = 0;
      for (const [i, plan] of out.plans.slice(0, 15).entries()) {
        const read = await onA.request('GET', `/api/plans/${plan.id}`, headers);
        expect(read.status).toBe(200);
        const detail = JSON.parse(read.text) as PlanDetail;
        const input = (name: string) => planUpdateFrom(detail, name);
        const [ra, rb] = await Promise.all([
          onA.request('PUT', `/api/plans/${plan.id}`, headers, input(`Redigeret på A ${i}`)),
          onB.request(
            'PUT',
            `/api/plans/${plan.id}`,
            { ...headers, 'accept-language': 'en' },
            input(`Redigeret på B ${i}`),
          ),
        ]);
        const statuses = [ra.status, rb.status].sort();
        expect(statuses, `${ra.text} | ${rb.text}`).toEqual([200, 409]);
        conflicts++;
        const loser = ra.status === 409 ? ra : rb;
        const winner = ra.status === 200 ? 'A' : 'B';
        const body = JSON.parse(loser.text) as { error: { code: string; message: string } };
        expect(body.error.code).toBe('stale_version');
        expect(body.error.message.length).toBeGreaterThan(10);
        const after = JSON.parse((await onB.request('GET', `/api/plans/${plan.id}`, headers)).text) as {
          name: string;
          version: number;
        };
        expect(after.name).toBe(`Redigeret på ${winner} ${i}`);
        expect(after.version).toBe(detail.version + 1);
      }
      expect(conflicts).toBe(15);

      // Creates split over both processes: every acknowledged one is stored.
      const ids: string[] = [];
      await Promise.all(
        Array.from({ length: 40 }, async (_, k) => {
          const c = k % 2 ? onA : onB;
          const res = await c.request('POST', '/api/municipalities', headers, { name: `Fælleskommune ${k}` });
          expect(res.status, res.text).toBe(201);
          ids.push((JSON.parse(res.text) as { id: string }).id);
        }),
      );
      const handle = openDatabase(databaseConfig(scratch));
      try {
        const rows = await handle.db
          .selectFrom('municipalities')
          .select('id')
          .where('name', 'like', 'Fælleskommune %')
          .execute();
        expect(new Set(rows.map((r) => r.id))).toEqual(new Set(ids));
      } finally {
        await handle.close();
      }
    } finally {
      onA.close();
      onB.close();
    }
  });
});
