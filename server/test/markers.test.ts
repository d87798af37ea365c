import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDetail, PlanMarkers, PortfolioMarkers, Survey, SurveyWithLinks } from '@pejling/contracts';
import { STATEMENTS } from '../src/domain/markers.js';
import { hashToken } from '../src/features/markers/markers.service.js';
import { buildPlan, buildUser } from './factories.js';
import { createTestApp, type TestApp, type TestClient } from './test-app.js';

/**
 * The implementation markers through the API on a built plan (period 2025, read as of
 * 2025-12-31 since the year has ended):
 *
 * - Marker 1: a steering group (strategic, decides, 4 meetings a year) with a mayor (political,
 *   municipality) and a housing director (top administration, housing organisation) → both
 *   measures strong → strong.
 * - Marker 2: one activity serving the result goal (1 of 1), both people with a title (2 of 2)
 *   → strong.
 * - Marker 3: the activity is running with monthly registrations, last on 2025-12-15, next due
 *   2026-01-15 → up to date (1 of 1); the result goal's indicator has a 2025 value (1 of 1) →
 *   strong.
 * - Marker 4: before the agreement, no responsible party for the 2 focus areas and the activity
 *   (0 of 3, weak) and no agreement (weak) → weak; with the agreement signed 2024-05-01 and one
 *   responsible party per row → strong.
 * - Marker 5: no data evidence; the questionnaire decides.
 */

let t: TestApp;
let admin: TestClient;
let editor: TestClient;
let viewer: TestClient;
let fund: TestClient;
let plan: PlanDetail;
let activityId: string;

async function ok<T>(res: Promise<LightMyRequestResponse>, status = 200): Promise<T> {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
}

const allScores = (v: number) => Object.fromEntries(STATEMENTS.map((s) => [s.key, v]));
const markers = (period = 2025) =>
  ok<PlanMarkers>(viewer.get(`/api/plans/${plan.id}/markers?period=${period}`));
const levels = (m: PlanMarkers, column: 'evidence' | 'questionnaire') =>
  m.markers.map((r) => `${r.number}:${r[column].level}`);

async function counts() {
  const [answers, answered] = await Promise.all([
    t.db
      .selectFrom('markerSurveyAnswers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    t.db
      .selectFrom('markerSurveyInvitations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('isAnswered', '=', 1)
      .executeTakeFirstOrThrow(),
  ]);
  return { answers: Number(answers.n), answered: Number(answered.n) };
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.userClient({ isAdmin: true });
  plan = await buildPlan(t.db, { name: 'Helhedsplan Pejlemærkeparken' });
  editor = await t.sessionClient(
    (await buildUser(t.db, { roles: [{ role: 'plan_editor', planId: plan.id }] })).id,
  );
  viewer = await t.sessionClient(
    (await buildUser(t.db, { roles: [{ role: 'plan_viewer', planId: plan.id }] })).id,
  );
  fund = await t.sessionClient((await buildUser(t.db, { roles: [{ role: 'fund' }] })).id);

  const org = `/api/plans/${plan.id}/organisation`;
  const forum = await ok<{ id: string }>(
    admin.post(`${org}/forums`, {
      kind: 'steeringGroup',
      name: 'Styregruppen',
      level: 'strategic',
      makesDecisions: true,
      reportsTo: null,
      meetingsPerYear: 4,
    }),
    201,
  );
  const mayor = await ok<{ id: string }>(
    admin.post(`${org}/people`, { name: 'Anna', title: 'Borgmester' }),
    201,
  );
  const director = await ok<{ id: string }>(
    admin.post(`${org}/people`, { name: 'Bo', title: 'Direktør' }),
    201,
  );
  await ok(
    admin.post(`${org}/memberships`, {
      forumId: forum.id,
      personId: mayor.id,
      role: 'chair',
      represents: 'political',
      side: 'municipality',
    }),
    201,
  );
  await ok(
    admin.post(`${org}/memberships`, {
      forumId: forum.id,
      personId: director.id,
      role: 'member',
      represents: 'topAdministration',
      side: 'housingOrganisation',
    }),
    201,
  );

  const goal = await ok<{ id: string }>(
    admin.post(`/api/plans/${plan.id}/goals`, {
      level: 'result',
      focusAreaId: plan.focusAreas[0]!.id,
      title: 'Flere unge i uddannelse',
    }),
    201,
  );
  const indicator = await ok<{ id: string }>(
    admin.post(`/api/plans/${plan.id}/indicators`, {
      goalId: goal.id,
      name: 'Unge i uddannelse',
      kind: 'count',
      direction: 'higher_is_better',
      dataSource: 'manual',
      combine: 'sum',
      targets: [{ period: '2025', value: 20 }],
    }),
    201,
  );
  await ok(
    admin.put(`/api/plans/${plan.id}/indicators/${indicator.id}/values`, {
      values: [{ period: '2025', state: 'value', value: 14 }],
    }),
  );
  activityId = (
    await ok<{ id: string }>(
      admin.post(`/api/plans/${plan.id}/activities`, {
        name: 'Lektiecafé',
        status: 'running',
        goalIds: [goal.id],
        periodStart: '2025-01-01',
        registrationFrequency: 'monthly',
      }),
      201,
    )
  ).id;
  await ok(
    admin.post(`/api/plans/${plan.id}/registrations`, { activityId, date: '2025-12-15', participants: 9 }),
    201,
  );
});

afterAll(async () => t?.close());

describe('evidence from the data', () => {
  it('reads the built plan as computed by hand', async () => {
    const m = await markers();
    expect(m.period).toBe('2025');
    expect(m.asOf).toBe('2025-12-31');
    expect(levels(m, 'evidence')).toEqual(['1:strong', '2:strong', '3:strong', '4:weak', '5:no_data']);
    const one = m.markers[3]!.evidence.measures[0]!;
    expect([one.key, one.numerator, one.denominator]).toEqual(['one_responsible_party', 0, 3]);
    expect(m.markers[3]!.evidence.measures[1]!.reasons[0]!.da).toBe('Planen har ingen samarbejdsaftale.');
    expect(m.markers[0]!.evidence.measures[0]!.reasons[0]!.en).toBe(
      '2 of 2 members of Styregruppen represent the political level or top administration, from both the municipality and the housing organisation.',
    );
    expect(m.survey).toBeNull();
    expect(m.markers[4]!.questionnaire.reasons[0]!.en).toBe(
      'No questionnaire has been sent out for the period.',
    );
    // The plan runs 2023-2026; history reaches this year (or the plan's end).
    expect(m.history.map((h) => h.period)[0]).toBe('2023');
  });

  it('a signed agreement with one responsible party per row makes marker 4 strong', async () => {
    const [fa0, fa1] = plan.focusAreas;
    await ok(
      admin.put(`/api/plans/${plan.id}/agreement`, {
        status: 'signed',
        signedOn: '2024-05-01',
        parties: [
          { ref: 'muni', name: 'Kommunen', kind: 'municipality', contactPerson: 'Chef' },
          { ref: 'org', name: 'Boligorganisationen', kind: 'housingOrganisation', contactPerson: 'Leder' },
        ],
        responsibilities: [
          { focusAreaId: fa0!.id, partyRef: 'muni', role: 'responsible' },
          { focusAreaId: fa1!.id, partyRef: 'org', role: 'responsible' },
        ],
        commitments: [],
        activityResponsibilities: [{ activityId, partyRef: 'org', role: 'responsible' }],
        version: 0,
      }),
    );
    const m = await markers();
    expect(levels(m, 'evidence')).toEqual(['1:strong', '2:strong', '3:strong', '4:strong', '5:no_data']);
    expect(m.history.find((h) => h.period === '2025')!.markers[3]!.evidence).toBe('strong');
    // The agreement was signed in 2024: in 2023 it was signed after the year → weak.
    const in2023 = await markers(2023);
    expect(in2023.markers[3]!.evidence.measures[1]!.level).toBe('weak');
  });

  it('is read only by those who read the plan, and validates the period', async () => {
    const stranger = await t.sessionClient((await buildUser(t.db, {})).id);
    expect((await stranger.get(`/api/plans/${plan.id}/markers?period=2025`)).statusCode).toBe(403);
    const bad = await viewer.get(`/api/plans/${plan.id}/markers?period=tjugo`);
    expect(bad.statusCode).toBe(400);
  });
});

describe('the questionnaire', () => {
  let survey: SurveyWithLinks;
  const staffLinks = () => survey.links.filter((l) => l.group === 'project_staff');
  const boardLinks = () => survey.links.filter((l) => l.group === 'resident_board');

  it('is created by an editor with links shown once, and only their hashes are stored', async () => {
    expect(
      (
        await viewer.post(`/api/plans/${plan.id}/surveys`, {
          title: 'Pejlemærker 2025',
          period: 2025,
          invitations: [],
        })
      ).statusCode,
    ).toBe(403);
    survey = await ok<SurveyWithLinks>(
      editor.post(`/api/plans/${plan.id}/surveys`, {
        title: 'Pejlemærker 2025',
        period: 2025,
        invitations: [
          { group: 'project_staff', count: 6 },
          { group: 'resident_board', count: 2 },
        ],
      }),
      201,
    );
    expect(survey.minAnswers).toBe(5);
    expect(survey.links).toHaveLength(8);
    expect(new Set(survey.links.map((l) => l.token)).size).toBe(8);
    const stored = await t.db.selectFrom('markerSurveyInvitations').selectAll().execute();
    expect(stored.map((r) => r.tokenHash).sort()).toEqual(survey.links.map((l) => hashToken(l.token)).sort());
    expect(JSON.stringify(stored)).not.toContain(survey.links[0]!.token);
    const again = await ok<Survey>(viewer.get(`/api/plans/${plan.id}/surveys/${survey.id}`));
    expect(JSON.stringify(again)).not.toContain(survey.links[0]!.token);
    expect(again.invitations).toBe(8);
  });

  it('refuses two rows for one group', async () => {
    const res = await editor.post(`/api/plans/${plan.id}/surveys`, {
      title: 'Dobbelt',
      period: 2025,
      invitations: [
        { group: 'project_staff', count: 1 },
        { group: 'project_staff', count: 2 },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].message).toBe(
      'Gruppen project_staff står flere gange. Angiv antallet af links for hver gruppe én gang.',
    );
  });

  it('shows the questionnaire behind a link without login, in both languages', async () => {
    const q = await ok<{
      statements: { key: string; text: { da: string; en: string } }[];
      group: string;
      canAnswer: boolean;
    }>(t.anonymous.get(`/api/questionnaire/${staffLinks()[0]!.token}`));
    expect(q.group).toBe('project_staff');
    expect(q.canAnswer).toBe(true);
    expect(q.statements).toHaveLength(10);
    expect(q.statements[2]!.text.en).toBe("I know the master plan's overall goals.");
  });

  it('shows too few answers below the minimum, and moves the marker from the fifth answer of a group', async () => {
    for (const link of staffLinks().slice(0, 4))
      await ok(t.anonymous.post(`/api/questionnaire/${link.token}`, { scores: allScores(5) }));
    let m = await markers();
    expect(levels(m, 'questionnaire')).toEqual([
      '1:no_data',
      '2:no_data',
      '3:no_data',
      '4:no_data',
      '5:no_data',
    ]);
    expect(m.markers[4]!.questionnaire.reasons[0]!.da).toBe(
      'For få besvarelser: ingen gruppe har mindst 5 besvarelser.',
    );
    expect(m.groups.find((g) => g.group === 'project_staff')).toMatchObject({
      answers: 4,
      shown: false,
      means: null,
    });

    // The fifth answer scores management 3 and everything else 5: management (4·5 + 3)/5 = 4.6.
    await ok(
      t.anonymous.post(`/api/questionnaire/${staffLinks()[4]!.token}`, {
        scores: { ...allScores(5), m1_priority: 3, m1_backing: 3 },
      }),
    );
    m = await markers();
    expect(levels(m, 'questionnaire')).toEqual(['1:strong', '2:strong', '3:strong', '4:strong', '5:strong']);
    expect(m.markers[0]!.questionnaire.mean).toBe(4.6);
    expect(m.markers[4]!.questionnaire.answers).toBe(5);
    expect(m.groups.find((g) => g.group === 'project_staff')).toMatchObject({
      answers: 5,
      shown: true,
      invitations: 6,
    });
  });

  it('keeps a small group out until the minimum is lowered', async () => {
    // A logged-in user answering the resident board's links stays anonymous too.
    for (const link of boardLinks())
      await ok(editor.post(`/api/questionnaire/${link.token}`, { scores: allScores(1) }));
    let m = await markers();
    const board = m.groups.find((g) => g.group === 'resident_board')!;
    expect([board.answers, board.shown, board.means]).toEqual([2, false, null]);
    expect(m.markers[4]!.questionnaire.mean).toBe(5);
    expect(m.markers[4]!.questionnaire.reasons[1]!.en).toBe(
      '1 group has too few answers and is not counted.',
    );

    const s = await ok<Survey>(viewer.get(`/api/plans/${plan.id}/surveys/${survey.id}`));
    await ok(
      editor.put(`/api/plans/${plan.id}/surveys/${survey.id}`, {
        title: s.title,
        minAnswers: 2,
        status: 'open',
        version: s.version,
      }),
    );
    m = await markers();
    // Practice: (5·5 + 2·1)/7 = 27/7 = 3.857… → 3.86, partial.
    expect(m.markers[4]!.questionnaire).toMatchObject({
      mean: 3.86,
      level: 'partial',
      answers: 7,
      groupsShown: 2,
    });
  });

  it('stores answers without who, when or which link', async () => {
    const rows = await t.db.selectFrom('markerSurveyAnswers').selectAll().execute();
    expect(rows).toHaveLength(7);
    for (const r of rows)
      expect(Object.keys(r).sort()).toEqual(['id', 'scoresJson', 'stakeholderGroup', 'surveyId']);
    const invitationIds = new Set(
      (await t.db.selectFrom('markerSurveyInvitations').select('id').execute()).map((r) => r.id),
    );
    expect(rows.some((r) => invitationIds.has(r.id))).toBe(false);
    // Random v4 ids, not time-ordered v7.
    expect(rows.every((r) => r.id[14] === '4')).toBe(true);
    const audit = await t.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'questionnaire_answered')
      .execute();
    expect(audit).toHaveLength(7);
    expect(audit.every((a) => a.userId === null && a.requestId === null && a.afterJson === null)).toBe(true);
  });

  it('refuses a score outside 1-5, a missing statement, a second answer and an unknown link, storing nothing', async () => {
    const before = await counts();
    const link = staffLinks()[5]!.token;

    const six = await t.anonymous.post(`/api/questionnaire/${link}`, {
      scores: { ...allScores(4), m2_goals: 6 },
    });
    expect(six.statusCode).toBe(400);
    expect(six.json().error.details).toEqual([{ path: 'scores.m2_goals', message: 'Må højst være 5.' }]);

    const zero = await t.anonymous.request({
      method: 'POST',
      url: `/api/questionnaire/${link}`,
      payload: { scores: { ...allScores(4), m5_fit: 0 } },
      headers: { 'accept-language': 'en' },
    });
    expect(zero.json().error.details).toEqual([{ path: 'scores.m5_fit', message: 'Must be at least 1.' }]);

    const { m3_follow_up: _left, ...missing } = allScores(4);
    const miss = await t.anonymous.post(`/api/questionnaire/${link}`, { scores: missing });
    expect(miss.statusCode).toBe(400);
    expect(miss.json().error.details[0].path).toBe('scores.m3_follow_up');

    const twice = await t.anonymous.post(`/api/questionnaire/${staffLinks()[0]!.token}`, {
      scores: allScores(4),
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({
      code: 'questionnaire_already_answered',
      message: 'Spørgeskemaet er allerede besvaret fra dette link. Hvert link kan kun bruges én gang.',
    });

    const unknown = await t.anonymous.post(`/api/questionnaire/${'x'.repeat(43)}`, { scores: allScores(4) });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe(
      'Linket til spørgeskemaet findes ikke. Tjek, at hele linket er kopieret med.',
    );
    expect((await t.anonymous.get(`/api/questionnaire/short`)).statusCode).toBe(400);

    expect(await counts()).toEqual(before);
    const q = await ok<{ canAnswer: boolean; answered: boolean }>(
      t.anonymous.get(`/api/questionnaire/${link}`),
    );
    expect(q.canAnswer).toBe(true);
    const used = await ok<{ canAnswer: boolean; answered: boolean }>(
      t.anonymous.get(`/api/questionnaire/${staffLinks()[0]!.token}`),
    );
    expect(used).toMatchObject({ canAnswer: false, answered: true });
  });

  it('refuses answers to a closed survey and new links for it', async () => {
    const s = await ok<Survey>(viewer.get(`/api/plans/${plan.id}/surveys/${survey.id}`));
    await ok(
      editor.put(`/api/plans/${plan.id}/surveys/${survey.id}`, {
        title: s.title,
        minAnswers: s.minAnswers,
        status: 'closed',
        version: s.version,
      }),
    );
    const before = await counts();
    const res = await t.anonymous.post(`/api/questionnaire/${staffLinks()[5]!.token}`, {
      scores: allScores(4),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('questionnaire_closed');
    expect(await counts()).toEqual(before);
    const more = await editor.post(`/api/plans/${plan.id}/surveys/${survey.id}/invitations`, {
      invitations: [{ group: 'steering_group', count: 1 }],
    });
    expect(more.statusCode).toBe(409);
  });

  it('throttles an address after too many unknown links', async () => {
    let last = 0;
    for (let i = 0; i < 21; i++)
      last = (await t.anonymous.get(`/api/questionnaire/${'y'.repeat(30)}${i}`)).statusCode;
    expect(last).toBe(429);
    // A known link from the same address is throttled too until the window passes.
    expect((await t.anonymous.get(`/api/questionnaire/${staffLinks()[5]!.token}`)).statusCode).toBe(429);
    await t.db.deleteFrom('markerTokenFailures').execute();
  });

  it('deletes a survey with its links and answers', async () => {
    const s = await ok<SurveyWithLinks>(
      editor.post(`/api/plans/${plan.id}/surveys`, {
        title: 'Prøve',
        period: 2024,
        invitations: [{ group: 'steering_group', count: 1 }],
      }),
      201,
    );
    await ok(t.anonymous.post(`/api/questionnaire/${s.links[0]!.token}`, { scores: allScores(3) }));
    await ok(editor.delete(`/api/plans/${plan.id}/surveys/${s.id}`));
    expect((await viewer.get(`/api/plans/${plan.id}/surveys/${s.id}`)).statusCode).toBe(404);
    expect((await t.anonymous.get(`/api/questionnaire/${s.links[0]!.token}`)).statusCode).toBe(404);
    const list = await ok<{ items: Survey[] }>(viewer.get(`/api/plans/${plan.id}/surveys`));
    expect(list.items.map((i) => i.id)).toEqual([survey.id]);
    await t.db.deleteFrom('markerTokenFailures').execute();
  });
});

describe('across plans', () => {
  it('gives the fund every plan’s levels with counts per level, and refuses a single plan’s editor', async () => {
    const p = await ok<PortfolioMarkers>(fund.get('/api/portfolio/markers?period=2025'));
    const row = p.plans.find((r) => r.planId === plan.id)!;
    expect(row.hasSurvey).toBe(true);
    // With the resident board's 1s counted (minimum 2), every questionnaire mean is below 4:
    // management (4·5 + 3 + 2·1)/7 = 3.57, the others (5·5 + 2·1)/7 = 3.86 → partial.
    expect(row.markers.map((x) => `${x.evidence}/${x.questionnaire}`)).toEqual([
      'strong/partial',
      'strong/partial',
      'strong/partial',
      'strong/partial',
      'no_data/partial',
    ]);
    const practice = p.totals.find((x) => x.key === 'practice')!;
    expect(practice.evidence.no_data).toBe(p.plans.length);
    expect(practice.questionnaire.partial).toBe(1);
    expect((await editor.get('/api/portfolio/markers')).statusCode).toBe(403);
  });
});
