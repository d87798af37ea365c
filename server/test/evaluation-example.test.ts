import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import type { CaseCandidates, SourceDetail, SourceSummary, StudySummary } from '@pejling/contracts';
import { seedDemo } from '../src/seed/demo.js';
import { joinExampleStudies } from '../src/seed/example-evaluation.js';
import { buildUser } from './factories.js';
import { createTestApp, type TestApp, type TestClient } from './test-app.js';

/**
 * The example study loaded with the demo data, and what a team needs to choose its cases and
 * members: the case matrix of every plan and the users who may be on a team.
 */

let t: TestApp;
let admin: TestClient;
let evaluator: TestClient;
let fund: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  const client = async (opts: Parameters<typeof buildUser>[1]) =>
    t.sessionClient((await buildUser(t.db, opts)).id);
  admin = await client({ name: 'Demo-administrator', isAdmin: true });
  evaluator = await client({ name: 'Eva Evaluator', roles: [{ role: 'evaluator' }] });
  fund = await client({ name: 'Fonden', roles: [{ role: 'fund' }, { role: 'evaluator' }] });
  await seedDemo(t.db);
  await joinExampleStudies(t.db, admin.userId!);
});
afterAll(async () => t?.close());

const schema = {
  fileName: 'Project.xsd',
  contents: readFileSync(new URL('../src/evaluation/schemas/Project.xsd', import.meta.url), 'utf8'),
};

async function exampleStudy() {
  const list = (await admin.get('/api/evaluation/studies')).json() as { items: StudySummary[] };
  const s = list.items.find((x) => x.isExample);
  expect(s).toBeDefined();
  return s!;
}

describe('example study', () => {
  it('is loaded over three example plans with transcripts, the seeded codebook and codings', async () => {
    const s = await exampleStudy();
    expect(s).toMatchObject({ isMember: true, caseCount: 3, sourceCount: 4 });
    const cases = (await admin.get(`/api/evaluation/studies/${s.id}/cases`)).json() as {
      items: { planId: string | null }[];
    };
    const plans = await t.db.selectFrom('plans').select(['id', 'isExample']).execute();
    expect(cases.items.every((c) => plans.find((p) => p.id === c.planId)?.isExample === 1)).toBe(true);
    const codes = (await admin.get(`/api/evaluation/studies/${s.id}/codes`)).json() as {
      items: { role: string | null; codingCount: number }[];
    };
    expect(codes.items.filter((c) => c.role?.startsWith('theme:'))).toHaveLength(5);
    expect(codes.items.filter((c) => c.role?.startsWith('marker:'))).toHaveLength(5);
    expect(codes.items.some((c) => c.role === 'driver' && c.codingCount > 0)).toBe(true);
    expect(codes.items.some((c) => c.role?.startsWith('focus_area:'))).toBe(true);
    const sources = (await admin.get(`/api/evaluation/studies/${s.id}/sources`)).json() as {
      items: SourceSummary[];
    };
    expect(sources.items.filter((x) => x.kind === 'document')).toHaveLength(1);
    const transcript = sources.items.find((x) => x.kind === 'transcript')!;
    const first = (
      await admin.get(`/api/evaluation/studies/${s.id}/sources/${transcript.id}?purpose=review`)
    ).json() as SourceDetail;
    expect(first.text).toContain('Eksempeldata');
    expect(first.turns.length).toBeGreaterThan(2);
    // The label line is no speaker.
    expect(first.turns.some((x) => x.speaker.includes('Eksempeldata'))).toBe(false);
  });

  it('exports a .qdpx that validates against the REFI-QDA schema', async () => {
    const s = await exampleStudy();
    const r = await admin.get(`/api/evaluation/studies/${s.id}/export/qdpx`);
    expect(r.statusCode, r.body).toBe(200);
    const files = unzipSync(r.rawPayload);
    const xml = new TextDecoder().decode(files['project.qde']!);
    const result = await validateXML({ xml: [{ fileName: 'project.qde', contents: xml }], schema: [schema] });
    expect(result.errors.map((e) => e.message)).toEqual([]);
    expect(Object.keys(files).filter((f) => f.startsWith('sources/'))).toHaveLength(4);
  });

  it('is loaded once, and joining twice keeps one membership', async () => {
    await seedDemo(t.db);
    await joinExampleStudies(t.db, admin.userId!);
    const studies = await t.db
      .selectFrom('evaluationStudies')
      .select('id')
      .where('isExample', '=', 1)
      .execute();
    expect(studies).toHaveLength(1);
    const members = await t.db
      .selectFrom('evaluationStudyMembers')
      .select('userId')
      .where('studyId', '=', studies[0]!.id)
      .execute();
    expect(members).toHaveLength(1);
  });
});

describe('choosing cases and members', () => {
  it('places every plan in the case matrix with the study’s cases marked, for the team only', async () => {
    const s = await exampleStudy();
    const url = `/api/evaluation/studies/${s.id}/case-candidates`;
    const r = await admin.get(url);
    expect(r.statusCode, r.body).toBe(200);
    const c = r.json() as CaseCandidates;
    const plans = await t.db.selectFrom('plans').select('id').execute();
    expect(c.plans).toHaveLength(plans.length);
    expect(c.plans.filter((p) => p.caseId)).toHaveLength(3);
    expect(c.plans.some((p) => p.sizeBand && p.grantBand)).toBe(true);
    expect(c.secretariats.length).toBeGreaterThan(0);
    expect((await evaluator.get(url)).statusCode).toBe(403);
    expect((await fund.get(url)).statusCode).toBe(403);
    expect(
      (await admin.get('/api/evaluation/studies/00000000-0000-4000-8000-000000000000/case-candidates'))
        .statusCode,
    ).toBe(404);
  });

  it('lists administrators and evaluators for the team, never fund or plan roles', async () => {
    const r = await evaluator.get('/api/evaluation/evaluators');
    expect(r.statusCode, r.body).toBe(200);
    const ids = (r.json() as { items: { userId: string }[] }).items.map((i) => i.userId);
    expect(ids).toContain(admin.userId);
    expect(ids).toContain(evaluator.userId);
    expect(ids).not.toContain(fund.userId);
    expect((await fund.get('/api/evaluation/evaluators')).statusCode).toBe(403);
  });
});
