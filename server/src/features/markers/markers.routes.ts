import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  InvitationLink,
  InvitationsInput,
  MarkersQuery,
  PlanMarkers,
  PlanMarkersParams,
  PortfolioMarkers,
  PortfolioMarkersQuery,
  Questionnaire,
  QuestionnaireAnswer,
  QuestionnaireReceipt,
  Survey,
  SurveyInput,
  SurveyList,
  SurveyParams,
  SurveyUpdate,
  SurveyWithLinks,
  TokenParams,
} from '@pejling/contracts';
import type { AppDeps } from '../../app.js';
import { AUTHENTICATED, PUBLIC, planRead, planWrite } from '../../http/permissions.js';
import {
  addInvitations,
  answerQuestionnaire,
  createSurvey,
  deleteSurvey,
  getQuestionnaire,
  getSurvey,
  listSurveys,
  planMarkers,
  portfolioMarkers,
  updateSurvey,
} from './markers.service.js';

/**
 * The implementation markers: a plan's five markers (evidence and questionnaire side by side),
 * the same across the portfolio, surveys with invitation links, and the public questionnaire.
 */
export const markersRoutes = (deps: AppDeps) => async (base: FastifyInstance) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db, config } = deps;
  const tags = ['markers'];

  app.get(
    '/api/plans/:planId/markers',
    {
      config: { permission: planRead('planId') },
      schema: {
        tags,
        summary: 'The five implementation markers of a plan for a year',
        params: PlanMarkersParams,
        querystring: MarkersQuery,
        response: { 200: PlanMarkers },
      },
    },
    async (req) => planMarkers(db, req.params.planId, req.query.period),
  );

  app.get(
    '/api/portfolio/markers',
    {
      config: { permission: AUTHENTICATED },
      schema: {
        tags,
        summary: 'The markers’ levels across the plans of the portfolio',
        querystring: PortfolioMarkersQuery,
        response: { 200: PortfolioMarkers },
      },
    },
    async (req) => portfolioMarkers(db, req.principal!, req.query),
  );

  app.get(
    '/api/plans/:planId/surveys',
    {
      config: { permission: planRead('planId') },
      schema: {
        tags,
        summary: 'The plan’s questionnaires',
        params: PlanMarkersParams,
        response: { 200: SurveyList },
      },
    },
    async (req) => ({ items: await listSurveys(db, req.params.planId) }),
  );

  app.post(
    '/api/plans/:planId/surveys',
    {
      config: { permission: planWrite('planId') },
      schema: {
        tags,
        summary: 'Create a questionnaire with invitation links (shown once)',
        params: PlanMarkersParams,
        body: SurveyInput,
        response: { 201: SurveyWithLinks },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createSurvey(db, req.ctx, req.params.planId, req.body)),
  );

  app.get(
    '/api/plans/:planId/surveys/:surveyId',
    {
      config: { permission: planRead('planId') },
      schema: {
        tags,
        summary: 'A questionnaire and its results per group',
        params: SurveyParams,
        response: { 200: Survey },
      },
    },
    async (req) => getSurvey(db, req.params.planId, req.params.surveyId),
  );

  app.put(
    '/api/plans/:planId/surveys/:surveyId',
    {
      config: { permission: planWrite('planId') },
      schema: {
        tags,
        summary: 'Rename, close or reopen a questionnaire, or change its minimum of answers',
        params: SurveyParams,
        body: SurveyUpdate,
        response: { 200: Survey },
      },
    },
    async (req) => updateSurvey(db, req.ctx, req.params.planId, req.params.surveyId, req.body),
  );

  app.delete(
    '/api/plans/:planId/surveys/:surveyId',
    {
      config: { permission: planWrite('planId') },
      schema: {
        tags,
        summary: 'Delete a questionnaire with its links and answers',
        params: SurveyParams,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req) => {
      await deleteSurvey(db, req.ctx, req.params.planId, req.params.surveyId);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/plans/:planId/surveys/:surveyId/invitations',
    {
      config: { permission: planWrite('planId') },
      schema: {
        tags,
        summary: 'More invitation links for a questionnaire (shown once)',
        params: SurveyParams,
        body: InvitationsInput,
        response: { 201: z.object({ links: z.array(InvitationLink) }) },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await addInvitations(db, req.ctx, req.params.planId, req.params.surveyId, req.body.invitations),
        ),
  );

  app.get(
    '/api/questionnaire/:token',
    {
      config: { permission: PUBLIC },
      schema: {
        tags,
        summary: 'The questionnaire behind an invitation link (no login)',
        params: TokenParams,
        response: { 200: Questionnaire },
      },
    },
    async (req) => getQuestionnaire(db, config, req.params.token, req.ip),
  );

  app.post(
    '/api/questionnaire/:token',
    {
      config: { permission: PUBLIC },
      schema: {
        tags,
        summary: 'Answer the questionnaire once, anonymously (no login)',
        params: TokenParams,
        body: QuestionnaireAnswer,
        response: { 200: QuestionnaireReceipt },
      },
    },
    async (req) => {
      await answerQuestionnaire(db, config, req.params.token, req.body.scores, req.ip);
      return { ok: true as const };
    },
  );
};
