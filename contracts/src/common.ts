import { z } from 'zod';

/** UUIDv7 (or any RFC 4122 uuid) as text. */
export const Id = z.uuid();
export type Id = z.infer<typeof Id>;

/** A calendar date as YYYY-MM-DD. */
export const IsoDate = z.iso.date();

/** Trimmed, non-empty text with an upper bound. */
export const Name = z.string().trim().min(1).max(200);
export const LongText = z.string().max(20_000);

export const IdParams = z.object({ id: Id });

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
  requestId: z.string(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Locale = z.enum(['da', 'en']);
export type Locale = z.infer<typeof Locale>;

export const ExportFormat = z.enum(['csv', 'xlsx']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/**
 * Optimistic-concurrency version a client sends back with an edit. Bounded so that it and the
 * next version fit PostgreSQL's integer column (a larger one was a 500 there instead of a 400).
 */
export const Version = z.number().int().min(1).max(2_147_483_646);
