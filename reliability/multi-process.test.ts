import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDetail, Report } from '@pejling/contracts';
import { createRng } from '../bench/generate/prng.js';
import { openDatabase } from '../server/src/db/database.js';
import { GENERATED_ADMIN_EMAIL, GENERATED_PASSWORD, type Generated } from '../bench/generate/index.js';
import { databaseConfig, type ScratchDatabase } from '../bench/lib/database.js';
import { httpClient } from '../bench/lib/http.js';
import { login, sessionHeaders, startServer, type ServerProcess } from '../bench/lib/server.js';
import { postRaw, registrationsCsv } from './lib/crash.js';
import { planUpdateFrom, registrationsFramework } from './lib/plans.js';
import { generatedDatabase, postgresAvailable } from './lib/setup.js';

/**
 * Two server processes on one PostgreSQL: a session made on one is valid on the other, two edits
 * of the same plan from the same read never both win (the loser gets 409 stale_version), and the
 * same import or the same report's approval sent to both at once is stored once.
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

  it('store the same import, and the same approval, once when both processes run them at once', async (ctx) => {
    if (!available) ctx.skip();
    const admin = await login(a.url, GENERATED_ADMIN_EMAIL, GENERATED_PASSWORD);
    const headers = sessionHeaders(admin);
    const onA = httpClient(a.url, 4);
    const onB = httpClient(b.url, 4);
    const handle = openDatabase(databaseConfig(scratch));
    const ok = async <T>(method: string, path: string, body?: unknown) => {
      const res = await onA.request(method, path, headers, body);
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
      return JSON.parse(res.text) as T;
    };
    try {
      // A plan whose period has ended, an indicator computed from its registrations, an activity.
      const plan = await handle.db
        .selectFrom('plans')
        .select(['id', 'periodStart', 'periodEnd'])
        .where('periodEnd', '<', '2026-01-01')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      const activity = await registrationsFramework(ok, plan.id, 'Tofasecafé');
      const rows = 5000;
      const csv = registrationsCsv(createRng(7), activity.name, plan.periodStart!, plan.periodEnd!, rows);
      const count = async (table: 'registrations' | 'auditLog', where: [string, string]) =>
        Number(
          (
            await handle.db
              .selectFrom(table)
              .select((e) => e.fn.countAll<number>().as('n'))
              .where('planId', '=', plan.id)
              .where(where[0] as never, '=', where[1] as never)
              .executeTakeFirstOrThrow()
          ).n,
        );

      // The same file to both at once, three times: stored once. Each answer is 200 (the first
      // adds every row, a later one adds none) or 409 import_conflict (rolled back whole, when the
      // other committed the same rows first), never anything else.
      const path = `/api/plans/${plan.id}/imports/registrations?filename=to-processer.csv`;
      for (let round = 0; round < 3; round++) {
        const answers = await Promise.all([
          postRaw(a.url, path, headers, csv),
          postRaw(b.url, path, headers, csv),
        ]);
        for (const r of answers) {
          expect(r, 'an import got no answer').not.toBeNull();
          expect([200, 409], r!.text).toContain(r!.status);
          if (r!.status === 409)
            expect((JSON.parse(r!.text) as { error: { code: string } }).error.code, r!.text).toBe(
              'import_conflict',
            );
        }
        const added = answers
          .filter((r) => r!.status === 200)
          .map((r) => (JSON.parse(r!.text) as { added: number }).added);
        console.log(
          `import round ${round + 1}: ${answers.map((r) => (r!.status === 200 ? `200 (${(JSON.parse(r!.text) as { added: number }).added} added)` : r!.status)).join(' and ')}`,
        );
        if (round === 0) expect(added.sort()).toContain(rows);
        else expect(added.every((n) => n === 0)).toBe(true);
        expect(await count('registrations', ['source', 'import'])).toBe(rows);
      }
      const imports = await count('auditLog', ['entityType', 'import_registrations']);
      expect(imports).toBeGreaterThanOrEqual(1);

      // A report submitted for approval, approved on both at once from the same version: one
      // approval wins and freezes the figures once, the other gets 409.
      const approverEmail = 'tofase-godkender@bench.pejling.example';
      await ok('POST', '/api/users', {
        email: approverEmail,
        name: 'Formand Frede',
        password: 'approver-password-long-enough',
        roles: [{ role: 'plan_approver', planId: plan.id }],
      });
      const approver = sessionHeaders(await login(b.url, approverEmail, 'approver-password-long-enough'));
      for (let round = 0; round < 3; round++) {
        const draft = await ok<Report>('POST', `/api/plans/${plan.id}/reports`, {
          title: `Statusrapport ${round + 1}`,
          period: plan.periodStart!.slice(0, 4),
          audience: 'steering_group',
          narrative: { summary: 'Godkendt fra to processer.' },
        });
        const report = await ok<Report>('POST', `/api/plans/${plan.id}/reports/${draft.id}/submit`, {
          version: draft.version,
        });
        const approve = `/api/plans/${plan.id}/reports/${report.id}/approve`;
        const [ra, rb] = await Promise.all([
          onA.request('POST', approve, approver, { version: report.version }),
          onB.request('POST', approve, approver, { version: report.version }),
        ]);
        expect([ra.status, rb.status].sort(), `${ra.text} | ${rb.text}`).toEqual([200, 409]);
        const stored = await handle.db
          .selectFrom('statusReports')
          .select(['status', 'frozenFiguresJson', 'version'])
          .where('id', '=', report.id)
          .executeTakeFirstOrThrow();
        expect(stored.status).toBe('approved');
        expect(stored.frozenFiguresJson).not.toBeNull();
        expect(stored.version).toBe(report.version + 1);
        const approvals = await handle.db
          .selectFrom('auditLog')
          .select((e) => e.fn.countAll<number>().as('n'))
          .where('entityId', '=', report.id)
          .where('action', '=', 'approve')
          .executeTakeFirstOrThrow();
        expect(Number(approvals.n)).toBe(1);
        // The approved report's document, asked of both at once: the same on both.
        const exportPath = `/api/plans/${plan.id}/reports/${report.id}/export?format=docx`;
        const [da, db] = await Promise.all([
          onA.request('GET', exportPath, headers),
          onB.request('GET', exportPath, headers),
        ]);
        expect([da.status, db.status], `${da.text.slice(0, 200)} | ${db.text.slice(0, 200)}`).toEqual([
          200, 200,
        ]);
        expect(da.text.length).toBeGreaterThan(1000);
      }
    } finally {
      await handle.close();
      onA.close();
      onB.close();
    }
  });
});
