import type { Executor } from '../db/database.js';
import { newId, nowIso } from '../db/portable.js';
import { todayInDenmark } from '../domain/periods.js';

/**
 * Invented portfolio data for the example plans (all example data, flagged as such):
 * - the fund's shared indicators, one for each result and activity indicator the example plans
 *   have in common, with those plans' indicators linked to them;
 * - for each example area secretariat, a shared goal with a shared indicator that its plans'
 *   attendance counts (computed from registrations) link to; a plan without any stays unlinked,
 *   as the roll-up shows;
 * - each example plan's expenditure per year up to last year, a share of its grant.
 */
const DONE_KEY = 'example_portfolio_seeded_at';

export async function seedExamplePortfolio(trx: Executor): Promise<number> {
  const done = await trx.selectFrom('meta').select('value').where('key', '=', DONE_KEY).executeTakeFirst();
  if (done) return 0;
  const now = nowIso();
  const indicators = await trx
    .selectFrom('indicators as i')
    .innerJoin('plans as p', 'p.id', 'i.planId')
    .select([
      'i.id',
      'i.name',
      'i.kind',
      'i.direction',
      'i.combineRule',
      'i.unit',
      'i.definition',
      'i.dataSource',
      'i.planId',
    ])
    .where('p.isExample', '=', 1)
    .where('i.sharedIndicatorId', 'is', null)
    .orderBy('i.name')
    .execute();

  // The fund's shared indicators: the indicators several example plans share by name.
  const byName = new Map<string, typeof indicators>();
  for (const i of indicators) {
    if (i.dataSource === 'registrations') continue;
    byName.set(`${i.name} ${i.kind}`, [...(byName.get(`${i.name} ${i.kind}`) ?? []), i]);
  }
  let made = 0;
  for (const group of byName.values()) {
    if (new Set(group.map((g) => g.planId)).size < 2) continue;
    const first = group[0]!;
    const id = newId();
    await trx
      .insertInto('sharedIndicators')
      .values({
        id,
        areaSecretariatId: null,
        sharedGoalId: null,
        name: first.name,
        definition: first.definition,
        unit: first.unit,
        kind: first.kind,
        direction: first.direction,
        combineRule: first.combineRule,
        isExample: 1,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    await trx
      .updateTable('indicators')
      .set({ sharedIndicatorId: id })
      .where(
        'id',
        'in',
        group.map((g) => g.id),
      )
      .execute();
    made++;
  }

  // Shared goals of the example secretariats, over their plans' attendance counts.
  const secretariats = await trx
    .selectFrom('areaSecretariats as s')
    .innerJoin('plans as p', 'p.areaSecretariatId', 's.id')
    .select(['s.id', 's.name', 'p.id as planId'])
    .where('p.isExample', '=', 1)
    .orderBy('s.name')
    .execute();
  const plansOf = new Map<string, string[]>();
  for (const s of secretariats) plansOf.set(s.id, [...(plansOf.get(s.id) ?? []), s.planId]);
  for (const [secretariatId, planIds] of plansOf) {
    const goalId = newId();
    await trx
      .insertInto('sharedGoals')
      .values({
        id: goalId,
        areaSecretariatId: secretariatId,
        title: 'Flere beboere deltager i de boligsociale aktiviteter',
        description:
          'Fælles mål for områdesekretariatets helhedsplaner: fremmødet i planernes faste aktiviteter skal stige år for år.',
        sortOrder: 1,
        isExample: 1,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    const sharedId = newId();
    await trx
      .insertInto('sharedIndicators')
      .values({
        id: sharedId,
        areaSecretariatId: secretariatId,
        sharedGoalId: goalId,
        name: 'Fremmøde i planernes faste aktiviteter',
        definition:
          'Deltagere registreret i de aktiviteter, der tjener planernes aktivitetsmål, lagt sammen.',
        unit: 'deltagere',
        kind: 'count',
        direction: 'higher_is_better',
        combineRule: 'sum',
        isExample: 1,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    const attendance = indicators.filter(
      (i) => planIds.includes(i.planId) && i.dataSource === 'registrations' && i.kind === 'count',
    );
    if (attendance.length)
      await trx
        .updateTable('indicators')
        .set({ sharedIndicatorId: sharedId })
        .where(
          'id',
          'in',
          attendance.map((a) => a.id),
        )
        .execute();
    made++;
  }

  // Expenditure: each year of the grants up to last year, a deterministic share of the grant.
  const lastYear = Number(todayInDenmark().slice(0, 4)) - 1;
  const grants = await trx
    .selectFrom('grants as g')
    .innerJoin('plans as p', 'p.id', 'g.planId')
    .select((eb) => [
      'g.planId',
      eb.fn.min('g.startDate').as('start'),
      eb.fn.max('g.endDate').as('end'),
      eb.fn.sum<number>('g.amountOre').as('total'),
    ])
    .where('p.isExample', '=', 1)
    .groupBy('g.planId')
    .orderBy('g.planId')
    .execute();
  for (const [i, g] of grants.entries()) {
    const start = Number(String(g.start).slice(0, 4));
    const end = Number(String(g.end).slice(0, 4));
    const years = end - start + 1;
    const rows = [];
    for (let y = start; y <= Math.min(end, lastYear); y++) {
      // Slow in the first year, faster later; every third plan spends behind its time.
      const pace = (i % 3 === 0 ? 0.75 : 1) * (y === start ? 0.6 : 1.05);
      rows.push({
        planId: g.planId,
        year: y,
        amountOre: Math.round((Number(g.total) / years) * pace),
        note: y === start ? 'Opstart: ansættelser og lokaler' : null,
        updatedAt: now,
      });
    }
    if (rows.length) await trx.insertInto('planExpenditures').values(rows).execute();
  }
  await trx.insertInto('meta').values({ key: DONE_KEY, value: now }).execute();
  return made;
}
