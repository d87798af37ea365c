import type { Executor } from '../db/database.js';
import { newId, nowIso, toJson } from '../db/portable.js';
import { breakdownKey } from '../domain/indicators.js';

/**
 * Invented goals, indicators, values and activities for the example plans (all example data),
 * so every view of the results capability shows something. Most plans are coherent; every
 * fourth measures only its activity goals and has an activity serving no goal and an indicator
 * without a baseline, so the coherence flags show; the last plans are left without goals, so
 * the empty state shows.
 */
const DONE_KEY = 'example_results_seeded_at';

interface Template {
  impact: string;
  result: string;
  resultIndicator: {
    name: string;
    definition: string;
    baseline: number;
    targetStep: number;
    kind: 'percentage';
  };
  activityGoal: string;
  activityIndicator: { name: string; unit: string; target: number };
  activities: { name: string; targetGroup: string; partners: string; budgetKr: number }[];
}

const TEMPLATES: Record<string, Template> = {
  'Børn og unge': {
    impact: 'Børn og unge i området klarer sig lige så godt i skolen som andre i kommunen',
    result: 'Flere unge gennemfører en ungdomsuddannelse',
    resultIndicator: {
      name: 'Andel 20-24-årige med ungdomsuddannelse',
      definition: 'Unge 20-24 år med bopæl i området, der har gennemført en ungdomsuddannelse (registerdata)',
      baseline: 48,
      targetStep: 4,
      kind: 'percentage',
    },
    activityGoal: 'Lektiecafé to gange om ugen med mindst 30 faste deltagere',
    activityIndicator: { name: 'Antal lektiecaféforløb', unit: 'forløb', target: 40 },
    activities: [
      {
        name: 'Lektiecafé',
        targetGroup: 'Skolebørn 6-16 år',
        partners: 'Skolen, biblioteket',
        budgetKr: 450_000,
      },
      {
        name: 'Brobygning til ungdomsuddannelse',
        targetGroup: 'Unge 15-17 år',
        partners: 'UU-vejledningen',
        budgetKr: 320_000,
      },
    ],
  },
  'Beskæftigelse og uddannelse': {
    impact: 'Flere beboere er i job eller uddannelse',
    result: 'Flere ledige beboere kommer i job eller uddannelse',
    resultIndicator: {
      name: 'Andel ledige deltagere i job eller uddannelse efter seks måneder',
      definition:
        'Deltagere i jobindsatsen, der er i job eller uddannelse seks måneder efter forløbets start',
      baseline: 22,
      targetStep: 5,
      kind: 'percentage',
    },
    activityGoal: 'Jobcafé med individuelle forløb for 60 ledige om året',
    activityIndicator: { name: 'Antal jobcaféforløb', unit: 'forløb', target: 60 },
    activities: [
      { name: 'Jobcafé', targetGroup: 'Ledige beboere 18-64 år', partners: 'Jobcentret', budgetKr: 600_000 },
      {
        name: 'Fritidsjob til unge',
        targetGroup: 'Unge 13-17 år',
        partners: 'Lokale virksomheder',
        budgetKr: 250_000,
      },
    ],
  },
  'Beboernetværk og generelle beboeraktiviteter': {
    impact: 'Beboerne føler sig trygge og er en del af fællesskabet',
    result: 'Flere beboere deltager i beboerdemokratiet og fællesaktiviteter',
    resultIndicator: {
      name: 'Andel beboere, der har deltaget i en fællesaktivitet det seneste år',
      definition: 'Svar i den årlige beboerundersøgelse',
      baseline: 30,
      targetStep: 5,
      kind: 'percentage',
    },
    activityGoal: 'Ti fællesarrangementer om året',
    activityIndicator: { name: 'Antal fællesarrangementer', unit: 'arrangementer', target: 10 },
    activities: [
      {
        name: 'Fællesspisning i beboerhuset',
        targetGroup: 'Alle beboere',
        partners: 'Afdelingsbestyrelsen',
        budgetKr: 120_000,
      },
    ],
  },
  Sundhed: {
    impact: 'Beboerne har et bedre helbred',
    result: 'Flere beboere er fysisk aktive',
    resultIndicator: {
      name: 'Andel beboere, der motionerer mindst en gang om ugen',
      definition: 'Svar i den årlige beboerundersøgelse',
      baseline: 35,
      targetStep: 4,
      kind: 'percentage',
    },
    activityGoal: 'Motionshold tre gange om ugen',
    activityIndicator: { name: 'Antal holdgange', unit: 'holdgange', target: 120 },
    activities: [
      {
        name: 'Motion for kvinder',
        targetGroup: 'Kvinder over 30 år',
        partners: 'Sundhedscentret',
        budgetKr: 180_000,
      },
    ],
  },
  'Imagearbejde og kommunikation': {
    impact: 'Området har et bedre omdømme i kommunen',
    result: 'Flere positive historier om området i lokale medier',
    resultIndicator: {
      name: 'Andel positive omtaler i lokalavisen',
      definition: 'Artikler om området, der vurderes positive, ud af alle artikler om området',
      baseline: 25,
      targetStep: 8,
      kind: 'percentage',
    },
    activityGoal: 'Et beboerblad fire gange om året',
    activityIndicator: { name: 'Antal udgivne beboerblade', unit: 'numre', target: 4 },
    activities: [
      {
        name: 'Beboerbladet',
        targetGroup: 'Alle beboere',
        partners: 'Frivillige skribenter',
        budgetKr: 90_000,
      },
    ],
  },
  'Forsøg med udlejningsregler og anvisningsmodeller': {
    impact: 'En mere blandet beboersammensætning',
    result: 'Færre fraflytninger',
    resultIndicator: {
      name: 'Fraflytningsprocent',
      definition: 'Fraflytninger i året ud af antal lejemål',
      baseline: 14,
      targetStep: -1,
      kind: 'percentage',
    },
    activityGoal: 'Fleksibel udlejning af alle ledige lejemål',
    activityIndicator: { name: 'Antal lejemål udlejet efter fleksible regler', unit: 'lejemål', target: 50 },
    activities: [
      {
        name: 'Fleksibel udlejning',
        targetGroup: 'Boligsøgende i arbejde eller uddannelse',
        partners: 'Kommunens boliganvisning',
        budgetKr: 60_000,
      },
    ],
  },
};

/** An area-level indicator of each impact goal (register data, one target for the whole period). */
const IMPACT_INDICATORS: Record<
  string,
  { name: string; baseline: number; target: number; lowerIsBetter?: boolean }
> = {
  'Børn og unge': { name: 'Andel elever med mindst 02 i dansk og matematik', baseline: 78, target: 86 },
  'Beskæftigelse og uddannelse': {
    name: 'Andel 16-64-årige beboere i job eller uddannelse',
    baseline: 52,
    target: 58,
  },
  'Beboernetværk og generelle beboeraktiviteter': {
    name: 'Andel beboere, der føler sig trygge',
    baseline: 70,
    target: 80,
  },
  Sundhed: { name: 'Andel beboere, der vurderer deres helbred som godt', baseline: 61, target: 66 },
  'Imagearbejde og kommunikation': { name: 'Ventelistens længde', baseline: 120, target: 200 },
  'Forsøg med udlejningsregler og anvisningsmodeller': {
    name: 'Andel nye lejere i job eller uddannelse',
    baseline: 40,
    target: 55,
  },
};

const EMPTY_LAST = 3;

/** Adds the example results framework once; plans that already have goals are left as they are. */
export async function seedExampleResults(trx: Executor): Promise<number> {
  const done = await trx.selectFrom('meta').select('value').where('key', '=', DONE_KEY).executeTakeFirst();
  if (done) return 0;
  const now = nowIso();
  const plans = await trx
    .selectFrom('plans')
    .select(['id', 'name', 'periodStart', 'periodEnd'])
    .where('isExample', '=', 1)
    .orderBy('name')
    .execute();
  let count = 0;
  for (const [i, plan] of plans.slice(0, Math.max(0, plans.length - EMPTY_LAST)).entries()) {
    if (await trx.selectFrom('goals').select('id').where('planId', '=', plan.id).executeTakeFirst()) continue;
    const focus = await trx
      .selectFrom('planFocusAreas as pf')
      .innerJoin('focusAreas as f', 'f.id', 'pf.focusAreaId')
      .select(['f.id', 'f.nameDa', 'f.sortOrder'])
      .where('pf.planId', '=', plan.id)
      .orderBy('f.sortOrder')
      .execute();
    const startYear = Number((plan.periodStart ?? '2009-01-01').slice(0, 4));
    const endYear = Number((plan.periodEnd ?? '2012-12-31').slice(0, 4));
    const gappy = i % 4 === 3;
    let sort = 0;

    for (const [k, fa] of focus.entries()) {
      const tpl = TEMPLATES[fa.nameDa];
      if (!tpl) continue;
      const goal = async (level: string, title: string, parentId: string | null) => {
        const id = newId();
        await trx
          .insertInto('goals')
          .values({
            id,
            planId: plan.id,
            level,
            focusAreaId: fa.id,
            parentId,
            title,
            description: 'Eksempeldata.',
            sortOrder: ++sort,
            createdAt: now,
            updatedAt: now,
            version: 1,
          })
          .execute();
        return id;
      };
      const impactId = await goal('impact', tpl.impact, null);
      const ii = IMPACT_INDICATORS[fa.nameDa];
      if (ii) {
        const impactIndicatorId = newId();
        await trx
          .insertInto('indicators')
          .values({
            id: impactIndicatorId,
            planId: plan.id,
            goalId: impactId,
            name: ii.name,
            definition: 'Eksempeldata. Opgøres for hele boligområdet.',
            unit: fa.nameDa === 'Imagearbejde og kommunikation' ? 'personer' : '%',
            kind: fa.nameDa === 'Imagearbejde og kommunikation' ? 'count' : 'percentage',
            direction: 'higher_is_better',
            dataSource: 'register',
            combineRule: 'latest',
            breakdownsJson: '[]',
            baselineValue: ii.baseline,
            baselineDate: `${startYear - 1}-12-31`,
            baselineSource: 'Eksempeldata',
            definitionVersion: 1,
            sortOrder: sort,
            createdAt: now,
            updatedAt: now,
            version: 1,
          })
          .execute();
        await trx
          .insertInto('indicatorTargets')
          .values({
            id: newId(),
            indicatorId: impactIndicatorId,
            period: 'whole',
            breakdownKey: '',
            breakdownJson: null,
            value: ii.target,
          })
          .execute();
      }
      const resultId = await goal('result', tpl.result, impactId);
      const activityGoalId = await goal('activity', tpl.activityGoal, resultId);

      // The result indicator: yearly, from register data or a survey, with a target per year.
      const ri = tpl.resultIndicator;
      const resultIndicatorId = newId();
      const years = Array.from({ length: endYear - startYear + 1 }, (_, y) => startYear + y);
      await trx
        .insertInto('indicators')
        .values({
          id: resultIndicatorId,
          planId: plan.id,
          goalId: resultId,
          name: ri.name,
          definition: ri.definition,
          unit: '%',
          kind: ri.kind,
          direction: ri.targetStep < 0 ? 'lower_is_better' : 'higher_is_better',
          dataSource: ri.definition.includes('beboerundersøgelse') ? 'questionnaire' : 'register',
          combineRule: 'non_cumulative',
          breakdownsJson: toJson([{ key: 'gender', label: 'Køn', categories: ['kvinde', 'mand'] }]) ?? '[]',
          baselineValue: gappy && k === 0 ? null : ri.baseline,
          baselineDate: gappy && k === 0 ? null : `${startYear - 1}-12-31`,
          baselineSource: gappy && k === 0 ? null : 'Eksempeldata',
          definitionVersion: 1,
          sortOrder: sort,
          createdAt: now,
          updatedAt: now,
          version: 1,
        })
        .execute();
      await trx
        .insertInto('indicatorTargets')
        .values(
          years.map((y, n) => ({
            id: newId(),
            indicatorId: resultIndicatorId,
            period: String(y),
            breakdownKey: '',
            breakdownJson: null,
            value: Math.max(0, ri.baseline + ri.targetStep * (n + 1)),
          })),
        )
        .execute();
      if (!gappy) {
        // Measured in the first years: on track, behind, ahead and a suppressed year in turn.
        const measured = years.slice(0, Math.min(3, years.length));
        const rows = measured.map((y, n) => {
          const target = ri.baseline + ri.targetStep * (n + 1);
          const denominator = 200 + 10 * i;
          const factor = [1.02, 0.7, 1.3][(n + i) % 3]!;
          const suppressed = n === 2 && i % 3 === 0;
          return {
            id: newId(),
            indicatorId: resultIndicatorId,
            definitionVersion: 1,
            period: String(y),
            breakdownKey: '',
            breakdownJson: null as string | null,
            state: suppressed ? 'suppressed' : 'value',
            value: null,
            numerator: suppressed
              ? null
              : Math.min(denominator, Math.round((target * factor * denominator) / 100)),
            denominator: suppressed ? null : denominator,
            sum: null,
            count: null,
            source: 'manual',
            note: 'Eksempeldata',
            createdAt: now,
            updatedAt: now,
            version: 1,
          };
        });
        // The first year also by gender: the two categories add up to the total.
        const first = rows[0];
        if (first && first.state === 'value') {
          const womenDen = Math.round(first.denominator! * 0.52);
          const womenNum = Math.min(womenDen, Math.round(first.numerator! * 0.55));
          const parts = [
            { gender: 'kvinde', numerator: womenNum, denominator: womenDen },
            {
              gender: 'mand',
              numerator: first.numerator! - womenNum,
              denominator: first.denominator! - womenDen,
            },
          ];
          for (const part of parts)
            rows.push({
              ...first,
              id: newId(),
              breakdownKey: breakdownKey({ gender: part.gender }),
              breakdownJson: toJson({ gender: part.gender }),
              numerator: Math.min(part.numerator, part.denominator),
              denominator: part.denominator,
            });
        }
        if (rows.length) await trx.insertInto('indicatorValues').values(rows).execute();
      }

      // The activity indicator: counted per quarter, summed to years.
      const ai = tpl.activityIndicator;
      const activityIndicatorId = newId();
      await trx
        .insertInto('indicators')
        .values({
          id: activityIndicatorId,
          planId: plan.id,
          goalId: activityGoalId,
          name: ai.name,
          definition: null,
          unit: ai.unit,
          kind: 'count',
          direction: 'higher_is_better',
          dataSource: 'manual',
          combineRule: 'sum',
          breakdownsJson: '[]',
          baselineValue: 0,
          baselineDate: `${startYear - 1}-12-31`,
          baselineSource: 'Eksempeldata',
          definitionVersion: 1,
          sortOrder: ++sort,
          createdAt: now,
          updatedAt: now,
          version: 1,
        })
        .execute();
      await trx
        .insertInto('indicatorTargets')
        .values(
          years.map((y) => ({
            id: newId(),
            indicatorId: activityIndicatorId,
            period: String(y),
            breakdownKey: '',
            breakdownJson: null,
            value: ai.target,
          })),
        )
        .execute();
      const quarters = [1, 2, 3, 4].map((q) => `${startYear}-Q${q}`);
      await trx
        .insertInto('indicatorValues')
        .values(
          quarters.map((period, q) => ({
            id: newId(),
            indicatorId: activityIndicatorId,
            definitionVersion: 1,
            period,
            breakdownKey: '',
            breakdownJson: null,
            // The third quarter of every other plan is missing: the year shows as partial.
            state: q === 2 && i % 2 === 1 ? 'missing' : 'value',
            value: q === 2 && i % 2 === 1 ? null : Math.round((ai.target / 4) * (0.8 + ((q + i) % 3) * 0.15)),
            numerator: null,
            denominator: null,
            sum: null,
            count: null,
            source: 'manual',
            note: 'Eksempeldata',
            createdAt: now,
            updatedAt: now,
            version: 1,
          })),
        )
        .execute();

      for (const [n, a] of tpl.activities.entries()) {
        const activityId = newId();
        await trx
          .insertInto('activities')
          .values({
            id: activityId,
            planId: plan.id,
            name: a.name,
            description: 'Eksempeldata.',
            focusAreaId: fa.id,
            ownerOrganisation: n === 0 ? 'Boligorganisationen' : 'Kommunen',
            responsiblePerson: n === 0 ? 'Projektleder' : 'Projektmedarbejder',
            partners: a.partners,
            targetGroup: a.targetGroup,
            periodStart: plan.periodStart,
            periodEnd: plan.periodEnd,
            status: ['running', 'ended', 'paused', 'planned'][(n + i) % 4]!,
            budgetOre: a.budgetKr * 100,
            milestonesJson:
              toJson([
                { title: 'Opstart', date: plan.periodStart, done: true },
                { title: 'Midtvejsstatus', date: `${startYear + 1}-06-30`, done: n === 0 },
              ]) ?? '[]',
            registrationFrequency: n === 0 ? 'monthly' : 'quarterly',
            createdAt: now,
            updatedAt: now,
            version: 1,
          })
          .execute();
        // In a gappy plan the second activity of the first focus area serves no goal.
        const goals = gappy && k === 0 && n === 1 ? [] : n === 0 ? [activityGoalId, resultId] : [resultId];
        if (goals.length)
          await trx
            .insertInto('activityGoals')
            .values(goals.map((goalId) => ({ activityId, goalId })))
            .execute();
      }
      // A gappy plan also has a result goal that nothing serves and nothing measures.
      if (gappy && k === 0) await goal('result', 'Flere forældre deltager i skolens arrangementer', impactId);
    }
    count += 1;
  }
  await trx.insertInto('meta').values({ key: DONE_KEY, value: now }).execute();
  return count;
}
