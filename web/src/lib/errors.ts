import { ApiError } from '../api/client';

/** Field errors from a failed save, keyed by the API's path (`name`, `grants.0.amountOre`). */
export function fieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (error instanceof ApiError) {
    for (const d of error.details) {
      if (!(d.path in out)) out[d.path] = d.message;
    }
  }
  return out;
}

/** The error's message for a person to read. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Details whose path no field on the form shows, so they can be listed at the top. */
export function unplacedDetails(
  error: unknown,
  placed: (path: string) => boolean,
): { path: string; message: string }[] {
  if (!(error instanceof ApiError)) return [];
  return error.details.filter((d) => !placed(d.path));
}
