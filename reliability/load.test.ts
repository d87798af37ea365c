import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDetail } from '@pejling/contracts';
import { openDatabase } from '../server/src/db/database.js';
import { GENERATED_ADMIN_EMAIL, GENERATED_PASSWORD, type Generated } from '../bench/generate/index.js';
import { databaseConfig, type ScratchDatabase } from '../bench/lib/database.js';
import { httpClient } from '../bench/lib/http.js';
import { login, sessionHeaders, startServer, type ServerProcess, type Session } from '../bench/lib/server.js';
import { planUpdateFrom } from './lib/plans.js';
import { generatedDatabase, suiteDialect } from './lib/setup.js';

/**
 * Load: 200 concurrent clients for LOAD_SECONDS (default 30) on the main read and write routes
 * of a real server process. No 5xx, no errors, and every acknowledged create is stored.
 *
 * Each client sends its next request as soon as the last is answered, so the server always has
 * about 200 requests in hand and each waits behind the others: its latency is about 200 times
 * the mean time the server spends on one request. On SQLite a few of the very first requests,
 * sent the moment the server has started, have been answered only when the load ends (30 s and
 * more, with p95 under 2 s); the cause is open (docs/PERFORMANCE.md). A request therefore counts
 * as an error only after 120 s without an answer (LOAD_REQUEST_TIMEOUT_MS), a hang detector. The
 * suite prints p50, p95 and the maximum per route, with the slowest requests and when they were
 * sent; latency under load is the benchmarks' figure.
 */
const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 200);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const REQUEST_TIMEOUT_MS = Number(process.env.LOAD_REQUEST_TIMEOUT_MS ?? 120_000);
const HOT_PLANS = 3;

let scratch: ScratchDatabase;
let out: Generated;
let server: ServerProcess;
const sessions: Session[] = [];

beforeAll(async () => {
  ({ scratch, out } = await generatedDatabase(suiteDialect(), 'load'));
  server = await startServer({ databaseUrl: scratch.url });
  for (let i = 0; i < 4; i++)
    sessions.push(await login(server.url, GENERATED_ADMIN_EMAIL, GENERATED_PASSWORD));
});
afterAll(async () => {
  await server?.stop();
  await scratch?.drop();
});

describe(`load: ${CLIENTS} clients for ${SECONDS} s on ${suiteDialect()}`, () => {
  it('answers every request without a 5xx or an error and loses no write', async () => {
    const http = httpClient(server.url, CLIENTS);
    const runId = Date.now().toString(36);
    const createdMunicipalities: string[] = [];
    const createdPlans: string[] = [];
    const editsWon = new Map<string, number>();
    let editsRefused = 0;
    const problems: string[] = [];
    const statuses: Record<string, number> = {};
    let requests = 0;
    let seq = 0;
    const started = Date.now();
    const latencies: Record<string, number[]> = {};
    const slowest: { ms: number; at: number; key: string }[] = [];
    const pool = out.plans[0]!.poolId;
    const deadline = Date.now() + SECONDS * 1000;

    async function call(session: Session, method: string, path: string, body?: unknown, mayConflict = false) {
      requests++;
      const t = Date.now();
      const route = `${method} ${path.replace(/[0-9a-f-]{36}/, ':id')}`;
      const took = () => {
        const ms = Date.now() - t;
        (latencies[route] ??= []).push(ms);
        slowest.push({ ms, at: (t - started) / 1000, key: route });
        if (slowest.length > 50) slowest.sort((a, b) => b.ms - a.ms).splice(10);
      };
      try {
        const res = await http.request(method, path, sessionHeaders(session), body, REQUEST_TIMEOUT_MS);
        took();
        const text = res.text;
        const key = `${method} ${path.replace(/[0-9a-f-]{36}/, ':id')} ${res.status}`;
        statuses[key] = (statuses[key] ?? 0) + 1;
        const conflict = mayConflict && res.status === 409 && text.includes('"stale_version"');
        if (res.status >= 300 && !conflict) problems.push(`${key}: ${text.slice(0, 200)}`);
        return {
          status: res.status,
          json: res.status < 300 && text ? (JSON.parse(text) as { id: string }) : null,
        };
      } catch (err) {
        took();
        problems.push(`${method} ${path}: ${(err as Error).message}`);
        return { status: 0, json: null };
      }
    }

    async function client(k: number) {
      const session = sessions[k % sessions.length]!;
      while (Date.now() < deadline) {
        const n = seq++;
        const r = n % 10;
        if (n % 20 === 0) {
          // Read-modify-write of a few hot plans: each edit either wins (200) or is refused as stale (409).
          const hot = out.plans[n % HOT_PLANS]!.id;
          const read = await call(session, 'GET', `/api/plans/${hot}`);
          if (read.status !== 200) continue;
          const edit = planUpdateFrom(read.json as unknown as PlanDetail, `Redigeret ${runId}-${n}`);
          const res = await call(session, 'PUT', `/api/plans/${hot}`, edit, true);
          if (res.status === 200) editsWon.set(hot, (editsWon.get(hot) ?? 0) + 1);
          else if (res.status === 409) editsRefused++;
        } else if (r < 4) await call(session, 'GET', '/api/plans');
        else if (r < 6) await call(session, 'GET', `/api/plans/${out.plans[n % out.plans.length]!.id}`);
        else if (r < 7) await call(session, 'GET', '/api/municipalities');
        else if (r < 8) {
          const name = `Lastkommune ${runId}-${n}`;
          const res = await call(session, 'POST', '/api/municipalities', { name });
          if (res.status === 201) createdMunicipalities.push(res.json!.id);
        } else {
          const p = out.plans[n % out.plans.length]!;
          const res = await call(session, 'POST', '/api/plans', {
            name: `Lastplan ${runId}-${n}`,
            poolId: pool,
            municipalityId: p.municipalityId,
            housingOrganisationId: p.housingOrganisationId,
            status: 'active',
            periodStart: '2024-01-01',
            periodEnd: '2027-12-31',
            grants: [
              { poolId: pool, amountOre: 500_000_000, startDate: '2024-01-01', endDate: '2027-12-31' },
            ],
          });
          if (res.status === 201) createdPlans.push(res.json!.id);
        }
      }
    }

    await Promise.all(Array.from({ length: CLIENTS }, (_, k) => client(k)));
    http.close();
    console.log(
      `load: ${requests} requests from ${CLIENTS} clients in ${SECONDS} s (${Math.round(requests / SECONDS)}/s); ${createdMunicipalities.length} municipalities and ${createdPlans.length} plans created; ${[...editsWon.values()].reduce((a, b) => a + b, 0)} edits won, ${editsRefused} refused as stale; ${JSON.stringify(statuses)}`,
    );
    const pct = (v: number[], q: number) => v[Math.min(v.length - 1, Math.floor(v.length * q))] ?? 0;
    console.log(
      `latency (ms): ${Object.entries(latencies)
        .map(([k, v]) => {
          v.sort((a, b) => a - b);
          return `${k} p50 ${pct(v, 0.5)} p95 ${pct(v, 0.95)} max ${v.at(-1)}`;
        })
        .join('; ')}; slowest: ${slowest
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 10)
        .map((x) => `${x.key} ${x.ms} ms sent at ${x.at.toFixed(1)} s`)
        .join(', ')}`,
    );
    expect(problems.slice(0, 10)).toEqual([]);
    expect(createdMunicipalities.length).toBeGreaterThan(0);
    expect(createdPlans.length).toBeGreaterThan(0);

    const handle = openDatabase(databaseConfig(scratch));
    try {
      const munis = await handle.db
        .selectFrom('municipalities')
        .select('id')
        .where('name', 'like', `Lastkommune ${runId}-%`)
        .execute();
      expect(new Set(munis.map((m) => m.id))).toEqual(new Set(createdMunicipalities));
      const plans = await handle.db
        .selectFrom('plans')
        .select('id')
        .where('name', 'like', `Lastplan ${runId}-%`)
        .execute();
      expect(new Set(plans.map((p) => p.id))).toEqual(new Set(createdPlans));
      const grants = await handle.db
        .selectFrom('grants')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('planId', 'in', createdPlans)
        .executeTakeFirstOrThrow();
      expect(Number(grants.n)).toBe(createdPlans.length);
      const total = await handle.db
        .selectFrom('plans')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(total.n)).toBe(out.plans.length + createdPlans.length);
      // No lost update: each hot plan's version went up once per edit that won, and no more.
      expect(editsWon.size).toBe(HOT_PLANS);
      for (const [id, won] of editsWon) {
        const row = await handle.db
          .selectFrom('plans')
          .select('version')
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        expect(row.version, id).toBe(1 + won);
      }
    } finally {
      await handle.close();
    }
  });
});
