import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  errorMessage,
  ImportError,
  ImportParams,
  ImportProgress,
  ImportProgressParams,
  ImportQuery,
  ImportResult,
  ImportTemplateQuery,
  type ImportPhase,
} from '@pejling/contracts';
import type { AppDeps } from '../../app.js';
import { AppError } from '../../errors.js';
import { collectGarbage } from '../../http/memory.js';
import { planWrite } from '../../http/permissions.js';
import { MAX_IMPORT_BYTES, runImport } from './imports.service.js';
import { buildTemplate, templateName } from './templates.js';

/** The body types an upload may carry; the file's bytes decide CSV or .xlsx, not the type. */
const FILE_TYPES = [
  'application/octet-stream',
  'text/csv',
  'text/plain',
  'application/csv',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/** Files from this size on are read with a full garbage collection before and after (memory.ts). */
const LARGE_IMPORT_BYTES = 1024 * 1024;

const tooLarge = () => new AppError('import_too_large', 413, { maxMb: MAX_IMPORT_BYTES / 1024 / 1024 });

interface Progress {
  userId: string | null;
  planId: string;
  phase: ImportPhase;
  fraction: number;
  rows: number | null;
  at: number;
}
/** Phases of running imports by the client's token; kept ten minutes. One process's memory. */
const progressById = new Map<string, Progress>();
function setProgress(id: string, p: Omit<Progress, 'at'>) {
  const now = Date.now();
  progressById.set(id, { ...p, at: now });
  if (progressById.size > 1000)
    for (const [k, v] of progressById) if (now - v.at > 10 * 60_000) progressById.delete(k);
}

function filenameOf(req: FastifyRequest, fromQuery: string | undefined): string {
  const header = req.headers['x-filename'];
  let name = fromQuery ?? (typeof header === 'string' ? header : '');
  try {
    name = decodeURIComponent(name);
  } catch {
    /* kept as sent */
  }
  return [...name]
    .filter((c) => c.charCodeAt(0) >= 32)
    .join('')
    .slice(0, 255);
}

/**
 * Imports of registrations, participants and indicator values: a template per kind, and the
 * upload (the file as the raw body, at most 20 MB) with a dry run and a progress phase.
 */
export const importRoutes = (deps: AppDeps) => async (base: FastifyInstance) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const tags = ['imports'];
  const write = { permission: planWrite('planId') };

  // The raw file, counted as it arrives: past the limit the upload stops with a 413.
  app.addContentTypeParser(FILE_TYPES, (req, payload, done) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_IMPORT_BYTES) {
      payload.resume();
      done(tooLarge(), undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let finished = false;
    payload.on('data', (chunk: Buffer) => {
      if (finished) return;
      size += chunk.length;
      if (size > MAX_IMPORT_BYTES) {
        finished = true;
        chunks.length = 0;
        done(tooLarge(), undefined);
        return;
      }
      chunks.push(chunk);
    });
    payload.on('end', () => {
      if (!finished) {
        finished = true;
        done(null, Buffer.concat(chunks));
      }
    });
    payload.on('error', (err) => {
      if (!finished) {
        finished = true;
        done(err, undefined);
      }
    });
  });

  app.get(
    '/api/plans/:planId/imports/:kind/template',
    {
      config: write,
      schema: {
        tags,
        summary: "A kind's import template for the plan (its breakdown columns, one example row)",
        params: ImportParams,
        querystring: ImportTemplateQuery,
      },
    },
    async (req, reply) => {
      const { planId, kind } = req.params;
      const format = req.query.format;
      const locale = req.query.lang ?? req.locale;
      const body = await buildTemplate(db, planId, kind, locale, format);
      reply.header('content-disposition', `attachment; filename="${templateName(kind, locale, format)}"`);
      reply.header('cache-control', 'no-store');
      return reply
        .type(
          format === 'csv'
            ? 'text/csv; charset=utf-8'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        )
        .send(body);
    },
  );

  app.post(
    '/api/plans/:planId/imports/:kind',
    {
      config: write,
      bodyLimit: MAX_IMPORT_BYTES + 1024,
      schema: {
        tags,
        summary:
          'Import a CSV or .xlsx file (the raw body): every row validated, all or nothing; ?dryRun=true validates only',
        params: ImportParams,
        querystring: ImportQuery,
        response: { 200: ImportResult, 400: ImportError },
      },
    },
    async (req, reply) => {
      const { planId, kind } = req.params;
      const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const progressId = req.query.progressId;
      const userId = req.principal?.userId ?? null;
      const large = bytes.length >= LARGE_IMPORT_BYTES;
      if (large) collectGarbage();
      const outcome = await runImport(db, req.ctx, planId, kind, bytes, {
        dryRun: req.query.dryRun === 'true',
        locale: req.locale,
        filename: filenameOf(req, req.query.filename),
        onProgress: progressId
          ? (phase, fraction, rows) => setProgress(progressId, { userId, planId, phase, fraction, rows })
          : undefined,
      });
      // Once this request's objects are gone (after the answer is sent).
      if (large) setImmediate(collectGarbage);
      if (!outcome.refused) return outcome.result;
      return reply
        .status(400)
        .type('application/json; charset=utf-8')
        .send({
          error: {
            code: outcome.code,
            message: errorMessage(outcome.code, req.locale, outcome.params),
            details: outcome.problems.map((p) => ({
              path: [p.row, p.column].filter((x) => x !== null).join('.'),
              message: p.message,
              row: p.row,
              column: p.column,
            })),
          },
          requestId: req.id,
        });
    },
  );

  app.get(
    '/api/plans/:planId/import-progress/:progressId',
    {
      config: write,
      schema: {
        tags,
        summary: "The phase of the caller's running import with this token ('waiting' until it starts)",
        params: ImportProgressParams,
        response: { 200: ImportProgress },
      },
    },
    async (req) => {
      const p = progressById.get(req.params.progressId);
      if (!p || p.planId !== req.params.planId || p.userId !== (req.principal?.userId ?? null))
        return { phase: 'waiting' as const, fraction: 0, rows: null };
      return { phase: p.phase, fraction: p.fraction, rows: p.rows };
    },
  );
};
