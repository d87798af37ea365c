import type { Locale } from '@pejling/contracts';

/**
 * Reporting periods of a results framework: the plan's whole period and calendar years, halves
 * and quarters. Dates are ISO calendar dates (YYYY-MM-DD), so text order is date order; ranges
 * include both ends. A timestamp must be turned into a Danish calendar date before it gets here
 * (a registration at 23:30 UTC on 31 March is on 1 April in Denmark).
 *
 * Keys: `whole`, `2024`, `2024-H1`, `2024-Q3`. Parsing accepts lower case and surrounding
 * spaces; formatting always gives the canonical form.
 */
export type CalendarPeriodKind = 'year' | 'half' | 'quarter';
export type PeriodKind = 'whole' | CalendarPeriodKind;

export type Period =
  | { kind: 'whole' }
  | { kind: 'year'; year: number }
  | { kind: 'half'; year: number; half: 1 | 2 }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 };

/** A period or its key. Functions taking one throw a RangeError on a key that does not parse. */
export type PeriodInput = Period | string;

export interface DateRange {
  start: string;
  end: string;
}

/** Coarse to fine: the whole period, then year, half, quarter. */
const KIND_RANK: Record<PeriodKind, number> = { whole: 0, year: 1, half: 2, quarter: 3 };

export function periodKindRank(kind: PeriodKind): number {
  return KIND_RANK[kind];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function assertIsoDate(value: string): void {
  if (!isIsoDate(value)) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${value}`);
}

const KEY = /^(\d{4})(?:-([HQ])(\d))?$/;

/** Null when the key is not `whole`, `YYYY`, `YYYY-H1|H2` or `YYYY-Q1…Q4`. */
export function parsePeriodKey(key: string): Period | null {
  const text = key.trim().toUpperCase();
  if (text === 'WHOLE') return { kind: 'whole' };
  const m = KEY.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1000) return null;
  if (!m[2]) return { kind: 'year', year };
  const n = Number(m[3]);
  if (m[2] === 'H') return n === 1 || n === 2 ? { kind: 'half', year, half: n } : null;
  return n >= 1 && n <= 4 ? { kind: 'quarter', year, quarter: n as 1 | 2 | 3 | 4 } : null;
}

export function formatPeriodKey(period: PeriodInput): string {
  const p = toPeriod(period);
  switch (p.kind) {
    case 'whole':
      return 'whole';
    case 'year':
      return String(p.year);
    case 'half':
      return `${p.year}-H${p.half}`;
    case 'quarter':
      return `${p.year}-Q${p.quarter}`;
  }
}

export function toPeriod(period: PeriodInput): Period {
  if (typeof period !== 'string') return period;
  const p = parsePeriodKey(period);
  if (!p) throw new RangeError(`not a period key: ${period}`);
  return p;
}

/**
 * First and last day of a period. The whole period's dates are the plan's, so without them it
 * has none (null).
 */
export function periodRange(period: PeriodInput, plan?: DateRange | null): DateRange | null {
  const p = toPeriod(period);
  switch (p.kind) {
    case 'whole':
      return plan ? { start: plan.start, end: plan.end } : null;
    case 'year':
      return { start: `${p.year}-01-01`, end: `${p.year}-12-31` };
    case 'half':
      return p.half === 1
        ? { start: `${p.year}-01-01`, end: `${p.year}-06-30` }
        : { start: `${p.year}-07-01`, end: `${p.year}-12-31` };
    case 'quarter': {
      const ends = ['03-31', '06-30', '09-30', '12-31'] as const;
      const startMonth = String(p.quarter * 3 - 2).padStart(2, '0');
      return { start: `${p.year}-${startMonth}-01`, end: `${p.year}-${ends[p.quarter - 1]}` };
    }
  }
}

/** The year, half or quarter a date falls in. */
export function periodContaining(date: string, kind: CalendarPeriodKind): Period {
  assertIsoDate(date);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (kind === 'year') return { kind, year };
  if (kind === 'half') return { kind, year, half: month <= 6 ? 1 : 2 };
  return { kind, year, quarter: Math.ceil(month / 3) as 1 | 2 | 3 | 4 };
}

/** The calendar period right after this one (same kind). */
export function nextPeriod(period: PeriodInput): Period {
  return shiftPeriod(period, 1);
}

/** The calendar period right before this one (same kind). */
export function previousPeriod(period: PeriodInput): Period {
  return shiftPeriod(period, -1);
}

function shiftPeriod(period: PeriodInput, by: 1 | -1): Period {
  const p = toPeriod(period);
  switch (p.kind) {
    case 'whole':
      throw new RangeError('the whole period has no neighbours');
    case 'year':
      return { kind: 'year', year: p.year + by };
    case 'half': {
      const i = p.year * 2 + (p.half - 1) + by;
      return { kind: 'half', year: Math.floor(i / 2), half: ((i % 2) + 1) as 1 | 2 };
    }
    case 'quarter': {
      const i = p.year * 4 + (p.quarter - 1) + by;
      return { kind: 'quarter', year: Math.floor(i / 4), quarter: ((i % 4) + 1) as 1 | 2 | 3 | 4 };
    }
  }
}

/**
 * Every period of a kind that shares at least one day with [start, end], in order: 15 Feb to
 * 10 Jul 2024 in quarters is Q1, Q2, Q3. Empty when end is before start.
 */
export function periodsBetween(start: string, end: string, kind: CalendarPeriodKind): Period[] {
  assertIsoDate(start);
  assertIsoDate(end);
  const out: Period[] = [];
  if (end < start) return out;
  for (let p = periodContaining(start, kind); periodRange(p)!.start <= end; p = nextPeriod(p)) out.push(p);
  return out;
}

/** True when every day of the period lies in the range (the whole period needs the plan's dates). */
export function isPeriodWithin(period: PeriodInput, range: DateRange, plan?: DateRange | null): boolean {
  const r = periodRange(period, plan);
  return r !== null && r.start >= range.start && r.end <= range.end;
}

/** True when the period and the range share at least one day. */
export function periodOverlaps(period: PeriodInput, range: DateRange, plan?: DateRange | null): boolean {
  const r = periodRange(period, plan);
  return r !== null && r.start <= range.end && r.end >= range.start;
}

/**
 * The periods one level down (year → halves, half → quarters, whole → the years the plan
 * touches), or all periods of a finer `kind` inside it (year → four quarters). A quarter has
 * none; so has the whole period without the plan's dates. A plan from 1 Jul 2019 to 30 Jun 2023
 * has the years 2019 to 2023 as sub-periods, the first and last only in part.
 */
export function subPeriods(
  period: PeriodInput,
  options: { kind?: CalendarPeriodKind; plan?: DateRange | null } = {},
): Period[] {
  const p = toPeriod(period);
  const kind = options.kind ?? nextKind(p.kind);
  if (!kind || KIND_RANK[kind] <= KIND_RANK[p.kind]) return [];
  const r = periodRange(p, options.plan);
  return r ? periodsBetween(r.start, r.end, kind) : [];
}

function nextKind(kind: PeriodKind): CalendarPeriodKind | null {
  return kind === 'whole' ? 'year' : kind === 'year' ? 'half' : kind === 'half' ? 'quarter' : null;
}

/**
 * The fewest calendar periods, none finer than `finest`, that together cover the range: whole
 * years where the range holds them, then halves, then quarters. Where the range starts or ends
 * inside a period of the finest kind, that period is included whole. 1 Jul 2019 to 30 Jun 2021
 * with quarters as the finest kind is 2019-H2, 2020, 2021-H1; with years, 2019, 2020, 2021.
 */
export function coverRange(range: DateRange, finest: CalendarPeriodKind): Period[] {
  const out: Period[] = [];
  const cover = (p: Period): void => {
    if (isPeriodWithin(p, range) || p.kind === finest) {
      out.push(p);
      return;
    }
    for (const sub of subPeriods(p)) if (periodOverlaps(sub, range)) cover(sub);
  };
  for (const year of periodsBetween(range.start, range.end, 'year')) cover(year);
  return out;
}

/**
 * True when `inner` is a finer period whose days all lie in `outer`: 2024-Q3 is inside 2024-H2
 * and 2024; a year is inside the whole period when it lies in the plan's dates.
 */
export function isSubPeriodOf(inner: PeriodInput, outer: PeriodInput, plan?: DateRange | null): boolean {
  const i = toPeriod(inner);
  const o = toPeriod(outer);
  if (KIND_RANK[i.kind] <= KIND_RANK[o.kind]) return false;
  const r = periodRange(o, plan);
  return r !== null && isPeriodWithin(i, r);
}

/**
 * Chronological order: the whole period first, then by first day; a period before the finer
 * ones that start on the same day (2024, 2024-H1, 2024-Q1, 2024-Q2, 2024-H2, 2024-Q3).
 */
export function comparePeriods(a: PeriodInput, b: PeriodInput): number {
  const pa = toPeriod(a);
  const pb = toPeriod(b);
  if (pa.kind === 'whole' || pb.kind === 'whole')
    return (pa.kind === 'whole' ? 0 : 1) - (pb.kind === 'whole' ? 0 : 1);
  const sa = periodRange(pa)!.start;
  const sb = periodRange(pb)!.start;
  if (sa !== sb) return sa < sb ? -1 : 1;
  return KIND_RANK[pa.kind] - KIND_RANK[pb.kind];
}

/** As comparePeriods on keys; keys that do not parse sort after all others, by text. */
export function comparePeriodKeys(a: string, b: string): number {
  const pa = parsePeriodKey(a);
  const pb = parsePeriodKey(b);
  if (pa && pb) return comparePeriods(pa, pb);
  if (pa) return -1;
  if (pb) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `2024`, `1. halvår 2024`, `3. kvartal 2024`, `Hele perioden`; in English `H1 2024`, `Q3 2024`. */
export function periodLabel(period: PeriodInput, locale: Locale): string {
  const p = toPeriod(period);
  const da = locale === 'da';
  switch (p.kind) {
    case 'whole':
      return da ? 'Hele perioden' : 'Whole period';
    case 'year':
      return String(p.year);
    case 'half':
      return da ? `${p.half}. halvår ${p.year}` : `H${p.half} ${p.year}`;
    case 'quarter':
      return da ? `${p.quarter}. kvartal ${p.year}` : `Q${p.quarter} ${p.year}`;
  }
}

const copenhagen = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Denmark (YYYY-MM-DD): what "today" means to the plans, whatever the server's clock zone. */
export function todayInDenmark(now: Date = new Date()): string {
  return copenhagen.format(now);
}
