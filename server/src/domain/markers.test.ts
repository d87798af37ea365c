import { describe, expect, it } from 'vitest';
import {
  combineLevels,
  markerEvidence,
  questionnaireResults,
  STATEMENTS,
  type MarkerInput,
  type SurveyAnswer,
} from './markers.js';

/**
 * Worked example, period 2025 read as of 2025-12-31:
 *
 * Organisation: a steering group (strategic, decides, 4 meetings a year) with a mayor
 * (political, municipality), a housing director (topAdministration, housingOrganisation) and a
 * school head (localProfessional); a board (strategic, decides, 2 meetings); an operations group
 * (tactical, not counted). Seats in strategic forums: 3 in the steering group + 0 = 3, top 2,
 * both sides → top-level strong; best meeting count 4 ≥ 4 → strong. Marker 1: strong.
 *
 * People: mayor (title "Borgmester"), director (no title), school head (no title), coordinator
 * (staff, task coordinating) → 2 of 4 described = 50 % ≥ 50 % → partial.
 * Activities: a (running, monthly, 2024-01-01 open, goal g2, last registration 2025-12-10),
 * b (running, quarterly, 2025-01-01 open, no goal, last registration 2025-06-01),
 * c (ended 2023-12-31, goal g2: outside 2025, not counted), d (planned, 2025-06-01..2026-06-30,
 * goal g1, frequency none). In 2025: a, b, d → linked a, d = 2 of 3 = 67 % → partial.
 * Marker 2: partial + partial → partial.
 *
 * Registrations: due are a and b (running, frequency set). a: next due 2026-01-10, not
 * overdue. b: next due 2025-09-01 < 2025-12-31 → overdue. 1 of 2 = 50 % < 60 % → weak.
 * Goals: g1 impact, g2 result, g3 activity. Indicators: on g2 with 2025-Q2 measured, on g1
 * with only 2024 measured, on g3 with 2025. Outcome goals g1, g2; measured in 2025: g2 → 1 of 2
 * = 50 % ≥ 40 % → partial. Marker 3: weak + partial → mean 0.5 → weak.
 *
 * Matrix: focus areas f1, f2; f1 one responsible, f2 two responsible; activities a one, b none,
 * d one → rows f1 f2 a b d = 5; exactly one: f1, a, d = 3 of 5 = 60 % → partial. Agreement
 * signed 2023-03-01 ≤ 2025-12-31 and after 2021-12-31 → strong. Marker 4: partial + strong →
 * mean 1.5 → partial. Marker 5: no data.
 */
const example: MarkerInput = {
  year: 2025,
  asOf: '2025-12-31',
  forums: [
    {
      id: 'sg',
      name: 'Styregruppen',
      kind: 'steeringGroup',
      level: 'strategic',
      makesDecisions: true,
      meetingsPerYear: 4,
    },
    {
      id: 'bd',
      name: 'Bestyrelsen',
      kind: 'board',
      level: 'strategic',
      makesDecisions: true,
      meetingsPerYear: 2,
    },
    {
      id: 'og',
      name: 'Driftsgruppen',
      kind: 'operationsGroup',
      level: 'tactical',
      makesDecisions: false,
      meetingsPerYear: 12,
    },
  ],
  seats: [
    { forumId: 'sg', personId: 'mayor', role: 'chair', represents: 'political', side: 'municipality' },
    {
      forumId: 'sg',
      personId: 'dir',
      role: 'member',
      represents: 'topAdministration',
      side: 'housingOrganisation',
    },
    {
      forumId: 'sg',
      personId: 'head',
      role: 'member',
      represents: 'localProfessional',
      side: 'municipality',
    },
    { forumId: 'sg', personId: 'coord', role: 'secretary', represents: 'projectStaff', side: null },
    {
      forumId: 'og',
      personId: 'head',
      role: 'member',
      represents: 'localProfessional',
      side: 'municipality',
    },
  ],
  people: [
    { id: 'mayor', title: 'Borgmester', isStaff: false, task: null },
    { id: 'dir', title: null, isStaff: false, task: null },
    { id: 'head', title: '  ', isStaff: false, task: null },
    { id: 'coord', title: null, isStaff: true, task: 'coordinating' },
    { id: 'outsider', title: null, isStaff: false, task: null },
  ],
  goals: [
    { id: 'g1', level: 'impact' },
    { id: 'g2', level: 'result' },
    { id: 'g3', level: 'activity' },
  ],
  indicators: [
    { goalId: 'g2', measuredPeriods: ['2024', '2025-Q2'] },
    { goalId: 'g1', measuredPeriods: ['2024'] },
    { goalId: 'g3', measuredPeriods: ['2025'] },
  ],
  activities: [
    {
      id: 'a',
      status: 'running',
      goalIds: ['g2'],
      frequency: 'monthly',
      periodStart: '2024-01-01',
      periodEnd: null,
      lastRegistration: '2025-12-10',
    },
    {
      id: 'b',
      status: 'running',
      goalIds: [],
      frequency: 'quarterly',
      periodStart: '2025-01-01',
      periodEnd: null,
      lastRegistration: '2025-06-01',
    },
    {
      id: 'c',
      status: 'ended',
      goalIds: ['g2'],
      frequency: 'monthly',
      periodStart: '2022-01-01',
      periodEnd: '2023-12-31',
      lastRegistration: '2023-12-01',
    },
    {
      id: 'd',
      status: 'planned',
      goalIds: ['g1'],
      frequency: 'none',
      periodStart: '2025-06-01',
      periodEnd: '2026-06-30',
      lastRegistration: null,
    },
  ],
  focusAreaIds: ['f1', 'f2'],
  agreement: { status: 'signed', signedOn: '2023-03-01' },
  responsible: [
    { rowKind: 'focusArea', rowId: 'f1', partyId: 'muni' },
    { rowKind: 'focusArea', rowId: 'f2', partyId: 'muni' },
    { rowKind: 'focusArea', rowId: 'f2', partyId: 'org' },
    { rowKind: 'activity', rowId: 'a', partyId: 'org' },
    { rowKind: 'activity', rowId: 'd', partyId: 'muni' },
    { rowKind: 'activity', rowId: 'c', partyId: 'muni' },
  ],
};

const measure = (input: MarkerInput, marker: number, key: string) =>
  markerEvidence(input)[marker - 1]!.measures.find((m) => m.key === key)!;

describe('markerEvidence on the worked example', () => {
  const ev = markerEvidence(example);

  it('gives the five markers in order with the levels computed by hand', () => {
    expect(ev.map((m) => [m.number, m.key, m.level])).toEqual([
      [1, 'management', 'strong'],
      [2, 'goals_roles', 'partial'],
      [3, 'documentation', 'weak'],
      [4, 'collaboration', 'partial'],
      [5, 'practice', 'no_data'],
    ]);
  });

  it('marker 1: top-level members of both sides, and the strategic forum meeting 4 times', () => {
    const top = ev[0]!.measures[0]!;
    expect([top.level, top.numerator, top.denominator]).toEqual(['strong', 2, 3]);
    expect(top.reasons[0]!.da).toBe(
      '2 af 3 medlemmer af Styregruppen, Bestyrelsen repræsenterer det politiske niveau eller den øverste administrative ledelse, fra både kommunen og boligorganisationen.',
    );
    const meetings = ev[0]!.measures[1]!;
    expect([meetings.level, meetings.value]).toEqual(['strong', 4]);
    expect(meetings.reasons[0]!.en).toBe(
      'Styregruppen meets 4 times a year (strong from 4, partial from 2).',
    );
  });

  it('marker 2: 2 of 3 activities linked, 2 of 4 people described', () => {
    const linked = ev[1]!.measures[0]!;
    expect([linked.level, linked.numerator, linked.denominator]).toEqual(['partial', 2, 3]);
    expect(linked.reasons[0]!.da).toBe(
      '2 af 3 aktiviteter i 2025 tjener mindst ét mål (67 %; stærkt fra 90 %, delvist fra 60 %).',
    );
    const roles = ev[1]!.measures[1]!;
    expect([roles.level, roles.numerator, roles.denominator]).toEqual(['partial', 2, 4]);
  });

  it('marker 3: one of two due activities overdue, one of two outcome goals measured', () => {
    const reg = ev[2]!.measures[0]!;
    expect([reg.level, reg.numerator, reg.denominator]).toEqual(['weak', 1, 2]);
    const goals = ev[2]!.measures[1]!;
    expect([goals.level, goals.numerator, goals.denominator]).toEqual(['partial', 1, 2]);
  });

  it('marker 4: 3 of 5 rows with exactly one responsible; the agreement is current', () => {
    const one = ev[3]!.measures[0]!;
    expect([one.level, one.numerator, one.denominator]).toEqual(['partial', 3, 5]);
    expect(one.reasons[1]!.en).toBe('1 without a responsible party, 1 with several responsible parties.');
    expect(ev[3]!.measures[1]!.level).toBe('strong');
  });

  it('marker 5 has no data evidence and says why', () => {
    expect(ev[4]!.measures).toEqual([]);
    expect(ev[4]!.reasons[0]!.en).toContain('only the questionnaire measures it');
  });
});

describe('markerEvidence thresholds and edges', () => {
  it('no strategic forum: marker 1 has no data', () => {
    const input = { ...example, forums: example.forums.filter((f) => f.level !== 'strategic') };
    expect(markerEvidence(input)[0]!.level).toBe('no_data');
  });

  it('top-level members from one side only are partial; none is weak', () => {
    const oneSide = { ...example, seats: example.seats.filter((s) => s.personId !== 'dir') };
    expect(measure(oneSide, 1, 'top_level_representatives').level).toBe('partial');
    const none = {
      ...example,
      seats: example.seats.filter((s) => s.personId !== 'dir' && s.personId !== 'mayor'),
    };
    expect(measure(none, 1, 'top_level_representatives').level).toBe('weak');
  });

  it('meetings: 3 a year is partial, 1 is weak, unknown is no data', () => {
    const at = (n: number | null) => ({
      ...example,
      forums: example.forums.map((f) => (f.level === 'strategic' ? { ...f, meetingsPerYear: n } : f)),
    });
    expect(measure(at(3), 1, 'strategic_forum_meetings').level).toBe('partial');
    expect(measure(at(1), 1, 'strategic_forum_meetings').level).toBe('weak');
    expect(measure(at(null), 1, 'strategic_forum_meetings').level).toBe('no_data');
  });

  it('registrations read as of an earlier day: b is not yet overdue on 2025-08-31', () => {
    // b: last 2025-06-01 + 3 months = 2025-09-01, not passed on 2025-08-31 → 2 of 2 up to date.
    const m = measure({ ...example, asOf: '2025-08-31' }, 3, 'registrations_up_to_date');
    expect([m.level, m.numerator, m.denominator]).toEqual(['strong', 2, 2]);
  });

  it('a plan with only activity goals is weak on result goals', () => {
    const input = { ...example, goals: [{ id: 'g3', level: 'activity' as const }] };
    const m = measure(input, 3, 'result_goals_measured');
    expect(m.level).toBe('weak');
    expect(m.reasons[0]!.en).toBe(
      'The plan has only activity goals, so it follows up on activities rather than results.',
    );
    expect(measure({ ...example, goals: [] }, 3, 'result_goals_measured').level).toBe('no_data');
  });

  it('the agreement: draft or none is weak, signed after the period is weak, older than 4 years partial', () => {
    const at = (agreement: MarkerInput['agreement']) =>
      measure({ ...example, agreement }, 4, 'agreement_signed_current').level;
    expect(at(null)).toBe('weak');
    expect(at({ status: 'draft', signedOn: null })).toBe('weak');
    expect(at({ status: 'signed', signedOn: '2026-01-15' })).toBe('weak');
    // 2021-12-31 is exactly 4 years before 2025-12-31: no longer current.
    expect(at({ status: 'revised', signedOn: '2021-12-31' })).toBe('partial');
    expect(at({ status: 'fundApproved', signedOn: '2022-01-01' })).toBe('strong');
  });

  it('an empty plan: every measure without a denominator has no data, the agreement is weak', () => {
    const empty: MarkerInput = {
      ...example,
      forums: [],
      seats: [],
      people: [],
      goals: [],
      indicators: [],
      activities: [],
      focusAreaIds: [],
      agreement: null,
      responsible: [],
    };
    expect(markerEvidence(empty).map((m) => m.level)).toEqual([
      'no_data',
      'no_data',
      'no_data',
      'weak',
      'no_data',
    ]);
  });
});

describe('combineLevels', () => {
  it('is strong only when all are, partial from a mean of 1 point, and skips no data', () => {
    expect(combineLevels(['strong', 'strong'])).toBe('strong');
    expect(combineLevels(['strong', 'weak'])).toBe('partial');
    expect(combineLevels(['partial', 'weak'])).toBe('weak');
    expect(combineLevels(['no_data', 'partial'])).toBe('partial');
    expect(combineLevels(['no_data'])).toBe('no_data');
    expect(combineLevels([])).toBe('no_data');
  });
});

/** Every statement scored `v`, except those of `marker`, scored `m`. */
function answer(group: SurveyAnswer['group'], v: number, marker?: string, m?: number): SurveyAnswer {
  return {
    group,
    scores: Object.fromEntries(STATEMENTS.map((s) => [s.key, s.marker === marker ? m! : v])),
  };
}

describe('questionnaireResults', () => {
  it('has ten statements, two per marker', () => {
    expect(STATEMENTS).toHaveLength(10);
    expect(new Set(STATEMENTS.map((s) => s.key)).size).toBe(10);
  });

  it('shows a group only from the minimum, and counts only shown groups in the markers', () => {
    // Project staff: 5 answers, 4 of all 4s and one of 4s with management 2 → management mean
    // (4·4 + 2)/5 = 3.6 (partial), others 4.0 (strong). Resident board: 2 answers of 1s → hidden,
    // not counted (otherwise management would drop to (18 + 2)/7 = 2.86).
    const answers = [
      ...Array.from({ length: 4 }, () => answer('project_staff', 4)),
      answer('project_staff', 4, 'management', 2),
      answer('resident_board', 1),
      answer('resident_board', 1),
    ];
    const r = questionnaireResults(answers, 5);
    const staff = r.groups.find((g) => g.group === 'project_staff')!;
    expect([staff.answers, staff.shown, staff.means?.management, staff.means?.practice]).toEqual([
      5,
      true,
      3.6,
      4,
    ]);
    const board = r.groups.find((g) => g.group === 'resident_board')!;
    expect([board.answers, board.shown, board.means]).toEqual([2, false, null]);
    expect(r.markers.map((m) => [m.key, m.level, m.mean, m.answers])).toEqual([
      ['management', 'partial', 3.6, 5],
      ['goals_roles', 'strong', 4, 5],
      ['documentation', 'strong', 4, 5],
      ['collaboration', 'strong', 4, 5],
      ['practice', 'strong', 4, 5],
    ]);
    expect(r.markers[0]!.reasons[1]!.da).toBe('1 gruppe har for få besvarelser og tælles ikke med.');
    expect(r.markers[0]!.reasons[0]!.da).toBe(
      'Gennemsnit 3,6 på skalaen 1-5 fra 5 besvarelser i 1 gruppe (stærkt fra 4, delvist fra 3).',
    );
  });

  it('too few answers everywhere: no data with the reason', () => {
    const r = questionnaireResults([answer('steering_group', 5)], 5);
    expect(r.markers.every((m) => m.level === 'no_data')).toBe(true);
    expect(r.markers[0]!.reasons[0]!.en).toBe('Too few answers: no group has at least 5 answers.');
    expect(questionnaireResults([], 5).markers[0]!.reasons[0]!.en).toBe('No answers yet.');
  });

  it('a lower minimum shows the group: mean 2.5 is weak', () => {
    const r = questionnaireResults([answer('steering_group', 2), answer('steering_group', 3)], 2);
    expect(r.markers[0]!.level).toBe('weak');
    expect(r.markers[0]!.mean).toBe(2.5);
  });
});
