import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { errorMessage } from '@pejling/contracts';
import type { Config } from './config.js';
import { openDatabase, type DatabaseHandle } from './db/database.js';
import { registerAuth } from './http/auth.js';
import { registerErrorHandler } from './http/error-handler.js';
import { PUBLIC, type Permission } from './http/permissions.js';
import { healthRoutes } from './features/health/health.routes.js';
import { authRoutes } from './features/auth/auth.routes.js';
import { userRoutes } from './features/users/user.routes.js';
import { auditRoutes } from './features/audit/audit.routes.js';
import { registryRoutes } from './features/registry/registry.routes.js';
import { planRoutes } from './features/plans/plan.routes.js';
import { organisationRoutes } from './features/organisation/organisation.routes.js';
import { registrationRoutes } from './features/results/registrations.routes.js';
import { reportRoutes } from './features/reports/report.routes.js';
import { agendaRoutes } from './features/agenda/agenda.routes.js';
import { resultsRoutes } from './features/results/results.routes.js';
import { importRoutes } from './features/imports/imports.routes.js';
import { portfolioRoutes } from './features/portfolio/portfolio.routes.js';
import { evaluationRoutes } from './features/evaluation/evaluation.routes.js';
import { markersRoutes } from './features/markers/markers.routes.js';
import { theoryRoutes } from './features/theory/theory.routes.js';

export interface RouteEntry {
  method: string;
  url: string;
  permission: Permission;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeList: RouteEntry[];
    dbHandle: DatabaseHandle;
    config: Config;
  }
}

export interface BuildOptions {
  config: Config;
  /** Reuse an open database (tests, the CLI); otherwise one is opened from config. */
  handle?: DatabaseHandle;
  logger?: boolean;
}

/** Builds the whole server without listening, so tests can drive it with `inject`. */
export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const { config } = opts;
  const handle = opts.handle ?? openDatabase(config.database);
  const app = Fastify({
    logger: opts.logger ? { level: config.logLevel } : false,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    // The router answers a malformed URL or an over-long id before any hook runs; give those the
    // usual error shape too, instead of Fastify's own.
    frameworkErrors: (err, req, reply) => {
      const en = String(req.headers['accept-language'] ?? '')
        .toLowerCase()
        .startsWith('en');
      const status = err.statusCode && err.statusCode < 500 ? err.statusCode : 400;
      return (reply as FastifyReply).status(status).send({
        error: { code: 'bad_request', message: errorMessage('bad_request', en ? 'en' : 'da') },
        requestId: req.id,
      });
    },
  });
  app.decorate('routeList', [] as RouteEntry[]);
  app.decorate('dbHandle', handle);
  app.decorate('config', config);

  // Deny by default: a route that does not declare its permission stops the server from starting.
  app.addHook('onRoute', (route) => {
    const config = (route.config ?? {}) as { permission?: Permission };
    let permission = config.permission;
    if (!permission) {
      if (route.url.startsWith('/api/docs') || !route.url.startsWith('/api')) {
        permission = PUBLIC;
        route.config = { ...config, permission } as typeof route.config;
      } else {
        throw new Error(`Route ${String(route.method)} ${route.url} declares no permission`);
      }
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) app.routeList.push({ method: String(method), url: route.url, permission });
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Pejling API',
        version: config.version,
        description: 'The API behind every Pejling screen.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'pejling_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  registerAuth(app, handle.db, config);
  registerErrorHandler(app);

  const deps = { db: handle.db, handle, config };
  await app.register(healthRoutes(deps));
  await app.register(authRoutes(deps));
  await app.register(userRoutes(deps));
  await app.register(auditRoutes(deps));
  await app.register(registryRoutes(deps));
  await app.register(planRoutes(deps));
  await app.register(organisationRoutes(deps));
  await app.register(resultsRoutes(deps));
  await app.register(registrationRoutes(deps));
  await app.register(reportRoutes(deps));
  await app.register(portfolioRoutes(deps));
  await app.register(agendaRoutes(deps));
  await app.register(importRoutes(deps));
  await app.register(evaluationRoutes(deps));
  await app.register(markersRoutes(deps));
  await app.register(theoryRoutes(deps));

  app.get('/api/openapi.json', { config: { permission: PUBLIC }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  const webDist =
    config.webDist && fs.existsSync(path.join(config.webDist, 'index.html')) ? config.webDist : null;
  if (webDist) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
  }
  app.setNotFoundHandler((req, reply) => {
    if (!req.url.startsWith('/api') && webDist && (req.method === 'GET' || req.method === 'HEAD')) {
      // The web app routes on the client: every non-API path gets its shell.
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    const locale = req.locale ?? 'da';
    return reply
      .status(404)
      .send({ error: { code: 'not_found', message: errorMessage('not_found', locale) }, requestId: req.id });
  });

  app.addHook('onClose', async () => {
    if (!opts.handle) await handle.close();
  });
  return app;
}

export interface AppDeps {
  db: DatabaseHandle['db'];
  handle: DatabaseHandle;
  config: Config;
}
