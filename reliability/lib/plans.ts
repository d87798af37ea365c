import type { Activity, PlanDetail, PlanUpdate } from '@pejling/contracts';

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

/**
 * A result goal measured by an indicator computed from registrations (participants, a yearly
 * target), and an activity serving it over the plan's whole period: what an import of
 * registrations feeds. `call` sends one request as some user and returns the parsed answer.
 */
export async function registrationsFramework(
  call: <T>(method: string, path: string, body?: unknown) => Promise<T>,
  planId: string,
  activityName: string,
): Promise<Activity> {
  const detail = await call<PlanDetail>('GET', `/api/plans/${planId}`);
  const goal = await call<{ id: string }>('POST', `/api/plans/${planId}/goals`, {
    level: 'result',
    focusAreaId: detail.focusAreas[0]!.id,
    title: 'Flere unge i lektiecaféen',
  });
  await call('POST', `/api/plans/${planId}/indicators`, {
    goalId: goal.id,
    name: 'Fremmøde',
    kind: 'count',
    direction: 'higher_is_better',
    dataSource: 'registrations',
    registrationMeasure: 'participants',
    combine: 'sum',
    targets: [{ period: detail.periodStart!.slice(0, 4), value: 1000 }],
  });
  return call<Activity>('POST', `/api/plans/${planId}/activities`, {
    name: activityName,
    goalIds: [goal.id],
    status: 'ended',
    periodStart: detail.periodStart,
    periodEnd: detail.periodEnd,
  });
}
