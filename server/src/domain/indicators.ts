import {
  coverRange,
  comparePeriods,
  formatPeriodKey,
  parsePeriodKey,
  periodKindRank,
  subPeriods,
  toPeriod,
  type CalendarPeriodKind,
  type DateRange,
  type Period,
  type PeriodInput,
} from './periods.js';

/**
 * Indicator maths of the results framework (C4, C8) and the portfolio (C10): validation,
 * combining periods and breakdowns, status against target, progress from baseline, and
 * aggregation across plans. docs/indicators.md states the rules with worked examples.
 *
 * Numbers stay as their parts (numerator and denominator, sum and count) while they are
 * combined; the shown value is divided out once, at the end. A value that is missing or
 * suppressed is never read as zero: it is counted and named apart.
 */

export const INDICATOR_KINDS = ['count', 'percentage', 'average', 'yes_no'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const DIRECTIONS = ['higher_is_better', 'lower_is_better'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** How sub-periods roll up to a period: add them, take the latest, or not at all. */
export const COMBINE_RULES = ['sum', 'latest', 'non_cumulative'] as const;
export type CombineRule = (typeof COMBINE_RULES)[number];

export const VALUE_STATES = ['value', 'missing', 'suppressed'] as const;
export type ValueState = (typeof VALUE_STATES)[number];

/** A breakdown such as gender or age band, with the categories an observation may use. */
export interface BreakdownDefinition {
  key: string;
  categories: readonly string[];
}

export interface IndicatorDefinition {
  kind: IndicatorKind;
  direction: Direction;
  combine: CombineRule;
  breakdowns?: readonly BreakdownDefinition[];
}

/** Breakdown key → category, e.g. `{ gender: 'female' }`; empty or absent is the total. */
export type BreakdownSelection = Readonly<Record<string, string>>;

/**
 * The numbers of one value, by kind: count → `value`; percentage → `numerator` and
 * `denominator`; average → `sum` (of the individual values) and `count` (how many); yes/no →
 * `value` 0 or 1. Null and absent mean the same.
 */
export interface ValueNumbers {
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  sum?: number | null;
  count?: number | null;
}

export interface Observation extends ValueNumbers {
  period: string;
  breakdown?: BreakdownSelection | null;
  state: ValueState;
}

export interface Target {
  period: string;
  value: number;
  breakdown?: BreakdownSelection | null;
}

export interface Baseline {
  value: number;
  date: string;
  source: string;
}

/**
 * A value ready to show. `value` is the count, the percentage (0-100), the mean or the yes/no
 * 0/1; it is null unless `state` is `value`. The parts it came from are kept beside it.
 */
export interface IndicatorValue {
  state: ValueState;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  sum: number | null;
  count: number | null;
}

/** What status and aggregation accept: an observation, or a combined value with `complete`. */
export type ValueInput = ValueNumbers & { state: ValueState; complete?: boolean };

// ---------------------------------------------------------------------------------------------
// Validation

export type IndicatorProblemCode =
  | 'invalid_period'
  | 'invalid_state'
  | 'value_required'
  | 'not_a_number'
  | 'negative_value'
  | 'not_whole_number'
  | 'yes_no_not_0_1'
  | 'numerator_exceeds_denominator'
  | 'denominator_zero'
  | 'percentage_out_of_range'
  | 'unexpected_value'
  | 'unknown_breakdown'
  | 'unknown_breakdown_value'
  | 'duplicate_observation';

export interface IndicatorProblem {
  path: string;
  code: IndicatorProblemCode;
  params?: Record<string, unknown>;
}

type Field = keyof ValueNumbers;
const FIELDS: readonly Field[] = ['value', 'numerator', 'denominator', 'sum', 'count'];
const FIELDS_OF: Record<IndicatorKind, readonly Field[]> = {
  count: ['value'],
  percentage: ['numerator', 'denominator'],
  average: ['sum', 'count'],
  yes_no: ['value'],
};

const isPresent = (x: unknown): boolean => x !== undefined && x !== null;
const isFiniteNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** The checks on the numbers a kind needs; fields of other kinds are not looked at. */
function numberProblems(kind: IndicatorKind, n: ValueNumbers, prefix = ''): IndicatorProblem[] {
  const problems: IndicatorProblem[] = [];
  const ok: Partial<Record<Field, number>> = {};
  for (const f of FIELDS_OF[kind]) {
    const x: unknown = n[f];
    if (!isPresent(x)) problems.push({ path: prefix + f, code: 'value_required', params: { kind } });
    else if (!isFiniteNumber(x)) problems.push({ path: prefix + f, code: 'not_a_number' });
    else ok[f] = x;
  }
  const negative = (f: Field) => {
    const x = ok[f];
    if (x !== undefined && x < 0)
      problems.push({ path: prefix + f, code: 'negative_value', params: { value: x } });
  };
  switch (kind) {
    case 'count':
      negative('value');
      break;
    case 'yes_no':
      if (ok.value !== undefined && ok.value !== 0 && ok.value !== 1)
        problems.push({ path: prefix + 'value', code: 'yes_no_not_0_1', params: { value: ok.value } });
      break;
    case 'percentage': {
      negative('numerator');
      negative('denominator');
      const { numerator: num, denominator: den } = ok;
      if (den === 0) problems.push({ path: prefix + 'denominator', code: 'denominator_zero' });
      if (num !== undefined && den !== undefined && den > 0 && num > den)
        problems.push({
          path: prefix + 'numerator',
          code: 'numerator_exceeds_denominator',
          params: { numerator: num, denominator: den },
        });
      break;
    }
    case 'average':
      negative('count');
      if (ok.count === 0) problems.push({ path: prefix + 'count', code: 'denominator_zero' });
      else if (ok.count !== undefined && ok.count > 0 && !Number.isInteger(ok.count))
        problems.push({ path: prefix + 'count', code: 'not_whole_number', params: { value: ok.count } });
      break;
  }
  return problems;
}

function breakdownProblems(
  def: IndicatorDefinition,
  selection: BreakdownSelection | null | undefined,
  prefix = '',
): IndicatorProblem[] {
  const problems: IndicatorProblem[] = [];
  const defined = def.breakdowns ?? [];
  for (const [key, category] of Object.entries(selection ?? {})) {
    const breakdown = defined.find((b) => b.key === key);
    if (!breakdown)
      problems.push({
        path: `${prefix}breakdown.${key}`,
        code: 'unknown_breakdown',
        params: { breakdown: key, allowed: defined.map((b) => b.key) },
      });
    else if (!breakdown.categories.includes(category))
      problems.push({
        path: `${prefix}breakdown.${key}`,
        code: 'unknown_breakdown_value',
        params: { breakdown: key, value: category, allowed: [...breakdown.categories] },
      });
  }
  return problems;
}

function periodProblems(period: unknown, prefix = ''): IndicatorProblem[] {
  return typeof period === 'string' && parsePeriodKey(period)
    ? []
    : [{ path: `${prefix}period`, code: 'invalid_period', params: { value: period } }];
}

/**
 * Everything wrong with one observation, as field paths with codes. A value must carry exactly
 * the numbers its kind needs (a percentage is entered as numerator and denominator, never as
 * the percentage); a missing or suppressed observation must carry no numbers at all, so a
 * stray 0 cannot pass for data.
 */
export function validateObservation(
  def: IndicatorDefinition,
  observation: Observation,
  prefix = '',
): IndicatorProblem[] {
  const problems = [
    ...periodProblems(observation.period, prefix),
    ...breakdownProblems(def, observation.breakdown, prefix),
  ];
  const state: unknown = observation.state;
  if (!VALUE_STATES.includes(state as ValueState)) {
    problems.push({ path: `${prefix}state`, code: 'invalid_state', params: { value: state } });
    return problems;
  }
  const allowed = state === 'value' ? FIELDS_OF[def.kind] : [];
  for (const f of FIELDS)
    if (!allowed.includes(f) && isPresent(observation[f]))
      problems.push({ path: prefix + f, code: 'unexpected_value', params: { kind: def.kind, state } });
  if (state === 'value') problems.push(...numberProblems(def.kind, observation, prefix));
  return problems;
}

/** validateObservation for each row (paths `3.numerator`), plus rows that repeat a period and breakdown. */
export function validateObservations(
  def: IndicatorDefinition,
  observations: readonly Observation[],
): IndicatorProblem[] {
  const problems: IndicatorProblem[] = [];
  const seen = new Map<string, number>();
  observations.forEach((o, i) => {
    const own = validateObservation(def, o, `${i}.`);
    problems.push(...own);
    const period = typeof o.period === 'string' ? parsePeriodKey(o.period) : null;
    if (!period) return;
    const key = `${formatPeriodKey(period)} ${breakdownKey(o.breakdown)}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else
      problems.push({
        path: `${i}`,
        code: 'duplicate_observation',
        params: { row: first, period: formatPeriodKey(period) },
      });
  });
  return problems;
}

function targetValueProblems(kind: IndicatorKind, value: unknown, path: string): IndicatorProblem[] {
  if (!isPresent(value)) return [{ path, code: 'value_required', params: { kind } }];
  if (!isFiniteNumber(value)) return [{ path, code: 'not_a_number' }];
  if (kind === 'yes_no' && value !== 0 && value !== 1)
    return [{ path, code: 'yes_no_not_0_1', params: { value } }];
  if (kind === 'count' && value < 0) return [{ path, code: 'negative_value', params: { value } }];
  if (kind === 'percentage' && (value < 0 || value > 100))
    return [{ path, code: 'percentage_out_of_range', params: { value } }];
  return [];
}

/**
 * Everything wrong with a target: its period and breakdown, and its value for the kind (yes/no
 * 0 or 1; a count not negative; a percentage 0-100, given in percent; an average anything
 * finite).
 */
export function validateTarget(def: IndicatorDefinition, target: Target, prefix = ''): IndicatorProblem[] {
  return [
    ...periodProblems(target.period, prefix),
    ...breakdownProblems(def, target.breakdown, prefix),
    ...targetValueProblems(def.kind, target.value, `${prefix}value`),
  ];
}

// ---------------------------------------------------------------------------------------------
// Values

type Measure =
  | { kind: 'count'; total: number }
  | { kind: 'percentage'; numerator: number; denominator: number }
  | { kind: 'average'; sum: number; count: number }
  | { kind: 'yes_no'; yes: boolean };

/** The parts of a valid value, or null when the numbers do not pass validation. */
function measureOf(kind: IndicatorKind, n: ValueNumbers): Measure | null {
  if (numberProblems(kind, n).length > 0) return null;
  switch (kind) {
    case 'count':
      return { kind, total: n.value! };
    case 'percentage':
      return { kind, numerator: n.numerator!, denominator: n.denominator! };
    case 'average':
      return { kind, sum: n.sum!, count: n.count! };
    case 'yes_no':
      return { kind, yes: n.value === 1 };
  }
}

/** Parts add up: counts, numerators and denominators, sums and counts; yes/no is yes if either is. */
function addMeasures(a: Measure, b: Measure): Measure {
  if (a.kind === 'count' && b.kind === 'count') return { kind: 'count', total: a.total + b.total };
  if (a.kind === 'percentage' && b.kind === 'percentage')
    return {
      kind: 'percentage',
      numerator: a.numerator + b.numerator,
      denominator: a.denominator + b.denominator,
    };
  if (a.kind === 'average' && b.kind === 'average')
    return { kind: 'average', sum: a.sum + b.sum, count: a.count + b.count };
  if (a.kind === 'yes_no' && b.kind === 'yes_no') return { kind: 'yes_no', yes: a.yes || b.yes };
  throw new TypeError(`cannot add ${a.kind} to ${b.kind}`);
}

const EMPTY: Omit<IndicatorValue, 'state'> = {
  value: null,
  numerator: null,
  denominator: null,
  sum: null,
  count: null,
};

function valueOf(measure: Measure | null, noValueState: ValueState = 'missing'): IndicatorValue {
  if (!measure) return { state: noValueState === 'value' ? 'missing' : noValueState, ...EMPTY };
  switch (measure.kind) {
    case 'count':
      return { ...EMPTY, state: 'value', value: measure.total };
    case 'percentage':
      return {
        ...EMPTY,
        state: 'value',
        value: (measure.numerator * 100) / measure.denominator,
        numerator: measure.numerator,
        denominator: measure.denominator,
      };
    case 'average':
      return {
        ...EMPTY,
        state: 'value',
        value: measure.sum / measure.count,
        sum: measure.sum,
        count: measure.count,
      };
    case 'yes_no':
      return { ...EMPTY, state: 'value', value: measure.yes ? 1 : 0 };
  }
}

/**
 * One observation as a value to show: the percentage or mean divided out. An observation
 * whose numbers fail validation shows as missing, never as zero.
 */
export function toIndicatorValue(def: IndicatorDefinition, observation: ValueInput): IndicatorValue {
  if (observation.state === 'suppressed') return valueOf(null, 'suppressed');
  if (observation.state !== 'value') return valueOf(null, 'missing');
  return valueOf(measureOf(def.kind, observation));
}

/** A canonical text key for a breakdown selection (`''` for the total). */
export function breakdownKey(selection: BreakdownSelection | null | undefined): string {
  const entries = Object.entries(selection ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length === 0 ? '' : JSON.stringify(entries);
}

/** Suppressed when every part without a value was suppressed, otherwise missing. */
function stateWithoutValue(nMissing: number, nSuppressed: number): ValueState {
  return nMissing === 0 && nSuppressed > 0 ? 'suppressed' : 'missing';
}

// ---------------------------------------------------------------------------------------------
// Combining periods

export interface CombineOptions {
  /** Which breakdown to combine; the total when absent. Only observations with exactly this selection count. */
  breakdown?: BreakdownSelection | null;
  /** The plan's dates: needed to roll sub-periods up to the whole period. */
  plan?: DateRange | null;
}

export interface CombinedValue extends IndicatorValue {
  period: string;
  /** False when a sub-period the rule needed had no value (see missingPeriods, suppressedPeriods). */
  complete: boolean;
  /** The observations the value was computed from. */
  usedPeriods: string[];
  /** Sub-periods with no value (none registered, marked missing, or failing validation). */
  missingPeriods: string[];
  suppressedPeriods: string[];
}

interface Node {
  measure: Measure | null;
  complete: boolean;
  used: Period[];
  missing: Period[];
  suppressed: Period[];
}

/**
 * The observations of each breakdown (by {@link breakdownKey}), in their order, grouped once per
 * array: a plan's statuses combine the same observations for every period and category, and
 * keying every observation on every call made that quadratic. An array grown since it was
 * grouped is grouped again.
 */
const groupedObservations = new WeakMap<
  readonly Observation[],
  { length: number; groups: Map<string, Observation[]> }
>();
function observationsByBreakdown(observations: readonly Observation[]): Map<string, Observation[]> {
  const known = groupedObservations.get(observations);
  if (known && known.length === observations.length) return known.groups;
  const groups = new Map<string, Observation[]>();
  for (const o of observations) {
    const key = breakdownKey(o.breakdown);
    const list = groups.get(key);
    if (list) list.push(o);
    else groups.set(key, [o]);
  }
  groupedObservations.set(observations, { length: observations.length, groups });
  return groups;
}

interface ByPeriod {
  byPeriod: Map<string, { suppressed: boolean; measure: Measure | null }>;
  finest: CalendarPeriodKind | null;
}

/**
 * One breakdown's observations by period, each checked and read as a measure once: an
 * indicator's statuses combine the same observations for every period and category, so they are
 * read once per list of observations (and kind) instead of once per call.
 */
const periodsOfObservations = new WeakMap<
  readonly Observation[],
  { length: number; read: Map<string, ByPeriod> }
>();
function observationsByPeriod(
  kind: IndicatorKind,
  observations: readonly Observation[],
  wanted: string,
): ByPeriod {
  let known = periodsOfObservations.get(observations);
  if (!known || known.length !== observations.length) {
    known = { length: observations.length, read: new Map() };
    periodsOfObservations.set(observations, known);
  }
  const key = `${kind}\u0000${wanted}`;
  const cached = known.read.get(key);
  if (cached) return cached;
  const byPeriod: ByPeriod['byPeriod'] = new Map();
  let finest: CalendarPeriodKind | null = null;
  for (const o of observationsByBreakdown(observations).get(wanted) ?? []) {
    const p = typeof o.period === 'string' ? parsePeriodKey(o.period) : null;
    if (!p) continue;
    byPeriod.set(formatPeriodKey(p), {
      suppressed: o.state === 'suppressed',
      measure: o.state === 'value' ? measureOf(kind, o) : null,
    });
    if (p.kind !== 'whole' && (finest === null || periodKindRank(p.kind) > periodKindRank(finest)))
      finest = p.kind;
  }
  const read = { byPeriod, finest };
  known.read.set(key, read);
  return read;
}

/**
 * The indicator's value for a period, from observations of one breakdown.
 *
 * - An observation for exactly the period wins, whatever the rule: a value entered for 2024
 *   stands even when its quarters say otherwise. An exact suppressed observation makes the
 *   result suppressed; it is not rebuilt from its parts, which would undo the suppression. An
 *   exact observation marked missing is as if absent.
 * - Otherwise `non_cumulative` gives missing. `sum` and `latest` go down one level at a time
 *   (whole → the plan's years, halves or quarters; year → halves → quarters), but never finer
 *   than the finest period kind among the observations, so a quarterly indicator names its
 *   missing quarters and a yearly one its missing years.
 * - `sum` adds the parts of every sub-period with a value (counts; numerators and denominators;
 *   sums and counts; yes/no is yes when any sub-period is yes). Sub-periods without a value
 *   are listed, and the result is a partial value (`complete: false`), never padded with 0.
 * - `latest` takes the latest sub-period with a value; when later sub-periods have none the
 *   result is that earlier value, marked incomplete, with the later ones listed.
 * - No sub-period with a value: suppressed when every one without a value is suppressed,
 *   otherwise missing.
 */
export function combinePeriods(
  def: IndicatorDefinition,
  observations: readonly Observation[],
  targetPeriod: PeriodInput,
  options: CombineOptions = {},
): CombinedValue {
  const target = toPeriod(targetPeriod);
  const { byPeriod, finest } = observationsByPeriod(def.kind, observations, breakdownKey(options.breakdown));

  const childrenOf = (p: Period): Period[] => {
    if (def.combine === 'non_cumulative' || finest === null) return [];
    if (p.kind === 'whole') return options.plan ? coverRange(options.plan, finest) : [];
    if (periodKindRank(p.kind) >= periodKindRank(finest)) return [];
    return subPeriods(p);
  };

  const evaluate = (p: Period): Node => {
    const exact = byPeriod.get(formatPeriodKey(p));
    if (exact?.measure)
      return { measure: exact.measure, complete: true, used: [p], missing: [], suppressed: [] };
    if (exact?.suppressed) return { measure: null, complete: false, used: [], missing: [], suppressed: [p] };
    const children = childrenOf(p).map(evaluate);
    if (children.length === 0)
      return { measure: null, complete: false, used: [], missing: [p], suppressed: [] };
    return def.combine === 'latest' ? latestOf(children) : sumOf(children);
  };

  const node = evaluate(target);
  const keys = (ps: Period[]) => [...ps].sort(comparePeriods).map(formatPeriodKey);
  return {
    ...valueOf(node.measure, stateWithoutValue(node.missing.length, node.suppressed.length)),
    period: formatPeriodKey(target),
    complete: node.measure !== null && node.complete,
    usedPeriods: keys(node.used),
    missingPeriods: keys(node.missing),
    suppressedPeriods: keys(node.suppressed),
  };
}

function sumOf(children: Node[]): Node {
  const measures = children.flatMap((c) => (c.measure ? [c.measure] : []));
  const [first, ...rest] = measures;
  return {
    measure: first ? rest.reduce(addMeasures, first) : null,
    complete: children.every((c) => c.measure !== null && c.complete),
    used: children.flatMap((c) => c.used),
    missing: children.flatMap((c) => c.missing),
    suppressed: children.flatMap((c) => c.suppressed),
  };
}

function latestOf(children: Node[]): Node {
  for (let i = children.length - 1; i >= 0; i--) {
    const chosen = children[i]!;
    if (!chosen.measure) continue;
    const later = children.slice(i + 1);
    return {
      measure: chosen.measure,
      complete: chosen.complete && later.length === 0,
      used: chosen.used,
      missing: [...chosen.missing, ...later.flatMap((c) => c.missing)],
      suppressed: [...chosen.suppressed, ...later.flatMap((c) => c.suppressed)],
    };
  }
  return sumOf(children);
}

// ---------------------------------------------------------------------------------------------
// Combining breakdowns

export interface BreakdownTotal extends IndicatorValue {
  period: string;
  breakdown: string;
  /** False when a category had no value (see missingCategories, suppressedCategories). */
  complete: boolean;
  usedCategories: string[];
  missingCategories: string[];
  suppressedCategories: string[];
}

/**
 * The total across the categories of one breakdown for one period, e.g. all genders within
 * the age band 18-24 (`within: { age: '18-24' }`). Categories are parts of one whole at one
 * time, so they always add up, whatever the indicator's period rule: counts add; numerators
 * and denominators add (a weighted percentage); sums and counts add; yes/no is yes when any
 * category is yes. A category without a value is listed and makes the total partial, as in
 * combinePeriods; with none, the total is suppressed when all were suppressed, else missing.
 * Throws a RangeError when the breakdown is not defined on the indicator.
 */
export function combineBreakdowns(
  def: IndicatorDefinition,
  observations: readonly Observation[],
  options: { period: PeriodInput; breakdown: string; within?: BreakdownSelection | null },
): BreakdownTotal {
  const definition = def.breakdowns?.find((b) => b.key === options.breakdown);
  if (!definition) throw new RangeError(`breakdown not defined on the indicator: ${options.breakdown}`);
  const periodKey = formatPeriodKey(options.period);
  const byKey = new Map<string, Observation>();
  for (const o of observations) {
    const p = typeof o.period === 'string' ? parsePeriodKey(o.period) : null;
    if (p && formatPeriodKey(p) === periodKey) byKey.set(breakdownKey(o.breakdown), o);
  }
  let total: Measure | null = null;
  const used: string[] = [];
  const missing: string[] = [];
  const suppressed: string[] = [];
  for (const category of definition.categories) {
    const o = byKey.get(breakdownKey({ ...options.within, [options.breakdown]: category }));
    const measure = o?.state === 'value' ? measureOf(def.kind, o) : null;
    if (measure) {
      total = total ? addMeasures(total, measure) : measure;
      used.push(category);
    } else if (o?.state === 'suppressed') suppressed.push(category);
    else missing.push(category);
  }
  return {
    ...valueOf(total, stateWithoutValue(missing.length, suppressed.length)),
    period: periodKey,
    breakdown: options.breakdown,
    complete: total !== null && missing.length === 0 && suppressed.length === 0,
    usedCategories: used,
    missingCategories: missing,
    suppressedCategories: suppressed,
  };
}

// ---------------------------------------------------------------------------------------------
// Status against target, progress

export type TargetStatus = 'on_track' | 'ahead' | 'behind' | 'no_data';
export type NoDataReason = 'no_target' | 'invalid_target' | 'missing' | 'suppressed';

export interface StatusResult {
  status: TargetStatus;
  /** Why there is no status; null when there is one. */
  reason: NoDataReason | null;
  /** The value was computed from some sub-periods or categories only (`complete: false`). */
  partial: boolean;
  /** Value ÷ target (1 = exactly on target); null without a status or when the target is 0. */
  shareOfTarget: number | null;
}

/** On track within ±15 % of the target, both ends included. */
export const ON_TRACK_PERCENT = 15;

/**
 * Where a value stands against the period's target.
 *
 * - `no_data` without a target (or with one that fails validateTarget), or when the value is
 *   missing, suppressed or invalid; the reason says which, the target being looked at first.
 * - `on_track` when the value lies within ±15 % of the target, boundaries included: against a
 *   target of 1,000, both 850 and 1,150 are on track, 849 and 1,151 are not. For percentages
 *   the band is 15 % of the target, not 15 percentage points: a target of 60 % is on track from
 *   51 % to 69 %. A negative target (an average change) uses 15 % of its size.
 * - Outside the band: `ahead` on the better side (above for higher-is-better, below for
 *   lower-is-better), `behind` on the other.
 * - A target of 0 leaves a band of width 0: exactly 0 is on track; above is ahead for
 *   higher-is-better and behind for lower-is-better (and the other way round below 0).
 * - Yes/no: on track when the value equals the target; otherwise ahead or behind by direction
 *   (for higher-is-better, yes against a target of no is ahead).
 * - A partial value still gets a status, flagged `partial`, so the caller can say "based on
 *   three of four quarters".
 * Comparisons allow one part in 10^12 for binary fractions (0.15 × 33.3).
 */
export function statusAgainstTarget(
  def: IndicatorDefinition,
  value: ValueInput | null | undefined,
  target: number | null | undefined,
): StatusResult {
  const noData = (reason: NoDataReason): StatusResult => ({
    status: 'no_data',
    reason,
    partial: false,
    shareOfTarget: null,
  });
  if (!isPresent(target)) return noData('no_target');
  if (targetValueProblems(def.kind, target, 'target').length > 0) return noData('invalid_target');
  const t = target as number;
  if (!value || value.state === 'missing') return noData('missing');
  if (value.state === 'suppressed') return noData('suppressed');
  const shown = value.state === 'value' ? valueOf(measureOf(def.kind, value)).value : null;
  if (shown === null) return noData('missing');

  const better = def.direction === 'higher_is_better' ? 1 : -1;
  let status: TargetStatus;
  if (def.kind === 'yes_no') {
    status = shown === t ? 'on_track' : Math.sign(shown - t) === better ? 'ahead' : 'behind';
  } else {
    const diff = shown - t;
    const band = (ON_TRACK_PERCENT * Math.abs(t)) / 100;
    const slack = 1e-12 * Math.max(Math.abs(shown), Math.abs(t));
    if (Math.abs(diff) <= band + slack) status = 'on_track';
    else status = Math.sign(diff) === better ? 'ahead' : 'behind';
  }
  return {
    status,
    reason: null,
    partial: value.complete === false,
    shareOfTarget: t === 0 ? null : shown / t,
  };
}

/**
 * Share of the way from baseline to target: 0 at the baseline, 1 at the target, above 1 past
 * it, below 0 when the value moved away. Works for either direction (baseline 40 %, target
 * 30 %, value 35 % is 0.5). Null when any number is absent or not finite, or when target equals
 * baseline (there is no way to go).
 */
export function progress(
  baseline: number | null | undefined,
  value: number | null | undefined,
  target: number | null | undefined,
): number | null {
  if (!isFiniteNumber(baseline) || !isFiniteNumber(value) || !isFiniteNumber(target)) return null;
  if (target === baseline) return null;
  return (value - baseline) / (target - baseline);
}

// ---------------------------------------------------------------------------------------------
// Portfolio aggregation

export interface AggregateResult extends IndicatorValue {
  /** Values that went in. */
  n: number;
  /** Absent, missing or invalid values: left out, not counted as zero. */
  nMissing: number;
  nSuppressed: number;
  /** Values that went in but were themselves partial (`complete: false`). */
  nPartial: number;
}

/**
 * One indicator across plans (a focus area, pool, municipality, period). Counts are summed;
 * percentages are weighted by their denominators (Σ numerators ÷ Σ denominators), never an
 * average of percentages; averages are Σ sums ÷ Σ counts; yes/no gives the number of yes as
 * `numerator`, the number of answers as `denominator` and the share of yes in percent as
 * `value`. Missing and suppressed values are counted apart and left out. With no value at all
 * the result is suppressed when every one without a value was suppressed, otherwise missing.
 */
export function aggregate(
  def: IndicatorDefinition,
  values: readonly (ValueInput | null | undefined)[],
): AggregateResult {
  let total: Measure | null = null;
  let n = 0;
  let nMissing = 0;
  let nSuppressed = 0;
  let nPartial = 0;
  let yes = 0;
  for (const v of values) {
    if (v?.state === 'suppressed') {
      nSuppressed++;
      continue;
    }
    const measure = v?.state === 'value' ? measureOf(def.kind, v) : null;
    if (!v || !measure) {
      nMissing++;
      continue;
    }
    n++;
    if (v.complete === false) nPartial++;
    if (measure.kind === 'yes_no') {
      if (measure.yes) yes++;
    } else total = total ? addMeasures(total, measure) : measure;
  }
  const counts = { n, nMissing, nSuppressed, nPartial };
  if (n === 0) return { ...valueOf(null, stateWithoutValue(nMissing, nSuppressed)), ...counts };
  if (def.kind === 'yes_no')
    return { ...EMPTY, state: 'value', value: (yes * 100) / n, numerator: yes, denominator: n, ...counts };
  return { ...valueOf(total), ...counts };
}
