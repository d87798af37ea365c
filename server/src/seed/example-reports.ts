import type { Executor } from '../db/database.js';
import { newId, nowIso, toJson } from '../db/portable.js';
import { computeReportFigures } from '../features/reports/report.service.js';

/**
 * Invented status reports for four example plans with registrations (all example data): for each,
 * an approved and sent report for the plan's second year, with its figures frozen, and a draft
 * for the third year, so the Rapporter tab shows both ends of the flow.
 */
const DONE_KEY = 'example_reports_seeded_at';
const APPROVER = 'Eksempel: formand for styregruppen';
const WRITER = 'Eksempel: projektleder';

export async function seedExampleReports(trx: Executor): Promise<number> {
  const done = await trx.selectFrom('meta').select('value').where('key', '=', DONE_KEY).executeTakeFirst();
  if (done) return 0;
  const now = nowIso();
  const plans = await trx
    .selectFrom('plans')
    .select(['id', 'name', 'periodStart'])
    .where('isExample', '=', 1)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('registrations')
          .select('registrations.id')
          .whereRef('registrations.planId', '=', 'plans.id'),
      ),
    )
    .orderBy('name')
    .limit(4)
    .execute();
  for (const plan of plans) {
    if (!plan.periodStart) continue;
    const year = Number(plan.periodStart.slice(0, 4));
    const approvedPeriod = String(year + 1);
    const figures = await computeReportFigures(trx, plan.id, approvedPeriod);
    const at = (month: number, day: number) =>
      `${year + 2}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T10:00:00.000Z`;
    const history = [
      { status: 'draft', at: at(1, 10), byName: WRITER, note: null },
      { status: 'submitted', at: at(1, 20), byName: WRITER, note: null },
      { status: 'approved', at: at(2, 3), byName: APPROVER, note: null },
      { status: 'sent', at: at(2, 5), byName: WRITER, note: 'Styregruppen og Landsbyggefonden' },
    ];
    await trx
      .insertInto('statusReports')
      .values([
        {
          id: newId(),
          planId: plan.id,
          title: `Statusrapport ${approvedPeriod} (eksempel)`,
          period: approvedPeriod,
          audience: 'fund',
          status: 'sent',
          narrativeJson:
            toJson({
              summary:
                'Eksempeldata. Lektiecaféen og fællesspisningen kører som planlagt, med stabilt fremmøde.',
              progress:
                'Eksempeldata. Fremmødet ligger tæt på måltallet; flere unge er startet på en uddannelse end året før.',
              deviations:
                'Eksempeldata. Brobygningsforløbet holdt pause i foråret, fordi skolen skiftede kontaktperson.',
              nextSteps:
                'Eksempeldata. Genstart brobygningen efter sommerferien og følg op på fremmødet hvert kvartal.',
            }) ?? '{}',
          frozenFiguresJson: toJson({ ...figures, computedAt: at(2, 3) }),
          historyJson: toJson(history) ?? '[]',
          approvedAt: at(2, 3),
          approvedBy: null,
          approvedByName: APPROVER,
          sentAt: at(2, 5),
          sentTo: 'Styregruppen og Landsbyggefonden',
          createdAt: now,
          updatedAt: now,
          version: 4,
        },
        {
          id: newId(),
          planId: plan.id,
          title: `Statusrapport ${year + 2} (eksempel, kladde)`,
          period: String(year + 2),
          audience: 'steering_group',
          status: 'draft',
          narrativeJson:
            toJson({
              summary: 'Eksempeldata. Kladde: tallene følger planens data, indtil rapporten godkendes.',
            }) ?? '{}',
          frozenFiguresJson: null,
          historyJson: toJson([{ status: 'draft', at: now, byName: WRITER, note: null }]) ?? '[]',
          approvedAt: null,
          approvedBy: null,
          approvedByName: null,
          sentAt: null,
          sentTo: null,
          createdAt: now,
          updatedAt: now,
          version: 1,
        },
      ])
      .execute();
  }
  await trx.insertInto('meta').values({ key: DONE_KEY, value: now }).execute();
  return plans.length;
}
