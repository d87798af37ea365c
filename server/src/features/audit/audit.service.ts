import type { AuditEntry } from '@pejling/contracts';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { fromJson, newId, nowIso, toJson } from '../../db/portable.js';
import type { RequestContext } from '../../http/context.js';

type Executor = Kysely<Database> | Transaction<Database>;

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  planId?: string | null;
  before?: unknown;
  after?: unknown;
  /** Who acted, where the request has no session yet (login). */
  userId?: string | null;
}

/** Appends one entry; call it inside the same transaction as the write it records. */
export async function recordAudit(
  db: Executor,
  ctx: RequestContext | null,
  entry: AuditInput,
): Promise<void> {
  await db
    .insertInto('auditLog')
    .values({
      id: newId(),
      at: nowIso(),
      userId: entry.userId ?? ctx?.principal?.userId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      planId: entry.planId ?? null,
      beforeJson: toJson(entry.before),
      afterJson: toJson(entry.after),
      requestId: ctx?.requestId ?? null,
    })
    .execute();
  if (READS.has(entry.action) || SESSIONS.has(entry.action)) return;
  if (entry.planId) await raisePlanRevisions(db, [entry.planId]);
  else if (!entry.entityType.startsWith('evaluation_')) await raisePlanRevisions(db, [OUTSIDE_PLANS]);
}

/** Audited actions that change nothing. */
const READS = new Set(['read', 'export']);
/** Audited actions that change only sessions. */
const SESSIONS = new Set(['login', 'login_failed', 'logout']);

/**
 * The revision of the data outside any plan that answers drawn from many plans show (the
 * registry, organisations, shared indicators and goals, users and their roles), kept as a row of
 * `plan_revisions` under a key no plan has. Evaluation studies' own changes do not raise it.
 */
export const OUTSIDE_PLANS = '*';

/**
 * Raises the plans' revisions (`plan_revisions`), in the caller's transaction: what a process
 * computed for a plan at an earlier revision no longer holds. Every audited change to a plan does
 * it; a change elsewhere that shows in a plan's figures (a shared indicator's name) calls it.
 */
export async function raisePlanRevisions(db: Executor, planIds: readonly string[]): Promise<void> {
  for (const planId of [...new Set(planIds)].sort())
    await db
      .insertInto('planRevisions')
      .values({ planId, revision: 1 })
      .onConflict((oc) => oc.column('planId').doUpdateSet({ revision: sql`plan_revisions.revision + 1` }))
      .execute();
}

/**
 * Every revision added up (plans and the data outside them): revisions only rise and their rows
 * are never deleted, so the total rises with every audited change anywhere.
 */
export async function revisionsTotal(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('planRevisions')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('revision'), sql<number>`0`).as('total'))
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}

/** The plan's revision now (0 before its first audited change). */
export async function planRevision(db: Executor, planId: string): Promise<number> {
  const row = await db
    .selectFrom('planRevisions')
    .select('revision')
    .where('planId', '=', planId)
    .executeTakeFirst();
  return Number(row?.revision ?? 0);
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  planId?: string;
  userId?: string;
  action?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export async function listAudit(
  db: Kysely<Database>,
  f: AuditFilter,
): Promise<{ items: AuditEntry[]; total: number }> {
  let q = db.selectFrom('auditLog').leftJoin('users', 'users.id', 'auditLog.userId');
  if (f.entityType) q = q.where('auditLog.entityType', '=', f.entityType);
  if (f.entityId) q = q.where('auditLog.entityId', '=', f.entityId);
  if (f.planId) q = q.where('auditLog.planId', '=', f.planId);
  if (f.userId) q = q.where('auditLog.userId', '=', f.userId);
  if (f.action) q = q.where('auditLog.action', '=', f.action);
  if (f.from) q = q.where('auditLog.at', '>=', f.from);
  if (f.to) q = q.where('auditLog.at', '<', nextDay(f.to));
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await q
    .select([
      'auditLog.id',
      'auditLog.at',
      'auditLog.userId',
      'users.email as userEmail',
      'auditLog.action',
      'auditLog.entityType',
      'auditLog.entityId',
      'auditLog.planId',
      'auditLog.beforeJson',
      'auditLog.afterJson',
      'auditLog.requestId',
    ])
    .orderBy('auditLog.at', 'desc')
    .orderBy('auditLog.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return {
    total: Number(total),
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      userId: r.userId,
      userEmail: r.userEmail ?? null,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      planId: r.planId,
      before: fromJson(r.beforeJson),
      after: fromJson(r.afterJson),
      requestId: r.requestId,
    })),
  };
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}
