import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AnalysisExportQuery, FrameworkExportQuery, QuoteExportQuery, StudyParams } from '@pejling/contracts';
import type { AppDeps } from '../../app.js';
import { AUTHENTICATED } from '../../http/permissions.js';
import {
  exportCoOccurrence,
  exportDriversBarriers,
  exportFramework,
  exportMatrix,
  exportQuotes,
  type ExportFile,
} from './analysis.export.js';

function send(reply: FastifyReply, f: ExportFile) {
  reply.header('content-disposition', `attachment; filename="${f.filename}"`);
  reply.header('cache-control', 'no-store');
  return reply.type(f.type).send(f.bytes);
}

/**
 * Analyses of a study as files (.xlsx; the framework matrix and quotes also .docx). The team
 * check is the analysis's own; each export is audited as a read with the purpose `export`.
 */
export const evaluationExportRoutes = (deps: AppDeps) => async (base: FastifyInstance) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const tags = ['evaluation'];
  const config = { permission: AUTHENTICATED };
  const study = '/api/evaluation/studies/:studyId';

  app.get(
    `${study}/analysis/matrix/export`,
    {
      config,
      schema: {
        tags,
        summary: 'Case × code matrix with the coded text (.xlsx, audited)',
        params: StudyParams,
        querystring: AnalysisExportQuery,
      },
    },
    async (req, reply) =>
      send(reply, await exportMatrix(db, req.ctx, req.params.studyId, req.query, req.locale)),
  );
  app.get(
    `${study}/analysis/drivers-barriers/export`,
    {
      config,
      schema: {
        tags,
        summary: 'Drivers and barriers by theme × case (.xlsx, audited)',
        params: StudyParams,
        querystring: AnalysisExportQuery,
      },
    },
    async (req, reply) =>
      send(reply, await exportDriversBarriers(db, req.ctx, req.params.studyId, req.locale)),
  );
  app.get(
    `${study}/analysis/co-occurrence/export`,
    {
      config,
      schema: {
        tags,
        summary: 'Code co-occurrence (.xlsx, audited)',
        params: StudyParams,
        querystring: AnalysisExportQuery,
      },
    },
    async (req, reply) => send(reply, await exportCoOccurrence(db, req.ctx, req.params.studyId, req.locale)),
  );
  app.get(
    `${study}/analysis/quotes/export`,
    {
      config,
      schema: {
        tags,
        summary: 'Quotes with filters (.xlsx or .docx, audited)',
        params: StudyParams,
        querystring: QuoteExportQuery,
      },
    },
    async (req, reply) =>
      send(reply, await exportQuotes(db, req.ctx, req.params.studyId, req.query, req.locale)),
  );
  app.get(
    `${study}/framework/export`,
    {
      config,
      schema: {
        tags,
        summary: 'The framework matrix (.xlsx or .docx, audited)',
        params: StudyParams,
        querystring: FrameworkExportQuery,
      },
    },
    async (req, reply) =>
      send(reply, await exportFramework(db, req.ctx, req.params.studyId, req.query.format, req.locale)),
  );
};
