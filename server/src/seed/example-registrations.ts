import type { Executor } from '../db/database.js';
import { newId, nowIso, toJson } from '../db/portable.js';
import { todayInDenmark } from '../domain/periods.js';
import { recomputeRegistrationValues } from '../features/results/registrations.service.js';

/**
 * Invented registrations and pseudonymous participants for the example plans that have a
 * results framework (all example data). In each focus area the activity serving the activity
 * goal registers monthly, with participants counted by gender, and feeds a new indicator
 * computed from the registrations; in the first focus area, participants enrolled in that
 * activity feed a result indicator: the share who started an education. Every fourth plan stops
 * registering a year before its activities end, so the overdue flag shows.
 */
const DONE_KEY = 'example_registrations_seeded_at';

/** A small deterministic generator, so every demo database gets the same example data. */
function generator(seed: number) {
  let s = seed >>> 0 || 1;
  return (min: number, max: number) => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return min + (s % (max - min + 1));
  };
}

const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function monthsBetween(start: string, end: string): [number, number][] {
  const out: [number, number][] = [];
  let y = Number(start.slice(0, 4));
  let m = Number(start.slice(5, 7));
  const ey = Number(end.slice(0, 4));
  const em = Number(end.slice(5, 7));
  while (y < ey || (y === ey && m <= em)) {
    out.push([y, m]);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

export async function seedExampleRegistrations(trx: Executor): Promise<number> {
  const done = await trx.selectFrom('meta').select('value').where('key', '=', DONE_KEY).executeTakeFirst();
  if (done) return 0;
  const now = nowIso();
  const today = todayInDenmark();
  const plans = await trx
    .selectFrom('plans')
    .select(['id', 'name', 'periodStart', 'periodEnd'])
    .where('isExample', '=', 1)
    .orderBy('name')
    .execute();
  let seeded = 0;
  for (const [i, plan] of plans.entries()) {
    const goals = await trx
      .selectFrom('goals')
      .select(['id', 'level', 'focusAreaId', 'parentId', 'sortOrder'])
      .where('planId', '=', plan.id)
      .orderBy('sortOrder')
      .execute();
    if (goals.length === 0) continue;
    const existing = await trx
      .selectFrom('registrations')
      .select('id')
      .where('planId', '=', plan.id)
      .executeTakeFirst();
    if (existing) continue;
    const links = await trx
      .selectFrom('activityGoals')
      .innerJoin('activities', 'activities.id', 'activityGoals.activityId')
      .select([
        'activities.id',
        'activities.name',
        'activities.status',
        'activities.periodStart',
        'activities.periodEnd',
        'activityGoals.goalId',
      ])
      .where('activities.planId', '=', plan.id)
      .execute();
    const random = generator(i + 7);
    const gappy = i % 4 === 3;
    const maxSort = goals.reduce((m, g) => Math.max(m, g.sortOrder), 0);
    let sort = maxSort;
    const focusAreas = [...new Set(goals.map((g) => g.focusAreaId))].slice(0, 2);
    for (const [k, focusAreaId] of focusAreas.entries()) {
      const activityGoal = goals.find((g) => g.focusAreaId === focusAreaId && g.level === 'activity');
      const resultGoal = goals.find((g) => g.focusAreaId === focusAreaId && g.level === 'result');
      const main = links.find((l) => l.goalId === activityGoal?.id);
      if (!activityGoal || !resultGoal || !main || !main.periodStart || !main.periodEnd) continue;
      if (main.status === 'planned') continue;
      const start = main.periodStart;
      const lastDay = main.periodEnd < today ? main.periodEnd : today;
      const startYear = Number(start.slice(0, 4));
      const endYear = Number(main.periodEnd.slice(0, 4));

      // Attendance, computed from the registrations, with a yearly target.
      const attendanceId = newId();
      await trx
        .insertInto('indicators')
        .values({
          id: attendanceId,
          planId: plan.id,
          goalId: activityGoal.id,
          name: `Fremmøde i ${main.name.toLowerCase()}`,
          definition: 'Eksempeldata. Summen af deltagere over aktivitetens registreringer.',
          unit: 'deltagere',
          kind: 'count',
          direction: 'higher_is_better',
          dataSource: 'registrations',
          registrationMeasure: 'participants',
          combineRule: 'sum',
          breakdownsJson: toJson([{ key: 'gender', label: 'Køn', categories: ['Kvinde', 'Mand'] }]) ?? '[]',
          baselineValue: 0,
          baselineDate: start,
          baselineSource: 'Eksempeldata: aktiviteten var ny',
          definitionVersion: 1,
          sortOrder: ++sort,
          createdAt: now,
          updatedAt: now,
          version: 1,
        })
        .execute();
      const yearly = 150 + random(0, 6) * 10;
      await trx
        .insertInto('indicatorTargets')
        .values(
          Array.from({ length: endYear - startYear + 1 }, (_, y) => ({
            id: newId(),
            indicatorId: attendanceId,
            period: String(startYear + y),
            breakdownKey: '',
            breakdownJson: null,
            value: yearly,
          })),
        )
        .execute();

      // Monthly registrations; a gappy plan stops a year before the activity ends.
      const stop = gappy ? iso(endYear - 1, 6, 30) : lastDay;
      const rows = monthsBetween(start, stop).flatMap(([y, m]) => {
        const date = iso(y, m, Math.min(random(3, 26), 28));
        if (date < start || date > stop) return [];
        const participants = random(6, 22);
        const women = random(0, participants);
        return [
          {
            id: newId(),
            planId: plan.id,
            activityId: main.id,
            date,
            participants,
            countsJson: toJson({ gender: { Kvinde: women, Mand: participants - women } }) ?? '{}',
            hours: random(3, 8) / 2,
            note: 'Eksempeldata',
            source: 'manual',
            importKey: null,
            createdAt: now,
            updatedAt: now,
            version: 1,
          },
        ];
      });
      for (let r = 0; r < rows.length; r += 200)
        await trx
          .insertInto('registrations')
          .values(rows.slice(r, r + 200))
          .execute();

      if (k !== 0) continue;
      // Participants of the first focus area's activity, and the share who started an education.
      const educationId = newId();
      await trx
        .insertInto('indicators')
        .values({
          id: educationId,
          planId: plan.id,
          goalId: resultGoal.id,
          name: `Andel af deltagerne i ${main.name.toLowerCase()}, der er startet på en uddannelse`,
          definition:
            'Eksempeldata. Af de tilmeldte i perioden: andelen med udfaldet "påbegyndt uddannelse".',
          unit: '%',
          kind: 'percentage',
          direction: 'higher_is_better',
          dataSource: 'registrations',
          registrationMeasure: 'outcome',
          outcomeKind: 'started_education',
          combineRule: 'non_cumulative',
          breakdownsJson: '[]',
          baselineValue: 10,
          baselineDate: start,
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
          Array.from({ length: endYear - startYear + 1 }, (_, y) => ({
            id: newId(),
            indicatorId: educationId,
            period: String(startYear + y),
            breakdownKey: '',
            breakdownJson: null,
            value: 20 + y * 5,
          })),
        )
        .execute();
      const span = monthsBetween(start, stop);
      for (let n = 1; n <= 24; n++) {
        const participantId = newId();
        const [y, m] = span[random(0, Math.max(0, span.length - 1))]!;
        const startedOn = iso(y, m, 1);
        const gender = random(0, 1) === 0 ? 'female' : 'male';
        await trx
          .insertInto('participants')
          .values({
            id: participantId,
            planId: plan.id,
            code: `EKS-${String(i + 1).padStart(2, '0')}-${String(n).padStart(3, '0')}`,
            birthYear: Number(startedOn.slice(0, 4)) - random(14, 19),
            gender,
            postcode: null,
            createdAt: now,
            updatedAt: now,
            version: 1,
          })
          .execute();
        const months = random(6, 18);
        const endIndex = span.findIndex(([yy, mm]) => yy === y && mm === m) + months;
        const ended = span[endIndex];
        await trx
          .insertInto('enrolments')
          .values({
            id: newId(),
            participantId,
            activityId: main.id,
            startedOn,
            endedOn: ended ? iso(ended[0], ended[1], 28) : null,
          })
          .execute();
        if (random(0, 99) < 35 && ended) {
          await trx
            .insertInto('outcomeEvents')
            .values({
              id: newId(),
              participantId,
              kind: 'started_education',
              date: iso(ended[0], ended[1], 15),
              activityId: main.id,
              note: 'Eksempeldata',
            })
            .execute();
        }
      }
    }
    await recomputeRegistrationValues(trx, plan.id);
    seeded += 1;
  }
  await trx.insertInto('meta').values({ key: DONE_KEY, value: now }).execute();
  return seeded;
}
