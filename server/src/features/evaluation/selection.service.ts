import { isPlanRole } from '@pejling/contracts';
import type { Db } from '../../db/database.js';
import { toBool } from '../../db/portable.js';
import { forbidden } from '../../errors.js';
import type { Principal, RequestContext } from '../../http/context.js';
import { danishCollator } from '../../domain/danish.js';
import { findPlanSummaries } from '../plans/plan.repository.js';
import { canEvaluate, holdsExcludedRole, requireTeam } from './evaluation.access.js';
import * as repo from './evaluation.repository.js';

/**
 * What a study's team needs to choose its cases and its members: every plan placed in the case
 * matrix (size band × grant band) and every area secretariat, each with the study's case on it,
 * and the users who may be put on a team. Plan names and their bands are registry facts; no
 * transcript or coded text is read here.
 */

/** Administrators and evaluators without a fund or plan role, not disabled. Throws forbidden. */
export async function listEvaluators(db: Db, p: Principal) {
  if (!canEvaluate(p) || holdsExcludedRole(p)) throw forbidden();
  const users = await db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'isAdmin'])
    .where('disabledAt', 'is', null)
    .execute();
  const grants = await db.selectFrom('roleGrants').select(['userId', 'role']).execute();
  const roles = new Map<string, string[]>();
  for (const g of grants) roles.set(g.userId, [...(roles.get(g.userId) ?? []), g.role]);
  const items = users
    .filter((u) => {
      const r = roles.get(u.id) ?? [];
      return (toBool(u.isAdmin) || r.includes('evaluator')) && !r.some((x) => x === 'fund' || isPlanRole(x));
    })
    .map((u) => ({ userId: u.id, name: u.name, email: u.email }))
    .sort((a, b) => danishCollator.compare(a.name, b.name) || a.userId.localeCompare(b.userId));
  return { items };
}

/** Every plan with its bands and every area secretariat, marked with the study's cases. Team only. */
export async function caseCandidates(db: Db, ctx: RequestContext, studyId: string) {
  await requireTeam(db, ctx.principal!, studyId);
  const cases = await repo.listCases(db, studyId);
  const byPlan = new Map(cases.filter((c) => c.planId).map((c) => [c.planId!, c.id]));
  const bySecretariat = new Map(
    cases.filter((c) => c.areaSecretariatId).map((c) => [c.areaSecretariatId!, c.id]),
  );
  const plans = await findPlanSummaries(db, { all: true }, {});
  const secretariats = await db
    .selectFrom('areaSecretariats')
    .select(['id', 'name'])
    .orderBy('name')
    .orderBy('id')
    .execute();
  return {
    plans: plans
      .map((p) => ({
        id: p.id,
        name: p.name,
        dwellings: p.dwellings,
        grantTotalOre: p.grantTotalOre,
        sizeBand: p.sizeBand,
        grantBand: p.grantBand,
        isExample: p.isExample,
        caseId: byPlan.get(p.id) ?? null,
      }))
      .sort((a, b) => danishCollator.compare(a.name, b.name)),
    secretariats: secretariats.map((s) => ({ ...s, caseId: bySecretariat.get(s.id) ?? null })),
  };
}
