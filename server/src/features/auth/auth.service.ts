import type { Me } from '@pejling/contracts';
import type { Config } from '../../config.js';
import type { Db } from '../../db/database.js';
import { newId, nowIso } from '../../db/portable.js';
import { AppError } from '../../errors.js';
import type { RequestContext } from '../../http/context.js';
import { canCreatePlan, canReadAllPlans, canSeePortfolio } from '../../http/permissions.js';
import { loadRoles } from '../../http/auth.js';
import { recordAudit } from '../audit/audit.service.js';
import { verifyAgainstDummy, verifyPassword } from './password.js';
import { createSession, deleteExpiredSessions } from './session.repository.js';
import { findUserById } from '../users/user.repository.js';

const MAX_FAILURES_PER_IP = 50;

/**
 * Checks the password and opens a new session (always a fresh id).
 * @throws login_throttled (429) after too many failures for the email or the address
 * @throws login_failed (401) for a wrong email or password, or a disabled account
 */
export async function login(
  db: Db,
  config: Config,
  ctx: RequestContext,
  input: { email: string; password: string; ip: string },
): Promise<{ token: string; userId: string; csrfToken: string; expiresAt: string }> {
  const email = input.email.trim().toLowerCase();
  const since = new Date(Date.now() - config.loginWindowMinutes * 60_000).toISOString();
  const [byEmail, byIp] = await Promise.all([
    db
      .selectFrom('loginAttempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('email', '=', email)
      .where('success', '=', 0)
      .where('at', '>=', since)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('loginAttempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('ip', '=', input.ip)
      .where('success', '=', 0)
      .where('at', '>=', since)
      .executeTakeFirstOrThrow(),
  ]);
  if (Number(byEmail.n) >= config.loginMaxFailures || Number(byIp.n) >= MAX_FAILURES_PER_IP) {
    throw new AppError('login_throttled', 429, { minutes: config.loginWindowMinutes });
  }
  const user = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  let ok = false;
  if (user) ok = !user.disabledAt && (await verifyPassword(user.passwordHash, input.password));
  else await verifyAgainstDummy(input.password);

  await db
    .insertInto('loginAttempts')
    .values({ id: newId(), email, ip: input.ip, at: nowIso(), success: ok ? 1 : 0 })
    .execute();
  if (!ok || !user) {
    await recordAudit(db, ctx, {
      action: 'login_failed',
      entityType: 'user',
      entityId: user?.id ?? null,
      after: { email },
    });
    throw new AppError('login_failed', 401);
  }
  await deleteExpiredSessions(db, new Date(Date.now() - config.sessionIdleMinutes * 60_000).toISOString());
  const session = await createSession(db, user.id, config.sessionAbsoluteHours);
  await recordAudit(db, ctx, { action: 'login', entityType: 'user', entityId: user.id, userId: user.id });
  return {
    token: session.token,
    userId: user.id,
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
  };
}

export async function describeMe(db: Db, userId: string, csrfToken: string): Promise<Me> {
  const user = await findUserById(db, userId);
  if (!user) throw new AppError('unauthenticated', 401);
  const roles = await loadRoles(db, userId);
  const principalLike = { isAdmin: user.isAdmin, roles } as Parameters<typeof canReadAllPlans>[0];
  return {
    user,
    csrfToken,
    can: {
      administer: user.isAdmin,
      createPlan: canCreatePlan(principalLike),
      readAllPlans: canReadAllPlans(principalLike),
      portfolio: canSeePortfolio(principalLike),
      evaluation: user.isAdmin || roles.some((r) => r.role === 'evaluator'),
    },
  };
}
