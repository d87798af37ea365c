import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.js';

/** The results capability's routes. */
export const resultsRoutes = (_deps: AppDeps) => async (_base: FastifyInstance) => {};
