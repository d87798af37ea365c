import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams, User, UserInput, UserUpdate } from '@pejling/contracts';
import type { AppDeps } from '../../app.js';
import { ADMIN } from '../../http/permissions.js';
import { notFound } from '../../errors.js';
import { findUserById, listUsers } from './user.repository.js';
import { createUser, updateUser } from './user.service.js';
import { sortDanish } from '../../domain/danish.js';

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
    async () => sortDanish(await listUsers(db), (u) => u.name),
  );
  app.get(
    '/api/users/:id',
    { config: { permission: ADMIN }, schema: { tags, params: IdParams, response: { 200: User } } },
    async (req) => {
      const user = await findUserById(db, req.params.id);
      if (!user) throw notFound('user_not_found');
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
