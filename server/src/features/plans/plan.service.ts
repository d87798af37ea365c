import type { z } from 'zod';
import type { ErrorCode, PlanDetail, PlanInput, PlanListQuery, PlanSummary } from '@pejling/contracts';
import type { Db, Executor } from '../../db/database.js';
import { newId, nowIso } from '../../db/portable.js';
import { danishCollator } from '../../domain/danish.js';
import { checkFocusAreasInPool, checkPeriod } from '../../domain/plan-rules.js';
import { AppError, forbidden, notFound, type FieldError } from '../../errors.js';
import type { Principal, RequestContext } from '../../http/context.js';
import { canWritePlanRow, planScope } from '../../http/permissions.js';
import { recordAudit } from '../audit/audit.service.js';
import { listAreas } from '../registry/registry.repository.js';
import {
  asSupport,
  findPlanAreaIds,
  findPlanFocusAreas,
  findPlanGrants,
  findPlanRow,
  findPlanSummaries,
} from './plan.repository.js';

type PlanIn = z.output<typeof PlanInput>;
type ListQuery = z.output<typeof PlanListQuery>;

const sorters: Record<string, (a: PlanSummary, b: PlanSummary) => number> = {
  name: (a, b) => danishCollator.compare(a.name, b.name),
  municipality: (a, b) => danishCollator.compare(a.municipalityName, b.municipalityName),
  pool: (a, b) => danishCollator.compare(a.poolName, b.poolName),
  status: (a, b) => a.status.localeCompare(b.status),
  dwellings: (a, b) => a.dwellings - b.dwellings,
  grant: (a, b) => a.grantTotalOre - b.grantTotalOre,
  periodStart: (a, b) => (a.periodStart ?? '').localeCompare(b.periodStart ?? ''),
  updatedAt: (a, b) => a.updatedAt.localeCompare(b.updatedAt),
};

/** The plans a caller may see, filtered, searched and sorted (Danish order). */
export async function listPlans(db: Db, principal: Principal, query: ListQuery): Promise<PlanSummary[]> {
  let plans = await findPlanSummaries(db, planScope(principal), {
    status: query.status || undefined,
    poolId: query.poolId || undefined,
    municipalityId: query.municipalityId || undefined,
    housingOrganisationId: query.housingOrganisationId || undefined,
    areaSecretariatId: query.areaSecretariatId || undefined,
    focusAreaId: query.focusAreaId || undefined,
    example: query.example || undefined,
    ids: query.ids,
  });
  if (query.sizeBand) plans = plans.filter((p) => p.sizeBand === query.sizeBand);
  if (query.grantBand) plans = plans.filter((p) => p.grantBand === query.grantBand);
  if (query.q) {
    const needle = query.q.toLocaleLowerCase('da');
    plans = plans.filter((p) =>
      [p.name, p.municipalityName, p.housingOrganisationName, p.poolName, p.areaSecretariatName ?? ''].some(
        (s) => s.toLocaleLowerCase('da').includes(needle),
      ),
    );
  }
  const sorter = sorters[query.sort ?? 'name'] ?? sorters.name!;
  const dir = query.dir === 'desc' ? -1 : 1;
  return plans.sort((a, b) => dir * sorter(a, b) || danishCollator.compare(a.name, b.name));
}

export async function getPlanDetail(
  db: Executor,
  principal: Principal | null,
  id: string,
): Promise<PlanDetail> {
  const [summary] = await findPlanSummaries(db, { all: true }, { ids: [id] });
  const row = await findPlanRow(db, id);
  if (!summary || !row) throw notFound('plan_not_found');
  const [areas, focusAreas, grants] = await Promise.all([
    findPlanAreaIds(db, id).then((ids) => listAreas(db, ids)),
    findPlanFocusAreas(db, id),
    findPlanGrants(db, id),
  ]);
  return {
    ...summary,
    purpose: row.purpose,
    problems: row.problems,
    secretariatSupport: asSupport(row.secretariatSupport),
    areas,
    focusAreas,
    grants,
    version: row.version,
    createdAt: row.createdAt,
    canEdit: principal ? canWritePlanRow(principal, row) : false,
  };
}

/** Checks every reference and rule; collects all field problems into one 400. */
async function validatePlan(trx: Executor, input: PlanIn): Promise<void> {
  const problems: FieldError[] = [];
  const add = (path: string, code: ErrorCode, params?: Record<string, unknown>) =>
    problems.push({ path, code, params });

  const pool = await trx
    .selectFrom('fundingPools')
    .select(['id', 'name'])
    .where('id', '=', input.poolId)
    .executeTakeFirst();
  if (!pool) add('poolId', 'pool_not_found');
  if (
    !(await trx
      .selectFrom('municipalities')
      .select('id')
      .where('id', '=', input.municipalityId)
      .executeTakeFirst())
  )
    add('municipalityId', 'municipality_not_found');
  if (
    !(await trx
      .selectFrom('housingOrganisations')
      .select('id')
      .where('id', '=', input.housingOrganisationId)
      .executeTakeFirst())
  )
    add('housingOrganisationId', 'housing_organisation_not_found');
  if (input.areaSecretariatId) {
    const s = await trx
      .selectFrom('areaSecretariats')
      .select('id')
      .where('id', '=', input.areaSecretariatId)
      .executeTakeFirst();
    if (!s) add('areaSecretariatId', 'secretariat_not_found');
  }
  const areaIds = [...new Set(input.areaIds)];
  if (areaIds.length) {
    const found = new Set(
      (await trx.selectFrom('housingAreas').select('id').where('id', 'in', areaIds).execute()).map(
        (a) => a.id,
      ),
    );
    input.areaIds.forEach((id, i) => {
      if (!found.has(id)) add(`areaIds.${i}`, 'area_not_found');
    });
  }
  if (pool && input.focusAreaIds.length) {
    const catalogue = await trx
      .selectFrom('focusAreas')
      .select(['id', 'poolId'])
      .where('id', 'in', [...new Set(input.focusAreaIds)])
      .execute();
    for (const p of checkFocusAreasInPool(pool.id, pool.name, input.focusAreaIds, catalogue))
      add(p.path, p.code, p.params);
  }
  for (const p of checkPeriod('periodEnd', input.periodStart, input.periodEnd)) add(p.path, p.code);
  const grantPools = [...new Set(input.grants.map((g) => g.poolId))];
  const knownPools = grantPools.length
    ? new Set(
        (await trx.selectFrom('fundingPools').select('id').where('id', 'in', grantPools).execute()).map(
          (p) => p.id,
        ),
      )
    : new Set<string>();
  input.grants.forEach((g, i) => {
    if (!knownPools.has(g.poolId)) add(`grants.${i}.poolId`, 'pool_not_found');
    for (const p of checkPeriod(`grants.${i}.endDate`, g.startDate, g.endDate)) add(p.path, p.code);
  });
  if (problems.length) throw new AppError('validation_failed', 400, {}, problems);
}

async function writeChildren(trx: Executor, planId: string, input: PlanIn): Promise<void> {
  await trx.deleteFrom('planAreas').where('planId', '=', planId).execute();
  await trx.deleteFrom('planFocusAreas').where('planId', '=', planId).execute();
  await trx.deleteFrom('grants').where('planId', '=', planId).execute();
  const areaIds = [...new Set(input.areaIds)];
  if (areaIds.length)
    await trx
      .insertInto('planAreas')
      .values(areaIds.map((areaId) => ({ planId, areaId })))
      .execute();
  const focusIds = [...new Set(input.focusAreaIds)];
  if (focusIds.length)
    await trx
      .insertInto('planFocusAreas')
      .values(focusIds.map((focusAreaId) => ({ planId, focusAreaId })))
      .execute();
  if (input.grants.length) {
    const now = nowIso();
    await trx
      .insertInto('grants')
      .values(
        input.grants.map((g, i) => ({
          id: newId(),
          planId,
          poolId: g.poolId,
          amountOre: g.amountOre,
          startDate: g.startDate,
          endDate: g.endDate,
          reference: g.reference ?? null,
          sortOrder: i,
          createdAt: now,
        })),
      )
      .execute();
  }
}

function planColumns(input: PlanIn) {
  return {
    name: input.name,
    poolId: input.poolId,
    municipalityId: input.municipalityId,
    housingOrganisationId: input.housingOrganisationId,
    areaSecretariatId: input.areaSecretariatId ?? null,
    secretariatSupport: input.secretariatSupport ?? null,
    purpose: input.purpose ?? null,
    problems: input.problems ?? null,
    status: input.status,
    periodStart: input.periodStart ?? null,
    periodEnd: input.periodEnd ?? null,
  };
}

/**
 * Creates a plan with its areas, focus areas and grants in one transaction. An organisation
 * member may create plans only for their own organisation, and becomes the plan's editor.
 * @throws validation_failed (400), forbidden (403)
 */
export async function createPlan(
  db: Db,
  ctx: RequestContext,
  input: PlanIn,
  opts: { isExample?: boolean } = {},
): Promise<PlanDetail> {
  const principal = ctx.principal;
  return db.transaction().execute(async (trx) => {
    await validatePlan(trx, input);
    if (principal && !principal.isAdmin) {
      const mine = principal.roles.some(
        (r) =>
          r.role === 'org_member' &&
          ((r.organisationKind === 'municipality' && r.organisationId === input.municipalityId) ||
            (r.organisationKind === 'housing_organisation' &&
              r.organisationId === input.housingOrganisationId)),
      );
      if (!mine) throw forbidden();
    }
    const id = newId();
    const now = nowIso();
    await trx
      .insertInto('plans')
      .values({
        id,
        ...planColumns(input),
        isExample: opts.isExample ? 1 : 0,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    await writeChildren(trx, id, input);
    if (principal && !principal.isAdmin) {
      await trx
        .insertInto('roleGrants')
        .values({
          id: newId(),
          userId: principal.userId,
          role: 'plan_editor',
          organisationKind: null,
          organisationId: null,
          planId: id,
          createdAt: now,
        })
        .execute();
    }
    const after = await getPlanDetail(trx, principal, id);
    await recordAudit(trx, ctx, {
      action: 'create',
      entityType: 'plan',
      entityId: id,
      planId: id,
      after: { ...after, canEdit: undefined },
    });
    if (principal && !principal.isAdmin) after.canEdit = true;
    return after;
  });
}

/** A focus area the plan's goals or activities sit under cannot be removed from the plan. */
async function checkRemovedFocusAreas(
  trx: Executor,
  planId: string,
  before: PlanDetail,
  focusAreaIds: string[],
): Promise<void> {
  const kept = new Set(focusAreaIds);
  const problems: FieldError[] = [];
  for (const fa of before.focusAreas) {
    if (kept.has(fa.id)) continue;
    const [goals, activities] = await Promise.all([
      trx
        .selectFrom('goals')
        .select('id')
        .where('planId', '=', planId)
        .where('focusAreaId', '=', fa.id)
        .execute(),
      trx
        .selectFrom('activities')
        .select('id')
        .where('planId', '=', planId)
        .where('focusAreaId', '=', fa.id)
        .execute(),
    ]);
    if (goals.length || activities.length)
      problems.push({
        path: 'focusAreaIds',
        code: 'focus_area_in_use',
        params: { name: fa.nameDa, goals: goals.length, activities: activities.length },
      });
  }
  if (problems.length) throw new AppError('validation_failed', 400, {}, problems);
}

/**
 * @throws plan_not_found (404), stale_version (409), validation_failed (400)
 */
export async function updatePlan(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: PlanIn & { version: number },
): Promise<PlanDetail> {
  return db.transaction().execute(async (trx) => {
    const before = await getPlanDetail(trx, ctx.principal, id);
    await validatePlan(trx, input);
    await checkRemovedFocusAreas(trx, id, before, input.focusAreaIds);
    const result = await trx
      .updateTable('plans')
      .set({ ...planColumns(input), updatedAt: nowIso(), version: input.version + 1 })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new AppError('stale_version', 409);
    await writeChildren(trx, id, input);
    const after = await getPlanDetail(trx, ctx.principal, id);
    await recordAudit(trx, ctx, {
      action: 'update',
      entityType: 'plan',
      entityId: id,
      planId: id,
      before: { ...before, canEdit: undefined },
      after: { ...after, canEdit: undefined },
    });
    return after;
  });
}

/** @throws plan_not_found (404) */
export async function deletePlan(db: Db, ctx: RequestContext, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await getPlanDetail(trx, ctx.principal, id);
    await trx.deleteFrom('roleGrants').where('planId', '=', id).execute();
    await trx.deleteFrom('planAreas').where('planId', '=', id).execute();
    await trx.deleteFrom('planFocusAreas').where('planId', '=', id).execute();
    await trx.deleteFrom('grants').where('planId', '=', id).execute();
    await trx.deleteFrom('plans').where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      action: 'delete',
      entityType: 'plan',
      entityId: id,
      planId: id,
      before: { ...before, canEdit: undefined },
    });
  });
}
