import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Report, ReportAction, ReportInput, ReportList, ReportUpdate } from '@pejling/contracts';
import { api } from './client';

export type { Report, ReportAudience, ReportStatus, ReportSummary } from '@pejling/contracts';

const key = (planId: string) => ['reports', planId] as const;

export function useReports(planId: string) {
  return useQuery({
    queryKey: key(planId),
    queryFn: ({ signal }) => api.get<ReportList>(`/api/plans/${planId}/reports`, undefined, signal),
  });
}

export function useReport(planId: string, reportId: string) {
  return useQuery({
    queryKey: [...key(planId), reportId],
    queryFn: ({ signal }) => api.get<Report>(`/api/plans/${planId}/reports/${reportId}`, undefined, signal),
  });
}

function useInvalidate(planId: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: key(planId) });
}

export function useSaveReport(planId: string) {
  const invalidate = useInvalidate(planId);
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: ReportInput | ReportUpdate }) =>
      id
        ? api.put<Report>(`/api/plans/${planId}/reports/${id}`, input)
        : api.post<Report>(`/api/plans/${planId}/reports`, input),
    onSuccess: invalidate,
  });
}

export function useDeleteReport(planId: string) {
  const invalidate = useInvalidate(planId);
  return useMutation({
    mutationFn: (id: string) => api.delete<unknown>(`/api/plans/${planId}/reports/${id}`),
    onSuccess: invalidate,
  });
}

export type ReportTransition = 'submit' | 'return' | 'approve' | 'send';

export function useReportTransition(planId: string) {
  const invalidate = useInvalidate(planId);
  return useMutation({
    mutationFn: ({
      id,
      transition,
      input,
    }: {
      id: string;
      transition: ReportTransition;
      input: ReportAction;
    }) => api.post<Report>(`/api/plans/${planId}/reports/${id}/${transition}`, input),
    onSuccess: invalidate,
  });
}
