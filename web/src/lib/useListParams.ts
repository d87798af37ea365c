import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { useSearchUpdate } from './useSearchUpdate';

export type SortDir = 'asc' | 'desc';

/** Search text and sort order of a list, kept in the URL so a link shows the same list. */
export function useListParams(defaultSort: string, defaultDir: SortDir = 'asc') {
  const [params] = useSearchParams();
  const updateSearch = useSearchUpdate();
  const q = params.get('q') ?? '';
  const sort = params.get('sort') ?? defaultSort;
  const dir: SortDir =
    params.get('dir') === 'desc' ? 'desc' : params.get('dir') === 'asc' ? 'asc' : defaultDir;

  const set = useCallback(
    (patch: Record<string, string | null>) =>
      updateSearch((next) => {
        for (const [k, v] of Object.entries(patch)) {
          if (v === null || v === '') next.delete(k);
          else next.set(k, v);
        }
      }),
    [updateSearch],
  );

  const setQ = useCallback((value: string) => set({ q: value }), [set]);
  const toggleSort = useCallback(
    (key: string) => {
      const nextDir: SortDir = key === sort && dir === 'asc' ? 'desc' : 'asc';
      set({ sort: key, dir: nextDir });
    },
    [set, sort, dir],
  );
  return { q, sort, dir, setQ, toggleSort, params, set };
}
