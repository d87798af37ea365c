import type { z } from 'zod';
import type {
  AreaSecretariatInput,
  FocusAreaCatalogueInput,
  FundingPoolInput,
  HousingAreaInput,
  HousingOrganisationInput,
  MunicipalityInput,
  ErrorCode,
} from '@pejling/contracts';
import type { Db, Executor } from '../../db/database.js';
import { newId, nowIso } from '../../db/portable.js';
import { AppError, conflict, invalidField, notFound } from '../../errors.js';
import type { RequestContext } from '../../http/context.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  listAreas,
  listHousingOrganisations,
  listMunicipalities,
  listPools,
  listSecretariats,
} from './registry.repository.js';

type Versioned =
  'municipalities' | 'housingOrganisations' | 'housingAreas' | 'fundingPools' | 'areaSecretariats';

/**
 * Writes only if the row still has the version the client read.
 * @throws the given not-found code (404), stale_version (409)
 */
async function updateVersioned(
  trx: Executor,
  table: Versioned,
  id: string,
  version: number,
  values: Record<string, unknown>,
  notFoundCode: ErrorCode,
): Promise<void> {
  const result = await trx
    .updateTable(table as 'municipalities')
    .set({ ...(values as object), updatedAt: nowIso(), version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) {
    const exists = await trx
      .selectFrom(table as 'municipalities')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    throw exists ? new AppError('stale_version', 409) : notFound(notFoundCode);
  }
}

async function requireRow(trx: Executor, table: Versioned, id: string, code: ErrorCode, field?: string) {
  const row = await trx
    .selectFrom(table as 'municipalities')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw field ? invalidField(field, code) : notFound(code);
}

async function countWhere(
  trx: Executor,
  table:
    'plans' | 'housingAreas' | 'housingOrganisations' | 'areaSecretariats' | 'housingDepartments' | 'grants',
  column: string,
  id: string,
) {
  const r = await trx
    .selectFrom(table as 'plans')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(column as 'id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

// ---------- Municipalities ----------
type MunicipalityIn = z.output<typeof MunicipalityInput>;

async function checkMunicipalityUnique(trx: Executor, input: MunicipalityIn, exceptId?: string) {
  const byName = await trx
    .selectFrom('municipalities')
    .select('id')
    .where('name', '=', input.name)
    .executeTakeFirst();
  if (byName && byName.id !== exceptId)
    throw new AppError('validation_failed', 409, {}, [{ path: 'name', code: 'municipality_name_taken' }]);
  if (input.code !== undefined && input.code !== null) {
    const byCode = await trx
      .selectFrom('municipalities')
      .select('id')
      .where('code', '=', input.code)
      .executeTakeFirst();
    if (byCode && byCode.id !== exceptId)
      throw new AppError('validation_failed', 409, {}, [{ path: 'code', code: 'municipality_code_taken' }]);
  }
}

export async function createMunicipality(db: Db, ctx: RequestContext, input: MunicipalityIn) {
  return db.transaction().execute(async (trx) => {
    await checkMunicipalityUnique(trx, input);
    const id = newId();
    const now = nowIso();
    await trx
      .insertInto('municipalities')
      .values({
        id,
        name: input.name,
        code: input.code ?? null,
        isExample: 0,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    const [after] = await listMunicipalities(trx, [id]);
    await recordAudit(trx, ctx, { action: 'create', entityType: 'municipality', entityId: id, after });
    return after!;
  });
}

export async function updateMunicipality(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: MunicipalityIn & { version: number },
) {
  return db.transaction().execute(async (trx) => {
    const [before] = await listMunicipalities(trx, [id]);
    if (!before) throw notFound('municipality_not_found');
    await checkMunicipalityUnique(trx, input, id);
    await updateVersioned(
      trx,
      'municipalities',
      id,
      input.version,
      { name: input.name, code: input.code ?? null },
      'municipality_not_found',
    );
    const [after] = await listMunicipalities(trx, [id]);
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'municipality',
      entityId: id,
      before,
      after,
    });
    return after!;
  });
}

export async function deleteMunicipality(db: Db, ctx: RequestContext, id: string) {
  return db.transaction().execute(async (trx) => {
    const [before] = await listMunicipalities(trx, [id]);
    if (!before) throw notFound('municipality_not_found');
    const count =
      (await countWhere(trx, 'plans', 'municipalityId', id)) +
      (await countWhere(trx, 'housingAreas', 'municipalityId', id)) +
      (await countWhere(trx, 'housingOrganisations', 'municipalityId', id)) +
      (await countWhere(trx, 'areaSecretariats', 'municipalityId', id));
    if (count > 0) throw conflict('municipality_in_use', { count });
    await trx.deleteFrom('roleGrants').where('organisationId', '=', id).execute();
    await trx.deleteFrom('municipalities').where('id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'delete', entityType: 'municipality', entityId: id, before });
  });
}

// ---------- Housing organisations ----------
type OrgIn = z.output<typeof HousingOrganisationInput>;

async function checkOrg(trx: Executor, input: OrgIn, exceptId?: string) {
  const byName = await trx
    .selectFrom('housingOrganisations')
    .select('id')
    .where('name', '=', input.name)
    .executeTakeFirst();
  if (byName && byName.id !== exceptId)
    throw new AppError('validation_failed', 409, {}, [
      { path: 'name', code: 'housing_organisation_name_taken' },
    ]);
  if (input.municipalityId)
    await requireRow(trx, 'municipalities', input.municipalityId, 'municipality_not_found', 'municipalityId');
}

export async function createHousingOrganisation(db: Db, ctx: RequestContext, input: OrgIn) {
  return db.transaction().execute(async (trx) => {
    await checkOrg(trx, input);
    const id = newId();
    const now = nowIso();
    await trx
      .insertInto('housingOrganisations')
      .values({
        id,
        name: input.name,
        municipalityId: input.municipalityId ?? null,
        isExample: 0,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    const [after] = await listHousingOrganisations(trx, [id]);
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'housing_organisation',
      entityId: id,
      after,
    });
    return after!;
  });
}

export async function updateHousingOrganisation(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: OrgIn & { version: number },
) {
  return db.transaction().execute(async (trx) => {
    const [before] = await listHousingOrganisations(trx, [id]);
    if (!before) throw notFound('housing_organisation_not_found');
    await checkOrg(trx, input, id);
    await updateVersioned(
      trx,
      'housingOrganisations',
      id,
      input.version,
      { name: input.name, municipalityId: input.municipalityId ?? null },
      'housing_organisation_not_found',
    );
    const [after] = await listHousingOrganisations(trx, [id]);
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'housing_organisation',
      entityId: id,
      before,
      after,
    });
    return after!;
  });
}

export async function deleteHousingOrganisation(db: Db, ctx: RequestContext, id: string) {
  return db.transaction().execute(async (trx) => {
    const [before] = await listHousingOrganisations(trx, [id]);
    if (!before) throw notFound('housing_organisation_not_found');
    const count =
      (await countWhere(trx, 'housingDepartments', 'housingOrganisationId', id)) +
      (await countWhere(trx, 'plans', 'housingOrganisationId', id));
    if (count > 0) throw conflict('housing_organisation_in_use', { count });
    await trx.deleteFrom('roleGrants').where('organisationId', '=', id).execute();
    await trx.deleteFrom('housingOrganisations').where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      action: 'delete',
      entityType: 'housing_organisation',
      entityId: id,
      before,
    });
  });
}

// ---------- Housing areas with departments ----------
type AreaIn = z.output<typeof HousingAreaInput>;

async function checkArea(trx: Executor, input: AreaIn, areaId?: string) {
  await requireRow(trx, 'municipalities', input.municipalityId, 'municipality_not_found', 'municipalityId');
  const seen = new Set<string>();
  for (const [i, d] of input.departments.entries()) {
    await requireRow(
      trx,
      'housingOrganisations',
      d.housingOrganisationId,
      'housing_organisation_not_found',
      `departments.${i}.housingOrganisationId`,
    );
    const key = `${d.housingOrganisationId}\u0000${d.departmentNumber}`;
    const org = await trx
      .selectFrom('housingOrganisations')
      .select('name')
      .where('id', '=', d.housingOrganisationId)
      .executeTakeFirstOrThrow();
    const clash = await trx
      .selectFrom('housingDepartments')
      .select(['id', 'areaId'])
      .where('housingOrganisationId', '=', d.housingOrganisationId)
      .where('departmentNumber', '=', d.departmentNumber)
      .executeTakeFirst();
    if (seen.has(key) || (clash && clash.areaId !== areaId)) {
      throw new AppError('validation_failed', 409, {}, [
        {
          path: `departments.${i}.departmentNumber`,
          code: 'department_number_taken',
          params: { departmentNumber: d.departmentNumber, organisation: org.name },
        },
      ]);
    }
    seen.add(key);
  }
}

async function writeDepartments(trx: Executor, areaId: string, input: AreaIn) {
  await trx.deleteFrom('housingDepartments').where('areaId', '=', areaId).execute();
  if (input.departments.length === 0) return;
  const now = nowIso();
  await trx
    .insertInto('housingDepartments')
    .values(
      input.departments.map((d) => ({
        id: newId(),
        areaId,
        housingOrganisationId: d.housingOrganisationId,
        departmentNumber: d.departmentNumber,
        name: d.name ?? null,
        dwellings: d.dwellings,
        createdAt: now,
      })),
    )
    .execute();
}

export async function createArea(db: Db, ctx: RequestContext, input: AreaIn) {
  return db.transaction().execute(async (trx) => {
    await checkArea(trx, input);
    const id = newId();
    const now = nowIso();
    await trx
      .insertInto('housingAreas')
      .values({
        id,
        name: input.name,
        municipalityId: input.municipalityId,
        description: input.description ?? null,
        isExample: 0,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    await writeDepartments(trx, id, input);
    const [after] = await listAreas(trx, [id]);
    await recordAudit(trx, ctx, { action: 'create', entityType: 'housing_area', entityId: id, after });
    return after!;
  });
}

export async function updateArea(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: AreaIn & { version: number },
) {
  return db.transaction().execute(async (trx) => {
    const [before] = await listAreas(trx, [id]);
    if (!before) throw notFound('area_not_found');
    await checkArea(trx, input, id);
    await updateVersioned(
      trx,
      'housingAreas',
      id,
      input.version,
      { name: input.name, municipalityId: input.municipalityId, description: input.description ?? null },
      'area_not_found',
    );
    await writeDepartments(trx, id, input);
    const [after] = await listAreas(trx, [id]);
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'housing_area',
      entityId: id,
      before,
      after,
    });
    return after!;
  });
}

export async function deleteArea(db: Db, ctx: RequestContext, id: string) {
  return db.transaction().execute(async (trx) => {
    const [before] = await listAreas(trx, [id]);
    if (!before) throw notFound('area_not_found');
    const r = await trx
      .selectFrom('planAreas')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('areaId', '=', id)
      .executeTakeFirstOrThrow();
    if (Number(r.n) > 0) throw conflict('area_in_use', { count: Number(r.n) });
    await trx.deleteFrom('housingDepartments').where('areaId', '=', id).execute();
    await trx.deleteFrom('housingAreas').where('id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'delete', entityType: 'housing_area', entityId: id, before });
  });
}

// ---------- Funding pools and catalogues ----------
type PoolIn = z.output<typeof FundingPoolInput>;
type CatalogueIn = z.output<typeof FocusAreaCatalogueInput>;

async function checkPool(trx: Executor, input: PoolIn, exceptId?: string) {
  if (input.endYear < input.startYear) throw invalidField('endYear', 'pool_years_invalid');
  const byName = await trx
    .selectFrom('fundingPools')
    .select('id')
    .where('name', '=', input.name)
    .executeTakeFirst();
  if (byName && byName.id !== exceptId)
    throw new AppError('validation_failed', 409, {}, [{ path: 'name', code: 'pool_name_taken' }]);
}

/** Adds the next catalogue version of a pool; earlier versions (and plans' choices) stay. */
export async function insertCatalogue(trx: Executor, poolId: string, input: CatalogueIn): Promise<string> {
  const last = await trx
    .selectFrom('focusAreaCatalogues')
    .select((eb) => eb.fn.max('catalogueVersion').as('v'))
    .where('poolId', '=', poolId)
    .executeTakeFirst();
  const id = newId();
  await trx
    .insertInto('focusAreaCatalogues')
    .values({
      id,
      poolId,
      catalogueVersion: Number(last?.v ?? 0) + 1,
      validFrom: input.validFrom,
      note: input.note ?? null,
      createdAt: nowIso(),
    })
    .execute();
  await trx
    .insertInto('focusAreas')
    .values(
      input.focusAreas.map((f, i) => ({
        id: newId(),
        catalogueId: id,
        poolId,
        nameDa: f.nameDa,
        nameEn: f.nameEn,
        sortOrder: i + 1,
      })),
    )
    .execute();
  return id;
}

export async function createPool(db: Db, ctx: RequestContext, input: PoolIn) {
  return db.transaction().execute(async (trx) => {
    await checkPool(trx, input);
    const id = newId();
    const now = nowIso();
    await trx
      .insertInto('fundingPools')
      .values({
        id,
        name: input.name,
        startYear: input.startYear,
        endYear: input.endYear,
        description: input.description ?? null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    const [after] = await listPools(trx, [id]);
    await recordAudit(trx, ctx, { action: 'create', entityType: 'funding_pool', entityId: id, after });
    return after!;
  });
}

export async function updatePool(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: PoolIn & { version: number },
) {
  return db.transaction().execute(async (trx) => {
    const [before] = await listPools(trx, [id]);
    if (!before) throw notFound('pool_not_found');
    await checkPool(trx, input, id);
    await updateVersioned(
      trx,
      'fundingPools',
      id,
      input.version,
      {
        name: input.name,
        startYear: input.startYear,
        endYear: input.endYear,
        description: input.description ?? null,
      },
      'pool_not_found',
    );
    const [after] = await listPools(trx, [id]);
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'funding_pool',
      entityId: id,
      before,
      after,
    });
    return after!;
  });
}

export async function addCatalogue(db: Db, ctx: RequestContext, poolId: string, input: CatalogueIn) {
  return db.transaction().execute(async (trx) => {
    const [before] = await listPools(trx, [poolId]);
    if (!before) throw notFound('pool_not_found');
    const catalogueId = await insertCatalogue(trx, poolId, input);
    await trx
      .updateTable('fundingPools')
      .set({ updatedAt: nowIso(), version: before.version + 1 })
      .where('id', '=', poolId)
      .execute();
    const [after] = await listPools(trx, [poolId]);
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'focus_area_catalogue',
      entityId: catalogueId,
      after: after!.catalogues.find((c) => c.id === catalogueId),
    });
    return after!;
  });
}

export async function deletePool(db: Db, ctx: RequestContext, id: string) {
  return db.transaction().execute(async (trx) => {
    const [before] = await listPools(trx, [id]);
    if (!before) throw notFound('pool_not_found');
    const count =
      (await countWhere(trx, 'plans', 'poolId', id)) + (await countWhere(trx, 'grants', 'poolId', id));
    if (count > 0) throw conflict('pool_in_use', { count });
    await trx.deleteFrom('focusAreas').where('poolId', '=', id).execute();
    await trx.deleteFrom('focusAreaCatalogues').where('poolId', '=', id).execute();
    await trx.deleteFrom('fundingPools').where('id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'delete', entityType: 'funding_pool', entityId: id, before });
  });
}

// ---------- Area secretariats ----------
type SecretariatIn = z.output<typeof AreaSecretariatInput>;

export async function createSecretariat(db: Db, ctx: RequestContext, input: SecretariatIn) {
  return db.transaction().execute(async (trx) => {
    await requireRow(trx, 'municipalities', input.municipalityId, 'municipality_not_found', 'municipalityId');
    const id = newId();
    const now = nowIso();
    await trx
      .insertInto('areaSecretariats')
      .values({
        id,
        name: input.name,
        municipalityId: input.municipalityId,
        description: input.description ?? null,
        isExample: 0,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    const [after] = await listSecretariats(trx, [id]);
    await recordAudit(trx, ctx, { action: 'create', entityType: 'area_secretariat', entityId: id, after });
    return after!;
  });
}

export async function updateSecretariat(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: SecretariatIn & { version: number },
) {
  return db.transaction().execute(async (trx) => {
    const [before] = await listSecretariats(trx, [id]);
    if (!before) throw notFound('secretariat_not_found');
    await requireRow(trx, 'municipalities', input.municipalityId, 'municipality_not_found', 'municipalityId');
    await updateVersioned(
      trx,
      'areaSecretariats',
      id,
      input.version,
      { name: input.name, municipalityId: input.municipalityId, description: input.description ?? null },
      'secretariat_not_found',
    );
    const [after] = await listSecretariats(trx, [id]);
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'area_secretariat',
      entityId: id,
      before,
      after,
    });
    return after!;
  });
}

export async function deleteSecretariat(db: Db, ctx: RequestContext, id: string) {
  return db.transaction().execute(async (trx) => {
    const [before] = await listSecretariats(trx, [id]);
    if (!before) throw notFound('secretariat_not_found');
    const count = await countWhere(trx, 'plans', 'areaSecretariatId', id);
    if (count > 0) throw conflict('secretariat_in_use', { count });
    await trx.deleteFrom('areaSecretariats').where('id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'delete', entityType: 'area_secretariat', entityId: id, before });
  });
}
