import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TheoryComparison,
  TheoryDetail,
  TheoryDraftInput,
  TheoryInput,
  TheoryList,
  TheorySearchQuery,
  TheorySearchResult,
  TheoryUpdate,
} from '@pejling/contracts';
import { api } from './client';

export type {
  TheoryComparison,
  TheoryDetail,
  TheoryScope,
  TheorySearchResult,
  TheorySummary,
  TocLive,
  TocNode,
  TocNodeKind,
} from '@pejling/contracts';

const key = (planId: string) => ['theories', planId] as const;
const base = (planId: string) => `/api/plans/${planId}/theories`;

/** The plan's theory-of-change diagrams. */
export function useTheories(planId: string) {
  return useQuery({
    queryKey: key(planId),
    queryFn: ({ signal }) => api.get<TheoryList>(base(planId), undefined, signal),
  });
}

/** One diagram with each linked node's live state, read fresh when the editor opens. */
export function useTheory(planId: string, theoryId: string) {
  return useQuery({
    queryKey: [...key(planId), theoryId],
    queryFn: ({ signal }) => api.get<TheoryDetail>(`${base(planId)}/${theoryId}`, undefined, signal),
    // The editor holds its own copy while it is edited; a refetch would not replace it anyway.
    refetchOnWindowFocus: false,
  });
}

export function useTheoryComparison(planId: string, theoryId: string | null) {
  return useQuery({
    queryKey: [...key(planId), theoryId, 'comparison'],
    queryFn: ({ signal }) =>
      api.get<TheoryComparison>(`${base(planId)}/${theoryId}/comparison`, undefined, signal),
    enabled: theoryId !== null,
  });
}

export function useCreateTheory(planId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TheoryInput) => api.post<TheoryDetail>(base(planId), input),
    onSuccess: () => qc.invalidateQueries({ queryKey: key(planId) }),
  });
}

export function useDraftTheory(planId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TheoryDraftInput) => api.post<TheoryDetail>(`${base(planId)}/draft`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: key(planId) }),
  });
}

export function useSaveTheory(planId: string, theoryId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TheoryUpdate) => api.put<TheoryDetail>(`${base(planId)}/${theoryId}`, input),
    onSuccess: (saved) => {
      qc.setQueryData([...key(planId), theoryId], saved);
      void qc.invalidateQueries({ queryKey: key(planId), exact: true });
      void qc.invalidateQueries({ queryKey: [...key(planId), theoryId, 'comparison'] });
    },
  });
}

export function useDeleteTheory(planId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<unknown>(`${base(planId)}/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: key(planId) }),
  });
}

export const theoryExportUrl = (planId: string, theoryId: string) =>
  `${base(planId)}/${theoryId}/export?format=xlsx`;

/** Nodes and pathways across every diagram of the plans the user may read. */
export function useTheorySearch(query: TheorySearchQuery, enabled: boolean) {
  return useQuery({
    queryKey: ['theories', 'search', query],
    queryFn: ({ signal }) => api.get<TheorySearchResult>('/api/theories/search', { ...query }, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}
