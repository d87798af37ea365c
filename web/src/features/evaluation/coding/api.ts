import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AgreementOut,
  CaseCodeMatrix,
  CoderList,
  CodingList,
  CoOccurrenceOut,
  DriversBarriers,
  Framework,
  MemoOut,
  QuoteList,
  ReadPurpose,
  SourceDetail,
  SourceList,
  StudyCaseList,
  StudyCodeOut,
  StudyDetail,
} from '@pejling/contracts';
import { api } from '../../../api/client';

/**
 * The process evaluation's API for the coding view and the analysis pages. Positions are code
 * points (see positions.ts for the conversion to the browser's UTF-16 units).
 */

export type Study = StudyDetail;
export type Code = StudyCodeOut;
export type Source = SourceDetail;
export type SourceItem = z.infer<typeof SourceList>['items'][number];
export type CaseItem = z.infer<typeof StudyCaseList>['items'][number];
export type Coding = z.infer<typeof CodingList>['items'][number];
export type Memo = z.infer<typeof MemoOut>;
export type Coder = z.infer<typeof CoderList>['items'][number];
export type Matrix = z.infer<typeof CaseCodeMatrix>;
export type DriversBarriersOut = z.infer<typeof DriversBarriers>;
export type CoOccurrence = z.infer<typeof CoOccurrenceOut>;
export type Quotes = z.infer<typeof QuoteList>;
export type Agreement = z.infer<typeof AgreementOut>;
export type FrameworkOut = z.infer<typeof Framework>;

export const ROOT = 'evaluation';
export const studyUrl = (studyId: string) => `/api/evaluation/studies/${studyId}`;

export function useStudy(studyId: string) {
  return useQuery({
    queryKey: [ROOT, studyId, 'study'],
    queryFn: ({ signal }) => api.get<Study>(studyUrl(studyId), undefined, signal),
  });
}
export function useCodes(studyId: string) {
  return useQuery({
    queryKey: [ROOT, studyId, 'codes'],
    queryFn: ({ signal }) => api.get<{ items: Code[] }>(`${studyUrl(studyId)}/codes`, undefined, signal),
  });
}
export function useCases(studyId: string) {
  return useQuery({
    queryKey: [ROOT, studyId, 'cases'],
    queryFn: ({ signal }) => api.get<{ items: CaseItem[] }>(`${studyUrl(studyId)}/cases`, undefined, signal),
  });
}
export function useSources(studyId: string) {
  return useQuery({
    queryKey: [ROOT, studyId, 'sources'],
    queryFn: ({ signal }) =>
      api.get<{ items: SourceItem[] }>(`${studyUrl(studyId)}/sources`, undefined, signal),
  });
}
export function useCoders(studyId: string) {
  return useQuery({
    queryKey: [ROOT, studyId, 'coders'],
    queryFn: ({ signal }) => api.get<{ items: Coder[] }>(`${studyUrl(studyId)}/coders`, undefined, signal),
  });
}
/** A transcript with its text: read for coding (audited). */
export function useSource(studyId: string, sourceId: string, purpose: ReadPurpose = 'coding') {
  return useQuery({
    queryKey: [ROOT, studyId, 'source', sourceId],
    queryFn: ({ signal }) => api.get<Source>(`${studyUrl(studyId)}/sources/${sourceId}`, { purpose }, signal),
    staleTime: 5 * 60_000,
  });
}
export function useCodings(
  studyId: string,
  filter: { sourceId?: string; codeId?: string; purpose?: ReadPurpose },
  enabled = true,
) {
  return useQuery({
    queryKey: [ROOT, studyId, 'codings', filter],
    queryFn: ({ signal }) => api.get<{ items: Coding[] }>(`${studyUrl(studyId)}/codings`, filter, signal),
    enabled,
  });
}
export function useMemos(studyId: string) {
  return useQuery({
    queryKey: [ROOT, studyId, 'memos'],
    queryFn: ({ signal }) => api.get<{ items: Memo[] }>(`${studyUrl(studyId)}/memos`, undefined, signal),
  });
}

function useInvalidate(studyId: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: [ROOT, studyId] });
}

export function useApplyCodes(studyId: string) {
  const invalidate = useInvalidate(studyId);
  return useMutation({
    mutationFn: (input: { sourceId: string; codeIds: string[]; start: number; end: number }) =>
      api.post<{ items: Coding[] }>(`${studyUrl(studyId)}/codings`, input),
    onSuccess: invalidate,
  });
}
export function useRecode(studyId: string) {
  const invalidate = useInvalidate(studyId);
  return useMutation({
    mutationFn: ({ id, ...input }: { id: string; codeId: string; start: number; end: number }) =>
      api.put<Coding>(`${studyUrl(studyId)}/codings/${id}`, input),
    onSuccess: invalidate,
  });
}
export function useRemoveCoding(studyId: string) {
  const invalidate = useInvalidate(studyId);
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`${studyUrl(studyId)}/codings/${id}`),
    onSuccess: invalidate,
  });
}
export function useSaveMemo(studyId: string) {
  const invalidate = useInvalidate(studyId);
  return useMutation({
    mutationFn: (
      input:
        | {
            id?: undefined;
            targetKind: Memo['targetKind'];
            targetId: string | null;
            title: string;
            text: string;
          }
        | { id: string; title: string; text: string; version: number },
    ) =>
      input.id
        ? api.put<Memo>(`${studyUrl(studyId)}/memos/${input.id}`, {
            title: input.title,
            text: input.text,
            version: input.version,
          })
        : api.post<Memo>(`${studyUrl(studyId)}/memos`, input),
    onSuccess: invalidate,
  });
}
export function useRemoveMemo(studyId: string) {
  const invalidate = useInvalidate(studyId);
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`${studyUrl(studyId)}/memos/${id}`),
    onSuccess: invalidate,
  });
}

// ---------- analysis ----------
export function useMatrix(studyId: string, aggregate: boolean) {
  return useQuery({
    queryKey: [ROOT, studyId, 'matrix', aggregate],
    queryFn: ({ signal }) =>
      api.get<Matrix>(`${studyUrl(studyId)}/analysis/matrix`, { aggregate: String(aggregate) }, signal),
  });
}
export function useDriversBarriers(studyId: string) {
  return useQuery({
    queryKey: [ROOT, studyId, 'drivers-barriers'],
    queryFn: ({ signal }) =>
      api.get<DriversBarriersOut>(`${studyUrl(studyId)}/analysis/drivers-barriers`, undefined, signal),
  });
}
export function useCoOccurrence(studyId: string) {
  return useQuery({
    queryKey: [ROOT, studyId, 'co-occurrence'],
    queryFn: ({ signal }) =>
      api.get<CoOccurrence>(`${studyUrl(studyId)}/analysis/co-occurrence`, undefined, signal),
  });
}
export interface QuoteFilter {
  caseId?: string;
  codeId?: string;
  respondentGroup?: string;
  q?: string;
}
export function useQuotes(studyId: string, filter: QuoteFilter) {
  return useQuery({
    queryKey: [ROOT, studyId, 'quotes', filter],
    queryFn: ({ signal }) =>
      api.get<Quotes>(`${studyUrl(studyId)}/analysis/quotes`, { ...filter, limit: 200 }, signal),
  });
}
export function useAgreement(studyId: string, q: { sourceId?: string; coderA?: string; coderB?: string }) {
  return useQuery({
    queryKey: [ROOT, studyId, 'agreement', q],
    queryFn: ({ signal }) => api.get<Agreement>(`${studyUrl(studyId)}/analysis/agreement`, q, signal),
    enabled: Boolean(q.sourceId && q.coderA && q.coderB),
  });
}
export function useFramework(studyId: string) {
  return useQuery({
    queryKey: [ROOT, studyId, 'framework'],
    queryFn: ({ signal }) => api.get<FrameworkOut>(`${studyUrl(studyId)}/framework`, undefined, signal),
  });
}
export function useSaveFrameworkCell(studyId: string) {
  const invalidate = useInvalidate(studyId);
  return useMutation({
    mutationFn: (x: { caseId: string; themeCodeId: string; summary: string; quoteCodingIds: string[] }) =>
      api.put(`${studyUrl(studyId)}/framework/${x.caseId}/${x.themeCodeId}`, {
        summary: x.summary,
        quoteCodingIds: x.quoteCodingIds,
      }),
    onSuccess: invalidate,
  });
}
