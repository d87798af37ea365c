import type { RoleGrant, RoleGrantInput, User } from '@pejling/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { newId, nowIso, toBool } from '../../db/portable.js';

type Executor = Kysely<Database> | Transaction<Database>;

async function rolesOf(db: Executor, userIds: string[]): Promise<Map<string, RoleGrant[]>> {
  const map = new Map<string, RoleGrant[]>();
  if (userIds.length === 0) return map;
  const rows = await db
    .selectFrom('roleGrants')
    .leftJoin('plans', 'plans.id', 'roleGrants.planId')
    .leftJoin('housingOrganisations', 'housingOrganisations.id', 'roleGrants.organisationId')
    .leftJoin('municipalities', 'municipalities.id', 'roleGrants.organisationId')
    .leftJoin('areaSecretariats', 'areaSecretariats.id', 'roleGrants.organisationId')
    .select([
      'roleGrants.id',
      'roleGrants.userId',
      'roleGrants.role',
      'roleGrants.organisationKind',
      'roleGrants.organisationId',
      'roleGrants.planId',
      'plans.name as planName',
      'housingOrganisations.name as orgName',
      'municipalities.name as municipalityName',
      'areaSecretariats.name as secretariatName',
    ])
    .where('roleGrants.userId', 'in', userIds)
    .orderBy('roleGrants.createdAt')
    // Grants written together share a timestamp; their UUIDv7 ids keep the order they were given in.
    .orderBy('roleGrants.id')
    .execute();
  for (const r of rows) {
    const list = map.get(r.userId) ?? [];
    list.push({
      id: r.id,
      role: r.role as RoleGrant['role'],
      organisationKind: (r.organisationKind as RoleGrant['organisationKind']) ?? null,
      organisationId: r.organisationId,
      planId: r.planId,
      scopeName:
        r.planName ??
        (r.organisationKind === 'municipality'
          ? r.municipalityName
          : r.organisationKind === 'area_secretariat'
            ? r.secretariatName
            : r.orgName) ??
        null,
    });
    map.set(r.userId, list);
  }
  return map;
}

export async function findUserById(db: Executor, id: string): Promise<User | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const roles = await rolesOf(db, [id]);
  return toUser(row, roles.get(id) ?? []);
}

export async function findUserByEmail(db: Executor, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export async function listUsers(db: Executor): Promise<User[]> {
  const rows = await db.selectFrom('users').selectAll().execute();
  const roles = await rolesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toUser(r, roles.get(r.id) ?? []));
}

function toUser(row: Database['users'], roles: RoleGrant[]): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    isAdmin: toBool(row.isAdmin),
    locale: row.locale === 'en' ? 'en' : 'da',
    disabled: row.disabledAt !== null,
    roles,
    createdAt: row.createdAt,
  };
}

export async function insertUser(
  db: Executor,
  values: { email: string; name: string; passwordHash: string; isAdmin: boolean; locale: string },
): Promise<string> {
  const id = newId();
  const now = nowIso();
  await db
    .insertInto('users')
    .values({
      id,
      email: values.email.toLowerCase(),
      name: values.name,
      passwordHash: values.passwordHash,
      isAdmin: values.isAdmin ? 1 : 0,
      locale: values.locale,
      disabledAt: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    })
    .execute();
  return id;
}

export async function replaceRoles(db: Executor, userId: string, roles: RoleGrantInput[]): Promise<void> {
  await db.deleteFrom('roleGrants').where('userId', '=', userId).execute();
  if (roles.length === 0) return;
  const now = nowIso();
  await db
    .insertInto('roleGrants')
    .values(
      roles.map((r) => ({
        id: newId(),
        userId,
        role: r.role,
        organisationKind:
          r.role === 'org_member'
            ? r.organisationKind
            : r.role === 'secretariat_member'
              ? 'area_secretariat'
              : null,
        organisationId:
          r.role === 'org_member'
            ? r.organisationId
            : r.role === 'secretariat_member'
              ? r.areaSecretariatId
              : null,
        planId: 'planId' in r ? r.planId : null,
        createdAt: now,
      })),
    )
    .execute();
}
