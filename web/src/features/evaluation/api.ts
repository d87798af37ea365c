import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CaseCandidates,
  CodeMergeResultValue,
  DataCollectionInputValue,
  DataCollectionOut,
  EvaluatorListValue,
  ExchangeReport,
  MemoOutValue,
  SourceDetail,
  SourceSummary,
  SourceUploadInput,
  SpeakerList,
  StudyCaseOut,
  StudyCodeOut,
  StudyDetail,
  StudySummary,
} from '@pejling/contracts';
import { api, ApiError, requestHeaders, withQuery } from '../../api/client';

export type {
  CaseCandidates,
  DataCollectionOut,
  ExchangeReport,
  MemoOutValue,
  SourceSummary,
  StudyCaseOut,
  StudyCodeOut,
  StudyDetail,
  StudySummary,
} from '@pejling/contracts';

/** The process evaluation's studies and what they hold (server/src/features/evaluation). */
export const studyUrl = (studyId: string) => `/api/evaluation/studies/${studyId}`;

export function useStudies() {
  return useQuery({
    queryKey: ['evaluation', 'studies'],
    queryFn: ({ signal }) => api.get<{ items: StudySummary[] }>('/api/evaluation/studies', undefined, signal),
  });
}

export function useStudy(studyId: string) {
  return useQuery({
    queryKey: ['evaluation', 'study', studyId],
    queryFn: ({ signal }) => api.get<StudyDetail>(studyUrl(studyId), undefined, signal),
  });
}

/** Everything of one study is refreshed after a change in it (counts cross the tabs). */
function useInvalidateStudy(studyId?: string) {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['evaluation', 'studies'] }),
      studyId ? qc.invalidateQueries({ queryKey: ['evaluation', 'study', studyId] }) : null,
    ]);
}

export function useEvaluators(enabled = true) {
  return useQuery({
    queryKey: ['evaluation', 'evaluators'],
    queryFn: ({ signal }) => api.get<EvaluatorListValue>('/api/evaluation/evaluators', undefined, signal),
    enabled,
  });
}

export interface StudyForm {
  name: string;
  question: string | null;
  memberIds: string[];
}

export function useCreateStudy() {
  const invalidate = useInvalidateStudy();
  return useMutation({
    mutationFn: (input: StudyForm) => api.post<StudyDetail>('/api/evaluation/studies', input),
    onSuccess: invalidate,
  });
}

export function useUpdateStudy(studyId: string) {
  const invalidate = useInvalidateStudy(studyId);
  return useMutation({
    mutationFn: (input: StudyForm & { version: number }) => api.put<StudyDetail>(studyUrl(studyId), input),
    onSuccess: invalidate,
  });
}

export function useDeleteStudy() {
  const invalidate = useInvalidateStudy();
  return useMutation({
    mutationFn: (studyId: string) => api.delete<unknown>(studyUrl(studyId)),
    onSuccess: invalidate,
  });
}

// ---------- cases ----------
export function useCases(studyId: string) {
  return useQuery({
    queryKey: ['evaluation', 'study', studyId, 'cases'],
    queryFn: ({ signal }) =>
      api.get<{ items: StudyCaseOut[] }>(`${studyUrl(studyId)}/cases`, undefined, signal),
  });
}

export function useCaseCandidates(studyId: string) {
  return useQuery({
    queryKey: ['evaluation', 'study', studyId, 'candidates'],
    queryFn: ({ signal }) =>
      api.get<CaseCandidates>(`${studyUrl(studyId)}/case-candidates`, undefined, signal),
  });
}

export interface CaseForm {
  name: string;
  description: string | null;
  planId: string | null;
  areaSecretariatId: string | null;
}

export function useSaveCase(studyId: string) {
  const invalidate = useInvalidateStudy(studyId);
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: CaseForm & { version?: number } }) =>
      id
        ? api.put<StudyCaseOut>(`${studyUrl(studyId)}/cases/${id}`, input)
        : api.post<StudyCaseOut>(`${studyUrl(studyId)}/cases`, input),
    onSuccess: invalidate,
  });
}

export function useDeleteCase(studyId: string) {
  const invalidate = useInvalidateStudy(studyId);
  return useMutation({
    mutationFn: (id: string) => api.delete<unknown>(`${studyUrl(studyId)}/cases/${id}`),
    onSuccess: invalidate,
  });
}

// ---------- data collections ----------
export function useCollections(studyId: string) {
  return useQuery({
    queryKey: ['evaluation', 'study', studyId, 'collections'],
    queryFn: ({ signal }) =>
      api.get<{ items: DataCollectionOut[] }>(`${studyUrl(studyId)}/data-collections`, undefined, signal),
  });
}

export function useSaveCollection(studyId: string) {
  const invalidate = useInvalidateStudy(studyId);
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: DataCollectionInputValue & { version?: number } }) =>
      id
        ? api.put<DataCollectionOut>(`${studyUrl(studyId)}/data-collections/${id}`, input)
        : api.post<DataCollectionOut>(`${studyUrl(studyId)}/data-collections`, input),
    onSuccess: invalidate,
  });
}

export function useDeleteCollection(studyId: string) {
  const invalidate = useInvalidateStudy(studyId);
  return useMutation({
    mutationFn: (id: string) => api.delete<unknown>(`${studyUrl(studyId)}/data-collections/${id}`),
    onSuccess: invalidate,
  });
}

// ---------- sources ----------
export function useSources(studyId: string) {
  return useQuery({
    queryKey: ['evaluation', 'study', studyId, 'sources'],
    queryFn: ({ signal }) =>
      api.get<{ items: SourceSummary[] }>(`${studyUrl(studyId)}/sources`, undefined, signal),
  });
}

export function useUpdateSource(studyId: string) {
  const invalidate = useInvalidateStudy(studyId);
  return useMutation({
    mutationFn: ({
      id,
      input,
    }: {
      id: string;
      input: {
        name: string;
        description: string | null;
        caseId: string | null;
        dataCollectionId: string | null;
        version: number;
      };
    }) => api.put<SourceSummary>(`${studyUrl(studyId)}/sources/${id}`, input),
    onSuccess: invalidate,
  });
}

export function useDeleteSource(studyId: string) {
  const invalidate = useInvalidateStudy(studyId);
  return useMutation({
    mutationFn: (id: string) => api.delete<unknown>(`${studyUrl(studyId)}/sources/${id}`),
    onSuccess: invalidate,
  });
}

// ---------- codes and memos ----------
export function useCodes(studyId: string) {
  return useQuery({
    queryKey: ['evaluation', 'study', studyId, 'codes'],
    queryFn: ({ signal }) =>
      api.get<{ items: StudyCodeOut[] }>(`${studyUrl(studyId)}/codes`, undefined, signal),
  });
}

export interface CodeForm {
  parentId?: string | null;
  name: string;
  description: string | null;
  color: string | null;
  codable: boolean;
}

export function useSaveCode(studyId: string) {
  const invalidate = useInvalidateStudy(studyId);
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: CodeForm & { version?: number } }) =>
      id
        ? api.put<StudyCodeOut>(`${studyUrl(studyId)}/codes/${id}`, input)
        : api.post<StudyCodeOut>(`${studyUrl(studyId)}/codes`, input),
    onSuccess: invalidate,
  });
}

export function useDeleteCode(studyId: string) {
  const invalidate = useInvalidateStudy(studyId);
  return useMutation({
    mutationFn: (id: string) => api.delete<unknown>(`${studyUrl(studyId)}/codes/${id}`),
    onSuccess: invalidate,
  });
}

export function useMoveCode(studyId: string) {
  const invalidate = useInvalidateStudy(studyId);
  return useMutation({
    mutationFn: ({ id, parentId }: { id: string; parentId: string | null }) =>
      api.post<StudyCodeOut>(`${studyUrl(studyId)}/codes/${id}/move`, { parentId }),
    onSuccess: invalidate,
  });
}

export function useMergeCode(studyId: string) {
  const invalidate = useInvalidateStudy(studyId);
  return useMutation({
    mutationFn: ({ id, intoId }: { id: string; intoId: string }) =>
      api.post<CodeMergeResultValue>(`${studyUrl(studyId)}/codes/${id}/merge`, { intoId }),
    onSuccess: invalidate,
  });
}

export function useMemos(studyId: string) {
  return useQuery({
    queryKey: ['evaluation', 'study', studyId, 'memos'],
    queryFn: ({ signal }) =>
      api.get<{ items: MemoOutValue[] }>(`${studyUrl(studyId)}/memos`, undefined, signal),
  });
}

export function useSaveMemo(studyId: string) {
  const invalidate = useInvalidateStudy(studyId);
  return useMutation({
    mutationFn: ({
      id,
      input,
    }: {
      id?: string;
      input: { targetKind?: 'code'; targetId?: string; title: string; text: string; version?: number };
    }) =>
      id
        ? api.put<MemoOutValue>(`${studyUrl(studyId)}/memos/${id}`, input)
        : api.post<MemoOutValue>(`${studyUrl(studyId)}/memos`, input),
    onSuccess: invalidate,
  });
}

export function useDeleteMemo(studyId: string) {
  const invalidate = useInvalidateStudy(studyId);
  return useMutation({
    mutationFn: (id: string) => api.delete<unknown>(`${studyUrl(studyId)}/memos/${id}`),
    onSuccess: invalidate,
  });
}

// ---------- uploads ----------

/** Reads a file as base64 (without the data-URL prefix). */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const s = String(reader.result);
      resolve(s.slice(s.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

interface SendOptions {
  url: string;
  body: Blob | string;
  contentType: string;
  /** Share of the request sent, 0-1. */
  onUpload?: (fraction: number) => void;
}

/** Sends a request with XMLHttpRequest, whose upload events give a progress bar that fetch cannot. */
function send<T>({ url, body, contentType, onUpload }: SendOptions): Promise<T> {
  const { csrfToken, language } = requestHeaders();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.timeout = 10 * 60_000;
    xhr.setRequestHeader('Content-Type', contentType);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', language);
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onUpload?.(e.loaded / e.total);
    };
    xhr.upload.onload = () => onUpload?.(1);
    xhr.onload = () => {
      let data: unknown;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as T);
      const err = (
        data as
          | { error?: { code?: string; message?: string; details?: { path: string; message: string }[] } }
          | undefined
      )?.error;
      reject(
        new ApiError(
          xhr.status,
          err?.code ?? `http_${xhr.status}`,
          err?.message ?? String(xhr.status),
          err?.details ?? [],
        ),
      );
    };
    const fail = (code: string, da: string, en: string) => () =>
      reject(new ApiError(0, code, language === 'da' ? da : en));
    xhr.ontimeout = fail(
      'timeout',
      'Serveren svarede ikke inden for 10 minutter. Se efter, om filen er kommet ind, før du prøver igen.',
      'The server did not answer within 10 minutes. Check whether the file arrived before trying again.',
    );
    xhr.onerror = fail(
      'network_error',
      'Serveren kan ikke nås. Tjek forbindelsen og prøv igen.',
      'The server cannot be reached. Check the connection and try again.',
    );
    xhr.send(body);
  });
}

/** Uploads a transcript or document with its pseudonym list (pseudonymised before it is stored). */
export async function uploadSource(
  studyId: string,
  input: Omit<SourceUploadInput, 'contentBase64' | 'filename'> & { file: File },
  onUpload?: (fraction: number) => void,
): Promise<SourceSummary> {
  const { file, ...rest } = input;
  const contentBase64 = await fileToBase64(file);
  return send<SourceSummary>({
    url: `${studyUrl(studyId)}/sources`,
    body: JSON.stringify({ ...rest, filename: file.name, contentBase64 }),
    contentType: 'application/json',
    onUpload,
  });
}

/** Imports a REFI-QDA project (.qdpx) as a new study. */
export function importQdpx(file: File, name: string | undefined, onUpload?: (fraction: number) => void) {
  return send<ExchangeReport>({
    url: withQuery('/api/evaluation/import-qdpx', { name }),
    body: file,
    contentType: 'application/octet-stream',
    onUpload,
  });
}

/** A source with its text and speaker turns; the read is audited with its purpose. */
export function fetchSourceDetail(studyId: string, sourceId: string) {
  return api.get<SourceDetail>(`${studyUrl(studyId)}/sources/${sourceId}`, {
    purpose: 'review',
  });
}

export function useInvalidateEvaluation() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['evaluation'] });
}

// ---------- speakers ----------
export type { SpeakerList } from '@pejling/contracts';

/** A transcript's speakers with their turns and links; reading them is audited. */
export function useSpeakers(studyId: string, sourceId: string) {
  return useQuery({
    queryKey: ['evaluation', 'study', studyId, 'speakers', sourceId],
    queryFn: ({ signal }) =>
      api.get<SpeakerList>(
        `${studyUrl(studyId)}/sources/${sourceId}/speakers`,
        { purpose: 'coding' },
        signal,
      ),
  });
}

export function useSaveSpeakers(studyId: string, sourceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      links: { speaker: string; respondentGroup: string | null; caseId: string | null }[];
      autoCode: boolean;
    }) => api.put<SpeakerList>(`${studyUrl(studyId)}/sources/${sourceId}/speakers`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['evaluation'] }),
  });
}
