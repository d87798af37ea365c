// Contracts of the portfolio (C10) and the area secretariats' shared goals (C3): many plans seen
// as one, with figures read from the plans' own data at the moment of asking.
import { z } from 'zod';
import { Id, IsoDate, LongText, Name, Version } from './common.js';
import { LocalText } from './organisation.js';
import { PlanListQuery } from './registry.js';
import {
  CoherenceFlagKind,
  IndicatorCombine,
  IndicatorDirection,
  IndicatorKind,
  TargetStatus,
  ValueState,
} from './results.js';

/** A marker's level (contracts/src/markers.ts MARKER_LEVELS; repeated here, as markers.ts reads this file). */
const MarkerLevel = z.enum(['strong', 'partial', 'weak', 'no_data']);

/** The organisation and secretariat types of the typology (docs/typology.md), and `not_determined`. */
export const ORGANISATION_TYPE_CODES = [
  'centrally_anchored_professional',
  'locally_anchored_professional',
  'locally_anchored_semi_professional',
  'not_determined',
] as const;
export const SECRETARIAT_TYPE_CODES = [
  'large_housing_team',
  'cross_organisational_team',
  'split_team',
  'one_person',
  'not_determined',
] as const;
export const OrganisationTypeCode = z.enum(ORGANISATION_TYPE_CODES);
export const SecretariatTypeCode = z.enum(SECRETARIAT_TYPE_CODES);

const Csv = (max: number) =>
  z
    .string()
    .max(4000)
    .transform((s) => s.split(',').filter((x) => x.length > 0))
    .pipe(z.array(Id).max(max));

/** The filters every portfolio view takes: those of the plan list, and the two typologies. */
export const PortfolioFilters = PlanListQuery.omit({ sort: true, dir: true, ids: true }).extend({
  organisationType: z.union([OrganisationTypeCode, z.literal('')]).optional(),
  secretariatType: z.union([SecretariatTypeCode, z.literal('')]).optional(),
});
export type PortfolioFilters = z.input<typeof PortfolioFilters>;
export const PortfolioExportQuery = PortfolioFilters.extend({ format: z.enum(['csv', 'xlsx']) });

// ---------- Overview ----------
export const PortfolioTotals = z.object({
  plans: z.number(),
  dwellings: z.number(),
  grantOre: z.number(),
  activeActivities: z.number(),
  participants: z.number(),
});
export type PortfolioTotals = z.infer<typeof PortfolioTotals>;

export const PortfolioPlan = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  poolId: z.string(),
  poolName: z.string(),
  municipalityId: z.string(),
  municipalityName: z.string(),
  housingOrganisationName: z.string(),
  areaSecretariatId: z.string().nullable(),
  areaSecretariatName: z.string().nullable(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  dwellings: z.number(),
  grantTotalOre: z.number(),
  sizeBand: z.string().nullable(),
  grantBand: z.string().nullable(),
  activeActivities: z.number(),
  participants: z.number(),
  organisationType: OrganisationTypeCode,
  secretariatType: SecretariatTypeCode,
  isExample: z.boolean(),
});
export type PortfolioPlan = z.infer<typeof PortfolioPlan>;

/** One bar of a distribution: how many plans, dwellings and kroner fall in it. */
export const PortfolioBucket = z.object({
  key: z.string(),
  label: LocalText,
  plans: z.number(),
  dwellings: z.number(),
  grantOre: z.number(),
});
export type PortfolioBucket = z.infer<typeof PortfolioBucket>;

export const PortfolioOverview = z.object({
  totals: PortfolioTotals,
  plans: z.array(PortfolioPlan),
  distributions: z.object({
    pool: z.array(PortfolioBucket),
    focusArea: z.array(PortfolioBucket),
    municipality: z.array(PortfolioBucket),
    status: z.array(PortfolioBucket),
    organisationType: z.array(PortfolioBucket),
    secretariatType: z.array(PortfolioBucket),
  }),
});
export type PortfolioOverview = z.infer<typeof PortfolioOverview>;

// ---------- Shared indicators and shared goals ----------
/**
 * An indicator that means the same thing in every plan that links one of its own to it. Owned by
 * the fund (no area secretariat) or by an area secretariat, then optionally under one of its
 * shared goals.
 */
export const SharedIndicatorInput = z.object({
  name: Name,
  definition: LongText.nullable().optional(),
  unit: z.string().trim().max(60).nullable().optional(),
  kind: IndicatorKind,
  direction: IndicatorDirection,
  combine: IndicatorCombine,
  areaSecretariatId: Id.nullable().default(null),
  sharedGoalId: Id.nullable().default(null),
});
export type SharedIndicatorInput = z.input<typeof SharedIndicatorInput>;
export const SharedIndicatorUpdate = SharedIndicatorInput.extend({ version: Version });
export type SharedIndicatorUpdate = z.input<typeof SharedIndicatorUpdate>;

export const SharedIndicator = z.object({
  id: z.string(),
  name: z.string(),
  definition: z.string().nullable(),
  unit: z.string().nullable(),
  kind: IndicatorKind,
  direction: IndicatorDirection,
  combine: IndicatorCombine,
  areaSecretariatId: z.string().nullable(),
  areaSecretariatName: z.string().nullable(),
  sharedGoalId: z.string().nullable(),
  /** Plan indicators linked to it (all plans, whether the caller sees them or not). */
  linkedIndicators: z.number(),
  canEdit: z.boolean(),
  /** Invented for the demonstration (Eksempeldata). */
  isExample: z.boolean(),
  version: z.number(),
});
export type SharedIndicator = z.infer<typeof SharedIndicator>;
export const SharedIndicatorList = z.object({ items: z.array(SharedIndicator) });
export type SharedIndicatorList = z.infer<typeof SharedIndicatorList>;
export const SharedIndicatorParams = z.object({ sharedIndicatorId: Id });

export const SharedGoalInput = z.object({
  title: Name,
  description: LongText.nullable().optional(),
});
export type SharedGoalInput = z.input<typeof SharedGoalInput>;
export const SharedGoalUpdate = SharedGoalInput.extend({ version: Version });
export type SharedGoalUpdate = z.input<typeof SharedGoalUpdate>;
export const SharedGoal = z.object({
  id: z.string(),
  areaSecretariatId: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  indicators: z.array(SharedIndicator),
  isExample: z.boolean(),
  version: z.number(),
});
export type SharedGoal = z.infer<typeof SharedGoal>;
export const SharedGoalList = z.object({
  areaSecretariatId: z.string(),
  areaSecretariatName: z.string(),
  canEdit: z.boolean(),
  /** The plans the secretariat serves that the caller may see. */
  plans: z.array(z.object({ id: z.string(), name: z.string() })),
  items: z.array(SharedGoal),
});
export type SharedGoalList = z.infer<typeof SharedGoalList>;
export const SecretariatParams = z.object({ secretariatId: Id });
export const SharedGoalParams = z.object({ secretariatId: Id, goalId: Id });

/** The shared indicators a plan may link its own indicators to: the fund's and its secretariat's. */
export const LinkableSharedIndicators = z.object({ items: z.array(SharedIndicator) });
export type LinkableSharedIndicators = z.infer<typeof LinkableSharedIndicators>;

// ---------- Aggregated values ----------
export const PeriodKind = z.enum(['year', 'half', 'quarter']);
export type PeriodKind = z.infer<typeof PeriodKind>;
export const GroupBy = z.enum(['none', 'focusArea', 'pool', 'municipality']);
export type GroupBy = z.infer<typeof GroupBy>;

/** A value summed or weighted across plans (server/src/domain/indicators.ts `aggregate`). */
export const AggregateValue = z.object({
  period: z.string(),
  state: ValueState,
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** Plans whose value went in; missing and suppressed ones are counted apart, never as 0. */
  n: z.number(),
  nMissing: z.number(),
  nSuppressed: z.number(),
  nPartial: z.number(),
  /** The plans' targets combined the same way, when every plan that went in has one. */
  target: z.number().nullable(),
  status: TargetStatus,
});
export type AggregateValue = z.infer<typeof AggregateValue>;

export const PortfolioIndicatorQuery = PortfolioFilters.extend({
  groupBy: GroupBy.default('focusArea'),
  periodKind: PeriodKind.default('year'),
  /** First and last year shown (default: the last four years up to this one). */
  fromYear: z.coerce.number().int().min(1990).max(2100).optional(),
  toYear: z.coerce.number().int().min(1990).max(2100).optional(),
  sharedIndicatorId: z.union([Id, z.literal('')]).optional(),
});
export type PortfolioIndicatorQuery = z.input<typeof PortfolioIndicatorQuery>;
export const PortfolioIndicatorExportQuery = PortfolioIndicatorQuery.extend({
  format: z.enum(['csv', 'xlsx']),
});

export const PortfolioIndicatorGroup = z.object({
  key: z.string(),
  label: LocalText,
  values: z.array(AggregateValue),
});
export const PortfolioIndicators = z.object({
  periods: z.array(z.string()),
  groupBy: GroupBy,
  indicators: z.array(
    z.object({
      sharedIndicator: SharedIndicator,
      /** Plans in the filtered portfolio with an indicator linked to it. */
      linkedPlans: z.number(),
      groups: z.array(PortfolioIndicatorGroup),
      /** Every linked plan together. */
      total: z.array(AggregateValue),
    }),
  ),
});
export type PortfolioIndicators = z.infer<typeof PortfolioIndicators>;

/** One plan's value of a linked indicator for a period, as the plan itself shows it. */
export const PlanPart = z.object({
  period: z.string(),
  state: ValueState,
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  complete: z.boolean(),
  target: z.number().nullable(),
  status: TargetStatus,
});
export type PlanPart = z.infer<typeof PlanPart>;

export const RollupQuery = z.object({
  periodKind: PeriodKind.default('year'),
  fromYear: z.coerce.number().int().min(1990).max(2100).optional(),
  toYear: z.coerce.number().int().min(1990).max(2100).optional(),
});
export const RollupExportQuery = RollupQuery.extend({ format: z.enum(['csv', 'xlsx']) });

export const SharedGoalRollup = z.object({
  goal: SharedGoal,
  areaSecretariatName: z.string(),
  periods: z.array(z.string()),
  indicators: z.array(
    z.object({
      sharedIndicator: SharedIndicator,
      whole: z.array(AggregateValue),
      plans: z.array(
        z.object({
          planId: z.string(),
          planName: z.string(),
          indicatorId: z.string(),
          indicatorName: z.string(),
          values: z.array(PlanPart),
        }),
      ),
      /** Plans the secretariat serves with no indicator linked to this one. */
      unlinkedPlans: z.array(z.object({ id: z.string(), name: z.string() })),
    }),
  ),
});
export type SharedGoalRollup = z.infer<typeof SharedGoalRollup>;

// ---------- Reporting compliance ----------
export const ComplianceKind = z.enum(['registrations', 'status_report']);
export const ComplianceRow = z.object({
  planId: z.string(),
  planName: z.string(),
  municipalityName: z.string(),
  poolName: z.string(),
  kind: ComplianceKind,
  /** The activity whose registrations are late, or the period a status report is missing for. */
  subject: z.string(),
  subjectId: z.string().nullable(),
  due: IsoDate,
  daysLate: z.number(),
  /** The plan's editors (project secretariat), by name. */
  responsible: z.array(z.string()),
});
export type ComplianceRow = z.infer<typeof ComplianceRow>;
export const PortfolioCompliance = z.object({
  today: IsoDate,
  plansChecked: z.number(),
  plansLate: z.number(),
  rows: z.array(ComplianceRow),
});
export type PortfolioCompliance = z.infer<typeof PortfolioCompliance>;

// ---------- Grant use ----------
export const GrantUseRow = z.object({
  planId: z.string(),
  planName: z.string(),
  poolId: z.string(),
  poolName: z.string(),
  grantedOre: z.number(),
  /** The activities' budgets. */
  committedOre: z.number(),
  /** The expenditure the plan has recorded, year by year. */
  spentOre: z.number(),
  grantStart: z.string().nullable(),
  grantEnd: z.string().nullable(),
  /** Whole months from today to the last grant's end; 0 once it has ended. */
  monthsLeft: z.number().nullable(),
  /** Share (0-1) of the grant period gone by. */
  timeElapsedShare: z.number().nullable(),
  /** Share (0-1) of the grant spent. */
  spentShare: z.number().nullable(),
});
export type GrantUseRow = z.infer<typeof GrantUseRow>;
export const GrantUseTotal = z.object({
  key: z.string(),
  label: LocalText,
  plans: z.number(),
  grantedOre: z.number(),
  committedOre: z.number(),
  spentOre: z.number(),
});
export const PortfolioGrantUse = z.object({
  today: IsoDate,
  plans: z.array(GrantUseRow),
  pools: z.array(GrantUseTotal),
  total: GrantUseTotal,
});
export type PortfolioGrantUse = z.infer<typeof PortfolioGrantUse>;

export const ExpenditureInput = z.object({
  year: z.number().int().min(1990).max(2100),
  amountOre: z.number().int().min(0).max(1e15),
  note: z.string().trim().max(500).nullable().optional(),
});
export const ExpendituresInput = z.object({ items: z.array(ExpenditureInput).max(50) });
export type ExpendituresInput = z.input<typeof ExpendituresInput>;
export const Expenditures = z.object({
  items: z.array(z.object({ year: z.number(), amountOre: z.number(), note: z.string().nullable() })),
  grantedOre: z.number(),
  committedOre: z.number(),
  canEdit: z.boolean(),
});
export type Expenditures = z.infer<typeof Expenditures>;

// ---------- Comparison ----------
export const CompareQuery = z.object({
  planIds: Csv(12).pipe(z.array(Id).min(1)),
  sharedIndicatorIds: Csv(10).optional(),
  /** The year compared (default: last year). */
  year: z.coerce.number().int().min(1990).max(2100).optional(),
});
export const CompareExportQuery = CompareQuery.extend({ format: z.enum(['csv', 'xlsx']) });
export const PortfolioCompare = z.object({
  period: z.string(),
  indicators: z.array(SharedIndicator),
  plans: z.array(
    z.object({
      planId: z.string(),
      planName: z.string(),
      municipalityName: z.string(),
      poolName: z.string(),
      coherence: z.object({
        flags: z.number(),
        flagCounts: z.record(CoherenceFlagKind, z.number()),
        outcomeShareOfMeasured: z.number().nullable(),
      }),
      /** The five implementation markers for the year: what the data shows and what the questionnaire says. */
      markers: z.array(
        z.object({
          key: z.string(),
          number: z.number(),
          label: LocalText,
          evidence: MarkerLevel,
          questionnaire: MarkerLevel,
        }),
      ),
      values: z.array(
        z.object({
          sharedIndicatorId: z.string(),
          indicatorId: z.string().nullable(),
          state: ValueState,
          value: z.number().nullable(),
          /** What the value rests on: respondents (percentages), answers (averages), periods (counts). */
          observations: z.number(),
          complete: z.boolean(),
          target: z.number().nullable(),
          status: TargetStatus,
          /** 1 = best among the plans with a value; null without a value. */
          rank: z.number().nullable(),
        }),
      ),
    }),
  ),
});
export type PortfolioCompare = z.infer<typeof PortfolioCompare>;
