import {
  PlanInput as PlanInputSchema,
  type PlanDetail,
  type PlanInput,
  type RoleGrantInput,
} from '@pejling/contracts';
import type { Db } from '../src/db/database.js';
import { newId, nowIso } from '../src/db/portable.js';
import { createPlan } from '../src/features/plans/plan.service.js';
import { replaceRoles } from '../src/features/users/user.repository.js';

/** Factories write straight to the database, for setting up a test's world quickly. */
export async function buildMunicipality(db: Db, overrides: { name?: string; code?: number | null } = {}) {
  const id = newId();
  const now = nowIso();
  const name = overrides.name ?? `Testkommune ${id.slice(-8)}`;
  await db
    .insertInto('municipalities')
    .values({
      id,
      name,
      code: overrides.code ?? null,
      isExample: 0,
      createdAt: now,
      updatedAt: now,
      version: 1,
    })
    .execute();
  return { id, name };
}

export async function buildHousingOrganisation(
  db: Db,
  overrides: { name?: string; municipalityId?: string | null } = {},
) {
  const id = newId();
  const now = nowIso();
  const name = overrides.name ?? `Boligselskab ${id.slice(-8)}`;
  await db
    .insertInto('housingOrganisations')
    .values({
      id,
      name,
      municipalityId: overrides.municipalityId ?? null,
      isExample: 0,
      createdAt: now,
      updatedAt: now,
      version: 1,
    })
    .execute();
  return { id, name };
}

export async function buildArea(
  db: Db,
  overrides: {
    municipalityId: string;
    housingOrganisationId: string;
    dwellings?: number;
    name?: string;
    departmentNumber?: string;
  },
) {
  const id = newId();
  const now = nowIso();
  await db
    .insertInto('housingAreas')
    .values({
      id,
      name: overrides.name ?? `Område ${id.slice(-8)}`,
      municipalityId: overrides.municipalityId,
      description: null,
      isExample: 0,
      createdAt: now,
      updatedAt: now,
      version: 1,
    })
    .execute();
  await db
    .insertInto('housingDepartments')
    .values({
      id: newId(),
      areaId: id,
      housingOrganisationId: overrides.housingOrganisationId,
      departmentNumber: overrides.departmentNumber ?? id.slice(-6),
      name: null,
      dwellings: overrides.dwellings ?? 800,
      createdAt: now,
    })
    .execute();
  return { id };
}

export async function poolWithFocusAreas(db: Db, name = '2019-2026') {
  const pool = await db
    .selectFrom('fundingPools')
    .select(['id', 'name'])
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  const focusAreas = await db
    .selectFrom('focusAreas')
    .select(['id', 'nameDa'])
    .where('poolId', '=', pool.id)
    .orderBy('sortOrder')
    .execute();
  return { ...pool, focusAreas };
}

/** A complete, valid plan input with its own municipality, organisation and area. */
export async function buildPlanInput(
  db: Db,
  overrides: Partial<PlanInput> = {},
): Promise<PlanInput & { municipalityId: string; housingOrganisationId: string }> {
  const m = await buildMunicipality(db);
  const h = await buildHousingOrganisation(db, { municipalityId: m.id });
  const a = await buildArea(db, { municipalityId: m.id, housingOrganisationId: h.id });
  const pool = await poolWithFocusAreas(db);
  return {
    name: 'Helhedsplan Testparken',
    poolId: pool.id,
    municipalityId: m.id,
    housingOrganisationId: h.id,
    areaIds: [a.id],
    focusAreaIds: pool.focusAreas.slice(0, 2).map((f) => f.id),
    purpose: 'Et trygt område',
    problems: null,
    status: 'active',
    periodStart: '2023-01-01',
    periodEnd: '2026-12-31',
    areaSecretariatId: null,
    secretariatSupport: 'no',
    grants: [
      {
        poolId: pool.id,
        amountOre: 800_000_000,
        startDate: '2023-01-01',
        endDate: '2026-12-31',
        reference: null,
      },
    ],
    ...overrides,
  };
}

/**
 * A user written straight to the database. The password hash is a placeholder, so the user
 * cannot log in with a password: use `TestApp.sessionClient(user.id)` to act as them.
 */
export async function buildUser(
  db: Db,
  overrides: {
    email?: string;
    name?: string;
    isAdmin?: boolean;
    roles?: RoleGrantInput[];
    locale?: 'da' | 'en';
  } = {},
) {
  const id = newId();
  const now = nowIso();
  const email = overrides.email ?? `bruger-${id.slice(-12)}@test.example`;
  await db
    .insertInto('users')
    .values({
      id,
      email,
      name: overrides.name ?? email,
      passwordHash: 'no-password',
      isAdmin: overrides.isAdmin ? 1 : 0,
      locale: overrides.locale ?? 'da',
      disabledAt: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    })
    .execute();
  if (overrides.roles?.length) await replaceRoles(db, id, overrides.roles);
  return { id, email };
}

/** Gives a user one more role (roles are read at each request, so this takes effect at once). */
export async function grantRole(db: Db, userId: string, role: RoleGrantInput): Promise<void> {
  const now = nowIso();
  await db
    .insertInto('roleGrants')
    .values({
      id: newId(),
      userId,
      role: role.role,
      organisationKind:
        role.role === 'org_member'
          ? role.organisationKind
          : role.role === 'secretariat_member'
            ? 'area_secretariat'
            : null,
      organisationId:
        role.role === 'org_member'
          ? role.organisationId
          : role.role === 'secretariat_member'
            ? role.areaSecretariatId
            : null,
      planId: 'planId' in role ? role.planId : null,
      createdAt: now,
    })
    .execute();
}

/** A plan created through the plan service (so it is audited like any other), with its own area. */
export async function buildPlan(db: Db, overrides: Partial<PlanInput> = {}): Promise<PlanDetail> {
  const input = await buildPlanInput(db, overrides);
  return createPlan(db, { principal: null, requestId: 'test', locale: 'da' }, PlanInputSchema.parse(input));
}

const COUNTED_TABLES = [
  'municipalities',
  'housingOrganisations',
  'housingAreas',
  'housingDepartments',
  'fundingPools',
  'focusAreaCatalogues',
  'focusAreas',
  'areaSecretariats',
  'plans',
  'planAreas',
  'planFocusAreas',
  'grants',
  'roleGrants',
  'users',
  'auditLog',
] as const;

/** Rows per table, to show that a refused write left nothing behind. */
export async function rowCounts(db: Db): Promise<Record<(typeof COUNTED_TABLES)[number], number>> {
  const out = {} as Record<(typeof COUNTED_TABLES)[number], number>;
  for (const table of COUNTED_TABLES) {
    const r = await db
      .selectFrom(table as 'plans')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(r.n);
  }
  return out;
}
