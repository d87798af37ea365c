import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDetail } from '@pejling/contracts';
import {
  buildArea,
  buildHousingOrganisation,
  buildMunicipality,
  buildPlan,
  buildUser,
  poolWithFocusAreas,
} from './factories.js';
import { createTestApp, type TestApp, type TestClient } from './test-app.js';

/**
 * Throws random and malformed input at every plan-registry route as an administrator (the
 * caller who gets furthest into the code) and checks that the answer is never a 5xx and never
 * shows a stack trace or SQL.
 */

const FUZZED_PREFIXES = [
  '/api/municipalities',
  '/api/housing-organisations',
  '/api/areas',
  '/api/pools',
  '/api/area-secretariats',
  '/api/plans',
  '/api/case-matrix',
  '/api/users',
  '/api/audit',
];

let t: TestApp;
let admin: TestClient;
let requests = 0;
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
}
let routes: Route[];
/** A valid body for each write route, to mutate one field at a time. */
const validBodies: Record<string, unknown> = {};
let realIds: string[] = [];
/** Ids of the resource each route prefix serves, so many calls reach a real row. */
const idsByPrefix: Record<string, string[]> = {};
const TABLE_BY_PREFIX = {
  '/api/municipalities': 'municipalities',
  '/api/housing-organisations': 'housingOrganisations',
  '/api/areas': 'housingAreas',
  '/api/pools': 'fundingPools',
  '/api/area-secretariats': 'areaSecretariats',
  '/api/plans': 'plans',
} as const;
const prefixOf = (url: string) => FUZZED_PREFIXES.find((p) => url.startsWith(p))!;

const STACK_LINE = /\n\s*at \S+ \(|\bat [\w$.<>]+ \([^)]*:\d+:\d+\)|node:internal|\/src\/[\w/.-]+\.ts/;
const SQL =
  /\b(select\s[\s\S]*\sfrom|insert\s+into|update\s+\S+\s+set|delete\s+from)\b|sqlite|sqlstate|postgres|syntax error|violates|constraint failed|relation "/i;

function check(res: LightMyRequestResponse, what: string) {
  requests++;
  const where = `${what} → ${res.statusCode} ${res.body.slice(0, 400)}`;
  expect(res.statusCode, where).toBeLessThan(500);
  if (res.statusCode >= 400) {
    expect(res.body, where).not.toMatch(STACK_LINE);
    expect(res.body, where).not.toMatch(SQL);
    const body = res.json() as { error?: { code?: unknown; message?: unknown }; requestId?: unknown };
    expect(typeof body.error?.code, where).toBe('string');
    expect(typeof body.error?.message, where).toBe('string');
  }
}

// ---------- arbitraries ----------
const nasty = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'null',
  'undefined',
  'NaN',
  '__proto__',
  'constructor',
  "'; DROP TABLE plans; --",
  '" OR 1=1 --',
  '=HYPERLINK("x")',
  '../../etc/passwd',
  '%00',
  'ÆØÅ æøå',
  '😀👩‍👩‍👧',
  '1e309',
  '-0',
  '2024-02-30',
  '9999-99-99',
  '0000-00-00',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '<script>alert(1)</script>',
);
const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 3, arbitrary: nasty },
  { weight: 1, arbitrary: fc.string({ minLength: 200, maxLength: 300 }).map((s) => s.repeat(30)) },
);
const numberish = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1.5, 2 ** 53, -(2 ** 63), 1e308, Number.MAX_SAFE_INTEGER + 2, 100_000_000_001),
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
      fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', 'prototype')),
      tie('value'),
      {
        maxKeys: 4,
      },
    ),
  ),
}));

/** Every path to a value inside a body, including the body itself and array elements. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function setAt(base: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = (Array.isArray(base) ? [...base] : { ...(base as object) }) as Record<
    string | number,
    unknown
  >;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  copy[head] = setAt(copy[head], rest, value);
  return copy;
}

function removeAt(base: unknown, path: (string | number)[]): unknown {
  if (path.length === 1 && base && typeof base === 'object') {
    const copy = (Array.isArray(base) ? [...base] : { ...(base as object) }) as Record<
      string | number,
      unknown
    >;
    delete copy[path[0]!];
    return copy;
  }
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  return setAt(base, [head], removeAt((base as Record<string | number, unknown>)[head], rest));
}

/** Percent-encodes every byte of the UTF-8 form (lone surrogates become U+FFFD), so any text fits in a path. */
const percentEncode = (s: string) =>
  [...Buffer.from(s, 'utf8')]
    .map((b) =>
      /[\w-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0')}`,
    )
    .join('');

const idArb = (url = '') =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...(idsByPrefix[prefixOf(url)] ?? realIds)) },
    { weight: 2, arbitrary: fc.constantFrom(...realIds) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: text.map((s) => percentEncode(s) || 'x') },
    {
      weight: 1,
      arbitrary: fc.constantFrom('0', '-1', '%00', '..%2F..', 'null', 'a'.repeat(300), '%E2%82', '%'),
    },
  );

/** Values that pass validation often, so mutated bodies reach the services' own rules. */
const plausible = () =>
  fc.oneof(
    fc.constantFrom(...realIds),
    fc.constantFrom(
      '2024-01-01',
      '2023-12-31',
      '2030-06-30',
      'draft',
      'ended',
      'yes',
      'unclear',
      'fund',
      'en',
    ),
    fc.constantFrom(0, 1, 99, 100, 999, 2000, 2100, 100_000_000_000, true, false, null),
    fc.constantFrom([], [realIds[0]], ['Afd'], [{}]),
    fc.string({ minLength: 1, maxLength: 12 }),
  );

const QUERY_KEYS = [
  'q',
  'status',
  'poolId',
  'municipalityId',
  'housingOrganisationId',
  'areaSecretariatId',
  'focusAreaId',
  'sizeBand',
  'grantBand',
  'example',
  'sort',
  'dir',
  'ids',
  'format',
  'entityType',
  'entityId',
  'planId',
  'userId',
  'action',
  'from',
  'to',
  'limit',
  'offset',
];
const queryValue = () =>
  fc.oneof(
    text,
    numberish.map(String),
    idArb(),
    fc.constantFrom(
      'csv',
      'xlsx',
      'draft',
      'active',
      'ended',
      'small',
      'large',
      'over15',
      'name',
      'desc',
      'yes',
      '2024-01-01',
    ),
  );
const queryArb = () =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .dictionary(fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string({ maxLength: 6 })), queryValue(), {
          maxKeys: 5,
        })
        .map((d) => new URLSearchParams(d as Record<string, string>).toString()),
    },
    // Repeated keys arrive as arrays; brackets and broken escapes must not confuse the parser.
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'format=csv&format=xlsx',
        'status=draft&status=ended',
        'a[b]=c',
        'q=%',
        'q=%E2%82',
        '&&&=&',
        'limit=1e3',
        'ids=,,,',
        `ids=${'x,'.repeat(1500)}`,
      ),
    },
  );

function fillUrl(pattern: string, id: string, query: string) {
  const url = pattern.replace(':id', id);
  return query ? `${url}?${query}` : url;
}

const structuredRequest = () =>
  fc.constantFrom(...routes).chain((route) => {
    const key = `${route.method} ${route.url}`;
    const base = validBodies[key];
    const body: fc.Arbitrary<unknown> =
      base === undefined
        ? fc.option(anyValue, { nil: undefined })
        : fc.oneof(
            {
              weight: 5,
              arbitrary: fc
                .record({ path: fc.constantFrom(...paths(base)), value: fc.oneof(anyValue, plausible()) })
                .map(({ path, value }) => setAt(base, path, value)),
            },
            {
              weight: 2,
              arbitrary: fc
                .constantFrom(...paths(base).filter((p) => p.length > 0))
                .map((p) => removeAt(base, p)),
            },
            {
              weight: 1,
              arbitrary: fc
                .record({
                  key: fc.constantFrom('__proto__', 'constructor', 'extra', 'version', 'id'),
                  value: anyValue,
                })
                .map(({ key, value }) => ({ ...(base as object), [key]: value })),
            },
            { weight: 1, arbitrary: anyValue },
            { weight: 1, arbitrary: fc.constant(base) },
          );
    return fc.record({
      route: fc.constant(route),
      id: idArb(route.url),
      query: fc.option(queryArb(), { nil: '' }),
      body,
    });
  });

/** An edit that kept the base body's version gets the row's current one, so it is not simply stale. */
async function withCurrentVersion(route: Route, id: string, body: unknown): Promise<unknown> {
  const table = TABLE_BY_PREFIX[prefixOf(route.url) as keyof typeof TABLE_BY_PREFIX];
  if (
    route.method !== 'PUT' ||
    !table ||
    !body ||
    typeof body !== 'object' ||
    (body as { version?: unknown }).version !== 1
  )
    return body;
  const row = await t.db.selectFrom(table).select('version').where('id', '=', id).executeTakeFirst();
  return row ? { ...body, version: row.version } : body;
}

async function send(method: Route['method'], url: string, body: unknown) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const res = await admin.request({
    method,
    url,
    ...(payload !== undefined && method !== 'GET'
      ? { payload, headers: { 'content-type': 'application/json' } }
      : {}),
  });
  check(res, `${method} ${url.slice(0, 200)} ${String(payload).slice(0, 300)}`);
}

beforeAll(async () => {
  t = await createTestApp();
  const adminUser = await buildUser(t.db, { isAdmin: true });
  admin = await t.sessionClient(adminUser.id);
  routes = t.app.routeList
    .filter((r) => r.method !== 'HEAD' && FUZZED_PREFIXES.some((p) => r.url.startsWith(p)))
    .map((r) => ({ method: r.method as Route['method'], url: r.url }));

  const pool = await poolWithFocusAreas(t.db);
  const m = await buildMunicipality(t.db);
  const h = await buildHousingOrganisation(t.db, { municipalityId: m.id });
  const a = await buildArea(t.db, { municipalityId: m.id, housingOrganisationId: h.id });
  const plan: PlanDetail = await buildPlan(t.db, { poolId: pool.id, focusAreaIds: [pool.focusAreas[0]!.id] });
  const secretariat = (
    await admin.post('/api/area-secretariats', { name: 'Fuzzsekretariat', municipalityId: m.id })
  ).json();
  const target = await buildUser(t.db, { name: 'Fuzzmål' });
  const plans = [plan, await buildPlan(t.db), await buildPlan(t.db)];
  const m2 = await buildMunicipality(t.db);
  const h2 = await buildHousingOrganisation(t.db);
  const a2 = await buildArea(t.db, { municipalityId: m2.id, housingOrganisationId: h2.id });
  const pool2 = (await admin.post('/api/pools', { name: 'Fuzz 2', startYear: 2040, endYear: 2044 })).json();
  const target2 = await buildUser(t.db, { name: 'Fuzzmål 2' });
  Object.assign(idsByPrefix, {
    '/api/municipalities': [m.id, m2.id],
    '/api/housing-organisations': [h.id, h2.id],
    '/api/areas': [a.id, a2.id],
    '/api/pools': [pool.id, pool2.id],
    '/api/area-secretariats': [secretariat.id],
    '/api/plans': plans.map((p) => p.id),
    '/api/users': [target.id, target2.id],
  });
  realIds = [...Object.values(idsByPrefix).flat(), pool.focusAreas[1]!.id];

  const planBody = {
    name: 'Fuzzplan',
    poolId: pool.id,
    municipalityId: m.id,
    housingOrganisationId: h.id,
    areaIds: [a.id],
    focusAreaIds: [pool.focusAreas[0]!.id, pool.focusAreas[1]!.id],
    purpose: 'Formål',
    status: 'active',
    periodStart: '2024-01-01',
    periodEnd: '2026-12-31',
    areaSecretariatId: secretariat.id,
    secretariatSupport: 'yes',
    grants: [
      {
        poolId: pool.id,
        amountOre: 100_000,
        startDate: '2024-01-01',
        endDate: '2025-12-31',
        reference: 'R1',
      },
      { poolId: pool.id, amountOre: 200_000, startDate: '2026-01-01', endDate: '2026-12-31' },
    ],
  };
  const area = {
    name: 'Fuzzområde',
    municipalityId: m.id,
    description: 'Beskrivelse',
    departments: [{ housingOrganisationId: h.id, departmentNumber: '1', name: 'Afd', dwellings: 10 }],
  };
  Object.assign(validBodies, {
    'POST /api/municipalities': { name: 'Fuzzkommune', code: 500 },
    'PUT /api/municipalities/:id': { name: 'Fuzzkommune', code: 500, version: 1 },
    'POST /api/housing-organisations': { name: 'Fuzzbolig', municipalityId: m.id },
    'PUT /api/housing-organisations/:id': { name: 'Fuzzbolig', municipalityId: m.id, version: 1 },
    'POST /api/areas': area,
    'PUT /api/areas/:id': { ...area, version: 1 },
    'POST /api/pools': { name: 'Fuzzpulje', startYear: 2030, endYear: 2031, description: 'x' },
    'PUT /api/pools/:id': { name: 'Fuzzpulje', startYear: 2030, endYear: 2031, version: 1 },
    'POST /api/pools/:id/catalogues': {
      validFrom: '2030-01-01',
      note: 'n',
      focusAreas: [{ nameDa: 'Tryghed', nameEn: 'Safety' }],
    },
    'POST /api/area-secretariats': { name: 'Fuzzsekretariat', municipalityId: m.id, description: 'd' },
    'PUT /api/area-secretariats/:id': { name: 'Fuzzsekretariat', municipalityId: m.id, version: 1 },
    'POST /api/plans': planBody,
    'PUT /api/plans/:id': { ...planBody, version: 1 },
    'POST /api/users': {
      email: 'fuzz@test.example',
      name: 'Fuzz',
      isAdmin: false,
      locale: 'da',
      roles: [{ role: 'plan_viewer', planId: plan.id }],
    },
    'PUT /api/users/:id': {
      name: 'Fuzz',
      isAdmin: false,
      locale: 'da',
      disabled: false,
      roles: [
        { role: 'org_member', organisationKind: 'housing_organisation', organisationId: h.id },
        { role: 'plan_editor', planId: plan.id },
      ],
    },
  });
});
afterAll(async () => {
  await t?.close();
});

describe(`fuzzing the plan registry (seed ${seed})`, () => {
  it('covers every plan-registry route', () => {
    for (const prefix of FUZZED_PREFIXES)
      expect(
        routes.some((r) => r.url.startsWith(prefix)),
        prefix,
      ).toBe(true);
    expect(routes.length).toBeGreaterThan(35);
  });

  it('answers mutated bodies, random ids and query strings without a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(structuredRequest(), async ({ route, id, query, body }) => {
        await send(route.method, fillUrl(route.url, id, query), await withCurrentVersion(route, id, body));
      }),
      { numRuns: 3000, seed },
    );
  });

  it('answers random query strings on every list and export without a 5xx', async () => {
    const gets = routes.filter((r) => r.method === 'GET' && !r.url.includes(':id'));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...gets), queryArb(), async (route, query) => {
        await send('GET', fillUrl(route.url, '', query), undefined);
      }),
      { numRuns: 800, seed },
    );
  });

  it('answers bodies that are not JSON, or not the content type they claim, without a 5xx', async () => {
    const writes = routes.filter((r) => r.method === 'POST' || r.method === 'PUT');
    const raw: [string, string | Buffer][] = [
      ['application/json', '{"name":'],
      ['application/json', '{"name": "x",}'],
      ['application/json', ''],
      ['application/json', 'null'],
      ['application/json', '"just a string"'],
      ['application/json', '[1,2,3]'],
      ['application/json', '\uFEFF{"name":"BOM"}'],
      ['application/json', '{"__proto__": {"isAdmin": true}, "name": "x"}'],
      ['application/json', '{"constructor": {"prototype": {"isAdmin": true}}}'],
      ['application/json', `{"name": "${'x'.repeat(2_000_000)}"}`],
      ['application/json', Buffer.from([0xff, 0xfe, 0x00, 0x7b])],
      ['application/json; charset=latin1', '{"name":"Ærø"}'],
      ['text/plain', 'name=x'],
      ['application/x-www-form-urlencoded', 'name=x&code=101'],
      [
        'multipart/form-data; boundary=xyz',
        '--xyz\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--xyz--',
      ],
      ['application/xml', '<name>x</name>'],
      ['application/octet-stream', Buffer.from([0, 1, 2, 3])],
      ['', '{"name":"x"}'],
    ];
    for (const route of writes) {
      for (const [contentType, payload] of raw) {
        const url = fillUrl(route.url, realIds[0]!, '');
        const res = await admin.request({
          method: route.method,
          url,
          payload,
          headers: contentType ? { 'content-type': contentType } : {},
        });
        check(res, `${route.method} ${url} as ${contentType}: ${String(payload).slice(0, 60)}`);
      }
    }
  });

  it('answers a malformed URL and an over-long id in the API’s error shape', async () => {
    for (const url of ['/api/municipalities/%E2%82', '/api/plans/%', `/api/plans/${'a'.repeat(300)}`]) {
      const res = await admin.get(url);
      check(res, url);
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.json().error.code, url).toBe('bad_request');
      expect(res.json().requestId, url).toBeTruthy();
    }
  });

  it('answers text with a NUL character without a 5xx on either database', async () => {
    const res = await admin.post('/api/municipalities', { name: 'Nul\u0000kommune' });
    check(res, 'NUL in a name');
    const audit = await admin.get(`/api/audit?entityType=${encodeURIComponent('plan\u0000')}`);
    check(audit, 'NUL in a filter');
  });

  it('did not let a prototype-polluting body change anything global', () => {
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('sent at least 2,000 requests', () => {
    expect(requests).toBeGreaterThanOrEqual(2000);
  });
});
