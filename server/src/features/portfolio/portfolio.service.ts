import type { z } from 'zod';
import type {
  AggregateValue,
  CompareQuery,
  ComplianceRow,
  GroupBy,
  PeriodKind,
  PlanSummary,
  PortfolioBucket,
  PortfolioCompare,
  PortfolioCompliance,
  PortfolioFilters,
  PortfolioGrantUse,
  PortfolioIndicatorQuery,
  PortfolioIndicators,
  PortfolioOverview,
  PortfolioPlan,
  SharedIndicator,
} from '@pejling/contracts';
import type { Db, Executor } from '../../db/database.js';
import { fromJson } from '../../db/portable.js';
import { danishCollator } from '../../domain/danish.js';
import type { Observation } from '../../domain/indicators.js';
import { todayInDenmark, type DateRange } from '../../domain/periods.js';
import {
  aggregateByPlan,
  aggregatePlans,
  daysBetween,
  grantTime,
  lateReports,
  observationsOf,
  portfolioPeriods,
  rankValues,
  yearWindow,
  type PlanValue,
} from '../../domain/portfolio.js';
import { overdueSince, type Frequency } from '../../domain/registrations.js';
import {
  classifyOrganisation,
  NOT_DETERMINED_LABEL,
  ORGANISATION_TYPE_LABELS,
  SECRETARIAT_TYPE_LABELS,
} from '../../domain/typology.js';
import { AppError, forbidden, Problems } from '../../errors.js';
import type { Principal } from '../../http/context.js';
import { canSeePortfolio } from '../../http/permissions.js';
import { findOrganisations, toTypologyInput } from '../organisation/organisation.repository.js';
import { listPlans } from '../plans/plan.service.js';
import { planMarkers } from '../markers/markers.service.js';
import { definitionOf, getFramework, planTotal } from '../results/results.service.js';
import { listSharedIndicators } from './shared.service.js';

type Filters = z.output<typeof PortfolioFilters>;
type IndicatorQuery = z.output<typeof PortfolioIndicatorQuery>;
type Compare = z.output<typeof CompareQuery>;
type Text = { da: string; en: string };

export function requirePortfolio(p: Principal): void {
  if (!canSeePortfolio(p)) throw forbidden();
}

/** A filter naming a pool, municipality, organisation, secretariat or focus area that does not exist: 400. */
async function checkFilterValues(db: Executor, f: Filters): Promise<void> {
  const p = new Problems();
  const checks: [
    keyof Filters,
    'fundingPools' | 'municipalities' | 'housingOrganisations' | 'areaSecretariats' | 'focusAreas',
  ][] = [
    ['poolId', 'fundingPools'],
    ['municipalityId', 'municipalities'],
    ['housingOrganisationId', 'housingOrganisations'],
    ['areaSecretariatId', 'areaSecretariats'],
    ['focusAreaId', 'focusAreas'],
  ];
  await Promise.all(
    checks.map(async ([field, table]) => {
      const id = f[field];
      if (typeof id !== 'string' || id === '') return;
      const row = await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
      if (!row) p.add(field, 'filter_value_unknown', { value: id });
    }),
  );
  p.throwIfAny();
}

type Typed = PlanSummary & {
  organisationType: PortfolioPlan['organisationType'];
  secretariatType: PortfolioPlan['secretariatType'];
};

const UNCLASSIFIED = { organisationType: 'not_determined', secretariatType: 'not_determined' } as const;

/**
 * The plans of the portfolio: those the caller sees, filtered. Their typology is classified from
 * their organisations when the view shows it or a typology filter asks for it (`typology`).
 */
export async function portfolioPlans(
  db: Db,
  principal: Principal,
  f: Filters,
  opts: { typology?: boolean } = {},
): Promise<Typed[]> {
  requirePortfolio(principal);
  await checkFilterValues(db, f);
  const plans = await listPlans(db, principal, { ...f });
  if (!opts.typology && !f.organisationType && !f.secretariatType)
    return plans.map((p) => ({ ...p, ...UNCLASSIFIED }));
  const orgs = await findOrganisations(
    db,
    plans.map((p) => p.id),
  );
  const typed = plans.map((p) => {
    const t = classifyOrganisation(toTypologyInput(orgs.get(p.id)!));
    return {
      ...p,
      organisationType: t.organisation.type as Typed['organisationType'],
      secretariatType: t.secretariat.type as Typed['secretariatType'],
    };
  });
  return typed.filter(
    (p) =>
      (!f.organisationType || p.organisationType === f.organisationType) &&
      (!f.secretariatType || p.secretariatType === f.secretariatType),
  );
}

async function countsByPlan(db: Executor, ids: string[]) {
  if (ids.length === 0) return { active: new Map<string, number>(), participants: new Map<string, number>() };
  const [active, participants] = await Promise.all([
    db
      .selectFrom('activities')
      .select((eb) => ['planId', eb.fn.countAll<number>().as('n')])
      .where('planId', 'in', ids)
      .where('status', '=', 'running')
      .groupBy('planId')
      .execute(),
    db
      .selectFrom('participants')
      .select((eb) => ['planId', eb.fn.countAll<number>().as('n')])
      .where('planId', 'in', ids)
      .groupBy('planId')
      .execute(),
  ]);
  return {
    active: new Map(active.map((r) => [r.planId, Number(r.n)])),
    participants: new Map(participants.map((r) => [r.planId, Number(r.n)])),
  };
}

const STATUS_LABELS: Record<string, Text> = {
  draft: { da: 'Kladde', en: 'Draft' },
  active: { da: 'Aktiv', en: 'Active' },
  ended: { da: 'Afsluttet', en: 'Ended' },
};

function buckets<T extends { dwellings: number; grantTotalOre: number }>(
  plans: T[],
  keysOf: (p: T) => string[],
  labelOf: (key: string) => Text,
): PortfolioBucket[] {
  const map = new Map<string, PortfolioBucket>();
  for (const p of plans)
    for (const key of keysOf(p)) {
      const b = map.get(key) ?? { key, label: labelOf(key), plans: 0, dwellings: 0, grantOre: 0 };
      b.plans += 1;
      b.dwellings += p.dwellings;
      b.grantOre += p.grantTotalOre;
      map.set(key, b);
    }
  return [...map.values()].sort(
    (a, b) => b.plans - a.plans || danishCollator.compare(a.label.da, b.label.da),
  );
}

/** Totals, distributions and the plan table of the filtered portfolio. */
export async function portfolioOverview(
  db: Db,
  principal: Principal,
  f: Filters,
): Promise<PortfolioOverview> {
  const plans = await portfolioPlans(db, principal, f, { typology: true });
  const ids = plans.map((p) => p.id);
  const { active, participants } = await countsByPlan(db, ids);
  const focusIds = [...new Set(plans.flatMap((p) => p.focusAreaIds))];
  const focusAreas = focusIds.length
    ? await db
        .selectFrom('focusAreas')
        .select(['id', 'nameDa', 'nameEn'])
        .where('id', 'in', focusIds)
        .execute()
    : [];
  const focusName = new Map(focusAreas.map((x) => [x.id, { da: x.nameDa, en: x.nameEn }]));
  const rows: PortfolioPlan[] = plans.map((p) => ({
    id: p.id,
    name: p.name,
    status: p.status,
    poolId: p.poolId,
    poolName: p.poolName,
    municipalityId: p.municipalityId,
    municipalityName: p.municipalityName,
    housingOrganisationName: p.housingOrganisationName,
    areaSecretariatId: p.areaSecretariatId,
    areaSecretariatName: p.areaSecretariatName,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    dwellings: p.dwellings,
    grantTotalOre: p.grantTotalOre,
    sizeBand: p.sizeBand,
    grantBand: p.grantBand,
    activeActivities: active.get(p.id) ?? 0,
    participants: participants.get(p.id) ?? 0,
    organisationType: p.organisationType,
    secretariatType: p.secretariatType,
    isExample: p.isExample,
  }));
  const poolName = new Map(plans.map((p) => [p.poolId, p.poolName]));
  const municipalityName = new Map(plans.map((p) => [p.municipalityId, p.municipalityName]));
  const same = (s: string | undefined): Text => ({ da: s ?? '', en: s ?? '' });
  return {
    totals: {
      plans: rows.length,
      dwellings: rows.reduce((s, p) => s + p.dwellings, 0),
      grantOre: rows.reduce((s, p) => s + p.grantTotalOre, 0),
      activeActivities: rows.reduce((s, p) => s + p.activeActivities, 0),
      participants: rows.reduce((s, p) => s + p.participants, 0),
    },
    plans: rows,
    distributions: {
      pool: buckets(
        plans,
        (p) => [p.poolId],
        (k) => same(poolName.get(k)),
      ),
      focusArea: buckets(
        plans,
        (p) => p.focusAreaIds,
        (k) => focusName.get(k) ?? same(k),
      ),
      municipality: buckets(
        plans,
        (p) => [p.municipalityId],
        (k) => same(municipalityName.get(k)),
      ),
      status: buckets(
        plans,
        (p) => [p.status],
        (k) => STATUS_LABELS[k] ?? same(k),
      ),
      organisationType: buckets(
        plans,
        (p) => [p.organisationType],
        (k) => ORGANISATION_TYPE_LABELS[k as keyof typeof ORGANISATION_TYPE_LABELS] ?? NOT_DETERMINED_LABEL,
      ),
      secretariatType: buckets(
        plans,
        (p) => [p.secretariatType],
        (k) => SECRETARIAT_TYPE_LABELS[k as keyof typeof SECRETARIAT_TYPE_LABELS] ?? NOT_DETERMINED_LABEL,
      ),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Linked indicators: each plan's value per period, read the way the plan itself reads it

export interface LinkedIndicator {
  id: string;
  planId: string;
  name: string;
  sharedIndicatorId: string;
  focusAreaId: string;
  /** Value per period key. */
  parts: Map<string, PlanValue & { complete: boolean; usedPeriods: number }>;
}

/**
 * Every plan indicator linked to one of the shared indicators, in the given plans, with its
 * total per period through the same planTotal the plan's own pages use.
 */
export async function linkedIndicators(
  db: Executor,
  planIds: string[],
  sharedIds: string[],
  periods: string[],
  plans: Map<string, { periodStart: string | null; periodEnd: string | null }>,
): Promise<LinkedIndicator[]> {
  if (planIds.length === 0 || sharedIds.length === 0) return [];
  const rows = await db
    .selectFrom('indicators as i')
    .innerJoin('goals as g', 'g.id', 'i.goalId')
    .select([
      'i.id',
      'i.planId',
      'i.name',
      'i.kind',
      'i.direction',
      'i.combineRule',
      'i.breakdownsJson',
      'i.definitionVersion',
      'i.sharedIndicatorId',
      'g.focusAreaId',
    ])
    .where('i.planId', 'in', planIds)
    .where('i.sharedIndicatorId', 'in', sharedIds)
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  // Every period asked for starts with its year, so the values of those years are all it reads.
  const years = periods.map((p) => p.slice(0, 4)).sort();
  const first = years[0] ?? '0000';
  const afterLast = String(Number(years[years.length - 1] ?? '0000') + 1);
  const valuesOf = (indicatorIds: string[], totalsOnly: boolean) => {
    let q = db
      .selectFrom('indicatorValues')
      .select([
        'indicatorId',
        'definitionVersion',
        'period',
        'breakdownJson',
        'state',
        'value',
        'numerator',
        'denominator',
        'sum',
        'count',
      ])
      .where('indicatorId', 'in', indicatorIds)
      .where('period', '>=', first)
      .where('period', '<', afterLast);
    if (totalsOnly) q = q.where('breakdownKey', '=', '');
    return q.execute();
  };
  const [totals, targets] = await Promise.all([
    valuesOf(ids, true),
    db
      .selectFrom('indicatorTargets')
      .select(['indicatorId', 'period', 'value'])
      .where('indicatorId', 'in', ids)
      .where('breakdownKey', '=', '')
      .execute(),
  ]);
  // A period entered only per category is totalled from its categories, as the plan does, so
  // indicators with breakdowns need their category rows too.
  const withBreakdowns = rows.filter((r) => r.breakdownsJson !== '[]').map((r) => r.id);
  const categories = withBreakdowns.length
    ? (await valuesOf(withBreakdowns, false)).filter((v) => v.breakdownJson !== null)
    : [];
  const values = [...totals, ...categories];
  const obsBy = new Map<string, Observation[]>();
  const version = new Map(rows.map((r) => [r.id, r.definitionVersion]));
  for (const v of values) {
    if (v.definitionVersion !== version.get(v.indicatorId)) continue;
    const list = obsBy.get(v.indicatorId) ?? [];
    list.push({
      period: v.period,
      breakdown: fromJson<Record<string, string>>(v.breakdownJson),
      state: v.state as Observation['state'],
      value: v.value,
      numerator: v.numerator,
      denominator: v.denominator,
      sum: v.sum,
      count: v.count,
    });
    obsBy.set(v.indicatorId, list);
  }
  const targetOf = new Map(targets.map((t) => [`${t.indicatorId} ${t.period}`, t.value]));
  return rows.map((r) => {
    const def = definitionOf(r);
    const plan = plans.get(r.planId);
    const range: DateRange | null =
      plan?.periodStart && plan.periodEnd ? { start: plan.periodStart, end: plan.periodEnd } : null;
    const obs = obsBy.get(r.id) ?? [];
    const parts = new Map<string, PlanValue & { complete: boolean; usedPeriods: number }>();
    for (const period of periods) {
      const v = planTotal(def, obs, period, range);
      parts.set(period, {
        value: v.state === 'missing' && obs.length === 0 ? null : v,
        target: targetOf.get(`${r.id} ${period}`) ?? null,
        complete: v.complete,
        usedPeriods: 'usedPeriods' in v ? (v.usedPeriods as string[]).length : 1,
      });
    }
    return {
      id: r.id,
      planId: r.planId,
      name: r.name,
      sharedIndicatorId: r.sharedIndicatorId!,
      focusAreaId: r.focusAreaId,
      parts,
    };
  });
}

/** The span of years the plans' grants cover, or null without grants. */
async function grantYears(db: Executor, planIds: string[]) {
  if (planIds.length === 0) return null;
  const r = await db
    .selectFrom('grants')
    .select((eb) => [eb.fn.min('startDate').as('start'), eb.fn.max('endDate').as('end')])
    .where('planId', 'in', planIds)
    .executeTakeFirst();
  if (!r?.start || !r.end) return null;
  return { startYear: Number(String(r.start).slice(0, 4)), endYear: Number(String(r.end).slice(0, 4)) };
}

export async function chooseYears(
  db: Executor,
  planIds: string[],
  asked: { fromYear?: number; toYear?: number },
): Promise<{ fromYear: number; toYear: number }> {
  const w = yearWindow(asked, await grantYears(db, planIds), Number(todayInDenmark().slice(0, 4)));
  if ('code' in w) {
    const field =
      w.code === 'years_reversed' ? 'fromYear' : asked.fromYear !== undefined ? 'fromYear' : 'toYear';
    throw new AppError('validation_failed', 400, {}, [{ path: field, code: w.code, params: w.params }]);
  }
  return w;
}

const toAggregate = (a: ReturnType<typeof aggregatePlans>): AggregateValue => a;

/** Shared indicators rolled up across the filtered plans by a grouping and period. */
export async function portfolioIndicators(
  db: Db,
  principal: Principal,
  q: IndicatorQuery,
): Promise<PortfolioIndicators> {
  const plans = await portfolioPlans(db, principal, q);
  const planIds = plans.map((p) => p.id);
  const years = await chooseYears(db, planIds, q);
  const periods = portfolioPeriods(q.periodKind as PeriodKind, years.fromYear, years.toYear);
  let shared = await listSharedIndicators(db, principal);
  if (q.sharedIndicatorId) {
    shared = shared.filter((s) => s.id === q.sharedIndicatorId);
    if (shared.length === 0)
      throw new AppError('validation_failed', 400, {}, [
        { path: 'sharedIndicatorId', code: 'filter_value_unknown', params: { value: q.sharedIndicatorId } },
      ]);
  }
  const byId = new Map(plans.map((p) => [p.id, p]));
  const linked = await linkedIndicators(
    db,
    planIds,
    shared.map((s) => s.id),
    periods,
    byId,
  );
  const focus = await db.selectFrom('focusAreas').select(['id', 'nameDa', 'nameEn']).execute();
  const focusName = new Map(focus.map((x) => [x.id, { da: x.nameDa, en: x.nameEn }]));
  const groupOf = (l: LinkedIndicator): { key: string; label: Text } => {
    const plan = byId.get(l.planId)!;
    const g = q.groupBy as GroupBy;
    if (g === 'pool') return { key: plan.poolId, label: { da: plan.poolName, en: plan.poolName } };
    if (g === 'municipality')
      return { key: plan.municipalityId, label: { da: plan.municipalityName, en: plan.municipalityName } };
    if (g === 'focusArea')
      return { key: l.focusAreaId, label: focusName.get(l.focusAreaId) ?? { da: '', en: '' } };
    return { key: 'all', label: { da: 'Alle planer', en: 'All plans' } };
  };
  return {
    periods,
    groupBy: q.groupBy as GroupBy,
    indicators: shared.map((s) => {
      const mine = linked.filter((l) => l.sharedIndicatorId === s.id);
      const def = { kind: s.kind, direction: s.direction, combine: s.combine };
      const groups = new Map<string, { key: string; label: Text; members: LinkedIndicator[] }>();
      for (const l of mine) {
        const g = groupOf(l);
        const entry = groups.get(g.key) ?? { ...g, members: [] };
        entry.members.push(l);
        groups.set(g.key, entry);
      }
      const roll = (members: LinkedIndicator[]) =>
        periods.map((period) =>
          toAggregate(
            aggregateByPlan(
              def,
              period,
              members.map((m) => ({ planId: m.planId, ...m.parts.get(period)! })),
            ),
          ),
        );
      return {
        sharedIndicator: s,
        linkedPlans: new Set(mine.map((m) => m.planId)).size,
        groups: [...groups.values()]
          .sort((a, b) => danishCollator.compare(a.label.da, b.label.da))
          .map((g) => ({ key: g.key, label: g.label, values: roll(g.members) })),
        total: roll(mine),
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Reporting compliance

async function editorsOf(db: Executor, planIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (planIds.length === 0) return out;
  const rows = await db
    .selectFrom('roleGrants as r')
    .innerJoin('users as u', 'u.id', 'r.userId')
    .select(['r.planId', 'u.name'])
    .where('r.role', '=', 'plan_editor')
    .where('r.planId', 'in', planIds)
    .where('u.disabledAt', 'is', null)
    .execute();
  for (const r of rows) {
    const list = out.get(r.planId!) ?? [];
    list.push(r.name);
    out.set(r.planId!, list);
  }
  for (const list of out.values()) list.sort(danishCollator.compare);
  return out;
}

/** Plans late with registrations or status reports: how late, and who is responsible. */
export async function portfolioCompliance(
  db: Db,
  principal: Principal,
  f: Filters,
): Promise<PortfolioCompliance> {
  const plans = await portfolioPlans(db, principal, f);
  const ids = plans.map((p) => p.id);
  const today = todayInDenmark();
  if (ids.length === 0) return { today, plansChecked: 0, plansLate: 0, rows: [] };
  const [activities, last, reports, editors] = await Promise.all([
    db
      .selectFrom('activities')
      .select(['id', 'name', 'planId', 'status', 'registrationFrequency', 'periodStart', 'periodEnd'])
      .where('planId', 'in', ids)
      .where('status', '=', 'running')
      .where('registrationFrequency', '!=', 'none')
      .execute(),
    db
      .selectFrom('registrations')
      .select((eb) => ['activityId', eb.fn.max('date').as('last')])
      .where('planId', 'in', ids)
      .groupBy('activityId')
      .execute(),
    db
      .selectFrom('statusReports')
      .select(['planId', 'period', 'status'])
      .where('planId', 'in', ids)
      .execute(),
    editorsOf(db, ids),
  ]);
  const lastOf = new Map(last.map((l) => [l.activityId, l.last as string | null]));
  const reportsOf = new Map<string, { period: string; status: string }[]>();
  for (const r of reports) {
    const list = reportsOf.get(r.planId) ?? [];
    list.push(r);
    reportsOf.set(r.planId, list);
  }
  const byId = new Map(plans.map((p) => [p.id, p]));
  const rows: ComplianceRow[] = [];
  const base = (planId: string) => {
    const p = byId.get(planId)!;
    return {
      planId,
      planName: p.name,
      municipalityName: p.municipalityName,
      poolName: p.poolName,
      responsible: editors.get(planId) ?? [],
    };
  };
  for (const a of activities) {
    const since = overdueSince(
      {
        status: a.status,
        frequency: a.registrationFrequency as Frequency,
        periodStart: a.periodStart,
        periodEnd: a.periodEnd,
        lastRegistration: lastOf.get(a.id) ?? null,
      },
      today,
    );
    if (since)
      rows.push({
        ...base(a.planId),
        kind: 'registrations',
        subject: a.name,
        subjectId: a.id,
        due: since,
        daysLate: daysBetween(since, today),
      });
  }
  for (const p of plans)
    for (const late of lateReports(p, reportsOf.get(p.id) ?? [], today))
      rows.push({
        ...base(p.id),
        kind: 'status_report',
        subject: String(late.year),
        subjectId: null,
        due: late.due,
        daysLate: late.daysLate,
      });
  rows.sort(
    (a, b) =>
      b.daysLate - a.daysLate ||
      danishCollator.compare(a.planName, b.planName) ||
      danishCollator.compare(a.subject, b.subject),
  );
  return { today, plansChecked: plans.length, plansLate: new Set(rows.map((r) => r.planId)).size, rows };
}

// ---------------------------------------------------------------------------------------------
// Grant use

export async function portfolioGrantUse(
  db: Db,
  principal: Principal,
  f: Filters,
): Promise<PortfolioGrantUse> {
  const plans = await portfolioPlans(db, principal, f);
  const ids = plans.map((p) => p.id);
  const today = todayInDenmark();
  const [spans, committed, spent] = ids.length
    ? await Promise.all([
        db
          .selectFrom('grants')
          .select((eb) => ['planId', eb.fn.min('startDate').as('start'), eb.fn.max('endDate').as('end')])
          .where('planId', 'in', ids)
          .groupBy('planId')
          .execute(),
        db
          .selectFrom('activities')
          .select((eb) => ['planId', eb.fn.sum<number>('budgetOre').as('total')])
          .where('planId', 'in', ids)
          .groupBy('planId')
          .execute(),
        db
          .selectFrom('planExpenditures')
          .select((eb) => ['planId', eb.fn.sum<number>('amountOre').as('total')])
          .where('planId', 'in', ids)
          .groupBy('planId')
          .execute(),
      ])
    : [[], [], []];
  const spanOf = new Map(
    spans.map((s) => [s.planId, { start: s.start as string | null, end: s.end as string | null }]),
  );
  const committedOf = new Map(committed.map((c) => [c.planId, Number(c.total ?? 0)]));
  const spentOf = new Map(spent.map((c) => [c.planId, Number(c.total ?? 0)]));
  const rows = plans.map((p) => {
    const span = spanOf.get(p.id) ?? { start: null, end: null };
    const time = grantTime(span, today);
    const spentOre = spentOf.get(p.id) ?? 0;
    return {
      planId: p.id,
      planName: p.name,
      poolId: p.poolId,
      poolName: p.poolName,
      grantedOre: p.grantTotalOre,
      committedOre: committedOf.get(p.id) ?? 0,
      spentOre,
      grantStart: span.start,
      grantEnd: span.end,
      monthsLeft: time.monthsLeft,
      timeElapsedShare: time.elapsed,
      spentShare: p.grantTotalOre > 0 ? spentOre / p.grantTotalOre : null,
    };
  });
  const total = (key: string, label: Text, list: typeof rows) => ({
    key,
    label,
    plans: list.length,
    grantedOre: list.reduce((s, r) => s + r.grantedOre, 0),
    committedOre: list.reduce((s, r) => s + r.committedOre, 0),
    spentOre: list.reduce((s, r) => s + r.spentOre, 0),
  });
  const pools = new Map<string, typeof rows>();
  for (const r of rows) pools.set(r.poolId, [...(pools.get(r.poolId) ?? []), r]);
  return {
    today,
    plans: rows,
    pools: [...pools.entries()]
      .map(([id, list]) => total(id, { da: list[0]!.poolName, en: list[0]!.poolName }, list))
      .sort((a, b) => danishCollator.compare(a.label.da, b.label.da)),
    total: total('all', { da: 'Alle planer', en: 'All plans' }, rows),
  };
}

// ---------------------------------------------------------------------------------------------
// Comparison

export async function portfolioCompare(db: Db, principal: Principal, q: Compare): Promise<PortfolioCompare> {
  requirePortfolio(principal);
  const visible = await listPlans(db, principal, { ids: q.planIds });
  const byId = new Map(visible.map((p) => [p.id, p]));
  const hidden = q.planIds.filter((id) => !byId.has(id));
  // A plan that exists but is not the caller's to see is refused like any plan route: 403.
  if (hidden.length) {
    const existing = await db.selectFrom('plans').select('id').where('id', 'in', hidden).execute();
    if (existing.length) throw forbidden();
  }
  const p = new Problems();
  q.planIds.forEach((id, i) => {
    if (!byId.has(id)) p.add(`planIds.${i}`, 'compare_plan_not_visible');
  });
  const all = await listSharedIndicators(db, principal);
  const wanted = q.sharedIndicatorIds ?? [];
  wanted.forEach((id, i) => {
    if (!all.some((s) => s.id === id))
      p.add(`sharedIndicatorIds.${i}`, 'filter_value_unknown', { value: id });
  });
  p.throwIfAny();
  const plans = [...new Set(q.planIds)].map((id) => byId.get(id)!);
  const year = q.year ?? Number(todayInDenmark().slice(0, 4)) - 1;
  const period = String(year);
  const indicators: SharedIndicator[] = wanted.map((id) => all.find((s) => s.id === id)!);
  const linked = await linkedIndicators(
    db,
    plans.map((x) => x.id),
    wanted,
    [period],
    byId,
  );
  const [frameworks, markers] = await Promise.all([
    Promise.all(plans.map((x) => getFramework(db, x.id))),
    Promise.all(plans.map((x) => planMarkers(db, x.id, year))),
  ]);
  const cells = plans.map((plan) =>
    indicators.map((s) => {
      const mine = linked.filter((l) => l.planId === plan.id && l.sharedIndicatorId === s.id);
      const def = { kind: s.kind, direction: s.direction, combine: s.combine };
      // A plan with several indicators linked to one shared indicator is compared on their sum.
      const parts = mine.map((m) => m.parts.get(period)!);
      const agg = aggregatePlans(def, period, parts);
      const usedPeriods = mine.reduce((n, m) => n + (m.parts.get(period)?.usedPeriods ?? 0), 0);
      return {
        sharedIndicatorId: s.id,
        indicatorId: mine[0]?.id ?? null,
        state: agg.state,
        value: agg.state === 'value' ? agg.value : null,
        observations: observationsOf(
          s.kind,
          { state: agg.state, denominator: agg.denominator, count: sumCounts(parts) },
          usedPeriods,
        ),
        complete: agg.state === 'value' && agg.nPartial === 0,
        target: agg.target,
        status: agg.status,
        rank: null as number | null,
      };
    }),
  );
  indicators.forEach((s, j) => {
    const ranks = rankValues(
      s.direction,
      cells.map((row) => row[j]!.value),
    );
    cells.forEach((row, i) => (row[j]!.rank = ranks[i]!));
  });
  return {
    period,
    indicators,
    plans: plans.map((plan, i) => ({
      planId: plan.id,
      planName: plan.name,
      municipalityName: plan.municipalityName,
      poolName: plan.poolName,
      coherence: {
        flags: frameworks[i]!.coherence.flags.length,
        flagCounts: frameworks[i]!.coherence.flagCounts,
        outcomeShareOfMeasured: frameworks[i]!.coherence.measurement.outcomeShareOfMeasured,
      },
      markers: markers[i]!.markers.map((m) => ({
        key: m.key,
        number: m.number,
        label: m.label,
        evidence: m.evidence.level,
        questionnaire: m.questionnaire.level,
      })),
      values: cells[i]!,
    })),
  };
}

function sumCounts(parts: PlanValue[]): number | null {
  let total = 0;
  for (const p of parts) if (p.value?.state === 'value') total += p.value.count ?? 0;
  return total;
}
