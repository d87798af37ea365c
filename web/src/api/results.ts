import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Activity,
  ActivityInput,
  ActivityUpdate,
  Goal,
  GoalInput,
  GoalUpdate,
  Indicator,
  IndicatorInput,
  IndicatorUpdate,
  IndicatorValueList,
  IndicatorValuesInput,
  ResultsFramework,
} from '@pejling/contracts';
import { api } from './client';

export type {
  Activity,
  ActivityInput,
  Coherence,
  CoherenceFlag,
  CoherenceFlagKind,
  Goal,
  GoalLevel,
  Indicator,
  IndicatorInput,
  IndicatorValue,
  PeriodStatus,
  ResultsFramework,
} from '@pejling/contracts';

const key = (planId: string) => ['results', planId] as const;

/** The plan's goals, indicators, activities and coherence flags, in one read. */
export function useResults(planId: string) {
  return useQuery({
    queryKey: key(planId),
    queryFn: ({ signal }) => api.get<ResultsFramework>(`/api/plans/${planId}/results`, undefined, signal),
  });
}

function useInvalidate(planId: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: key(planId) });
}

export function useSaveGoal(planId: string) {
  const invalidate = useInvalidate(planId);
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: GoalInput | GoalUpdate }) =>
      id
        ? api.put<Goal>(`/api/plans/${planId}/goals/${id}`, input)
        : api.post<Goal>(`/api/plans/${planId}/goals`, input),
    onSuccess: invalidate,
  });
}

export function useDeleteGoal(planId: string) {
  const invalidate = useInvalidate(planId);
  return useMutation({
    mutationFn: (id: string) => api.delete<unknown>(`/api/plans/${planId}/goals/${id}`),
    onSuccess: invalidate,
  });
}

export function useSaveIndicator(planId: string) {
  const invalidate = useInvalidate(planId);
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: IndicatorInput | IndicatorUpdate }) =>
      id
        ? api.put<Indicator>(`/api/plans/${planId}/indicators/${id}`, input)
        : api.post<Indicator>(`/api/plans/${planId}/indicators`, input),
    onSuccess: invalidate,
  });
}

export function useDeleteIndicator(planId: string) {
  const invalidate = useInvalidate(planId);
  return useMutation({
    mutationFn: (id: string) => api.delete<unknown>(`/api/plans/${planId}/indicators/${id}`),
    onSuccess: invalidate,
  });
}

export function useIndicatorValues(planId: string, indicatorId: string) {
  return useQuery({
    queryKey: [...key(planId), 'values', indicatorId],
    queryFn: ({ signal }) =>
      api.get<IndicatorValueList>(`/api/plans/${planId}/indicators/${indicatorId}/values`, undefined, signal),
  });
}

export function useSaveIndicatorValues(planId: string) {
  const invalidate = useInvalidate(planId);
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: IndicatorValuesInput }) =>
      api.put<IndicatorValueList>(`/api/plans/${planId}/indicators/${id}/values`, input),
    onSuccess: invalidate,
  });
}

export function useSaveActivity(planId: string) {
  const invalidate = useInvalidate(planId);
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: ActivityInput | ActivityUpdate }) =>
      id
        ? api.put<Activity>(`/api/plans/${planId}/activities/${id}`, input)
        : api.post<Activity>(`/api/plans/${planId}/activities`, input),
    onSuccess: invalidate,
  });
}

export function useDeleteActivity(planId: string) {
  const invalidate = useInvalidate(planId);
  return useMutation({
    mutationFn: (id: string) => api.delete<unknown>(`/api/plans/${planId}/activities/${id}`),
    onSuccess: invalidate,
  });
}
