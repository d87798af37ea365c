/**
 * The five markers of good implementation (pejlemærker for god implementering, SFI/Rambøll 2012,
 * delrapport 2) per plan and period: what the plan's stored data can show for each marker, and
 * what a short anonymous questionnaire to the stakeholder groups says. Pure: the caller passes the
 * data in. Every measure and threshold is written out in docs/implementation-markers.md.
 */
import { overdueSince, type Frequency } from './registrations.js';

export interface Text {
  da: string;
  en: string;
}

export const MARKER_KEYS = [
  'management',
  'goals_roles',
  'documentation',
  'collaboration',
  'practice',
] as const;
export type MarkerKey = (typeof MARKER_KEYS)[number];

export const MARKER_LABELS: Record<MarkerKey, Text> = {
  management: { da: 'Ledelsesfokus og opbakning', en: 'Management focus and backing' },
  goals_roles: { da: 'Kendskab til mål og egen rolle', en: "Knowledge of goals and one's own role" },
  documentation: {
    da: 'Dokumentation og systematisk opfølgning',
    en: 'Documentation and systematic follow-up',
  },
  collaboration: {
    da: 'Samarbejde med klar rolle- og ansvarsfordeling',
    en: 'Collaboration with clear roles and responsibilities',
  },
  practice: {
    da: 'Praktikernes syn og sammenhæng med eksisterende praksis',
    en: "Practitioners' view and fit with existing practice",
  },
};

export const LEVELS = ['strong', 'partial', 'weak', 'no_data'] as const;
export type Level = (typeof LEVELS)[number];

// ---------------------------------------------------------------------------------------------
// Thresholds (docs/implementation-markers.md)

export const THRESHOLDS = {
  /** Meetings a year of the strategic forum: at least `strong` is strong, at least `partial` partial. */
  meetings: { strong: 4, partial: 2 },
  /** Share of activities serving at least one goal. */
  activitiesLinked: { strong: 0.9, partial: 0.6 },
  /** Share of the organisation's people (seat holders and staff) with a role description. */
  rolesDescribed: { strong: 0.8, partial: 0.5 },
  /** Share of activities due for registration whose registrations are up to date. */
  registrationsUpToDate: { strong: 0.9, partial: 0.6 },
  /** Share of result and impact goals with a measured value in the period. */
  outcomeGoalsMeasured: { strong: 0.75, partial: 0.4 },
  /** Share of focus areas and activities with exactly one responsible party. */
  oneResponsible: { strong: 0.9, partial: 0.6 },
  /** An agreement signed more than this many years before the period's end is no longer current. */
  agreementMaxAgeYears: 4,
  /** Questionnaire mean (1-5) of a marker's statements. */
  questionnaire: { strong: 4, partial: 3 },
} as const;

// ---------------------------------------------------------------------------------------------
// Input

export interface MarkerForum {
  id: string;
  name: string;
  kind: string;
  level: string;
  makesDecisions: boolean;
  meetingsPerYear: number | null;
}
export interface MarkerSeat {
  forumId: string;
  personId: string;
  role: string;
  represents: string;
  side: string | null;
}
export interface MarkerPerson {
  id: string;
  title: string | null;
  isStaff: boolean;
  task: string | null;
}
export interface MarkerGoal {
  id: string;
  level: 'impact' | 'result' | 'activity';
}
export interface MarkerIndicator {
  goalId: string;
  /** Period keys (`2025`, `2025-Q1`, `whole`, …) with a value in state `value` under the current definition. */
  measuredPeriods: readonly string[];
}
export interface MarkerActivity {
  id: string;
  status: string;
  goalIds: readonly string[];
  frequency: Frequency;
  periodStart: string | null;
  periodEnd: string | null;
  /** The latest registration on or before `asOf`. */
  lastRegistration: string | null;
}
export interface MarkerAgreement {
  status: string;
  signedOn: string | null;
}
/** Cells of the responsibility matrix with the role `responsible`. */
export interface MarkerResponsible {
  rowKind: 'focusArea' | 'activity';
  rowId: string;
  partyId: string;
}

export interface MarkerInput {
  /** A calendar year. */
  year: number;
  /** The day the data is read as of: the period's last day, or today while the period runs. */
  asOf: string;
  forums: readonly MarkerForum[];
  seats: readonly MarkerSeat[];
  people: readonly MarkerPerson[];
  goals: readonly MarkerGoal[];
  indicators: readonly MarkerIndicator[];
  activities: readonly MarkerActivity[];
  focusAreaIds: readonly string[];
  /** Null when the plan has no saved agreement. */
  agreement: MarkerAgreement | null;
  responsible: readonly MarkerResponsible[];
}

// ---------------------------------------------------------------------------------------------
// Output

export interface Measure {
  key: string;
  label: Text;
  level: Level;
  /** The counted figure: a share 0-1, or for meetings a count a year; null without data. */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  reasons: Text[];
}

export interface MarkerEvidence {
  key: MarkerKey;
  number: number;
  label: Text;
  /** The measures combined (see combineLevels); `no_data` when no measure has data. */
  level: Level;
  measures: Measure[];
  reasons: Text[];
}

const POINTS: Record<Exclude<Level, 'no_data'>, number> = { strong: 2, partial: 1, weak: 0 };

/**
 * A marker's level from its measures that have data: strong when every one is strong, partial
 * when their mean is at least partial (1 of 2 points), else weak; no_data when none has data.
 */
export function combineLevels(levels: readonly Level[]): Level {
  const known = levels.filter((l): l is Exclude<Level, 'no_data'> => l !== 'no_data');
  if (known.length === 0) return 'no_data';
  const mean = known.reduce((s, l) => s + POINTS[l], 0) / known.length;
  if (mean === 2) return 'strong';
  return mean >= 1 ? 'partial' : 'weak';
}

function byShare(share: number, t: { strong: number; partial: number }): Exclude<Level, 'no_data'> {
  if (share >= t.strong) return 'strong';
  return share >= t.partial ? 'partial' : 'weak';
}

const pct = (share: number) => `${Math.round(share * 100)} %`;
const pctEn = (share: number) => `${Math.round(share * 100)}%`;
const levelText = (l: Level): Text =>
  ({
    strong: { da: 'stærkt', en: 'strong' },
    partial: { da: 'delvist', en: 'partial' },
    weak: { da: 'svagt', en: 'weak' },
    no_data: { da: 'ingen data', en: 'no data' },
  })[l];

function shareMeasure(
  key: string,
  label: Text,
  numerator: number,
  denominator: number,
  t: { strong: number; partial: number },
  say: (n: number, d: number) => Text,
  none: Text,
): Measure {
  if (denominator === 0)
    return { key, label, level: 'no_data', value: null, numerator: null, denominator: null, reasons: [none] };
  const share = numerator / denominator;
  const level = byShare(share, t);
  const s = say(numerator, denominator);
  return {
    key,
    label,
    level,
    value: share,
    numerator,
    denominator,
    reasons: [
      {
        da: `${s.da} (${pct(share)}; stærkt fra ${pct(t.strong)}, delvist fra ${pct(t.partial)}).`,
        en: `${s.en} (${pctEn(share)}; strong from ${pctEn(t.strong)}, partial from ${pctEn(t.partial)}).`,
      },
    ],
  };
}

/** Does the activity's period touch the year (an open end touches every later year)? */
function activityInYear(a: { periodStart: string | null; periodEnd: string | null }, year: number): boolean {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  return (a.periodStart === null || a.periodStart <= end) && (a.periodEnd === null || a.periodEnd >= start);
}

/** A period key that lies inside the year: `2025`, `2025-H1`, `2025-Q3`. */
const keyInYear = (key: string, year: number) => key === String(year) || key.startsWith(`${year}-`);

// ---------------------------------------------------------------------------------------------
// Marker 1: management focus and backing

/** The strategic forums the marker reads: strategic level, decision-making, not the secretariat. */
function strategicForums(input: MarkerInput): MarkerForum[] {
  return input.forums.filter(
    (f) => f.level === 'strategic' && f.makesDecisions && f.kind !== 'projectSecretariat',
  );
}

function topLevelMeasure(input: MarkerInput): Measure {
  const key = 'top_level_representatives';
  const label: Text = {
    da: 'Topledelse i det strategiske forum',
    en: 'Top-level representatives in the strategic forum',
  };
  const forums = strategicForums(input);
  if (forums.length === 0)
    return {
      key,
      label,
      level: 'no_data',
      value: null,
      numerator: null,
      denominator: null,
      reasons: [
        {
          da: 'Der er intet besluttende forum på strategisk niveau (styregruppe eller bestyrelse) i projektorganiseringen.',
          en: 'The project organisation has no decision-making forum at the strategic level (steering group or board).',
        },
      ],
    };
  const ids = new Set(forums.map((f) => f.id));
  const seats = input.seats.filter((s) => ids.has(s.forumId) && (s.role === 'chair' || s.role === 'member'));
  const top = seats.filter((s) => s.represents === 'political' || s.represents === 'topAdministration');
  const muni = top.some((s) => s.side === 'municipality');
  const housing = top.some((s) => s.side === 'housingOrganisation');
  const names = forums.map((f) => f.name).join(', ');
  const level: Level = muni && housing ? 'strong' : top.length > 0 ? 'partial' : 'weak';
  const sides: Text =
    muni && housing
      ? {
          da: 'både kommunen og boligorganisationen',
          en: 'both the municipality and the housing organisation',
        }
      : muni
        ? { da: 'kun kommunen', en: 'only the municipality' }
        : housing
          ? { da: 'kun boligorganisationen', en: 'only the housing organisation' }
          : { da: 'ingen angivet part', en: 'no side given' };
  const reason: Text =
    top.length === 0
      ? {
          da: `Ingen af de ${seats.length} medlemmer af ${names} repræsenterer det politiske niveau eller den øverste administrative ledelse.`,
          en: `None of the ${seats.length} members of ${names} represents the political level or top administration.`,
        }
      : {
          da: `${top.length} af ${seats.length} medlemmer af ${names} repræsenterer det politiske niveau eller den øverste administrative ledelse, fra ${sides.da}.`,
          en: `${top.length} of ${seats.length} members of ${names} represent the political level or top administration, from ${sides.en}.`,
        };
  const rule: Text = {
    da: 'Stærkt, når både kommunen og boligorganisationen har topledelsen med; delvist, når kun den ene har.',
    en: 'Strong when both the municipality and the housing organisation have top-level members; partial when only one has.',
  };
  return {
    key,
    label,
    level,
    value: top.length,
    numerator: top.length,
    denominator: seats.length,
    reasons: [reason, rule],
  };
}

function meetingsMeasure(input: MarkerInput): Measure {
  const key = 'strategic_forum_meetings';
  const label: Text = {
    da: 'Det strategiske forums møder om året',
    en: 'Meetings a year of the strategic forum',
  };
  const known = strategicForums(input).filter((f) => f.meetingsPerYear !== null);
  if (known.length === 0)
    return {
      key,
      label,
      level: 'no_data',
      value: null,
      numerator: null,
      denominator: null,
      reasons: [
        {
          da: 'Der er ikke angivet, hvor ofte det strategiske forum mødes.',
          en: 'How often the strategic forum meets is not given.',
        },
      ],
    };
  const best = known.reduce((a, b) => ((b.meetingsPerYear ?? 0) > (a.meetingsPerYear ?? 0) ? b : a));
  const n = best.meetingsPerYear ?? 0;
  const t = THRESHOLDS.meetings;
  const level: Level = n >= t.strong ? 'strong' : n >= t.partial ? 'partial' : 'weak';
  return {
    key,
    label,
    level,
    value: n,
    numerator: n,
    denominator: null,
    reasons: [
      {
        da: `${best.name} mødes ${n} ${n === 1 ? 'gang' : 'gange'} om året (stærkt fra ${t.strong}, delvist fra ${t.partial}).`,
        en: `${best.name} meets ${n} ${n === 1 ? 'time' : 'times'} a year (strong from ${t.strong}, partial from ${t.partial}).`,
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Marker 2: knowledge of goals and one's own role

function activitiesLinkedMeasure(input: MarkerInput): Measure {
  const acts = input.activities.filter((a) => activityInYear(a, input.year));
  const linked = acts.filter((a) => a.goalIds.length > 0).length;
  return shareMeasure(
    'activities_linked_to_goals',
    { da: 'Aktiviteter knyttet til mål', en: 'Activities linked to goals' },
    linked,
    acts.length,
    THRESHOLDS.activitiesLinked,
    (n, d) => ({
      da: `${n} af ${d} aktiviteter i ${input.year} tjener mindst ét mål`,
      en: `${n} of ${d} activities in ${input.year} serve at least one goal`,
    }),
    {
      da: `Planen har ingen aktiviteter i ${input.year}.`,
      en: `The plan has no activities in ${input.year}.`,
    },
  );
}

function rolesDescribedMeasure(input: MarkerInput): Measure {
  const inOrganisation = new Set(input.seats.map((s) => s.personId));
  const people = input.people.filter((p) => p.isStaff || inOrganisation.has(p.id));
  const described = people.filter(
    (p) => (p.title ?? '').trim() !== '' || (p.isStaff && p.task !== null),
  ).length;
  return shareMeasure(
    'members_with_role_description',
    { da: 'Medlemmer med rollebeskrivelse', en: 'Members with a role description' },
    described,
    people.length,
    THRESHOLDS.rolesDescribed,
    (n, d) => ({
      da: `${n} af ${d} personer i projektorganiseringen har en rollebeskrivelse (stillingsbetegnelse eller, for medarbejdere, en opgave)`,
      en: `${n} of ${d} people in the project organisation have a role description (a title or, for staff, a task)`,
    }),
    {
      da: 'Der er ingen personer med plads i et forum eller ansat i sekretariatet.',
      en: 'No one holds a seat in a forum or works in the secretariat.',
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Marker 3: documentation and systematic follow-up

function registrationsMeasure(input: MarkerInput): Measure {
  const due = input.activities.filter(
    (a) => a.status === 'running' && a.frequency !== 'none' && activityInYear(a, input.year),
  );
  const upToDate = due.filter((a) => overdueSince(a, input.asOf) === null).length;
  return shareMeasure(
    'registrations_up_to_date',
    { da: 'Registreringer à jour', en: 'Registrations up to date' },
    upToDate,
    due.length,
    THRESHOLDS.registrationsUpToDate,
    (n, d) => ({
      da: `${n} af ${d} igangværende aktiviteter med registreringsfrekvens er à jour pr. ${input.asOf}`,
      en: `${n} of ${d} running activities with a registration frequency are up to date as of ${input.asOf}`,
    }),
    {
      da: `Ingen igangværende aktiviteter i ${input.year} skal registreres med en fast frekvens.`,
      en: `No running activity in ${input.year} is to be registered at a set frequency.`,
    },
  );
}

function outcomeGoalsMeasure(input: MarkerInput): Measure {
  const outcome = input.goals.filter((g) => g.level === 'result' || g.level === 'impact');
  const measured = new Set(
    input.indicators
      .filter((i) => i.measuredPeriods.some((k) => keyInYear(k, input.year)))
      .map((i) => i.goalId),
  );
  const n = outcome.filter((g) => measured.has(g.id)).length;
  const m = shareMeasure(
    'result_goals_measured',
    { da: 'Resultatmål med målte værdier', en: 'Result goals with measured values' },
    n,
    outcome.length,
    THRESHOLDS.outcomeGoalsMeasured,
    (a, d) => ({
      da: `${a} af ${d} resultat- og effektmål har en målt værdi for en periode i ${input.year}`,
      en: `${a} of ${d} result and impact goals have a measured value for a period in ${input.year}`,
    }),
    { da: 'Planen har ingen resultat- eller effektmål.', en: 'The plan has no result or impact goals.' },
  );
  // A plan that sets only activity goals follows activities, not results: the report's finding.
  if (outcome.length === 0 && input.goals.length > 0)
    return {
      ...m,
      level: 'weak',
      value: 0,
      numerator: 0,
      denominator: 0,
      reasons: [
        {
          da: 'Planen har kun aktivitetsmål og følger derfor op på aktiviteter frem for resultater.',
          en: 'The plan has only activity goals, so it follows up on activities rather than results.',
        },
      ],
    };
  return m;
}

// ---------------------------------------------------------------------------------------------
// Marker 4: collaboration with clear roles and responsibilities

function oneResponsibleMeasure(input: MarkerInput): Measure {
  const acts = input.activities.filter((a) => activityInYear(a, input.year));
  const rows = [
    ...input.focusAreaIds.map((id) => ({ kind: 'focusArea' as const, id })),
    ...acts.map((a) => ({ kind: 'activity' as const, id: a.id })),
  ];
  const count = new Map<string, number>();
  for (const r of input.responsible)
    count.set(`${r.rowKind}|${r.rowId}`, (count.get(`${r.rowKind}|${r.rowId}`) ?? 0) + 1);
  const exactlyOne = (kind: string, id: string) => count.get(`${kind}|${id}`) === 1;
  const fa = input.focusAreaIds.filter((id) => exactlyOne('focusArea', id)).length;
  const ac = acts.filter((a) => exactlyOne('activity', a.id)).length;
  const none = rows.filter((r) => !count.has(`${r.kind}|${r.id}`)).length;
  const several = rows.filter((r) => (count.get(`${r.kind}|${r.id}`) ?? 0) > 1).length;
  const m = shareMeasure(
    'one_responsible_party',
    { da: 'Præcis én ansvarlig part', en: 'Exactly one responsible party' },
    fa + ac,
    rows.length,
    THRESHOLDS.oneResponsible,
    (n, d) => ({
      da: `${n} af ${d} indsatsområder og aktiviteter har præcis én ansvarlig part i ansvarsmatrixen (indsatsområder ${fa} af ${input.focusAreaIds.length}, aktiviteter ${ac} af ${acts.length})`,
      en: `${n} of ${d} focus areas and activities have exactly one responsible party in the responsibility matrix (focus areas ${fa} of ${input.focusAreaIds.length}, activities ${ac} of ${acts.length})`,
    }),
    {
      da: 'Planen har hverken indsatsområder eller aktiviteter at fordele ansvaret for.',
      en: 'The plan has neither focus areas nor activities to divide responsibility for.',
    },
  );
  if (m.level !== 'no_data' && (none > 0 || several > 0))
    m.reasons.push({
      da: `${none} uden ansvarlig part, ${several} med flere ansvarlige parter.`,
      en: `${none} without a responsible party, ${several} with several responsible parties.`,
    });
  return m;
}

function agreementMeasure(input: MarkerInput): Measure {
  const key = 'agreement_signed_current';
  const label: Text = { da: 'Samarbejdsaftale underskrevet og gældende', en: 'Agreement signed and current' };
  const base = { key, label, value: null, numerator: null, denominator: null };
  const a = input.agreement;
  const periodEnd = `${input.year}-12-31`;
  const maxAge = THRESHOLDS.agreementMaxAgeYears;
  if (!a || a.status === 'draft' || !a.signedOn)
    return {
      ...base,
      level: 'weak',
      reasons: [
        a
          ? {
              da: 'Samarbejdsaftalen er endnu en kladde og ikke underskrevet.',
              en: 'The collaboration agreement is still a draft and not signed.',
            }
          : { da: 'Planen har ingen samarbejdsaftale.', en: 'The plan has no collaboration agreement.' },
      ],
    };
  if (a.signedOn > periodEnd)
    return {
      ...base,
      level: 'weak',
      reasons: [
        {
          da: `Samarbejdsaftalen blev underskrevet ${a.signedOn}, efter ${input.year}.`,
          en: `The collaboration agreement was signed on ${a.signedOn}, after ${input.year}.`,
        },
      ],
    };
  const oldest = `${input.year - maxAge}-12-31`;
  if (a.signedOn <= oldest)
    return {
      ...base,
      level: 'partial',
      reasons: [
        {
          da: `Samarbejdsaftalen blev underskrevet ${a.signedOn}, mere end ${maxAge} år før udgangen af ${input.year}; den bør revideres.`,
          en: `The collaboration agreement was signed on ${a.signedOn}, more than ${maxAge} years before the end of ${input.year}; it should be revised.`,
        },
      ],
    };
  return {
    ...base,
    level: 'strong',
    reasons: [
      {
        da: `Samarbejdsaftalen blev underskrevet ${a.signedOn} og er gældende i ${input.year} (højst ${maxAge} år gammel).`,
        en: `The collaboration agreement was signed on ${a.signedOn} and is current in ${input.year} (at most ${maxAge} years old).`,
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// All five

function marker(key: MarkerKey, measures: Measure[], extra: Text[] = []): MarkerEvidence {
  const level = combineLevels(measures.map((m) => m.level));
  const counted = measures.filter((m) => m.level !== 'no_data');
  const summary: Text[] =
    measures.length === 0
      ? []
      : [
          {
            da: `Samlet ${levelText(level).da} ud fra ${counted.length} af ${measures.length} mål med data.`,
            en: `Overall ${levelText(level).en} from ${counted.length} of ${measures.length} measures with data.`,
          },
        ];
  return {
    key,
    number: MARKER_KEYS.indexOf(key) + 1,
    label: MARKER_LABELS[key],
    level,
    measures,
    reasons: [...summary, ...extra],
  };
}

/** The data evidence of the five markers, in marker order. */
export function markerEvidence(input: MarkerInput): MarkerEvidence[] {
  return [
    marker('management', [topLevelMeasure(input), meetingsMeasure(input)]),
    marker('goals_roles', [activitiesLinkedMeasure(input), rolesDescribedMeasure(input)]),
    marker('documentation', [registrationsMeasure(input), outcomeGoalsMeasure(input)]),
    marker('collaboration', [oneResponsibleMeasure(input), agreementMeasure(input)]),
    marker(
      'practice',
      [],
      [
        {
          da: 'Praktikernes syn kan ikke ses i planens data; det måles kun med spørgeskemaet.',
          en: "Practitioners' view cannot be seen in the plan's data; only the questionnaire measures it.",
        },
      ],
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// Questionnaire

export const STAKEHOLDER_GROUPS = [
  'project_staff',
  'steering_group',
  'municipal_partners',
  'housing_organisation',
  'resident_board',
] as const;
export type StakeholderGroup = (typeof STAKEHOLDER_GROUPS)[number];

export const STAKEHOLDER_GROUP_LABELS: Record<StakeholderGroup, Text> = {
  project_staff: { da: 'Projektmedarbejdere', en: 'Project staff' },
  steering_group: { da: 'Styregruppe eller bestyrelse', en: 'Steering group or board' },
  municipal_partners: { da: 'Kommunale samarbejdspartnere', en: 'Municipal partners' },
  housing_organisation: { da: 'Boligorganisationen', en: 'Housing organisation' },
  resident_board: { da: 'Afdelingsbestyrelsen', en: 'Resident board' },
};

export interface Statement {
  key: string;
  marker: MarkerKey;
  text: Text;
}

/** The fixed questionnaire: two statements per marker, each answered 1 (disagree) to 5 (agree). */
export const STATEMENTS: readonly Statement[] = [
  {
    key: 'm1_priority',
    marker: 'management',
    text: {
      da: 'Ledelsen i boligorganisationen og kommunen viser, at helhedsplanen har høj prioritet.',
      en: 'Management in the housing organisation and the municipality shows that the master plan has high priority.',
    },
  },
  {
    key: 'm1_backing',
    marker: 'management',
    text: {
      da: 'Når der er brug for det, bakker ledelsen op om indsatsen med beslutninger og ressourcer.',
      en: 'When needed, management backs the effort with decisions and resources.',
    },
  },
  {
    key: 'm2_goals',
    marker: 'goals_roles',
    text: {
      da: 'Jeg kender helhedsplanens overordnede mål.',
      en: "I know the master plan's overall goals.",
    },
  },
  {
    key: 'm2_role',
    marker: 'goals_roles',
    text: {
      da: 'Jeg ved, hvilken rolle jeg selv har i at nå målene, og hvordan aktiviteterne hænger sammen med dem.',
      en: 'I know my own role in reaching the goals and how the activities connect to them.',
    },
  },
  {
    key: 'm3_documentation',
    marker: 'documentation',
    text: {
      da: 'Vi dokumenterer løbende, hvad aktiviteterne gør og opnår.',
      en: 'We continuously document what the activities do and achieve.',
    },
  },
  {
    key: 'm3_follow_up',
    marker: 'documentation',
    text: {
      da: 'Vi følger systematisk op på resultaterne og bruger dem til at justere indsatsen.',
      en: 'We follow up systematically on the results and use them to adjust the effort.',
    },
  },
  {
    key: 'm4_responsibility',
    marker: 'collaboration',
    text: {
      da: 'Det er klart, hvem der har ansvaret for hvad i samarbejdet mellem parterne.',
      en: 'It is clear who is responsible for what in the collaboration between the parties.',
    },
  },
  {
    key: 'm4_collaboration',
    marker: 'collaboration',
    text: {
      da: 'Samarbejdet mellem boligorganisation, kommune og de andre parter fungerer godt.',
      en: 'The collaboration between the housing organisation, the municipality and the other parties works well.',
    },
  },
  {
    key: 'm5_acceptance',
    marker: 'practice',
    text: {
      da: 'Indsatsen giver mening for de beboere og fagfolk, den er rettet mod.',
      en: 'The effort makes sense to the residents and professionals it is aimed at.',
    },
  },
  {
    key: 'm5_fit',
    marker: 'practice',
    text: {
      da: 'Indsatsen passer ind i de strategier og den praksis, vi har i forvejen, og virker ikke som et midlertidigt projekt.',
      en: 'The effort fits the strategies and practice we already have and does not seem like a temporary project.',
    },
  },
];

export const STATEMENT_KEYS = STATEMENTS.map((s) => s.key);
export const DEFAULT_MIN_ANSWERS = 5;

export interface SurveyAnswer {
  group: StakeholderGroup;
  /** Statement key → 1-5. */
  scores: Readonly<Record<string, number>>;
}

export interface GroupResult {
  group: StakeholderGroup;
  label: Text;
  answers: number;
  /** False when the group has fewer answers than the survey's minimum: nothing else is shown. */
  shown: boolean;
  /** Mean per marker (1-5, two decimals); null when not shown. */
  means: Record<MarkerKey, number | null> | null;
}

export interface MarkerQuestionnaire {
  key: MarkerKey;
  level: Level;
  /** Mean over every answer of the groups shown; null when no group is shown. */
  mean: number | null;
  /** The answers counted (those of groups shown). */
  answers: number;
  groupsShown: number;
  reasons: Text[];
}

export interface QuestionnaireResult {
  minAnswers: number;
  totalAnswers: number;
  groups: GroupResult[];
  markers: MarkerQuestionnaire[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The mean of one answer's scores of a marker's statements (null if none answered). */
function answerMean(a: SurveyAnswer, key: MarkerKey): number | null {
  const scores = STATEMENTS.filter((s) => s.marker === key)
    .map((s) => a.scores[s.key])
    .filter((v): v is number => typeof v === 'number');
  return scores.length ? scores.reduce((x, y) => x + y, 0) / scores.length : null;
}

function meanOf(answers: readonly SurveyAnswer[], key: MarkerKey): number | null {
  const means = answers.map((a) => answerMean(a, key)).filter((v): v is number => v !== null);
  return means.length ? round2(means.reduce((x, y) => x + y, 0) / means.length) : null;
}

/**
 * Results per stakeholder group and per marker. A group is shown only with at least `minAnswers`
 * answers; the markers' means count only the groups shown, so a small group's answers cannot be
 * read off as the difference between two totals.
 */
export function questionnaireResults(
  answers: readonly SurveyAnswer[],
  minAnswers: number,
): QuestionnaireResult {
  const groups: GroupResult[] = STAKEHOLDER_GROUPS.map((group) => {
    const list = answers.filter((a) => a.group === group);
    const shown = list.length >= minAnswers && list.length > 0;
    return {
      group,
      label: STAKEHOLDER_GROUP_LABELS[group],
      answers: list.length,
      shown,
      means: shown
        ? (Object.fromEntries(MARKER_KEYS.map((k) => [k, meanOf(list, k)])) as Record<
            MarkerKey,
            number | null
          >)
        : null,
    };
  });
  const shownGroups = new Set(groups.filter((g) => g.shown).map((g) => g.group));
  const counted = answers.filter((a) => shownGroups.has(a.group));
  const t = THRESHOLDS.questionnaire;
  const markers = MARKER_KEYS.map((key): MarkerQuestionnaire => {
    const mean = meanOf(counted, key);
    if (mean === null) {
      const reason: Text =
        answers.length === 0
          ? { da: 'Ingen besvarelser endnu.', en: 'No answers yet.' }
          : {
              da: `For få besvarelser: ingen gruppe har mindst ${minAnswers} besvarelser.`,
              en: `Too few answers: no group has at least ${minAnswers} answers.`,
            };
      return { key, level: 'no_data', mean: null, answers: 0, groupsShown: 0, reasons: [reason] };
    }
    const level: Level = mean >= t.strong ? 'strong' : mean >= t.partial ? 'partial' : 'weak';
    const hidden = groups.filter((g) => !g.shown && g.answers > 0).length;
    const reasons: Text[] = [
      {
        da: `Gennemsnit ${mean.toLocaleString('da-DK')} på skalaen 1-5 fra ${counted.length} besvarelser i ${shownGroups.size} ${shownGroups.size === 1 ? 'gruppe' : 'grupper'} (stærkt fra ${t.strong}, delvist fra ${t.partial}).`,
        en: `Mean ${mean} on the 1-5 scale from ${counted.length} answers in ${shownGroups.size} ${shownGroups.size === 1 ? 'group' : 'groups'} (strong from ${t.strong}, partial from ${t.partial}).`,
      },
    ];
    if (hidden > 0)
      reasons.push({
        da: `${hidden} ${hidden === 1 ? 'gruppe har' : 'grupper har'} for få besvarelser og tælles ikke med.`,
        en: `${hidden} ${hidden === 1 ? 'group has' : 'groups have'} too few answers and ${hidden === 1 ? 'is' : 'are'} not counted.`,
      });
    return { key, level, mean, answers: counted.length, groupsShown: shownGroups.size, reasons };
  });
  return { minAnswers, totalAnswers: answers.length, groups, markers };
}
