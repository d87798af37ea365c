import { sql } from 'kysely';
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app.js';
import { PUBLIC } from '../../http/permissions.js';

const Health = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['sqlite', 'postgres']),
  version: z.string(),
});

export const healthRoutes = (deps: AppDeps) => async (base: FastifyInstance) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/health',
    {
      config: { permission: PUBLIC },
      schema: {
        tags: ['system'],
        summary: 'Liveness and database kind',
        response: { 200: Health, 503: Health },
      },
    },
    async (_req, reply) => {
      try {
        await sql`select 1`.execute(deps.db);
        return { status: 'ok' as const, database: deps.handle.kind, version: deps.config.version };
      } catch {
        return reply
          .status(503)
          .send({ status: 'unavailable', database: deps.handle.kind, version: deps.config.version });
      }
    },
  );
};
