import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ExportQuery, IdParams, User, UserInput, UserUpdate } from '@pejling/contracts';
import type { AppDeps } from '../../app.js';
import { ADMIN } from '../../http/permissions.js';
import { notFound } from '../../errors.js';
import { findUserById, listUsers } from './user.repository.js';
import { createUser, updateUser } from './user.service.js';
import { sortDanish } from '../../domain/danish.js';
import { sendExport } from '../exports/export.js';
import { recordAudit } from '../audit/audit.service.js';

export const userRoutes = (deps: AppDeps) => async (base: FastifyInstance) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const tags = ['users'];

  app.get(
    '/api/users',
    {
      config: { permission: ADMIN },
      schema: { tags, summary: 'All users', response: { 200: z.array(User) } },
    },
    async (req) => {
      const users = sortDanish(await listUsers(db), (u) => u.name);
      await recordAudit(db, req.ctx, {
        action: 'read',
        entityType: 'user_list',
        after: { count: users.length },
      });
      return users;
    },
  );
  app.get(
    '/api/users/export',
    { config: { permission: ADMIN }, schema: { tags, querystring: ExportQuery } },
    async (req, reply) => {
      const h = (da: string, en: string) => ({ da, en });
      const roleNames: Record<string, { da: string; en: string }> = {
        fund: h('Fonden', 'Fund'),
        org_member: h('Organisationsmedlem', 'Organisation member'),
        plan_editor: h('Planredaktør', 'Plan editor'),
        plan_viewer: h('Planlæser', 'Plan viewer'),
        plan_approver: h('Godkender (styregruppe eller bestyrelse)', 'Approver (steering group or board)'),
        evaluator: h('Evaluator', 'Evaluator'),
      };
      const l = req.locale;
      const rows = sortDanish(await listUsers(db), (u) => u.name);
      await recordAudit(db, req.ctx, {
        action: 'export',
        entityType: 'user_list',
        after: { count: rows.length, format: req.query.format },
      });
      return sendExport<User>(reply, {
        format: req.query.format,
        locale: l,
        name: 'brugere',
        rows,
        columns: [
          { header: h('Navn', 'Name'), value: (u) => u.name, width: 30 },
          { header: h('E-mail', 'E-mail'), value: (u) => u.email, width: 35 },
          { header: h('Administrator', 'Administrator'), value: (u) => u.isAdmin },
          { header: h('Deaktiveret', 'Disabled'), value: (u) => u.disabled },
          {
            header: h('Roller', 'Roles'),
            value: (u) =>
              u.roles
                .map((r) => `${roleNames[r.role]?.[l] ?? r.role}${r.scopeName ? `: ${r.scopeName}` : ''}`)
                .join('; '),
            width: 60,
          },
          { header: h('Oprettet', 'Created'), value: (u) => u.createdAt, width: 26 },
        ],
      });
    },
  );
  app.get(
    '/api/users/:id',
    { config: { permission: ADMIN }, schema: { tags, params: IdParams, response: { 200: User } } },
    async (req) => {
      const user = await findUserById(db, req.params.id);
      if (!user) throw notFound('user_not_found');
      await recordAudit(db, req.ctx, { action: 'read', entityType: 'user', entityId: user.id });
      return user;
    },
  );
  app.post(
    '/api/users',
    { config: { permission: ADMIN }, schema: { tags, body: UserInput, response: { 201: User } } },
    async (req, reply) => reply.status(201).send(await createUser(db, req.ctx, req.body)),
  );
  app.put(
    '/api/users/:id',
    {
      config: { permission: ADMIN },
      schema: { tags, params: IdParams, body: UserUpdate, response: { 200: User } },
    },
    async (req) => updateUser(db, req.ctx, req.params.id, req.body),
  );
};
