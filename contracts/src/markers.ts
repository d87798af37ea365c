import { z } from 'zod';
import { Id, Version } from './common.js';
import { PortfolioFilters } from './portfolio.js';

/** The implementation markers (pejlemærker): evidence from data and the questionnaire, side by side. */

const Text = z.object({ da: z.string(), en: z.string() });

export const MARKER_KEYS = [
  'management',
  'goals_roles',
  'documentation',
  'collaboration',
  'practice',
] as const;
export const MarkerKey = z.enum(MARKER_KEYS);
export type MarkerKey = z.infer<typeof MarkerKey>;

export const MARKER_LEVELS = ['strong', 'partial', 'weak', 'no_data'] as const;
export const MarkerLevel = z.enum(MARKER_LEVELS);
export type MarkerLevel = z.infer<typeof MarkerLevel>;

export const STAKEHOLDER_GROUPS = [
  'project_staff',
  'steering_group',
  'municipal_partners',
  'housing_organisation',
  'resident_board',
] as const;
export const StakeholderGroup = z.enum(STAKEHOLDER_GROUPS);
export type StakeholderGroup = z.infer<typeof StakeholderGroup>;

/** The fixed statement keys, two per marker (texts come with the questionnaire). */
export const STATEMENT_KEYS = [
  'm1_priority',
  'm1_backing',
  'm2_goals',
  'm2_role',
  'm3_documentation',
  'm3_follow_up',
  'm4_responsibility',
  'm4_collaboration',
  'm5_acceptance',
  'm5_fit',
] as const;

const Year = z.coerce.number().int().min(2000).max(2100);

// ---------- A plan's markers ----------

export const MarkersQuery = z.object({
  /** A calendar year; the current year (Danish date) when left out. */
  period: Year.optional(),
});
export const PlanMarkersParams = z.object({ planId: Id });

export const MarkerMeasure = z.object({
  key: z.string(),
  label: Text,
  level: MarkerLevel,
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  reasons: z.array(Text),
});
export type MarkerMeasure = z.infer<typeof MarkerMeasure>;

export const MarkerQuestionnaire = z.object({
  level: MarkerLevel,
  mean: z.number().nullable(),
  answers: z.number(),
  groupsShown: z.number(),
  reasons: z.array(Text),
});

export const MarkerRow = z.object({
  key: MarkerKey,
  number: z.number(),
  label: Text,
  evidence: z.object({ level: MarkerLevel, measures: z.array(MarkerMeasure), reasons: z.array(Text) }),
  questionnaire: MarkerQuestionnaire,
});
export type MarkerRow = z.infer<typeof MarkerRow>;

export const SurveyGroupResult = z.object({
  group: StakeholderGroup,
  label: Text,
  invitations: z.number(),
  answers: z.number(),
  /** False: too few answers; nothing but the count is shown. */
  shown: z.boolean(),
  means: z.record(MarkerKey, z.number().nullable()).nullable(),
});
export type SurveyGroupResult = z.infer<typeof SurveyGroupResult>;

/** Levels only: one cell of a markers × periods (or markers × plans) grid. */
export const MarkerLevels = z.object({
  key: MarkerKey,
  evidence: MarkerLevel,
  questionnaire: MarkerLevel,
});
export type MarkerLevels = z.infer<typeof MarkerLevels>;

export const PlanMarkers = z.object({
  planId: Id,
  period: z.string(),
  /** The day the data is read as of: the year's last day, or today while it runs. */
  asOf: z.string(),
  markers: z.array(MarkerRow),
  /** The year's survey whose answers the questionnaire column reads (the latest made). */
  survey: z
    .object({ id: Id, title: z.string(), status: z.string(), minAnswers: z.number(), isExample: z.boolean() })
    .nullable(),
  groups: z.array(SurveyGroupResult),
  /** Every year of the plan's period up to this one, with the markers' levels. */
  history: z.array(z.object({ period: z.string(), markers: z.array(MarkerLevels) })),
});
export type PlanMarkers = z.infer<typeof PlanMarkers>;

// ---------- Surveys ----------

export const SurveyParams = z.object({ planId: Id, surveyId: Id });

const InvitationCounts = z
  .array(z.object({ group: StakeholderGroup, count: z.number().int().min(1).max(200) }))
  .max(STAKEHOLDER_GROUPS.length);

export const SurveyInput = z.object({
  title: z.string().trim().min(1).max(200),
  period: Year,
  minAnswers: z.number().int().min(2).max(50).default(5),
  invitations: InvitationCounts.default([]),
});
export type SurveyInput = z.input<typeof SurveyInput>;

export const SurveyUpdate = z.object({
  title: z.string().trim().min(1).max(200),
  minAnswers: z.number().int().min(2).max(50),
  status: z.enum(['open', 'closed']),
  version: Version,
});
export type SurveyUpdate = z.input<typeof SurveyUpdate>;

export const InvitationsInput = z.object({ invitations: InvitationCounts.min(1) });

/** A new link; the token is shown this once and cannot be read again. */
export const InvitationLink = z.object({ group: StakeholderGroup, token: z.string(), path: z.string() });
export type InvitationLink = z.infer<typeof InvitationLink>;

export const Survey = z.object({
  id: Id,
  planId: Id,
  period: z.string(),
  title: z.string(),
  minAnswers: z.number(),
  status: z.enum(['open', 'closed']),
  isExample: z.boolean(),
  invitations: z.number(),
  answers: z.number(),
  groups: z.array(SurveyGroupResult),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type Survey = z.infer<typeof Survey>;

export const SurveyWithLinks = Survey.extend({ links: z.array(InvitationLink) });
export type SurveyWithLinks = z.infer<typeof SurveyWithLinks>;

export const SurveyList = z.object({ items: z.array(Survey) });
export type SurveyList = z.infer<typeof SurveyList>;

// ---------- The public questionnaire ----------

export const TokenParams = z.object({
  token: z
    .string()
    .min(20)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/),
});

export const Questionnaire = z.object({
  planName: z.string(),
  surveyTitle: z.string(),
  period: z.string(),
  group: StakeholderGroup,
  groupLabel: Text,
  /** Answering is possible (the link is unused and the survey open). */
  canAnswer: z.boolean(),
  answered: z.boolean(),
  closed: z.boolean(),
  scale: z.object({ min: z.literal(1), max: z.literal(5), minLabel: Text, maxLabel: Text }),
  statements: z.array(z.object({ key: z.string(), marker: MarkerKey, text: Text })),
});
export type Questionnaire = z.infer<typeof Questionnaire>;

const Score = z.number().int().min(1).max(5);
export const QuestionnaireAnswer = z.object({
  scores: z
    .object(
      Object.fromEntries(STATEMENT_KEYS.map((k) => [k, Score])) as Record<
        (typeof STATEMENT_KEYS)[number],
        typeof Score
      >,
    )
    .strict(),
});
export type QuestionnaireAnswer = z.infer<typeof QuestionnaireAnswer>;

export const QuestionnaireReceipt = z.object({ ok: z.literal(true) });

// ---------- Across plans ----------

export const PortfolioMarkersQuery = PortfolioFilters.extend({ period: Year.optional() });

export const PortfolioMarkers = z.object({
  period: z.string(),
  plans: z.array(
    z.object({
      planId: Id,
      planName: z.string(),
      municipalityName: z.string(),
      isExample: z.boolean(),
      hasSurvey: z.boolean(),
      markers: z.array(MarkerLevels),
    }),
  ),
  /** Per marker, how many plans are at each level. */
  totals: z.array(
    z.object({
      key: MarkerKey,
      label: Text,
      evidence: z.record(MarkerLevel, z.number()),
      questionnaire: z.record(MarkerLevel, z.number()),
    }),
  ),
});
export type PortfolioMarkers = z.infer<typeof PortfolioMarkers>;
