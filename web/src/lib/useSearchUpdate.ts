import { useCallback, useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';

/**
 * The query string asked for and not yet shown by the router. The router's own functional
 * `setSearchParams` starts from the query string of the last render, so two changes made before
 * the page renders again (two quick picks, a picker and a filter) would keep only the second.
 */
let pending: { pathname: string; search: string } | null = null;

const withMark = (search: string) => (search ? `?${search}` : '');

/**
 * The query string (with its `?`, or '') after `update`, built on the one asked for last on this
 * page, else on the address bar's; remembered until the router shows it.
 */
export function nextSearch(
  pathname: string,
  addressBarSearch: string,
  update: (next: URLSearchParams) => void,
): string {
  const next = new URLSearchParams(
    pending && pending.pathname === pathname ? pending.search : addressBarSearch,
  );
  update(next);
  pending = { pathname, search: next.toString() };
  return withMark(pending.search);
}

/** Forgets what was asked for once the router shows it. */
export function settleSearch(pathname: string, search: string): void {
  if (pending && pending.pathname === pathname && withMark(pending.search) === search) pending = null;
}

/**
 * Changes the page's query string in place (no new history entry), each change building on the
 * one before it even when the page has not rendered in between.
 */
export function useSearchUpdate(): (update: (next: URLSearchParams) => void) => void {
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(() => settleSearch(location.pathname, location.search), [location.pathname, location.search]);
  return useCallback(
    (update) => {
      const search = nextSearch(window.location.pathname, window.location.search, update);
      void navigate({ search }, { replace: true });
    },
    [navigate],
  );
}
