import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanMarkers, PortfolioMarkers, Survey } from '@pejling/contracts';
import { seedDemo } from '../src/seed/demo.js';
import { createTestApp, type TestApp, type TestClient } from './test-app.js';

let t: TestApp;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.userClient({ isAdmin: true });
  await seedDemo(t.db);
});
afterAll(async () => t?.close());

describe('example questionnaires', () => {
  it('give three example plans a survey with enough answers in three groups and too few in one', async () => {
    const surveys = await t.db.selectFrom('markerSurveys').selectAll().execute();
    expect(surveys).toHaveLength(3);
    expect(surveys.every((s) => s.isExample === 1)).toBe(true);
    const s = surveys[0]!;
    const survey = (await admin.get(`/api/plans/${s.planId}/surveys/${s.id}`)).json() as Survey;
    expect(survey.isExample).toBe(true);
    expect(survey.groups.map((g) => [g.group, g.answers, g.shown])).toEqual([
      ['project_staff', 6, true],
      ['steering_group', 5, true],
      ['municipal_partners', 5, true],
      ['housing_organisation', 0, false],
      ['resident_board', 2, false],
    ]);
    const m = (await admin.get(`/api/plans/${s.planId}/markers?period=${s.period}`)).json() as PlanMarkers;
    expect(m.survey?.isExample).toBe(true);
    expect(m.markers.every((r) => r.questionnaire.level !== 'no_data')).toBe(true);
    expect(m.markers.every((r) => r.evidence.reasons.length > 0)).toBe(true);
    expect(m.markers[0]!.questionnaire.reasons[1]!.en).toBe(
      '1 group has too few answers and is not counted.',
    );
  });

  it('shows across the example plans for the fund', async () => {
    const s = await t.db.selectFrom('markerSurveys').select('period').executeTakeFirstOrThrow();
    const p = (
      await admin.get(`/api/portfolio/markers?period=${s.period}&example=yes`)
    ).json() as PortfolioMarkers;
    expect(p.plans.length).toBeGreaterThan(3);
    expect(p.plans.filter((r) => r.hasSurvey).length).toBeGreaterThanOrEqual(1);
  });

  it('seeds once', async () => {
    await seedDemo(t.db);
    expect(await t.db.selectFrom('markerSurveys').select('id').execute()).toHaveLength(3);
  });
});
