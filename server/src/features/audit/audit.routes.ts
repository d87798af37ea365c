import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditPage, AuditQuery } from '@pejling/contracts';
import type { AppDeps } from '../../app.js';
import { ADMIN } from '../../http/permissions.js';
import { listAudit } from './audit.service.js';

export const auditRoutes = (deps: AppDeps) => async (base: FastifyInstance) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/audit',
    {
      config: { permission: ADMIN },
      schema: {
        tags: ['audit'],
        summary: 'The audit log, newest first',
        querystring: AuditQuery,
        response: { 200: AuditPage },
      },
    },
    async (req) => {
      const q = req.query;
      return listAudit(deps.db, {
        entityType: q.entityType || undefined,
        entityId: q.entityId || undefined,
        planId: q.planId || undefined,
        userId: q.userId || undefined,
        action: q.action || undefined,
        from: q.from || undefined,
        to: q.to || undefined,
        limit: q.limit,
        offset: q.offset,
      });
    },
  );
};
