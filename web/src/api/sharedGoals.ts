import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  PeriodKind,
  SharedGoal,
  SharedGoalInput,
  SharedGoalList,
  SharedGoalRollup,
  SharedGoalUpdate,
  SharedIndicator,
  SharedIndicatorInput,
  SharedIndicatorUpdate,
} from '@pejling/contracts';
import type { z } from 'zod';
import type {
  LinkableSharedIndicators as LinkableSchema,
  SharedIndicatorList as SharedIndicatorListSchema,
} from '@pejling/contracts';
import { api } from './client';

export type {
  AggregateValue,
  PeriodKind,
  PlanPart,
  SharedGoal,
  SharedGoalList,
  SharedGoalRollup,
  SharedIndicator,
  SharedIndicatorInput,
} from '@pejling/contracts';
export type SharedIndicatorList = z.infer<typeof SharedIndicatorListSchema>;
export type LinkableSharedIndicators = z.infer<typeof LinkableSchema>;

// Everything that shows a shared goal or indicator refreshes together after a change.
const ROOT = 'shared-goals';
const goalsKey = (secretariatId: string) => [ROOT, 'secretariat', secretariatId] as const;

function useInvalidateShared() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: [ROOT] });
}

/** A secretariat's shared goals with their shared indicators, and the plans it serves. */
export function useSharedGoals(secretariatId: string) {
  return useQuery({
    queryKey: goalsKey(secretariatId),
    queryFn: ({ signal }) =>
      api.get<SharedGoalList>(`/api/area-secretariats/${secretariatId}/shared-goals`, undefined, signal),
  });
}

export function useSaveSharedGoal(secretariatId: string) {
  const invalidate = useInvalidateShared();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: SharedGoalInput | SharedGoalUpdate }) =>
      id
        ? api.put<SharedGoal>(`/api/area-secretariats/${secretariatId}/shared-goals/${id}`, input)
        : api.post<SharedGoal>(`/api/area-secretariats/${secretariatId}/shared-goals`, input),
    onSuccess: invalidate,
  });
}

export function useDeleteSharedGoal(secretariatId: string) {
  const invalidate = useInvalidateShared();
  return useMutation({
    mutationFn: (id: string) =>
      api.delete<unknown>(`/api/area-secretariats/${secretariatId}/shared-goals/${id}`),
    onSuccess: invalidate,
  });
}

/** Every shared indicator the user may see: the fund's and the area secretariats'. */
export function useSharedIndicators() {
  return useQuery({
    queryKey: [ROOT, 'indicators'],
    queryFn: ({ signal }) => api.get<SharedIndicatorList>('/api/shared-indicators', undefined, signal),
  });
}

export function useSaveSharedIndicator() {
  const invalidate = useInvalidateShared();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: SharedIndicatorInput | SharedIndicatorUpdate }) =>
      id
        ? api.put<SharedIndicator>(`/api/shared-indicators/${id}`, input)
        : api.post<SharedIndicator>('/api/shared-indicators', input),
    onSuccess: invalidate,
  });
}

export function useDeleteSharedIndicator() {
  const invalidate = useInvalidateShared();
  return useMutation({
    mutationFn: (id: string) => api.delete<unknown>(`/api/shared-indicators/${id}`),
    onSuccess: invalidate,
  });
}

export interface RollupParams {
  periodKind: PeriodKind;
  fromYear?: number;
  toYear?: number;
}

export const rollupPath = (secretariatId: string, goalId: string) =>
  `/api/area-secretariats/${secretariatId}/shared-goals/${goalId}/rollup`;

/** Each linked plan's part of a shared goal's indicators per period, and the whole. */
export function useSharedGoalRollup(secretariatId: string, goalId: string, params: RollupParams) {
  return useQuery({
    queryKey: [ROOT, 'rollup', secretariatId, goalId, params],
    queryFn: ({ signal }) =>
      api.get<SharedGoalRollup>(rollupPath(secretariatId, goalId), { ...params }, signal),
    placeholderData: (previous) => previous,
  });
}

/** The shared indicators a plan's indicators may stand for: the fund's and its secretariat's. */
export function useLinkableSharedIndicators(planId: string) {
  return useQuery({
    queryKey: [ROOT, 'linkable', planId],
    queryFn: ({ signal }) =>
      api.get<LinkableSharedIndicators>(`/api/plans/${planId}/shared-indicators`, undefined, signal),
  });
}
