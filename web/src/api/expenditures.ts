import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Expenditures, ExpendituresInput } from '@pejling/contracts';
import { api } from './client';

export type { Expenditures, ExpendituresInput } from '@pejling/contracts';

const key = (planId: string) => ['expenditures', planId] as const;

/** What a plan has spent year by year, with its granted and committed amounts beside. */
export function useExpenditures(planId: string) {
  return useQuery({
    queryKey: key(planId),
    queryFn: ({ signal }) => api.get<Expenditures>(`/api/plans/${planId}/expenditures`, undefined, signal),
  });
}

export function useSaveExpenditures(planId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ExpendituresInput) =>
      api.put<Expenditures>(`/api/plans/${planId}/expenditures`, input),
    onSuccess: (saved) => {
      qc.setQueryData(key(planId), saved);
      // The portfolio's grant use reads the same figures.
      void qc.invalidateQueries({ queryKey: ['portfolio'] });
    },
  });
}
