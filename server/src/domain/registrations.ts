/**
 * Registrations and pseudonymous participants as the source of indicator values, and when an
 * activity's registrations are overdue. Pure: the caller passes the plan's data in.
 *
 * An indicator whose data source is registrations counts one measure over the activities that
 * serve its goal (or a goal below it):
 *
 * | measure        | count kind                                   | average kind                    | percentage kind                                         |
 * | -------------- | -------------------------------------------- | ------------------------------- | ------------------------------------------------------- |
 * | `participants` | participants summed over the registrations   | participants per registration   | —                                                       |
 * | `sessions`     | registrations                                | —                               | —                                                       |
 * | `hours`        | hours summed                                 | hours per registration with hours | —                                                     |
 * | `enrolled`     | distinct participants enrolled in the period | —                               | —                                                       |
 * | `outcome`      | distinct participants with the outcome       | —                               | of those enrolled in the period, the share with the outcome |
 *
 * A period with nothing to count from (no registration, or for the participant measures no
 * enrolment) has no value: it is `missing`, never 0. A period with registrations but no hours
 * recorded has no hours value either. Yes/no indicators are not computed from registrations.
 */
import type { IndicatorKind } from './indicators.js';
import type { DateRange } from './periods.js';

export const REGISTRATION_MEASURES = ['participants', 'sessions', 'hours', 'enrolled', 'outcome'] as const;
export type RegistrationMeasure = (typeof REGISTRATION_MEASURES)[number];

export const OUTCOME_KINDS = [
  'started_education',
  'completed_education',
  'got_job',
  'got_leisure_job',
  'joined_association',
  'left_programme',
  'other',
] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/** Which indicator kinds each measure can fill. */
export const MEASURE_KINDS: Record<RegistrationMeasure, readonly IndicatorKind[]> = {
  participants: ['count', 'average'],
  sessions: ['count'],
  hours: ['count', 'average'],
  enrolled: ['count'],
  outcome: ['count', 'percentage'],
};

export function measureFits(measure: RegistrationMeasure, kind: IndicatorKind): boolean {
  return MEASURE_KINDS[measure].includes(kind);
}

export interface RegistrationFact {
  activityId: string;
  date: string;
  participants: number;
  /** Breakdown key → category → participants of that category. */
  counts: Readonly<Record<string, Readonly<Record<string, number>>>>;
  hours: number | null;
}
export interface EnrolmentFact {
  participantId: string;
  activityId: string;
  startedOn: string;
  endedOn: string | null;
}
export interface OutcomeFact {
  participantId: string;
  kind: string;
  date: string;
}

export interface ComputeInput {
  kind: IndicatorKind;
  measure: RegistrationMeasure;
  outcomeKind: string | null;
  breakdowns: readonly { key: string; categories: readonly string[] }[];
  /** The activities whose registrations and enrolments count. */
  activityIds: ReadonlySet<string>;
  registrations: readonly RegistrationFact[];
  enrolments: readonly EnrolmentFact[];
  outcomes: readonly OutcomeFact[];
}

export interface ComputedObservation {
  period: string;
  breakdown: Record<string, string> | null;
  state: 'value' | 'missing';
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  sum: number | null;
  count: number | null;
}

const within = (date: string, r: DateRange) => date >= r.start && date <= r.end;
const overlaps = (start: string, end: string | null, r: DateRange) =>
  start <= r.end && (end ?? '9999-12-31') >= r.start;

function observation(period: string, breakdown: Record<string, string> | null): ComputedObservation {
  return {
    period,
    breakdown,
    state: 'missing',
    value: null,
    numerator: null,
    denominator: null,
    sum: null,
    count: null,
  };
}

/**
 * The indicator's observations for each given period (key and date range): the total, and for
 * `participants` counts also one per breakdown category that any registration in the period
 * counted.
 */
export function computeObservations(
  input: ComputeInput,
  periods: readonly { key: string; range: DateRange }[],
): ComputedObservation[] {
  const regs = input.registrations.filter((r) => input.activityIds.has(r.activityId));
  const enrolments = input.enrolments.filter((e) => input.activityIds.has(e.activityId));
  const out: ComputedObservation[] = [];
  for (const { key, range } of periods) {
    const inPeriod = regs.filter((r) => within(r.date, range));
    const total = observation(key, null);
    out.push(total);
    switch (input.measure) {
      case 'participants': {
        if (inPeriod.length === 0) break;
        const sum = inPeriod.reduce((s, r) => s + r.participants, 0);
        if (input.kind === 'average') setAverage(total, sum, inPeriod.length);
        else setCount(total, sum);
        if (input.kind !== 'count') break;
        for (const b of input.breakdowns) {
          for (const category of b.categories) {
            const counted = inPeriod.filter((r) => r.counts[b.key]?.[category] !== undefined);
            if (counted.length === 0) continue;
            const o = observation(key, { [b.key]: category });
            setCount(
              o,
              counted.reduce((s, r) => s + (r.counts[b.key]?.[category] ?? 0), 0),
            );
            out.push(o);
          }
        }
        break;
      }
      case 'sessions':
        if (inPeriod.length > 0) setCount(total, inPeriod.length);
        break;
      case 'hours': {
        const withHours = inPeriod.filter((r) => r.hours !== null);
        if (withHours.length === 0) break;
        const sum = withHours.reduce((s, r) => s + (r.hours ?? 0), 0);
        if (input.kind === 'average') setAverage(total, sum, withHours.length);
        else setCount(total, round(sum));
        break;
      }
      case 'enrolled':
      case 'outcome': {
        const enrolled = new Set(
          enrolments.filter((e) => overlaps(e.startedOn, e.endedOn, range)).map((e) => e.participantId),
        );
        if (enrolled.size === 0) break;
        if (input.measure === 'enrolled') {
          setCount(total, enrolled.size);
          break;
        }
        const reached = new Set(
          input.outcomes
            .filter(
              (o) => o.kind === input.outcomeKind && within(o.date, range) && enrolled.has(o.participantId),
            )
            .map((o) => o.participantId),
        );
        if (input.kind === 'percentage') {
          total.state = 'value';
          total.numerator = reached.size;
          total.denominator = enrolled.size;
          total.value = round((100 * reached.size) / enrolled.size);
        } else setCount(total, reached.size);
        break;
      }
    }
  }
  return out;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
function setCount(o: ComputedObservation, n: number) {
  o.state = 'value';
  o.value = n;
}
function setAverage(o: ComputedObservation, sum: number, count: number) {
  o.state = 'value';
  o.sum = round(sum);
  o.count = count;
  o.value = round(sum / count);
}

// ---------------------------------------------------------------------------------------------
// Overdue registrations

export type Frequency = 'none' | 'weekly' | 'monthly' | 'quarterly' | 'half_yearly' | 'yearly';

/** The day a registration is next due after `from`: 7 days, or 1, 3, 6 or 12 calendar months later. */
export function nextDue(from: string, frequency: Exclude<Frequency, 'none'>): string {
  const d = new Date(`${from}T00:00:00Z`);
  if (frequency === 'weekly') d.setUTCDate(d.getUTCDate() + 7);
  else {
    const months = { monthly: 1, quarterly: 3, half_yearly: 6, yearly: 12 }[frequency];
    const day = d.getUTCDate();
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() + months);
    const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    d.setUTCDate(Math.min(day, last));
  }
  return d.toISOString().slice(0, 10);
}

export interface OverdueInput {
  status: string;
  frequency: Frequency;
  periodStart: string | null;
  periodEnd: string | null;
  lastRegistration: string | null;
}

/**
 * The date registrations of a running activity have been due since, or null when none is
 * overdue. Due is the last registration (or, before the first, the activity's start) plus the
 * frequency; it is overdue once `today` is past that day. Nothing is due after the activity's
 * end, for activities that are not running, or without a frequency. A running activity with no
 * start and no registration is due from the start (returned as its own marker, `today`).
 */
export function overdueSince(a: OverdueInput, today: string): string | null {
  if (a.status !== 'running' || a.frequency === 'none') return null;
  const from = a.lastRegistration ?? a.periodStart;
  if (!from) return today;
  if (from > today) return null;
  const due = nextDue(from, a.frequency);
  if (a.periodEnd && due > a.periodEnd) return null;
  return today > due ? due : null;
}

// ---------------------------------------------------------------------------------------------
// Participants

/**
 * True when a participant code looks like a CPR number (ddmmyy-xxxx or ten digits with a valid
 * day and month): participants are pseudonymous, so such a code is refused.
 */
export function looksLikeCpr(code: string): boolean {
  const digits = code.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) return false;
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

// ---------------------------------------------------------------------------------------------
// Which activities feed which goals

export interface GoalLink {
  id: string;
  parentId: string | null;
}

/** The goal and every goal above it: an activity serving a goal also serves the goals it leads to. */
export function goalsUpward(goals: readonly GoalLink[], goalIds: Iterable<string>): Set<string> {
  const parent = new Map(goals.map((g) => [g.id, g.parentId]));
  const out = new Set<string>();
  for (const start of goalIds) {
    for (let id: string | null | undefined = start; id && !out.has(id); id = parent.get(id)) out.add(id);
  }
  return out;
}

/** The activities that serve the goal or a goal below it. */
export function activitiesFeeding(
  goals: readonly GoalLink[],
  links: readonly { activityId: string; goalId: string }[],
  goalId: string,
): Set<string> {
  const out = new Set<string>();
  for (const l of links) if (goalsUpward(goals, [l.goalId]).has(goalId)) out.add(l.activityId);
  return out;
}
