import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  PlanTheoriesParams,
  TheoryComparison,
  TheoryDetail,
  TheoryDraftInput,
  TheoryExportQuery,
  TheoryInput,
  TheoryList,
  TheoryParams,
  TheorySearchQuery,
  TheorySearchResult,
  TheoryUpdate,
} from '@pejling/contracts';
import type { AppDeps } from '../../app.js';
import { AUTHENTICATED, planRead, planWrite } from '../../http/permissions.js';
import { theoryWorkbook } from './theory.export.js';
import {
  compareTheory,
  createTheory,
  deleteTheory,
  draftTheory,
  getTheory,
  listTheories,
  searchTheories,
  updateTheory,
} from './theory.service.js';

/**
 * Theories of change: a plan's diagrams (readers of the plan read them, its editors change them),
 * the draft from the results framework, the comparison with it, an .xlsx table, and the search
 * across every plan the caller may read.
 */
/** The largest whole-diagram save accepted. */
export const MAX_DIAGRAM_BYTES = 8 * 1024 * 1024;

export const theoryRoutes = (deps: AppDeps) => async (base: FastifyInstance) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const tags = ['theory'];
  const read = { permission: planRead('planId') };
  const write = { permission: planWrite('planId') };

  app.get(
    '/api/theories/search',
    {
      config: { permission: AUTHENTICATED },
      schema: {
        tags,
        summary: 'Nodes and paths in the theories of change of every plan the caller may read',
        querystring: TheorySearchQuery,
        response: { 200: TheorySearchResult },
      },
    },
    async (req) => searchTheories(db, req.principal!, req.query),
  );

  app.get(
    '/api/plans/:planId/theories',
    {
      config: read,
      schema: {
        tags,
        summary: "The plan's theories of change",
        params: PlanTheoriesParams,
        response: { 200: TheoryList },
      },
    },
    async (req) => listTheories(db, req.params.planId),
  );
  app.post(
    '/api/plans/:planId/theories',
    {
      config: write,
      schema: {
        tags,
        summary: 'A new, empty theory of change',
        params: PlanTheoriesParams,
        body: TheoryInput,
        response: { 201: TheoryDetail },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createTheory(db, req.ctx, req.params.planId, req.body)),
  );
  app.post(
    '/api/plans/:planId/theories/draft',
    {
      config: write,
      schema: {
        tags,
        summary: "A first theory of change built from the plan's activities and goal hierarchy",
        params: PlanTheoriesParams,
        body: TheoryDraftInput,
        response: { 201: TheoryDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await draftTheory(db, req.ctx, req.params.planId, req.body)),
  );
  app.get(
    '/api/plans/:planId/theories/:theoryId',
    {
      config: read,
      schema: {
        tags,
        summary: 'The diagram, with the live state of what its nodes stand for',
        params: TheoryParams,
        response: { 200: TheoryDetail },
      },
    },
    async (req) => getTheory(db, req.params.planId, req.params.theoryId),
  );
  app.put(
    '/api/plans/:planId/theories/:theoryId',
    {
      config: write,
      // A whole diagram of up to 2000 nodes and 5000 arrows with texts is more than the usual 1 MB.
      bodyLimit: MAX_DIAGRAM_BYTES,
      schema: {
        tags,
        summary: 'Saves the whole diagram (409 when someone else saved it since it was read)',
        params: TheoryParams,
        body: TheoryUpdate,
        response: { 200: TheoryDetail },
      },
    },
    async (req) => updateTheory(db, req.ctx, req.params.planId, req.params.theoryId, req.body),
  );
  app.delete(
    '/api/plans/:planId/theories/:theoryId',
    { config: write, schema: { tags, params: TheoryParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await deleteTheory(db, req.ctx, req.params.planId, req.params.theoryId);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/plans/:planId/theories/:theoryId/comparison',
    {
      config: read,
      schema: {
        tags,
        summary:
          'What the diagram claims that no goal or indicator backs, and what of the framework it leaves out',
        params: TheoryParams,
        response: { 200: TheoryComparison },
      },
    },
    async (req) => compareTheory(db, req.params.planId, req.params.theoryId),
  );
  app.get(
    '/api/plans/:planId/theories/:theoryId/export',
    {
      config: read,
      schema: {
        tags,
        summary: 'The diagram as a table (.xlsx): elements and arrows',
        params: TheoryParams,
        querystring: TheoryExportQuery,
      },
    },
    async (req, reply) => {
      const theory = await getTheory(db, req.params.planId, req.params.theoryId);
      const date = new Date().toISOString().slice(0, 10);
      reply.header('content-disposition', `attachment; filename="forandringsteori-${date}.xlsx"`);
      reply.header('cache-control', 'no-store');
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(await theoryWorkbook(theory, req.locale));
    },
  );
};
