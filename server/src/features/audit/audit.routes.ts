import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditPage, AuditQuery, ExportQuery, type AuditEntry } from '@pejling/contracts';
import type { AppDeps } from '../../app.js';
import { ADMIN } from '../../http/permissions.js';
import { listAudit, recordAudit } from './audit.service.js';
import { sendExport } from '../exports/export.js';

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
      const page = await listAudit(deps.db, {
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
      // The log names people, so reading it is itself logged (after the read), with the search criteria.
      await recordAudit(deps.db, req.ctx, { action: 'read', entityType: 'audit_log', after: q });
      return page;
    },
  );
  app.get(
    '/api/audit/export',
    {
      config: { permission: ADMIN },
      schema: {
        tags: ['audit'],
        summary: 'The filtered audit log (up to 50,000 entries) as CSV or .xlsx',
        querystring: AuditQuery.omit({ limit: true, offset: true }).extend(ExportQuery.shape),
      },
    },
    async (req, reply) => {
      const q = req.query;
      await recordAudit(deps.db, req.ctx, { action: 'export', entityType: 'audit_log', after: q });
      const { items } = await listAudit(deps.db, {
        entityType: q.entityType || undefined,
        entityId: q.entityId || undefined,
        planId: q.planId || undefined,
        userId: q.userId || undefined,
        action: q.action || undefined,
        from: q.from || undefined,
        to: q.to || undefined,
        limit: 50_000,
        offset: 0,
      });
      const h = (da: string, en: string) => ({ da, en });
      return sendExport<AuditEntry>(reply, {
        format: q.format,
        locale: req.locale,
        name: 'revisionslog',
        rows: items,
        columns: [
          { header: h('Tidspunkt (UTC)', 'Time (UTC)'), value: (e) => e.at, width: 26 },
          { header: h('Bruger', 'User'), value: (e) => e.userEmail, width: 30 },
          { header: h('Handling', 'Action'), value: (e) => e.action, width: 14 },
          { header: h('Type', 'Type'), value: (e) => e.entityType, width: 20 },
          { header: h('Id', 'Id'), value: (e) => e.entityId, width: 38 },
          { header: h('Plan-id', 'Plan id'), value: (e) => e.planId, width: 38 },
          {
            header: h('Før', 'Before'),
            value: (e) => (e.before === null ? null : JSON.stringify(e.before)),
            width: 60,
          },
          {
            header: h('Efter', 'After'),
            value: (e) => (e.after === null ? null : JSON.stringify(e.after)),
            width: 60,
          },
        ],
      });
    },
  );
};
