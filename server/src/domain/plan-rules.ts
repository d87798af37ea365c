/**
 * Rules a plan must keep, independent of storage. Each returns the problems it finds as
 * field paths with error codes, so the service can answer with a 400 that names the field.
 */
export interface RuleProblem {
  path: string;
  code: 'focus_area_not_in_pool' | 'focus_area_not_found' | 'period_end_before_start';
  params?: Record<string, unknown>;
}

/** A plan's focus areas must come from its own pool's catalogue (any version of it). */
export function checkFocusAreasInPool(
  poolId: string,
  poolName: string,
  chosen: string[],
  catalogue: { id: string; poolId: string }[],
): RuleProblem[] {
  const byId = new Map(catalogue.map((f) => [f.id, f]));
  const problems: RuleProblem[] = [];
  chosen.forEach((id, i) => {
    const f = byId.get(id);
    if (!f) problems.push({ path: `focusAreaIds.${i}`, code: 'focus_area_not_found' });
    else if (f.poolId !== poolId)
      problems.push({
        path: `focusAreaIds.${i}`,
        code: 'focus_area_not_in_pool',
        params: { pool: poolName },
      });
  });
  return problems;
}

/** Dates are ISO (YYYY-MM-DD), so text order is date order. */
export function checkPeriod(
  path: string,
  start: string | null | undefined,
  end: string | null | undefined,
): RuleProblem[] {
  if (start && end && end < start) return [{ path, code: 'period_end_before_start' }];
  return [];
}
