import {
  aggregate,
  statusAgainstTarget,
  type IndicatorDefinition,
  type TargetStatus,
  type ValueInput,
  type ValueState,
} from './indicators.js';
import { formatPeriodKey, periodsBetween, type CalendarPeriodKind } from './periods.js';

/**
 * Rules of the portfolio (C10) and of area secretariats' shared goals (C3): many plans' values of
 * one shared indicator combined, reporting compliance, grant use and ranking. docs/portfolio.md
 * states them with worked examples.
 */

/** One plan's value of a linked indicator for a period, with the plan's own target. */
export interface PlanValue {
  value: ValueInput | null;
  target: number | null;
}

export interface PortfolioAggregate {
  period: string;
  state: ValueState;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  n: number;
  nMissing: number;
  nSuppressed: number;
  nPartial: number;
  target: number | null;
  status: TargetStatus;
}

/**
 * Combines plans' values by `aggregate` (counts summed, percentages Σ numerators ÷ Σ
 * denominators, averages Σ sums ÷ Σ counts, yes/no as the share of yes; missing and suppressed
 * left out and counted) and their targets the same way:
 * - counts: the sum of the targets;
 * - percentages: the targets weighted by each plan's denominator, Σ(target × denominator) ÷
 *   Σ denominators, so the target is what the plans' own targets would give together;
 * - averages: weighted by each plan's count of answers;
 * - yes/no: no combined target.
 * A combined target exists only when every plan whose value went in has a target for the
 * period; otherwise it would compare the whole with a part.
 */
export function aggregatePlans(
  def: IndicatorDefinition,
  period: string,
  parts: readonly PlanValue[],
): PortfolioAggregate {
  const result = aggregate(
    def,
    parts.map((p) => p.value),
  );
  const inside = parts.filter((p) => p.value?.state === 'value' && result.n > 0 && hasNumbers(def, p.value));
  let target: number | null = null;
  if (def.kind !== 'yes_no' && inside.length > 0 && inside.every((p) => p.target !== null)) {
    if (def.kind === 'count') target = inside.reduce((s, p) => s + p.target!, 0);
    else {
      const weight = (p: PlanValue) =>
        def.kind === 'percentage' ? (p.value!.denominator ?? 0) : (p.value!.count ?? 0);
      const w = inside.reduce((s, p) => s + weight(p), 0);
      target = w > 0 ? inside.reduce((s, p) => s + p.target! * weight(p), 0) / w : null;
    }
  }
  const status = statusAgainstTarget(def, { ...result, complete: result.nPartial === 0 }, target).status;
  return {
    period,
    state: result.state,
    value: result.value,
    numerator: result.numerator,
    denominator: result.denominator,
    n: result.n,
    nMissing: result.nMissing,
    nSuppressed: result.nSuppressed,
    nPartial: result.nPartial,
    target,
    status,
  };
}

/**
 * A plan's several indicators linked to one shared indicator (one per focus area, say) as the
 * plan's one part: their values combined like any values (counts summed, percentages by their
 * parts) and their targets the same way, so a plan counts once among the plans. A part without a
 * value makes the plan's value partial (`complete: false`); with none, it is missing, or
 * suppressed when every part was.
 */
export function combineWithinPlan(def: IndicatorDefinition, parts: readonly PlanValue[]): PlanValue {
  if (parts.length === 1) return parts[0]!;
  const r = aggregate(
    def,
    parts.map((p) => p.value),
  );
  const combined = aggregatePlans(def, '', parts);
  if (r.n === 0) return { value: parts.every((p) => !p.value) ? null : { state: r.state }, target: null };
  return {
    value: {
      state: 'value',
      value: r.value,
      numerator: r.numerator,
      denominator: r.denominator,
      sum: r.sum,
      count: r.count,
      complete: r.nMissing + r.nSuppressed + r.nPartial === 0,
    },
    target: combined.target,
  };
}

/** Plans' parts, several of one plan combined first (combineWithinPlan), then across plans. */
export function aggregateByPlan(
  def: IndicatorDefinition,
  period: string,
  parts: readonly (PlanValue & { planId: string })[],
): PortfolioAggregate {
  const byPlan = new Map<string, PlanValue[]>();
  for (const p of parts) byPlan.set(p.planId, [...(byPlan.get(p.planId) ?? []), p]);
  return aggregatePlans(
    def,
    period,
    [...byPlan.values()].map((list) => combineWithinPlan(def, list)),
  );
}

function hasNumbers(def: IndicatorDefinition, v: ValueInput): boolean {
  if (def.kind === 'percentage') return v.denominator !== null && v.denominator !== undefined;
  if (def.kind === 'average') return v.count !== null && v.count !== undefined;
  return v.value !== null && v.value !== undefined;
}

/** The calendar periods of a kind from the first year to the last, as period keys. */
export function portfolioPeriods(kind: CalendarPeriodKind, fromYear: number, toYear: number): string[] {
  if (fromYear > toYear) return [];
  return periodsBetween(`${fromYear}-01-01`, `${toYear}-12-31`, kind).map((p) => formatPeriodKey(p));
}

export interface YearWindow {
  fromYear: number;
  toYear: number;
}

export type WindowProblem =
  | { code: 'years_reversed'; params: { from: number; to: number } }
  | { code: 'period_outside_grants'; params: { from: number; to: number; start: number; end: number } };

/**
 * The years a portfolio view shows. Asked years must overlap the span of the plans' grants;
 * without them, the last four years up to this one, kept within that span. Plans without any
 * grant leave nothing to be outside of: the asked years, or the last four.
 */
export function yearWindow(
  asked: { fromYear?: number; toYear?: number },
  grants: { startYear: number; endYear: number } | null,
  thisYear: number,
): YearWindow | WindowProblem {
  if (asked.fromYear !== undefined && asked.toYear !== undefined && asked.fromYear > asked.toYear)
    return { code: 'years_reversed', params: { from: asked.fromYear, to: asked.toYear } };
  // No grants among the plans (or no plans): nothing to be outside of; the last four years.
  if (!grants) {
    const to = asked.toYear ?? (asked.fromYear !== undefined ? asked.fromYear + 3 : thisYear);
    return { fromYear: asked.fromYear ?? to - 3, toYear: to };
  }
  if (asked.fromYear !== undefined || asked.toYear !== undefined) {
    const from = asked.fromYear ?? Math.max(grants.startYear, (asked.toYear ?? thisYear) - 3);
    const to = asked.toYear ?? Math.min(grants.endYear, from + 3);
    if (to < grants.startYear || from > grants.endYear)
      return {
        code: 'period_outside_grants',
        params: { from, to, start: grants.startYear, end: grants.endYear },
      };
    return { fromYear: from, toYear: Math.max(from, to) };
  }
  const to = Math.max(grants.startYear, Math.min(thisYear, grants.endYear));
  return { fromYear: Math.max(grants.startYear, to - 3), toYear: to };
}

// ---------------------------------------------------------------------------------------------
// Reporting compliance

/** Days a yearly status report may take after its year ends: due by 31 March. */
export const REPORT_DUE_MONTH_DAY = '03-31';

export interface ReportFact {
  period: string;
  status: string;
}

/**
 * Years whose status report is late. Every calendar year of the plan's period that has ended
 * needs a status report that covers the year or its end (the year, its second half or its last
 * quarter) and has been approved or sent; it is due on 31 March of the next year. A plan in
 * draft, or without dates, owes none.
 */
export function lateReports(
  plan: { status: string; periodStart: string | null; periodEnd: string | null },
  reports: readonly ReportFact[],
  today: string,
): { year: number; due: string; daysLate: number }[] {
  if (plan.status === 'draft' || !plan.periodStart || !plan.periodEnd) return [];
  const done = new Set(
    reports.filter((r) => r.status === 'approved' || r.status === 'sent').map((r) => r.period),
  );
  const first = Number(plan.periodStart.slice(0, 4));
  const last = Number(plan.periodEnd.slice(0, 4));
  const out: { year: number; due: string; daysLate: number }[] = [];
  for (let y = first; y <= last; y++) {
    const due = `${y + 1}-${REPORT_DUE_MONTH_DAY}`;
    if (today <= due) continue;
    if (done.has(String(y)) || done.has(`${y}-H2`) || done.has(`${y}-Q4`)) continue;
    out.push({ year: y, due, daysLate: daysBetween(due, today) });
  }
  return out;
}

/** Whole days from one ISO date to a later one. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

// ---------------------------------------------------------------------------------------------
// Grant use

export interface GrantSpan {
  start: string | null;
  end: string | null;
}

/**
 * Months left of a grant period (whole months from today to its end, 0 once ended) and the share
 * of it gone by (0 before it starts, 1 after it ends).
 */
export function grantTime(
  span: GrantSpan,
  today: string,
): { monthsLeft: number | null; elapsed: number | null } {
  if (!span.start || !span.end) return { monthsLeft: null, elapsed: null };
  const total = daysBetween(span.start, span.end);
  const gone = daysBetween(span.start, today);
  const elapsed = total <= 0 ? (today >= span.end ? 1 : 0) : Math.min(1, Math.max(0, gone / total));
  if (today >= span.end) return { monthsLeft: 0, elapsed };
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const [ey, em, ed] = span.end.split('-').map(Number) as [number, number, number];
  let months = (ey - ty) * 12 + (em - tm);
  if (ed < td) months -= 1;
  return { monthsLeft: Math.max(0, months), elapsed };
}

// ---------------------------------------------------------------------------------------------
// Ranking

/**
 * Ranks plans' values of one indicator: 1 is best by the indicator's direction; equal values share
 * a rank; plans without a value get none. The caller always shows each value's observations beside
 * its rank, so a small base is never hidden behind a good place.
 */
export function rankValues(
  direction: 'higher_is_better' | 'lower_is_better',
  values: readonly (number | null)[],
): (number | null)[] {
  const present = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (direction === 'higher_is_better') present.reverse();
  return values.map((v) => (v === null ? null : present.indexOf(v) + 1));
}

/** What a value rests on: respondents (percentages), answers (averages), periods with data (counts). */
export function observationsOf(
  kind: IndicatorDefinition['kind'],
  v: { state: string; denominator: number | null; count: number | null } | null,
  usedPeriods: number,
): number {
  if (!v || v.state !== 'value') return 0;
  if (kind === 'percentage') return v.denominator ?? 0;
  if (kind === 'average') return v.count ?? 0;
  return usedPeriods;
}
