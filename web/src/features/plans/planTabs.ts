import { useOutletContext } from 'react-router';
import type { PlanDetail } from '../../api/types';

export type PlanTabKey =
  | 'overview'
  | 'organisation'
  | 'goals'
  | 'activities'
  | 'theoryOfChange'
  | 'markers'
  | 'reports'
  | 'data'
  | 'history';

/**
 * A plan's tabs (SCREENS.md), each a route under /plans/:id. A capability that exists sets
 * `enabled` and adds its child route in app/router.tsx; the others show as "kommer senere".
 */
export const PLAN_TABS: { key: PlanTabKey; path: string; enabled: boolean }[] = [
  { key: 'overview', path: '', enabled: true },
  { key: 'organisation', path: 'organisation', enabled: true },
  { key: 'goals', path: 'goals', enabled: true },
  { key: 'activities', path: 'activities', enabled: true },
  { key: 'theoryOfChange', path: 'theory-of-change', enabled: true },
  { key: 'markers', path: 'markers', enabled: true },
  { key: 'reports', path: 'reports', enabled: true },
  { key: 'data', path: 'data', enabled: true },
  { key: 'history', path: 'history', enabled: false },
];

export interface PlanOutletContext {
  plan: PlanDetail;
}

/** The plan whose tab is showing, loaded once by the plan page around every tab. */
export function usePlanContext(): PlanOutletContext {
  return useOutletContext<PlanOutletContext>();
}
