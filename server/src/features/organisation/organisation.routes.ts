import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.js';

/** The organisation capability's routes. */
export const organisationRoutes = (_deps: AppDeps) => async (_base: FastifyInstance) => {};
