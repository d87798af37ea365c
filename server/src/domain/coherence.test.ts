import { describe, expect, it } from 'vitest';
import { coherence, type CoherenceInput } from './coherence.js';

/**
 * Worked example: a plan with one impact goal ("Flere i job"), a result goal under it ("Flere
 * unge i uddannelse") and an activity goal ("40 forløb i lektiecaféen"); two indicators; two
 * activities, one of which serves no goal.
 */
const example: CoherenceInput = {
  planId: 'plan',
  goals: [
    { id: 'impact', level: 'impact', title: 'Flere i job' },
    { id: 'result', level: 'result', title: 'Flere unge i uddannelse', parentId: 'impact' },
    { id: 'act', level: 'activity', title: '40 forløb i lektiecaféen' },
  ],
  indicators: [
    {
      id: 'i-result',
      goalId: 'result',
      name: 'Andel unge i uddannelse',
      hasBaseline: true,
      targetCount: 0,
      measuredValueCount: 0,
    },
    {
      id: 'i-act',
      goalId: 'act',
      name: 'Antal forløb',
      hasBaseline: false,
      targetCount: 4,
      measuredValueCount: 3,
    },
  ],
  activities: [
    { id: 'a-cafe', name: 'Lektiecafé', goalIds: ['act', 'result'] },
    { id: 'a-fest', name: 'Sommerfest', goalIds: [] },
  ],
};

describe('coherence', () => {
  const r = coherence(example);
  const flagsOf = (kind: string) => r.flags.filter((f) => f.kind === kind).map((f) => f.entityId);

  it('counts goals by level, indicators and activities', () => {
    expect(r.counts).toEqual({
      goals: 3,
      impactGoals: 1,
      resultGoals: 1,
      activityGoals: 1,
      indicators: 2,
      activities: 2,
    });
  });

  it('treats an impact goal as served through the activities of the goals below it', () => {
    expect(flagsOf('goal_without_activity')).toEqual([]);
    const withoutCafe = coherence({ ...example, activities: [example.activities[1]!] });
    // impact first, then result, then activity goals
    expect(
      withoutCafe.flags.filter((f) => f.kind === 'goal_without_activity').map((f) => f.entityId),
    ).toEqual(['impact', 'result', 'act']);
  });

  it('flags activities whose registrations are overdue, with the day they were due', () => {
    expect(flagsOf('registrations_overdue')).toEqual([]);
    const late = coherence({
      ...example,
      activities: [{ ...example.activities[0]!, overdueSince: '2024-06-10' }, example.activities[1]!],
    });
    const flag = late.flags.find((f) => f.kind === 'registrations_overdue');
    expect(flag).toMatchObject({ entity: 'activity', entityId: 'a-cafe', since: '2024-06-10' });
    expect(late.flagCounts.registrations_overdue).toBe(1);
  });

  it('flags goals without an indicator', () => {
    expect(flagsOf('goal_without_indicator')).toEqual(['impact']);
  });

  it('flags a missing baseline and a missing target apart', () => {
    expect(flagsOf('indicator_without_baseline')).toEqual(['i-act']);
    expect(flagsOf('indicator_without_target')).toEqual(['i-result']);
    expect(r.flags.find((f) => f.entityId === 'i-act')?.goalLevel).toBe('activity');
  });

  it('flags activities that serve no goal, also when they name a goal that is not in the plan', () => {
    expect(flagsOf('activity_without_goal')).toEqual(['a-fest']);
    const foreign = coherence({
      ...example,
      activities: [{ id: 'a-x', name: 'X', goalIds: ['goal-of-another-plan'] }],
    });
    expect(foreign.flags.filter((f) => f.kind === 'activity_without_goal').map((f) => f.entityId)).toEqual([
      'a-x',
    ]);
  });

  it('says when only activity goals are measured', () => {
    expect(flagsOf('only_activity_goals_measured')).toEqual(['plan']);
    expect(r.measurement).toEqual({
      outcomeGoalsMeasured: 0,
      outcomeGoals: 2,
      activityGoalsMeasured: 1,
      activityGoals: 1,
      outcomeShareOfMeasured: 0,
    });
    expect(r.flagCounts).toEqual({
      goal_without_activity: 0,
      goal_without_indicator: 1,
      indicator_without_baseline: 1,
      indicator_without_target: 1,
      activity_without_goal: 1,
      registrations_overdue: 0,
      only_activity_goals_measured: 1,
    });
  });

  it('gives the share of measured goals that are result or impact goals', () => {
    const measuredResult = coherence({
      ...example,
      indicators: example.indicators.map((i) => (i.id === 'i-result' ? { ...i, measuredValueCount: 2 } : i)),
    });
    expect(measuredResult.measurement.outcomeShareOfMeasured).toBe(0.5);
    expect(measuredResult.flags.some((f) => f.kind === 'only_activity_goals_measured')).toBe(false);
  });

  it('has no share and no flags for an empty plan', () => {
    const empty = coherence({ planId: 'p', goals: [], indicators: [], activities: [] });
    expect(empty.flags).toEqual([]);
    expect(empty.measurement.outcomeShareOfMeasured).toBeNull();
  });
});
