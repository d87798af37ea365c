import type { ErrorBody, Locale } from '@pejling/contracts';

export interface FieldIssue {
  path: string;
  message: string;
}

/** An error the API answered with (or a network failure, code `network_error`). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: FieldIssue[];
  readonly requestId: string | null;

  constructor(status: number, code: string, message: string, details: FieldIssue[] = [], requestId?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId ?? null;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

let csrfToken: string | null = null;
let language: Locale = 'da';

/** The session's CSRF token, sent on every request that changes something. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The UI language; the API answers error messages in it. */
export function setApiLanguage(locale: Locale): void {
  language = locale;
}

/** The session's CSRF token and the UI language, for requests made without `api` (uploads). */
export function requestHeaders(): { csrfToken: string | null; language: Locale } {
  return { csrfToken, language };
}

type Query = Record<string, string | number | boolean | null | undefined>;

/** Builds `path?query`, leaving out empty values so URLs stay short and shareable. */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

const networkMessages: Record<Locale, string> = {
  da: 'Serveren kan ikke nås. Tjek forbindelsen og prøv igen.',
  en: 'The server cannot be reached. Check the connection and try again.',
};

async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language };
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network_error', networkMessages[language]);
  }

  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    const err = (data as Partial<ErrorBody> | undefined)?.error;
    throw new ApiError(
      res.status,
      err?.code ?? 'http_' + res.status,
      err?.message ?? `${res.status} ${res.statusText}`,
      err?.details ?? [],
      (data as Partial<ErrorBody> | undefined)?.requestId,
    );
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) =>
    request<T>('GET', withQuery(path, query), undefined, signal),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {}),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
