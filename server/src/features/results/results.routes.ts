import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  Activity,
  ActivityParams,
  ActivityUpdate,
  ActivityInput,
  Coherence,
  Goal,
  GoalInput,
  GoalParams,
  GoalUpdate,
  Indicator,
  IndicatorInput,
  IndicatorParams,
  IndicatorUpdate,
  IndicatorValueList,
  IndicatorValuesInput,
  PlanIdParams,
  ResultsExportQuery,
  ResultsFramework,
} from '@pejling/contracts';
import type { AppDeps } from '../../app.js';
import { planRead, planWrite } from '../../http/permissions.js';
import { sendExport } from '../exports/export.js';
import { AnswerCache, planAnswer, sendKept } from '../../http/answer-cache.js';
import { findPlanFocusAreas } from '../plans/plan.repository.js';
import { activityColumns, goalColumns } from './results.export.js';
import {
  createActivity,
  createGoal,
  createIndicator,
  deleteActivity,
  deleteGoal,
  deleteIndicator,
  getFramework,
  listIndicatorValues,
  saveIndicatorValues,
  updateActivity,
  updateGoal,
  updateIndicator,
} from './results.service.js';

/** The results capability's routes: goals, indicators with targets and values, activities, coherence. */
export const resultsRoutes = (deps: AppDeps) => async (base: FastifyInstance) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const tags = ['results'];
  const read = { permission: planRead('planId') };
  const write = { permission: planWrite('planId') };
  const frameworks = new AnswerCache();

  app.get(
    '/api/plans/:planId/results',
    {
      config: read,
      schema: {
        tags,
        summary: "The plan's goals, indicators, activities and coherence",
        params: PlanIdParams,
        response: { 200: ResultsFramework },
      },
    },
    async (req, reply) => {
      const { planId } = req.params;
      const body = await planAnswer(frameworks, db, planId, ResultsFramework, () => getFramework(db, planId));
      return sendKept(reply, body);
    },
  );

  app.get(
    '/api/plans/:planId/coherence',
    {
      config: read,
      schema: {
        tags,
        summary: 'Coherence flags of the plan (programme management)',
        params: PlanIdParams,
        response: { 200: Coherence },
      },
    },
    async (req) => (await getFramework(db, req.params.planId)).coherence,
  );

  app.get(
    '/api/plans/:planId/goals/export',
    {
      config: read,
      schema: {
        tags,
        summary: "The plan's goals as CSV or .xlsx",
        params: PlanIdParams,
        querystring: ResultsExportQuery,
      },
    },
    async (req, reply) => {
      const f = await getFramework(db, req.params.planId);
      const focusAreas = await findPlanFocusAreas(db, req.params.planId);
      return sendExport(reply, {
        format: req.query.format,
        locale: req.locale,
        name: 'maal',
        rows: f.goals,
        columns: goalColumns(req.locale, f, focusAreas),
      });
    },
  );
  app.get(
    '/api/plans/:planId/activities/export',
    {
      config: read,
      schema: {
        tags,
        summary: "The plan's activities with the goals they serve, as CSV or .xlsx",
        params: PlanIdParams,
        querystring: ResultsExportQuery,
      },
    },
    async (req, reply) => {
      const f = await getFramework(db, req.params.planId);
      const focusAreas = await findPlanFocusAreas(db, req.params.planId);
      return sendExport(reply, {
        format: req.query.format,
        locale: req.locale,
        name: 'aktiviteter',
        rows: f.activities,
        columns: activityColumns(req.locale, f, focusAreas),
      });
    },
  );

  // ---------- goals ----------
  app.post(
    '/api/plans/:planId/goals',
    { config: write, schema: { tags, params: PlanIdParams, body: GoalInput, response: { 201: Goal } } },
    async (req, reply) => reply.status(201).send(await createGoal(db, req.ctx, req.params.planId, req.body)),
  );
  app.put(
    '/api/plans/:planId/goals/:goalId',
    { config: write, schema: { tags, params: GoalParams, body: GoalUpdate, response: { 200: Goal } } },
    async (req) => updateGoal(db, req.ctx, req.params.planId, req.params.goalId, req.body),
  );
  app.delete(
    '/api/plans/:planId/goals/:goalId',
    { config: write, schema: { tags, params: GoalParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await deleteGoal(db, req.ctx, req.params.planId, req.params.goalId);
      return reply.status(204).send(null);
    },
  );

  // ---------- indicators ----------
  app.post(
    '/api/plans/:planId/indicators',
    {
      config: write,
      schema: { tags, params: PlanIdParams, body: IndicatorInput, response: { 201: Indicator } },
    },
    async (req, reply) =>
      reply.status(201).send(await createIndicator(db, req.ctx, req.params.planId, req.body)),
  );
  app.put(
    '/api/plans/:planId/indicators/:indicatorId',
    {
      config: write,
      schema: { tags, params: IndicatorParams, body: IndicatorUpdate, response: { 200: Indicator } },
    },
    async (req) => updateIndicator(db, req.ctx, req.params.planId, req.params.indicatorId, req.body),
  );
  app.delete(
    '/api/plans/:planId/indicators/:indicatorId',
    { config: write, schema: { tags, params: IndicatorParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await deleteIndicator(db, req.ctx, req.params.planId, req.params.indicatorId);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/plans/:planId/indicators/:indicatorId/values',
    {
      config: read,
      schema: {
        tags,
        summary: 'Every value of the indicator, earlier definitions included',
        params: IndicatorParams,
        response: { 200: IndicatorValueList },
      },
    },
    async (req) => listIndicatorValues(db, req.params.planId, req.params.indicatorId),
  );
  app.put(
    '/api/plans/:planId/indicators/:indicatorId/values',
    {
      config: write,
      schema: {
        tags,
        summary: 'Enter values by hand (each row replaces the one of its period and breakdown)',
        params: IndicatorParams,
        body: IndicatorValuesInput,
        response: { 200: IndicatorValueList },
      },
    },
    async (req) => saveIndicatorValues(db, req.ctx, req.params.planId, req.params.indicatorId, req.body),
  );

  // ---------- activities ----------
  app.post(
    '/api/plans/:planId/activities',
    {
      config: write,
      schema: { tags, params: PlanIdParams, body: ActivityInput, response: { 201: Activity } },
    },
    async (req, reply) =>
      reply.status(201).send(await createActivity(db, req.ctx, req.params.planId, req.body)),
  );
  app.put(
    '/api/plans/:planId/activities/:activityId',
    {
      config: write,
      schema: { tags, params: ActivityParams, body: ActivityUpdate, response: { 200: Activity } },
    },
    async (req) => updateActivity(db, req.ctx, req.params.planId, req.params.activityId, req.body),
  );
  app.delete(
    '/api/plans/:planId/activities/:activityId',
    { config: write, schema: { tags, params: ActivityParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await deleteActivity(db, req.ctx, req.params.planId, req.params.activityId);
      return reply.status(204).send(null);
    },
  );
};
