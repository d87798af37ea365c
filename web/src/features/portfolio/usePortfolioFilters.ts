import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useSearchUpdate } from '../../lib/useSearchUpdate';
import { portfolioFilterKeys, type PortfolioFilterValues } from '../../api/portfolio';

/** Reads the portfolio filters from a query string, keeping only known keys and non-empty values. */
export function portfolioFiltersFromParams(params: URLSearchParams): PortfolioFilterValues {
  const out: PortfolioFilterValues = {};
  for (const key of portfolioFilterKeys) {
    const v = params.get(key);
    if (v) out[key] = v;
  }
  return out;
}

/** A query string (with leading `?`, or '') carrying only the filters, for links between the tabs. */
export function portfolioFiltersToSearch(filters: PortfolioFilterValues): string {
  const params = new URLSearchParams();
  for (const key of portfolioFilterKeys) {
    const v = filters[key];
    if (v) params.set(key, v);
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/**
 * The portfolio's filters live in the URL, so a filtered view can be shared as a link and the
 * filters follow from tab to tab. A tab's own choices (sort, period, plans compared) are left alone.
 */
export function usePortfolioFilters() {
  const [params] = useSearchParams();
  const updateSearch = useSearchUpdate();
  const key = params.toString();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const filters = useMemo(() => portfolioFiltersFromParams(params), [key]);

  const setFilters = useCallback(
    (patch: PortfolioFilterValues) =>
      updateSearch((next) => {
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
      }),
    [updateSearch],
  );

  const clearFilters = useCallback(
    () =>
      updateSearch((next) => {
        for (const k of portfolioFilterKeys) next.delete(k);
      }),
    [updateSearch],
  );

  const hasFilters = portfolioFilterKeys.some((k) => !!filters[k]);
  return { filters, setFilters, clearFilters, hasFilters, search: portfolioFiltersToSearch(filters) };
}

/** One of a tab's own settings in the URL (`groupBy`, `year`), with a setter that keeps the rest. */
export function useParam(name: string): [string, (value: string) => void] {
  const [params] = useSearchParams();
  const updateSearch = useSearchUpdate();
  const value = params.get(name) ?? '';
  const set = useCallback(
    (v: string) =>
      updateSearch((next) => {
        if (v) next.set(name, v);
        else next.delete(name);
      }),
    [name, updateSearch],
  );
  return [value, set];
}
