import http from 'node:http';
import Database from 'better-sqlite3';
import { withPgClient, type ScratchDatabase } from '../../bench/lib/database.js';
import type { Rng } from '../../bench/generate/prng.js';
import { sleep } from './setup.js';

/**
 * Helpers of the crash suite: a raw-body upload that a kill may cut off, waiting until a killed
 * process's PostgreSQL sessions are gone, and the engines' integrity checks.
 */

export interface Answer {
  status: number;
  text: string;
}

/** POSTs raw bytes; resolves with the answer, or with null when the connection breaks (a kill). */
export function postRaw(
  url: string,
  path: string,
  headers: Record<string, string>,
  body: Buffer,
  contentType = 'text/csv',
): Promise<Answer | null> {
  const base = new URL(url);
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: base.hostname,
        port: base.port,
        method: 'POST',
        path,
        headers: { ...headers, 'content-type': contentType, 'content-length': body.length },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', () => resolve(null));
      },
    );
    req.on('error', () => resolve(null));
    req.end(body);
  });
}

/**
 * After a kill, PostgreSQL ends the dead client's sessions (rolling back what they had open)
 * when it notices the closed socket. Wait until no session of the database is inside a
 * statement or a transaction (idle ones hold nothing), so what is read next is what will stay.
 */
export async function waitForNoSessions(scratch: ScratchDatabase, timeoutMs = 30_000): Promise<void> {
  if (scratch.kind !== 'postgres') return;
  const name = new URL(scratch.url).pathname.slice(1);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const n = await withPgClient(scratch.url, async (c) => {
      const r = await c.query<{ n: string }>(
        `select count(*) as n from pg_stat_activity
           where datname = $1 and pid <> pg_backend_pid() and state is distinct from 'idle'`,
        [name],
      );
      return Number(r.rows[0]!.n);
    });
    if (n === 0) return;
    if (Date.now() > deadline) throw new Error(`${n} sessions of the killed server still open`);
    await sleep(100);
  }
}

/** Foreign keys the crash suite's writes touch: child table, column, parent table. */
const REFERENCES: [string, string, string][] = [
  ['registrations', 'plan_id', 'plans'],
  ['registrations', 'activity_id', 'activities'],
  ['indicator_values', 'indicator_id', 'indicators'],
  ['status_reports', 'plan_id', 'plans'],
  ['status_reports', 'approved_by', 'users'],
  ['activity_goals', 'activity_id', 'activities'],
  ['activity_goals', 'goal_id', 'goals'],
  ['indicators', 'goal_id', 'goals'],
];

/**
 * The engine's integrity check. SQLite: `PRAGMA integrity_check` is `ok` and
 * `PRAGMA foreign_key_check` finds nothing. PostgreSQL: no row refers to a missing one (the
 * references above), no duplicate import key, and, where the amcheck extension is installed,
 * every B-tree index of those tables agrees with its table (`bt_index_check` with heapallindexed).
 * Returns the problems found (empty when the database is sound).
 */
export async function integrityProblems(scratch: ScratchDatabase): Promise<string[]> {
  if (scratch.kind === 'sqlite') {
    const db = new Database(scratch.url);
    try {
      const check = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
      const fk = db.pragma('foreign_key_check') as unknown[];
      const problems = check.map((r) => r.integrity_check).filter((r) => r !== 'ok');
      if (fk.length) problems.push(`foreign_key_check: ${JSON.stringify(fk.slice(0, 5))}`);
      return problems;
    } finally {
      db.close();
    }
  }
  return withPgClient(scratch.url, async (c) => {
    const problems: string[] = [];
    for (const [child, column, parent] of REFERENCES) {
      const r = await c.query<{ n: string }>(
        `select count(*) as n from ${child} x where x.${column} is not null
           and not exists (select 1 from ${parent} p where p.id = x.${column})`,
      );
      if (Number(r.rows[0]!.n)) problems.push(`${r.rows[0]!.n} ${child}.${column} without ${parent}`);
    }
    const dup = await c.query<{ n: string }>(
      `select count(*) as n from (select plan_id, import_key from registrations
         where import_key is not null group by 1, 2 having count(*) > 1) d`,
    );
    if (Number(dup.rows[0]!.n)) problems.push(`${dup.rows[0]!.n} duplicate import keys`);
    let amcheck = true;
    try {
      await c.query('create extension if not exists amcheck');
    } catch {
      amcheck = false;
    }
    if (amcheck) {
      const indexes = await c.query<{ name: string }>(
        `select i.indexrelid::regclass::text as name from pg_index i
           join pg_class t on t.oid = i.indrelid join pg_class x on x.oid = i.indexrelid
           join pg_am a on a.oid = x.relam
         where a.amname = 'btree' and t.relname = any($1)`,
        [['registrations', 'indicator_values', 'status_reports', 'audit_log', 'activities']],
      );
      for (const { name } of indexes.rows) {
        try {
          await c.query('select bt_index_check($1::regclass, true)', [name]);
        } catch (e) {
          problems.push(`index ${name}: ${(e as Error).message}`);
        }
      }
    }
    return problems;
  });
}

/** A Danish registrations file of `rows` distinct sessions of one activity inside [from, to]. */
export function registrationsCsv(rng: Rng, activity: string, from: string, to: string, rows: number): Buffer {
  const start = Date.parse(`${from}T00:00:00Z`);
  const days = Math.max(1, Math.floor((Date.parse(`${to}T00:00:00Z`) - start) / 86_400_000));
  const lines = ['Aktivitet;Dato;Deltagere;Timer;Note'];
  for (let i = 0; i < rows; i++) {
    const d = new Date(start + rng.int(0, days) * 86_400_000).toISOString().slice(0, 10);
    const hours = String(rng.int(5, 40) / 10).replace('.', ',');
    lines.push(`${activity};${d.split('-').reverse().join('-')};${rng.int(1, 30)};${hours};Gang ${i + 1}`);
  }
  return Buffer.from(lines.join('\r\n'), 'utf8');
}
