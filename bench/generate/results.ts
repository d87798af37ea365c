import { recomputeRegistrationValues } from '../../server/src/features/results/registrations.service.js';
import type { Column } from './bulk.js';
import type { GeneratorModule } from './context.js';
import type { Rng } from './prng.js';

/**
 * The results framework of every plan: goals (impact, result, activity) with indicators and
 * yearly targets, activities serving the goals, pseudonymous participants with enrolments and
 * outcome events, registrations, and indicator values entered by hand. Five indicators of each
 * plan are computed from its registrations (participants by gender, sessions, hours, enrolled,
 * participants who got a job); their values are written by the product's own
 * `recomputeRegistrationValues`, in the same transaction as the plan's registrations, so they
 * are exactly what the product would show.
 *
 * Each plan's data comes from its own sequence (`results-<n>`) and is written in its own
 * transaction before the next plan is built, so memory stays bounded at any size. Registrations,
 * enrolments and values lie between the plan's start and DATA_END; plans that start later get
 * goals and activities only, and the totals of the scale are spread over the others.
 */
export const DATA_END = '2025-12-31';

const DAY = 86_400_000;
const dayOf = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
const isoCache = new Map<number, string>();
const isoOf = (day: number) => {
  let s = isoCache.get(day);
  if (!s) isoCache.set(day, (s = new Date(day * DAY).toISOString().slice(0, 10)));
  return s;
};

const GENDERS = ['Kvinde', 'Mand'];
const AGE_BANDS = ['0-17', '18-29', '30+'];
const OUTCOMES = ['started_education', 'completed_education', 'got_job', 'got_leisure_job', 'left_programme'];
const ACTIVITY_NAMES = [
  'Lektiecafé',
  'Jobcafé',
  'Fritidsjob-formidling',
  'Forældrenetværk',
  'Sprogcafé',
  'Klubaften',
  'Sundhedsforløb',
  'Beboerrådgivning',
  'Mentorforløb',
  'Uddannelsesvejledning',
];
const CODE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

const GOALS: Column[] = [
  ['id', 'text'],
  ['plan_id', 'text'],
  ['level', 'text'],
  ['focus_area_id', 'text'],
  ['parent_id', 'text'],
  ['title', 'text'],
  ['description', 'text'],
  ['sort_order', 'int'],
  ['created_at', 'text'],
  ['updated_at', 'text'],
  ['version', 'int'],
];
const INDICATORS: Column[] = [
  ['id', 'text'],
  ['plan_id', 'text'],
  ['goal_id', 'text'],
  ['name', 'text'],
  ['definition', 'text'],
  ['unit', 'text'],
  ['kind', 'text'],
  ['direction', 'text'],
  ['data_source', 'text'],
  ['combine_rule', 'text'],
  ['breakdowns_json', 'text'],
  ['baseline_value', 'float8'],
  ['baseline_date', 'text'],
  ['baseline_source', 'text'],
  ['registration_measure', 'text'],
  ['outcome_kind', 'text'],
  ['definition_version', 'int'],
  ['sort_order', 'int'],
  ['created_at', 'text'],
  ['updated_at', 'text'],
  ['version', 'int'],
];
const TARGETS: Column[] = [
  ['id', 'text'],
  ['indicator_id', 'text'],
  ['period', 'text'],
  ['breakdown_key', 'text'],
  ['breakdown_json', 'text'],
  ['value', 'float8'],
];
const ACTIVITIES: Column[] = [
  ['id', 'text'],
  ['plan_id', 'text'],
  ['name', 'text'],
  ['description', 'text'],
  ['focus_area_id', 'text'],
  ['owner_organisation', 'text'],
  ['responsible_person', 'text'],
  ['partners', 'text'],
  ['target_group', 'text'],
  ['period_start', 'text'],
  ['period_end', 'text'],
  ['status', 'text'],
  ['budget_ore', 'bigint'],
  ['milestones_json', 'text'],
  ['registration_frequency', 'text'],
  ['created_at', 'text'],
  ['updated_at', 'text'],
  ['version', 'int'],
];
const ACTIVITY_GOALS: Column[] = [
  ['activity_id', 'text'],
  ['goal_id', 'text'],
];
const PARTICIPANTS: Column[] = [
  ['id', 'text'],
  ['plan_id', 'text'],
  ['code', 'text'],
  ['birth_year', 'int'],
  ['gender', 'text'],
  ['postcode', 'text'],
  ['created_at', 'text'],
  ['updated_at', 'text'],
  ['version', 'int'],
];
const ENROLMENTS: Column[] = [
  ['id', 'text'],
  ['participant_id', 'text'],
  ['activity_id', 'text'],
  ['started_on', 'text'],
  ['ended_on', 'text'],
];
const OUTCOME_EVENTS: Column[] = [
  ['id', 'text'],
  ['participant_id', 'text'],
  ['kind', 'text'],
  ['date', 'text'],
  ['activity_id', 'text'],
  ['note', 'text'],
];
const REGISTRATIONS: Column[] = [
  ['id', 'text'],
  ['plan_id', 'text'],
  ['activity_id', 'text'],
  ['date', 'text'],
  ['participants', 'int'],
  ['counts_json', 'text'],
  ['hours', 'float8'],
  ['note', 'text'],
  ['source', 'text'],
  ['import_key', 'text'],
  ['created_at', 'text'],
  ['updated_at', 'text'],
  ['version', 'int'],
];
const VALUES: Column[] = [
  ['id', 'text'],
  ['indicator_id', 'text'],
  ['definition_version', 'int'],
  ['period', 'text'],
  ['breakdown_key', 'text'],
  ['breakdown_json', 'text'],
  ['state', 'text'],
  ['value', 'float8'],
  ['numerator', 'float8'],
  ['denominator', 'float8'],
  ['sum', 'float8'],
  ['count', 'float8'],
  ['source', 'text'],
  ['note', 'text'],
  ['created_at', 'text'],
  ['updated_at', 'text'],
  ['version', 'int'],
];

/** `n` spread over `parts` as evenly as whole numbers allow (the first ones get the remainder). */
const share = (n: number, parts: number, i: number) => Math.floor(n / parts) + (i < n % parts ? 1 : 0);

/** The calendar quarters from one date to another, as period keys (`2024-Q3`). */
function quarters(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let q = Math.floor((Number(from.slice(5, 7)) - 1) / 3) + 1;
  const endKey = Number(to.slice(0, 4)) * 4 + Math.floor((Number(to.slice(5, 7)) - 1) / 3);
  while (y * 4 + q - 1 <= endKey) {
    out.push(`${y}-Q${q}`);
    if (++q > 4) [q, y] = [1, y + 1];
  }
  return out;
}

interface PlanPlan {
  activities: number;
  participants: number;
  registrations: number;
  values: number;
}

export const resultsGenerator: GeneratorModule = {
  name: 'results',
  ownTransactions: true,
  async run(ctx) {
    const { scale, now, out, bulk } = ctx;
    const base = [now, now, 1] as const;
    const withData = out.plans.filter((p) => p.periodStart <= DATA_END);
    const counts = new Map<string, PlanPlan>();
    out.plans.forEach((p, i) =>
      counts.set(p.id, {
        activities: share(scale.activities, out.plans.length, i),
        participants: 0,
        registrations: 0,
        values: 0,
      }),
    );
    withData.forEach((p, i) => {
      const c = counts.get(p.id)!;
      c.participants = share(scale.participants, withData.length, i);
      c.registrations = share(scale.registrations, withData.length, i);
      c.values = share(scale.indicatorValues, withData.length, i);
    });
    const started = performance.now();

    for (const [planIndex, plan] of out.plans.entries()) {
      const rng: Rng = ctx.rng.fork(`results-${planIndex}`);
      const c = counts.get(plan.id)!;
      const dataEnd = plan.periodEnd < DATA_END ? plan.periodEnd : DATA_END;
      const hasData = plan.periodStart <= DATA_END;
      const focus = plan.focusAreaIds;

      // Goals: a fifth impact, a third result (under an impact goal), the rest activity goals
      // (under a result goal).
      const goalCount = 3 + Math.floor(c.activities / 10);
      const impacts = Math.max(1, Math.round(goalCount / 5));
      const results = Math.max(1, Math.round(goalCount / 3));
      const goals: { id: string; level: string }[] = [];
      const goalRows: unknown[][] = [];
      for (let g = 0; g < goalCount; g++) {
        const level = g < impacts ? 'impact' : g < impacts + results ? 'result' : 'activity';
        const parents = goals.filter((x) => x.level === (level === 'result' ? 'impact' : 'result'));
        const id = rng.id();
        goals.push({ id, level });
        goalRows.push([
          id,
          plan.id,
          level,
          rng.pick(focus),
          level === 'impact' ? null : rng.pick(parents).id,
          `${level === 'impact' ? 'Effektmål' : level === 'result' ? 'Resultatmål' : 'Aktivitetsmål'} ${g + 1}`,
          null,
          g,
          ...base,
        ]);
      }
      const firstResult = goals.find((x) => x.level === 'result')!;

      // Indicators: five computed from registrations on the first result goal, and two per goal
      // entered by hand (or from a questionnaire or register data), with yearly targets.
      const years: string[] = [];
      for (let y = Number(plan.periodStart.slice(0, 4)); y <= Number(plan.periodEnd.slice(0, 4)); y++)
        years.push(String(y));
      const indicatorRows: unknown[][] = [];
      const targetRows: unknown[][] = [];
      const manual: { id: string; kind: string }[] = [];
      const indicator = (
        goalId: string,
        name: string,
        kind: string,
        source: string,
        measure: string | null,
        outcomeKind: string | null,
        breakdowns: { key: string; label: string; categories: string[] }[],
        target: number,
      ) => {
        const id = rng.id();
        indicatorRows.push([
          id,
          plan.id,
          goalId,
          name,
          null,
          kind === 'percentage' ? '%' : null,
          kind,
          'higher_is_better',
          source,
          kind === 'count' ? 'sum' : 'non_cumulative',
          JSON.stringify(breakdowns),
          kind === 'percentage' ? rng.int(10, 40) : rng.int(0, 50),
          plan.periodStart,
          'Syntetisk udgangspunkt',
          measure,
          outcomeKind,
          1,
          indicatorRows.length,
          ...base,
        ]);
        for (const y of years) targetRows.push([rng.id(), id, y, '', null, target]);
        return id;
      };
      const gender = [{ key: 'gender', label: 'Køn', categories: GENDERS }];
      indicator(firstResult.id, 'Deltagere', 'count', 'registrations', 'participants', null, gender, 2000);
      indicator(firstResult.id, 'Gange', 'count', 'registrations', 'sessions', null, [], 200);
      indicator(firstResult.id, 'Timer', 'count', 'registrations', 'hours', null, [], 500);
      indicator(firstResult.id, 'Tilmeldte', 'count', 'registrations', 'enrolled', null, [], 300);
      indicator(firstResult.id, 'I job', 'count', 'registrations', 'outcome', 'got_job', [], 40);
      for (const [g, goal] of goals.entries())
        for (let k = 0; k < 2; k++) {
          const kind = (['count', 'percentage', 'average'] as const)[(g + k) % 3]!;
          const breakdowns = [
            { key: 'gender', label: 'Køn', categories: GENDERS },
            { key: 'age', label: 'Alder', categories: AGE_BANDS },
          ];
          const id = indicator(
            goal.id,
            `Indikator ${g + 1}.${k + 1}`,
            kind,
            rng.pick(['manual', 'questionnaire', 'register']),
            null,
            null,
            breakdowns,
            kind === 'percentage' ? 60 : 100,
          );
          manual.push({ id, kind });
        }

      // Activities over part of the plan's period, each serving one or two goals below impact.
      const planStart = dayOf(plan.periodStart);
      const planEnd = dayOf(plan.periodEnd);
      const servable = goals.filter((x) => x.level !== 'impact');
      const activities: { id: string; start: number; end: number }[] = [];
      const activityRows: unknown[][] = [];
      const linkRows: unknown[][] = [];
      for (let a = 0; a < c.activities; a++) {
        const id = rng.id();
        const start = planStart + rng.int(0, Math.floor((planEnd - planStart) / 3));
        const end = Math.max(start + 90, planEnd - rng.int(0, 180));
        activities.push({ id, start, end });
        activityRows.push([
          id,
          plan.id,
          `${ACTIVITY_NAMES[a % ACTIVITY_NAMES.length]} ${a + 1}`,
          null,
          rng.pick(focus),
          'Boligorganisationen',
          null,
          null,
          null,
          isoOf(start),
          isoOf(end),
          end < dayOf(DATA_END) ? 'ended' : 'running',
          rng.int(1, 50) * 10_000_000,
          '[]',
          'monthly',
          ...base,
        ]);
        const served = rng.sample(servable, rng.int(1, 2));
        if (a === 0 && !served.includes(firstResult)) served.push(firstResult);
        for (const goal of served) linkRows.push([id, goal.id]);
      }

      await ctx.db.transaction().execute(async (trx) => {
        await bulk.insert(trx, 'goals', GOALS, goalRows);
        await bulk.insert(trx, 'indicators', INDICATORS, indicatorRows);
        await bulk.insert(trx, 'indicator_targets', TARGETS, targetRows);
        await bulk.insert(trx, 'activities', ACTIVITIES, activityRows);
        await bulk.insert(trx, 'activity_goals', ACTIVITY_GOALS, linkRows);
        if (!hasData || !activities.length) return;
        const lastDay = dayOf(dataEnd);
        const inPast = activities.filter((a) => a.start <= lastDay);
        if (!inPast.length) return;

        // Participants with a pseudonymous code, one or two enrolments, and for some an outcome.
        const participantRows: unknown[][] = [];
        const enrolmentRows: unknown[][] = [];
        const outcomeRows: unknown[][] = [];
        const prefix = Array.from({ length: 3 }, () => rng.pick([...CODE_CHARS])).join('');
        for (let p = 0; p < c.participants; p++) {
          const id = rng.id();
          const tail = Array.from({ length: 4 }, () => CODE_CHARS[rng.int(0, CODE_CHARS.length - 1)]).join(
            '',
          );
          participantRows.push([
            id,
            plan.id,
            `${prefix}-${p.toString(36).toUpperCase().padStart(4, '0')}-${tail}`,
            rng.chance(0.9) ? rng.int(1950, 2015) : null,
            rng.chance(0.9) ? (rng.chance(0.02) ? 'other' : rng.pick(['female', 'male'])) : null,
            rng.chance(0.8) ? String(rng.int(1000, 9990)) : null,
            ...base,
          ]);
          const enrolledIn = rng.sample(inPast, rng.chance(0.3) ? 2 : 1);
          for (const a of enrolledIn) {
            const startDay = rng.int(a.start, Math.min(a.end, lastDay));
            const endDay = rng.chance(0.5) ? Math.min(startDay + rng.int(30, 365), a.end) : null;
            enrolmentRows.push([rng.id(), id, a.id, isoOf(startDay), endDay === null ? null : isoOf(endDay)]);
            if (rng.chance(0.3)) {
              const at = Math.min(startDay + rng.int(10, 400), lastDay);
              outcomeRows.push([rng.id(), id, rng.pick(OUTCOMES), isoOf(at), a.id, null]);
            }
          }
        }
        // An outcome is unique per participant, kind and date.
        const seen = new Set<string>();
        const outcomes = outcomeRows.filter((r) => {
          const k = `${r[1] as string}|${r[2] as string}|${r[3] as string}`;
          return seen.has(k) ? false : (seen.add(k), true);
        });
        await bulk.insert(trx, 'participants', PARTICIPANTS, participantRows);
        await bulk.insert(trx, 'enrolments', ENROLMENTS, enrolmentRows);
        await bulk.insert(trx, 'outcome_events', OUTCOME_EVENTS, outcomes);

        // Registrations: sessions of the activities, in chunks so memory stays bounded.
        for (let done = 0; done < c.registrations;) {
          const n = Math.min(20_000, c.registrations - done);
          const rows: unknown[][] = [];
          for (let r = 0; r < n; r++) {
            const a = inPast[rng.int(0, inPast.length - 1)]!;
            const participants = rng.int(1, 30);
            const women = rng.int(0, participants);
            rows.push([
              rng.id(),
              plan.id,
              a.id,
              isoOf(rng.int(a.start, Math.min(a.end, lastDay))),
              participants,
              `{"gender":{"Kvinde":${women},"Mand":${participants - women}}}`,
              rng.int(1, 16) / 4,
              null,
              'manual',
              null,
              ...base,
            ]);
          }
          await bulk.insert(trx, 'registrations', REGISTRATIONS, rows);
          done += n;
        }

        // Values entered by hand: per quarter, in total and by each breakdown category; a few
        // missing or suppressed.
        const periods = quarters(plan.periodStart, dataEnd);
        const selections: (Record<string, string> | null)[] = [
          null,
          ...GENDERS.map((g) => ({ gender: g })),
          ...AGE_BANDS.map((a) => ({ age: a })),
        ];
        const valueRows: unknown[][] = [];
        outer: for (const ind of manual)
          for (const period of periods)
            for (const sel of selections) {
              if (valueRows.length >= c.values) break outer;
              const state = rng.chance(0.03) ? 'missing' : rng.chance(0.02) ? 'suppressed' : 'value';
              let value: number | null = null;
              let numerator: number | null = null;
              let denominator: number | null = null;
              let sum: number | null = null;
              let count: number | null = null;
              if (state === 'value') {
                if (ind.kind === 'percentage') {
                  denominator = rng.int(10, 200);
                  numerator = rng.int(0, denominator);
                  value = Math.round((numerator / denominator) * 1000) / 10;
                } else if (ind.kind === 'average') {
                  count = rng.int(5, 100);
                  sum = count * rng.int(1, 20);
                  value = sum / count;
                } else value = rng.int(0, 150);
              }
              const key = sel ? JSON.stringify(Object.entries(sel)) : '';
              valueRows.push([
                rng.id(),
                ind.id,
                1,
                period,
                key,
                sel ? JSON.stringify(sel) : null,
                state,
                value,
                numerator,
                denominator,
                sum,
                count,
                rng.chance(0.3) ? 'import' : 'manual',
                null,
                ...base,
              ]);
            }
        await bulk.insert(trx, 'indicator_values', VALUES, valueRows);

        // The computed values, by the product's own recomputation.
        await recomputeRegistrationValues(trx, plan.id);
      });
      if ((planIndex + 1) % 25 === 0 || planIndex === out.plans.length - 1)
        ctx.progress(
          `results: ${planIndex + 1}/${out.plans.length} plans, ${out.rows['registrations'] ?? 0} registrations, ${((performance.now() - started) / 1000).toFixed(0)} s`,
        );
    }
    // Computed values are counted apart from those entered by hand.
    const computed = await ctx.db
      .selectFrom('indicatorValues')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('source', '=', 'registrations')
      .executeTakeFirstOrThrow();
    out.rows['indicatorValuesComputed'] = Number(computed.n);
  },
};
