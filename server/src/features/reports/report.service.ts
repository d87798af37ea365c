import type { z } from 'zod';
import type {
  Report,
  ReportAction,
  ReportFigures,
  ReportInput,
  ReportList,
  ReportNarrative,
  ReportStatus,
} from '@pejling/contracts';
import type { Db, Executor } from '../../db/database.js';
import { fromJson, newId, nowIso, toJson } from '../../db/portable.js';
import type { StatusReportsTable } from '../../db/schema/reports.js';
import { parsePeriodKey, periodOverlaps, periodRange } from '../../domain/periods.js';
import { AppError, notFound } from '../../errors.js';
import type { Principal, RequestContext } from '../../http/context.js';
import { canWritePlanRow } from '../../http/permissions.js';
import { recordAudit } from '../audit/audit.service.js';
import { findPlanRow } from '../plans/plan.repository.js';
import { getFramework } from '../results/results.service.js';

type ReportIn = z.output<typeof ReportInput>;
type ActionIn = z.output<typeof ReportAction>;
type HistoryEvent = Report['history'][number];

const danishDate = (iso: string | null) => (iso ? iso.slice(0, 10).split('-').reverse().join('-') : '');

async function requirePlan(db: Executor, planId: string) {
  const plan = await findPlanRow(db, planId);
  if (!plan) throw notFound('plan_not_found');
  return plan;
}

/** A member of the plan's steering group or board: holds the approver role on the plan. */
export function canApproveReports(p: Principal | null, planId: string): boolean {
  return !!p && p.roles.some((r) => r.role === 'plan_approver' && r.planId === planId);
}

/**
 * The figures of a report for its period: each goal's indicators with the value for the period
 * against its target, each activity's registrations in the period, and the coherence flags.
 */
export async function computeReportFigures(
  db: Executor,
  planId: string,
  period: string,
): Promise<ReportFigures> {
  const plan = await requirePlan(db, planId);
  const planRange =
    plan.periodStart && plan.periodEnd ? { start: plan.periodStart, end: plan.periodEnd } : null;
  const range = periodRange(period, planRange);
  if (!range) throw new AppError('validation_failed', 400, {}, [{ path: 'period', code: 'invalid_period' }]);
  const f = await getFramework(db, planId, { periods: [period] });
  const regs = await db
    .selectFrom('registrations')
    .select(['activityId', 'participants'])
    .where('planId', '=', planId)
    .where('date', '>=', range.start)
    .where('date', '<=', range.end)
    .execute();
  const levelRank = { impact: 0, result: 1, activity: 2 } as const;
  const goals = [...f.goals].sort(
    (a, b) => levelRank[a.level] - levelRank[b.level] || a.sortOrder - b.sortOrder,
  );
  return {
    computedAt: nowIso(),
    period,
    periodStart: range.start,
    periodEnd: range.end,
    goals: goals.map((g) => ({
      id: g.id,
      level: g.level,
      title: g.title,
      indicators: f.indicators
        .filter((i) => i.goalId === g.id)
        .map((i) => {
          const s = i.statuses.find((x) => x.period === period);
          return {
            id: i.id,
            name: i.name,
            kind: i.kind,
            unit: i.unit,
            baseline: i.baselineValue,
            state: s?.state ?? 'missing',
            value: s?.value ?? null,
            complete: s?.complete ?? false,
            target: s?.target ?? null,
            status: s?.status ?? 'no_data',
          };
        }),
    })),
    activities: f.activities.map((a) => {
      const own = regs.filter((r) => r.activityId === a.id);
      return {
        id: a.id,
        name: a.name,
        status: a.status,
        registrations: own.length,
        participants: own.reduce((sum, r) => sum + r.participants, 0),
        overdueSince: a.overdueSince,
      };
    }),
    coherence: {
      flags: f.coherence.flags,
      outcomeGoalsMeasured: f.coherence.measurement.outcomeGoalsMeasured,
      outcomeGoals: f.coherence.measurement.outcomeGoals,
    },
  };
}

function narrativeOf(r: StatusReportsTable): ReportNarrative {
  const n = fromJson<Partial<ReportNarrative>>(r.narrativeJson) ?? {};
  return {
    summary: n.summary ?? null,
    progress: n.progress ?? null,
    deviations: n.deviations ?? null,
    nextSteps: n.nextSteps ?? null,
  };
}

async function present(db: Executor, ctx: RequestContext, r: StatusReportsTable): Promise<Report> {
  const frozen = fromJson<ReportFigures>(r.frozenFiguresJson);
  return {
    ...summaryOf(ctx, r),
    narrative: narrativeOf(r),
    figures: frozen ?? (await computeReportFigures(db, r.planId, r.period)),
    history: fromJson<HistoryEvent[]>(r.historyJson) ?? [],
  };
}

function summaryOf(ctx: RequestContext, r: StatusReportsTable): ReportList['items'][number] {
  return {
    id: r.id,
    planId: r.planId,
    title: r.title,
    period: r.period,
    audience: r.audience as Report['audience'],
    status: r.status as ReportStatus,
    frozen: r.frozenFiguresJson !== null,
    approvedAt: r.approvedAt,
    approvedByName: r.approvedByName,
    sentAt: r.sentAt,
    sentTo: r.sentTo,
    canApprove: r.status === 'submitted' && canApproveReports(ctx.principal, r.planId),
    version: r.version,
  };
}

async function findReport(db: Executor, planId: string, id: string) {
  return db
    .selectFrom('statusReports')
    .selectAll()
    .where('planId', '=', planId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listReports(db: Executor, ctx: RequestContext, planId: string): Promise<ReportList> {
  await requirePlan(db, planId);
  const rows = await db
    .selectFrom('statusReports')
    .selectAll()
    .where('planId', '=', planId)
    .orderBy('period', 'desc')
    .orderBy('createdAt', 'desc')
    .execute();
  return { items: rows.map((r) => summaryOf(ctx, r)) };
}

/** @throws report_not_found (404) */
export async function getReport(
  db: Executor,
  ctx: RequestContext,
  planId: string,
  id: string,
): Promise<Report> {
  const row = await findReport(db, planId, id);
  if (!row) throw notFound('report_not_found');
  return present(db, ctx, row);
}

/** The period must be a year, half or quarter (or the whole period) that shares days with the plan. */
async function checkPeriod(db: Executor, planId: string, period: string): Promise<void> {
  const plan = await requirePlan(db, planId);
  const parsed = parsePeriodKey(period);
  const planRange =
    plan.periodStart && plan.periodEnd ? { start: plan.periodStart, end: plan.periodEnd } : null;
  if (!parsed || (parsed.kind === 'whole' && !planRange))
    throw new AppError('validation_failed', 400, {}, [
      { path: 'period', code: 'invalid_period', params: { period } },
    ]);
  if (parsed.kind !== 'whole' && planRange && !periodOverlaps(parsed, planRange))
    throw new AppError('validation_failed', 400, {}, [
      {
        path: 'period',
        code: 'period_outside_plan',
        params: { period, start: danishDate(plan.periodStart), end: danishDate(plan.periodEnd) },
      },
    ]);
}

const event = (ctx: RequestContext, status: ReportStatus, note: string | null = null): HistoryEvent => ({
  status,
  at: nowIso(),
  byName: ctx.principal?.name ?? null,
  note,
});

const narrativeJson = (input: ReportIn) =>
  toJson({
    summary: input.narrative.summary ?? null,
    progress: input.narrative.progress ?? null,
    deviations: input.narrative.deviations ?? null,
    nextSteps: input.narrative.nextSteps ?? null,
  }) ?? '{}';

/** A new draft. @throws validation_failed (400: invalid_period, period_outside_plan) */
export async function createReport(
  db: Db,
  ctx: RequestContext,
  planId: string,
  input: ReportIn,
): Promise<Report> {
  return db.transaction().execute(async (trx) => {
    await checkPeriod(trx, planId, input.period);
    const id = newId();
    const now = nowIso();
    await trx
      .insertInto('statusReports')
      .values({
        id,
        planId,
        title: input.title,
        period: input.period,
        audience: input.audience,
        status: 'draft',
        narrativeJson: narrativeJson(input),
        frozenFiguresJson: null,
        historyJson: toJson([event(ctx, 'draft')]) ?? '[]',
        approvedAt: null,
        approvedBy: null,
        approvedByName: null,
        sentAt: null,
        sentTo: null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    const row = (await findReport(trx, planId, id))!;
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'status_report',
      entityId: id,
      planId,
      after: summaryOf(ctx, row),
    });
    return present(trx, ctx, row);
  });
}

async function lockForChange(trx: Executor, planId: string, id: string, version: number) {
  const row = await findReport(trx, planId, id);
  if (!row) throw notFound('report_not_found');
  if (row.version !== version) throw new AppError('stale_version', 409);
  return row;
}

/** Only a draft changes. @throws report_not_found (404), stale_version, report_not_draft (409) */
export async function updateReport(
  db: Db,
  ctx: RequestContext,
  planId: string,
  id: string,
  input: ReportIn & { version: number },
): Promise<Report> {
  return db.transaction().execute(async (trx) => {
    const row = await lockForChange(trx, planId, id, input.version);
    if (row.status !== 'draft') throw new AppError('report_not_draft', 409);
    await checkPeriod(trx, planId, input.period);
    const res = await trx
      .updateTable('statusReports')
      .set({
        title: input.title,
        period: input.period,
        audience: input.audience,
        narrativeJson: narrativeJson(input),
        updatedAt: nowIso(),
        version: input.version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new AppError('stale_version', 409);
    const after = (await findReport(trx, planId, id))!;
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'status_report',
      entityId: id,
      planId,
      before: { ...summaryOf(ctx, row), narrative: narrativeOf(row) },
      after: { ...summaryOf(ctx, after), narrative: narrativeOf(after) },
    });
    return present(trx, ctx, after);
  });
}

/** Only a draft is deleted. @throws report_not_found (404), report_not_draft (409) */
export async function deleteReport(db: Db, ctx: RequestContext, planId: string, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await findReport(trx, planId, id);
    if (!row) throw notFound('report_not_found');
    if (row.status !== 'draft') throw new AppError('report_not_draft', 409);
    await trx.deleteFrom('statusReports').where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      action: 'delete',
      entityType: 'status_report',
      entityId: id,
      planId,
      before: summaryOf(ctx, row),
    });
  });
}

export type ReportTransition = 'submit' | 'return' | 'approve' | 'send';

const FROM: Record<ReportTransition, ReportStatus> = {
  submit: 'draft',
  return: 'submitted',
  approve: 'submitted',
  send: 'approved',
};
const TO: Record<ReportTransition, ReportStatus> = {
  submit: 'submitted',
  return: 'draft',
  approve: 'approved',
  send: 'sent',
};

/**
 * Moves a report along draft → submitted → approved → sent (or back from submitted to draft).
 * The plan's editors submit, return and send; only a member of the plan's steering group or
 * board approves, and approving freezes the figures with who approved and when.
 * @throws report_not_found (404), stale_version (409), report_wrong_status (409), forbidden (403)
 */
export async function transitionReport(
  db: Db,
  ctx: RequestContext,
  planId: string,
  id: string,
  transition: ReportTransition,
  input: ActionIn,
): Promise<Report> {
  return db.transaction().execute(async (trx) => {
    const plan = await requirePlan(trx, planId);
    const row = await lockForChange(trx, planId, id, input.version);
    const p = ctx.principal;
    const approver = canApproveReports(p, planId);
    const editor = !!p && canWritePlanRow(p, plan);
    const allowed =
      transition === 'approve' ? approver : transition === 'return' ? approver || editor : editor;
    if (!allowed) throw new AppError(transition === 'approve' ? 'report_approver_only' : 'forbidden', 403);
    if (row.status !== FROM[transition])
      throw new AppError('report_wrong_status', 409, { status: row.status, expected: FROM[transition] });
    const note = input.note?.trim() || null;
    if (transition === 'send' && !note)
      throw new AppError('validation_failed', 400, {}, [
        { path: 'note', code: 'report_recipients_required' },
      ]);
    const now = nowIso();
    const history = [...(fromJson<HistoryEvent[]>(row.historyJson) ?? []), event(ctx, TO[transition], note)];
    const changes: Partial<StatusReportsTable> = {
      status: TO[transition],
      historyJson: toJson(history) ?? '[]',
      updatedAt: now,
      version: row.version + 1,
    };
    if (transition === 'approve') {
      changes.frozenFiguresJson = toJson(await computeReportFigures(trx, planId, row.period));
      changes.approvedAt = now;
      changes.approvedBy = p!.userId;
      changes.approvedByName = p!.name;
    }
    if (transition === 'send') {
      changes.sentAt = now;
      changes.sentTo = note;
    }
    const res = await trx
      .updateTable('statusReports')
      .set(changes)
      .where('id', '=', id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new AppError('stale_version', 409);
    const after = (await findReport(trx, planId, id))!;
    await recordAudit(trx, ctx, {
      action: transition,
      entityType: 'status_report',
      entityId: id,
      planId,
      before: summaryOf(ctx, row),
      after: { ...summaryOf(ctx, after), note },
    });
    return present(trx, ctx, after);
  });
}
