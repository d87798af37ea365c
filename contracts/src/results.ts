// Contracts of the results capability (goals, indicators, activities, registrations).
import { z } from 'zod';
import { Id, IsoDate, LongText, Name, Version } from './common.js';

export const GoalLevel = z.enum(['impact', 'result', 'activity']);
export type GoalLevel = z.infer<typeof GoalLevel>;

export const IndicatorKind = z.enum(['count', 'percentage', 'average', 'yes_no']);
export type IndicatorKind = z.infer<typeof IndicatorKind>;
export const IndicatorDirection = z.enum(['higher_is_better', 'lower_is_better']);
export type IndicatorDirection = z.infer<typeof IndicatorDirection>;
export const IndicatorCombine = z.enum(['sum', 'latest', 'non_cumulative']);
export type IndicatorCombine = z.infer<typeof IndicatorCombine>;
export const IndicatorSource = z.enum(['registrations', 'questionnaire', 'register', 'manual']);
export type IndicatorSource = z.infer<typeof IndicatorSource>;
export const ActivityStatus = z.enum(['planned', 'running', 'paused', 'ended']);
export type ActivityStatus = z.infer<typeof ActivityStatus>;
export const RegistrationFrequency = z.enum([
  'none',
  'weekly',
  'monthly',
  'quarterly',
  'half_yearly',
  'yearly',
]);
export type RegistrationFrequency = z.infer<typeof RegistrationFrequency>;
/** What an indicator computed from registrations counts (see server/src/domain/registrations.ts). */
export const RegistrationMeasure = z.enum(['participants', 'sessions', 'hours', 'enrolled', 'outcome']);
export type RegistrationMeasure = z.infer<typeof RegistrationMeasure>;
export const OutcomeKind = z.enum([
  'started_education',
  'completed_education',
  'got_job',
  'got_leisure_job',
  'joined_association',
  'left_programme',
  'other',
]);
export type OutcomeKind = z.infer<typeof OutcomeKind>;
export const ValueState = z.enum(['value', 'missing', 'suppressed']);
export type ValueState = z.infer<typeof ValueState>;
export const TargetStatus = z.enum(['on_track', 'ahead', 'behind', 'no_data']);
export type TargetStatus = z.infer<typeof TargetStatus>;

/** `whole`, `2024`, `2024-H1`, `2024-Q3`; checked by the indicator rules (invalid_period). */
export const PeriodKey = z.string().trim().min(1).max(20);

const ShortText = z.string().trim().max(200);
const OptText = (max = 2000) => z.string().trim().max(max).nullable().optional();

// ---------- Goals ----------
export const GoalInput = z.object({
  level: GoalLevel,
  focusAreaId: Id,
  /** A goal one level up in the same focus area (a result goal under an impact goal). */
  parentId: Id.nullable().optional(),
  title: Name,
  description: LongText.nullable().optional(),
});
export type GoalInput = z.input<typeof GoalInput>;
export const GoalUpdate = GoalInput.extend({ version: Version });
export type GoalUpdate = z.input<typeof GoalUpdate>;

export const Goal = z.object({
  id: Id,
  planId: z.string(),
  level: GoalLevel,
  focusAreaId: z.string(),
  parentId: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  sortOrder: z.number(),
  version: z.number(),
});
export type Goal = z.infer<typeof Goal>;

// ---------- Indicators ----------
export const BreakdownInput = z.object({
  key: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9_]+$/),
  label: ShortText.min(1),
  categories: z.array(z.string().trim().min(1).max(60)).min(1).max(30),
});
export type BreakdownInput = z.infer<typeof BreakdownInput>;

export const TargetInput = z.object({
  period: PeriodKey,
  value: z.number(),
  /** Breakdown key → category; absent or empty is the total. */
  breakdown: z.record(z.string(), z.string()).nullable().optional(),
});
export type TargetInput = z.infer<typeof TargetInput>;

export const IndicatorInput = z.object({
  goalId: Id,
  name: Name,
  definition: LongText.nullable().optional(),
  unit: ShortText.nullable().optional(),
  kind: IndicatorKind,
  direction: IndicatorDirection,
  dataSource: IndicatorSource,
  /** With data source `registrations`: what the indicator counts in them. */
  registrationMeasure: RegistrationMeasure.nullable().optional(),
  /** With measure `outcome`: which outcome. */
  outcomeKind: OutcomeKind.nullable().optional(),
  combine: IndicatorCombine,
  breakdowns: z.array(BreakdownInput).max(5).default([]),
  baselineValue: z.number().nullable().optional(),
  baselineDate: IsoDate.nullable().optional(),
  baselineSource: OptText(500),
  targets: z.array(TargetInput).max(200).default([]),
  /**
   * A shared indicator of the fund or the plan's area secretariat that this one stands for in the
   * portfolio (of the same kind). Left out on an update: unchanged; null: no link.
   */
  sharedIndicatorId: Id.nullable().optional(),
});
export type IndicatorInput = z.input<typeof IndicatorInput>;
export const IndicatorUpdate = IndicatorInput.extend({
  version: Version,
  /** Required when the definition changes after values were entered under it. */
  changeReason: z.string().trim().max(2000).nullable().optional(),
});
export type IndicatorUpdate = z.input<typeof IndicatorUpdate>;

export const IndicatorTarget = z.object({
  period: z.string(),
  value: z.number(),
  breakdown: z.record(z.string(), z.string()).nullable(),
});

export const IndicatorDefinitionVersion = z.object({
  definitionVersion: z.number(),
  name: z.string(),
  definition: z.string().nullable(),
  unit: z.string().nullable(),
  kind: IndicatorKind,
  direction: IndicatorDirection,
  combine: IndicatorCombine,
  breakdowns: z.array(BreakdownInput),
  reason: z.string().nullable(),
  replacedAt: z.string(),
  valueCount: z.number(),
});
export type IndicatorDefinitionVersion = z.infer<typeof IndicatorDefinitionVersion>;

export const IndicatorValue = z.object({
  id: Id,
  period: z.string(),
  breakdown: z.record(z.string(), z.string()).nullable(),
  definitionVersion: z.number(),
  state: ValueState,
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  sum: z.number().nullable(),
  count: z.number().nullable(),
  note: z.string().nullable(),
  updatedAt: z.string(),
});
export type IndicatorValue = z.infer<typeof IndicatorValue>;

export const PeriodStatus = z.object({
  period: z.string(),
  target: z.number().nullable(),
  state: ValueState,
  /** The shown number: count, percent, mean or 0/1; null unless state is value. */
  value: z.number().nullable(),
  complete: z.boolean(),
  status: TargetStatus,
  reason: z.string().nullable(),
  /** Each breakdown category with a value or suppressed in the period (none when nothing was entered by category). */
  categories: z.array(
    z.object({
      breakdown: z.string(),
      category: z.string(),
      state: ValueState,
      value: z.number().nullable(),
      target: z.number().nullable(),
      status: TargetStatus,
    }),
  ),
});
export type PeriodStatus = z.infer<typeof PeriodStatus>;

export const Indicator = z.object({
  id: Id,
  planId: z.string(),
  goalId: z.string(),
  name: z.string(),
  definition: z.string().nullable(),
  unit: z.string().nullable(),
  kind: IndicatorKind,
  direction: IndicatorDirection,
  dataSource: IndicatorSource,
  registrationMeasure: RegistrationMeasure.nullable(),
  outcomeKind: OutcomeKind.nullable(),
  combine: IndicatorCombine,
  breakdowns: z.array(BreakdownInput),
  baselineValue: z.number().nullable(),
  baselineDate: z.string().nullable(),
  baselineSource: z.string().nullable(),
  targets: z.array(IndicatorTarget),
  sharedIndicatorId: z.string().nullable(),
  sharedIndicatorName: z.string().nullable(),
  definitionVersion: z.number(),
  /** Values entered under the current definition. */
  valueCount: z.number(),
  earlierVersions: z.array(IndicatorDefinitionVersion),
  /** The total per period that has a target or a value, with its status against the target. */
  statuses: z.array(PeriodStatus),
  version: z.number(),
});
export type Indicator = z.infer<typeof Indicator>;

export const IndicatorValueInput = z.object({
  period: PeriodKey,
  breakdown: z.record(z.string(), z.string()).nullable().optional(),
  state: ValueState,
  value: z.number().nullable().optional(),
  numerator: z.number().nullable().optional(),
  denominator: z.number().nullable().optional(),
  sum: z.number().nullable().optional(),
  count: z.number().nullable().optional(),
  note: OptText(2000),
});
export type IndicatorValueInput = z.input<typeof IndicatorValueInput>;

/** Values of one period: every row replaces the stored row for its breakdown. */
export const IndicatorValuesInput = z.object({
  values: z.array(IndicatorValueInput).min(1).max(500),
});
export type IndicatorValuesInput = z.input<typeof IndicatorValuesInput>;
export const IndicatorValueList = z.object({ items: z.array(IndicatorValue) });
export type IndicatorValueList = z.infer<typeof IndicatorValueList>;

// ---------- Activities ----------
export const Milestone = z.object({
  title: z.string().trim().min(1).max(200),
  date: IsoDate.nullable().optional(),
  done: z.boolean().default(false),
});
export type Milestone = z.input<typeof Milestone>;

export const ActivityInput = z.object({
  name: Name,
  description: LongText.nullable().optional(),
  focusAreaId: Id.nullable().optional(),
  goalIds: z.array(Id).max(50).default([]),
  ownerOrganisation: OptText(200),
  responsiblePerson: OptText(200),
  partners: OptText(2000),
  targetGroup: OptText(2000),
  periodStart: IsoDate.nullable().optional(),
  periodEnd: IsoDate.nullable().optional(),
  status: ActivityStatus,
  budgetOre: z.number().int().min(0).max(100_000_000_000_00).nullable().optional(),
  milestones: z.array(Milestone).max(50).default([]),
  registrationFrequency: RegistrationFrequency.default('none'),
});
export type ActivityInput = z.input<typeof ActivityInput>;
export const ActivityUpdate = ActivityInput.extend({ version: Version });
export type ActivityUpdate = z.input<typeof ActivityUpdate>;

export const Activity = z.object({
  id: Id,
  planId: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  focusAreaId: z.string().nullable(),
  goalIds: z.array(z.string()),
  ownerOrganisation: z.string().nullable(),
  responsiblePerson: z.string().nullable(),
  partners: z.string().nullable(),
  targetGroup: z.string().nullable(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  status: ActivityStatus,
  budgetOre: z.number().nullable(),
  milestones: z.array(z.object({ title: z.string(), date: z.string().nullable(), done: z.boolean() })),
  registrationFrequency: RegistrationFrequency,
  registrationCount: z.number(),
  lastRegistration: z.string().nullable(),
  /** The day registrations were due, when the activity is running and they are overdue. */
  overdueSince: z.string().nullable(),
  /** The breakdowns registrations count participants by: those of the indicators it feeds. */
  registrationBreakdowns: z.array(BreakdownInput),
  version: z.number(),
});
export type Activity = z.infer<typeof Activity>;

// ---------- Coherence ----------
export const CoherenceFlagKind = z.enum([
  'goal_without_activity',
  'goal_without_indicator',
  'indicator_without_baseline',
  'indicator_without_target',
  'activity_without_goal',
  'registrations_overdue',
  'only_activity_goals_measured',
]);
export type CoherenceFlagKind = z.infer<typeof CoherenceFlagKind>;

export const CoherenceFlag = z.object({
  kind: CoherenceFlagKind,
  entity: z.enum(['goal', 'indicator', 'activity', 'plan']),
  entityId: z.string(),
  name: z.string(),
  goalLevel: GoalLevel.nullable(),
  /** For `registrations_overdue`: the day registrations were due. */
  since: z.string().optional(),
});
export type CoherenceFlag = z.infer<typeof CoherenceFlag>;

export const Coherence = z.object({
  counts: z.object({
    goals: z.number(),
    impactGoals: z.number(),
    resultGoals: z.number(),
    activityGoals: z.number(),
    indicators: z.number(),
    activities: z.number(),
  }),
  flags: z.array(CoherenceFlag),
  flagCounts: z.record(CoherenceFlagKind, z.number()),
  measurement: z.object({
    /** Result and impact goals with at least one measured value. */
    outcomeGoalsMeasured: z.number(),
    outcomeGoals: z.number(),
    activityGoalsMeasured: z.number(),
    activityGoals: z.number(),
    /** Share (0-1) of the measured goals that are result or impact goals; null when none is measured. */
    outcomeShareOfMeasured: z.number().nullable(),
  }),
});
export type Coherence = z.infer<typeof Coherence>;

export const ResultsFramework = z.object({
  planId: z.string(),
  goals: z.array(Goal),
  indicators: z.array(Indicator),
  activities: z.array(Activity),
  coherence: Coherence,
});
export type ResultsFramework = z.infer<typeof ResultsFramework>;

export const PlanIdParams = z.object({ planId: Id });
export const ResultsExportQuery = z.object({ format: z.enum(['csv', 'xlsx']) });
export const GoalParams = z.object({ planId: Id, goalId: Id });
export const IndicatorParams = z.object({ planId: Id, indicatorId: Id });
export const ActivityParams = z.object({ planId: Id, activityId: Id });

// ---------- Registrations ----------
const Count = z.number().int().min(0).max(1_000_000);

export const RegistrationInput = z.object({
  activityId: Id,
  date: IsoDate,
  participants: Count,
  /** Breakdown key → category → participants, by the breakdowns of the indicators the activity feeds. */
  counts: z.record(z.string().max(40), z.record(z.string().max(60), Count)).default({}),
  hours: z.number().min(0).max(10_000).nullable().optional(),
  note: OptText(2000),
});
export type RegistrationInput = z.input<typeof RegistrationInput>;
export const RegistrationUpdate = RegistrationInput.extend({ version: Version });
export type RegistrationUpdate = z.input<typeof RegistrationUpdate>;

export const Registration = z.object({
  id: Id,
  planId: z.string(),
  activityId: z.string(),
  date: z.string(),
  participants: z.number(),
  counts: z.record(z.string(), z.record(z.string(), z.number())),
  hours: z.number().nullable(),
  note: z.string().nullable(),
  source: z.enum(['manual', 'import']),
  version: z.number(),
});
export type Registration = z.infer<typeof Registration>;

export const RegistrationQuery = z.object({
  activityId: Id.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export const RegistrationList = z.object({
  items: z.array(Registration),
  total: z.number(),
  participants: z.number(),
  hours: z.number(),
});
export type RegistrationList = z.infer<typeof RegistrationList>;
export const RegistrationParams = z.object({ planId: Id, registrationId: Id });

/** Registrations per quarter (the plan dashboard's "registrations over time"). */
export const RegistrationSummary = z.object({
  quarters: z.array(
    z.object({
      period: z.string(),
      registrations: z.number(),
      participants: z.number(),
      hours: z.number(),
    }),
  ),
});
export type RegistrationSummary = z.infer<typeof RegistrationSummary>;

// ---------- Participants (pseudonymous) ----------
export const Gender = z.enum(['female', 'male', 'other']);
export type Gender = z.infer<typeof Gender>;

export const EnrolmentInput = z.object({
  activityId: Id,
  startedOn: IsoDate,
  endedOn: IsoDate.nullable().optional(),
});
export const OutcomeEventInput = z.object({
  kind: OutcomeKind,
  date: IsoDate,
  activityId: Id.nullable().optional(),
  note: OptText(500),
});

export const ParticipantInput = z.object({
  /** A code the plan chooses (e.g. LC-0042); never a CPR number or a name. */
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9ÆØÅæøå_.-]+$/),
  birthYear: z.number().int().min(1900).max(2100).nullable().optional(),
  gender: Gender.nullable().optional(),
  postcode: z
    .string()
    .trim()
    .regex(/^\d{4}$/)
    .nullable()
    .optional(),
  enrolments: z.array(EnrolmentInput).max(100).default([]),
  outcomes: z.array(OutcomeEventInput).max(100).default([]),
});
export type ParticipantInput = z.input<typeof ParticipantInput>;
export const ParticipantUpdate = ParticipantInput.extend({ version: Version });
export type ParticipantUpdate = z.input<typeof ParticipantUpdate>;

export const Participant = z.object({
  id: Id,
  planId: z.string(),
  code: z.string(),
  birthYear: z.number().nullable(),
  gender: Gender.nullable(),
  postcode: z.string().nullable(),
  enrolments: z.array(
    z.object({ activityId: z.string(), startedOn: z.string(), endedOn: z.string().nullable() }),
  ),
  outcomes: z.array(
    z.object({
      kind: OutcomeKind,
      date: z.string(),
      activityId: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  version: z.number(),
});
export type Participant = z.infer<typeof Participant>;
export const ParticipantList = z.object({ items: z.array(Participant) });
export type ParticipantList = z.infer<typeof ParticipantList>;
export const ParticipantParams = z.object({ planId: Id, participantId: Id });
