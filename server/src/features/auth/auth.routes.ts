import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { LocaleInput, LoginInput, Me } from '@pejling/contracts';
import type { AppDeps } from '../../app.js';
import { AUTHENTICATED, PUBLIC } from '../../http/permissions.js';
import { cookieOptions } from '../../http/auth.js';
import { nowIso } from '../../db/portable.js';
import { recordAudit } from '../audit/audit.service.js';
import { describeMe, login } from './auth.service.js';
import { SESSION_COOKIE, deleteSession } from './session.repository.js';

export const authRoutes = (deps: AppDeps) => async (base: FastifyInstance) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db, config } = deps;

  app.post(
    '/api/auth/login',
    {
      config: { permission: PUBLIC },
      schema: {
        tags: ['auth'],
        summary: 'Log in; sets the session cookie',
        body: LoginInput,
        response: { 200: Me },
      },
    },
    async (req, reply) => {
      // Any earlier session on this browser ends: a login always gets a new session id.
      if (req.principal) await deleteSession(db, req.principal.sessionId);
      const session = await login(db, config, req.ctx, { ...req.body, ip: req.ip });
      const maxAge = Math.floor((Date.parse(session.expiresAt) - Date.now()) / 1000);
      reply.setCookie(SESSION_COOKIE, session.token, cookieOptions(config, req, maxAge));
      return describeMe(db, session.userId, session.csrfToken);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { permission: AUTHENTICATED },
      schema: { tags: ['auth'], summary: 'Log out', response: { 200: z.object({ ok: z.literal(true) }) } },
    },
    async (req, reply) => {
      if (req.principal) {
        const { sessionId, userId } = req.principal;
        await db.transaction().execute(async (trx) => {
          await deleteSession(trx, sessionId);
          await recordAudit(trx, req.ctx, { action: 'logout', entityType: 'user', entityId: userId });
        });
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { permission: AUTHENTICATED },
      schema: { tags: ['auth'], summary: 'The logged-in user, roles and CSRF token', response: { 200: Me } },
    },
    async (req) => describeMe(db, req.principal!.userId, req.principal!.csrfToken),
  );

  app.put(
    '/api/auth/locale',
    {
      config: { permission: AUTHENTICATED },
      schema: {
        tags: ['auth'],
        summary: 'Set the language of the logged-in user',
        body: LocaleInput,
        response: { 200: Me },
      },
    },
    async (req) => {
      const { userId, locale } = req.principal!;
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({ locale: req.body.locale, updatedAt: nowIso() })
          .where('id', '=', userId)
          .execute();
        await recordAudit(trx, req.ctx, {
          action: 'update',
          entityType: 'user',
          entityId: userId,
          before: { locale },
          after: { locale: req.body.locale },
        });
      });
      return describeMe(db, userId, req.principal!.csrfToken);
    },
  );
};
