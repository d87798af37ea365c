import { describe, expect, it } from 'vitest';
import {
  aggregate,
  breakdownKey,
  combineBreakdowns,
  combinePeriods,
  progress,
  statusAgainstTarget,
  toIndicatorValue,
  validateObservation,
  validateObservations,
  validateTarget,
  type BreakdownSelection,
  type CombineRule,
  type Direction,
  type IndicatorDefinition,
  type IndicatorKind,
  type Observation,
} from './indicators.js';

const BREAKDOWNS = [
  { key: 'gender', categories: ['female', 'male', 'other'] },
  { key: 'age', categories: ['0-17', '18-29', '30+'] },
];

const def = (
  kind: IndicatorKind,
  combine: CombineRule = 'sum',
  direction: Direction = 'higher_is_better',
): IndicatorDefinition => ({ kind, combine, direction, breakdowns: BREAKDOWNS });

const num = (period: string, value: number, breakdown?: BreakdownSelection): Observation => ({
  period,
  state: 'value',
  value,
  breakdown,
});
const pct = (
  period: string,
  numerator: number,
  denominator: number,
  breakdown?: BreakdownSelection,
): Observation => ({
  period,
  state: 'value',
  numerator,
  denominator,
  breakdown,
});
const avg = (period: string, sum: number, count: number, breakdown?: BreakdownSelection): Observation => ({
  period,
  state: 'value',
  sum,
  count,
  breakdown,
});
const missing = (period: string, breakdown?: BreakdownSelection): Observation => ({
  period,
  state: 'missing',
  breakdown,
});
const suppressed = (period: string, breakdown?: BreakdownSelection): Observation => ({
  period,
  state: 'suppressed',
  breakdown,
});

const codes = (problems: { code: string }[]) => problems.map((p) => p.code);

describe('combinePeriods: each kind under each rule, on the quarters of 2024', () => {
  // Participants per quarter: 12, 18, 20, 10.
  const counts = [num('2024-Q1', 12), num('2024-Q2', 18), num('2024-Q3', 20), num('2024-Q4', 10)];
  // Share completing a course per quarter: 12/40, 18/50, 20/60, 10/50.
  const shares = [
    pct('2024-Q1', 12, 40),
    pct('2024-Q2', 18, 50),
    pct('2024-Q3', 20, 60),
    pct('2024-Q4', 10, 50),
  ];
  // Satisfaction 1-5 per quarter as sum/count: 36/10 (3.6), 120/30 (4.0), 42/10 (4.2), 70/20 (3.5).
  const scores = [
    avg('2024-Q1', 36, 10),
    avg('2024-Q2', 120, 30),
    avg('2024-Q3', 42, 10),
    avg('2024-Q4', 70, 20),
  ];
  // Resident board approved the activity plan this quarter: no, yes, no, no.
  const approvals = [num('2024-Q1', 0), num('2024-Q2', 1), num('2024-Q3', 0), num('2024-Q4', 0)];

  describe('sum', () => {
    it('count: 12 + 18 + 20 + 10 = 60 for 2024; 12 + 18 = 30 for H1', () => {
      const year = combinePeriods(def('count'), counts, '2024');
      expect(year).toMatchObject({ state: 'value', value: 60, complete: true, missingPeriods: [] });
      expect(year.usedPeriods).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']);
      expect(combinePeriods(def('count'), counts, '2024-H1').value).toBe(30);
    });

    it('percentage: Q1 12/40, Q2 18/50 → H1 30/90 = 33.3 %, not (30 % + 36 %)/2 = 33 %', () => {
      const h1 = combinePeriods(def('percentage'), shares, '2024-H1');
      expect(h1).toMatchObject({ numerator: 30, denominator: 90, complete: true });
      expect(h1.value).toBeCloseTo(33.333, 3);
      expect(h1.value).not.toBeCloseTo(33, 3);
      // year: (12 + 18 + 20 + 10)/(40 + 50 + 60 + 50) = 60/200 = 30 %
      expect(combinePeriods(def('percentage'), shares, '2024')).toMatchObject({
        numerator: 60,
        denominator: 200,
        value: 30,
      });
    });

    it('average: Q1 36/10, Q2 120/30 → H1 156/40 = 3.9, not (3.6 + 4.0)/2 = 3.8', () => {
      const h1 = combinePeriods(def('average'), scores, '2024-H1');
      expect(h1).toMatchObject({ sum: 156, count: 40, value: 3.9 });
      // year: (36 + 120 + 42 + 70)/(10 + 30 + 10 + 20) = 268/70 = 3.829
      expect(combinePeriods(def('average'), scores, '2024').value).toBeCloseTo(268 / 70, 12);
    });

    it('yes/no: yes in any quarter makes the year yes (no, yes, no, no → yes); all no → no', () => {
      expect(combinePeriods(def('yes_no'), approvals, '2024').value).toBe(1);
      expect(combinePeriods(def('yes_no'), approvals, '2024-H2').value).toBe(0);
    });
  });

  describe('latest', () => {
    it('count: active volunteers 12, 18, 20, 10 → 2024 is Q4 = 10; H1 is Q2 = 18', () => {
      const year = combinePeriods(def('count', 'latest'), counts, '2024');
      expect(year).toMatchObject({ value: 10, complete: true, usedPeriods: ['2024-Q4'] });
      expect(combinePeriods(def('count', 'latest'), counts, '2024-H1').value).toBe(18);
    });

    it('percentage: 2024 is Q4 = 10/50 = 20 %', () => {
      expect(combinePeriods(def('percentage', 'latest'), shares, '2024')).toMatchObject({
        numerator: 10,
        denominator: 50,
        value: 20,
      });
    });

    it('average: H1 is Q2 = 120/30 = 4.0', () => {
      expect(combinePeriods(def('average', 'latest'), scores, '2024-H1')).toMatchObject({
        sum: 120,
        count: 30,
        value: 4,
      });
    });

    it('yes/no: 2024 is Q4 = no, though Q2 was yes', () => {
      expect(combinePeriods(def('yes_no', 'latest'), approvals, '2024').value).toBe(0);
    });
  });

  describe('non_cumulative', () => {
    it('count: only a value for exactly the period counts; quarters are not added up', () => {
      const d = def('count', 'non_cumulative');
      expect(combinePeriods(d, [...counts, num('2024', 55)], '2024')).toMatchObject({
        value: 55,
        usedPeriods: ['2024'],
      });
      expect(combinePeriods(d, counts, '2024')).toMatchObject({
        state: 'missing',
        value: null,
        complete: false,
        missingPeriods: ['2024'],
      });
    });

    it('percentage: 2024 entered as 45/100 = 45 %; H1 without its own value is missing', () => {
      const d = def('percentage', 'non_cumulative');
      expect(combinePeriods(d, [...shares, pct('2024', 45, 100)], '2024').value).toBe(45);
      expect(combinePeriods(d, shares, '2024-H1')).toMatchObject({
        state: 'missing',
        missingPeriods: ['2024-H1'],
      });
    });

    it('average: Q3 = 42/10 = 4.2 as entered', () => {
      expect(combinePeriods(def('average', 'non_cumulative'), scores, '2024-Q3').value).toBe(4.2);
    });

    it('yes/no: 2024 only when entered for the year', () => {
      const d = def('yes_no', 'non_cumulative');
      expect(combinePeriods(d, approvals, '2024').state).toBe('missing');
      expect(combinePeriods(d, [...approvals, num('2024', 1)], '2024').value).toBe(1);
    });
  });
});

describe('combinePeriods: missing and suppressed sub-periods', () => {
  it('sum with Q3 marked missing and Q4 absent: 12 + 18 = 30, partial, Q3 and Q4 named', () => {
    const r = combinePeriods(
      def('count'),
      [num('2024-Q1', 12), num('2024-Q2', 18), missing('2024-Q3')],
      '2024',
    );
    expect(r).toMatchObject({
      state: 'value',
      value: 30,
      complete: false,
      usedPeriods: ['2024-Q1', '2024-Q2'],
      missingPeriods: ['2024-Q3', '2024-Q4'],
      suppressedPeriods: [],
    });
  });

  it('sum with Q2 suppressed: 12 + 20 + 10 = 42, partial, Q2 named as suppressed', () => {
    const obs = [num('2024-Q1', 12), suppressed('2024-Q2'), num('2024-Q3', 20), num('2024-Q4', 10)];
    expect(combinePeriods(def('count'), obs, '2024')).toMatchObject({
      value: 42,
      complete: false,
      missingPeriods: [],
      suppressedPeriods: ['2024-Q2'],
    });
  });

  it('all quarters suppressed: the year is suppressed, not 0', () => {
    const obs = ['Q1', 'Q2', 'Q3', 'Q4'].map((q) => suppressed(`2024-${q}`));
    expect(combinePeriods(def('count'), obs, '2024')).toMatchObject({
      state: 'suppressed',
      value: null,
      suppressedPeriods: ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'],
    });
  });

  it('Q1 suppressed and the rest missing: missing, with both lists', () => {
    const r = combinePeriods(def('count'), [suppressed('2024-Q1'), missing('2024-Q2')], '2024');
    expect(r).toMatchObject({
      state: 'missing',
      value: null,
      suppressedPeriods: ['2024-Q1'],
      missingPeriods: ['2024-Q2', '2024-Q3', '2024-Q4'],
    });
  });

  it('latest with Q4 missing: Q3 = 20, marked incomplete; the earlier gap in Q1 does not matter', () => {
    const obs = [missing('2024-Q1'), num('2024-Q2', 18), num('2024-Q3', 20)];
    expect(combinePeriods(def('count', 'latest'), obs, '2024')).toMatchObject({
      value: 20,
      complete: false,
      usedPeriods: ['2024-Q3'],
      missingPeriods: ['2024-Q4'],
    });
    expect(combinePeriods(def('count', 'latest'), [...obs, num('2024-Q4', 25)], '2024')).toMatchObject({
      value: 25,
      complete: true,
      missingPeriods: [],
    });
  });

  it('latest with Q4 suppressed: Q3 = 20/60 = 33.3 %, incomplete, Q4 named as suppressed', () => {
    const obs = [pct('2024-Q3', 20, 60), suppressed('2024-Q4')];
    const r = combinePeriods(def('percentage', 'latest'), obs, '2024-H2');
    expect(r).toMatchObject({
      numerator: 20,
      denominator: 60,
      complete: false,
      suppressedPeriods: ['2024-Q4'],
    });
  });

  it('latest with nothing at all: missing, every quarter named', () => {
    expect(combinePeriods(def('count', 'latest'), [missing('2024-Q2')], '2024-H1')).toMatchObject({
      state: 'missing',
      missingPeriods: ['2024-Q1', '2024-Q2'],
    });
  });

  it('a value entered for exactly the period wins over its quarters (55, not 12 + 18 + 20 + 10 = 60)', () => {
    const obs = [
      num('2024', 55),
      num('2024-Q1', 12),
      num('2024-Q2', 18),
      num('2024-Q3', 20),
      num('2024-Q4', 10),
    ];
    expect(combinePeriods(def('count'), obs, '2024')).toMatchObject({ value: 55, usedPeriods: ['2024'] });
  });

  it('a suppressed year stays suppressed even when its quarters are known (no rebuilding)', () => {
    const obs = [
      suppressed('2024'),
      num('2024-Q1', 1),
      num('2024-Q2', 2),
      num('2024-Q3', 1),
      num('2024-Q4', 0),
    ];
    expect(combinePeriods(def('count'), obs, '2024')).toMatchObject({
      state: 'suppressed',
      value: null,
      suppressedPeriods: ['2024'],
    });
  });

  it('a year marked missing is rolled up from its quarters', () => {
    const obs = [
      missing('2024'),
      num('2024-Q1', 12),
      num('2024-Q2', 18),
      num('2024-Q3', 20),
      num('2024-Q4', 10),
    ];
    expect(combinePeriods(def('count'), obs, '2024')).toMatchObject({ value: 60, complete: true });
  });

  it('mixes granularities: H1 entered as 30, Q3 20, Q4 10 → 60', () => {
    const obs = [num('2024-H1', 30), num('2024-Q3', 20), num('2024-Q4', 10)];
    expect(combinePeriods(def('count'), obs, '2024')).toMatchObject({
      value: 60,
      complete: true,
      usedPeriods: ['2024-H1', '2024-Q3', '2024-Q4'],
    });
  });

  it('names missing sub-periods at the finest kind registered: yearly data names the year', () => {
    expect(combinePeriods(def('count'), [num('2022', 5), num('2023', 7)], '2024').missingPeriods).toEqual([
      '2024',
    ]);
    // with half-years registered, a missing year is named as its two halves
    expect(combinePeriods(def('count'), [num('2023-H1', 5)], '2024').missingPeriods).toEqual([
      '2024-H1',
      '2024-H2',
    ]);
  });

  it('with no observations at all, the period itself is missing', () => {
    expect(combinePeriods(def('count'), [], '2024-Q1')).toMatchObject({
      state: 'missing',
      missingPeriods: ['2024-Q1'],
      usedPeriods: [],
    });
  });

  it('an invalid observation counts as missing, not as its numbers: Q1 12/40, Q2 60/50 → H1 = 12/40 = 30 %', () => {
    const r = combinePeriods(def('percentage'), [pct('2024-Q1', 12, 40), pct('2024-Q2', 60, 50)], '2024-H1');
    expect(r).toMatchObject({ value: 30, complete: false, missingPeriods: ['2024-Q2'] });
  });

  it('the later of two observations for the same period is used', () => {
    expect(combinePeriods(def('count'), [num('2024-Q1', 12), num('2024-q1', 14)], '2024-Q1').value).toBe(14);
  });
});

describe('combinePeriods: breakdowns and the whole period', () => {
  const obs = [
    num('2024-Q1', 20),
    num('2024-Q1', 12, { gender: 'female' }),
    num('2024-Q1', 8, { gender: 'male' }),
    num('2024-Q2', 25),
    num('2024-Q2', 15, { gender: 'female' }),
  ];

  it('combines one breakdown at a time: total 20 + 25 = 45; female 12 + 15 = 27; male 8, Q2 missing', () => {
    expect(combinePeriods(def('count'), obs, '2024-H1').value).toBe(45);
    expect(combinePeriods(def('count'), obs, '2024-H1', { breakdown: { gender: 'female' } }).value).toBe(27);
    expect(combinePeriods(def('count'), obs, '2024-H1', { breakdown: { gender: 'male' } })).toMatchObject({
      value: 8,
      complete: false,
      missingPeriods: ['2024-Q2'],
    });
  });

  it('whole period of a plan from 1 Jul 2024 to 30 Jun 2026, quarterly: 5 + 5 + 4 × 10 + 10 = 60, 2026-Q2 missing; 2024-Q2 is before the plan', () => {
    const plan = { start: '2024-07-01', end: '2026-06-30' };
    const quarterly = [
      num('2024-Q2', 100),
      num('2024-Q3', 5),
      num('2024-Q4', 5),
      ...['Q1', 'Q2', 'Q3', 'Q4'].map((q) => num(`2025-${q}`, 10)),
      num('2026-Q1', 10),
    ];
    expect(combinePeriods(def('count'), quarterly, 'whole', { plan })).toMatchObject({
      period: 'whole',
      value: 60,
      complete: false,
      missingPeriods: ['2026-Q2'],
    });
  });

  it('whole period, latest, yearly register data: employment 2018-2023 → the 2023 figure, 412/1000 = 41.2 %', () => {
    const plan = { start: '2019-07-01', end: '2023-06-30' };
    const register = [
      pct('2018', 380, 1000),
      pct('2019', 390, 1000),
      pct('2020', 385, 1000),
      pct('2021', 400, 1000),
      pct('2022', 405, 1000),
      pct('2023', 412, 1000),
    ];
    expect(combinePeriods(def('percentage', 'latest'), register, 'whole', { plan })).toMatchObject({
      value: 41.2,
      complete: true,
      usedPeriods: ['2023'],
    });
  });

  it("whole period without the plan's dates: only a value entered for the whole period counts", () => {
    const quarterly = [num('2024-Q1', 5), num('2024-Q2', 5)];
    expect(combinePeriods(def('count'), quarterly, 'whole')).toMatchObject({
      state: 'missing',
      missingPeriods: ['whole'],
    });
    expect(combinePeriods(def('count'), [...quarterly, num('whole', 90)], 'whole').value).toBe(90);
  });
});

describe('combineBreakdowns: totals across categories', () => {
  it('count: female 14 + male 9 = 23, "other" suppressed → partial, named', () => {
    const obs = [
      num('2024-Q1', 14, { gender: 'female' }),
      num('2024-Q1', 9, { gender: 'male' }),
      suppressed('2024-Q1', { gender: 'other' }),
      num('2024-Q2', 99, { gender: 'female' }),
    ];
    expect(combineBreakdowns(def('count'), obs, { period: '2024-Q1', breakdown: 'gender' })).toMatchObject({
      state: 'value',
      value: 23,
      complete: false,
      usedCategories: ['female', 'male'],
      missingCategories: [],
      suppressedCategories: ['other'],
    });
  });

  it('percentage: female 12/40 (30 %), male 18/50 (36 %), other 0/10 → 30/100 = 30 %, not (30 + 36 + 0)/3 = 22 %', () => {
    const obs = [
      pct('2024', 12, 40, { gender: 'female' }),
      pct('2024', 18, 50, { gender: 'male' }),
      pct('2024', 0, 10, { gender: 'other' }),
    ];
    expect(combineBreakdowns(def('percentage'), obs, { period: '2024', breakdown: 'gender' })).toMatchObject({
      numerator: 30,
      denominator: 100,
      value: 30,
      complete: true,
    });
  });

  it('average: 36/10 and 120/30 with "other" missing → 156/40 = 3.9, partial', () => {
    const obs = [avg('2024', 36, 10, { gender: 'female' }), avg('2024', 120, 30, { gender: 'male' })];
    expect(combineBreakdowns(def('average'), obs, { period: '2024', breakdown: 'gender' })).toMatchObject({
      value: 3.9,
      complete: false,
      missingCategories: ['other'],
    });
  });

  it('yes/no: yes when any category is yes', () => {
    const obs = [
      num('2024', 0, { gender: 'female' }),
      num('2024', 1, { gender: 'male' }),
      num('2024', 0, { gender: 'other' }),
    ];
    expect(combineBreakdowns(def('yes_no'), obs, { period: '2024', breakdown: 'gender' }).value).toBe(1);
  });

  it('adds categories whatever the period rule: a "latest" count still totals 14 + 9 + 2 = 25', () => {
    const obs = [
      num('2024', 14, { gender: 'female' }),
      num('2024', 9, { gender: 'male' }),
      num('2024', 2, { gender: 'other' }),
    ];
    expect(
      combineBreakdowns(def('count', 'latest'), obs, { period: '2024', breakdown: 'gender' }).value,
    ).toBe(25);
  });

  it('totals one breakdown within another: genders within age 18-29 = 4 + 6 = 10', () => {
    const obs = [
      num('2024', 4, { age: '18-29', gender: 'female' }),
      num('2024', 6, { gender: 'male', age: '18-29' }),
      num('2024', 0, { age: '18-29', gender: 'other' }),
      num('2024', 50, { age: '30+', gender: 'female' }),
    ];
    expect(
      combineBreakdowns(def('count'), obs, { period: '2024', breakdown: 'gender', within: { age: '18-29' } }),
    ).toMatchObject({ value: 10, complete: true });
  });

  it('no category with a value: suppressed when all were suppressed, otherwise missing', () => {
    const all = ['female', 'male', 'other'].map((g) => suppressed('2024', { gender: g }));
    expect(combineBreakdowns(def('count'), all, { period: '2024', breakdown: 'gender' })).toMatchObject({
      state: 'suppressed',
      value: null,
    });
    expect(
      combineBreakdowns(def('count'), all.slice(0, 2), { period: '2024', breakdown: 'gender' }),
    ).toMatchObject({
      state: 'missing',
      value: null,
      missingCategories: ['other'],
    });
  });

  it('throws on a breakdown the indicator does not define', () => {
    expect(() => combineBreakdowns(def('count'), [], { period: '2024', breakdown: 'ethnicity' })).toThrow(
      RangeError,
    );
  });
});

describe('statusAgainstTarget: ±15 % of the target, both ends on track', () => {
  const up = def('count');
  const down = def('count', 'sum', 'lower_is_better');
  const count = (value: number) => ({ state: 'value' as const, value });

  it.each([
    [850, 'on_track'], // exactly 85 % of 1,000
    [849, 'behind'], // 84.9 %
    [1000, 'on_track'],
    [1150, 'on_track'], // exactly 115 %
    [1151, 'ahead'], // 115.1 %
  ] as const)('higher is better, target 1,000: %i is %s', (value, status) => {
    expect(statusAgainstTarget(up, count(value), 1000).status).toBe(status);
  });

  it.each([
    [849, 'ahead'], // below the band is better
    [850, 'on_track'],
    [1150, 'on_track'],
    [1151, 'behind'],
  ] as const)('lower is better, target 1,000: %i is %s', (value, status) => {
    expect(statusAgainstTarget(down, count(value), 1000).status).toBe(status);
  });

  it.each([
    [5100, 10000, 'on_track'], // 51 % = 85 % of 60 %
    [5094, 10000, 'behind'], // 50.94 % = 84.9 % of 60 %
    [6900, 10000, 'on_track'], // 69 % = 115 % of 60 %
    [6906, 10000, 'ahead'], // 69.06 % = 115.1 % of 60 %
  ] as const)(
    'percentage, target 60 %% (band 51-69 %%, relative, not ±15 points): %i/%i is %s',
    (n, d, status) => {
      expect(
        statusAgainstTarget(def('percentage'), { state: 'value', numerator: n, denominator: d }, 60).status,
      ).toBe(status);
    },
  );

  it('holds the boundary through binary fractions: target 33.3 %, 28.305 % and 38.295 % are on track', () => {
    // 0.85 × 33.3 = 28.305 and 1.15 × 33.3 = 38.295; in floating point |38.295 − 33.3| = 4.995000000000005
    // while 0.15 × 33.3 = 4.994999999999999, so an exact comparison would call it ahead
    const d = def('percentage');
    expect(
      statusAgainstTarget(d, { state: 'value', numerator: 28305, denominator: 100000 }, 33.3).status,
    ).toBe('on_track');
    expect(
      statusAgainstTarget(d, { state: 'value', numerator: 38295, denominator: 100000 }, 33.3).status,
    ).toBe('on_track');
    expect(
      statusAgainstTarget(d, { state: 'value', numerator: 38300, denominator: 100000 }, 33.3).status,
    ).toBe('ahead');
  });

  it('average: target 4.0, 34/10 = 3.4 (85 %) on track, 33.9/10 = 3.39 behind', () => {
    expect(statusAgainstTarget(def('average'), { state: 'value', sum: 34, count: 10 }, 4).status).toBe(
      'on_track',
    );
    expect(statusAgainstTarget(def('average'), { state: 'value', sum: 33.9, count: 10 }, 4).status).toBe(
      'behind',
    );
  });

  it('negative target (average change −2.0): band ±0.3; −1.7 on track, −1.6 above it', () => {
    const avgUp = def('average');
    const avgDown = def('average', 'sum', 'lower_is_better');
    expect(statusAgainstTarget(avgUp, { state: 'value', sum: -17, count: 10 }, -2).status).toBe('on_track');
    expect(statusAgainstTarget(avgUp, { state: 'value', sum: -16, count: 10 }, -2).status).toBe('ahead');
    expect(statusAgainstTarget(avgDown, { state: 'value', sum: -16, count: 10 }, -2).status).toBe('behind');
    expect(statusAgainstTarget(avgDown, { state: 'value', sum: -24, count: 10 }, -2).status).toBe('ahead');
  });

  it('target 0: exactly 0 is on track; above is ahead when higher is better, behind when lower is better', () => {
    expect(statusAgainstTarget(up, count(0), 0)).toMatchObject({ status: 'on_track', shareOfTarget: null });
    expect(statusAgainstTarget(up, count(3), 0).status).toBe('ahead');
    expect(statusAgainstTarget(down, count(0), 0).status).toBe('on_track');
    expect(statusAgainstTarget(down, count(1), 0).status).toBe('behind');
    // an average can fall below 0
    expect(statusAgainstTarget(def('average'), { state: 'value', sum: -1, count: 4 }, 0).status).toBe(
      'behind',
    );
    expect(
      statusAgainstTarget(def('average', 'sum', 'lower_is_better'), { state: 'value', sum: -1, count: 4 }, 0)
        .status,
    ).toBe('ahead');
  });

  it('yes/no: a match is on track; otherwise ahead or behind by direction', () => {
    const yes = def('yes_no');
    const no = def('yes_no', 'sum', 'lower_is_better');
    expect(statusAgainstTarget(yes, count(1), 1).status).toBe('on_track');
    expect(statusAgainstTarget(yes, count(0), 0).status).toBe('on_track');
    expect(statusAgainstTarget(yes, count(0), 1).status).toBe('behind');
    expect(statusAgainstTarget(yes, count(1), 0).status).toBe('ahead');
    expect(statusAgainstTarget(no, count(1), 0).status).toBe('behind');
    expect(statusAgainstTarget(no, count(0), 1).status).toBe('ahead');
  });

  it('no_data, with the reason: no target, an invalid target, a missing, invalid or suppressed value', () => {
    expect(statusAgainstTarget(up, count(5), null)).toEqual({
      status: 'no_data',
      reason: 'no_target',
      partial: false,
      shareOfTarget: null,
    });
    expect(statusAgainstTarget(up, count(5), undefined).reason).toBe('no_target');
    expect(statusAgainstTarget(up, { state: 'missing' }, null).reason).toBe('no_target');
    expect(statusAgainstTarget(up, count(5), Number.NaN).reason).toBe('invalid_target');
    expect(statusAgainstTarget(def('yes_no'), count(1), 0.5).reason).toBe('invalid_target');
    expect(
      statusAgainstTarget(def('percentage'), { state: 'value', numerator: 1, denominator: 2 }, 120).reason,
    ).toBe('invalid_target');
    expect(statusAgainstTarget(up, { state: 'missing' }, 10).reason).toBe('missing');
    expect(statusAgainstTarget(up, null, 10).reason).toBe('missing');
    expect(statusAgainstTarget(up, { state: 'suppressed' }, 10)).toMatchObject({
      status: 'no_data',
      reason: 'suppressed',
    });
    expect(
      statusAgainstTarget(def('percentage'), { state: 'value', numerator: 60, denominator: 50 }, 50).reason,
    ).toBe('missing');
  });

  it('flags a status computed from a partial value, and gives value ÷ target', () => {
    const partial = combinePeriods(up, [num('2024-Q1', 300), num('2024-Q2', 300)], '2024');
    // 600 of a year target of 1,000 with Q3 and Q4 missing: behind, but only on half the data
    expect(statusAgainstTarget(up, partial, 1000)).toEqual({
      status: 'behind',
      reason: null,
      partial: true,
      shareOfTarget: 0.6,
    });
  });
});

describe('progress: share of the way from baseline to target', () => {
  it('baseline 40, target 60: 45 → 0.25, 60 → 1, 70 → 1.5, 35 → −0.25', () => {
    expect(progress(40, 45, 60)).toBe(0.25); // (45 − 40)/(60 − 40) = 5/20
    expect(progress(40, 60, 60)).toBe(1);
    expect(progress(40, 70, 60)).toBe(1.5); // 30/20
    expect(progress(40, 35, 60)).toBe(-0.25); // −5/20
  });

  it('works downwards: baseline 40 %, target 30 %, value 35 % → 0.5', () => {
    expect(progress(40, 35, 30)).toBe(0.5); // (35 − 40)/(30 − 40) = −5/−10
  });

  it('is null when target equals baseline or a number is absent', () => {
    expect(progress(40, 45, 40)).toBeNull();
    expect(progress(null, 45, 60)).toBeNull();
    expect(progress(40, undefined, 60)).toBeNull();
    expect(progress(40, Number.NaN, 60)).toBeNull();
    expect(progress(40, 45, Number.POSITIVE_INFINITY)).toBeNull();
  });
});

describe('aggregate: one indicator across plans', () => {
  it('counts: 120 + 80 = 200; one missing, one suppressed, one absent, none read as 0', () => {
    const r = aggregate(def('count'), [
      { state: 'value', value: 120 },
      { state: 'value', value: 80 },
      { state: 'missing' },
      { state: 'suppressed' },
      null,
    ]);
    expect(r).toMatchObject({ state: 'value', value: 200, n: 2, nMissing: 2, nSuppressed: 1, nPartial: 0 });
  });

  it('a real 0 is a value: 120 + 0 = 120 over n = 2', () => {
    expect(
      aggregate(def('count'), [
        { state: 'value', value: 120 },
        { state: 'value', value: 0 },
      ]),
    ).toMatchObject({
      value: 120,
      n: 2,
    });
  });

  it('percentages weighted by denominators: 12/40 (30 %) and 180/200 (90 %) → 192/240 = 80 %, not (30 + 90)/2 = 60 %', () => {
    const r = aggregate(def('percentage'), [
      { state: 'value', numerator: 12, denominator: 40 },
      { state: 'value', numerator: 180, denominator: 200 },
      { state: 'suppressed' },
    ]);
    expect(r).toMatchObject({ numerator: 192, denominator: 240, value: 80, n: 2, nSuppressed: 1 });
  });

  it('averages by combined sum and count: 36/10 (3.6) and 400/100 (4.0) → 436/110 = 3.96, not 3.8', () => {
    const r = aggregate(def('average'), [
      { state: 'value', sum: 36, count: 10 },
      { state: 'value', sum: 400, count: 100 },
    ]);
    expect(r).toMatchObject({ sum: 436, count: 110, n: 2 });
    expect(r.value).toBeCloseTo(3.9636, 4);
  });

  it('yes/no: yes, yes, no, missing, suppressed → 2 yes of 3 = 66.7 %', () => {
    const r = aggregate(def('yes_no'), [
      { state: 'value', value: 1 },
      { state: 'value', value: 1 },
      { state: 'value', value: 0 },
      { state: 'missing' },
      { state: 'suppressed' },
    ]);
    expect(r).toMatchObject({ numerator: 2, denominator: 3, n: 3, nMissing: 1, nSuppressed: 1 });
    expect(r.value).toBeCloseTo(66.667, 3);
  });

  it('no value at all: suppressed when all were suppressed, otherwise missing; never 0', () => {
    expect(aggregate(def('count'), [{ state: 'suppressed' }, { state: 'suppressed' }])).toMatchObject({
      state: 'suppressed',
      value: null,
      n: 0,
      nSuppressed: 2,
    });
    expect(aggregate(def('count'), [{ state: 'suppressed' }, { state: 'missing' }])).toMatchObject({
      state: 'missing',
      value: null,
    });
    expect(aggregate(def('percentage'), [])).toMatchObject({
      state: 'missing',
      value: null,
      n: 0,
      nMissing: 0,
    });
  });

  it('an invalid value (denominator 0) counts as missing', () => {
    const r = aggregate(def('percentage'), [
      { state: 'value', numerator: 0, denominator: 0 },
      { state: 'value', numerator: 5, denominator: 10 },
    ]);
    expect(r).toMatchObject({ value: 50, n: 1, nMissing: 1 });
  });

  it("aggregates plans' combined year values and counts the partial ones", () => {
    // plan A: Q1-Q4 = 10/20, 10/20, 10/20, 10/20 → 40/80; plan B: Q1 30/40 only → 30/40, partial
    const a = combinePeriods(
      def('percentage'),
      ['Q1', 'Q2', 'Q3', 'Q4'].map((q) => pct(`2024-${q}`, 10, 20)),
      '2024',
    );
    const b = combinePeriods(def('percentage'), [pct('2024-Q1', 30, 40)], '2024');
    // (40 + 30)/(80 + 40) = 70/120 = 58.3 %, not (50 % + 75 %)/2 = 62.5 %
    const r = aggregate(def('percentage'), [a, b]);
    expect(r).toMatchObject({ numerator: 70, denominator: 120, n: 2, nPartial: 1 });
    expect(r.value).toBeCloseTo(58.333, 3);
  });
});

describe('validateObservation: every code', () => {
  const problem = (d: IndicatorDefinition, o: Record<string, unknown>) =>
    validateObservation(d, { period: '2024-Q1', state: 'value', ...o } as Observation);

  it('accepts sound values, including 0, 0/10, 10/10 and yes/no 0', () => {
    expect(problem(def('count'), { value: 0 })).toEqual([]);
    expect(problem(def('percentage'), { numerator: 0, denominator: 10 })).toEqual([]);
    expect(problem(def('percentage'), { numerator: 10, denominator: 10 })).toEqual([]);
    expect(problem(def('average'), { sum: -3.5, count: 2 })).toEqual([]);
    expect(problem(def('yes_no'), { value: 0 })).toEqual([]);
    expect(validateObservation(def('count'), missing('2024'))).toEqual([]);
    expect(validateObservation(def('count'), suppressed('whole', { gender: 'other' }))).toEqual([]);
  });

  it('invalid_period', () => {
    expect(problem(def('count'), { value: 1, period: '2024-Q5' })).toEqual([
      { path: 'period', code: 'invalid_period', params: { value: '2024-Q5' } },
    ]);
  });

  it('invalid_state', () => {
    expect(codes(problem(def('count'), { state: 'zero', value: 0 }))).toEqual(['invalid_state']);
  });

  it('value_required: a count without a value, a percentage without a denominator', () => {
    expect(problem(def('count'), {})).toEqual([
      { path: 'value', code: 'value_required', params: { kind: 'count' } },
    ]);
    expect(problem(def('percentage'), { numerator: 3 })).toMatchObject([
      { path: 'denominator', code: 'value_required' },
    ]);
  });

  it('not_a_number: NaN, Infinity, text', () => {
    expect(codes(problem(def('count'), { value: Number.NaN }))).toEqual(['not_a_number']);
    expect(codes(problem(def('average'), { sum: Number.POSITIVE_INFINITY, count: 3 }))).toEqual([
      'not_a_number',
    ]);
    expect(codes(problem(def('count'), { value: '12' }))).toEqual(['not_a_number']);
  });

  it('negative_value: counts, numerators, denominators, average counts', () => {
    expect(problem(def('count'), { value: -1 })).toEqual([
      { path: 'value', code: 'negative_value', params: { value: -1 } },
    ]);
    expect(codes(problem(def('percentage'), { numerator: -1, denominator: 10 }))).toEqual(['negative_value']);
    expect(codes(problem(def('percentage'), { numerator: 0, denominator: -10 }))).toEqual(['negative_value']);
    expect(codes(problem(def('average'), { sum: 10, count: -2 }))).toEqual(['negative_value']);
  });

  it('not_whole_number: an average over 2.5 values', () => {
    expect(codes(problem(def('average'), { sum: 10, count: 2.5 }))).toEqual(['not_whole_number']);
  });

  it('yes_no_not_0_1', () => {
    expect(problem(def('yes_no'), { value: 2 })).toEqual([
      { path: 'value', code: 'yes_no_not_0_1', params: { value: 2 } },
    ]);
    expect(codes(problem(def('yes_no'), { value: 0.5 }))).toEqual(['yes_no_not_0_1']);
  });

  it('numerator_exceeds_denominator: 60/50', () => {
    expect(problem(def('percentage'), { numerator: 60, denominator: 50 })).toEqual([
      {
        path: 'numerator',
        code: 'numerator_exceeds_denominator',
        params: { numerator: 60, denominator: 50 },
      },
    ]);
  });

  it('denominator_zero: a percentage of 0/0, an average over 0 values', () => {
    expect(problem(def('percentage'), { numerator: 0, denominator: 0 })).toEqual([
      { path: 'denominator', code: 'denominator_zero' },
    ]);
    expect(problem(def('average'), { sum: 0, count: 0 })).toEqual([
      { path: 'count', code: 'denominator_zero' },
    ]);
  });

  it('unexpected_value: a 0 on a missing row, a percentage typed in, a count with a numerator', () => {
    expect(validateObservation(def('count'), { period: '2024', state: 'missing', value: 0 })).toEqual([
      { path: 'value', code: 'unexpected_value', params: { kind: 'count', state: 'missing' } },
    ]);
    expect(
      codes(validateObservation(def('count'), { period: '2024', state: 'suppressed', value: 3 })),
    ).toEqual(['unexpected_value']);
    expect(codes(problem(def('percentage'), { value: 30, numerator: 12, denominator: 40 }))).toEqual([
      'unexpected_value',
    ]);
    expect(codes(problem(def('count'), { value: 3, numerator: 3 }))).toEqual(['unexpected_value']);
  });

  it('unknown_breakdown and unknown_breakdown_value', () => {
    expect(problem(def('count'), { value: 3, breakdown: { ethnicity: 'x' } })).toEqual([
      {
        path: 'breakdown.ethnicity',
        code: 'unknown_breakdown',
        params: { breakdown: 'ethnicity', allowed: ['gender', 'age'] },
      },
    ]);
    expect(problem(def('count'), { value: 3, breakdown: { gender: 'unknown' } })).toEqual([
      {
        path: 'breakdown.gender',
        code: 'unknown_breakdown_value',
        params: { breakdown: 'gender', value: 'unknown', allowed: ['female', 'male', 'other'] },
      },
    ]);
    const noBreakdowns: IndicatorDefinition = {
      kind: 'count',
      combine: 'sum',
      direction: 'higher_is_better',
    };
    expect(codes(validateObservation(noBreakdowns, num('2024', 3, { gender: 'female' })))).toEqual([
      'unknown_breakdown',
    ]);
  });

  it('duplicate_observation across rows, with row paths; the same period in another breakdown is fine', () => {
    const rows = [
      num('2024-Q1', 3),
      num('2024-Q1', 2, { gender: 'female' }),
      pct('2024-Q2', 1, 1),
      num('2024-q1', 4),
      num('2024-Q2', -1),
    ];
    expect(validateObservations(def('count'), rows)).toEqual([
      { path: '2.numerator', code: 'unexpected_value', params: { kind: 'count', state: 'value' } },
      { path: '2.denominator', code: 'unexpected_value', params: { kind: 'count', state: 'value' } },
      { path: '2.value', code: 'value_required', params: { kind: 'count' } },
      { path: '3', code: 'duplicate_observation', params: { row: 0, period: '2024-Q1' } },
      { path: '4.value', code: 'negative_value', params: { value: -1 } },
      { path: '4', code: 'duplicate_observation', params: { row: 2, period: '2024-Q2' } },
    ]);
  });
});

describe('validateTarget', () => {
  const target = (value: unknown, period = '2024') => ({ period, value: value as number });

  it('accepts yes/no 0 and 1, counts from 0, percentages 0-100, any finite average', () => {
    expect(validateTarget(def('yes_no'), target(1))).toEqual([]);
    expect(validateTarget(def('yes_no'), target(0))).toEqual([]);
    expect(validateTarget(def('count'), target(0))).toEqual([]);
    expect(validateTarget(def('percentage'), target(100))).toEqual([]);
    expect(validateTarget(def('percentage'), target(0))).toEqual([]);
    expect(validateTarget(def('average'), target(-2))).toEqual([]);
  });

  it('yes_no_not_0_1, negative_value, percentage_out_of_range, not_a_number, value_required', () => {
    expect(validateTarget(def('yes_no'), target(0.5))).toEqual([
      { path: 'value', code: 'yes_no_not_0_1', params: { value: 0.5 } },
    ]);
    expect(codes(validateTarget(def('yes_no'), target(2)))).toEqual(['yes_no_not_0_1']);
    expect(codes(validateTarget(def('count'), target(-5)))).toEqual(['negative_value']);
    expect(codes(validateTarget(def('percentage'), target(100.1)))).toEqual(['percentage_out_of_range']);
    expect(codes(validateTarget(def('percentage'), target(-1)))).toEqual(['percentage_out_of_range']);
    expect(codes(validateTarget(def('average'), target(Number.NaN)))).toEqual(['not_a_number']);
    expect(codes(validateTarget(def('count'), target(null)))).toEqual(['value_required']);
  });

  it('invalid_period and unknown breakdowns', () => {
    expect(codes(validateTarget(def('count'), target(10, '2024-H3')))).toEqual(['invalid_period']);
    expect(
      codes(validateTarget(def('count'), { period: '2024', value: 10, breakdown: { age: '65+', sex: 'f' } })),
    ).toEqual(['unknown_breakdown_value', 'unknown_breakdown']);
  });
});

describe('toIndicatorValue and breakdownKey', () => {
  it('divides a percentage out once, at the end: 30/90 → 33.33 %', () => {
    expect(toIndicatorValue(def('percentage'), pct('2024', 30, 90))).toMatchObject({
      state: 'value',
      numerator: 30,
      denominator: 90,
    });
    expect(toIndicatorValue(def('percentage'), pct('2024', 30, 90)).value).toBeCloseTo(33.3333, 4);
  });

  it('shows an invalid, missing or suppressed observation without a number', () => {
    expect(toIndicatorValue(def('percentage'), pct('2024', 60, 50))).toMatchObject({
      state: 'missing',
      value: null,
    });
    expect(toIndicatorValue(def('count'), missing('2024'))).toMatchObject({ state: 'missing', value: null });
    expect(toIndicatorValue(def('count'), suppressed('2024'))).toMatchObject({
      state: 'suppressed',
      value: null,
    });
  });

  it('keys a breakdown the same whatever the order of its entries; the total is empty', () => {
    expect(breakdownKey({ gender: 'female', age: '30+' })).toBe(
      breakdownKey({ age: '30+', gender: 'female' }),
    );
    expect(breakdownKey({})).toBe('');
    expect(breakdownKey(null)).toBe('');
  });
});
