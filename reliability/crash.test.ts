import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '@pejling/contracts';
import { openDatabase } from '../server/src/db/database.js';
import { GENERATED_ADMIN_EMAIL, GENERATED_PASSWORD } from '../bench/generate/index.js';
import { createRng } from '../bench/generate/prng.js';
import { databaseConfig, type DatabaseKind, type ScratchDatabase } from '../bench/lib/database.js';
import { httpClient } from '../bench/lib/http.js';
import { login, sessionHeaders, startServer, type ServerProcess, type Session } from '../bench/lib/server.js';
import { registrationsFramework } from './lib/plans.js';
import { integrityProblems, postRaw, registrationsCsv, waitForNoSessions, type Answer } from './lib/crash.js';
import { generatedDatabase, postgresAvailable, sleep, suiteDialect } from './lib/setup.js';

/**
 * Crash: `kill -9` of a real server process at seeded random moments during a large
 * registrations import (through the upload route) and during report approval. After each kill
 * and a restart, all or nothing of each is stored, the database passes its integrity check, and
 * finally the same import completes and importing it again adds nothing. CRASH_SEED replays a
 * run; CRASH_ROWS sets the file's size (default 20,000 rows).
 */
const SEED = Number(process.env.CRASH_SEED ?? 1);
const ROWS = Number(process.env.CRASH_ROWS ?? 20_000);
const IMPORT_KILLS = 4;
const APPROVAL_KILLS = 3;
const APPROVER_PASSWORD = 'approver-password-long-enough';

const scratch: ScratchDatabase[] = [];
afterAll(async () => {
  for (const s of scratch) await s.drop();
});

interface Stored {
  /** Registrations that came from an import. */
  registrations: number;
  computedValues: number;
  importAudits: number;
}

async function crashSuite(kind: DatabaseKind) {
  const rng = createRng(SEED).fork(`crash-${kind}`);
  const { scratch: db } = await generatedDatabase(kind, 'crash');
  scratch.push(db);

  // A generated plan whose period has ended, so every date in it may hold registrations.
  const handle = openDatabase(databaseConfig(db));
  const read = handle.db;
  let server: ServerProcess | null = null;
  const log: string[] = [];
  try {
    const [plan, calibration] = await read
      .selectFrom('plans')
      .select(['id', 'periodStart', 'periodEnd'])
      .where('periodEnd', '<', '2026-01-01')
      .orderBy('id')
      .limit(2)
      .execute();
    const planId = plan!.id;
    const from = plan!.periodStart!;
    const to = plan!.periodEnd!;

    server = await startServer({ databaseUrl: db.url });
    const admin = await login(server.url, GENERATED_ADMIN_EMAIL, GENERATED_PASSWORD);
    const call = async (session: Session, method: string, path: string, body?: unknown) => {
      const c = httpClient(server!.url, 1);
      try {
        return await c.request(method, path, sessionHeaders(session), body);
      } finally {
        c.close();
      }
    };
    const ok = async <T>(session: Session, method: string, path: string, body?: unknown) => {
      const res = await call(session, method, path, body);
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
      return JSON.parse(res.text) as T;
    };

    const activity = await registrationsFramework(
      (method, path, body) => ok(admin, method, path, body),
      planId,
      'Crashcafé',
    );
    const approverUser = await ok<{ id: string }>(admin, 'POST', '/api/users', {
      email: `approver-${kind}@bench.pejling.example`,
      name: 'Formand Frede',
      password: APPROVER_PASSWORD,
      roles: [{ role: 'plan_approver', planId }],
    });
    const approver = await login(server.url, `approver-${kind}@bench.pejling.example`, APPROVER_PASSWORD);
    const csv = registrationsCsv(rng, activity.name, from, to, ROWS);
    const importPath = (extra: string) =>
      `/api/plans/${planId}/imports/registrations?filename=crash.csv${extra}`;

    const stored = async (): Promise<Stored> => {
      const [r, v, a] = await Promise.all([
        read
          .selectFrom('registrations')
          .select((e) => e.fn.countAll<number>().as('n'))
          .where('planId', '=', planId)
          .where('source', '=', 'import')
          .executeTakeFirstOrThrow(),
        read
          .selectFrom('indicatorValues')
          .innerJoin('indicators', 'indicators.id', 'indicatorValues.indicatorId')
          .select((e) => e.fn.countAll<number>().as('n'))
          .where('indicators.planId', '=', planId)
          .where('indicatorValues.source', '=', 'registrations')
          .executeTakeFirstOrThrow(),
        read
          .selectFrom('auditLog')
          .select((e) => e.fn.countAll<number>().as('n'))
          .where('planId', '=', planId)
          .where('entityType', '=', 'import_registrations')
          .executeTakeFirstOrThrow(),
      ]);
      return { registrations: Number(r.n), computedValues: Number(v.n), importAudits: Number(a.n) };
    };

    const kill = async () => {
      const child = server!.child;
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGKILL');
        await exited;
      }
    };
    /** After a kill: the dead sessions gone, the database sound, then a new server on it. */
    const recover = async (what: string) => {
      await waitForNoSessions(db);
      expect(await integrityProblems(db), `integrity after a kill during ${what}`).toEqual([]);
    };
    const restart = async () => {
      server = await startServer({ databaseUrl: db.url });
    };

    // How long the whole import takes here: the same file into another ended plan, undisturbed.
    const other = calibration!;
    const otherActivity = await registrationsFramework(
      (method, path, body) => ok(admin, method, path, body),
      other.id,
      'Crashcafé',
    );
    const otherCsv = registrationsCsv(
      rng.fork('calibration'),
      otherActivity.name,
      other.periodStart!,
      other.periodEnd!,
      ROWS,
    );
    let t = performance.now();
    const undisturbed = await postRaw(
      server.url,
      `/api/plans/${other.id}/imports/registrations?filename=crash.csv`,
      sessionHeaders(admin),
      otherCsv,
    );
    expect(undisturbed?.status, undisturbed?.text).toBe(200);
    const importMs = performance.now() - t;

    // The plan's generated registrations and values, before any import.
    const before = await stored();
    expect(before.registrations).toBe(0);
    let interruptedImports = 0;
    for (let round = 0; round < IMPORT_KILLS; round++) {
      const progressId = `crash-${kind}-${SEED}-${round}`;
      const answer = postRaw(server.url, importPath(`&progressId=${progressId}`), sessionHeaders(admin), csv);
      // The last phase the server reported, asked for every 50 ms while the import runs.
      let phase = 'waiting';
      let polling = true;
      const poller = (async () => {
        const c = httpClient(server!.url, 1);
        while (polling) {
          const p = await c
            .request('GET', `/api/plans/${planId}/import-progress/${progressId}`, sessionHeaders(admin))
            .catch(() => null);
          if (p?.status === 200) phase = (JSON.parse(p.text) as { phase: string }).phase;
          await sleep(50);
        }
        c.close();
      })();
      // A moment anywhere in the first round's import, then later and later ones: the writing
      // (in one transaction) and the recomputation take the second half of an import.
      const share = round === 0 ? rng.next() : 0.45 + 0.5 * rng.next();
      const delay = Math.round(share * importMs);
      await sleep(delay);
      await kill();
      polling = false;
      await poller;
      const moment = `${delay} ms of ${importMs.toFixed(0)} after the upload began, last phase seen ${phase}`;
      const acknowledged: Answer | null = await answer;
      await recover('an import');
      const s = await stored();
      log.push(
        `import kill ${round + 1} (${moment}): answer ${acknowledged?.status ?? 'none'}, ${s.registrations} registrations stored`,
      );
      // All or nothing: the whole file with its computed values and audit entry, or none of it.
      expect([0, ROWS]).toContain(s.registrations);
      if (s.registrations === 0) expect(s).toEqual(before);
      else {
        expect(s.computedValues).toBeGreaterThan(0);
        expect(s.importAudits).toBeGreaterThan(0);
      }
      // An acknowledged import is stored.
      if (acknowledged?.status === 200) expect(s.registrations).toBe(ROWS);
      if (!acknowledged && s.registrations === 0) interruptedImports++;
      await restart();
    }

    // The same import now completes, and again adds nothing.
    t = performance.now();
    const done = await postRaw(server.url, importPath(''), sessionHeaders(admin), csv);
    const importSeconds = (performance.now() - t) / 1000;
    expect(done?.status, done?.text).toBe(200);
    const first = JSON.parse(done!.text) as { added: number; unchanged: number };
    expect(first.added + first.unchanged).toBe(ROWS);
    const again = await postRaw(server.url, importPath(''), sessionHeaders(admin), csv);
    expect(again?.status, again?.text).toBe(200);
    expect(JSON.parse(again!.text)).toMatchObject({ added: 0, updated: 0, unchanged: ROWS });
    expect((await stored()).registrations).toBe(ROWS);
    log.push(`import after the kills: ${first.added} added in ${importSeconds.toFixed(1)} s; again: 0 added`);

    // Report approval: a submitted report, approved by the approver, killed at a random moment.
    const period = from.slice(0, 4);
    const submitted = async (title: string) => {
      const draft = await ok<Report>(admin, 'POST', `/api/plans/${planId}/reports`, {
        title,
        period,
        audience: 'steering_group',
        narrative: { summary: 'Skrevet før et nedbrud.' },
      });
      return ok<Report>(admin, 'POST', `/api/plans/${planId}/reports/${draft.id}/submit`, {
        version: draft.version,
      });
    };
    const approvePath = (r: Report) => `/api/plans/${planId}/reports/${r.id}/approve`;
    const calibrate = await submitted('Prøve');
    t = performance.now();
    await ok(approver, 'POST', approvePath(calibrate), { version: calibrate.version });
    const approveMs = performance.now() - t;

    let interruptedApprovals = 0;
    for (let round = 0; round < APPROVAL_KILLS; round++) {
      const report = await submitted(`Statusrapport ${round + 1}`);
      const c = httpClient(server.url, 1);
      const answer = c
        .request('POST', approvePath(report), sessionHeaders(approver), { version: report.version })
        .catch(() => null);
      const delay = rng.int(0, Math.round(approveMs));
      await sleep(delay);
      await kill();
      const acknowledged = await answer;
      c.close();
      await recover('an approval');
      const row = await read
        .selectFrom('statusReports')
        .selectAll()
        .where('id', '=', report.id)
        .executeTakeFirstOrThrow();
      const audits = await read
        .selectFrom('auditLog')
        .select('action')
        .where('entityId', '=', report.id)
        .where('action', '=', 'approve')
        .execute();
      log.push(
        `approval kill ${round + 1} (${delay} ms after the request): answer ${acknowledged?.status ?? 'none'}, stored ${row.status}`,
      );
      if (row.status === 'approved') {
        expect(row.frozenFiguresJson).not.toBeNull();
        expect(JSON.parse(row.frozenFiguresJson!)).toHaveProperty('goals');
        expect(row.approvedAt).not.toBeNull();
        expect(row.approvedBy).toBe(approverUser.id);
        expect(row.approvedByName).toBe('Formand Frede');
        expect(row.version).toBe(report.version + 1);
        expect(row.historyJson).toContain('"approved"');
        expect(audits).toHaveLength(1);
      } else {
        // Nothing of the approval: submitted, no frozen figures, no approver, no audit entry.
        expect(acknowledged?.status, 'an acknowledged approval was lost').not.toBe(200);
        interruptedApprovals++;
        expect(row).toMatchObject({
          status: 'submitted',
          frozenFiguresJson: null,
          approvedAt: null,
          approvedBy: null,
          approvedByName: null,
          version: report.version,
        });
        expect(row.historyJson).not.toContain('"approved"');
        expect(audits).toHaveLength(0);
      }
      await restart();
      if (row.status === 'submitted') {
        const approved = await ok<Report>(approver, 'POST', approvePath(report), { version: row.version });
        expect(approved).toMatchObject({ status: 'approved', frozen: true });
      }
    }
    return { log, interruptedImports, interruptedApprovals, approveMs };
  } finally {
    await (server as ServerProcess | null)?.stop();
    await handle.close();
  }
}

const report = (kind: string, r: Awaited<ReturnType<typeof crashSuite>>) =>
  console.log(
    [
      `crash ${kind} (seed ${SEED}, ${ROWS} rows; approval took ${r.approveMs.toFixed(0)} ms undisturbed; ${r.interruptedImports} imports and ${r.interruptedApprovals} approvals cut short):`,
      ...r.log.map((l) => `  ${l}`),
    ].join('\n'),
  );

describe('crash: kill -9 during an import and during report approval', () => {
  it('on SQLite: all or nothing stored, integrity ok, the same import then completes', async (ctx) => {
    // A suite run pointed at PostgreSQL tests PostgreSQL; the default run tests SQLite.
    if (suiteDialect() === 'postgres') ctx.skip();
    const r = await crashSuite('sqlite');
    report('sqlite', r);
    // At least one kill cut an import short and left nothing of it behind.
    expect(r.interruptedImports).toBeGreaterThan(0);
  });
  it('on PostgreSQL: the same, with a consistency check instead of PRAGMA integrity_check', async (ctx) => {
    if (suiteDialect() !== 'postgres' || !(await postgresAvailable())) {
      console.warn('Skipping the PostgreSQL crash test: TEST_DATABASE_URL names no PostgreSQL that answers');
      ctx.skip();
    }
    const r = await crashSuite('postgres');
    report('postgres', r);
    expect(r.interruptedImports).toBeGreaterThan(0);
  });
});
