import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useSearchUpdate } from '../../lib/useSearchUpdate';
import { planFilterKeys, type PlanFilters } from '../../api/types';

export const planSortKeys = [
  'name',
  'municipality',
  'pool',
  'status',
  'dwellings',
  'grant',
  'periodStart',
  'updatedAt',
];

/** Reads plan filters from a query string, keeping only known keys and non-empty values. */
export function filtersFromParams(params: URLSearchParams, withSort = true): PlanFilters {
  const out: PlanFilters = {};
  for (const key of planFilterKeys) {
    const v = params.get(key);
    if (v) out[key] = v;
  }
  if (withSort) {
    const sort = params.get('sort');
    if (sort && planSortKeys.includes(sort)) out.sort = sort;
    const dir = params.get('dir');
    if (dir === 'asc' || dir === 'desc') out.dir = dir;
  }
  return out;
}

/** A query string (with leading `?`, or '') carrying the filters, for links between list and matrix. */
export function filtersToSearch(filters: PlanFilters): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The plan filters live in the URL, so a filtered list or matrix can be shared as a link. */
export function usePlanFilters() {
  const [params] = useSearchParams();
  const updateSearch = useSearchUpdate();
  const key = params.toString();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const filters = useMemo(() => filtersFromParams(params), [key]);

  const setFilters = useCallback(
    (patch: Partial<PlanFilters>) =>
      updateSearch((next) => {
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
      }),
    [updateSearch],
  );

  // Clears the filters and keeps the sort order.
  const clearFilters = useCallback(
    () =>
      updateSearch((next) => {
        for (const k of [...next.keys()]) if (k !== 'sort' && k !== 'dir') next.delete(k);
      }),
    [updateSearch],
  );

  const hasFilters = planFilterKeys.some((k) => !!filters[k]);
  return { filters, setFilters, clearFilters, hasFilters };
}
