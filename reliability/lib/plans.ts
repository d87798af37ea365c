import type { PlanDetail, PlanUpdate } from '@pejling/contracts';

/** An edit of a plan as read (the same areas, focus areas and grants), under a new name. */
export function planUpdateFrom(detail: PlanDetail, name: string): PlanUpdate {
  return {
    name,
    poolId: detail.poolId,
    municipalityId: detail.municipalityId,
    housingOrganisationId: detail.housingOrganisationId,
    areaIds: detail.areas.map((x) => x.id),
    focusAreaIds: detail.focusAreas.map((x) => x.id),
    status: detail.status,
    purpose: detail.purpose,
    problems: detail.problems,
    periodStart: detail.periodStart,
    periodEnd: detail.periodEnd,
    areaSecretariatId: detail.areaSecretariatId,
    secretariatSupport: detail.secretariatSupport,
    grants: detail.grants.map((g) => ({
      poolId: g.poolId,
      amountOre: g.amountOre,
      startDate: g.startDate,
      endDate: g.endDate,
      reference: g.reference,
    })),
    version: detail.version,
  };
}
