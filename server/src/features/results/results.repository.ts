import type {
  Activity,
  BreakdownInput,
  Goal,
  GoalLevel,
  IndicatorDefinitionVersion,
  IndicatorValue,
} from '@pejling/contracts';
import type { Executor } from '../../db/database.js';
import { fromJson } from '../../db/portable.js';
import { todayInDenmark } from '../../domain/periods.js';
import { goalsUpward, overdueSince, type Frequency } from '../../domain/registrations.js';
import type { ActivitiesTable, IndicatorsTable, IndicatorValuesTable } from '../../db/schema/results.js';

export async function findGoals(db: Executor, planId: string): Promise<Goal[]> {
  const rows = await db
    .selectFrom('goals')
    .selectAll()
    .where('planId', '=', planId)
    .orderBy('sortOrder')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    planId: r.planId,
    level: r.level as GoalLevel,
    focusAreaId: r.focusAreaId,
    parentId: r.parentId,
    title: r.title,
    description: r.description,
    sortOrder: r.sortOrder,
    version: r.version,
  }));
}

export async function findGoal(db: Executor, planId: string, goalId: string): Promise<Goal | undefined> {
  return (await findGoals(db, planId)).find((g) => g.id === goalId);
}

export type IndicatorRow = IndicatorsTable;

export async function findIndicatorRows(db: Executor, planId: string): Promise<IndicatorRow[]> {
  return db
    .selectFrom('indicators')
    .selectAll()
    .where('planId', '=', planId)
    .orderBy('sortOrder')
    .orderBy('id')
    .execute();
}

export async function findIndicatorRow(
  db: Executor,
  planId: string,
  indicatorId: string,
): Promise<IndicatorRow | undefined> {
  return db
    .selectFrom('indicators')
    .selectAll()
    .where('planId', '=', planId)
    .where('id', '=', indicatorId)
    .executeTakeFirst();
}

export async function findTargets(db: Executor, indicatorIds: string[]) {
  if (indicatorIds.length === 0) return [];
  return db
    .selectFrom('indicatorTargets')
    .selectAll()
    .where('indicatorId', 'in', indicatorIds)
    .orderBy('period')
    .orderBy('breakdownKey')
    .execute();
}

export async function findValueRows(db: Executor, indicatorIds: string[]): Promise<IndicatorValuesTable[]> {
  if (indicatorIds.length === 0) return [];
  return db
    .selectFrom('indicatorValues')
    .selectAll()
    .where('indicatorId', 'in', indicatorIds)
    .orderBy('period')
    .orderBy('breakdownKey')
    .execute();
}

export function toValue(r: IndicatorValuesTable): IndicatorValue {
  return {
    id: r.id,
    period: r.period,
    breakdown: fromJson<Record<string, string>>(r.breakdownJson),
    definitionVersion: r.definitionVersion,
    state: r.state as IndicatorValue['state'],
    value: r.value,
    numerator: r.numerator,
    denominator: r.denominator,
    sum: r.sum,
    count: r.count,
    note: r.note,
    updatedAt: r.updatedAt,
  };
}

export interface StoredDefinition {
  name: string;
  definition: string | null;
  unit: string | null;
  kind: IndicatorDefinitionVersion['kind'];
  direction: IndicatorDefinitionVersion['direction'];
  combine: IndicatorDefinitionVersion['combine'];
  breakdowns: BreakdownInput[];
}

export async function findDefinitionVersions(db: Executor, indicatorIds: string[]) {
  if (indicatorIds.length === 0) return [];
  const rows = await db
    .selectFrom('indicatorDefinitionVersions')
    .selectAll()
    .where('indicatorId', 'in', indicatorIds)
    .orderBy('definitionVersion')
    .execute();
  return rows.map((r) => ({
    indicatorId: r.indicatorId,
    definitionVersion: r.definitionVersion,
    reason: r.reason,
    replacedAt: r.replacedAt,
    ...(fromJson<StoredDefinition>(r.definitionJson) as StoredDefinition),
  }));
}

export async function findActivities(db: Executor, planId: string): Promise<Activity[]> {
  const rows = await db
    .selectFrom('activities')
    .selectAll()
    .where('planId', '=', planId)
    .orderBy('name')
    .orderBy('id')
    .execute();
  const links = rows.length
    ? await db
        .selectFrom('activityGoals')
        .select(['activityId', 'goalId'])
        .where(
          'activityId',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('goalId')
        .execute()
    : [];
  const [summary, goals, feeding] = rows.length
    ? await Promise.all([
        db
          .selectFrom('registrations')
          .select((eb) => ['activityId', eb.fn.countAll<number>().as('n'), eb.fn.max('date').as('last')])
          .where('planId', '=', planId)
          .groupBy('activityId')
          .execute(),
        db.selectFrom('goals').select(['id', 'parentId']).where('planId', '=', planId).execute(),
        db
          .selectFrom('indicators')
          .select(['goalId', 'breakdownsJson'])
          .where('planId', '=', planId)
          .where('dataSource', '=', 'registrations')
          .where('registrationMeasure', '=', 'participants')
          .where('kind', '=', 'count')
          .orderBy('sortOrder')
          .execute(),
      ])
    : [[], [], []];
  const today = todayInDenmark();
  return rows.map((r) => {
    const goalIds = links.filter((l) => l.activityId === r.id).map((l) => l.goalId);
    const s = summary.find((x) => x.activityId === r.id);
    const served = goalsUpward(goals, goalIds);
    const breakdowns = new Map<string, BreakdownInput>();
    for (const i of feeding) {
      if (!served.has(i.goalId)) continue;
      for (const b of fromJson<BreakdownInput[]>(i.breakdownsJson) ?? []) {
        const known = breakdowns.get(b.key);
        if (!known) breakdowns.set(b.key, { ...b, categories: [...b.categories] });
        else for (const c of b.categories) if (!known.categories.includes(c)) known.categories.push(c);
      }
    }
    const lastRegistration = (s?.last as string | null | undefined) ?? null;
    return toActivity(r, goalIds, {
      registrationCount: Number(s?.n ?? 0),
      lastRegistration,
      overdueSince: overdueSince(
        {
          status: r.status,
          frequency: r.registrationFrequency as Frequency,
          periodStart: r.periodStart,
          periodEnd: r.periodEnd,
          lastRegistration,
        },
        today,
      ),
      registrationBreakdowns: [...breakdowns.values()],
    });
  });
}

type ActivityRegistrationSummary = Pick<
  Activity,
  'registrationCount' | 'lastRegistration' | 'overdueSince' | 'registrationBreakdowns'
>;

function toActivity(r: ActivitiesTable, goalIds: string[], reg: ActivityRegistrationSummary): Activity {
  const milestones =
    fromJson<{ title: string; date?: string | null; done?: boolean }[]>(r.milestonesJson) ?? [];
  return {
    id: r.id,
    planId: r.planId,
    name: r.name,
    description: r.description,
    focusAreaId: r.focusAreaId,
    goalIds,
    ownerOrganisation: r.ownerOrganisation,
    responsiblePerson: r.responsiblePerson,
    partners: r.partners,
    targetGroup: r.targetGroup,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    status: r.status as Activity['status'],
    budgetOre: r.budgetOre === null ? null : Number(r.budgetOre),
    milestones: milestones.map((m) => ({ title: m.title, date: m.date ?? null, done: !!m.done })),
    registrationFrequency: r.registrationFrequency as Activity['registrationFrequency'],
    ...reg,
    version: r.version,
  };
}

export async function findActivity(
  db: Executor,
  planId: string,
  activityId: string,
): Promise<Activity | undefined> {
  return (await findActivities(db, planId)).find((a) => a.id === activityId);
}

export async function findPlanFocusAreaIds(db: Executor, planId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('planFocusAreas')
    .select('focusAreaId')
    .where('planId', '=', planId)
    .execute();
  return new Set(rows.map((r) => r.focusAreaId));
}
