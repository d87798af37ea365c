import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../server/src/features/users/user.service.js';
import { generate } from '../bench/generate/index.js';
import { createTestApp, type TestApp, type TestClient } from '../server/test/test-app.js';

/**
 * Bad input at every route: reads /api/openapi.json from the running app and drives every
 * operation in it with random and malformed bodies, path parameters, query strings and ids, as an
 * administrator, as an editor of some plans, as a user without roles and anonymously. New routes are covered as they land.
 * No answer may be a 5xx, and no error may show a stack trace or SQL.
 */

const TOTAL_REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 10_500);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

const STACK_LINE = /\n\s*at \S+ \(|\bat [\w$.<>]+ \([^)]*:\d+:\d+\)|node:internal|\/src\/[\w/.-]+\.ts/;
const SQL =
  /\b(select\s[\s\S]*\sfrom|insert\s+into|update\s+\S+\s+set|delete\s+from)\b|sqlite|sqlstate|syntax error|violates|constraint failed|relation "|postgres(?!"|ql:)/i;

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
};
interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  path: string;
  pathParams: string[];
  query: { name: string; schema: JsonSchema }[];
  body: JsonSchema | null;
}
interface OpenApiDoc {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { in: string; name: string; schema?: JsonSchema }[];
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
      }
    >
  >;
  components?: { schemas?: Record<string, JsonSchema> };
}

let t: TestApp;
let doc: OpenApiDoc;
let operations: Operation[] = [];
let admin: TestClient;
let plain: TestClient;
let editor: TestClient;
const ids: string[] = [];
const statusCounts: Record<string, number> = {};
let requests = 0;
let adminRenewals = 0;

const nasty = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '\uD800',
  'null',
  'NaN',
  '__proto__',
  'constructor',
  "'; DROP TABLE plans; --",
  '" OR 1=1 --',
  '=HYPERLINK("x")',
  '../../etc/passwd',
  'ÆØÅ æøå',
  '😀👩‍👩‍👧',
  '1e309',
  '-0',
  '2024-02-30',
  '0000-00-00',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '<script>alert(1)</script>',
);
const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 3, arbitrary: nasty },
  { weight: 1, arbitrary: fc.string({ minLength: 100, maxLength: 200 }).map((s) => s.repeat(120)) },
);
const numberish = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1.5, 2 ** 53, -(2 ** 63), 1e308, 100_000_000_001),
  fc.integer().map(String),
);
const { value: anyValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    numberish,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor')),
      tie('value'),
      {
        maxKeys: 4,
      },
    ),
  ),
}));
const idValue = () =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...ids) },
    { weight: 1, arbitrary: fc.uuid() },
    {
      weight: 1,
      arbitrary: fc.constantFrom('0', '-1', 'null', 'a'.repeat(300), '00000000-0000-0000-0000-000000000000'),
    },
  );
const percentEncode = (s: string) =>
  [...Buffer.from(s, 'utf8')]
    .map((b) =>
      /[\w-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0')}`,
    )
    .join('');

function resolve(s: JsonSchema): JsonSchema {
  if (!s.$ref) return s;
  const name = s.$ref.split('/').pop()!;
  return doc.components?.schemas?.[name] ?? {};
}

/** Values that mostly fit the schema (so requests reach the services' own rules). */
function fromSchema(raw: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(raw);
  if (depth > 5) return fc.constant(null);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((a) => fromSchema(a, depth + 1)));
  if (s.allOf?.length) return fromSchema(s.allOf[0]!, depth + 1);
  const type = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (type.length > 1) return fc.oneof(...type.map((ty) => fromSchema({ ...s, type: ty }, depth + 1)));
  switch (type[0]) {
    case 'string':
      if (s.format === 'uuid') return idValue();
      if (s.format === 'date' || s.format === 'date-time')
        return fc.constantFrom(
          '2024-01-01',
          '2019-06-30',
          '2030-12-31',
          '2024-02-29',
          '2020-01-01T00:00:00.000Z',
        );
      if (s.format === 'email') return fc.emailAddress();
      return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 30, 30) });
    case 'integer':
      return fc.integer({
        min: Math.max(s.minimum ?? -1000, -(2 ** 31)),
        max: Math.min(s.maximum ?? 100_000, 2 ** 31),
      });
    case 'number':
      return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(s.items ? fromSchema(s.items, depth + 1) : anyValue, {
        maxLength: Math.min(s.maxItems ?? 3, 3),
      });
    case 'object': {
      const props = Object.fromEntries(
        Object.entries(s.properties ?? {}).map(([k, v]) => [k, fromSchema(v, depth + 1)]),
      );
      return fc.record(props, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
    }
    default:
      return anyValue;
  }
}

function paths(value: unknown, prefix: string[] = []): string[][] {
  const out = [prefix];
  if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}
function setAt(base: unknown, at: string[], value: unknown): unknown {
  if (!at.length) return value;
  const copy = (Array.isArray(base) ? [...base] : { ...(base as object) }) as Record<string, unknown>;
  copy[at[0]!] = setAt(copy[at[0]!], at.slice(1), value);
  return copy;
}

/** A request body: valid-looking, one field broken, wholly random, or not JSON at all. */
function bodyArb(op: Operation): fc.Arbitrary<{ payload?: unknown; raw?: string; contentType?: string }> {
  const valid = op.body ? fromSchema(op.body) : fc.constant(undefined);
  const mutated = fc.tuple(valid, fc.nat(), anyValue).map(([v, i, bad]) => {
    const all = paths(v);
    return setAt(v, all[i % all.length]!, bad);
  });
  return fc.oneof(
    { weight: 4, arbitrary: valid.map((payload) => ({ payload })) },
    { weight: 4, arbitrary: mutated.map((payload) => ({ payload })) },
    { weight: 1, arbitrary: anyValue.map((payload) => ({ payload })) },
    {
      weight: 1,
      arbitrary: fc
        .oneof(
          fc.constantFrom('{', '{"a":', 'nul', '[1,2', '{"__proto__":{"x":1}}', '\u0000', '"'.repeat(5000)),
          fc.string(),
        )
        .map((raw) => ({ raw, contentType: 'application/json' })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.string(),
          fc.constantFrom(
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data',
            'application/xml',
          ),
        )
        .map(([raw, contentType]) => ({ raw, contentType })),
    },
  );
}

function queryArb(op: Operation): fc.Arbitrary<string> {
  const declared = op.query.map((q) =>
    fc.option(
      fc
        .oneof(fromSchema(q.schema), anyValue)
        .map(
          (v) =>
            `${encodeURIComponent(q.name)}=${percentEncode(typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))}`,
        ),
      { nil: '' },
    ),
  );
  const extra = fc.array(
    fc.tuple(
      fc.oneof(
        fc.string({ maxLength: 6 }),
        fc.constantFrom('__proto__', 'limit', 'offset', 'format', 'ids[]'),
      ),
      text,
    ),
    { maxLength: 2 },
  );
  return fc.tuple(fc.tuple(...declared), extra).map(([d, e]) => {
    const parts = [...d.filter(Boolean), ...e.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`)];
    return parts.length ? `?${parts.join('&')}` : '';
  });
}

function pathArb(op: Operation): fc.Arbitrary<string> {
  const values = op.pathParams.map(() =>
    fc.oneof(
      { weight: 8, arbitrary: idValue() },
      { weight: 2, arbitrary: text.map((s) => percentEncode(s) || 'x') },
      { weight: 1, arbitrary: fc.constantFrom('%00', '..%2F..', '%E2%82', '%', '%2e%2e') },
    ),
  );
  return fc.tuple(...values).map((vs) => {
    let url = op.path;
    op.pathParams.forEach((p, i) => (url = url.replace(`{${p}}`, String(vs[i]))));
    return url;
  });
}

async function renewAdmin(): Promise<void> {
  adminRenewals++;
  const u = await createUser(t.db, null, {
    email: `fuzz-admin-${adminRenewals}-${Date.now()}@test.example`,
    name: 'Fuzz administrator',
    password: 'fuzz-password-long-enough',
    isAdmin: true,
    locale: 'da',
    roles: [],
  });
  admin = await t.sessionClient(u.id);
}

function check(res: LightMyRequestResponse, what: string) {
  requests++;
  const bucket = `${Math.floor(res.statusCode / 100)}xx`;
  statusCounts[bucket] = (statusCounts[bucket] ?? 0) + 1;
  const where = `${what} → ${res.statusCode} ${res.body.slice(0, 400)} (FUZZ_SEED=${seed})`;
  expect(res.statusCode, where).toBeLessThan(500);
  expect(res.body, where).not.toMatch(STACK_LINE);
  if (res.statusCode >= 400) {
    expect(res.body, where).not.toMatch(SQL);
    const body = res.json() as { error?: { code?: unknown; message?: unknown } };
    expect(typeof body.error?.code, where).toBe('string');
    expect(typeof body.error?.message, where).toBe('string');
  }
}

beforeAll(async () => {
  t = await createTestApp({ loginMaxFailures: 1_000_000 });
  const out = await generate(t.db, 'small', 3);
  ids.push(
    ...out.plans.map((p) => p.id),
    ...out.municipalityIds,
    ...out.housingOrganisationIds,
    ...out.areaIds,
    ...out.secretariatIds,
    ...out.userIds.slice(0, 10),
  );
  ids.push(...(await t.db.selectFrom('fundingPools').select('id').execute()).map((r) => r.id));
  ids.push(...(await t.db.selectFrom('focusAreas').select('id').limit(10).execute()).map((r) => r.id));
  await renewAdmin();
  plain = await t.userClient();
  // An editor of some generated plans, so plan-scoped routes are reached by a caller who is not an administrator.
  editor = await t.userClient({
    roles: out.plans.slice(0, 5).map((p) => ({ role: 'plan_editor' as const, planId: p.id })),
  });
  const res = await t.anonymous.get('/api/openapi.json');
  expect(res.statusCode).toBe(200);
  doc = res.json() as OpenApiDoc;
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = op.parameters ?? [];
      operations.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        query: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      });
    }
  }
  operations = operations.filter((o) => o.path.startsWith('/api/'));
}, 120_000);

afterAll(async () => {
  console.log(
    `openapi fuzz: ${requests} requests over ${operations.length} operations (FUZZ_SEED=${seed}); answers ${JSON.stringify(statusCounts)}; administrator renewed ${adminRenewals - 1} time(s)`,
  );
  await t?.close();
});

describe('bad input at every route in /api/openapi.json', () => {
  it('never answers 5xx, a stack trace or SQL', async () => {
    expect(operations.length).toBeGreaterThan(20);
    const runs = Math.ceil(TOTAL_REQUESTS / operations.length);
    for (const [i, op] of operations.entries()) {
      const caller = fc.constantFrom<'admin' | 'editor' | 'plain' | 'anonymous'>(
        'admin',
        'admin',
        'editor',
        'plain',
        'anonymous',
      );
      await fc.assert(
        fc.asyncProperty(caller, pathArb(op), queryArb(op), bodyArb(op), async (who, url, query, body) => {
          const client =
            who === 'admin' ? admin : who === 'editor' ? editor : who === 'plain' ? plain : t.anonymous;
          const opts: InjectOptions = { method: op.method, url: url + query };
          if (op.method !== 'GET' && op.method !== 'DELETE') {
            if (body.raw !== undefined) {
              opts.payload = body.raw;
              opts.headers = { 'content-type': body.contentType ?? 'application/json' };
            } else if (body.payload !== undefined) {
              opts.payload = JSON.stringify(body.payload);
              opts.headers = { 'content-type': 'application/json' };
            }
          }
          const res = await client.request(opts);
          check(res, `${who} ${op.method} ${url + query} ${String(opts.payload ?? '').slice(0, 300)}`);
          if (res.statusCode === 201) {
            const id = (res.json() as { id?: unknown }).id;
            if (typeof id === 'string') ids.push(id);
          }
          // Logging out, disabling oneself or losing admin rights ends the administrator's session.
          if (who === 'admin' && res.statusCode === 401) await renewAdmin();
          if (who === 'admin' && op.path === '/api/auth/logout') await renewAdmin();
          if (who === 'editor' && op.path === '/api/auth/logout')
            editor = await t.sessionClient(editor.userId!);
        }),
        { numRuns: runs, seed: seed + i, endOnFailure: true },
      );
    }
    expect(requests).toBeGreaterThanOrEqual(10_000);
  });
});
