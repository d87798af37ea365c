import type { ErrorCode } from '@pejling/contracts';

export interface FieldError {
  path: string;
  /** A message key from contracts' errorMessages, or a ready sentence. */
  code: ErrorCode;
  params?: Record<string, unknown>;
}

/** An error the caller can understand; only the error handler turns it into HTTP. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    readonly params: Record<string, unknown> = {},
    readonly fields: FieldError[] = [],
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const notFound = (code: ErrorCode, params?: Record<string, unknown>) =>
  new AppError(code, 404, params);
export const conflict = (code: ErrorCode, params?: Record<string, unknown>) =>
  new AppError(code, 409, params);
/** A 400 that names the field to fix. */
export const invalidField = (path: string, code: ErrorCode, params?: Record<string, unknown>) =>
  new AppError('validation_failed', 400, {}, [{ path, code, params }]);
export const forbidden = () => new AppError('forbidden', 403);
export const unauthenticated = () => new AppError('unauthenticated', 401);

/** Collects field problems, so every one is reported at once; throws one 400 naming them all. */
export class Problems {
  readonly list: FieldError[] = [];
  add(path: string, code: ErrorCode, params?: Record<string, unknown>) {
    this.list.push({ path, code, params });
  }
  throwIfAny() {
    if (this.list.length) throw new AppError('validation_failed', 400, {}, this.list);
  }
}
