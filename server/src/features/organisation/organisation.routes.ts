import { z } from 'zod';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  IdParams,
  SecretariatOrganisation,
  SecretariatOrganisationInput,
  Agreement,
  AgreementInput,
  Forum,
  ForumInput,
  ForumParams,
  ForumUpdate,
  Membership,
  MembershipInput,
  MembershipParams,
  MembershipUpdate,
  Organisation,
  OrganisationFile,
  OrganisationParams,
  Person,
  PersonInput,
  PersonParams,
  PersonUpdate,
  Typology,
  TypologyPortfolio,
} from '@pejling/contracts';
import type { AppDeps } from '../../app.js';
import { recordAudit } from '../audit/audit.service.js';
import { ADMIN, AUTHENTICATED, planRead, planWrite } from '../../http/permissions.js';
import { getSecretariatOrganisation, saveSecretariatOrganisation } from './secretariat.service.js';
import {
  classifyFile,
  createForum,
  createMembership,
  createPerson,
  deleteForum,
  deleteMembership,
  deletePerson,
  getOrganisation,
  getTypologyInput,
  termsOfReference,
  typologyPortfolio,
  updateForum,
  updateMembership,
  updatePerson,
} from './organisation.service.js';
import { getAgreement, saveAgreement } from './collaboration.service.js';

/** The organisation capability's routes. */
export const organisationRoutes = (deps: AppDeps) => async (base: FastifyInstance) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const tags = ['organisation'];
  const read = { permission: planRead('id') };
  const write = { permission: planWrite('id') };
  /** People's names and roles are personal data: every read is written to the audit log. */
  const auditPersonalRead = (
    req: FastifyRequest,
    entityType: string,
    entityId: string,
    planId: string | null,
  ) => recordAudit(db, req.ctx, { action: 'read', entityType, entityId, planId });

  const root = '/api/plans/:id/organisation';

  app.get(
    root,
    {
      config: read,
      schema: {
        tags,
        summary: "A plan's forums, people, seats and typology",
        params: OrganisationParams,
        response: { 200: Organisation },
      },
    },
    async (req) => {
      const organisation = await getOrganisation(db, req.params.id);
      await auditPersonalRead(req, 'organisation', req.params.id, req.params.id);
      return organisation;
    },
  );

  app.get(
    `${root}/typology-input`,
    {
      config: read,
      schema: {
        tags,
        summary: 'The organisation in the file format of `pejling typology classify`',
        params: OrganisationParams,
        response: { 200: OrganisationFile },
      },
    },
    async (req) => {
      const file = await getTypologyInput(db, req.params.id);
      await auditPersonalRead(req, 'organisation', req.params.id, req.params.id);
      return file;
    },
  );

  // ---------- forums ----------
  app.post(
    `${root}/forums`,
    {
      config: write,
      schema: { tags, params: OrganisationParams, body: ForumInput, response: { 201: Forum } },
    },
    async (req, reply) => reply.status(201).send(await createForum(db, req.ctx, req.params.id, req.body)),
  );
  app.put(
    `${root}/forums/:forumId`,
    { config: write, schema: { tags, params: ForumParams, body: ForumUpdate, response: { 200: Forum } } },
    async (req) => updateForum(db, req.ctx, req.params.id, req.params.forumId, req.body),
  );
  app.delete(
    `${root}/forums/:forumId`,
    { config: write, schema: { tags, params: ForumParams } },
    async (req, reply) => {
      await deleteForum(db, req.ctx, req.params.id, req.params.forumId);
      return reply.status(204).send();
    },
  );

  app.get(
    `${root}/forums/:forumId/terms-of-reference`,
    {
      config: read,
      schema: {
        tags,
        summary: "The forum's terms of reference (kommissorium) as a Word document",
        params: ForumParams,
      },
    },
    async (req, reply) => {
      const { fileName, buffer } = await termsOfReference(db, req.params.id, req.params.forumId, req.locale);
      await recordAudit(db, req.ctx, {
        action: 'export',
        entityType: 'terms_of_reference',
        entityId: req.params.forumId,
        planId: req.params.id,
      });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(buffer);
    },
  );

  // ---------- people ----------
  app.post(
    `${root}/people`,
    {
      config: write,
      schema: { tags, params: OrganisationParams, body: PersonInput, response: { 201: Person } },
    },
    async (req, reply) => reply.status(201).send(await createPerson(db, req.ctx, req.params.id, req.body)),
  );
  app.put(
    `${root}/people/:personId`,
    { config: write, schema: { tags, params: PersonParams, body: PersonUpdate, response: { 200: Person } } },
    async (req) => updatePerson(db, req.ctx, req.params.id, req.params.personId, req.body),
  );
  app.delete(
    `${root}/people/:personId`,
    { config: write, schema: { tags, params: PersonParams } },
    async (req, reply) => {
      await deletePerson(db, req.ctx, req.params.id, req.params.personId);
      return reply.status(204).send();
    },
  );

  // ---------- memberships ----------
  app.post(
    `${root}/memberships`,
    {
      config: write,
      schema: { tags, params: OrganisationParams, body: MembershipInput, response: { 201: Membership } },
    },
    async (req, reply) =>
      reply.status(201).send(await createMembership(db, req.ctx, req.params.id, req.body)),
  );
  app.put(
    `${root}/memberships/:membershipId`,
    {
      config: write,
      schema: { tags, params: MembershipParams, body: MembershipUpdate, response: { 200: Membership } },
    },
    async (req) => updateMembership(db, req.ctx, req.params.id, req.params.membershipId, req.body),
  );
  app.delete(
    `${root}/memberships/:membershipId`,
    { config: write, schema: { tags, params: MembershipParams } },
    async (req, reply) => {
      await deleteMembership(db, req.ctx, req.params.id, req.params.membershipId);
      return reply.status(204).send();
    },
  );

  // ---------- collaboration agreement ----------
  app.get(
    '/api/plans/:id/agreement',
    {
      config: read,
      schema: {
        tags,
        summary: "The plan's collaboration agreement, responsibility matrix and its flags",
        params: OrganisationParams,
        response: { 200: Agreement },
      },
    },
    async (req) => {
      const agreement = await getAgreement(db, req.params.id);
      await auditPersonalRead(req, 'collaboration_agreement', req.params.id, req.params.id);
      return agreement;
    },
  );
  app.put(
    '/api/plans/:id/agreement',
    {
      config: write,
      schema: {
        tags,
        summary: 'Saves the whole agreement (parties, matrix, commitments) at once',
        params: OrganisationParams,
        body: AgreementInput,
        response: { 200: Agreement },
      },
    },
    async (req) => saveAgreement(db, req.ctx, req.params.id, req.body),
  );

  // ---------- an area secretariat's own organisation ----------
  app.get(
    '/api/area-secretariats/:id/organisation',
    {
      config: { permission: AUTHENTICATED },
      schema: {
        tags,
        summary:
          "An area secretariat's forums, members, staff and functions, and which served plans sit in its steering group",
        params: IdParams,
        response: { 200: SecretariatOrganisation },
      },
    },
    async (req) => {
      const organisation = await getSecretariatOrganisation(db, req.params.id);
      await auditPersonalRead(req, 'area_secretariat_organisation', req.params.id, null);
      return organisation;
    },
  );
  app.put(
    '/api/area-secretariats/:id/organisation',
    {
      config: { permission: ADMIN },
      schema: {
        tags,
        summary: "Saves an area secretariat's organisation whole",
        params: IdParams,
        body: SecretariatOrganisationInput,
        response: { 200: SecretariatOrganisation },
      },
    },
    async (req) => saveSecretariatOrganisation(db, req.ctx, req.params.id, req.body),
  );

  // ---------- typology without a plan, and across plans ----------
  app.post(
    '/api/typology/classify',
    {
      config: { permission: AUTHENTICATED },
      schema: {
        tags,
        summary: 'Classifies an organisation given in the documented file format (docs/typology.md)',
        body: OrganisationFile,
        response: { 200: Typology },
      },
    },
    async (req) => classifyFile(req.body),
  );

  app.get(
    '/api/portfolio/typology',
    {
      config: { permission: AUTHENTICATED },
      schema: {
        tags,
        summary: 'Organisation type, secretariat type and resident involvement of every visible plan',
        querystring: z.object({}),
        response: { 200: TypologyPortfolio },
      },
    },
    async (req) => {
      const items = await typologyPortfolio(db, req.principal!);
      return { items, total: items.length };
    },
  );
};
