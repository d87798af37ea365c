import { describe, expect, it } from 'vitest';
import { filtersFromParams, filtersToSearch } from './usePlanFilters';

describe('plan filters in the URL', () => {
  it('keeps known, non-empty keys only', () => {
    const f = filtersFromParams(
      new URLSearchParams('q=voll&status=active&poolId=&bogus=1&sort=grant&dir=desc'),
    );
    expect(f).toEqual({ q: 'voll', status: 'active', sort: 'grant', dir: 'desc' });
  });
  it('ignores unknown sort keys', () => {
    expect(filtersFromParams(new URLSearchParams('sort=evil&dir=sideways'))).toEqual({});
  });
  it('round-trips through a query string', () => {
    const f = { q: 'Ålborg øst', sizeBand: 'large' };
    expect(filtersFromParams(new URLSearchParams(filtersToSearch(f)))).toEqual(f);
  });
});
