import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Executor } from '../db/database.js';
import { newId, nowIso } from '../db/portable.js';
import { MARKER_KEYS, STATEMENTS, type StakeholderGroup } from '../domain/markers.js';
import { todayInDenmark } from '../domain/periods.js';

const DONE_KEY = 'example_markers_seeded_at';

/** Answers per group: enough in three groups, too few (2 of the minimum 5) among the resident board. */
const ANSWERS: [StakeholderGroup, number][] = [
  ['project_staff', 6],
  ['steering_group', 5],
  ['municipal_partners', 5],
  ['resident_board', 2],
];
/** Links per group beyond those answered (not yet used). */
const UNUSED = 2;

/** Each example plan's invented mean level per marker (1-5), so that the plans differ. */
const PROFILES: number[][] = [
  [4, 4, 3, 4, 4],
  [3, 4, 2, 3, 4],
  [5, 3, 3, 2, 3],
];

/**
 * Gives the first three example plans (by name) an example questionnaire for the last year of
 * their period, with invented answers: enough in three stakeholder groups and too few in the
 * resident board, so the markers page shows both. The links' tokens are thrown away (only
 * hashes are stored): the example links cannot be opened; new ones can be made on the plan.
 * @returns how many plans got a questionnaire
 */
export async function seedExampleMarkers(trx: Executor): Promise<number> {
  const done = await trx.selectFrom('meta').select('value').where('key', '=', DONE_KEY).executeTakeFirst();
  if (done) return 0;
  const plans = await trx
    .selectFrom('plans')
    .select(['id', 'name', 'periodStart', 'periodEnd'])
    .where('isExample', '=', 1)
    .orderBy('name')
    .orderBy('id')
    .limit(PROFILES.length)
    .execute();
  const now = nowIso();
  const thisYear = Number(todayInDenmark().slice(0, 4));
  let count = 0;
  for (const [i, plan] of plans.entries()) {
    const year = Math.min(plan.periodEnd ? Number(plan.periodEnd.slice(0, 4)) : thisYear, thisYear);
    const surveyId = newId();
    await trx
      .insertInto('markerSurveys')
      .values({
        id: surveyId,
        planId: plan.id,
        period: String(year),
        title: `Pejlemærker ${year} (eksempel)`,
        minAnswers: 5,
        status: 'closed',
        isExample: 1,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    const profile = PROFILES[i]!;
    for (const [group, answered] of ANSWERS) {
      for (let n = 0; n < answered + UNUSED; n++) {
        const token = randomBytes(32).toString('base64url');
        await trx
          .insertInto('markerSurveyInvitations')
          .values({
            id: newId(),
            surveyId,
            stakeholderGroup: group,
            tokenHash: createHash('sha256').update(token).digest('hex'),
            isAnswered: n < answered ? 1 : 0,
            createdAt: now,
          })
          .execute();
      }
      for (let n = 0; n < answered; n++) {
        // Spread of -1, 0 or +1 around the plan's level, fixed by plan, answer and statement.
        const scores = Object.fromEntries(
          STATEMENTS.map((s, k) => {
            const base = profile[MARKER_KEYS.indexOf(s.marker)]!;
            const spread = ((i * 7 + n * 3 + k) % 3) - 1;
            return [s.key, Math.min(5, Math.max(1, base + spread))];
          }),
        );
        await trx
          .insertInto('markerSurveyAnswers')
          .values({ id: randomUUID(), surveyId, stakeholderGroup: group, scoresJson: JSON.stringify(scores) })
          .execute();
      }
    }
    count++;
  }
  await trx.insertInto('meta').values({ key: DONE_KEY, value: now }).execute();
  return count;
}
