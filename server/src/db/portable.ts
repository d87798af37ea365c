import { uuidv7 } from 'uuidv7';

/** Booleans are stored as 0/1 on both engines. */
export const toBool = (v: number | boolean | null | undefined): boolean => v === 1 || v === true;
export const fromBool = (v: boolean | undefined | null): number => (v ? 1 : 0);

/** JSON is stored as text on both engines. */
export const toJson = (v: unknown): string | null =>
  v === undefined || v === null ? null : JSON.stringify(v);
export function fromJson<T = unknown>(v: string | null | undefined): T | null {
  if (v === null || v === undefined) return null;
  return JSON.parse(v) as T;
}

/** Timestamps are ISO-8601 UTC text. */
export const nowIso = (): string => new Date().toISOString();

export const newId = (): string => uuidv7();
