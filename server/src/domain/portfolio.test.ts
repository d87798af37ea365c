import { describe, expect, it } from 'vitest';
import type { IndicatorDefinition } from './indicators.js';
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
} from './portfolio.js';

const count: IndicatorDefinition = { kind: 'count', direction: 'higher_is_better', combine: 'sum' };
const pct: IndicatorDefinition = { kind: 'percentage', direction: 'higher_is_better', combine: 'latest' };
const avg: IndicatorDefinition = { kind: 'average', direction: 'higher_is_better', combine: 'latest' };
const yesNo: IndicatorDefinition = { kind: 'yes_no', direction: 'higher_is_better', combine: 'latest' };

describe('aggregatePlans', () => {
  it('sums counts and their targets', () => {
    // Three plans: 120 (target 100), 80 (target 100), 45 (target 60). Whole: 245 against 260:
    // 245 / 260 = 94 %, within ±15 %, on track.
    const r = aggregatePlans(count, '2025', [
      { value: { state: 'value', value: 120 }, target: 100 },
      { value: { state: 'value', value: 80 }, target: 100 },
      { value: { state: 'value', value: 45 }, target: 60 },
    ]);
    expect(r).toMatchObject({ value: 245, n: 3, target: 260, status: 'on_track', state: 'value' });
  });

  it('weights percentages by their denominators, never averages the percentages', () => {
    // Plan A: 30 of 50 in work (60 %), target 70 %. Plan B: 10 of 200 (5 %), target 10 %.
    // Average of percentages would be 32.5 %; the weighted share is 40 / 250 = 16 %.
    // Target weighted the same way: (70 × 50 + 10 × 200) / 250 = 5500 / 250 = 22 %.
    // 16 against 22: 16 / 22 = 0.727, below the 15 % band: behind.
    const r = aggregatePlans(pct, '2025', [
      { value: { state: 'value', numerator: 30, denominator: 50 }, target: 70 },
      { value: { state: 'value', numerator: 10, denominator: 200 }, target: 10 },
    ]);
    expect(r.value).toBeCloseTo(16, 10);
    expect(r.numerator).toBe(40);
    expect(r.denominator).toBe(250);
    expect(r.target).toBeCloseTo(22, 10);
    expect(r.status).toBe('behind');
  });

  it('weights averages by their counts', () => {
    // A: sum 40 over 10 answers (4.0), target 4.5. B: sum 90 over 30 answers (3.0), target 3.5.
    // Whole: 130 / 40 = 3.25; target (4.5 × 10 + 3.5 × 30) / 40 = 150 / 40 = 3.75.
    const r = aggregatePlans(avg, '2025', [
      { value: { state: 'value', sum: 40, count: 10 }, target: 4.5 },
      { value: { state: 'value', sum: 90, count: 30 }, target: 3.5 },
    ]);
    expect(r.value).toBeCloseTo(3.25, 10);
    expect(r.target).toBeCloseTo(3.75, 10);
  });

  it('counts missing and suppressed values apart and leaves them out, never as 0', () => {
    const r = aggregatePlans(count, '2025', [
      { value: { state: 'value', value: 10 }, target: 10 },
      { value: { state: 'suppressed' }, target: 10 },
      { value: { state: 'missing' }, target: 10 },
      { value: null, target: null },
    ]);
    expect(r).toMatchObject({ value: 10, n: 1, nSuppressed: 1, nMissing: 2, target: 10 });
  });

  it('gives no combined target when a plan that went in has none', () => {
    const r = aggregatePlans(count, '2025', [
      { value: { state: 'value', value: 10 }, target: 10 },
      { value: { state: 'value', value: 5 }, target: null },
    ]);
    expect(r.target).toBeNull();
    expect(r.status).toBe('no_data');
  });

  it('is suppressed when every value was suppressed, missing when none was given', () => {
    expect(aggregatePlans(count, '2025', [{ value: { state: 'suppressed' }, target: 1 }]).state).toBe(
      'suppressed',
    );
    expect(aggregatePlans(count, '2025', []).state).toBe('missing');
  });

  it('counts partial values and yes/no as the share of yes', () => {
    const r = aggregatePlans(yesNo, '2025', [
      { value: { state: 'value', value: 1, complete: false }, target: 1 },
      { value: { state: 'value', value: 0 }, target: 1 },
      { value: { state: 'value', value: 1 }, target: 1 },
    ]);
    expect(r.nPartial).toBe(1);
    expect(r.numerator).toBe(2);
    expect(r.denominator).toBe(3);
    expect(r.target).toBeNull();
  });
});

describe('portfolioPeriods and yearWindow', () => {
  it('lists years, halves and quarters', () => {
    expect(portfolioPeriods('year', 2023, 2025)).toEqual(['2023', '2024', '2025']);
    expect(portfolioPeriods('half', 2025, 2025)).toEqual(['2025-H1', '2025-H2']);
    expect(portfolioPeriods('quarter', 2025, 2025)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
  });

  it('defaults to the last four years within the grants', () => {
    expect(yearWindow({}, { startYear: 2019, endYear: 2026 }, 2026)).toEqual({
      fromYear: 2023,
      toYear: 2026,
    });
    expect(yearWindow({}, { startYear: 2007, endYear: 2010 }, 2026)).toEqual({
      fromYear: 2007,
      toYear: 2010,
    });
    expect(yearWindow({}, { startYear: 2025, endYear: 2028 }, 2026)).toEqual({
      fromYear: 2025,
      toYear: 2026,
    });
  });

  it('refuses years outside every grant and reversed years', () => {
    expect(yearWindow({ fromYear: 2001, toYear: 2003 }, { startYear: 2007, endYear: 2010 }, 2026)).toEqual({
      code: 'period_outside_grants',
      params: { from: 2001, to: 2003, start: 2007, end: 2010 },
    });
    expect(
      yearWindow({ fromYear: 2025, toYear: 2020 }, { startYear: 2007, endYear: 2030 }, 2026),
    ).toMatchObject({
      code: 'years_reversed',
    });
    expect(yearWindow({}, null, 2026)).toEqual({ fromYear: 2023, toYear: 2026 });
    expect(yearWindow({ fromYear: 2001 }, null, 2026)).toEqual({ fromYear: 2001, toYear: 2004 });
    expect(yearWindow({ fromYear: 2009 }, { startYear: 2007, endYear: 2010 }, 2026)).toEqual({
      fromYear: 2009,
      toYear: 2010,
    });
  });
});

describe('lateReports', () => {
  const plan = { status: 'active', periodStart: '2023-01-01', periodEnd: '2026-12-31' };
  it('owes a report per ended year, due 31 March after, counted in days', () => {
    // Today 2026-11-27: 2023 and 2024 and 2025 have ended; 2025's was due 2026-03-31, 241 days ago.
    const late = lateReports(
      plan,
      [
        { period: '2023', status: 'sent' },
        { period: '2024-H2', status: 'approved' },
      ],
      '2026-11-27',
    );
    expect(late).toEqual([{ year: 2025, due: '2026-03-31', daysLate: 241 }]);
  });
  it('does not count drafts and submitted reports, and not before the due day', () => {
    expect(
      lateReports(plan, [{ period: '2025', status: 'submitted' }], '2026-03-31').map((l) => l.year),
    ).toEqual([2023, 2024]);
    expect(lateReports({ ...plan, status: 'draft' }, [], '2026-11-27')).toEqual([]);
  });
  it('counts days across a leap day', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });
});

describe('grantTime', () => {
  it('gives whole months left and the share gone by', () => {
    // 2023-01-01 to 2026-12-31 is 1460 days; 2024-12-31 is 730 days in: half.
    expect(grantTime({ start: '2023-01-01', end: '2026-12-31' }, '2024-12-31')).toEqual({
      monthsLeft: 24,
      elapsed: 0.5,
    });
    expect(grantTime({ start: '2023-01-01', end: '2026-12-31' }, '2027-05-01')).toEqual({
      monthsLeft: 0,
      elapsed: 1,
    });
    expect(grantTime({ start: '2027-01-01', end: '2030-12-31' }, '2026-11-27').elapsed).toBe(0);
    expect(grantTime({ start: null, end: null }, '2026-11-27')).toEqual({ monthsLeft: null, elapsed: null });
  });
});

describe('ranking', () => {
  it('ranks by direction, shares equal ranks, leaves plans without a value out', () => {
    expect(rankValues('higher_is_better', [10, null, 30, 10])).toEqual([2, null, 1, 2]);
    expect(rankValues('lower_is_better', [10, null, 30, 10])).toEqual([1, null, 3, 1]);
  });
  it('names what a value rests on', () => {
    expect(observationsOf('percentage', { state: 'value', denominator: 12, count: null }, 1)).toBe(12);
    expect(observationsOf('average', { state: 'value', denominator: null, count: 7 }, 1)).toBe(7);
    expect(observationsOf('count', { state: 'value', denominator: null, count: null }, 4)).toBe(4);
    expect(observationsOf('count', { state: 'missing', denominator: null, count: null }, 0)).toBe(0);
  });
});

describe('aggregateByPlan', () => {
  it('counts a plan with two linked indicators once, with their sum', () => {
    // Plan A links jobcafé (197, target 200) and lektiecafé (154, target 150); plan B one (40, target 50).
    // A's part: 351 against 350; the whole: 391 against 400, from n = 2 plans.
    const r = aggregateByPlan(count, '2009', [
      { planId: 'A', value: { state: 'value', value: 197 }, target: 200 },
      { planId: 'A', value: { state: 'value', value: 154 }, target: 150 },
      { planId: 'B', value: { state: 'value', value: 40 }, target: 50 },
    ]);
    expect(r).toMatchObject({ value: 391, n: 2, target: 400, nPartial: 0 });
  });
  it('makes a plan partial when one of its indicators has no value, and combines percentages by their parts', () => {
    const r = aggregateByPlan(pct, '2009', [
      { planId: 'A', value: { state: 'value', numerator: 10, denominator: 20 }, target: 60 },
      { planId: 'A', value: { state: 'missing' }, target: 60 },
      { planId: 'B', value: { state: 'value', numerator: 30, denominator: 60 }, target: 40 },
    ]);
    // A: 10 of 20 (partial); whole 40 / 80 = 50 %; target (60 × 20 + 40 × 60) / 80 = 45 %.
    expect(r).toMatchObject({ value: 50, n: 2, nPartial: 1, nMissing: 0 });
    expect(r.target).toBeCloseTo(45, 10);
  });
  it('keeps a plan whose indicators are all suppressed as suppressed', () => {
    const r = aggregateByPlan(count, '2009', [
      { planId: 'A', value: { state: 'suppressed' }, target: 1 },
      { planId: 'A', value: { state: 'suppressed' }, target: 1 },
    ]);
    expect(r).toMatchObject({ state: 'suppressed', n: 0, nSuppressed: 1 });
  });
});
