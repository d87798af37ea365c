import { isPlanRole } from '@pejling/contracts';
import type { Db } from '../db/database.js';
import type { Principal } from './context.js';

/**
 * Every route declares one of these in `config.permission`; a route without one stops the
 * server from starting (deny by default).
 */
export type Permission =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  | { kind: 'admin' }
  | { kind: 'plan.create' }
  | { kind: 'plan.read'; param: string }
  | { kind: 'plan.write'; param: string };

export const PUBLIC: Permission = { kind: 'public' };
export const AUTHENTICATED: Permission = { kind: 'authenticated' };
export const ADMIN: Permission = { kind: 'admin' };
export const PLAN_CREATE: Permission = { kind: 'plan.create' };
export const planRead = (param = 'id'): Permission => ({ kind: 'plan.read', param });
export const planWrite = (param = 'id'): Permission => ({ kind: 'plan.write', param });

export const canReadAllPlans = (p: Principal): boolean => p.isAdmin || p.roles.some((r) => r.role === 'fund');

export const canCreatePlan = (p: Principal): boolean =>
  p.isAdmin || p.roles.some((r) => r.role === 'org_member');

/** Which plans a caller may read: all, or those matched by any of the scopes. */
export type PlanScope =
  | { all: true }
  | {
      all: false;
      planIds: string[];
      housingOrganisationIds: string[];
      municipalityIds: string[];
      areaSecretariatIds: string[];
    };

export function planScope(p: Principal): PlanScope {
  if (canReadAllPlans(p)) return { all: true };
  const planIds: string[] = [];
  const housingOrganisationIds: string[] = [];
  const municipalityIds: string[] = [];
  const areaSecretariatIds: string[] = [];
  for (const r of p.roles) {
    if (isPlanRole(r.role) && r.planId) planIds.push(r.planId);
    if (r.role === 'secretariat_member' && r.organisationId) areaSecretariatIds.push(r.organisationId);
    if (r.role === 'org_member' && r.organisationId) {
      if (r.organisationKind === 'municipality') municipalityIds.push(r.organisationId);
      else housingOrganisationIds.push(r.organisationId);
    }
  }
  return { all: false, planIds, housingOrganisationIds, municipalityIds, areaSecretariatIds };
}

/**
 * The portfolio is for those who follow many plans: administrators, the fund, area secretariats
 * and organisation members. A user with roles on single plans only has none.
 */
export const canSeePortfolio = (p: Principal): boolean =>
  canReadAllPlans(p) || p.roles.some((r) => r.role === 'secretariat_member' || r.role === 'org_member');

/** Administrators and the secretariat's own members write its shared goals and indicators. */
export const canWriteSecretariat = (p: Principal, areaSecretariatId: string): boolean =>
  p.isAdmin || p.roles.some((r) => r.role === 'secretariat_member' && r.organisationId === areaSecretariatId);

/** Administrators and the fund write the fund's shared indicators. */
export const canWriteFundIndicators = (p: Principal): boolean =>
  p.isAdmin || p.roles.some((r) => r.role === 'fund');

export interface PlanOwnership {
  id: string;
  housingOrganisationId: string;
  municipalityId: string;
  areaSecretariatId: string | null;
}

export function canReadPlanRow(p: Principal, plan: PlanOwnership): boolean {
  const scope = planScope(p);
  if (scope.all) return true;
  return (
    scope.planIds.includes(plan.id) ||
    scope.housingOrganisationIds.includes(plan.housingOrganisationId) ||
    scope.municipalityIds.includes(plan.municipalityId) ||
    (plan.areaSecretariatId !== null && scope.areaSecretariatIds.includes(plan.areaSecretariatId))
  );
}

/** Administrators and the plan's editors change a plan; the fund and organisation members read. */
export function canWritePlanRow(p: Principal, plan: PlanOwnership): boolean {
  if (p.isAdmin) return true;
  return p.roles.some((r) => r.role === 'plan_editor' && r.planId === plan.id);
}

export async function findPlanOwnership(db: Db, planId: string): Promise<PlanOwnership | undefined> {
  return db
    .selectFrom('plans')
    .select(['id', 'housingOrganisationId', 'municipalityId', 'areaSecretariatId'])
    .where('id', '=', planId)
    .executeTakeFirst();
}
