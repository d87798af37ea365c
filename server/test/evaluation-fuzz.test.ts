import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildUser } from './factories.js';
import { createTestApp, type TestApp, type TestClient } from './test-app.js';

/**
 * Random and malformed input at every process-evaluation route, as a member of the study's team
 * (the caller who gets furthest into the code): never a 5xx, never a stack trace or SQL.
 */

let t: TestApp;
let anne: TestClient;
const ids: Record<string, string> = {};
const validBodies: Record<string, unknown> = {};
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

const STACK_LINE = /\n\s*at \S+ \(|node:internal|\/src\/[\w/.-]+\.ts/;
const SQL =
  /\b(select\s[\s\S]*\sfrom|insert\s+into|delete\s+from)\b|sqlite|sqlstate|syntax error|violates|constraint failed/i;

function check(res: LightMyRequestResponse, what: string) {
  const where = `${what} → ${res.statusCode} ${res.body.slice(0, 300)}`;
  expect(res.statusCode, where).toBeLessThan(500);
  if (res.statusCode >= 400) {
    expect(res.body, where).not.toMatch(STACK_LINE);
    expect(res.body, where).not.toMatch(SQL);
  }
}

const nasty = fc.constantFrom(
  '',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '__proto__',
  "'; DROP TABLE evaluation_sources; --",
  'ÆØÅ æøå',
  '😀👩‍👩‍👧',
  '00000000-0000-0000-0000-000000000000',
  '#GGGGGG',
  '2024-02-30',
);
const anyValue = fc.oneof(
  fc.string({ maxLength: 20 }),
  nasty,
  fc.integer(),
  fc.double(),
  fc.constantFrom(-1, 2 ** 53, 1e308, 2_147_483_648),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), nasty), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), {
    maxKeys: 3,
  }),
);

beforeAll(async () => {
  t = await createTestApp();
  anne = await t.sessionClient((await buildUser(t.db, { roles: [{ role: 'evaluator' }] })).id);
  const study = (await anne.post('/api/evaluation/studies', { name: 'Fuzz' })).json();
  ids.studyId = study.id;
  const base = `/api/evaluation/studies/${study.id}`;
  ids.caseId = (await anne.post(`${base}/cases`, { name: 'Case' })).json().id;
  ids.collectionId = (
    await anne.post(`${base}/data-collections`, { kind: 'interview', title: 'I' })
  ).json().id;
  const upload = {
    caseId: ids.caseId,
    filename: 'f.txt',
    contentBase64: Buffer.from('Interviewer: Hej på Ærø 😀\nDeltager: Hej.\n').toString('base64'),
    pseudonyms: [{ name: 'Anne', pseudonym: 'A' }],
  };
  ids.sourceId = (await anne.post(`${base}/sources`, upload)).json().id;
  const codes = (await anne.get(`${base}/codes`)).json().items as { id: string; role: string }[];
  ids.codeId = codes.find((c) => c.role === 'driver')!.id;
  ids.themeCodeId = codes.find((c) => c.role === 'theme:steering')!.id;
  ids.codingId = (
    await anne.post(`${base}/codings`, { sourceId: ids.sourceId, codeIds: [ids.codeId], start: 0, end: 5 })
  ).json().items[0].id;
  ids.memoId = (await anne.post(`${base}/memos`, { targetKind: 'study', title: 'M', text: 'T' })).json().id;
  const b = (path: string, body: unknown) => (validBodies[path] = body);
  b('POST /api/evaluation/studies', { name: 'S', question: null, memberIds: [] });
  b('PUT /api/evaluation/studies/:studyId', {
    name: 'S',
    question: 'Q',
    memberIds: [anne.userId],
    version: 1,
  });
  b('POST /api/evaluation/studies/:studyId/cases', { name: 'C', planId: null });
  b('PUT /api/evaluation/studies/:studyId/cases/:caseId', { name: 'C', version: 1 });
  b('POST /api/evaluation/studies/:studyId/data-collections', {
    kind: 'focus_group',
    title: 'F',
    date: '2026-01-02',
    participants: { steering_group: 2 },
    consentRecorded: true,
  });
  b('PUT /api/evaluation/studies/:studyId/data-collections/:collectionId', {
    kind: 'workshop',
    title: 'W',
    version: 1,
  });
  b('POST /api/evaluation/studies/:studyId/sources', upload);
  b('PUT /api/evaluation/studies/:studyId/sources/:sourceId', {
    name: 'N',
    description: null,
    caseId: null,
    dataCollectionId: null,
    version: 1,
  });
  b('POST /api/evaluation/studies/:studyId/codes', { name: 'K', color: '#ABCDEF', parentId: null });
  b('PUT /api/evaluation/studies/:studyId/codes/:codeId', {
    name: 'K',
    description: null,
    color: null,
    codable: true,
    version: 1,
  });
  b('POST /api/evaluation/studies/:studyId/codes/:codeId/move', { parentId: null });
  b('POST /api/evaluation/studies/:studyId/codes/:codeId/merge', { intoId: ids.themeCodeId });
  b('POST /api/evaluation/studies/:studyId/codings', {
    sourceId: ids.sourceId,
    codeIds: [ids.codeId],
    start: 1,
    end: 4,
  });
  b('PUT /api/evaluation/studies/:studyId/codings/:codingId', { codeId: ids.codeId, start: 2, end: 6 });
  b('POST /api/evaluation/studies/:studyId/memos', {
    targetKind: 'code',
    targetId: ids.codeId,
    title: 'M',
    text: 'T',
  });
  b('PUT /api/evaluation/studies/:studyId/memos/:memoId', { title: 'M', text: 'T', version: 1 });
  b('PUT /api/evaluation/studies/:studyId/framework/:caseId/:themeCodeId', {
    summary: 'S',
    quoteCodingIds: [],
  });
});
afterAll(async () => t?.close());

function url(pattern: string) {
  return pattern.replace(/:(\w+)/g, (_, k: string) => ids[k] ?? k);
}

it('answers bodies with one field replaced by anything without a 5xx', async () => {
  for (const [key, body] of Object.entries(validBodies)) {
    const [method, pattern] = key.split(' ') as ['POST' | 'PUT', string];
    const fields = Object.keys(body as object);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), anyValue, async (field, value) => {
        const payload = { ...(body as Record<string, unknown>), [field]: value };
        // A merge or delete that succeeds would consume the code; keep the table's ids alive.
        if (key.endsWith('/merge')) payload.intoId = typeof value === 'string' ? value : ids.themeCodeId;
        const res = await anne.request({ method, url: url(pattern), payload });
        check(res, `${key} ${field}=${JSON.stringify(value)?.slice(0, 80)}`);
      }),
      { numRuns: 25, seed },
    );
  }
});

it('answers random query strings and ids on every read without a 5xx', async () => {
  const reads = t.app.routeList.filter((r) => r.method === 'GET' && r.url.startsWith('/api/evaluation'));
  expect(reads.length).toBeGreaterThan(15);
  for (const r of reads) {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom(
            'purpose',
            'codeId',
            'caseId',
            'sourceId',
            'coderA',
            'coderB',
            'q',
            'limit',
            'aggregate',
            'respondentGroup',
          ),
          fc.oneof(fc.string({ maxLength: 40 }), nasty),
        ),
        fc.boolean(),
        async (query, badId) => {
          const path = badId ? r.url.replace(/:(\w+)/g, '00000000-0000-7000-8000-000000000000') : url(r.url);
          const res = await anne.request({ method: 'GET', url: path, query });
          check(res, `GET ${r.url} ${JSON.stringify(query)}`);
        },
      ),
      { numRuns: 20, seed },
    );
  }
});

it('answers uploads that are no REFI-QDA file without a 5xx, storing nothing', async () => {
  const before = (await anne.get('/api/evaluation/studies')).json().items.length;
  await fc.assert(
    fc.asyncProperty(
      fc.uint8Array({ maxLength: 400 }),
      fc.constantFrom('qdpx', 'qdc', 'new'),
      async (bytes, kind) => {
        const target =
          kind === 'new'
            ? '/api/evaluation/import-qdpx'
            : `/api/evaluation/studies/${ids.studyId}/import-${kind}`;
        const res = await anne.request({
          method: 'POST',
          url: target,
          payload: Buffer.from(bytes),
          headers: { 'content-type': 'application/octet-stream' },
        });
        check(res, `${target} ${bytes.length} bytes`);
      },
    ),
    { numRuns: 60, seed },
  );
  expect((await anne.get('/api/evaluation/studies')).json().items.length).toBe(before);
});
