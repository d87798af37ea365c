import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  PlanIdParams,
  Report,
  ReportAction,
  ReportExportQuery,
  ReportInput,
  ReportList,
  ReportParams,
  ReportUpdate,
} from '@pejling/contracts';
import type { AppDeps } from '../../app.js';
import type { RequestContext } from '../../http/context.js';
import { planRead, planWrite } from '../../http/permissions.js';
import { getPlanDetail } from '../plans/plan.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { renderReportDocx, renderReportPdf } from './report-render.js';
import {
  createReport,
  deleteReport,
  getReport,
  listReports,
  transitionReport,
  updateReport,
  type ReportTransition,
} from './report.service.js';

/** Status reports: drafts, the approval flow, and the reports as PDF and Word. */
export const reportRoutes = (deps: AppDeps) => async (base: FastifyInstance) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const tags = ['reports'];
  const read = { permission: planRead('planId') };
  const write = { permission: planWrite('planId') };
  /** A report names who wrote, approved and sent it: every read and export is in the audit log. */
  const auditRead = (ctx: RequestContext, entityId: string, planId: string, action: 'read' | 'export') =>
    recordAudit(db, ctx, { action, entityType: 'status_report', entityId, planId });

  app.get(
    '/api/plans/:planId/reports',
    { config: read, schema: { tags, params: PlanIdParams, response: { 200: ReportList } } },
    async (req) => listReports(db, req.ctx, req.params.planId),
  );
  app.get(
    '/api/plans/:planId/reports/:reportId',
    {
      config: read,
      schema: {
        tags,
        summary: 'A report with its figures: live while a draft or submitted, frozen once approved',
        params: ReportParams,
        response: { 200: Report },
      },
    },
    async (req) => {
      const report = await getReport(db, req.ctx, req.params.planId, req.params.reportId);
      await auditRead(req.ctx, report.id, req.params.planId, 'read');
      return report;
    },
  );
  app.get(
    '/api/plans/:planId/reports/:reportId/export',
    {
      config: read,
      schema: {
        tags,
        summary: 'The report as PDF or Word',
        params: ReportParams,
        querystring: ReportExportQuery,
      },
    },
    async (req, reply) => {
      const report = await getReport(db, req.ctx, req.params.planId, req.params.reportId);
      const plan = await getPlanDetail(db, req.principal, req.params.planId);
      const input = {
        report,
        plan: {
          name: plan.name,
          municipalityName: plan.municipalityName,
          housingOrganisationName: plan.housingOrganisationName,
          poolName: plan.poolName,
          periodStart: plan.periodStart,
          periodEnd: plan.periodEnd,
          isExample: plan.isExample,
        },
        locale: req.locale,
      };
      const pdf = req.query.format === 'pdf';
      await auditRead(req.ctx, report.id, req.params.planId, 'export');
      const body = pdf ? await renderReportPdf(input) : await renderReportDocx(input);
      const name = `statusrapport-${report.period}.${pdf ? 'pdf' : 'docx'}`;
      return reply
        .header(
          'content-type',
          pdf ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        )
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(body);
    },
  );
  app.post(
    '/api/plans/:planId/reports',
    { config: write, schema: { tags, params: PlanIdParams, body: ReportInput, response: { 201: Report } } },
    async (req, reply) =>
      reply.status(201).send(await createReport(db, req.ctx, req.params.planId, req.body)),
  );
  app.put(
    '/api/plans/:planId/reports/:reportId',
    { config: write, schema: { tags, params: ReportParams, body: ReportUpdate, response: { 200: Report } } },
    async (req) => updateReport(db, req.ctx, req.params.planId, req.params.reportId, req.body),
  );
  app.delete(
    '/api/plans/:planId/reports/:reportId',
    { config: write, schema: { tags, params: ReportParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await deleteReport(db, req.ctx, req.params.planId, req.params.reportId);
      return reply.status(204).send(null);
    },
  );

  // The flow. Submit and send are the editors'; approve is a steering-group or board member's
  // (checked in the service), and either may return a submitted report to draft.
  const flow: { path: ReportTransition; permission: typeof read; summary: string }[] = [
    { path: 'submit', permission: write, summary: 'Submit a draft for approval' },
    {
      path: 'return',
      permission: read,
      summary: 'Return a submitted report to draft (editors and approvers)',
    },
    {
      path: 'approve',
      permission: read,
      summary: 'Approve a submitted report and freeze its figures (approvers)',
    },
    { path: 'send', permission: write, summary: 'Record that an approved report was sent, and to whom' },
  ];
  for (const f of flow) {
    app.post(
      `/api/plans/:planId/reports/:reportId/${f.path}`,
      {
        config: f.permission,
        schema: {
          tags,
          summary: f.summary,
          params: ReportParams,
          body: ReportAction,
          response: { 200: Report },
        },
      },
      async (req) => transitionReport(db, req.ctx, req.params.planId, req.params.reportId, f.path, req.body),
    );
  }
};
