import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodingOut, SourceSummary, SpeakerList, StudyCaseOut, StudyCodeOut } from '@pejling/contracts';
import { buildUser } from './factories.js';
import { createTestApp, type TestApp, type TestClient } from './test-app.js';

/**
 * A transcript's speakers linked to participants (respondent group and case), and their turns
 * auto-coded to their case and group, through the API on the database under test.
 */

let t: TestApp;
let eva: TestClient;
let outsider: TestClient;
let base: string;
let caseA: StudyCaseOut;
let caseB: StudyCaseOut;
let source: SourceSummary;

const TEXT = [
  'Interviewer: Hvordan går det?',
  'Projektleder A: Styregruppen mødes hver måned.',
  'Beboer B: Vi bliver sjældent spurgt.',
  'Interviewer: Hvorfor?',
  'Beboer B: Det ved jeg ikke.',
  'Fortsat svar.',
  '',
].join('\n');

async function ok<T>(res: Promise<LightMyRequestResponse>, status = 200): Promise<T> {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
}

beforeAll(async () => {
  t = await createTestApp();
  const client = async (opts: Parameters<typeof buildUser>[1]) =>
    t.sessionClient((await buildUser(t.db, opts)).id);
  eva = await client({ name: 'Eva Evaluator', roles: [{ role: 'evaluator' }] });
  outsider = await client({ name: 'Ude', roles: [{ role: 'evaluator' }] });
  const study = await ok<{ id: string }>(
    eva.post('/api/evaluation/studies', { name: 'Talere', seedCodebook: false }),
    201,
  );
  base = `/api/evaluation/studies/${study.id}`;
  caseA = await ok<StudyCaseOut>(eva.post(`${base}/cases`, { name: 'Plan A' }), 201);
  caseB = await ok<StudyCaseOut>(eva.post(`${base}/cases`, { name: 'Plan B' }), 201);
  source = await ok<SourceSummary>(
    eva.post(`${base}/sources`, {
      caseId: caseA.id,
      filename: 'fokusgruppe.txt',
      contentBase64: Buffer.from(TEXT).toString('base64'),
    }),
    201,
  );
});
afterAll(async () => t?.close());

describe('speakers linked to participants', () => {
  it('lists the speakers with their turns, audited', async () => {
    const r = await ok<SpeakerList>(eva.get(`${base}/sources/${source.id}/speakers?purpose=review`));
    expect(r.items).toEqual([
      { speaker: 'Interviewer', turns: 2, respondentGroup: null, caseId: null },
      { speaker: 'Projektleder A', turns: 1, respondentGroup: null, caseId: null },
      { speaker: 'Beboer B', turns: 2, respondentGroup: null, caseId: null },
    ]);
    const audit = await t.db
      .selectFrom('auditLog')
      .selectAll()
      .where('entityType', '=', 'evaluation_source')
      .where('action', '=', 'read')
      .execute();
    expect(audit.some((a) => a.afterJson?.includes('review'))).toBe(true);
  });

  it('links speakers and codes their turns to their case and group, once', async () => {
    const body = {
      links: [
        { speaker: 'Projektleder A', respondentGroup: 'project_leader', caseId: caseA.id },
        { speaker: 'Beboer B', respondentGroup: 'resident_board', caseId: caseB.id },
      ],
      autoCode: true,
    };
    const r = await ok<SpeakerList>(eva.put(`${base}/sources/${source.id}/speakers`, body));
    // Projektleder A: 1 turn × (case + group); Beboer B: 2 turns × (case + group).
    expect(r.codingsAdded).toBe(6);
    expect(r.items.find((i) => i.speaker === 'Beboer B')).toMatchObject({
      respondentGroup: 'resident_board',
      caseId: caseB.id,
    });
    const codes = (await ok<{ items: StudyCodeOut[] }>(eva.get(`${base}/codes`))).items;
    const caseCode = codes.find((c) => c.role === `case:${caseB.id}`)!;
    expect(caseCode.name).toBe('Plan B');
    expect(codes.find((c) => c.id === caseCode.parentId)).toMatchObject({ name: 'Cases', codable: false });
    expect(codes.find((c) => c.role === 'respondent_group:resident_board')?.name).toBe('Afdelingsbestyrelse');
    const codings = (
      await ok<{ items: CodingOut[] }>(eva.get(`${base}/codings?codeId=${caseCode.id}&purpose=analysis`))
    ).items;
    expect(codings.map((c) => c.text).sort()).toEqual([
      'Det ved jeg ikke.\nFortsat svar.',
      'Vi bliver sjældent spurgt.',
    ]);

    const again = await ok<SpeakerList>(eva.put(`${base}/sources/${source.id}/speakers`, body));
    expect(again.codingsAdded).toBe(0);
  });

  it('refuses a speaker not in the source or a case of another study, storing nothing', async () => {
    const before = await t.db.selectFrom('evaluationSpeakerLinks').selectAll().execute();
    const r = await eva.put(`${base}/sources/${source.id}/speakers`, {
      links: [{ speaker: 'Anne Hansen', respondentGroup: 'other' }],
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details[0]).toMatchObject({ path: 'links.0.speaker' });
    expect(r.json().error.details[0].message).toContain('Taleren findes ikke i kilden');
    const r2 = await eva.put(`${base}/sources/${source.id}/speakers`, {
      links: [{ speaker: 'Beboer B', caseId: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(r2.statusCode).toBe(400);
    expect(await t.db.selectFrom('evaluationSpeakerLinks').selectAll().execute()).toEqual(before);
  });

  it('is for the team only', async () => {
    expect((await outsider.get(`${base}/sources/${source.id}/speakers`)).statusCode).toBe(403);
    expect((await outsider.put(`${base}/sources/${source.id}/speakers`, { links: [] })).statusCode).toBe(403);
  });
});
