import { isPlanRole, type RoleGrantInput, type User } from '@pejling/contracts';
import type { z } from 'zod';
import type { UserInput, UserUpdate } from '@pejling/contracts';
import type { Db } from '../../db/database.js';
import { nowIso } from '../../db/portable.js';
import { AppError, conflict, invalidField, notFound } from '../../errors.js';
import type { RequestContext } from '../../http/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { deleteSessionsOfUser } from '../auth/session.repository.js';
import { hashPassword } from '../auth/password.js';
import { findUserByEmail, findUserById, insertUser, replaceRoles } from './user.repository.js';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** A role's scope must exist: the plan, the housing organisation or the municipality. */
async function checkRoleScopes(db: Executor, roles: RoleGrantInput[]): Promise<void> {
  for (const [i, r] of roles.entries()) {
    if (isPlanRole(r.role) && 'planId' in r) {
      const plan = await db.selectFrom('plans').select('id').where('id', '=', r.planId).executeTakeFirst();
      if (!plan) throw invalidField(`roles.${i}.planId`, 'plan_not_found');
    }
    if (r.role === 'org_member') {
      const table = r.organisationKind === 'municipality' ? 'municipalities' : 'housingOrganisations';
      const org = await db
        .selectFrom(table)
        .select('id')
        .where('id', '=', r.organisationId)
        .executeTakeFirst();
      if (!org) throw invalidField(`roles.${i}.organisationId`, 'organisation_not_found');
    }
    if (r.role === 'secretariat_member') {
      const s = await db
        .selectFrom('areaSecretariats')
        .select('id')
        .where('id', '=', r.areaSecretariatId)
        .executeTakeFirst();
      if (!s) throw invalidField(`roles.${i}.areaSecretariatId`, 'secretariat_not_found');
    }
  }
}

/**
 * Creates a local account with an argon2id hash.
 * @throws email_taken (409), validation_failed (400) for a role scope that does not exist
 */
export async function createUser(
  db: Db,
  ctx: RequestContext | null,
  input: z.output<typeof UserInput>,
): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    if (await findUserByEmail(trx, input.email)) throw conflict('email_taken');
    await checkRoleScopes(trx, input.roles);
    const id = await insertUser(trx, { ...input, passwordHash });
    await replaceRoles(trx, id, input.roles);
    const user = (await findUserById(trx, id)) as User;
    await recordAudit(trx, ctx, { action: 'create', entityType: 'user', entityId: id, after: user });
    return user;
  });
}

/**
 * @throws user_not_found (404), cannot_remove_own_admin (409)
 */
export async function updateUser(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: z.output<typeof UserUpdate>,
): Promise<User> {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return db.transaction().execute(async (trx) => {
    const before = await findUserById(trx, id);
    if (!before) throw notFound('user_not_found');
    if (ctx.principal?.userId === id && (!input.isAdmin || input.disabled) && before.isAdmin) {
      throw new AppError('cannot_remove_own_admin', 409);
    }
    await checkRoleScopes(trx, input.roles);
    await trx
      .updateTable('users')
      .set({
        name: input.name,
        isAdmin: input.isAdmin ? 1 : 0,
        locale: input.locale,
        disabledAt: input.disabled ? (before.disabled ? undefined : nowIso()) : null,
        updatedAt: nowIso(),
        ...(passwordHash ? { passwordHash } : {}),
      })
      .where('id', '=', id)
      .execute();
    await replaceRoles(trx, id, input.roles);
    if (input.disabled || passwordHash) await deleteSessionsOfUser(trx, id);
    const after = (await findUserById(trx, id)) as User;
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'user',
      entityId: id,
      before,
      after: { ...after, passwordChanged: passwordHash !== null },
    });
    return after;
  });
}
