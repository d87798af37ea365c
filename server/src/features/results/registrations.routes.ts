import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  Participant,
  ParticipantInput,
  ParticipantList,
  ParticipantParams,
  ParticipantUpdate,
  PlanIdParams,
  Registration,
  RegistrationInput,
  RegistrationList,
  RegistrationParams,
  RegistrationQuery,
  RegistrationSummary,
  RegistrationUpdate,
} from '@pejling/contracts';
import type { AppDeps } from '../../app.js';
import { planRead, planWrite } from '../../http/permissions.js';
import { recordAudit } from '../audit/audit.service.js';
import { AnswerCache, planAnswer, sendKept } from '../../http/answer-cache.js';
import {
  createParticipant,
  createRegistration,
  deleteParticipant,
  deleteRegistration,
  listParticipants,
  listRegistrations,
  registrationSummary,
  updateParticipant,
  updateRegistration,
} from './registrations.service.js';

/** Registrations of activities, and the plan's pseudonymous participants. */
export const registrationRoutes = (deps: AppDeps) => async (base: FastifyInstance) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const tags = ['registrations'];
  const read = { permission: planRead('planId') };
  const summaries = new AnswerCache(4 * 1024 * 1024);
  const write = { permission: planWrite('planId') };

  app.get(
    '/api/plans/:planId/registrations',
    {
      config: read,
      schema: {
        tags,
        summary: "The plan's registrations (sessions and events), newest first",
        params: PlanIdParams,
        querystring: RegistrationQuery,
        response: { 200: RegistrationList },
      },
    },
    async (req) => listRegistrations(db, req.params.planId, req.query),
  );
  app.get(
    '/api/plans/:planId/registrations/summary',
    {
      config: read,
      schema: {
        tags,
        summary: 'Registrations, participants and hours per quarter',
        params: PlanIdParams,
        response: { 200: RegistrationSummary },
      },
    },
    async (req, reply) => {
      const { planId } = req.params;
      const body = await planAnswer(summaries, db, planId, RegistrationSummary, () =>
        registrationSummary(db, planId),
      );
      return sendKept(reply, body);
    },
  );
  app.post(
    '/api/plans/:planId/registrations',
    {
      config: write,
      schema: { tags, params: PlanIdParams, body: RegistrationInput, response: { 201: Registration } },
    },
    async (req, reply) =>
      reply.status(201).send(await createRegistration(db, req.ctx, req.params.planId, req.body)),
  );
  app.put(
    '/api/plans/:planId/registrations/:registrationId',
    {
      config: write,
      schema: { tags, params: RegistrationParams, body: RegistrationUpdate, response: { 200: Registration } },
    },
    async (req) => updateRegistration(db, req.ctx, req.params.planId, req.params.registrationId, req.body),
  );
  app.delete(
    '/api/plans/:planId/registrations/:registrationId',
    { config: write, schema: { tags, params: RegistrationParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await deleteRegistration(db, req.ctx, req.params.planId, req.params.registrationId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/plans/:planId/participants',
    {
      config: read,
      schema: {
        tags,
        summary: "The plan's pseudonymous participants with enrolments and outcomes (each read is audited)",
        params: PlanIdParams,
        response: { 200: ParticipantList },
      },
    },
    async (req) => {
      const list = await listParticipants(db, req.params.planId);
      await recordAudit(db, req.ctx, {
        action: 'read',
        entityType: 'participants',
        entityId: req.params.planId,
        planId: req.params.planId,
      });
      return list;
    },
  );
  app.post(
    '/api/plans/:planId/participants',
    {
      config: write,
      schema: { tags, params: PlanIdParams, body: ParticipantInput, response: { 201: Participant } },
    },
    async (req, reply) =>
      reply.status(201).send(await createParticipant(db, req.ctx, req.params.planId, req.body)),
  );
  app.put(
    '/api/plans/:planId/participants/:participantId',
    {
      config: write,
      schema: { tags, params: ParticipantParams, body: ParticipantUpdate, response: { 200: Participant } },
    },
    async (req) => updateParticipant(db, req.ctx, req.params.planId, req.params.participantId, req.body),
  );
  app.delete(
    '/api/plans/:planId/participants/:participantId',
    { config: write, schema: { tags, params: ParticipantParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await deleteParticipant(db, req.ctx, req.params.planId, req.params.participantId);
      return reply.status(204).send(null);
    },
  );
};
