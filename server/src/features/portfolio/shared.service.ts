import type { z } from 'zod';
import type {
  Expenditures,
  ExpendituresInput,
  RollupQuery,
  SharedGoal,
  SharedGoalInput,
  SharedGoalList,
  SharedGoalRollup,
  SharedGoalUpdate,
  SharedIndicator,
  SharedIndicatorInput,
  SharedIndicatorUpdate,
} from '@pejling/contracts';
import type { Db, Executor } from '../../db/database.js';
import { newId, nowIso, toBool } from '../../db/portable.js';
import { danishCollator } from '../../domain/danish.js';
import { aggregateByPlan, aggregatePlans, portfolioPeriods } from '../../domain/portfolio.js';
import { AppError, forbidden, notFound, Problems } from '../../errors.js';
import type { Principal, RequestContext } from '../../http/context.js';
import {
  canReadAllPlans,
  canWriteFundIndicators,
  canWritePlanRow,
  canWriteSecretariat,
  planScope,
} from '../../http/permissions.js';
import { raisePlanRevisions, recordAudit } from '../audit/audit.service.js';
import { findPlanSummaries } from '../plans/plan.repository.js';
import { chooseYears, linkedIndicators } from './portfolio.service.js';

type SharedIn = z.output<typeof SharedIndicatorInput>;
type SharedUpd = z.output<typeof SharedIndicatorUpdate>;
type GoalIn = z.output<typeof SharedGoalInput>;
type GoalUpd = z.output<typeof SharedGoalUpdate>;
type Rollup = z.output<typeof RollupQuery>;

const canEditShared = (p: Principal, areaSecretariatId: string | null) =>
  areaSecretariatId === null ? canWriteFundIndicators(p) : canWriteSecretariat(p, areaSecretariatId);

/** The secretariats whose shared indicators and goals a caller reads: all for admins and the fund. */
function readableSecretariats(p: Principal): 'all' | string[] {
  if (canReadAllPlans(p)) return 'all';
  return p.roles.filter((r) => r.role === 'secretariat_member').map((r) => r.organisationId!);
}

async function sharedRows(db: Executor, where: { ids?: string[]; goalIds?: string[] } = {}) {
  let q = db
    .selectFrom('sharedIndicators as s')
    .leftJoin('areaSecretariats as a', 'a.id', 's.areaSecretariatId')
    .select([
      's.id',
      's.name',
      's.definition',
      's.unit',
      's.kind',
      's.direction',
      's.combineRule',
      's.areaSecretariatId',
      'a.name as areaSecretariatName',
      's.sharedGoalId',
      's.isExample',
      's.version',
      (eb) =>
        eb
          .selectFrom('indicators as i')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('i.sharedIndicatorId', '=', 's.id')
          .as('linked'),
    ]);
  if (where.ids) q = q.where('s.id', 'in', where.ids.length ? where.ids : ['']);
  if (where.goalIds) q = q.where('s.sharedGoalId', 'in', where.goalIds.length ? where.goalIds : ['']);
  return q.execute();
}

function present(p: Principal, r: Awaited<ReturnType<typeof sharedRows>>[number]): SharedIndicator {
  return {
    id: r.id,
    name: r.name,
    definition: r.definition,
    unit: r.unit,
    kind: r.kind as SharedIndicator['kind'],
    direction: r.direction as SharedIndicator['direction'],
    combine: r.combineRule as SharedIndicator['combine'],
    areaSecretariatId: r.areaSecretariatId,
    areaSecretariatName: r.areaSecretariatName ?? null,
    sharedGoalId: r.sharedGoalId,
    linkedIndicators: Number(r.linked ?? 0),
    canEdit: canEditShared(p, r.areaSecretariatId),
    isExample: toBool(r.isExample),
    version: r.version,
  };
}

const order = (a: SharedIndicator, b: SharedIndicator) =>
  Number(a.areaSecretariatId !== null) - Number(b.areaSecretariatId !== null) ||
  danishCollator.compare(a.areaSecretariatName ?? '', b.areaSecretariatName ?? '') ||
  danishCollator.compare(a.name, b.name);

/**
 * The shared indicators a caller may use: the fund's, and those of the area secretariats the
 * caller belongs to (all for administrators and the fund); organisation members see the fund's
 * and those of the secretariats serving their plans.
 */
export async function listSharedIndicators(db: Executor, p: Principal): Promise<SharedIndicator[]> {
  const rows = await sharedRows(db);
  const readable = readableSecretariats(p);
  let extra = new Set<string>();
  if (readable !== 'all') {
    const plans = await findPlanSummaries(db, planScope(p), {});
    extra = new Set(plans.flatMap((x) => (x.areaSecretariatId ? [x.areaSecretariatId] : [])));
  }
  return rows
    .filter(
      (r) =>
        r.areaSecretariatId === null ||
        readable === 'all' ||
        readable.includes(r.areaSecretariatId) ||
        extra.has(r.areaSecretariatId),
    )
    .map((r) => present(p, r))
    .sort(order);
}

async function checkShared(db: Executor, p: Principal, input: SharedIn): Promise<void> {
  if (!canEditShared(p, input.areaSecretariatId)) throw forbidden();
  const problems = new Problems();
  if (input.areaSecretariatId) {
    const s = await db
      .selectFrom('areaSecretariats')
      .select('id')
      .where('id', '=', input.areaSecretariatId)
      .executeTakeFirst();
    if (!s) problems.add('areaSecretariatId', 'secretariat_not_found');
  }
  if (input.sharedGoalId) {
    const g = await db
      .selectFrom('sharedGoals')
      .select('areaSecretariatId')
      .where('id', '=', input.sharedGoalId)
      .executeTakeFirst();
    if (!g || g.areaSecretariatId !== input.areaSecretariatId)
      problems.add('sharedGoalId', 'shared_goal_not_in_secretariat');
  }
  problems.throwIfAny();
}

const sharedColumns = (input: SharedIn) => ({
  name: input.name,
  definition: input.definition ?? null,
  unit: input.unit ?? null,
  kind: input.kind,
  direction: input.direction,
  combineRule: input.combine,
  areaSecretariatId: input.areaSecretariatId,
  sharedGoalId: input.sharedGoalId,
});

async function presentOne(db: Executor, p: Principal, id: string): Promise<SharedIndicator> {
  const [row] = await sharedRows(db, { ids: [id] });
  if (!row) throw notFound('shared_indicator_not_found');
  return present(p, row);
}

/** @throws forbidden (403), validation_failed (400: secretariat_not_found, shared_goal_not_in_secretariat) */
export async function createSharedIndicator(db: Db, ctx: RequestContext, input: SharedIn) {
  const p = ctx.principal!;
  return db.transaction().execute(async (trx) => {
    await checkShared(trx, p, input);
    const id = newId();
    const now = nowIso();
    await trx
      .insertInto('sharedIndicators')
      .values({ id, ...sharedColumns(input), createdAt: now, updatedAt: now, version: 1 })
      .execute();
    const after = await presentOne(trx, p, id);
    await recordAudit(trx, ctx, { action: 'create', entityType: 'shared_indicator', entityId: id, after });
    return after;
  });
}

/**
 * Changes a shared indicator. Its kind is fixed while plan indicators link to it, since they were
 * linked as that kind.
 * @throws shared_indicator_not_found (404), forbidden (403), stale_version (409), validation_failed (400)
 */
export async function updateSharedIndicator(db: Db, ctx: RequestContext, id: string, input: SharedUpd) {
  const p = ctx.principal!;
  return db.transaction().execute(async (trx) => {
    const before = await presentOne(trx, p, id);
    if (!before.canEdit) throw forbidden();
    await checkShared(trx, p, input);
    if (before.linkedIndicators > 0 && before.kind !== input.kind)
      throw new AppError('validation_failed', 400, {}, [
        { path: 'kind', code: 'shared_indicator_kind_locked', params: { count: before.linkedIndicators } },
      ]);
    const res = await trx
      .updateTable('sharedIndicators')
      .set({ ...sharedColumns(input), updatedAt: nowIso(), version: input.version + 1 })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new AppError('stale_version', 409);
    const after = await presentOne(trx, p, id);
    // The linked plans show the shared indicator's name with their own indicators.
    const linked = await trx
      .selectFrom('indicators')
      .select('planId')
      .distinct()
      .where('sharedIndicatorId', '=', id)
      .execute();
    await raisePlanRevisions(
      trx,
      linked.map((l) => l.planId),
    );
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'shared_indicator',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

/** @throws shared_indicator_not_found (404), forbidden (403), shared_indicator_in_use (409) */
export async function deleteSharedIndicator(db: Db, ctx: RequestContext, id: string): Promise<void> {
  const p = ctx.principal!;
  await db.transaction().execute(async (trx) => {
    const before = await presentOne(trx, p, id);
    if (!before.canEdit) throw forbidden();
    if (before.linkedIndicators > 0)
      throw new AppError('shared_indicator_in_use', 409, { count: before.linkedIndicators });
    await trx.deleteFrom('sharedIndicators').where('id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'delete', entityType: 'shared_indicator', entityId: id, before });
  });
}

/** The shared indicators a plan's indicators may link to: the fund's and its secretariat's. */
export async function linkableFor(db: Executor, p: Principal, planId: string): Promise<SharedIndicator[]> {
  const plan = await db
    .selectFrom('plans')
    .select('areaSecretariatId')
    .where('id', '=', planId)
    .executeTakeFirstOrThrow();
  const rows = await sharedRows(db);
  return rows
    .filter((r) => r.areaSecretariatId === null || r.areaSecretariatId === plan.areaSecretariatId)
    .map((r) => present(p, r))
    .sort(order);
}

// ---------------------------------------------------------------------------------------------
// Shared goals of an area secretariat

async function requireSecretariat(db: Executor, id: string) {
  const s = await db
    .selectFrom('areaSecretariats')
    .select(['id', 'name'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!s) throw notFound('secretariat_not_found');
  return s;
}

/** Who reads a secretariat's shared goals: the portfolio's readers of its plans, and its members. */
async function canReadSecretariat(db: Executor, p: Principal, id: string): Promise<boolean> {
  if (canReadAllPlans(p) || canWriteSecretariat(p, id)) return true;
  const plans = await findPlanSummaries(db, planScope(p), { areaSecretariatId: id });
  return plans.length > 0;
}

async function goalsOf(
  db: Executor,
  p: Principal,
  secretariatId: string,
  goalId?: string,
): Promise<SharedGoal[]> {
  let q = db.selectFrom('sharedGoals').selectAll().where('areaSecretariatId', '=', secretariatId);
  if (goalId) q = q.where('id', '=', goalId);
  const goals = await q.orderBy('sortOrder').orderBy('createdAt').execute();
  const indicators = (await sharedRows(db, { goalIds: goals.map((g) => g.id) })).map((r) => present(p, r));
  return goals.map((g) => ({
    id: g.id,
    areaSecretariatId: g.areaSecretariatId,
    title: g.title,
    description: g.description,
    indicators: indicators.filter((i) => i.sharedGoalId === g.id).sort(order),
    isExample: toBool(g.isExample),
    version: g.version,
  }));
}

export async function listSharedGoals(db: Db, p: Principal, secretariatId: string): Promise<SharedGoalList> {
  const s = await requireSecretariat(db, secretariatId);
  if (!(await canReadSecretariat(db, p, secretariatId))) throw forbidden();
  const plans = await findPlanSummaries(db, planScope(p), { areaSecretariatId: secretariatId });
  return {
    areaSecretariatId: s.id,
    areaSecretariatName: s.name,
    canEdit: canWriteSecretariat(p, secretariatId),
    plans: plans
      .map((x) => ({ id: x.id, name: x.name }))
      .sort((a, b) => danishCollator.compare(a.name, b.name)),
    items: await goalsOf(db, p, secretariatId),
  };
}

export async function createSharedGoal(db: Db, ctx: RequestContext, secretariatId: string, input: GoalIn) {
  const p = ctx.principal!;
  return db.transaction().execute(async (trx) => {
    await requireSecretariat(trx, secretariatId);
    if (!canWriteSecretariat(p, secretariatId)) throw forbidden();
    const id = newId();
    const now = nowIso();
    const last = await trx
      .selectFrom('sharedGoals')
      .select((eb) => eb.fn.max('sortOrder').as('m'))
      .where('areaSecretariatId', '=', secretariatId)
      .executeTakeFirst();
    await trx
      .insertInto('sharedGoals')
      .values({
        id,
        areaSecretariatId: secretariatId,
        title: input.title,
        description: input.description ?? null,
        sortOrder: Number(last?.m ?? 0) + 1,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    const [after] = await goalsOf(trx, p, secretariatId, id);
    await recordAudit(trx, ctx, { action: 'create', entityType: 'shared_goal', entityId: id, after });
    return after!;
  });
}

async function requireGoal(db: Executor, p: Principal, secretariatId: string, goalId: string) {
  await requireSecretariat(db, secretariatId);
  const [goal] = await goalsOf(db, p, secretariatId, goalId);
  if (!goal) throw notFound('shared_goal_not_found');
  return goal;
}

export async function updateSharedGoal(
  db: Db,
  ctx: RequestContext,
  secretariatId: string,
  goalId: string,
  input: GoalUpd,
) {
  const p = ctx.principal!;
  return db.transaction().execute(async (trx) => {
    const before = await requireGoal(trx, p, secretariatId, goalId);
    if (!canWriteSecretariat(p, secretariatId)) throw forbidden();
    const res = await trx
      .updateTable('sharedGoals')
      .set({
        title: input.title,
        description: input.description ?? null,
        updatedAt: nowIso(),
        version: input.version + 1,
      })
      .where('id', '=', goalId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new AppError('stale_version', 409);
    const [after] = await goalsOf(trx, p, secretariatId, goalId);
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'shared_goal',
      entityId: goalId,
      before,
      after,
    });
    return after!;
  });
}

/** Deletes a goal; its shared indicators stay with the secretariat, without a goal. */
export async function deleteSharedGoal(db: Db, ctx: RequestContext, secretariatId: string, goalId: string) {
  const p = ctx.principal!;
  await db.transaction().execute(async (trx) => {
    const before = await requireGoal(trx, p, secretariatId, goalId);
    if (!canWriteSecretariat(p, secretariatId)) throw forbidden();
    await trx
      .updateTable('sharedIndicators')
      .set({ sharedGoalId: null })
      .where('sharedGoalId', '=', goalId)
      .execute();
    await trx.deleteFrom('sharedGoals').where('id', '=', goalId).execute();
    await recordAudit(trx, ctx, { action: 'delete', entityType: 'shared_goal', entityId: goalId, before });
  });
}

/** A shared goal's indicators across the secretariat's plans: each plan's part and the whole. */
export async function sharedGoalRollup(
  db: Db,
  p: Principal,
  secretariatId: string,
  goalId: string,
  q: Rollup,
): Promise<SharedGoalRollup> {
  const s = await requireSecretariat(db, secretariatId);
  if (!(await canReadSecretariat(db, p, secretariatId))) throw forbidden();
  const goal = await requireGoal(db, p, secretariatId, goalId);
  const plans = (await findPlanSummaries(db, planScope(p), { areaSecretariatId: secretariatId })).sort(
    (a, b) => danishCollator.compare(a.name, b.name),
  );
  const ids = plans.map((x) => x.id);
  const years = await chooseYears(db, ids, q);
  const periods = portfolioPeriods(q.periodKind, years.fromYear, years.toYear);
  const byId = new Map(plans.map((x) => [x.id, x]));
  const linked = await linkedIndicators(
    db,
    ids,
    goal.indicators.map((i) => i.id),
    periods,
    byId,
  );
  return {
    goal,
    areaSecretariatName: s.name,
    periods,
    indicators: goal.indicators.map((si) => {
      const mine = linked
        .filter((l) => l.sharedIndicatorId === si.id)
        .sort(
          (a, b) =>
            danishCollator.compare(byId.get(a.planId)!.name, byId.get(b.planId)!.name) ||
            danishCollator.compare(a.name, b.name),
        );
      const def = { kind: si.kind, direction: si.direction, combine: si.combine };
      const linkedPlans = new Set(mine.map((m) => m.planId));
      return {
        sharedIndicator: si,
        whole: periods.map((period) =>
          aggregateByPlan(
            def,
            period,
            mine.map((m) => ({ planId: m.planId, ...m.parts.get(period)! })),
          ),
        ),
        plans: mine.map((m) => ({
          planId: m.planId,
          planName: byId.get(m.planId)!.name,
          indicatorId: m.id,
          indicatorName: m.name,
          values: periods.map((period) => {
            const part = m.parts.get(period)!;
            const one = aggregatePlans(def, period, [part]);
            return {
              period,
              state: one.state,
              value: one.value,
              numerator: one.numerator,
              denominator: one.denominator,
              complete: part.complete,
              target: part.target,
              status: one.status,
            };
          }),
        })),
        unlinkedPlans: plans.filter((x) => !linkedPlans.has(x.id)).map((x) => ({ id: x.id, name: x.name })),
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Expenditures

export async function getExpenditures(db: Executor, p: Principal, planId: string): Promise<Expenditures> {
  const [items, plan, granted, committed] = await Promise.all([
    db.selectFrom('planExpenditures').selectAll().where('planId', '=', planId).orderBy('year').execute(),
    db
      .selectFrom('plans')
      .select(['id', 'housingOrganisationId', 'municipalityId', 'areaSecretariatId'])
      .where('id', '=', planId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('grants')
      .select((eb) => eb.fn.sum<number>('amountOre').as('t'))
      .where('planId', '=', planId)
      .executeTakeFirst(),
    db
      .selectFrom('activities')
      .select((eb) => eb.fn.sum<number>('budgetOre').as('t'))
      .where('planId', '=', planId)
      .executeTakeFirst(),
  ]);
  return {
    items: items.map((i) => ({ year: i.year, amountOre: Number(i.amountOre), note: i.note })),
    grantedOre: Number(granted?.t ?? 0),
    committedOre: Number(committed?.t ?? 0),
    canEdit: canWritePlanRow(p, plan),
  };
}

/**
 * Replaces the plan's expenditure per year. Each year once, within the span of its grants.
 * @throws validation_failed (400: expenditure_year_duplicate, expenditure_year_outside_grants)
 */
export async function saveExpenditures(
  db: Db,
  ctx: RequestContext,
  planId: string,
  input: z.output<typeof ExpendituresInput>,
): Promise<Expenditures> {
  return db.transaction().execute(async (trx) => {
    const before = await getExpenditures(trx, ctx.principal!, planId);
    const span = await trx
      .selectFrom('grants')
      .select((eb) => [eb.fn.min('startDate').as('start'), eb.fn.max('endDate').as('end')])
      .where('planId', '=', planId)
      .executeTakeFirst();
    const start = span?.start ? Number(String(span.start).slice(0, 4)) : null;
    const end = span?.end ? Number(String(span.end).slice(0, 4)) : null;
    const problems = new Problems();
    const seen = new Set<number>();
    input.items.forEach((item, i) => {
      if (seen.has(item.year))
        problems.add(`items.${i}.year`, 'expenditure_year_duplicate', { year: item.year });
      seen.add(item.year);
      if (start === null || end === null || item.year < start || item.year > end)
        problems.add(`items.${i}.year`, 'expenditure_year_outside_grants', {
          year: item.year,
          start: start ?? '–',
          end: end ?? '–',
        });
    });
    problems.throwIfAny();
    await trx.deleteFrom('planExpenditures').where('planId', '=', planId).execute();
    const now = nowIso();
    if (input.items.length)
      await trx
        .insertInto('planExpenditures')
        .values(
          input.items.map((i) => ({
            planId,
            year: i.year,
            amountOre: i.amountOre,
            note: i.note?.trim() ? i.note.trim() : null,
            updatedAt: now,
          })),
        )
        .execute();
    const after = await getExpenditures(trx, ctx.principal!, planId);
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'plan_expenditures',
      entityId: planId,
      planId,
      before: before.items,
      after: after.items,
    });
    return after;
  });
}
