import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  InvitationLink,
  MarkerLevels,
  PlanMarkers,
  PortfolioMarkers,
  PortfolioMarkersQuery,
  Questionnaire,
  StakeholderGroup,
  Survey,
  SurveyGroupResult,
  SurveyInput,
  SurveyUpdate,
  SurveyWithLinks,
} from '@pejling/contracts';
import type { Config } from '../../config.js';
import type { Db, Executor } from '../../db/database.js';
import { newId, nowIso } from '../../db/portable.js';
import { danishCollator } from '../../domain/danish.js';
import {
  LEVELS,
  MARKER_KEYS,
  MARKER_LABELS,
  markerEvidence,
  questionnaireResults,
  STAKEHOLDER_GROUP_LABELS,
  STATEMENTS,
  type Level,
  type MarkerInput,
  type QuestionnaireResult,
} from '../../domain/markers.js';
import { todayInDenmark } from '../../domain/periods.js';
import { AppError, conflict, notFound } from '../../errors.js';
import type { Principal, RequestContext } from '../../http/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { portfolioPlans } from '../portfolio/portfolio.service.js';
import {
  countInvitations,
  countTokenFailures,
  findAnswers,
  findInvitationByHash,
  findMarkerData,
  findSurvey,
  findSurveys,
  type PlanMarkerData,
  type SurveyRow,
} from './markers.repository.js';

type SurveyIn = z.output<typeof SurveyInput>;
type SurveyUpd = z.output<typeof SurveyUpdate>;
type PortfolioQuery = z.output<typeof PortfolioMarkersQuery>;

/** Unknown tokens allowed per address within the login window before it is throttled. */
export const MAX_TOKEN_FAILURES = 20;
/** The most years a plan's history reaches back. */
const MAX_HISTORY_YEARS = 15;

const currentYear = () => Number(todayInDenmark().slice(0, 4));

/** The day a year's data is read as of: its last day, or today while it runs. */
function asOfFor(year: number): string {
  const today = todayInDenmark();
  const end = `${year}-12-31`;
  return today < end ? today : end;
}

function markerInput(d: PlanMarkerData, year: number): MarkerInput {
  const asOf = asOfFor(year);
  return {
    year,
    asOf,
    forums: d.forums,
    seats: d.seats,
    people: d.people,
    goals: d.goals,
    indicators: d.indicators,
    activities: d.activities.map((a) => {
      let last: string | null = null;
      for (const [y, date] of a.lastByYear)
        if (y <= year && date <= asOf && (!last || date > last)) last = date;
      return {
        id: a.id,
        status: a.status,
        goalIds: a.goalIds,
        frequency: a.frequency,
        periodStart: a.periodStart,
        periodEnd: a.periodEnd,
        lastRegistration: last,
      };
    }),
    focusAreaIds: d.focusAreaIds,
    agreement: d.agreement,
    responsible: d.responsible,
  };
}

function groupResults(
  q: QuestionnaireResult,
  invitations: Map<string, number> | undefined,
): SurveyGroupResult[] {
  return q.groups.map((g) => ({
    group: g.group,
    label: g.label,
    invitations: invitations?.get(g.group) ?? 0,
    answers: g.answers,
    shown: g.shown,
    means: g.means,
  }));
}

const NO_SURVEY = (key: string) => ({
  key,
  level: 'no_data' as Level,
  mean: null,
  answers: 0,
  groupsShown: 0,
  reasons: [
    {
      da: 'Der er ikke sendt et spørgeskema ud for perioden.',
      en: 'No questionnaire has been sent out for the period.',
    },
  ],
});

function levelsOf(d: PlanMarkerData, year: number, q: QuestionnaireResult | null): MarkerLevels[] {
  const ev = markerEvidence(markerInput(d, year));
  return ev.map((m, i) => ({
    key: m.key,
    evidence: m.level,
    questionnaire: q ? q.markers[i]!.level : 'no_data',
  }));
}

/** The plan's years from its start up to the current year (at most 15), oldest first. */
function historyYears(periodStart: string | null, periodEnd: string | null): number[] {
  if (!periodStart) return [];
  const first = Number(periodStart.slice(0, 4));
  const last = Math.min(periodEnd ? Number(periodEnd.slice(0, 4)) : currentYear(), currentYear());
  const years: number[] = [];
  for (let y = Math.max(first, last - MAX_HISTORY_YEARS + 1); y <= last; y++) years.push(y);
  return years;
}

/**
 * The five markers of a plan for a year: evidence from the data and the questionnaire results
 * side by side, with every earlier year's levels.
 * @throws plan_not_found (404)
 */
export async function planMarkers(db: Db, planId: string, period?: number): Promise<PlanMarkers> {
  const plan = await db
    .selectFrom('plans')
    .select(['id', 'periodStart', 'periodEnd'])
    .where('id', '=', planId)
    .executeTakeFirst();
  if (!plan) throw notFound('plan_not_found');
  const year = period ?? currentYear();
  const [data, surveys] = await Promise.all([findMarkerData(db, [planId]), findSurveys(db, [planId])]);
  const d = data.get(planId)!;
  // The latest survey of each year (surveys come newest first).
  const latest = new Map<string, SurveyRow>();
  for (const s of surveys) if (!latest.has(s.period)) latest.set(s.period, s);
  const ids = [...latest.values()].map((s) => s.id);
  const [answers, invitations] = await Promise.all([findAnswers(db, ids), countInvitations(db, ids)]);
  const resultOf = (y: number): QuestionnaireResult | null => {
    const s = latest.get(String(y));
    return s ? questionnaireResults(answers.get(s.id) ?? [], s.minAnswers) : null;
  };
  const evidence = markerEvidence(markerInput(d, year));
  const survey = latest.get(String(year)) ?? null;
  const q = resultOf(year);
  return {
    planId,
    period: String(year),
    asOf: asOfFor(year),
    markers: evidence.map((m, i) => ({
      key: m.key,
      number: m.number,
      label: m.label,
      evidence: { level: m.level, measures: m.measures, reasons: m.reasons },
      questionnaire: q ? q.markers[i]! : NO_SURVEY(m.key),
    })),
    survey: survey
      ? {
          id: survey.id,
          title: survey.title,
          status: survey.status,
          minAnswers: survey.minAnswers,
          isExample: survey.isExample,
        }
      : null,
    groups: q && survey ? groupResults(q, invitations.get(survey.id)) : [],
    history: historyYears(plan.periodStart, plan.periodEnd).map((y) => ({
      period: String(y),
      markers: levelsOf(d, y, resultOf(y)),
    })),
  };
}

/**
 * The markers' levels for every plan the caller sees in the portfolio, with counts per level.
 * @throws forbidden (403) for a caller without the portfolio; filter_value_unknown (400)
 */
export async function portfolioMarkers(
  db: Db,
  principal: Principal,
  q: PortfolioQuery,
): Promise<PortfolioMarkers> {
  const { period, ...filters } = q;
  const year = period ?? currentYear();
  const plans = await portfolioPlans(db, principal, filters);
  const ids = plans.map((p) => p.id);
  const [data, surveys] = await Promise.all([findMarkerData(db, ids), findSurveys(db, ids, String(year))]);
  const latest = new Map<string, SurveyRow>();
  for (const s of surveys) if (!latest.has(s.planId)) latest.set(s.planId, s);
  const answers = await findAnswers(
    db,
    [...latest.values()].map((s) => s.id),
  );
  const rows = plans
    .map((p) => {
      const s = latest.get(p.id);
      const result = s ? questionnaireResults(answers.get(s.id) ?? [], s.minAnswers) : null;
      return {
        planId: p.id,
        planName: p.name,
        municipalityName: p.municipalityName,
        isExample: p.isExample,
        hasSurvey: !!s,
        markers: levelsOf(data.get(p.id)!, year, result),
      };
    })
    .sort((a, b) => danishCollator.compare(a.planName, b.planName) || a.planId.localeCompare(b.planId));
  const zero = () => Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<Level, number>;
  const totals = MARKER_KEYS.map((key, i) => {
    const evidence = zero();
    const questionnaire = zero();
    for (const r of rows) {
      evidence[r.markers[i]!.evidence] += 1;
      questionnaire[r.markers[i]!.questionnaire] += 1;
    }
    return { key, label: MARKER_LABELS[key], evidence, questionnaire };
  });
  return { period: String(year), plans: rows, totals };
}

// ---------------------------------------------------------------------------------------------
// Surveys

async function presentSurveys(db: Executor, rows: SurveyRow[]): Promise<Survey[]> {
  const ids = rows.map((r) => r.id);
  const [answers, invitations] = await Promise.all([findAnswers(db, ids), countInvitations(db, ids)]);
  return rows.map((s) => {
    const list = answers.get(s.id) ?? [];
    const inv = invitations.get(s.id);
    return {
      id: s.id,
      planId: s.planId,
      period: s.period,
      title: s.title,
      minAnswers: s.minAnswers,
      status: s.status as 'open' | 'closed',
      isExample: s.isExample,
      invitations: [...(inv?.values() ?? [])].reduce((a, b) => a + b, 0),
      answers: list.length,
      groups: groupResults(questionnaireResults(list, s.minAnswers), inv),
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
      version: s.version,
    };
  });
}

export async function listSurveys(db: Db, planId: string): Promise<Survey[]> {
  return presentSurveys(db, await findSurveys(db, [planId]));
}

/** @throws survey_not_found (404) */
export async function getSurvey(db: Executor, planId: string, surveyId: string): Promise<Survey> {
  const row = await findSurvey(db, planId, surveyId);
  if (!row) throw notFound('survey_not_found');
  return (await presentSurveys(db, [row]))[0]!;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Makes the links; each token is returned this once, only its hash is stored. */
async function makeInvitations(
  trx: Executor,
  surveyId: string,
  counts: readonly { group: StakeholderGroup; count: number }[],
): Promise<InvitationLink[]> {
  const links: InvitationLink[] = [];
  const now = nowIso();
  const rows = [];
  for (const { group, count } of counts)
    for (let i = 0; i < count; i++) {
      const token = randomBytes(32).toString('base64url');
      links.push({ group, token, path: `/questionnaire/${token}` });
      rows.push({
        id: newId(),
        surveyId,
        stakeholderGroup: group,
        tokenHash: hashToken(token),
        isAnswered: 0,
        createdAt: now,
      });
    }
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto('markerSurveyInvitations')
      .values(rows.slice(i, i + 500))
      .execute();
  return links;
}

function duplicateGroups(counts: readonly { group: string }[]): void {
  const seen = new Set<string>();
  for (const [i, c] of counts.entries()) {
    if (seen.has(c.group))
      throw new AppError('validation_failed', 400, {}, [
        { path: `invitations.${i}.group`, code: 'survey_group_duplicate', params: { group: c.group } },
      ]);
    seen.add(c.group);
  }
}

/**
 * A new survey of the plan for a year, with invitation links per group (shown once).
 * @throws validation_failed (400) survey_group_duplicate
 */
export async function createSurvey(
  db: Db,
  ctx: RequestContext,
  planId: string,
  input: SurveyIn,
  opts: { isExample?: boolean } = {},
): Promise<SurveyWithLinks> {
  duplicateGroups(input.invitations);
  return db.transaction().execute(async (trx) => {
    const now = nowIso();
    const id = newId();
    await trx
      .insertInto('markerSurveys')
      .values({
        id,
        planId,
        period: String(input.period),
        title: input.title,
        minAnswers: input.minAnswers,
        status: 'open',
        isExample: opts.isExample ? 1 : 0,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    const links = await makeInvitations(trx, id, input.invitations);
    await recordAudit(trx, ctx, {
      action: 'survey_created',
      entityType: 'marker_survey',
      entityId: id,
      planId,
      after: {
        title: input.title,
        period: input.period,
        minAnswers: input.minAnswers,
        invitations: input.invitations,
      },
    });
    return { ...(await getSurvey(trx, planId, id)), links };
  });
}

/** @throws survey_not_found (404), stale_version (409) */
export async function updateSurvey(
  db: Db,
  ctx: RequestContext,
  planId: string,
  surveyId: string,
  input: SurveyUpd,
): Promise<Survey> {
  return db.transaction().execute(async (trx) => {
    const before = await findSurvey(trx, planId, surveyId);
    if (!before) throw notFound('survey_not_found');
    const res = await trx
      .updateTable('markerSurveys')
      .set({
        title: input.title,
        minAnswers: input.minAnswers,
        status: input.status,
        updatedAt: nowIso(),
        version: input.version + 1,
      })
      .where('id', '=', surveyId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw conflict('stale_version');
    await recordAudit(trx, ctx, {
      action: 'survey_updated',
      entityType: 'marker_survey',
      entityId: surveyId,
      planId,
      before: { title: before.title, minAnswers: before.minAnswers, status: before.status },
      after: { title: input.title, minAnswers: input.minAnswers, status: input.status },
    });
    return getSurvey(trx, planId, surveyId);
  });
}

/** Deletes the survey with its links and answers. @throws survey_not_found (404) */
export async function deleteSurvey(
  db: Db,
  ctx: RequestContext,
  planId: string,
  surveyId: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await findSurvey(trx, planId, surveyId);
    if (!before) throw notFound('survey_not_found');
    await trx.deleteFrom('markerSurveyAnswers').where('surveyId', '=', surveyId).execute();
    await trx.deleteFrom('markerSurveyInvitations').where('surveyId', '=', surveyId).execute();
    await trx.deleteFrom('markerSurveys').where('id', '=', surveyId).execute();
    await recordAudit(trx, ctx, {
      action: 'survey_deleted',
      entityType: 'marker_survey',
      entityId: surveyId,
      planId,
      before: { title: before.title, period: before.period },
    });
  });
}

/** More links for an existing survey. @throws survey_not_found (404), questionnaire_closed (409) */
export async function addInvitations(
  db: Db,
  ctx: RequestContext,
  planId: string,
  surveyId: string,
  counts: readonly { group: StakeholderGroup; count: number }[],
): Promise<{ links: InvitationLink[] }> {
  duplicateGroups(counts);
  return db.transaction().execute(async (trx) => {
    const survey = await findSurvey(trx, planId, surveyId);
    if (!survey) throw notFound('survey_not_found');
    if (survey.status === 'closed') throw conflict('questionnaire_closed');
    const links = await makeInvitations(trx, surveyId, counts);
    await recordAudit(trx, ctx, {
      action: 'survey_invitations_added',
      entityType: 'marker_survey',
      entityId: surveyId,
      planId,
      after: { invitations: counts },
    });
    return { links };
  });
}

// ---------------------------------------------------------------------------------------------
// The public questionnaire

async function throttle(db: Db, config: Config, ip: string): Promise<void> {
  const since = new Date(Date.now() - config.loginWindowMinutes * 60_000).toISOString();
  if ((await countTokenFailures(db, ip, since)) >= MAX_TOKEN_FAILURES)
    throw new AppError('rate_limited', 429);
}

async function invitationOrFail(db: Db, config: Config, token: string, ip: string) {
  await throttle(db, config, ip);
  const inv = await findInvitationByHash(db, hashToken(token));
  if (!inv) {
    const since = new Date(Date.now() - config.loginWindowMinutes * 60_000).toISOString();
    await db.deleteFrom('markerTokenFailures').where('at', '<', since).execute();
    await db.insertInto('markerTokenFailures').values({ id: newId(), ip, at: nowIso() }).execute();
    throw notFound('questionnaire_not_found');
  }
  return inv;
}

const SCALE = {
  min: 1 as const,
  max: 5 as const,
  minLabel: { da: 'Helt uenig', en: 'Strongly disagree' },
  maxLabel: { da: 'Helt enig', en: 'Strongly agree' },
};

/**
 * The questionnaire behind a link, in Danish and English.
 * @throws questionnaire_not_found (404), rate_limited (429)
 */
export async function getQuestionnaire(
  db: Db,
  config: Config,
  token: string,
  ip: string,
): Promise<Questionnaire> {
  const inv = await invitationOrFail(db, config, token, ip);
  const group = inv.stakeholderGroup as StakeholderGroup;
  const answered = inv.isAnswered === 1;
  const closed = inv.status === 'closed';
  return {
    planName: inv.planName,
    surveyTitle: inv.title,
    period: inv.period,
    group,
    groupLabel: STAKEHOLDER_GROUP_LABELS[group],
    canAnswer: !answered && !closed,
    answered,
    closed,
    scale: SCALE,
    statements: STATEMENTS.map((s) => ({ key: s.key, marker: s.marker, text: s.text })),
  };
}

/**
 * Stores one anonymous answer: the group and the scores, never the link or the caller. The link
 * is marked used by a conditional update in the same transaction, so it answers once.
 * @throws questionnaire_not_found (404), questionnaire_already_answered (409),
 *   questionnaire_closed (409), rate_limited (429)
 */
export async function answerQuestionnaire(
  db: Db,
  config: Config,
  token: string,
  scores: Record<string, number>,
  ip: string,
): Promise<void> {
  const inv = await invitationOrFail(db, config, token, ip);
  if (inv.isAnswered === 1) throw conflict('questionnaire_already_answered');
  if (inv.status === 'closed') throw conflict('questionnaire_closed');
  await db.transaction().execute(async (trx) => {
    const used = await trx
      .updateTable('markerSurveyInvitations')
      .set({ isAnswered: 1 })
      .where('id', '=', inv.id)
      .where('isAnswered', '=', 0)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) throw conflict('questionnaire_already_answered');
    const ordered = Object.fromEntries(STATEMENTS.map((s) => [s.key, scores[s.key]]));
    await trx
      .insertInto('markerSurveyAnswers')
      .values({
        // Random, not time-ordered: the id must not tell when the answer came.
        id: randomUUID(),
        surveyId: inv.surveyId,
        stakeholderGroup: inv.stakeholderGroup,
        scoresJson: JSON.stringify(ordered),
      })
      .execute();
    // No caller and no request id: the entry says a survey got an answer, not from whom.
    await recordAudit(trx, null, {
      action: 'questionnaire_answered',
      entityType: 'marker_survey',
      entityId: inv.surveyId,
      planId: inv.planId,
    });
  });
}
