import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { errorMessage, validationMessage, type ErrorBody, type Locale } from '@pejling/contracts';
import { AppError } from '../errors.js';

function send(reply: FastifyReply, req: FastifyRequest, status: number, body: Omit<ErrorBody, 'requestId'>) {
  return reply
    .status(status)
    .type('application/json; charset=utf-8')
    .send({ ...body, requestId: req.id });
}

const DB_DOWN_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  '57P01', // admin_shutdown
  '57P02',
  '57P03', // cannot_connect_now
  '08000',
  '08001',
  '08003',
  '08006',
]);

export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | null;
  if (!e) return false;
  if (e.code && DB_DOWN_CODES.has(e.code)) return true;
  const m = e.message ?? '';
  return /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|database is locked/i.test(
    m,
  );
}

export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string } | null;
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/** PostgreSQL refuses text it cannot store, such as a NUL character (SQLite stores it). */
function isUnstorableText(err: unknown): boolean {
  const e = err as { code?: string } | null;
  return e?.code === '22021' || e?.code === '22P05';
}

function isForeignKeyViolation(err: unknown): boolean {
  const e = err as { code?: string } | null;
  return e?.code === '23503' || e?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/** The only place errors become HTTP answers: a stable code, a message in the user's language. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const locale: Locale = req.locale ?? 'da';
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = (err as { validationContext?: string }).validationContext;
      const details = err.validation.map((v) => {
        const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
        return {
          path: path || where || '',
          message: validationMessage(
            { keyword: v.keyword, params: v.params as Record<string, unknown>, message: v.message },
            locale,
          ),
        };
      });
      return send(reply, req, 400, {
        error: { code: 'validation_failed', message: errorMessage('validation_failed', locale), details },
      });
    }
    if (err instanceof AppError) {
      const details = err.fields.length
        ? err.fields.map((f) => ({ path: f.path, message: errorMessage(f.code, locale, f.params) }))
        : undefined;
      return send(reply, req, err.status, {
        error: {
          code: err.code,
          message: errorMessage(err.code, locale, err.params),
          ...(details ? { details } : {}),
        },
      });
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return send(reply, req, 413, {
        error: { code: 'body_too_large', message: errorMessage('body_too_large', locale) },
      });
    }
    if (err.code === 'FST_ERR_RATE_LIMIT' || err.statusCode === 429) {
      return send(reply, req, 429, {
        error: { code: 'rate_limited', message: errorMessage('rate_limited', locale) },
      });
    }
    if (isDatabaseUnavailable(err)) {
      req.log.warn({ err: { code: (err as { code?: string }).code } }, 'database unavailable');
      return send(reply, req, 503, {
        error: { code: 'database_unavailable', message: errorMessage('database_unavailable', locale) },
      });
    }
    if (isUnstorableText(err)) {
      return send(reply, req, 400, {
        error: { code: 'bad_request', message: errorMessage('bad_request', locale) },
      });
    }
    if (isUniqueViolation(err) || isForeignKeyViolation(err)) {
      // Services check these first; a race between two writers can still reach here.
      return send(reply, req, 409, {
        error: { code: 'stale_version', message: errorMessage('stale_version', locale) },
      });
    }
    if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      return send(reply, req, err.statusCode, {
        error: { code: 'bad_request', message: errorMessage('bad_request', locale) },
      });
    }
    req.log.error({ err }, 'unhandled error');
    return send(reply, req, 500, {
      error: { code: 'internal_error', message: errorMessage('internal_error', locale) },
    });
  });
}
