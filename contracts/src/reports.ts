// Contracts of status reports: for the steering group and the fund, for a chosen period, with
// an approval flow that freezes the figures.
import { z } from 'zod';
import { Id, Version } from './common.js';
import {
  ActivityStatus,
  CoherenceFlag,
  GoalLevel,
  IndicatorKind,
  PeriodKey,
  TargetStatus,
  ValueState,
} from './results.js';

export const ReportStatus = z.enum(['draft', 'submitted', 'approved', 'sent']);
export type ReportStatus = z.infer<typeof ReportStatus>;
export const ReportAudience = z.enum(['steering_group', 'fund']);
export type ReportAudience = z.infer<typeof ReportAudience>;

const Narrative = z.string().trim().max(20_000).nullable().optional();

/** The texts the project leader writes. */
export const ReportNarrativeInput = z.object({
  summary: Narrative,
  progress: Narrative,
  deviations: Narrative,
  nextSteps: Narrative,
});
export type ReportNarrativeInput = z.input<typeof ReportNarrativeInput>;
export const ReportNarrative = z.object({
  summary: z.string().nullable(),
  progress: z.string().nullable(),
  deviations: z.string().nullable(),
  nextSteps: z.string().nullable(),
});
export type ReportNarrative = z.infer<typeof ReportNarrative>;

export const ReportInput = z.object({
  title: z.string().trim().min(1).max(200),
  /** `2025`, `2025-H1` or `2025-Q3`: the period the report covers. */
  period: PeriodKey,
  audience: ReportAudience,
  narrative: ReportNarrativeInput.default({}),
});
export type ReportInput = z.input<typeof ReportInput>;
export const ReportUpdate = ReportInput.extend({ version: Version });
export type ReportUpdate = z.input<typeof ReportUpdate>;

/** The figures a report shows: computed while it is a draft or submitted, frozen once approved. */
export const ReportFigures = z.object({
  computedAt: z.string(),
  period: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  goals: z.array(
    z.object({
      id: z.string(),
      level: GoalLevel,
      title: z.string(),
      indicators: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          kind: IndicatorKind,
          unit: z.string().nullable(),
          baseline: z.number().nullable(),
          state: ValueState,
          value: z.number().nullable(),
          complete: z.boolean(),
          target: z.number().nullable(),
          status: TargetStatus,
        }),
      ),
    }),
  ),
  activities: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      status: ActivityStatus,
      registrations: z.number(),
      participants: z.number(),
      overdueSince: z.string().nullable(),
    }),
  ),
  coherence: z.object({
    flags: z.array(CoherenceFlag),
    outcomeGoalsMeasured: z.number(),
    outcomeGoals: z.number(),
  }),
});
export type ReportFigures = z.infer<typeof ReportFigures>;

export const ReportEvent = z.object({
  status: ReportStatus,
  at: z.string(),
  byName: z.string().nullable(),
  note: z.string().nullable(),
});

export const Report = z.object({
  id: Id,
  planId: z.string(),
  title: z.string(),
  period: z.string(),
  audience: ReportAudience,
  status: ReportStatus,
  narrative: ReportNarrative,
  /** Live figures for a draft or submitted report; the frozen ones once approved. */
  figures: ReportFigures,
  frozen: z.boolean(),
  approvedAt: z.string().nullable(),
  approvedByName: z.string().nullable(),
  sentAt: z.string().nullable(),
  sentTo: z.string().nullable(),
  /** Who did what when: created, submitted, returned, approved, sent. */
  history: z.array(ReportEvent),
  /** Whether the signed-in user may approve it (a steering-group or board member of the plan). */
  canApprove: z.boolean(),
  version: z.number(),
});
export type Report = z.infer<typeof Report>;

export const ReportSummary = Report.omit({ figures: true, narrative: true, history: true });
export type ReportSummary = z.infer<typeof ReportSummary>;
export const ReportList = z.object({ items: z.array(ReportSummary) });
export type ReportList = z.infer<typeof ReportList>;

export const ReportParams = z.object({ planId: Id, reportId: Id });
export const ReportAction = z.object({
  version: Version,
  /** Why it is returned to draft, or to whom it was sent. */
  note: z.string().trim().max(2000).nullable().optional(),
});
export type ReportAction = z.input<typeof ReportAction>;
export const ReportExportQuery = z.object({ format: z.enum(['pdf', 'docx']) });

/** What needs the signed-in user (the Overblik page): reports to approve, overdue registrations. */
export const Agenda = z.object({
  reportsToApprove: z.array(
    z.object({
      planId: z.string(),
      planName: z.string(),
      reportId: z.string(),
      title: z.string(),
      period: z.string(),
    }),
  ),
  overdue: z.array(
    z.object({
      planId: z.string(),
      planName: z.string(),
      activityId: z.string(),
      activityName: z.string(),
      since: z.string(),
    }),
  ),
});
export type Agenda = z.infer<typeof Agenda>;
