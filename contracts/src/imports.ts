// Contracts of imports: registrations, participants and indicator values from CSV and .xlsx.
import { z } from 'zod';
import { Id } from './common.js';

export const ImportKind = z.enum(['registrations', 'participants', 'indicator-values']);
export type ImportKind = z.infer<typeof ImportKind>;

export const ImportParams = z.object({ planId: Id, kind: ImportKind });
export const ImportTemplateQuery = z.object({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  /** The headers' language; default the request's (Accept-Language, else the user's). */
  lang: z.enum(['da', 'en']).optional(),
});
export const ImportQuery = z.object({
  /** `true`: validate and count only, store nothing. */
  dryRun: z.enum(['true', 'false']).default('false'),
  /** The uploaded file's name (also accepted in the `x-filename` header, URI-encoded). */
  filename: z.string().max(255).optional(),
  /** A token the client chose; GET …/imports/progress/:progressId reports the import's phase. */
  progressId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/)
    .optional(),
});

/** One thing to fix: the spreadsheet row (the header is row 1) and column, where there is one. */
export const ImportProblem = z.object({
  row: z.number().nullable(),
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

export const ImportResult = z.object({
  kind: ImportKind,
  dryRun: z.boolean(),
  /** False when the file has problems; then nothing was stored. */
  ok: z.boolean(),
  /** Data rows read (the header not counted). */
  rows: z.number(),
  /** Rows that add, change or leave as it is what is stored (on a dry run: would). */
  added: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  durationMs: z.number(),
  format: z.enum(['csv', 'xlsx']).nullable(),
  problems: z.array(ImportProblem),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const ImportPhase = z.enum(['waiting', 'reading', 'validating', 'writing', 'done']);
export type ImportPhase = z.infer<typeof ImportPhase>;
export const ImportProgressParams = z.object({
  planId: Id,
  progressId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
});
export const ImportProgress = z.object({
  phase: ImportPhase,
  /** 0-1 within the phase. */
  fraction: z.number(),
  rows: z.number().nullable(),
});
export type ImportProgress = z.infer<typeof ImportProgress>;

/** A refused import: the usual error body, each detail naming its row and column. */
export const ImportError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z
      .array(
        z.object({
          path: z.string(),
          message: z.string(),
          row: z.number().nullable().optional(),
          column: z.string().nullable().optional(),
        }),
      )
      .optional(),
  }),
  requestId: z.string(),
});
export type ImportError = z.infer<typeof ImportError>;
