import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodType } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CompareExportQuery,
  CompareQuery,
  Expenditures,
  ExpendituresInput,
  LinkableSharedIndicators,
  PlanIdParams,
  PortfolioCompare,
  PortfolioCompliance,
  PortfolioExportQuery,
  PortfolioFilters,
  PortfolioGrantUse,
  PortfolioIndicatorExportQuery,
  PortfolioIndicatorQuery,
  PortfolioIndicators,
  PortfolioOverview,
  RollupExportQuery,
  RollupQuery,
  SecretariatParams,
  SharedGoal,
  SharedGoalInput,
  SharedGoalList,
  SharedGoalParams,
  SharedGoalRollup,
  SharedGoalUpdate,
  SharedIndicator,
  SharedIndicatorInput,
  SharedIndicatorList,
  SharedIndicatorParams,
  SharedIndicatorUpdate,
} from '@pejling/contracts';
import type { AppDeps } from '../../app.js';
import { AnswerCache, sendKept, wholeAnswer } from '../../http/answer-cache.js';
import { AUTHENTICATED, planRead, planWrite } from '../../http/permissions.js';
import { recordAudit } from '../audit/audit.service.js';
import { sendExport } from '../exports/export.js';
import {
  compareColumns,
  compareRows,
  complianceColumns,
  grantColumns,
  indicatorColumns,
  indicatorRows,
  planColumns,
  rollupColumns,
  rollupRows,
} from './portfolio.export.js';
import {
  portfolioCompare,
  portfolioCompliance,
  portfolioGrantUse,
  portfolioIndicators,
  portfolioOverview,
  requirePortfolio,
} from './portfolio.service.js';
import {
  createSharedGoal,
  createSharedIndicator,
  deleteSharedGoal,
  deleteSharedIndicator,
  getExpenditures,
  linkableFor,
  listSharedGoals,
  listSharedIndicators,
  saveExpenditures,
  sharedGoalRollup,
  updateSharedGoal,
  updateSharedIndicator,
} from './shared.service.js';

/**
 * The portfolio (every plan the caller sees, as one) and area secretariats' shared goals. Every
 * figure is read from the plans' stored data. The views' answers are kept by the process per
 * caller and query while no revision anywhere has risen (`wholeAnswer`), so an unchanged country
 * costs one read of the revisions; the downloads are computed each time.
 */
export const portfolioRoutes = (deps: AppDeps) => async (base: FastifyInstance) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const tags = ['portfolio'];
  const auth = { permission: AUTHENTICATED };
  const answers = new AnswerCache(16 * 1024 * 1024);

  /** The view's answer, kept for this caller (their roles) and query, or computed. */
  const keptBody = (req: FastifyRequest, schema: ZodType, compute: () => Promise<unknown>) => {
    const p = req.principal!;
    requirePortfolio(p);
    const key = JSON.stringify([req.routeOptions.url, p.userId, p.isAdmin, p.roles, req.query]);
    return wholeAnswer(answers, db, key, schema, compute);
  };
  const kept = async (
    req: FastifyRequest,
    reply: FastifyReply,
    schema: ZodType,
    compute: () => Promise<unknown>,
  ) => sendKept(reply, await keptBody(req, schema, compute));

  app.get(
    '/api/portfolio/overview',
    {
      config: auth,
      schema: {
        tags,
        summary: 'Totals, distributions and plans',
        querystring: PortfolioFilters,
        response: { 200: PortfolioOverview },
      },
    },
    async (req, reply) =>
      kept(req, reply, PortfolioOverview, () => portfolioOverview(db, req.principal!, req.query)),
  );
  app.get(
    '/api/portfolio/overview/export',
    {
      config: auth,
      schema: { tags, summary: 'The portfolio’s plans as CSV or .xlsx', querystring: PortfolioExportQuery },
    },
    async (req, reply) => {
      const r = await portfolioOverview(db, req.principal!, req.query);
      return sendExport(reply, {
        format: req.query.format,
        locale: req.locale,
        name: 'portefolje-planer',
        rows: r.plans,
        columns: planColumns(req.locale),
      });
    },
  );

  app.get(
    '/api/portfolio/indicators',
    {
      config: auth,
      schema: {
        tags,
        summary: 'Shared indicators rolled up by group and period',
        querystring: PortfolioIndicatorQuery,
        response: { 200: PortfolioIndicators },
      },
    },
    async (req, reply) =>
      kept(req, reply, PortfolioIndicators, () => portfolioIndicators(db, req.principal!, req.query)),
  );
  app.get(
    '/api/portfolio/indicators/export',
    { config: auth, schema: { tags, querystring: PortfolioIndicatorExportQuery } },
    async (req, reply) => {
      const r = await portfolioIndicators(db, req.principal!, req.query);
      return sendExport(reply, {
        format: req.query.format,
        locale: req.locale,
        name: 'portefolje-indikatorer',
        rows: indicatorRows(r, req.locale),
        columns: indicatorColumns(req.locale),
      });
    },
  );

  app.get(
    '/api/portfolio/compliance',
    {
      config: auth,
      schema: {
        tags,
        summary: 'Plans late with registrations or status reports',
        querystring: PortfolioFilters,
        response: { 200: PortfolioCompliance },
      },
    },
    async (req, reply) => {
      const body = await keptBody(req, PortfolioCompliance, () =>
        portfolioCompliance(db, req.principal!, req.query),
      );
      // The list names the plans' editors: every reading is audited, kept or not.
      await recordAudit(db, req.ctx, { action: 'read', entityType: 'portfolio_compliance', entityId: null });
      return sendKept(reply, body);
    },
  );
  app.get(
    '/api/portfolio/compliance/export',
    { config: auth, schema: { tags, querystring: PortfolioExportQuery } },
    async (req, reply) => {
      const r = await portfolioCompliance(db, req.principal!, req.query);
      await recordAudit(db, req.ctx, {
        action: 'export',
        entityType: 'portfolio_compliance',
        entityId: null,
      });
      return sendExport(reply, {
        format: req.query.format,
        locale: req.locale,
        name: 'portefolje-rapportering',
        rows: r.rows,
        columns: complianceColumns(req.locale),
      });
    },
  );

  app.get(
    '/api/portfolio/grants',
    {
      config: auth,
      schema: {
        tags,
        summary: 'Granted, committed and spent per plan and pool',
        querystring: PortfolioFilters,
        response: { 200: PortfolioGrantUse },
      },
    },
    async (req, reply) =>
      kept(req, reply, PortfolioGrantUse, () => portfolioGrantUse(db, req.principal!, req.query)),
  );
  app.get(
    '/api/portfolio/grants/export',
    { config: auth, schema: { tags, querystring: PortfolioExportQuery } },
    async (req, reply) => {
      const r = await portfolioGrantUse(db, req.principal!, req.query);
      return sendExport(reply, {
        format: req.query.format,
        locale: req.locale,
        name: 'portefolje-bevillinger',
        rows: r.plans,
        columns: grantColumns(req.locale),
      });
    },
  );

  app.get(
    '/api/portfolio/compare',
    {
      config: auth,
      schema: {
        tags,
        summary: 'Plans side by side on shared indicators and coherence',
        querystring: CompareQuery,
        response: { 200: PortfolioCompare },
      },
    },
    async (req, reply) =>
      kept(req, reply, PortfolioCompare, () => portfolioCompare(db, req.principal!, req.query)),
  );
  app.get(
    '/api/portfolio/compare/export',
    { config: auth, schema: { tags, querystring: CompareExportQuery } },
    async (req, reply) => {
      const r = await portfolioCompare(db, req.principal!, req.query);
      return sendExport(reply, {
        format: req.query.format,
        locale: req.locale,
        name: 'portefolje-sammenligning',
        rows: compareRows(r),
        columns: compareColumns(req.locale, r.period),
      });
    },
  );

  // ---------- Shared indicators ----------
  app.get(
    '/api/shared-indicators',
    {
      config: auth,
      schema: {
        tags,
        summary: 'Shared indicators the caller may use',
        response: { 200: SharedIndicatorList },
      },
    },
    async (req) => {
      requirePortfolio(req.principal!);
      return { items: await listSharedIndicators(db, req.principal!) };
    },
  );
  app.post(
    '/api/shared-indicators',
    { config: auth, schema: { tags, body: SharedIndicatorInput, response: { 201: SharedIndicator } } },
    async (req, reply) => reply.code(201).send(await createSharedIndicator(db, req.ctx, req.body)),
  );
  app.put(
    '/api/shared-indicators/:sharedIndicatorId',
    {
      config: auth,
      schema: {
        tags,
        params: SharedIndicatorParams,
        body: SharedIndicatorUpdate,
        response: { 200: SharedIndicator },
      },
    },
    async (req) => updateSharedIndicator(db, req.ctx, req.params.sharedIndicatorId, req.body),
  );
  app.delete(
    '/api/shared-indicators/:sharedIndicatorId',
    { config: auth, schema: { tags, params: SharedIndicatorParams } },
    async (req, reply) => {
      await deleteSharedIndicator(db, req.ctx, req.params.sharedIndicatorId);
      return reply.code(204).send();
    },
  );
  app.get(
    '/api/plans/:planId/shared-indicators',
    {
      config: { permission: planRead('planId') },
      schema: {
        tags,
        summary: 'The shared indicators the plan’s indicators may link to',
        params: PlanIdParams,
        response: { 200: LinkableSharedIndicators },
      },
    },
    async (req) => ({ items: await linkableFor(db, req.principal!, req.params.planId) }),
  );

  // ---------- Shared goals of an area secretariat ----------
  const goals = '/api/area-secretariats/:secretariatId/shared-goals';
  app.get(
    goals,
    { config: auth, schema: { tags, params: SecretariatParams, response: { 200: SharedGoalList } } },
    async (req) => listSharedGoals(db, req.principal!, req.params.secretariatId),
  );
  app.post(
    goals,
    {
      config: auth,
      schema: { tags, params: SecretariatParams, body: SharedGoalInput, response: { 201: SharedGoal } },
    },
    async (req, reply) =>
      reply.code(201).send(await createSharedGoal(db, req.ctx, req.params.secretariatId, req.body)),
  );
  app.put(
    `${goals}/:goalId`,
    {
      config: auth,
      schema: { tags, params: SharedGoalParams, body: SharedGoalUpdate, response: { 200: SharedGoal } },
    },
    async (req) => updateSharedGoal(db, req.ctx, req.params.secretariatId, req.params.goalId, req.body),
  );
  app.delete(
    `${goals}/:goalId`,
    { config: auth, schema: { tags, params: SharedGoalParams } },
    async (req, reply) => {
      await deleteSharedGoal(db, req.ctx, req.params.secretariatId, req.params.goalId);
      return reply.code(204).send();
    },
  );
  app.get(
    `${goals}/:goalId/rollup`,
    {
      config: auth,
      schema: {
        tags,
        summary: 'Each plan’s part of a shared goal’s indicators, and the whole',
        params: SharedGoalParams,
        querystring: RollupQuery,
        response: { 200: SharedGoalRollup },
      },
    },
    async (req) =>
      sharedGoalRollup(db, req.principal!, req.params.secretariatId, req.params.goalId, req.query),
  );
  app.get(
    `${goals}/:goalId/rollup/export`,
    { config: auth, schema: { tags, params: SharedGoalParams, querystring: RollupExportQuery } },
    async (req, reply) => {
      const r = await sharedGoalRollup(
        db,
        req.principal!,
        req.params.secretariatId,
        req.params.goalId,
        req.query,
      );
      return sendExport(reply, {
        format: req.query.format,
        locale: req.locale,
        name: 'faelles-maal',
        rows: rollupRows(r, req.locale),
        columns: rollupColumns(req.locale),
      });
    },
  );

  // ---------- A plan's expenditure ----------
  app.get(
    '/api/plans/:planId/expenditures',
    {
      config: { permission: planRead('planId') },
      schema: { tags, params: PlanIdParams, response: { 200: Expenditures } },
    },
    async (req) => getExpenditures(db, req.principal!, req.params.planId),
  );
  app.put(
    '/api/plans/:planId/expenditures',
    {
      config: { permission: planWrite('planId') },
      schema: { tags, params: PlanIdParams, body: ExpendituresInput, response: { 200: Expenditures } },
    },
    async (req) => saveExpenditures(db, req.ctx, req.params.planId, req.body),
  );
};
