import { describe, expect, it } from 'vitest';
import { checkFocusAreasInPool, checkPeriod } from './plan-rules.js';

const catalogue = [
  { id: 'f1', poolId: 'pool-2019' },
  { id: 'f2', poolId: 'pool-2019' },
  { id: 'f9', poolId: 'pool-2015' },
];

describe('checkFocusAreasInPool', () => {
  it('accepts focus areas from the plan’s own pool, of any catalogue version', () => {
    expect(checkFocusAreasInPool('pool-2019', '2019-2026', ['f1', 'f2'], catalogue)).toEqual([]);
  });

  it('accepts a plan with no focus areas', () => {
    expect(checkFocusAreasInPool('pool-2019', '2019-2026', [], catalogue)).toEqual([]);
  });

  it('names the field of a focus area from another pool, with the pool for the message', () => {
    expect(checkFocusAreasInPool('pool-2019', '2019-2026', ['f1', 'f9'], catalogue)).toEqual([
      { path: 'focusAreaIds.1', code: 'focus_area_not_in_pool', params: { pool: '2019-2026' } },
    ]);
  });

  it('names the field of an unknown focus area', () => {
    expect(checkFocusAreasInPool('pool-2019', '2019-2026', ['nope', 'f2'], catalogue)).toEqual([
      { path: 'focusAreaIds.0', code: 'focus_area_not_found' },
    ]);
  });

  it('reports every problem, not only the first', () => {
    const problems = checkFocusAreasInPool('pool-2019', '2019-2026', ['f9', 'x', 'f1', 'f9'], catalogue);
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['focusAreaIds.0', 'focus_area_not_in_pool'],
      ['focusAreaIds.1', 'focus_area_not_found'],
      ['focusAreaIds.3', 'focus_area_not_in_pool'],
    ]);
  });
});

describe('checkPeriod', () => {
  it('refuses an end before the start, naming the given field', () => {
    expect(checkPeriod('grants.0.endDate', '2024-01-01', '2023-12-31')).toEqual([
      { path: 'grants.0.endDate', code: 'period_end_before_start' },
    ]);
  });

  it('accepts a period of one day and a normal period', () => {
    expect(checkPeriod('periodEnd', '2024-05-01', '2024-05-01')).toEqual([]);
    expect(checkPeriod('periodEnd', '2023-01-01', '2026-12-31')).toEqual([]);
  });

  it('compares dates across month and year boundaries as dates', () => {
    expect(checkPeriod('periodEnd', '2023-10-01', '2023-09-30')).toHaveLength(1);
    expect(checkPeriod('periodEnd', '2023-12-31', '2024-01-01')).toEqual([]);
  });

  it('says nothing while the start or end is missing', () => {
    expect(checkPeriod('periodEnd', null, '2020-01-01')).toEqual([]);
    expect(checkPeriod('periodEnd', '2020-01-01', undefined)).toEqual([]);
    expect(checkPeriod('periodEnd', null, null)).toEqual([]);
  });
});
