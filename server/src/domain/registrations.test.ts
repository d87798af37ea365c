import { describe, expect, it } from 'vitest';
import {
  activitiesFeeding,
  computeObservations,
  goalsUpward,
  looksLikeCpr,
  measureFits,
  nextDue,
  overdueSince,
  type ComputeInput,
} from './registrations.js';

/**
 * Worked example: a homework café ("Lektiecafé", activity `cafe`) with four registrations in
 * 2024 and one of another activity that must not count; three participants enrolled, two of
 * whom started an education.
 *
 * | date       | activity | participants | girls | boys | hours |
 * | ---------- | -------- | ------------ | ----- | ---- | ----- |
 * | 2024-01-10 | cafe     | 12           | 7     | 5    | 2     |
 * | 2024-02-14 | cafe     | 8            | 3     | 5    | —     |
 * | 2024-03-20 | cafe     | 10           | —     | —    | 2.5   |
 * | 2024-05-02 | cafe     | 6            | 6     | 0    | 2     |
 * | 2024-01-11 | other    | 100          |       |      | 9     |
 *
 * Q1: 30 participants in 3 registrations (10 per registration); girls 10 counted in two of them;
 * hours 4.5 in the two with hours. Q2: 6 participants. Q3: nothing registered → missing.
 */
const registrations: ComputeInput['registrations'] = [
  {
    activityId: 'cafe',
    date: '2024-01-10',
    participants: 12,
    counts: { gender: { Pige: 7, Dreng: 5 } },
    hours: 2,
  },
  {
    activityId: 'cafe',
    date: '2024-02-14',
    participants: 8,
    counts: { gender: { Pige: 3, Dreng: 5 } },
    hours: null,
  },
  { activityId: 'cafe', date: '2024-03-20', participants: 10, counts: {}, hours: 2.5 },
  {
    activityId: 'cafe',
    date: '2024-05-02',
    participants: 6,
    counts: { gender: { Pige: 6, Dreng: 0 } },
    hours: 2,
  },
  { activityId: 'other', date: '2024-01-11', participants: 100, counts: {}, hours: 9 },
];
const enrolments: ComputeInput['enrolments'] = [
  { participantId: 'p1', activityId: 'cafe', startedOn: '2024-01-01', endedOn: '2024-03-31' },
  { participantId: 'p2', activityId: 'cafe', startedOn: '2024-02-01', endedOn: null },
  { participantId: 'p3', activityId: 'cafe', startedOn: '2024-04-15', endedOn: null },
  { participantId: 'p4', activityId: 'other', startedOn: '2024-01-01', endedOn: null },
];
const outcomes: ComputeInput['outcomes'] = [
  { participantId: 'p1', kind: 'started_education', date: '2024-03-01' },
  { participantId: 'p2', kind: 'started_education', date: '2024-08-01' },
  { participantId: 'p2', kind: 'got_job', date: '2024-02-01' },
  { participantId: 'p4', kind: 'started_education', date: '2024-02-01' },
];
const base: ComputeInput = {
  kind: 'count',
  measure: 'participants',
  outcomeKind: null,
  breakdowns: [{ key: 'gender', categories: ['Pige', 'Dreng'] }],
  activityIds: new Set(['cafe']),
  registrations,
  enrolments,
  outcomes,
};
const Q1 = { key: '2024-Q1', range: { start: '2024-01-01', end: '2024-03-31' } };
const Q2 = { key: '2024-Q2', range: { start: '2024-04-01', end: '2024-06-30' } };
const Q3 = { key: '2024-Q3', range: { start: '2024-07-01', end: '2024-09-30' } };
const Y = { key: '2024', range: { start: '2024-01-01', end: '2024-12-31' } };

describe('computeObservations', () => {
  it('sums participants per period, with each breakdown category that was counted', () => {
    const obs = computeObservations(base, [Q1, Q2, Q3]);
    const total = (p: string) => obs.find((o) => o.period === p && o.breakdown === null)!;
    expect(total('2024-Q1')).toMatchObject({ state: 'value', value: 30 });
    expect(total('2024-Q2')).toMatchObject({ state: 'value', value: 6 });
    expect(total('2024-Q3')).toMatchObject({ state: 'missing', value: null });
    const cat = (p: string, c: string) => obs.find((o) => o.period === p && o.breakdown?.gender === c);
    expect(cat('2024-Q1', 'Pige')!.value).toBe(10);
    expect(cat('2024-Q1', 'Dreng')!.value).toBe(10);
    expect(cat('2024-Q2', 'Dreng')!.value).toBe(0);
    expect(cat('2024-Q3', 'Pige')).toBeUndefined();
  });

  it('averages participants per registration', () => {
    const [q1] = computeObservations({ ...base, kind: 'average' }, [Q1]);
    expect(q1).toMatchObject({ state: 'value', sum: 30, count: 3, value: 10 });
  });

  it('counts registrations', () => {
    const [y] = computeObservations({ ...base, measure: 'sessions' }, [Y]);
    expect(y!.value).toBe(4);
  });

  it('sums hours only over registrations with hours, and has no value without any', () => {
    const obs = computeObservations({ ...base, measure: 'hours', breakdowns: [] }, [Q1, Q3]);
    expect(obs[0]).toMatchObject({ state: 'value', value: 4.5 });
    expect(obs[1]!.state).toBe('missing');
    const [avg] = computeObservations({ ...base, kind: 'average', measure: 'hours' }, [Q1]);
    expect(avg).toMatchObject({ sum: 4.5, count: 2, value: 2.25 });
  });

  it('counts distinct participants enrolled in the period', () => {
    const obs = computeObservations({ ...base, measure: 'enrolled' }, [Q1, Q2, Y]);
    expect(obs.map((o) => o.value)).toEqual([2, 2, 3]);
  });

  it('counts participants with an outcome, and the share of those enrolled', () => {
    const input = { ...base, measure: 'outcome' as const, outcomeKind: 'started_education' };
    const counted = computeObservations(input, [Q1, Q3, Y]);
    // Q1: p1 (p4 is in another activity); Q3: p2; the year: both.
    expect(counted.map((o) => o.value)).toEqual([1, 1, 2]);
    const [q1, y] = computeObservations({ ...input, kind: 'percentage' }, [Q1, Y]);
    expect(q1).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
    expect(y).toMatchObject({ numerator: 2, denominator: 3, value: 66.667 });
  });

  it('has no value where no one was enrolled', () => {
    const input = {
      ...base,
      measure: 'outcome' as const,
      outcomeKind: 'got_job',
      kind: 'percentage' as const,
    };
    const [q] = computeObservations(input, [
      { key: '2023-Q4', range: { start: '2023-10-01', end: '2023-12-31' } },
    ]);
    expect(q).toMatchObject({ state: 'missing', value: null });
  });

  it('knows which kinds a measure fills', () => {
    expect(measureFits('outcome', 'percentage')).toBe(true);
    expect(measureFits('sessions', 'percentage')).toBe(false);
    expect(measureFits('participants', 'yes_no')).toBe(false);
  });
});

describe('overdue registrations', () => {
  it('adds a week or calendar months, keeping the end of short months', () => {
    expect(nextDue('2024-01-31', 'monthly')).toBe('2024-02-29');
    expect(nextDue('2024-12-20', 'weekly')).toBe('2024-12-27');
    expect(nextDue('2024-11-30', 'quarterly')).toBe('2025-02-28');
    expect(nextDue('2024-03-01', 'yearly')).toBe('2025-03-01');
  });

  const running = {
    status: 'running',
    frequency: 'monthly' as const,
    periodStart: '2024-01-01',
    periodEnd: '2025-12-31',
    lastRegistration: '2024-05-10',
  };
  it('is overdue the day after the next registration was due', () => {
    expect(overdueSince(running, '2024-06-10')).toBeNull();
    expect(overdueSince(running, '2024-06-11')).toBe('2024-06-10');
  });
  it('counts from the start before the first registration', () => {
    expect(overdueSince({ ...running, lastRegistration: null }, '2024-02-02')).toBe('2024-02-01');
  });
  it('is never overdue when not running, without a frequency, or once due falls after the end', () => {
    expect(overdueSince({ ...running, status: 'paused' }, '2025-01-01')).toBeNull();
    expect(overdueSince({ ...running, frequency: 'none' }, '2025-01-01')).toBeNull();
    expect(overdueSince({ ...running, periodEnd: '2024-06-01' }, '2024-09-01')).toBeNull();
  });
});

describe('looksLikeCpr', () => {
  it('refuses codes shaped like a CPR number and accepts others', () => {
    expect(looksLikeCpr('010203-1234')).toBe(true);
    expect(looksLikeCpr('0102031234')).toBe(true);
    expect(looksLikeCpr('LC-0042')).toBe(false);
    expect(looksLikeCpr('9913001234')).toBe(false);
    expect(looksLikeCpr('12345')).toBe(false);
  });
});

describe('which activities feed which goals', () => {
  const goals = [
    { id: 'impact', parentId: null },
    { id: 'result', parentId: 'impact' },
    { id: 'act', parentId: 'result' },
    { id: 'other', parentId: null },
  ];
  const links = [
    { activityId: 'cafe', goalId: 'act' },
    { activityId: 'club', goalId: 'result' },
    { activityId: 'fest', goalId: 'other' },
  ];
  it('serves the goals above the one an activity names', () => {
    expect([...goalsUpward(goals, ['act'])].sort()).toEqual(['act', 'impact', 'result']);
  });
  it('feeds a goal from the activities of the goals below it', () => {
    expect([...activitiesFeeding(goals, links, 'impact')].sort()).toEqual(['cafe', 'club']);
    expect([...activitiesFeeding(goals, links, 'act')]).toEqual(['cafe']);
    expect([...activitiesFeeding(goals, links, 'other')]).toEqual(['fest']);
  });
});
