/**
 * Coherence of a plan's results framework (programme management): are goals tied to activities
 * and measured by indicators, do indicators have a baseline and a target, does every activity
 * serve a goal, and does the plan measure results and effects or only activities? Pure: the
 * caller passes the framework in, the flags come out in a stable order.
 */

export type GoalLevel = 'impact' | 'result' | 'activity';

export type CoherenceFlagKind =
  | 'goal_without_activity'
  | 'goal_without_indicator'
  | 'indicator_without_baseline'
  | 'indicator_without_target'
  | 'activity_without_goal'
  | 'registrations_overdue'
  | 'only_activity_goals_measured';

export const COHERENCE_FLAG_KINDS: readonly CoherenceFlagKind[] = [
  'goal_without_activity',
  'goal_without_indicator',
  'indicator_without_baseline',
  'indicator_without_target',
  'activity_without_goal',
  'registrations_overdue',
  'only_activity_goals_measured',
];

export interface CoherenceGoal {
  id: string;
  level: GoalLevel;
  title: string;
  parentId?: string | null;
}

export interface CoherenceIndicator {
  id: string;
  goalId: string;
  name: string;
  hasBaseline: boolean;
  targetCount: number;
  /** Observations in state `value` under the current definition. */
  measuredValueCount: number;
}

export interface CoherenceActivity {
  id: string;
  name: string;
  goalIds: readonly string[];
  /** The day registrations have been due since, when overdue (see registrations.ts). */
  overdueSince?: string | null;
}

export interface CoherenceInput {
  planId: string;
  goals: readonly CoherenceGoal[];
  indicators: readonly CoherenceIndicator[];
  activities: readonly CoherenceActivity[];
}

export interface CoherenceFlag {
  kind: CoherenceFlagKind;
  entity: 'goal' | 'indicator' | 'activity' | 'plan';
  entityId: string;
  name: string;
  goalLevel: GoalLevel | null;
  /** For `registrations_overdue`: the day registrations were due. */
  since?: string;
}

export interface CoherenceResult {
  counts: {
    goals: number;
    impactGoals: number;
    resultGoals: number;
    activityGoals: number;
    indicators: number;
    activities: number;
  };
  flags: CoherenceFlag[];
  flagCounts: Record<CoherenceFlagKind, number>;
  measurement: {
    outcomeGoalsMeasured: number;
    outcomeGoals: number;
    activityGoalsMeasured: number;
    activityGoals: number;
    outcomeShareOfMeasured: number | null;
  };
}

const LEVEL_ORDER: Record<GoalLevel, number> = { impact: 0, result: 1, activity: 2 };

/**
 * The flags of one plan:
 *
 * - `goal_without_activity`: no activity serves the goal, nor any goal below it (an impact goal
 *   is served through its result goals' activities).
 * - `goal_without_indicator`: no indicator measures the goal.
 * - `indicator_without_baseline`, `indicator_without_target`: one flag each, so a plan sees
 *   which half is missing.
 * - `activity_without_goal`: the activity serves no goal.
 * - `registrations_overdue`: a running activity's registrations were due and none came.
 * - `only_activity_goals_measured`: values exist for activity goals but for no result or
 *   impact goal: the plan counts activities rather than results (the source report's finding).
 *
 * `outcomeShareOfMeasured` is the share of measured goals that are result or impact goals.
 */
export function coherence(input: CoherenceInput): CoherenceResult {
  const goals = [...input.goals].sort(
    (a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.title.localeCompare(b.title, 'da'),
  );
  const goalIds = new Set(goals.map((g) => g.id));
  const children = new Map<string, string[]>();
  for (const g of goals) {
    if (g.parentId && goalIds.has(g.parentId)) {
      children.set(g.parentId, [...(children.get(g.parentId) ?? []), g.id]);
    }
  }

  const served = new Set<string>();
  for (const a of input.activities) for (const id of a.goalIds) if (goalIds.has(id)) served.add(id);
  const isServed = (id: string, seen = new Set<string>()): boolean => {
    if (served.has(id)) return true;
    if (seen.has(id)) return false;
    seen.add(id);
    return (children.get(id) ?? []).some((c) => isServed(c, seen));
  };

  const indicatorsByGoal = new Map<string, CoherenceIndicator[]>();
  for (const i of input.indicators) {
    indicatorsByGoal.set(i.goalId, [...(indicatorsByGoal.get(i.goalId) ?? []), i]);
  }

  const flags: CoherenceFlag[] = [];
  const goalFlag = (kind: CoherenceFlagKind, g: CoherenceGoal) =>
    flags.push({ kind, entity: 'goal', entityId: g.id, name: g.title, goalLevel: g.level });

  for (const g of goals) if (!isServed(g.id)) goalFlag('goal_without_activity', g);
  for (const g of goals) if (!indicatorsByGoal.has(g.id)) goalFlag('goal_without_indicator', g);

  const goalLevel = new Map(goals.map((g) => [g.id, g.level]));
  const indicators = [...input.indicators].sort((a, b) => a.name.localeCompare(b.name, 'da'));
  for (const kind of ['indicator_without_baseline', 'indicator_without_target'] as const) {
    for (const i of indicators) {
      const missing = kind === 'indicator_without_baseline' ? !i.hasBaseline : i.targetCount === 0;
      if (missing) {
        flags.push({
          kind,
          entity: 'indicator',
          entityId: i.id,
          name: i.name,
          goalLevel: goalLevel.get(i.goalId) ?? null,
        });
      }
    }
  }

  const activities = [...input.activities].sort((a, b) => a.name.localeCompare(b.name, 'da'));
  for (const a of activities) {
    if (!a.goalIds.some((id) => goalIds.has(id))) {
      flags.push({
        kind: 'activity_without_goal',
        entity: 'activity',
        entityId: a.id,
        name: a.name,
        goalLevel: null,
      });
    }
  }

  for (const a of activities) {
    if (a.overdueSince) {
      flags.push({
        kind: 'registrations_overdue',
        entity: 'activity',
        entityId: a.id,
        name: a.name,
        goalLevel: null,
        since: a.overdueSince,
      });
    }
  }

  const isMeasured = (g: CoherenceGoal) =>
    (indicatorsByGoal.get(g.id) ?? []).some((i) => i.measuredValueCount > 0);
  const outcome = goals.filter((g) => g.level !== 'activity');
  const activityGoals = goals.filter((g) => g.level === 'activity');
  const outcomeGoalsMeasured = outcome.filter(isMeasured).length;
  const activityGoalsMeasured = activityGoals.filter(isMeasured).length;
  const measured = outcomeGoalsMeasured + activityGoalsMeasured;
  if (activityGoalsMeasured > 0 && outcomeGoalsMeasured === 0) {
    flags.push({
      kind: 'only_activity_goals_measured',
      entity: 'plan',
      entityId: input.planId,
      name: '',
      goalLevel: null,
    });
  }

  const flagCounts = Object.fromEntries(COHERENCE_FLAG_KINDS.map((k) => [k, 0])) as Record<
    CoherenceFlagKind,
    number
  >;
  for (const f of flags) flagCounts[f.kind] += 1;

  return {
    counts: {
      goals: goals.length,
      impactGoals: goals.filter((g) => g.level === 'impact').length,
      resultGoals: goals.filter((g) => g.level === 'result').length,
      activityGoals: activityGoals.length,
      indicators: input.indicators.length,
      activities: input.activities.length,
    },
    flags,
    flagCounts,
    measurement: {
      outcomeGoalsMeasured,
      outcomeGoals: outcome.length,
      activityGoalsMeasured,
      activityGoals: activityGoals.length,
      outcomeShareOfMeasured: measured === 0 ? null : outcomeGoalsMeasured / measured,
    },
  };
}
