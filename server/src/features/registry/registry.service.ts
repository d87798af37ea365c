import type { z } from 'zod';
import type {
  AreaSecretariat,
  FundingPool,
  HousingArea,
  HousingOrganisation,
  Municipality,
  AreaSecretariatInput,
  FocusAreaCatalogueInput,
  FundingPoolInput,
  HousingAreaInput,
  HousingOrganisationInput,
  MunicipalityInput,
  MunicipalService,
  MunicipalServiceInput,
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
  listMunicipalServices,
  listPools,
  listSecretariats,
} from './registry.repository.js';

type Versioned =
  | 'municipalities'
  | 'housingOrganisations'
  | 'housingAreas'
  | 'fundingPools'
  | 'areaSecretariats'
  | 'municipalServices';

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

/** How an entity of the registry is read back and named in the audit log. */
interface AuditedEntity<T> {
  entityType: string;
  notFound: ErrorCode;
  read: (trx: Executor, ids: string[]) => Promise<T[]>;
}

/** A new row of a versioned table: id, timestamps and version 1 around the given values. */
async function insertVersioned(
  trx: Executor,
  table: Versioned,
  values: Record<string, unknown>,
): Promise<string> {
  const id = newId();
  const now = nowIso();
  await trx
    .insertInto(table as 'municipalities')
    .values({ ...(values as object), id, createdAt: now, updatedAt: now, version: 1 } as never)
    .execute();
  return id;
}

/** One transaction: the writer checks and inserts, returning the id; the row as read back is audited. */
async function auditedCreate<T>(
  db: Db,
  ctx: RequestContext,
  e: AuditedEntity<T>,
  write: (trx: Executor) => Promise<string>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const id = await write(trx);
    const [after] = await e.read(trx, [id]);
    await recordAudit(trx, ctx, { action: 'create', entityType: e.entityType, entityId: id, after });
    return after!;
  });
}

/** One transaction: the row before, the writer's change, the row after, both in the audit log. */
async function auditedUpdate<T>(
  db: Db,
  ctx: RequestContext,
  e: AuditedEntity<T>,
  id: string,
  write: (trx: Executor) => Promise<void>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const [before] = await e.read(trx, [id]);
    if (!before) throw notFound(e.notFound);
    await write(trx);
    const [after] = await e.read(trx, [id]);
    await recordAudit(trx, ctx, { action: 'update', entityType: e.entityType, entityId: id, before, after });
    return after!;
  });
}

/** One transaction: the remover checks use and deletes; the row as it was goes to the audit log. */
async function auditedDelete<T>(
  db: Db,
  ctx: RequestContext,
  e: AuditedEntity<T>,
  id: string,
  remove: (trx: Executor) => Promise<void>,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const [before] = await e.read(trx, [id]);
    if (!before) throw notFound(e.notFound);
    await remove(trx);
    await recordAudit(trx, ctx, { action: 'delete', entityType: e.entityType, entityId: id, before });
  });
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

const MUNICIPALITY: AuditedEntity<Municipality> = {
  entityType: 'municipality',
  notFound: 'municipality_not_found',
  read: listMunicipalities,
};

export const createMunicipality = (db: Db, ctx: RequestContext, input: MunicipalityIn) =>
  auditedCreate(db, ctx, MUNICIPALITY, async (trx) => {
    await checkMunicipalityUnique(trx, input);
    return insertVersioned(trx, 'municipalities', {
      name: input.name,
      code: input.code ?? null,
      isExample: 0,
    });
  });

export const updateMunicipality = (
  db: Db,
  ctx: RequestContext,
  id: string,
  input: MunicipalityIn & { version: number },
) =>
  auditedUpdate(db, ctx, MUNICIPALITY, id, async (trx) => {
    await checkMunicipalityUnique(trx, input, id);
    await updateVersioned(
      trx,
      'municipalities',
      id,
      input.version,
      { name: input.name, code: input.code ?? null },
      'municipality_not_found',
    );
  });

export const deleteMunicipality = (db: Db, ctx: RequestContext, id: string) =>
  auditedDelete(db, ctx, MUNICIPALITY, id, async (trx) => {
    const count =
      (await countWhere(trx, 'plans', 'municipalityId', id)) +
      (await countWhere(trx, 'housingAreas', 'municipalityId', id)) +
      (await countWhere(trx, 'housingOrganisations', 'municipalityId', id)) +
      (await countWhere(trx, 'areaSecretariats', 'municipalityId', id));
    if (count > 0) throw conflict('municipality_in_use', { count });
    const services = await trx
      .selectFrom('municipalServices')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('municipalityId', '=', id)
      .executeTakeFirstOrThrow();
    if (Number(services.n) > 0) throw conflict('municipality_has_services', { count: Number(services.n) });
    await trx.deleteFrom('roleGrants').where('organisationId', '=', id).execute();
    await trx.deleteFrom('municipalities').where('id', '=', id).execute();
  });

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

const HOUSING_ORGANISATION: AuditedEntity<HousingOrganisation> = {
  entityType: 'housing_organisation',
  notFound: 'housing_organisation_not_found',
  read: listHousingOrganisations,
};

export const createHousingOrganisation = (db: Db, ctx: RequestContext, input: OrgIn) =>
  auditedCreate(db, ctx, HOUSING_ORGANISATION, async (trx) => {
    await checkOrg(trx, input);
    return insertVersioned(trx, 'housingOrganisations', {
      name: input.name,
      municipalityId: input.municipalityId ?? null,
      isExample: 0,
    });
  });

export const updateHousingOrganisation = (
  db: Db,
  ctx: RequestContext,
  id: string,
  input: OrgIn & { version: number },
) =>
  auditedUpdate(db, ctx, HOUSING_ORGANISATION, id, async (trx) => {
    await checkOrg(trx, input, id);
    await updateVersioned(
      trx,
      'housingOrganisations',
      id,
      input.version,
      { name: input.name, municipalityId: input.municipalityId ?? null },
      'housing_organisation_not_found',
    );
  });

export const deleteHousingOrganisation = (db: Db, ctx: RequestContext, id: string) =>
  auditedDelete(db, ctx, HOUSING_ORGANISATION, id, async (trx) => {
    const count =
      (await countWhere(trx, 'housingDepartments', 'housingOrganisationId', id)) +
      (await countWhere(trx, 'plans', 'housingOrganisationId', id));
    if (count > 0) throw conflict('housing_organisation_in_use', { count });
    await trx.deleteFrom('roleGrants').where('organisationId', '=', id).execute();
    await trx.deleteFrom('housingOrganisations').where('id', '=', id).execute();
  });

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

const AREA: AuditedEntity<HousingArea> = {
  entityType: 'housing_area',
  notFound: 'area_not_found',
  read: listAreas,
};

export const createArea = (db: Db, ctx: RequestContext, input: AreaIn) =>
  auditedCreate(db, ctx, AREA, async (trx) => {
    await checkArea(trx, input);
    const id = await insertVersioned(trx, 'housingAreas', {
      name: input.name,
      municipalityId: input.municipalityId,
      description: input.description ?? null,
      isExample: 0,
    });
    await writeDepartments(trx, id, input);
    return id;
  });

export const updateArea = (db: Db, ctx: RequestContext, id: string, input: AreaIn & { version: number }) =>
  auditedUpdate(db, ctx, AREA, id, async (trx) => {
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
  });

export const deleteArea = (db: Db, ctx: RequestContext, id: string) =>
  auditedDelete(db, ctx, AREA, id, async (trx) => {
    const r = await trx
      .selectFrom('planAreas')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('areaId', '=', id)
      .executeTakeFirstOrThrow();
    if (Number(r.n) > 0) throw conflict('area_in_use', { count: Number(r.n) });
    await trx.deleteFrom('housingDepartments').where('areaId', '=', id).execute();
    await trx.deleteFrom('housingAreas').where('id', '=', id).execute();
  });

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

const POOL: AuditedEntity<FundingPool> = {
  entityType: 'funding_pool',
  notFound: 'pool_not_found',
  read: listPools,
};

export const createPool = (db: Db, ctx: RequestContext, input: PoolIn) =>
  auditedCreate(db, ctx, POOL, async (trx) => {
    await checkPool(trx, input);
    return insertVersioned(trx, 'fundingPools', {
      name: input.name,
      startYear: input.startYear,
      endYear: input.endYear,
      description: input.description ?? null,
    });
  });

export const updatePool = (db: Db, ctx: RequestContext, id: string, input: PoolIn & { version: number }) =>
  auditedUpdate(db, ctx, POOL, id, async (trx) => {
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
  });

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

export const deletePool = (db: Db, ctx: RequestContext, id: string) =>
  auditedDelete(db, ctx, POOL, id, async (trx) => {
    const count =
      (await countWhere(trx, 'plans', 'poolId', id)) + (await countWhere(trx, 'grants', 'poolId', id));
    if (count > 0) throw conflict('pool_in_use', { count });
    await trx.deleteFrom('focusAreas').where('poolId', '=', id).execute();
    await trx.deleteFrom('focusAreaCatalogues').where('poolId', '=', id).execute();
    await trx.deleteFrom('fundingPools').where('id', '=', id).execute();
  });

// ---------- Area secretariats ----------
type SecretariatIn = z.output<typeof AreaSecretariatInput>;

const SECRETARIAT: AuditedEntity<AreaSecretariat> = {
  entityType: 'area_secretariat',
  notFound: 'secretariat_not_found',
  read: listSecretariats,
};

export const createSecretariat = (db: Db, ctx: RequestContext, input: SecretariatIn) =>
  auditedCreate(db, ctx, SECRETARIAT, async (trx) => {
    await requireRow(trx, 'municipalities', input.municipalityId, 'municipality_not_found', 'municipalityId');
    return insertVersioned(trx, 'areaSecretariats', {
      name: input.name,
      municipalityId: input.municipalityId,
      description: input.description ?? null,
      isExample: 0,
    });
  });

export const updateSecretariat = (
  db: Db,
  ctx: RequestContext,
  id: string,
  input: SecretariatIn & { version: number },
) =>
  auditedUpdate(db, ctx, SECRETARIAT, id, async (trx) => {
    await requireRow(trx, 'municipalities', input.municipalityId, 'municipality_not_found', 'municipalityId');
    await updateVersioned(
      trx,
      'areaSecretariats',
      id,
      input.version,
      { name: input.name, municipalityId: input.municipalityId, description: input.description ?? null },
      'secretariat_not_found',
    );
  });

export const deleteSecretariat = (db: Db, ctx: RequestContext, id: string) =>
  auditedDelete(db, ctx, SECRETARIAT, id, async (trx) => {
    const count = await countWhere(trx, 'plans', 'areaSecretariatId', id);
    if (count > 0) throw conflict('secretariat_in_use', { count });
    await trx.deleteFrom('areaSecretariats').where('id', '=', id).execute();
  });

// ---------- Municipal services ----------
type ServiceIn = z.output<typeof MunicipalServiceInput>;

const MUNICIPAL_SERVICE: AuditedEntity<MunicipalService> = {
  entityType: 'municipal_service',
  notFound: 'municipal_service_not_found',
  read: listMunicipalServices,
};

/** The plans whose agreements link the service, as the parameters of an in-use refusal. */
async function serviceUse(trx: Executor, id: string) {
  const [service] = await listMunicipalServices(trx, [id]);
  const plans = service?.plans ?? [];
  return { count: plans.length, plans: plans.map((p) => p.name).join(', ') };
}

async function checkService(trx: Executor, input: ServiceIn, exceptId?: string) {
  await requireRow(trx, 'municipalities', input.municipalityId, 'municipality_not_found', 'municipalityId');
  const byName = await trx
    .selectFrom('municipalServices')
    .select('id')
    .where('municipalityId', '=', input.municipalityId)
    .where('name', '=', input.name)
    .executeTakeFirst();
  if (byName && byName.id !== exceptId)
    throw new AppError('validation_failed', 409, {}, [
      { path: 'name', code: 'municipal_service_name_taken' },
    ]);
}

const serviceColumns = (input: ServiceIn) => ({
  municipalityId: input.municipalityId,
  name: input.name,
  department: input.department?.trim() || null,
  targetGroup: input.targetGroup?.trim() || null,
});

export const createMunicipalService = (db: Db, ctx: RequestContext, input: ServiceIn) =>
  auditedCreate(db, ctx, MUNICIPAL_SERVICE, async (trx) => {
    await checkService(trx, input);
    return insertVersioned(trx, 'municipalServices', { ...serviceColumns(input), isExample: 0 });
  });

/**
 * Edits an entry; one that plans' agreements link stays in its municipality, since an agreement
 * only links services of the plan's own municipality.
 * @throws municipal_service_not_found (404), municipal_service_name_taken (409),
 * municipal_service_municipality_locked (409), stale_version (409)
 */
export const updateMunicipalService = (
  db: Db,
  ctx: RequestContext,
  id: string,
  input: ServiceIn & { version: number },
) =>
  auditedUpdate(db, ctx, MUNICIPAL_SERVICE, id, async (trx) => {
    await checkService(trx, input, id);
    const [before] = await listMunicipalServices(trx, [id]);
    if (before && before.municipalityId !== input.municipalityId && before.plans.length > 0)
      throw new AppError('validation_failed', 409, {}, [
        {
          path: 'municipalityId',
          code: 'municipal_service_municipality_locked',
          params: await serviceUse(trx, id),
        },
      ]);
    await updateVersioned(
      trx,
      'municipalServices',
      id,
      input.version,
      serviceColumns(input),
      'municipal_service_not_found',
    );
  });

/** @throws municipal_service_not_found (404), municipal_service_in_use (409: an agreement links it) */
export const deleteMunicipalService = (db: Db, ctx: RequestContext, id: string) =>
  auditedDelete(db, ctx, MUNICIPAL_SERVICE, id, async (trx) => {
    const use = await serviceUse(trx, id);
    if (use.count > 0) throw conflict('municipal_service_in_use', use);
    await trx.deleteFrom('municipalServices').where('id', '=', id).execute();
  });
