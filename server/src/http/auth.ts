import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Locale, RoleName } from '@pejling/contracts';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { toBool } from '../db/portable.js';
import { AppError } from '../errors.js';
import {
  SESSION_COOKIE,
  deleteSession,
  findSessionWithUser,
  sessionIdFromToken,
  touchSession,
} from '../features/auth/session.repository.js';
import type { Principal, RoleGrantRow } from './context.js';
import {
  canCreatePlan,
  canReadPlanRow,
  canWritePlanRow,
  findPlanOwnership,
  type Permission,
} from './permissions.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function loadRoles(db: Db, userId: string): Promise<RoleGrantRow[]> {
  const rows = await db
    .selectFrom('roleGrants')
    .select(['role', 'organisationKind', 'organisationId', 'planId'])
    .where('userId', '=', userId)
    .execute();
  return rows.map((r) => ({ ...r, role: r.role as RoleName }));
}

function pickLocale(req: FastifyRequest, fallback: Locale | null): Locale {
  const header = req.headers['accept-language'];
  const first = typeof header === 'string' ? header.split(',')[0]?.trim().toLowerCase() : undefined;
  if (first?.startsWith('en')) return 'en';
  if (first?.startsWith('da')) return 'da';
  return fallback ?? 'da';
}

export function cookieOptions(config: Config, req: FastifyRequest, maxAgeSeconds?: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.cookieSecure || req.protocol === 'https',
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  };
}

async function loadPrincipal(db: Db, config: Config, req: FastifyRequest, reply: FastifyReply) {
  const token = req.cookies[SESSION_COOKIE];
  if (!token || token.length > 200) return null;
  const id = sessionIdFromToken(token);
  const row = await findSessionWithUser(db, id);
  if (!row) return null;
  const now = Date.now();
  const idleLimit = config.sessionIdleMinutes * 60_000;
  const lastSeen = Date.parse(row.lastSeenAt);
  if (row.disabledAt || Date.parse(row.expiresAt) <= now || now - lastSeen > idleLimit) {
    await deleteSession(db, id);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return null;
  }
  // Refresh the idle clock at most once a minute to keep reads cheap.
  if (now - lastSeen > 60_000) await touchSession(db, id);
  const principal: Principal = {
    userId: row.userId,
    email: row.email,
    name: row.name,
    isAdmin: toBool(row.isAdmin),
    locale: row.locale === 'en' ? 'en' : 'da',
    roles: await loadRoles(db, row.userId),
    sessionId: row.sessionId,
    csrfToken: row.csrfToken,
  };
  return principal;
}

/** Loads the caller, then enforces each route's declared permission. */
export function registerAuth(app: FastifyInstance, db: Db, config: Config): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('locale', 'da');
  app.decorateRequest('ctx', null as never);

  app.addHook('onRequest', async (req, reply) => {
    req.locale = pickLocale(req, null);
    req.ctx = { principal: null, requestId: req.id, locale: req.locale };
    if (!req.url.startsWith('/api/')) return;
    const principal = await loadPrincipal(db, config, req, reply);
    req.principal = principal;
    req.locale = pickLocale(req, principal?.locale ?? null);
    req.ctx = { principal, requestId: req.id, locale: req.locale };
  });

  app.addHook('preValidation', async (req) => {
    // Unknown URLs reach the not-found handler, which answers 404 by itself.
    if (req.is404) return;
    const permission = req.routeOptions.config.permission;
    if (!permission) throw new AppError('forbidden', 403);
    if (permission.kind === 'public') return;
    const p = req.principal;
    if (!p) throw new AppError('unauthenticated', 401);
    if (!SAFE_METHODS.has(req.method)) {
      const header = req.headers['x-csrf-token'];
      if (typeof header !== 'string' || header !== p.csrfToken) throw new AppError('csrf_invalid', 403);
    }
    if (permission.kind === 'admin' && !p.isAdmin) throw new AppError('forbidden', 403);
    if (permission.kind === 'plan.create' && !canCreatePlan(p)) throw new AppError('forbidden', 403);
  });

  app.addHook('preHandler', async (req) => {
    if (req.is404) return;
    const permission = req.routeOptions.config.permission as Permission;
    if (permission.kind !== 'plan.read' && permission.kind !== 'plan.write') return;
    const p = req.principal as Principal;
    const planId = (req.params as Record<string, string>)[permission.param];
    if (!planId) throw new AppError('forbidden', 403);
    const plan = await findPlanOwnership(db, planId);
    if (!plan) throw new AppError('plan_not_found', 404);
    const allowed = permission.kind === 'plan.read' ? canReadPlanRow(p, plan) : canWritePlanRow(p, plan);
    if (!allowed) throw new AppError('forbidden', 403);
  });
}
