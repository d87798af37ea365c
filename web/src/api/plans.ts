import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from './client';
import type { CaseMatrix, PlanDetail, PlanFilters, PlanInput, PlanList, PlanUpdate } from './types';

export function usePlans(filters: PlanFilters) {
  return useQuery({
    queryKey: ['plans', 'list', filters],
    queryFn: ({ signal }) => api.get<PlanList>('/api/plans', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePlan(id: string | undefined) {
  return useQuery({
    queryKey: ['plans', 'detail', id],
    queryFn: ({ signal }) => api.get<PlanDetail>(`/api/plans/${id}`, undefined, signal),
    enabled: !!id,
  });
}

export function useCaseMatrix(filters: PlanFilters) {
  return useQuery({
    queryKey: ['case-matrix', filters],
    queryFn: ({ signal }) => api.get<CaseMatrix>('/api/case-matrix', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

function useInvalidatePlans() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['plans'] }),
      qc.invalidateQueries({ queryKey: ['case-matrix'] }),
      // Counts of plans per municipality, pool and secretariat live in the registry lists.
      qc.invalidateQueries({ queryKey: ['registry'] }),
    ]);
}

export function useCreatePlan() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (input: PlanInput) => api.post<PlanDetail>('/api/plans', input),
    onSuccess: invalidate,
  });
}

export function useUpdatePlan() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: PlanUpdate }) =>
      api.put<PlanDetail>(`/api/plans/${id}`, input),
    onSuccess: invalidate,
  });
}

export function useDeletePlan() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<unknown>(`/api/plans/${id}`),
    // The deleted plan's own page is still open: refetching it would only answer 404.
    onSuccess: (_data, id) =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ['plans'], predicate: (q) => q.queryKey[2] !== id }),
        qc.invalidateQueries({ queryKey: ['case-matrix'] }),
        qc.invalidateQueries({ queryKey: ['registry'] }),
      ]),
  });
}

/** The export URL for plans with the current filters (a plain download link). */
export function planExportUrl(filters: PlanFilters, format: 'csv' | 'xlsx'): string {
  return withQuery('/api/plans/export', { ...filters, format });
}
