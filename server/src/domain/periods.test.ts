import { describe, expect, it } from 'vitest';
import {
  todayInDenmark,
  comparePeriodKeys,
  comparePeriods,
  coverRange,
  formatPeriodKey,
  isIsoDate,
  isPeriodWithin,
  isSubPeriodOf,
  nextPeriod,
  parsePeriodKey,
  periodContaining,
  periodLabel,
  periodOverlaps,
  periodRange,
  periodsBetween,
  previousPeriod,
  subPeriods,
  toPeriod,
  type Period,
} from './periods.js';

const keys = (ps: Period[]) => ps.map(formatPeriodKey);

describe('period keys', () => {
  it.each(['whole', '2024', '2024-H1', '2024-H2', '2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'])(
    '%s parses and formats back unchanged',
    (key) => {
      expect(formatPeriodKey(parsePeriodKey(key)!)).toBe(key);
    },
  );

  it('parses into kind, year and part', () => {
    expect(parsePeriodKey('2024')).toEqual({ kind: 'year', year: 2024 });
    expect(parsePeriodKey('2024-H2')).toEqual({ kind: 'half', year: 2024, half: 2 });
    expect(parsePeriodKey('2024-Q3')).toEqual({ kind: 'quarter', year: 2024, quarter: 3 });
    expect(parsePeriodKey('whole')).toEqual({ kind: 'whole' });
  });

  it('accepts lower case and spaces from imports, and formats the canonical key', () => {
    expect(formatPeriodKey(parsePeriodKey(' 2024-q3 ')!)).toBe('2024-Q3');
    expect(formatPeriodKey(parsePeriodKey('2024-h1')!)).toBe('2024-H1');
    expect(formatPeriodKey(parsePeriodKey('Whole')!)).toBe('whole');
  });

  it.each([
    '',
    '24',
    '2024-H3',
    '2024-H0',
    '2024-Q0',
    '2024-Q5',
    '2024Q1',
    '2024-S1',
    '0999',
    '2024-Q12',
    'hele',
  ])('rejects %j', (key) => {
    expect(parsePeriodKey(key)).toBeNull();
  });

  it('toPeriod throws on a key that does not parse', () => {
    expect(() => toPeriod('2024-Q5')).toThrow(RangeError);
    expect(toPeriod('2024-Q1')).toEqual({ kind: 'quarter', year: 2024, quarter: 1 });
  });
});

describe('ISO dates', () => {
  it('knows month lengths and leap years', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-04-31')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024-1-01')).toBe(false);
    expect(isIsoDate('2024-01-01T00:00:00Z')).toBe(false);
  });
});

describe('periodRange: first and last day', () => {
  it.each([
    ['2024', '2024-01-01', '2024-12-31'],
    ['2024-H1', '2024-01-01', '2024-06-30'],
    ['2024-H2', '2024-07-01', '2024-12-31'],
    ['2024-Q1', '2024-01-01', '2024-03-31'],
    ['2024-Q2', '2024-04-01', '2024-06-30'],
    ['2024-Q3', '2024-07-01', '2024-09-30'],
    ['2024-Q4', '2024-10-01', '2024-12-31'],
  ])('%s runs from %s to %s', (key, start, end) => {
    expect(periodRange(key)).toEqual({ start, end });
  });

  it("gives the whole period the plan's dates, and none without them", () => {
    const plan = { start: '2019-07-01', end: '2023-06-30' };
    expect(periodRange('whole', plan)).toEqual(plan);
    expect(periodRange('whole')).toBeNull();
  });
});

describe('periodContaining', () => {
  it.each([
    ['2024-01-01', '2024', '2024-H1', '2024-Q1'],
    ['2024-03-31', '2024', '2024-H1', '2024-Q1'],
    ['2024-04-01', '2024', '2024-H1', '2024-Q2'],
    ['2024-06-30', '2024', '2024-H1', '2024-Q2'],
    ['2024-07-01', '2024', '2024-H2', '2024-Q3'],
    ['2024-09-30', '2024', '2024-H2', '2024-Q3'],
    ['2024-10-01', '2024', '2024-H2', '2024-Q4'],
    ['2024-12-31', '2024', '2024-H2', '2024-Q4'],
  ])('%s is in %s, %s and %s', (date, year, half, quarter) => {
    expect(formatPeriodKey(periodContaining(date, 'year'))).toBe(year);
    expect(formatPeriodKey(periodContaining(date, 'half'))).toBe(half);
    expect(formatPeriodKey(periodContaining(date, 'quarter'))).toBe(quarter);
  });

  it('throws on a date that does not exist', () => {
    expect(() => periodContaining('2023-02-29', 'quarter')).toThrow(RangeError);
    expect(() => periodContaining('31-12-2024', 'year')).toThrow(RangeError);
  });
});

describe('next and previous period', () => {
  it('crosses year ends', () => {
    expect(formatPeriodKey(nextPeriod('2024-Q4'))).toBe('2025-Q1');
    expect(formatPeriodKey(previousPeriod('2024-Q1'))).toBe('2023-Q4');
    expect(formatPeriodKey(nextPeriod('2024-Q2'))).toBe('2024-Q3');
    expect(formatPeriodKey(nextPeriod('2024-H2'))).toBe('2025-H1');
    expect(formatPeriodKey(previousPeriod('2024-H1'))).toBe('2023-H2');
    expect(formatPeriodKey(nextPeriod('2024'))).toBe('2025');
  });

  it('has no neighbour of the whole period', () => {
    expect(() => nextPeriod('whole')).toThrow(RangeError);
  });
});

describe('periodsBetween: every period sharing a day with the range', () => {
  it('15 Feb to 10 Jul 2024 touches Q1, Q2, Q3; both halves; one year', () => {
    expect(keys(periodsBetween('2024-02-15', '2024-07-10', 'quarter'))).toEqual([
      '2024-Q1',
      '2024-Q2',
      '2024-Q3',
    ]);
    expect(keys(periodsBetween('2024-02-15', '2024-07-10', 'half'))).toEqual(['2024-H1', '2024-H2']);
    expect(keys(periodsBetween('2024-02-15', '2024-07-10', 'year'))).toEqual(['2024']);
  });

  it('crosses years, takes single days, and is empty when the end comes first', () => {
    expect(keys(periodsBetween('2023-11-01', '2025-01-01', 'year'))).toEqual(['2023', '2024', '2025']);
    expect(keys(periodsBetween('2023-12-31', '2024-01-01', 'quarter'))).toEqual(['2023-Q4', '2024-Q1']);
    expect(keys(periodsBetween('2024-05-05', '2024-05-05', 'quarter'))).toEqual(['2024-Q2']);
    expect(periodsBetween('2024-05-05', '2024-05-04', 'quarter')).toEqual([]);
  });

  it('a four-year plan from 1 Jul 2019 has 16 quarters, 2019-Q3 to 2023-Q2', () => {
    // 2019: Q3, Q4 (2) + 2020-2022 (3 × 4 = 12) + 2023: Q1, Q2 (2) = 16
    const qs = keys(periodsBetween('2019-07-01', '2023-06-30', 'quarter'));
    expect(qs).toHaveLength(16);
    expect(qs[0]).toBe('2019-Q3');
    expect(qs[15]).toBe('2023-Q2');
  });
});

describe('isPeriodWithin and periodOverlaps', () => {
  const summer = { start: '2024-07-01', end: '2024-09-30' };

  it('counts the first and last day as inside', () => {
    expect(isPeriodWithin('2024-Q3', summer)).toBe(true);
    expect(isPeriodWithin('2024-Q3', { start: '2024-07-02', end: '2024-09-30' })).toBe(false);
    expect(isPeriodWithin('2024-Q3', { start: '2024-07-01', end: '2024-09-29' })).toBe(false);
    expect(isPeriodWithin('2024-H2', summer)).toBe(false);
  });

  it('overlaps on a single shared day', () => {
    expect(periodOverlaps('2024-Q2', { start: '2024-06-30', end: '2024-08-01' })).toBe(true);
    expect(periodOverlaps('2024-Q2', summer)).toBe(false);
    expect(periodOverlaps('2024', summer)).toBe(true);
  });

  it("places the whole period by the plan's dates, and nowhere without them", () => {
    const plan = { start: '2024-01-01', end: '2027-12-31' };
    expect(isPeriodWithin('whole', { start: '2020-01-01', end: '2030-12-31' }, plan)).toBe(true);
    expect(isPeriodWithin('whole', { start: '2020-01-01', end: '2030-12-31' })).toBe(false);
    expect(periodOverlaps('whole', summer, plan)).toBe(true);
  });
});

describe('subPeriods', () => {
  it('goes one level down by default: year → halves → quarters', () => {
    expect(keys(subPeriods('2024'))).toEqual(['2024-H1', '2024-H2']);
    expect(keys(subPeriods('2024-H2'))).toEqual(['2024-Q3', '2024-Q4']);
    expect(subPeriods('2024-Q3')).toEqual([]);
  });

  it('gives all periods of a finer kind, and none of an equal or coarser one', () => {
    expect(keys(subPeriods('2024', { kind: 'quarter' }))).toEqual([
      '2024-Q1',
      '2024-Q2',
      '2024-Q3',
      '2024-Q4',
    ]);
    expect(subPeriods('2024', { kind: 'year' })).toEqual([]);
    expect(subPeriods('2024-H1', { kind: 'year' })).toEqual([]);
  });

  it('splits the whole period into the years the plan touches', () => {
    const plan = { start: '2019-07-01', end: '2023-06-30' };
    expect(keys(subPeriods('whole', { plan }))).toEqual(['2019', '2020', '2021', '2022', '2023']);
    expect(subPeriods('whole', { plan, kind: 'quarter' })).toHaveLength(16);
    expect(subPeriods('whole')).toEqual([]);
  });
});

describe('coverRange: fewest periods, none finer than asked', () => {
  it('1 Jul 2019 to 30 Jun 2021: 2019-H2, 2020, 2021-H1 with quarters; whole years with years', () => {
    const range = { start: '2019-07-01', end: '2021-06-30' };
    expect(keys(coverRange(range, 'quarter'))).toEqual(['2019-H2', '2020', '2021-H1']);
    expect(keys(coverRange(range, 'half'))).toEqual(['2019-H2', '2020', '2021-H1']);
    expect(keys(coverRange(range, 'year'))).toEqual(['2019', '2020', '2021']);
  });

  it('a start inside a quarter takes that quarter whole', () => {
    const range = { start: '2019-08-15', end: '2020-12-31' };
    expect(keys(coverRange(range, 'quarter'))).toEqual(['2019-Q3', '2019-Q4', '2020']);
    expect(keys(coverRange(range, 'half'))).toEqual(['2019-H2', '2020']);
  });
});

describe('isSubPeriodOf', () => {
  const plan = { start: '2019-07-01', end: '2023-06-30' };

  it('is true for a finer period whose days all lie inside', () => {
    expect(isSubPeriodOf('2024-Q3', '2024-H2')).toBe(true);
    expect(isSubPeriodOf('2024-Q3', '2024')).toBe(true);
    expect(isSubPeriodOf('2024-Q3', '2024-H1')).toBe(false);
    expect(isSubPeriodOf('2024', '2024')).toBe(false);
    expect(isSubPeriodOf('2024-H2', '2024-Q3')).toBe(false);
  });

  it('measures the whole period by the plan', () => {
    expect(isSubPeriodOf('2021', 'whole', plan)).toBe(true);
    expect(isSubPeriodOf('2019', 'whole', plan)).toBe(false); // January-June 2019 is before the plan
    expect(isSubPeriodOf('2019-H2', 'whole', plan)).toBe(true);
    expect(isSubPeriodOf('2021', 'whole')).toBe(false);
  });
});

describe('ordering', () => {
  it('puts the whole period first, then by first day, a period before its own parts', () => {
    const shuffled = [
      '2025',
      '2024-Q3',
      '2024-H2',
      '2024-Q1',
      'whole',
      '2024-Q4',
      '2024',
      '2024-H1',
      '2024-Q2',
    ];
    expect([...shuffled].sort(comparePeriodKeys)).toEqual([
      'whole',
      '2024',
      '2024-H1',
      '2024-Q1',
      '2024-Q2',
      '2024-H2',
      '2024-Q3',
      '2024-Q4',
      '2025',
    ]);
    expect(comparePeriods('whole', 'whole')).toBe(0);
    expect(comparePeriods('2023-Q4', '2024')).toBeLessThan(0);
  });

  it('sorts keys that do not parse last, by text', () => {
    expect(['x', '2024', 'b', 'whole'].sort(comparePeriodKeys)).toEqual(['whole', '2024', 'b', 'x']);
  });
});

describe('labels', () => {
  it.each([
    ['2024', '2024', '2024'],
    ['2024-H1', '1. halvår 2024', 'H1 2024'],
    ['2024-H2', '2. halvår 2024', 'H2 2024'],
    ['2024-Q3', '3. kvartal 2024', 'Q3 2024'],
    ['whole', 'Hele perioden', 'Whole period'],
  ])('%s is "%s" in Danish and "%s" in English', (key, da, en) => {
    expect(periodLabel(key, 'da')).toBe(da);
    expect(periodLabel(key, 'en')).toBe(en);
  });
});

describe('todayInDenmark', () => {
  it('is the Danish date, a day ahead of UTC late in the evening', () => {
    expect(todayInDenmark(new Date('2026-11-26T23:30:00Z'))).toBe('2026-11-27');
    expect(todayInDenmark(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
    expect(todayInDenmark(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
  });
});
