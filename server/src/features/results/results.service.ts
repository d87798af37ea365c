import type { z } from 'zod';
import type {
  Activity,
  ActivityInput,
  BreakdownInput,
  Goal,
  GoalInput,
  Indicator,
  IndicatorInput,
  IndicatorUpdate,
  IndicatorValueList,
  IndicatorValuesInput,
  PeriodStatus,
  ResultsFramework,
} from '@pejling/contracts';
import type { Db, Executor } from '../../db/database.js';
import { fromJson, newId, nowIso, toJson } from '../../db/portable.js';
import { coherence } from '../../domain/coherence.js';
import {
  breakdownKey,
  combineBreakdowns,
  combinePeriods,
  statusAgainstTarget,
  validateObservations,
  validateTarget,
  type IndicatorDefinition,
  type IndicatorValue,
  type Observation,
} from '../../domain/indicators.js';
import { comparePeriodKeys, parsePeriodKey, periodOverlaps, type DateRange } from '../../domain/periods.js';
import { checkPeriod } from '../../domain/plan-rules.js';
import { MEASURE_KINDS, measureFits } from '../../domain/registrations.js';
import { AppError, notFound, Problems } from '../../errors.js';
import type { RequestContext } from '../../http/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { findPlanRow } from '../plans/plan.repository.js';
import { recomputeRegistrationValues } from './registrations.service.js';
import {
  findActivities,
  findActivity,
  findDefinitionVersions,
  findGoal,
  findGoals,
  findIndicatorRow,
  findIndicatorRows,
  findPlanFocusAreaIds,
  findTargets,
  findValueRows,
  toValue,
  type IndicatorRow,
  type StoredDefinition,
} from './results.repository.js';

type GoalIn = z.output<typeof GoalInput>;
type IndicatorIn = z.output<typeof IndicatorInput>;
type IndicatorUpd = z.output<typeof IndicatorUpdate>;
type ActivityIn = z.output<typeof ActivityInput>;
type ValuesIn = z.output<typeof IndicatorValuesInput>;

const LEVEL_RANK = { impact: 0, result: 1, activity: 2 } as const;

function definitionOf(row: Pick<IndicatorRow, 'kind' | 'direction' | 'combineRule' | 'breakdownsJson'>) {
  return {
    kind: row.kind,
    direction: row.direction,
    combine: row.combineRule,
    breakdowns: fromJson<BreakdownInput[]>(row.breakdownsJson) ?? [],
  } as IndicatorDefinition & { breakdowns: BreakdownInput[] };
}

/**
 * An indicator's total for a period as the plan shows it: its periods combined by the indicator's
 * rule; when only categories were entered, their sum across the first breakdown. The portfolio
 * reads each plan's value through this same function.
 */
export function planTotal(
  def: IndicatorDefinition & { breakdowns: BreakdownInput[] },
  observations: readonly Observation[],
  period: string,
  planRange: DateRange | null,
): IndicatorValue & { complete: boolean } {
  let combined: IndicatorValue & { complete: boolean } = combinePeriods(def, observations, period, {
    plan: planRange,
  });
  if (combined.state !== 'value' && def.breakdowns.length > 0) {
    const byCategory = combineBreakdowns(def, observations, {
      period,
      breakdown: def.breakdowns[0]!.key,
    });
    if (byCategory.state === 'value') combined = byCategory;
  }
  return combined;
}

export { definitionOf };

async function requirePlan(db: Executor, planId: string) {
  const plan = await findPlanRow(db, planId);
  if (!plan) throw notFound('plan_not_found');
  return plan;
}

const danishDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('-') : '');

/** A period of a plan with dates must share at least one day with the plan's period. */
function outsidePlan(
  period: string,
  plan: { periodStart: string | null; periodEnd: string | null },
): boolean {
  const parsed = parsePeriodKey(period);
  if (!parsed || parsed.kind === 'whole' || !plan.periodStart || !plan.periodEnd) return false;
  const range: DateRange = { start: plan.periodStart, end: plan.periodEnd };
  return !periodOverlaps(parsed, range);
}

// ---------------------------------------------------------------------------------------------
// Reading

/**
 * The plan's goals, indicators (with targets, statuses, earlier definitions) and activities, with
 * coherence. `periods` adds periods to every indicator's statuses (a report's period).
 */
export async function getFramework(
  db: Executor,
  planId: string,
  options: { periods?: readonly string[] } = {},
): Promise<ResultsFramework> {
  const plan = await requirePlan(db, planId);
  const [goals, rows, activities] = await Promise.all([
    findGoals(db, planId),
    findIndicatorRows(db, planId),
    findActivities(db, planId),
  ]);
  const ids = rows.map((r) => r.id);
  const sharedIds = [...new Set(rows.flatMap((r) => (r.sharedIndicatorId ? [r.sharedIndicatorId] : [])))];
  const [targets, values, versions, shared] = await Promise.all([
    findTargets(db, ids),
    findValueRows(db, ids),
    findDefinitionVersions(db, ids),
    sharedIds.length
      ? db.selectFrom('sharedIndicators').select(['id', 'name']).where('id', 'in', sharedIds).execute()
      : Promise.resolve([]),
  ]);
  const sharedName = new Map(shared.map((x) => [x.id, x.name]));
  const planRange =
    plan.periodStart && plan.periodEnd ? { start: plan.periodStart, end: plan.periodEnd } : null;

  const indicators: Indicator[] = rows.map((r) => {
    const def = definitionOf(r);
    const own = values.filter((v) => v.indicatorId === r.id);
    const current = own.filter((v) => v.definitionVersion === r.definitionVersion);
    const ownTargets = targets
      .filter((t) => t.indicatorId === r.id)
      .map((t) => ({
        period: t.period,
        value: t.value,
        breakdown: fromJson<Record<string, string>>(t.breakdownJson),
        breakdownKey: t.breakdownKey,
      }));
    const observations: Observation[] = current.map((v) => ({
      period: v.period,
      breakdown: fromJson<Record<string, string>>(v.breakdownJson),
      state: v.state as Observation['state'],
      value: v.value,
      numerator: v.numerator,
      denominator: v.denominator,
      sum: v.sum,
      count: v.count,
    }));
    const periods = [
      ...new Set([
        ...ownTargets.filter((t) => t.breakdownKey === '').map((t) => t.period),
        ...current.map((v) => v.period),
        ...(options.periods ?? []),
      ]),
    ].sort(comparePeriodKeys);
    const statuses: PeriodStatus[] = periods.map((period) => {
      const combined = planTotal(def, observations, period, planRange);
      const target = ownTargets.find((t) => t.period === period && t.breakdownKey === '')?.value ?? null;
      const status = statusAgainstTarget(def, combined, target);
      const categories = def.breakdowns.flatMap((b) =>
        b.categories.flatMap((category) => {
          const selection = { [b.key]: category };
          const v = combinePeriods(def, observations, period, { plan: planRange, breakdown: selection });
          if (v.state === 'missing') return [];
          const key = breakdownKey(selection);
          const t = ownTargets.find((x) => x.period === period && x.breakdownKey === key)?.value ?? null;
          return [
            {
              breakdown: b.key,
              category,
              state: v.state,
              value: v.state === 'value' ? v.value : null,
              target: t,
              status: statusAgainstTarget(def, v, t).status,
            },
          ];
        }),
      );
      return {
        period,
        target,
        state: combined.state,
        value: combined.state === 'value' ? combined.value : null,
        complete: combined.complete,
        status: status.status,
        reason: status.reason,
        categories,
      };
    });
    return {
      id: r.id,
      planId: r.planId,
      goalId: r.goalId,
      name: r.name,
      definition: r.definition,
      unit: r.unit,
      kind: def.kind,
      direction: def.direction,
      dataSource: r.dataSource as Indicator['dataSource'],
      registrationMeasure: r.registrationMeasure as Indicator['registrationMeasure'],
      outcomeKind: r.outcomeKind as Indicator['outcomeKind'],
      combine: def.combine,
      breakdowns: def.breakdowns,
      baselineValue: r.baselineValue,
      baselineDate: r.baselineDate,
      baselineSource: r.baselineSource,
      targets: ownTargets.map(({ period, value, breakdown }) => ({ period, value, breakdown })),
      sharedIndicatorId: r.sharedIndicatorId,
      sharedIndicatorName: r.sharedIndicatorId ? (sharedName.get(r.sharedIndicatorId) ?? null) : null,
      definitionVersion: r.definitionVersion,
      valueCount: current.length,
      earlierVersions: versions
        .filter((v) => v.indicatorId === r.id)
        .map((v) => ({
          definitionVersion: v.definitionVersion,
          name: v.name,
          definition: v.definition,
          unit: v.unit,
          kind: v.kind,
          direction: v.direction,
          combine: v.combine,
          breakdowns: v.breakdowns,
          reason: v.reason,
          replacedAt: v.replacedAt,
          valueCount: own.filter((x) => x.definitionVersion === v.definitionVersion).length,
        })),
      statuses,
      version: r.version,
    };
  });

  const result = coherence({
    planId,
    goals,
    indicators: indicators.map((i) => ({
      id: i.id,
      goalId: i.goalId,
      name: i.name,
      hasBaseline: i.baselineValue !== null,
      targetCount: i.targets.length,
      measuredValueCount: values.filter(
        (v) => v.indicatorId === i.id && v.definitionVersion === i.definitionVersion && v.state === 'value',
      ).length,
    })),
    activities,
  });
  return { planId, goals, indicators, activities, coherence: result };
}

// ---------------------------------------------------------------------------------------------
// Goals

async function validateGoal(trx: Executor, planId: string, input: GoalIn, selfId?: string): Promise<void> {
  const p = new Problems();
  const focus = await findPlanFocusAreaIds(trx, planId);
  if (!focus.has(input.focusAreaId)) p.add('focusAreaId', 'focus_area_not_in_plan');
  if (input.parentId) {
    const parent = await findGoal(trx, planId, input.parentId);
    if (
      !parent ||
      parent.id === selfId ||
      parent.focusAreaId !== input.focusAreaId ||
      LEVEL_RANK[parent.level] !== LEVEL_RANK[input.level] - 1
    )
      p.add('parentId', 'goal_parent_invalid');
  }
  p.throwIfAny();
}

/**
 * Adds an impact, result or activity goal under one of the plan's focus areas.
 * @throws plan_not_found (404), validation_failed (400: focus_area_not_in_plan, goal_parent_invalid)
 */
export async function createGoal(db: Db, ctx: RequestContext, planId: string, input: GoalIn): Promise<Goal> {
  return db.transaction().execute(async (trx) => {
    await requirePlan(trx, planId);
    await validateGoal(trx, planId, input);
    const last = await trx
      .selectFrom('goals')
      .select((eb) => eb.fn.max('sortOrder').as('m'))
      .where('planId', '=', planId)
      .executeTakeFirst();
    const id = newId();
    const now = nowIso();
    await trx
      .insertInto('goals')
      .values({
        id,
        planId,
        level: input.level,
        focusAreaId: input.focusAreaId,
        parentId: input.parentId ?? null,
        title: input.title,
        description: input.description ?? null,
        sortOrder: Number(last?.m ?? 0) + 1,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    const after = (await findGoal(trx, planId, id))!;
    await recordAudit(trx, ctx, { action: 'create', entityType: 'goal', entityId: id, planId, after });
    return after;
  });
}

/** @throws goal_not_found (404), stale_version (409), validation_failed (400) */
export async function updateGoal(
  db: Db,
  ctx: RequestContext,
  planId: string,
  goalId: string,
  input: GoalIn & { version: number },
): Promise<Goal> {
  return db.transaction().execute(async (trx) => {
    const before = await findGoal(trx, planId, goalId);
    if (!before) throw notFound('goal_not_found');
    await validateGoal(trx, planId, input, goalId);
    if (before.level !== input.level || before.focusAreaId !== input.focusAreaId) {
      const children = await trx.selectFrom('goals').select('id').where('parentId', '=', goalId).execute();
      if (children.length)
        throw new AppError('validation_failed', 400, {}, [
          { path: 'level', code: 'goal_in_use', params: { indicators: 0, children: children.length } },
        ]);
    }
    const res = await trx
      .updateTable('goals')
      .set({
        level: input.level,
        focusAreaId: input.focusAreaId,
        parentId: input.parentId ?? null,
        title: input.title,
        description: input.description ?? null,
        updatedAt: nowIso(),
        version: input.version + 1,
      })
      .where('id', '=', goalId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new AppError('stale_version', 409);
    if ((before.parentId ?? null) !== (input.parentId ?? null))
      await recomputeRegistrationValues(trx, planId);
    const after = (await findGoal(trx, planId, goalId))!;
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'goal',
      entityId: goalId,
      planId,
      before,
      after,
    });
    return after;
  });
}

/**
 * Deletes a goal that no indicator measures and no goal sits under; activities stop serving it.
 * @throws goal_not_found (404), goal_in_use (409)
 */
export async function deleteGoal(db: Db, ctx: RequestContext, planId: string, goalId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await findGoal(trx, planId, goalId);
    if (!before) throw notFound('goal_not_found');
    const [indicators, children] = await Promise.all([
      trx.selectFrom('indicators').select('id').where('goalId', '=', goalId).execute(),
      trx.selectFrom('goals').select('id').where('parentId', '=', goalId).execute(),
    ]);
    if (indicators.length || children.length)
      throw new AppError('goal_in_use', 409, { indicators: indicators.length, children: children.length });
    const links = await trx
      .selectFrom('activityGoals')
      .select('activityId')
      .where('goalId', '=', goalId)
      .execute();
    await trx.deleteFrom('activityGoals').where('goalId', '=', goalId).execute();
    await trx.deleteFrom('goals').where('id', '=', goalId).execute();
    await recordAudit(trx, ctx, {
      action: 'delete',
      entityType: 'goal',
      entityId: goalId,
      planId,
      before: { ...before, servedByActivityIds: links.map((l) => l.activityId) },
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Indicators

async function validateIndicator(
  trx: Executor,
  planId: string,
  input: IndicatorIn,
  sharedIndicatorId: string | null,
): Promise<void> {
  const p = new Problems();
  const plan = await requirePlan(trx, planId);
  if (sharedIndicatorId) {
    const shared = await trx
      .selectFrom('sharedIndicators')
      .select(['kind', 'areaSecretariatId', 'name'])
      .where('id', '=', sharedIndicatorId)
      .executeTakeFirst();
    // Changing the kind of a linked indicator is named on the kind; choosing a link, on the link.
    const field = input.sharedIndicatorId === undefined ? 'kind' : 'sharedIndicatorId';
    if (!shared) p.add('sharedIndicatorId', 'shared_indicator_not_found');
    else if (shared.areaSecretariatId !== null && shared.areaSecretariatId !== plan.areaSecretariatId)
      p.add('sharedIndicatorId', 'shared_indicator_not_for_plan', { name: shared.name });
    else if (shared.kind !== input.kind)
      p.add(field, 'shared_indicator_kind_mismatch', {
        name: shared.name,
        kind: input.kind,
        sharedKind: shared.kind,
      });
  }
  if (!(await findGoal(trx, planId, input.goalId))) p.add('goalId', 'goal_not_in_plan');
  const seenKeys = new Set<string>();
  input.breakdowns.forEach((b, i) => {
    if (seenKeys.has(b.key)) p.add(`breakdowns.${i}.key`, 'breakdown_key_duplicate', { key: b.key });
    seenKeys.add(b.key);
  });
  const def: IndicatorDefinition = {
    kind: input.kind,
    direction: input.direction,
    combine: input.combine,
    breakdowns: input.breakdowns,
  };
  const seenTargets = new Map<string, number>();
  input.targets.forEach((t, i) => {
    for (const problem of validateTarget(def, t, `targets.${i}.`))
      p.add(problem.path, problem.code, problem.params);
    const key = `${t.period} ${breakdownKey(t.breakdown)}`;
    if (seenTargets.has(key)) p.add(`targets.${i}.period`, 'duplicate_target', { period: t.period });
    else if (outsidePlan(t.period, plan))
      p.add(`targets.${i}.period`, 'period_outside_plan', {
        period: t.period,
        start: danishDate(plan.periodStart),
        end: danishDate(plan.periodEnd),
      });
    seenTargets.set(key, i);
  });
  if (input.baselineValue !== null && input.baselineValue !== undefined) {
    for (const problem of validateTarget(def, { period: 'whole', value: input.baselineValue }))
      if (problem.path === 'value') p.add('baselineValue', problem.code, problem.params);
  } else if (input.baselineDate) p.add('baselineValue', 'baseline_date_without_value');
  if (input.dataSource === 'registrations') {
    const measure = input.registrationMeasure;
    if (!measure) p.add('registrationMeasure', 'measure_required');
    else if (!measureFits(measure, input.kind))
      p.add('registrationMeasure', 'measure_kind_mismatch', {
        kind: input.kind,
        measure,
        allowed: MEASURE_KINDS[measure].join(', '),
      });
    else if (measure === 'outcome' && !input.outcomeKind) p.add('outcomeKind', 'outcome_kind_required');
  } else if (input.registrationMeasure) p.add('registrationMeasure', 'measure_not_for_source');
  p.throwIfAny();
}

function indicatorColumns(input: IndicatorIn) {
  return {
    goalId: input.goalId,
    name: input.name,
    definition: input.definition ?? null,
    unit: input.unit ?? null,
    kind: input.kind,
    direction: input.direction,
    dataSource: input.dataSource,
    registrationMeasure: input.dataSource === 'registrations' ? (input.registrationMeasure ?? null) : null,
    outcomeKind:
      input.dataSource === 'registrations' && input.registrationMeasure === 'outcome'
        ? (input.outcomeKind ?? null)
        : null,
    combineRule: input.combine,
    breakdownsJson: toJson(input.breakdowns) ?? '[]',
    baselineValue: input.baselineValue ?? null,
    baselineDate: input.baselineDate ?? null,
    baselineSource: input.baselineSource ?? null,
  };
}

async function writeTargets(trx: Executor, indicatorId: string, input: IndicatorIn): Promise<void> {
  await trx.deleteFrom('indicatorTargets').where('indicatorId', '=', indicatorId).execute();
  if (input.targets.length)
    await trx
      .insertInto('indicatorTargets')
      .values(
        input.targets.map((t) => ({
          id: newId(),
          indicatorId,
          period: t.period,
          breakdownKey: breakdownKey(t.breakdown),
          breakdownJson: breakdownKey(t.breakdown) === '' ? null : toJson(t.breakdown),
          value: t.value,
        })),
      )
      .execute();
}

async function presentIndicator(trx: Executor, planId: string, id: string): Promise<Indicator> {
  const f = await getFramework(trx, planId);
  return f.indicators.find((i) => i.id === id)!;
}

/**
 * Adds an indicator to one of the plan's goals, with its baseline and targets.
 * @throws validation_failed (400: goal_not_in_plan, yes_no_not_0_1, percentage_out_of_range, …)
 */
export async function createIndicator(
  db: Db,
  ctx: RequestContext,
  planId: string,
  input: IndicatorIn,
): Promise<Indicator> {
  return db.transaction().execute(async (trx) => {
    await requirePlan(trx, planId);
    await validateIndicator(trx, planId, input, input.sharedIndicatorId ?? null);
    const id = newId();
    const now = nowIso();
    const last = await trx
      .selectFrom('indicators')
      .select((eb) => eb.fn.max('sortOrder').as('m'))
      .where('planId', '=', planId)
      .executeTakeFirst();
    await trx
      .insertInto('indicators')
      .values({
        id,
        planId,
        ...indicatorColumns(input),
        sharedIndicatorId: input.sharedIndicatorId ?? null,
        definitionVersion: 1,
        sortOrder: Number(last?.m ?? 0) + 1,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    await writeTargets(trx, id, input);
    await recomputeRegistrationValues(trx, planId);
    const after = await presentIndicator(trx, planId, id);
    await recordAudit(trx, ctx, { action: 'create', entityType: 'indicator', entityId: id, planId, after });
    return after;
  });
}

const DEFINITION_FIELDS = [
  'definition',
  'unit',
  'kind',
  'direction',
  'combine',
  'breakdowns',
  'dataSource',
  'registrationMeasure',
  'outcomeKind',
] as const;

/**
 * Changes an indicator. When its definition (definition text, unit, kind, direction, period
 * rule, breakdowns) changes after values were entered under it, a reason is required: the
 * earlier definition is kept as a version with its values, and new values go to the new one.
 * @throws indicator_not_found (404), stale_version (409), validation_failed (400: change_reason_required, …)
 */
export async function updateIndicator(
  db: Db,
  ctx: RequestContext,
  planId: string,
  indicatorId: string,
  input: IndicatorUpd,
): Promise<Indicator> {
  return db.transaction().execute(async (trx) => {
    const row = await findIndicatorRow(trx, planId, indicatorId);
    if (!row) throw notFound('indicator_not_found');
    const before = await presentIndicator(trx, planId, indicatorId);
    const sharedIndicatorId =
      input.sharedIndicatorId === undefined ? row.sharedIndicatorId : input.sharedIndicatorId;
    await validateIndicator(trx, planId, input, sharedIndicatorId);
    const changed = DEFINITION_FIELDS.some(
      (f) => JSON.stringify(before[f] ?? null) !== JSON.stringify((input[f] as unknown) ?? null),
    );
    let definitionVersion = row.definitionVersion;
    if (changed && before.valueCount > 0) {
      const reason = input.changeReason?.trim();
      if (!reason)
        throw new AppError('validation_failed', 400, {}, [
          { path: 'changeReason', code: 'change_reason_required', params: { count: before.valueCount } },
        ]);
      const old: StoredDefinition = {
        name: before.name,
        definition: before.definition,
        unit: before.unit,
        kind: before.kind,
        direction: before.direction,
        combine: before.combine,
        breakdowns: before.breakdowns,
      };
      await trx
        .insertInto('indicatorDefinitionVersions')
        .values({
          id: newId(),
          indicatorId,
          definitionVersion: row.definitionVersion,
          definitionJson: toJson(old) ?? '{}',
          reason,
          replacedAt: nowIso(),
          replacedBy: ctx.principal?.userId ?? null,
        })
        .execute();
      definitionVersion += 1;
    }
    const res = await trx
      .updateTable('indicators')
      .set({
        ...indicatorColumns(input),
        sharedIndicatorId,
        definitionVersion,
        updatedAt: nowIso(),
        version: input.version + 1,
      })
      .where('id', '=', indicatorId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new AppError('stale_version', 409);
    await writeTargets(trx, indicatorId, input);
    await recomputeRegistrationValues(trx, planId);
    const after = await presentIndicator(trx, planId, indicatorId);
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'indicator',
      entityId: indicatorId,
      planId,
      before,
      after: { ...after, changeReason: changed && before.valueCount > 0 ? input.changeReason : undefined },
    });
    return after;
  });
}

/** @throws indicator_not_found (404), indicator_has_values (409) */
export async function deleteIndicator(
  db: Db,
  ctx: RequestContext,
  planId: string,
  indicatorId: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await findIndicatorRow(trx, planId, indicatorId);
    if (!row) throw notFound('indicator_not_found');
    // Values computed from registrations are derived: they go with the indicator.
    const values = await trx
      .selectFrom('indicatorValues')
      .select('id')
      .where('indicatorId', '=', indicatorId)
      .where('source', '!=', 'registrations')
      .execute();
    if (values.length) throw new AppError('indicator_has_values', 409, { count: values.length });
    const before = await presentIndicator(trx, planId, indicatorId);
    await trx.deleteFrom('indicatorValues').where('indicatorId', '=', indicatorId).execute();
    await trx.deleteFrom('indicatorTargets').where('indicatorId', '=', indicatorId).execute();
    await trx.deleteFrom('indicatorDefinitionVersions').where('indicatorId', '=', indicatorId).execute();
    await trx.deleteFrom('indicators').where('id', '=', indicatorId).execute();
    await recordAudit(trx, ctx, {
      action: 'delete',
      entityType: 'indicator',
      entityId: indicatorId,
      planId,
      before,
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Indicator values

/** Every stored value of the indicator, earlier definitions included. @throws indicator_not_found (404) */
export async function listIndicatorValues(
  db: Executor,
  planId: string,
  indicatorId: string,
): Promise<IndicatorValueList> {
  const row = await findIndicatorRow(db, planId, indicatorId);
  if (!row) throw notFound('indicator_not_found');
  return { items: (await findValueRows(db, [indicatorId])).map(toValue) };
}

/**
 * Stores values entered by hand under the indicator's current definition: each row replaces
 * the row of the same period and breakdown. All rows are checked first; nothing is stored when
 * one is wrong.
 * @throws indicator_not_found (404), validation_failed (400: numerator_exceeds_denominator, …)
 */
export async function saveIndicatorValues(
  db: Db,
  ctx: RequestContext,
  planId: string,
  indicatorId: string,
  input: ValuesIn,
): Promise<IndicatorValueList> {
  return db.transaction().execute(async (trx) => {
    const row = await findIndicatorRow(trx, planId, indicatorId);
    if (!row) throw notFound('indicator_not_found');
    if (row.dataSource === 'registrations') throw new AppError('values_computed', 400);
    const def = definitionOf(row);
    const p = new Problems();
    for (const problem of validateObservations(def, input.values))
      p.add(`values.${problem.path}`, problem.code, problem.params);
    const plan = await requirePlan(trx, planId);
    input.values.forEach((v, i) => {
      if (outsidePlan(v.period, plan))
        p.add(`values.${i}.period`, 'period_outside_plan', {
          period: v.period,
          start: danishDate(plan.periodStart),
          end: danishDate(plan.periodEnd),
        });
    });
    p.throwIfAny();
    const existing = (await findValueRows(trx, [indicatorId])).filter(
      (v) => v.definitionVersion === row.definitionVersion,
    );
    const before = [];
    const after = [];
    const now = nowIso();
    for (const v of input.values) {
      const key = breakdownKey(v.breakdown);
      const old = existing.find((e) => e.period === v.period && e.breakdownKey === key);
      const numbers = {
        state: v.state,
        value: v.value ?? null,
        numerator: v.numerator ?? null,
        denominator: v.denominator ?? null,
        sum: v.sum ?? null,
        count: v.count ?? null,
        note: v.note ?? null,
      };
      if (old) {
        before.push(toValue(old));
        await trx
          .updateTable('indicatorValues')
          .set({ ...numbers, source: 'manual', updatedAt: now, version: old.version + 1 })
          .where('id', '=', old.id)
          .execute();
      } else {
        await trx
          .insertInto('indicatorValues')
          .values({
            id: newId(),
            indicatorId,
            definitionVersion: row.definitionVersion,
            period: v.period,
            breakdownKey: key,
            breakdownJson: key === '' ? null : toJson(v.breakdown),
            ...numbers,
            source: 'manual',
            createdAt: now,
            updatedAt: now,
            version: 1,
          })
          .execute();
      }
      after.push({ period: v.period, breakdown: v.breakdown ?? null, ...numbers });
    }
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'indicator_values',
      entityId: indicatorId,
      planId,
      before,
      after,
    });
    return { items: (await findValueRows(trx, [indicatorId])).map(toValue) };
  });
}

// ---------------------------------------------------------------------------------------------
// Activities

async function validateActivity(trx: Executor, planId: string, input: ActivityIn): Promise<void> {
  const p = new Problems();
  if (input.focusAreaId) {
    const focus = await findPlanFocusAreaIds(trx, planId);
    if (!focus.has(input.focusAreaId)) p.add('focusAreaId', 'focus_area_not_in_plan');
  }
  const goalIds = new Set((await findGoals(trx, planId)).map((g) => g.id));
  input.goalIds.forEach((id, i) => {
    if (!goalIds.has(id)) p.add(`goalIds.${i}`, 'goal_not_in_plan');
  });
  for (const problem of checkPeriod('periodEnd', input.periodStart, input.periodEnd))
    p.add(problem.path, problem.code);
  p.throwIfAny();
}

function activityColumns(input: ActivityIn) {
  return {
    name: input.name,
    description: input.description ?? null,
    focusAreaId: input.focusAreaId ?? null,
    ownerOrganisation: input.ownerOrganisation ?? null,
    responsiblePerson: input.responsiblePerson ?? null,
    partners: input.partners ?? null,
    targetGroup: input.targetGroup ?? null,
    periodStart: input.periodStart ?? null,
    periodEnd: input.periodEnd ?? null,
    status: input.status,
    budgetOre: input.budgetOre ?? null,
    milestonesJson:
      toJson(input.milestones.map((m) => ({ title: m.title, date: m.date ?? null, done: m.done }))) ?? '[]',
    registrationFrequency: input.registrationFrequency,
  };
}

async function writeActivityGoals(trx: Executor, activityId: string, goalIds: string[]): Promise<void> {
  await trx.deleteFrom('activityGoals').where('activityId', '=', activityId).execute();
  const unique = [...new Set(goalIds)];
  if (unique.length)
    await trx
      .insertInto('activityGoals')
      .values(unique.map((goalId) => ({ activityId, goalId })))
      .execute();
}

/**
 * Adds an activity serving goals of the same plan.
 * @throws validation_failed (400: goal_not_in_plan, focus_area_not_in_plan, period_end_before_start)
 */
export async function createActivity(
  db: Db,
  ctx: RequestContext,
  planId: string,
  input: ActivityIn,
): Promise<Activity> {
  return db.transaction().execute(async (trx) => {
    await requirePlan(trx, planId);
    await validateActivity(trx, planId, input);
    const id = newId();
    const now = nowIso();
    await trx
      .insertInto('activities')
      .values({ id, planId, ...activityColumns(input), createdAt: now, updatedAt: now, version: 1 })
      .execute();
    await writeActivityGoals(trx, id, input.goalIds);
    await recomputeRegistrationValues(trx, planId);
    const after = (await findActivity(trx, planId, id))!;
    await recordAudit(trx, ctx, { action: 'create', entityType: 'activity', entityId: id, planId, after });
    return after;
  });
}

/** @throws activity_not_found (404), stale_version (409), validation_failed (400) */
export async function updateActivity(
  db: Db,
  ctx: RequestContext,
  planId: string,
  activityId: string,
  input: ActivityIn & { version: number },
): Promise<Activity> {
  return db.transaction().execute(async (trx) => {
    const before = await findActivity(trx, planId, activityId);
    if (!before) throw notFound('activity_not_found');
    await validateActivity(trx, planId, input);
    const res = await trx
      .updateTable('activities')
      .set({ ...activityColumns(input), updatedAt: nowIso(), version: input.version + 1 })
      .where('id', '=', activityId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new AppError('stale_version', 409);
    await writeActivityGoals(trx, activityId, input.goalIds);
    await recomputeRegistrationValues(trx, planId);
    const after = (await findActivity(trx, planId, activityId))!;
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'activity',
      entityId: activityId,
      planId,
      before,
      after,
    });
    return after;
  });
}

/** @throws activity_not_found (404) */
export async function deleteActivity(
  db: Db,
  ctx: RequestContext,
  planId: string,
  activityId: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await findActivity(trx, planId, activityId);
    if (!before) throw notFound('activity_not_found');
    const enrolments = await trx
      .selectFrom('enrolments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('activityId', '=', activityId)
      .executeTakeFirst();
    if (before.registrationCount > 0 || Number(enrolments?.n ?? 0) > 0)
      throw new AppError('activity_has_registrations', 409, {
        registrations: before.registrationCount,
        enrolments: Number(enrolments?.n ?? 0),
      });
    await trx
      .updateTable('outcomeEvents')
      .set({ activityId: null })
      .where('activityId', '=', activityId)
      .execute();
    await trx.deleteFrom('activityGoals').where('activityId', '=', activityId).execute();
    await trx.deleteFrom('activities').where('id', '=', activityId).execute();
    await recordAudit(trx, ctx, {
      action: 'delete',
      entityType: 'activity',
      entityId: activityId,
      planId,
      before,
    });
  });
}
