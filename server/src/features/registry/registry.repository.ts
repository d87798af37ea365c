import type {
  AreaSecretariat,
  FocusAreaCatalogue,
  FundingPool,
  HousingArea,
  HousingOrganisation,
  Municipality,
  MunicipalService,
} from '@pejling/contracts';
import type { Executor } from '../../db/database.js';
import { toBool } from '../../db/portable.js';
import { sortDanish } from '../../domain/danish.js';

// ---------- Municipalities ----------
export async function listMunicipalities(db: Executor, ids?: string[]): Promise<Municipality[]> {
  let q = db
    .selectFrom('municipalities as m')
    .select((eb) => [
      'm.id',
      'm.name',
      'm.code',
      'm.isExample',
      'm.version',
      eb
        .selectFrom('plans')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('plans.municipalityId', '=', 'm.id')
        .as('planCount'),
    ]);
  if (ids) q = q.where('m.id', 'in', ids.length ? ids : ['']);
  const rows = await q.execute();
  return sortDanish(
    rows.map((r) => ({ ...r, isExample: toBool(r.isExample), planCount: Number(r.planCount ?? 0) })),
    (m) => m.name,
  );
}

// ---------- Housing organisations ----------
export async function listHousingOrganisations(db: Executor, ids?: string[]): Promise<HousingOrganisation[]> {
  let q = db
    .selectFrom('housingOrganisations as h')
    .leftJoin('municipalities as m', 'm.id', 'h.municipalityId')
    .select(['h.id', 'h.name', 'h.municipalityId', 'm.name as municipalityName', 'h.isExample', 'h.version']);
  if (ids) q = q.where('h.id', 'in', ids.length ? ids : ['']);
  const rows = await q.execute();
  return sortDanish(
    rows.map((r) => ({ ...r, municipalityName: r.municipalityName ?? null, isExample: toBool(r.isExample) })),
    (h) => h.name,
  );
}

// ---------- Housing areas ----------
export async function listAreas(db: Executor, ids?: string[]): Promise<HousingArea[]> {
  let q = db
    .selectFrom('housingAreas as a')
    .innerJoin('municipalities as m', 'm.id', 'a.municipalityId')
    .select([
      'a.id',
      'a.name',
      'a.municipalityId',
      'm.name as municipalityName',
      'a.description',
      'a.isExample',
      'a.version',
    ]);
  if (ids) q = q.where('a.id', 'in', ids.length ? ids : ['']);
  const rows = await q.execute();
  const areaIds = rows.map((r) => r.id);
  const deps = areaIds.length
    ? await db
        .selectFrom('housingDepartments as d')
        .innerJoin('housingOrganisations as h', 'h.id', 'd.housingOrganisationId')
        .select([
          'd.id',
          'd.areaId',
          'd.housingOrganisationId',
          'h.name as housingOrganisationName',
          'd.departmentNumber',
          'd.name',
          'd.dwellings',
        ])
        .where('d.areaId', 'in', areaIds)
        .execute()
    : [];
  return sortDanish(
    rows.map((r) => {
      const departments = sortDanish(
        deps.filter((d) => d.areaId === r.id),
        (d) => `${d.housingOrganisationName} ${d.departmentNumber}`,
      );
      return {
        ...r,
        isExample: toBool(r.isExample),
        departments,
        dwellings: departments.reduce((s, d) => s + d.dwellings, 0),
      };
    }),
    (a) => a.name,
  );
}

// ---------- Funding pools ----------
export async function listPools(db: Executor, ids?: string[]): Promise<FundingPool[]> {
  let q = db
    .selectFrom('fundingPools as p')
    .select((eb) => [
      'p.id',
      'p.name',
      'p.startYear',
      'p.endYear',
      'p.description',
      'p.version',
      eb
        .selectFrom('plans')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('plans.poolId', '=', 'p.id')
        .as('planCount'),
    ]);
  if (ids) q = q.where('p.id', 'in', ids.length ? ids : ['']);
  const rows = await q.orderBy('p.startYear').execute();
  const poolIds = rows.map((r) => r.id);
  const catalogues = poolIds.length
    ? await db
        .selectFrom('focusAreaCatalogues')
        .selectAll()
        .where('poolId', 'in', poolIds)
        .orderBy('catalogueVersion')
        .execute()
    : [];
  const focusAreas = poolIds.length
    ? await db
        .selectFrom('focusAreas')
        .selectAll()
        .where('poolId', 'in', poolIds)
        .orderBy('sortOrder')
        .execute()
    : [];
  return rows.map((r) => ({
    ...r,
    planCount: Number(r.planCount ?? 0),
    catalogues: catalogues
      .filter((c) => c.poolId === r.id)
      .map((c): FocusAreaCatalogue => ({
        id: c.id,
        poolId: c.poolId,
        version: c.catalogueVersion,
        validFrom: c.validFrom,
        note: c.note,
        focusAreas: focusAreas.filter((f) => f.catalogueId === c.id),
      })),
  }));
}

// ---------- Area secretariats ----------
export async function listSecretariats(db: Executor, ids?: string[]): Promise<AreaSecretariat[]> {
  let q = db
    .selectFrom('areaSecretariats as s')
    .innerJoin('municipalities as m', 'm.id', 's.municipalityId')
    .select([
      's.id',
      's.name',
      's.municipalityId',
      'm.name as municipalityName',
      's.description',
      's.isExample',
      's.version',
    ]);
  if (ids) q = q.where('s.id', 'in', ids.length ? ids : ['']);
  const rows = await q.execute();
  const plans = rows.length
    ? await db
        .selectFrom('plans')
        .select(['id', 'name', 'areaSecretariatId'])
        .where(
          'areaSecretariatId',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    : [];
  return sortDanish(
    rows.map((r) => ({
      ...r,
      isExample: toBool(r.isExample),
      plans: sortDanish(
        plans.filter((p) => p.areaSecretariatId === r.id).map((p) => ({ id: p.id, name: p.name })),
        (p) => p.name,
      ),
    })),
    (s) => s.name,
  );
}

// ---------- Municipal services (the catalogue beside collaboration agreements) ----------
/** The catalogue sorted by municipality, then name; each entry with the plans whose agreement links it. */
export async function listMunicipalServices(db: Executor, ids?: string[]): Promise<MunicipalService[]> {
  let q = db
    .selectFrom('municipalServices as s')
    .innerJoin('municipalities as m', 'm.id', 's.municipalityId')
    .select([
      's.id',
      's.municipalityId',
      'm.name as municipalityName',
      's.name',
      's.department',
      's.targetGroup',
      's.isExample',
      's.version',
    ]);
  if (ids) q = q.where('s.id', 'in', ids.length ? ids : ['']);
  const rows = await q.execute();
  let links = db
    .selectFrom('collabServiceLinks as l')
    .innerJoin('plans as p', 'p.id', 'l.planId')
    .select(['l.serviceId', 'p.id', 'p.name'])
    .distinct();
  if (ids) links = links.where('l.serviceId', 'in', ids.length ? ids : ['']);
  const used = rows.length ? await links.execute() : [];
  return sortDanish(
    sortDanish(
      rows.map((r) => ({
        ...r,
        isExample: toBool(r.isExample),
        plans: sortDanish(
          used.filter((u) => u.serviceId === r.id).map((u) => ({ id: u.id, name: u.name })),
          (p) => p.name,
        ),
      })),
      (s) => s.name,
    ),
    (s) => s.municipalityName,
  );
}
