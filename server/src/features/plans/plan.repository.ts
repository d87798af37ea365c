import type { FocusArea, Grant, PlanSummary, SecretariatSupport, PlanStatus } from '@pejling/contracts';
import type { Executor } from '../../db/database.js';
import { toBool } from '../../db/portable.js';
import { grantBand, sizeBand } from '../../domain/bands.js';
import type { PlanScope } from '../../http/permissions.js';

export interface PlanFilter {
  status?: string;
  poolId?: string;
  municipalityId?: string;
  housingOrganisationId?: string;
  areaSecretariatId?: string;
  focusAreaId?: string;
  example?: 'yes' | 'no';
  ids?: string[];
}

/** Plans the scope allows, with the figures the list, the matrix and exports need. */
export async function findPlanSummaries(
  db: Executor,
  scope: PlanScope,
  f: PlanFilter = {},
): Promise<PlanSummary[]> {
  let q = db
    .selectFrom('plans as p')
    .innerJoin('fundingPools as fp', 'fp.id', 'p.poolId')
    .innerJoin('municipalities as m', 'm.id', 'p.municipalityId')
    .innerJoin('housingOrganisations as h', 'h.id', 'p.housingOrganisationId')
    .leftJoin('areaSecretariats as s', 's.id', 'p.areaSecretariatId')
    .select([
      'p.id',
      'p.name',
      'p.status',
      'p.poolId',
      'fp.name as poolName',
      'p.municipalityId',
      'm.name as municipalityName',
      'p.housingOrganisationId',
      'h.name as housingOrganisationName',
      'p.areaSecretariatId',
      's.name as areaSecretariatName',
      'p.periodStart',
      'p.periodEnd',
      'p.isExample',
      'p.updatedAt',
    ]);
  if (!scope.all) {
    const { planIds, housingOrganisationIds, municipalityIds, areaSecretariatIds } = scope;
    if (
      planIds.length + housingOrganisationIds.length + municipalityIds.length + areaSecretariatIds.length ===
      0
    )
      return [];
    q = q.where((eb) =>
      eb.or([
        ...(planIds.length ? [eb('p.id', 'in', planIds)] : []),
        ...(housingOrganisationIds.length
          ? [eb('p.housingOrganisationId', 'in', housingOrganisationIds)]
          : []),
        ...(municipalityIds.length ? [eb('p.municipalityId', 'in', municipalityIds)] : []),
        ...(areaSecretariatIds.length ? [eb('p.areaSecretariatId', 'in', areaSecretariatIds)] : []),
      ]),
    );
  }
  if (f.status) q = q.where('p.status', '=', f.status);
  if (f.poolId) q = q.where('p.poolId', '=', f.poolId);
  if (f.municipalityId) q = q.where('p.municipalityId', '=', f.municipalityId);
  if (f.housingOrganisationId) q = q.where('p.housingOrganisationId', '=', f.housingOrganisationId);
  if (f.areaSecretariatId) q = q.where('p.areaSecretariatId', '=', f.areaSecretariatId);
  if (f.example) q = q.where('p.isExample', '=', f.example === 'yes' ? 1 : 0);
  if (f.ids) q = q.where('p.id', 'in', f.ids.length ? f.ids : ['']);
  if (f.focusAreaId) {
    const focusAreaId = f.focusAreaId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('planFocusAreas as pf')
          .select('pf.planId')
          .whereRef('pf.planId', '=', 'p.id')
          .where('pf.focusAreaId', '=', focusAreaId),
      ),
    );
  }
  const rows = await q.execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [dwellings, grants, focus] = await Promise.all([
    db
      .selectFrom('planAreas as pa')
      .innerJoin('housingDepartments as d', 'd.areaId', 'pa.areaId')
      .select((eb) => ['pa.planId', eb.fn.sum<number>('d.dwellings').as('dwellings')])
      .where('pa.planId', 'in', ids)
      .groupBy('pa.planId')
      .execute(),
    db
      .selectFrom('grants')
      .select((eb) => [
        'planId',
        eb.fn.sum<number>('amountOre').as('total'),
        eb.fn.countAll<number>().as('n'),
      ])
      .where('planId', 'in', ids)
      .groupBy('planId')
      .execute(),
    db.selectFrom('planFocusAreas').select(['planId', 'focusAreaId']).where('planId', 'in', ids).execute(),
  ]);
  const dw = new Map(dwellings.map((d) => [d.planId, Number(d.dwellings ?? 0)]));
  const gr = new Map(grants.map((g) => [g.planId, { total: Number(g.total ?? 0), n: Number(g.n) }]));
  // Grouped once: filtering the whole list per plan made the plan list quadratic in the plan count.
  const fa = new Map<string, string[]>();
  for (const x of focus) {
    const list = fa.get(x.planId);
    if (list) list.push(x.focusAreaId);
    else fa.set(x.planId, [x.focusAreaId]);
  }
  return rows.map((r) => {
    const d = dw.get(r.id) ?? 0;
    const g = gr.get(r.id) ?? { total: 0, n: 0 };
    return {
      ...r,
      status: r.status as PlanStatus,
      areaSecretariatName: r.areaSecretariatName ?? null,
      isExample: toBool(r.isExample),
      dwellings: d,
      grantTotalOre: g.total,
      grantCount: g.n,
      sizeBand: sizeBand(d),
      grantBand: grantBand(g.total, g.n),
      focusAreaIds: fa.get(r.id) ?? [],
    };
  });
}

export async function findPlanRow(db: Executor, id: string) {
  return db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findPlanFocusAreas(db: Executor, planId: string): Promise<FocusArea[]> {
  return db
    .selectFrom('planFocusAreas as pf')
    .innerJoin('focusAreas as f', 'f.id', 'pf.focusAreaId')
    .select(['f.id', 'f.catalogueId', 'f.poolId', 'f.nameDa', 'f.nameEn', 'f.sortOrder'])
    .where('pf.planId', '=', planId)
    .orderBy('f.sortOrder')
    .execute();
}

export async function findPlanAreaIds(db: Executor, planId: string): Promise<string[]> {
  const rows = await db.selectFrom('planAreas').select('areaId').where('planId', '=', planId).execute();
  return rows.map((r) => r.areaId);
}

export async function findPlanGrants(db: Executor, planId: string): Promise<Grant[]> {
  const rows = await db
    .selectFrom('grants as g')
    .innerJoin('fundingPools as fp', 'fp.id', 'g.poolId')
    .select([
      'g.id',
      'g.planId',
      'g.poolId',
      'fp.name as poolName',
      'g.amountOre',
      'g.startDate',
      'g.endDate',
      'g.reference',
    ])
    .where('g.planId', '=', planId)
    .orderBy('g.sortOrder')
    .orderBy('g.startDate')
    .execute();
  return rows.map((r) => ({ ...r, amountOre: Number(r.amountOre) }));
}

export const asSupport = (v: string | null): SecretariatSupport | null =>
  v === 'yes' || v === 'no' || v === 'unclear' ? v : null;
