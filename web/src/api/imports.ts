import type { ImportError, ImportKind, ImportProgress, ImportResult, Locale } from '@pejling/contracts';
import { api, ApiError, requestHeaders, withQuery } from './client';

export type { ImportKind, ImportProblem, ImportProgress, ImportResult } from '@pejling/contracts';

export const IMPORT_KINDS: ImportKind[] = ['registrations', 'participants', 'indicator-values'];

/** A template's address; its headers follow the UI language. */
export const templateUrl = (planId: string, kind: ImportKind, format: 'csv' | 'xlsx', lang: Locale) =>
  withQuery(`/api/plans/${planId}/imports/${kind}/template`, { format, lang });

/** A refused import: the message, and each problem with its row and column. */
export class ImportRefused extends ApiError {
  readonly problems: { row: number | null; column: string | null; message: string }[];
  constructor(status: number, body: ImportError | undefined) {
    const e = body?.error;
    super(
      status,
      e?.code ?? `http_${status}`,
      e?.message ?? String(status),
      e?.details ?? [],
      body?.requestId,
    );
    this.problems = (e?.details ?? []).map((d) => ({
      row: d.row ?? null,
      column: d.column ?? null,
      message: d.message,
    }));
  }
}

export interface UploadOptions {
  planId: string;
  kind: ImportKind;
  file: File;
  dryRun: boolean;
  progressId: string;
  /** Share of the file sent, 0-1. */
  onUpload?: (fraction: number) => void;
  signal?: AbortSignal;
}

/**
 * Sends the file as the request body with XMLHttpRequest, whose upload events give a progress
 * bar that fetch cannot; the server's phase comes from {@link importProgress}.
 */
export function uploadImport(opts: UploadOptions): Promise<ImportResult> {
  const { csrfToken, language } = requestHeaders();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const url = withQuery(`/api/plans/${opts.planId}/imports/${opts.kind}`, {
      dryRun: String(opts.dryRun),
      progressId: opts.progressId,
    });
    xhr.open('POST', url);
    // A bound on the whole request: the server's own limits (20 MB, 100,000 rows) keep it short.
    xhr.timeout = 10 * 60_000;
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', language);
    xhr.setRequestHeader('x-filename', encodeURIComponent(opts.file.name));
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) opts.onUpload?.(e.loaded / e.total);
    };
    xhr.upload.onload = () => opts.onUpload?.(1);
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as ImportResult);
      else reject(new ImportRefused(xhr.status, body as ImportError | undefined));
    };
    xhr.ontimeout = () =>
      reject(
        new ApiError(
          0,
          'timeout',
          language === 'da'
            ? 'Indlæsningen svarede ikke inden for 10 minutter. Se efter, om data er kommet ind, før du prøver igen.'
            : 'The import did not answer within 10 minutes. Check whether the data arrived before trying again.',
        ),
      );
    xhr.onerror = () =>
      reject(
        new ApiError(
          0,
          'network_error',
          language === 'da'
            ? 'Serveren kan ikke nås. Tjek forbindelsen og prøv igen.'
            : 'The server cannot be reached. Check the connection and try again.',
        ),
      );
    opts.signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(opts.file);
  });
}

export const importProgress = (planId: string, progressId: string) =>
  api.get<ImportProgress>(`/api/plans/${planId}/import-progress/${progressId}`);

/** A token for one upload's progress. */
export function newProgressId(): string {
  return `u${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}
