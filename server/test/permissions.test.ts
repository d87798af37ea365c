import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDetail, PlanInput } from '@pejling/contracts';
import { buildApp } from '../src/app.js';
import { PUBLIC } from '../src/http/permissions.js';
import {
  buildArea,
  buildHousingOrganisation,
  buildMunicipality,
  buildPlan,
  buildUser,
  grantRole,
  poolWithFocusAreas,
} from './factories.js';
import { createTestApp, TEST_PASSWORD, type TestApp, type TestClient } from './test-app.js';

/**
 * Walks the whole route table: every route the app serves must have a row in EXPECTED, and
 * every route × role is called to check that the allowed roles get through and the others get
 * 401 (anonymous) or 403.
 */

const ROLES = [
  'anonymous',
  'user',
  'admin',
  'fund',
  'orgMember',
  'otherOrgMember',
  'planEditor',
  'planViewer',
  'planApprover',
  'otherPlanEditor',
  'evaluator',
] as const;
type Role = (typeof ROLES)[number];

const EVERYONE: Role[] = [...ROLES];
const SIGNED_IN: Role[] = ROLES.filter((r) => r !== 'anonymous');
const ADMIN: Role[] = ['admin'];
const PLAN_READERS: Role[] = ['admin', 'fund', 'orgMember', 'planEditor', 'planViewer', 'planApprover'];
const PLAN_WRITERS: Role[] = ['admin', 'planEditor'];
const PLAN_CREATORS: Role[] = ['admin', 'orgMember', 'otherOrgMember'];
/** The portfolio: those who follow many plans (administrators, the fund, organisation members). */
const PORTFOLIO: Role[] = ['admin', 'fund', 'orgMember', 'otherOrgMember'];

interface Call {
  url: string;
  payload?: unknown;
  /** Send the request on a new session of the role's user (for login and logout, which end it). */
  freshSession?: boolean;
  /** Extra request headers (a file upload's content type). */
  headers?: Record<string, string>;
}

interface Expectation {
  allowed: Role[];
  /** Builds the request for one role; may create what the call consumes (a row to delete). */
  call: (role: Role) => Promise<Call> | Call;
  /** The route reads personal data, so an allowed read is audited too. */
  personalData?: boolean;
  /** The error code a refused signed-in role gets (forbidden unless the service says more). */
  refusedCode?: string;
  /** A POST that only computes (stores nothing), so it is not audited. */
  computesOnly?: boolean;
}

let t: TestApp;
let clients: Record<Exclude<Role, 'anonymous'>, TestClient>;
const userIds = {} as Record<Exclude<Role, 'anonymous'>, string>;
let plan: PlanDetail;
let otherPlan: PlanDetail;
let orgId: string;
let otherOrgId: string;
let municipalityId: string;
let poolId: string;
let focusAreaIds: string[];
let loginEmail: string;
let targetUserId: string;
let seq = 0;
const unique = (prefix: string) => `${prefix} ${++seq}-${Date.now()}`;

async function versionOf(
  table:
    | 'municipalities'
    | 'housingOrganisations'
    | 'housingAreas'
    | 'fundingPools'
    | 'areaSecretariats'
    | 'plans',
  id: string,
) {
  const row = await t.db.selectFrom(table).select('version').where('id', '=', id).executeTakeFirstOrThrow();
  return row.version;
}

function planInput(housingOrganisationId: string, areaId: string): PlanInput {
  return {
    name: unique('Helhedsplan Matrix'),
    poolId,
    municipalityId,
    housingOrganisationId,
    areaIds: [areaId],
    focusAreaIds: focusAreaIds.slice(0, 2),
    status: 'active',
    periodStart: '2024-01-01',
    periodEnd: '2027-12-31',
    grants: [{ poolId, amountOre: 600_000_000, startDate: '2024-01-01', endDate: '2027-12-31' }],
  };
}

/** A plan of the main organisation that the plan editor and viewer hold roles on (for delete). */
async function disposablePlan(): Promise<string> {
  const area = await buildArea(t.db, { municipalityId, housingOrganisationId: orgId });
  const p = await buildPlan(t.db, { ...planInput(orgId, area.id), municipalityId });
  await grantRole(t.db, userIds.planEditor, { role: 'plan_editor', planId: p.id });
  await grantRole(t.db, userIds.planViewer, { role: 'plan_viewer', planId: p.id });
  return p.id;
}

const goalInput = () => ({ level: 'result', focusAreaId: focusAreaIds[0], title: unique('Resultatmål') });
const indicatorInput = (goalId: string) => ({
  goalId,
  name: unique('Indikator'),
  kind: 'count',
  direction: 'higher_is_better',
  dataSource: 'manual',
  combine: 'sum',
  targets: [{ period: '2025', value: 10 }],
});
const activityInput = () => ({ name: unique('Aktivitet'), status: 'planned' });

/** A goal, indicator or activity of the main plan, made by the administrator for one call. */
async function resultsGoal(): Promise<{ id: string; version: number }> {
  return (await clients.admin.post(`/api/plans/${plan.id}/goals`, goalInput())).json();
}
async function resultsIndicator(): Promise<{ id: string; goalId: string; version: number }> {
  const g = await resultsGoal();
  return (await clients.admin.post(`/api/plans/${plan.id}/indicators`, indicatorInput(g.id))).json();
}
async function resultsActivity(): Promise<{ id: string; version: number }> {
  return (await clients.admin.post(`/api/plans/${plan.id}/activities`, activityInput())).json();
}
const registrationInput = (activityId: string) => ({ activityId, date: '2025-03-01', participants: 4 });
async function registration(): Promise<{ id: string; activityId: string; version: number }> {
  const a = await resultsActivity();
  return (await clients.admin.post(`/api/plans/${plan.id}/registrations`, registrationInput(a.id))).json();
}
const participantInput = () => ({ code: unique('LC').replace(/\s/g, '-'), birthYear: 2008 });
const reportInput = () => ({ title: unique('Statusrapport'), period: '2025', audience: 'steering_group' });
/** A report of the main plan moved to `status` by its editor (and approver), for one call. */
async function report(
  status: 'draft' | 'submitted' | 'approved' = 'draft',
): Promise<{ id: string; version: number }> {
  let r = (await clients.admin.post(`/api/plans/${plan.id}/reports`, reportInput())).json();
  if (status !== 'draft')
    r = (
      await clients.admin.post(`/api/plans/${plan.id}/reports/${r.id}/submit`, { version: r.version })
    ).json();
  if (status === 'approved')
    r = (
      await clients.planApprover.post(`/api/plans/${plan.id}/reports/${r.id}/approve`, { version: r.version })
    ).json();
  return r;
}
async function participant(): Promise<{ id: string; version: number }> {
  return (await clients.admin.post(`/api/plans/${plan.id}/participants`, participantInput())).json();
}

/** The catalogue entry that reads and edits of municipal services use, with its current version. */
let serviceTargetId: string | undefined;
async function serviceTarget(): Promise<{ id: string; version: number }> {
  serviceTargetId ??= (
    await clients.admin.post('/api/municipal-services', { municipalityId, name: 'Måltilbud' })
  ).json().id as string;
  const row = await t.db
    .selectFrom('municipalServices')
    .select(['id', 'version'])
    .where('id', '=', serviceTargetId)
    .executeTakeFirstOrThrow();
  return row;
}

const sharedIndicatorInput = () => ({
  name: unique('Fælles indikator'),
  kind: 'count',
  direction: 'higher_is_better',
  combine: 'sum',
});
/** A fund-level shared indicator made by the administrator for one call. */
async function sharedIndicator(): Promise<{ id: string; version: number }> {
  return (await clients.admin.post('/api/shared-indicators', sharedIndicatorInput())).json();
}
async function sharedGoal(): Promise<{ id: string; version: number }> {
  return (
    await clients.admin.post(`/api/area-secretariats/${targets.secretariat}/shared-goals`, {
      title: unique('Fælles mål'),
    })
  ).json();
}

/** A questionnaire of the main plan made by the administrator, with one link per call. */
async function markerSurvey(): Promise<{ id: string; version: number; links: { token: string }[] }> {
  const res = await clients.admin.post(`/api/plans/${plan.id}/surveys`, {
    title: unique('Spørgeskema'),
    period: 2025,
    invitations: [{ group: 'project_staff', count: 1 }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
let sharedSurvey: { id: string; links: { token: string }[] } | undefined;
/** A theory of change of the main plan made by the administrator for one call. */
async function theoryOfChange(): Promise<{ id: string; version: number }> {
  const res = await clients.admin.post(`/api/plans/${plan.id}/theories`, {
    scope: 'crossCutting',
    title: unique('Forandringsteori'),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
let sharedTheory: { id: string; version: number } | undefined;
const markerAnswer = () => ({
  scores: Object.fromEntries(
    [
      'm1_priority',
      'm1_backing',
      'm2_goals',
      'm2_role',
      'm3_documentation',
      'm3_follow_up',
      'm4_responsibility',
      'm4_collaboration',
      'm5_acceptance',
      'm5_fit',
    ].map((k) => [k, 4]),
  ),
});

const targets = {} as Record<'municipality' | 'org' | 'area' | 'pool' | 'secretariat', string>;

// ---------- process evaluation: a study whose team is the evaluator ----------
const ev = {} as {
  studyId: string;
  caseId: string;
  sourceId: string;
  codeId: string;
  themeId: string;
  coderId: string;
  qdpx: Buffer;
  qdc: string;
};
const evBase = () => `/api/evaluation/studies/${ev.studyId}`;
const EVALUATOR: Role[] = ['evaluator'];
/** Administrators manage a study (name, team); only its team reads what it holds. */
const STUDY_MANAGERS: Role[] = ['admin', 'evaluator'];
const transcriptUpload = () => ({
  caseId: ev.caseId,
  filename: 'matrix.txt',
  contentBase64: Buffer.from('Interviewer: Hvordan går det?\nDeltager: Godt.\n').toString('base64'),
});

async function setUpEvaluation() {
  const study = (
    await clients.evaluator.post('/api/evaluation/studies', { name: 'Matrixundersøgelse' })
  ).json();
  ev.studyId = study.id;
  ev.caseId = (await clients.evaluator.post(`${evBase()}/cases`, { name: 'Matrixcase' })).json().id;
  ev.sourceId = (await clients.evaluator.post(`${evBase()}/sources`, transcriptUpload())).json().id;
  const codes = (await clients.evaluator.get(`${evBase()}/codes`)).json().items as {
    id: string;
    role: string;
  }[];
  ev.codeId = codes.find((c) => c.role === 'driver')!.id;
  ev.themeId = codes.find((c) => c.role === 'theme:steering')!.id;
  await clients.evaluator.post(`${evBase()}/codings`, {
    sourceId: ev.sourceId,
    codeIds: [ev.codeId],
    start: 0,
    end: 11,
  });
  ev.coderId = (await clients.evaluator.get(`${evBase()}/coders`)).json().items[0].id;
  ev.qdpx = (await clients.evaluator.get(`${evBase()}/export/qdpx`)).rawPayload;
  ev.qdc = (await clients.evaluator.get(`${evBase()}/export/qdc`)).body;
}
async function evPost(path: string, payload: unknown): Promise<{ id: string; version: number }> {
  const res = await clients.evaluator.post(`${evBase()}${path}`, payload);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const evStudy = async (): Promise<{ id: string; version: number }> =>
  (
    await clients.evaluator.post('/api/evaluation/studies', {
      name: unique('Undersøgelse'),
      seedCodebook: false,
    })
  ).json();
const evCase = () => evPost('/cases', { name: unique('Case') });
const evCollection = () => evPost('/data-collections', { kind: 'interview', title: unique('Interview') });
const evSource = () => evPost('/sources', transcriptUpload());
const evCode = () => evPost('/codes', { name: unique('Kode') });
const evMemo = () => evPost('/memos', { targetKind: 'study', title: unique('Notat'), text: 'Tekst' });
const evCoding = async () =>
  (
    (
      await clients.evaluator.post(`${evBase()}/codings`, {
        sourceId: ev.sourceId,
        codeIds: [ev.codeId],
        start: 0,
        end: 5,
      })
    ).json() as { items: { id: string }[] }
  ).items[0]!;
const NOT_ON_TEAM = 'evaluation_not_on_team';

const EXPECTED: Record<string, Expectation> = {
  // ---------- system ----------
  'GET /api/health': { allowed: EVERYONE, call: () => ({ url: '/api/health' }) },
  'GET /api/openapi.json': { allowed: EVERYONE, call: () => ({ url: '/api/openapi.json' }) },

  // ---------- auth ----------
  'POST /api/auth/login': {
    allowed: EVERYONE,
    call: () => ({
      url: '/api/auth/login',
      payload: { email: loginEmail, password: TEST_PASSWORD },
      freshSession: true,
    }),
  },
  'POST /api/auth/logout': {
    allowed: SIGNED_IN,
    call: () => ({ url: '/api/auth/logout', freshSession: true }),
  },
  'GET /api/auth/me': { allowed: SIGNED_IN, call: () => ({ url: '/api/auth/me' }) },
  'GET /api/agenda': { allowed: SIGNED_IN, call: () => ({ url: '/api/agenda' }) },

  // ---------- portfolio ----------
  'GET /api/portfolio/overview': { allowed: PORTFOLIO, call: () => ({ url: '/api/portfolio/overview' }) },
  'GET /api/portfolio/overview/export': {
    allowed: PORTFOLIO,
    call: () => ({ url: '/api/portfolio/overview/export?format=csv' }),
  },
  'GET /api/portfolio/indicators': { allowed: PORTFOLIO, call: () => ({ url: '/api/portfolio/indicators' }) },
  'GET /api/portfolio/indicators/export': {
    allowed: PORTFOLIO,
    call: () => ({ url: '/api/portfolio/indicators/export?format=xlsx' }),
  },
  'GET /api/portfolio/compliance': {
    allowed: PORTFOLIO,
    personalData: true,
    call: () => ({ url: '/api/portfolio/compliance' }),
  },
  'GET /api/portfolio/compliance/export': {
    allowed: PORTFOLIO,
    personalData: true,
    call: () => ({ url: '/api/portfolio/compliance/export?format=csv' }),
  },
  'GET /api/portfolio/grants': { allowed: PORTFOLIO, call: () => ({ url: '/api/portfolio/grants' }) },
  'GET /api/portfolio/grants/export': {
    allowed: PORTFOLIO,
    call: () => ({ url: '/api/portfolio/grants/export?format=csv' }),
  },
  'GET /api/portfolio/compare': {
    allowed: ['admin', 'fund', 'orgMember'],
    call: () => ({ url: `/api/portfolio/compare?planIds=${plan.id}` }),
  },
  'GET /api/portfolio/compare/export': {
    allowed: ['admin', 'fund', 'orgMember'],
    call: () => ({ url: `/api/portfolio/compare/export?planIds=${plan.id}&format=csv` }),
  },
  'GET /api/shared-indicators': { allowed: PORTFOLIO, call: () => ({ url: '/api/shared-indicators' }) },
  'POST /api/shared-indicators': {
    allowed: ['admin', 'fund'],
    call: () => ({ url: '/api/shared-indicators', payload: sharedIndicatorInput() }),
  },
  'PUT /api/shared-indicators/:sharedIndicatorId': {
    allowed: ['admin', 'fund'],
    call: async () => {
      const s = await sharedIndicator();
      return {
        url: `/api/shared-indicators/${s.id}`,
        payload: { ...sharedIndicatorInput(), version: s.version },
      };
    },
  },
  'DELETE /api/shared-indicators/:sharedIndicatorId': {
    allowed: ['admin', 'fund'],
    call: async () => ({ url: `/api/shared-indicators/${(await sharedIndicator()).id}` }),
  },
  'GET /api/plans/:planId/shared-indicators': {
    allowed: PLAN_READERS,
    call: () => ({ url: `/api/plans/${plan.id}/shared-indicators` }),
  },
  'GET /api/area-secretariats/:secretariatId/shared-goals': {
    allowed: ['admin', 'fund'],
    call: () => ({ url: `/api/area-secretariats/${targets.secretariat}/shared-goals` }),
  },
  'POST /api/area-secretariats/:secretariatId/shared-goals': {
    allowed: ADMIN,
    call: () => ({
      url: `/api/area-secretariats/${targets.secretariat}/shared-goals`,
      payload: { title: unique('Fælles mål') },
    }),
  },
  'PUT /api/area-secretariats/:secretariatId/shared-goals/:goalId': {
    allowed: ADMIN,
    call: async () => {
      const g = await sharedGoal();
      return {
        url: `/api/area-secretariats/${targets.secretariat}/shared-goals/${g.id}`,
        payload: { title: unique('Fælles mål'), version: g.version },
      };
    },
  },
  'DELETE /api/area-secretariats/:secretariatId/shared-goals/:goalId': {
    allowed: ADMIN,
    call: async () => ({
      url: `/api/area-secretariats/${targets.secretariat}/shared-goals/${(await sharedGoal()).id}`,
    }),
  },
  'GET /api/area-secretariats/:secretariatId/shared-goals/:goalId/rollup': {
    allowed: ['admin', 'fund'],
    call: async () => ({
      url: `/api/area-secretariats/${targets.secretariat}/shared-goals/${(await sharedGoal()).id}/rollup`,
    }),
  },
  'GET /api/area-secretariats/:secretariatId/shared-goals/:goalId/rollup/export': {
    allowed: ['admin', 'fund'],
    call: async () => ({
      url: `/api/area-secretariats/${targets.secretariat}/shared-goals/${(await sharedGoal()).id}/rollup/export?format=csv`,
    }),
  },
  'GET /api/plans/:planId/expenditures': {
    allowed: PLAN_READERS,
    call: () => ({ url: `/api/plans/${plan.id}/expenditures` }),
  },
  'PUT /api/plans/:planId/expenditures': {
    allowed: PLAN_WRITERS,
    call: () => ({
      url: `/api/plans/${plan.id}/expenditures`,
      payload: { items: [{ year: 2025, amountOre: 100_000_00 }] },
    }),
  },
  'PUT /api/auth/locale': {
    allowed: SIGNED_IN,
    call: () => ({ url: '/api/auth/locale', payload: { locale: 'da' } }),
  },

  // ---------- users and audit ----------
  'GET /api/users': { allowed: ADMIN, personalData: true, call: () => ({ url: '/api/users' }) },
  'GET /api/users/export': {
    allowed: ADMIN,
    personalData: true,
    call: () => ({ url: '/api/users/export?format=csv' }),
  },
  'GET /api/users/:id': {
    allowed: ADMIN,
    personalData: true,
    call: () => ({ url: `/api/users/${targetUserId}` }),
  },
  'POST /api/users': {
    allowed: ADMIN,
    call: () => ({
      url: '/api/users',
      payload: { email: `ny-${++seq}@test.example`, name: 'Ny bruger', password: TEST_PASSWORD },
    }),
  },
  'PUT /api/users/:id': {
    allowed: ADMIN,
    call: () => ({
      url: `/api/users/${targetUserId}`,
      payload: { name: 'Målbruger', isAdmin: false, locale: 'da', disabled: false, roles: [] },
    }),
  },
  'GET /api/audit': { allowed: ADMIN, personalData: true, call: () => ({ url: '/api/audit' }) },
  'GET /api/audit/export': {
    allowed: ADMIN,
    personalData: true,
    call: () => ({ url: '/api/audit/export?format=csv' }),
  },

  // ---------- municipalities ----------
  'GET /api/municipalities': { allowed: SIGNED_IN, call: () => ({ url: '/api/municipalities' }) },
  'GET /api/municipalities/export': {
    allowed: SIGNED_IN,
    call: () => ({ url: '/api/municipalities/export?format=xlsx' }),
  },
  'GET /api/municipalities/:id': {
    allowed: SIGNED_IN,
    call: () => ({ url: `/api/municipalities/${municipalityId}` }),
  },
  'POST /api/municipalities': {
    allowed: ADMIN,
    call: () => ({ url: '/api/municipalities', payload: { name: unique('Kommune') } }),
  },
  'PUT /api/municipalities/:id': {
    allowed: ADMIN,
    call: async () => ({
      url: `/api/municipalities/${targets.municipality}`,
      payload: {
        name: 'Målkommune',
        code: null,
        version: await versionOf('municipalities', targets.municipality),
      },
    }),
  },
  'DELETE /api/municipalities/:id': {
    allowed: ADMIN,
    call: async () => ({ url: `/api/municipalities/${(await buildMunicipality(t.db)).id}` }),
  },

  // ---------- housing organisations ----------
  'GET /api/housing-organisations': {
    allowed: SIGNED_IN,
    call: () => ({ url: '/api/housing-organisations' }),
  },
  'GET /api/housing-organisations/export': {
    allowed: SIGNED_IN,
    call: () => ({ url: '/api/housing-organisations/export?format=csv' }),
  },
  'GET /api/housing-organisations/:id': {
    allowed: SIGNED_IN,
    call: () => ({ url: `/api/housing-organisations/${orgId}` }),
  },
  'POST /api/housing-organisations': {
    allowed: ADMIN,
    call: () => ({
      url: '/api/housing-organisations',
      payload: { name: unique('Boligselskab'), municipalityId },
    }),
  },
  'PUT /api/housing-organisations/:id': {
    allowed: ADMIN,
    call: async () => ({
      url: `/api/housing-organisations/${targets.org}`,
      payload: {
        name: 'Målselskab',
        municipalityId: null,
        version: await versionOf('housingOrganisations', targets.org),
      },
    }),
  },
  'DELETE /api/housing-organisations/:id': {
    allowed: ADMIN,
    call: async () => ({ url: `/api/housing-organisations/${(await buildHousingOrganisation(t.db)).id}` }),
  },

  // ---------- housing areas ----------
  'GET /api/areas': { allowed: SIGNED_IN, call: () => ({ url: '/api/areas' }) },
  'GET /api/areas/export': { allowed: SIGNED_IN, call: () => ({ url: '/api/areas/export?format=csv' }) },
  'GET /api/areas/:id': { allowed: SIGNED_IN, call: () => ({ url: `/api/areas/${targets.area}` }) },
  'POST /api/areas': {
    allowed: ADMIN,
    call: () => ({
      url: '/api/areas',
      payload: {
        name: unique('Område'),
        municipalityId,
        departments: [{ housingOrganisationId: orgId, departmentNumber: `M${++seq}`, dwellings: 120 }],
      },
    }),
  },
  'PUT /api/areas/:id': {
    allowed: ADMIN,
    call: async () => ({
      url: `/api/areas/${targets.area}`,
      payload: {
        name: 'Målområde',
        municipalityId,
        departments: [{ housingOrganisationId: orgId, departmentNumber: 'MÅL-1', dwellings: 300 }],
        version: await versionOf('housingAreas', targets.area),
      },
    }),
  },
  'DELETE /api/areas/:id': {
    allowed: ADMIN,
    call: async () => ({
      url: `/api/areas/${(await buildArea(t.db, { municipalityId, housingOrganisationId: orgId })).id}`,
    }),
  },

  // ---------- funding pools ----------
  'GET /api/pools': { allowed: SIGNED_IN, call: () => ({ url: '/api/pools' }) },
  'GET /api/pools/export': { allowed: SIGNED_IN, call: () => ({ url: '/api/pools/export?format=xlsx' }) },
  'GET /api/pools/:id': { allowed: SIGNED_IN, call: () => ({ url: `/api/pools/${poolId}` }) },
  'POST /api/pools': {
    allowed: ADMIN,
    call: () => ({ url: '/api/pools', payload: { name: unique('Pulje'), startYear: 2027, endYear: 2030 } }),
  },
  'PUT /api/pools/:id': {
    allowed: ADMIN,
    call: async () => ({
      url: `/api/pools/${targets.pool}`,
      payload: {
        name: 'Målpulje',
        startYear: 2031,
        endYear: 2034,
        version: await versionOf('fundingPools', targets.pool),
      },
    }),
  },
  'DELETE /api/pools/:id': {
    allowed: ADMIN,
    call: async () => {
      const res = await clients.admin.post('/api/pools', {
        name: unique('Slettepulje'),
        startYear: 2040,
        endYear: 2041,
      });
      return { url: `/api/pools/${res.json().id}` };
    },
  },
  'POST /api/pools/:id/catalogues': {
    allowed: ADMIN,
    call: () => ({
      url: `/api/pools/${targets.pool}/catalogues`,
      payload: { validFrom: '2031-01-01', focusAreas: [{ nameDa: 'Tryghed', nameEn: 'Safety' }] },
    }),
  },

  // ---------- area secretariats ----------
  'GET /api/area-secretariats': { allowed: SIGNED_IN, call: () => ({ url: '/api/area-secretariats' }) },
  'GET /api/area-secretariats/export': {
    allowed: SIGNED_IN,
    call: () => ({ url: '/api/area-secretariats/export?format=csv' }),
  },
  'GET /api/area-secretariats/:id': {
    allowed: SIGNED_IN,
    call: () => ({ url: `/api/area-secretariats/${targets.secretariat}` }),
  },
  'POST /api/area-secretariats': {
    allowed: ADMIN,
    call: () => ({ url: '/api/area-secretariats', payload: { name: unique('Sekretariat'), municipalityId } }),
  },
  'PUT /api/area-secretariats/:id': {
    allowed: ADMIN,
    call: async () => ({
      url: `/api/area-secretariats/${targets.secretariat}`,
      payload: {
        name: 'Målsekretariat',
        municipalityId,
        version: await versionOf('areaSecretariats', targets.secretariat),
      },
    }),
  },
  'DELETE /api/area-secretariats/:id': {
    allowed: ADMIN,
    call: async () => {
      const res = await clients.admin.post('/api/area-secretariats', {
        name: unique('Slet'),
        municipalityId,
      });
      return { url: `/api/area-secretariats/${res.json().id}` };
    },
  },

  // ---------- municipal services ----------
  'GET /api/municipal-services': { allowed: SIGNED_IN, call: () => ({ url: '/api/municipal-services' }) },
  'GET /api/municipal-services/export': {
    allowed: SIGNED_IN,
    call: () => ({ url: '/api/municipal-services/export?format=csv' }),
  },
  'GET /api/municipal-services/:id': {
    allowed: SIGNED_IN,
    call: async () => ({ url: `/api/municipal-services/${(await serviceTarget()).id}` }),
  },
  'POST /api/municipal-services': {
    allowed: ADMIN,
    call: () => ({ url: '/api/municipal-services', payload: { municipalityId, name: unique('Tilbud') } }),
  },
  'PUT /api/municipal-services/:id': {
    allowed: ADMIN,
    call: async () => {
      const s = await serviceTarget();
      return {
        url: `/api/municipal-services/${s.id}`,
        payload: { municipalityId, name: 'Måltilbud', version: s.version },
      };
    },
  },
  'DELETE /api/municipal-services/:id': {
    allowed: ADMIN,
    call: async () => {
      const res = await clients.admin.post('/api/municipal-services', {
        municipalityId,
        name: unique('Slet'),
      });
      return { url: `/api/municipal-services/${res.json().id}` };
    },
  },

  // ---------- plans ----------
  'GET /api/plans': { allowed: SIGNED_IN, call: () => ({ url: '/api/plans' }) },
  'GET /api/plans/export': { allowed: SIGNED_IN, call: () => ({ url: '/api/plans/export?format=csv' }) },
  'GET /api/case-matrix': { allowed: SIGNED_IN, call: () => ({ url: '/api/case-matrix' }) },
  'POST /api/plans': {
    allowed: PLAN_CREATORS,
    // An organisation member creates plans for their own organisation.
    call: async (role) => {
      const org = role === 'otherOrgMember' ? otherOrgId : orgId;
      const area = await buildArea(t.db, { municipalityId, housingOrganisationId: org });
      return { url: '/api/plans', payload: planInput(org, area.id) };
    },
  },
  'GET /api/plans/:id': { allowed: PLAN_READERS, call: () => ({ url: `/api/plans/${plan.id}` }) },
  'PUT /api/plans/:id': {
    allowed: PLAN_WRITERS,
    call: async () => ({
      url: `/api/plans/${plan.id}`,
      payload: {
        ...planInput(orgId, plan.areas[0]!.id),
        name: plan.name,
        version: await versionOf('plans', plan.id),
      },
    }),
  },
  'DELETE /api/plans/:id': {
    allowed: PLAN_WRITERS,
    call: async () => ({ url: `/api/plans/${await disposablePlan()}` }),
  },

  // ---------- results framework ----------
  'GET /api/plans/:planId/results': {
    allowed: PLAN_READERS,
    call: () => ({ url: `/api/plans/${plan.id}/results` }),
  },
  'GET /api/plans/:planId/coherence': {
    allowed: PLAN_READERS,
    call: () => ({ url: `/api/plans/${plan.id}/coherence` }),
  },
  'GET /api/plans/:planId/goals/export': {
    allowed: PLAN_READERS,
    call: () => ({ url: `/api/plans/${plan.id}/goals/export?format=csv` }),
  },
  'GET /api/plans/:planId/activities/export': {
    allowed: PLAN_READERS,
    call: () => ({ url: `/api/plans/${plan.id}/activities/export?format=xlsx` }),
  },
  'POST /api/plans/:planId/goals': {
    allowed: PLAN_WRITERS,
    call: () => ({ url: `/api/plans/${plan.id}/goals`, payload: goalInput() }),
  },
  'PUT /api/plans/:planId/goals/:goalId': {
    allowed: PLAN_WRITERS,
    call: async () => {
      const g = await resultsGoal();
      return { url: `/api/plans/${plan.id}/goals/${g.id}`, payload: { ...goalInput(), version: g.version } };
    },
  },
  'DELETE /api/plans/:planId/goals/:goalId': {
    allowed: PLAN_WRITERS,
    call: async () => ({ url: `/api/plans/${plan.id}/goals/${(await resultsGoal()).id}` }),
  },
  'POST /api/plans/:planId/indicators': {
    allowed: PLAN_WRITERS,
    call: async () => ({
      url: `/api/plans/${plan.id}/indicators`,
      payload: indicatorInput((await resultsGoal()).id),
    }),
  },
  'PUT /api/plans/:planId/indicators/:indicatorId': {
    allowed: PLAN_WRITERS,
    call: async () => {
      const i = await resultsIndicator();
      return {
        url: `/api/plans/${plan.id}/indicators/${i.id}`,
        payload: { ...indicatorInput(i.goalId), version: i.version },
      };
    },
  },
  'DELETE /api/plans/:planId/indicators/:indicatorId': {
    allowed: PLAN_WRITERS,
    call: async () => ({ url: `/api/plans/${plan.id}/indicators/${(await resultsIndicator()).id}` }),
  },
  'GET /api/plans/:planId/indicators/:indicatorId/values': {
    allowed: PLAN_READERS,
    call: async () => ({ url: `/api/plans/${plan.id}/indicators/${(await resultsIndicator()).id}/values` }),
  },
  'PUT /api/plans/:planId/indicators/:indicatorId/values': {
    allowed: PLAN_WRITERS,
    call: async () => ({
      url: `/api/plans/${plan.id}/indicators/${(await resultsIndicator()).id}/values`,
      payload: { values: [{ period: '2025', state: 'value', value: 12 }] },
    }),
  },
  'POST /api/plans/:planId/activities': {
    allowed: PLAN_WRITERS,
    call: () => ({ url: `/api/plans/${plan.id}/activities`, payload: activityInput() }),
  },
  'PUT /api/plans/:planId/activities/:activityId': {
    allowed: PLAN_WRITERS,
    call: async () => {
      const a = await resultsActivity();
      return {
        url: `/api/plans/${plan.id}/activities/${a.id}`,
        payload: { ...activityInput(), version: a.version },
      };
    },
  },
  'DELETE /api/plans/:planId/activities/:activityId': {
    allowed: PLAN_WRITERS,
    call: async () => ({ url: `/api/plans/${plan.id}/activities/${(await resultsActivity()).id}` }),
  },

  // ---------- registrations and participants ----------
  'GET /api/plans/:planId/registrations': {
    allowed: PLAN_READERS,
    call: () => ({ url: `/api/plans/${plan.id}/registrations` }),
  },
  // ---------- status reports ----------
  'GET /api/plans/:planId/reports': {
    allowed: PLAN_READERS,
    call: () => ({ url: `/api/plans/${plan.id}/reports` }),
  },
  'GET /api/plans/:planId/reports/:reportId': {
    personalData: true,
    allowed: PLAN_READERS,
    call: async () => ({ url: `/api/plans/${plan.id}/reports/${(await report()).id}` }),
  },
  'GET /api/plans/:planId/reports/:reportId/export': {
    personalData: true,
    allowed: PLAN_READERS,
    call: async () => ({ url: `/api/plans/${plan.id}/reports/${(await report()).id}/export?format=docx` }),
  },
  'POST /api/plans/:planId/reports': {
    allowed: PLAN_WRITERS,
    call: () => ({ url: `/api/plans/${plan.id}/reports`, payload: reportInput() }),
  },
  'PUT /api/plans/:planId/reports/:reportId': {
    allowed: PLAN_WRITERS,
    call: async () => {
      const r = await report();
      return {
        url: `/api/plans/${plan.id}/reports/${r.id}`,
        payload: { ...reportInput(), version: r.version },
      };
    },
  },
  'DELETE /api/plans/:planId/reports/:reportId': {
    allowed: PLAN_WRITERS,
    call: async () => ({ url: `/api/plans/${plan.id}/reports/${(await report()).id}` }),
  },
  'POST /api/plans/:planId/reports/:reportId/submit': {
    allowed: PLAN_WRITERS,
    call: async () => {
      const r = await report();
      return { url: `/api/plans/${plan.id}/reports/${r.id}/submit`, payload: { version: r.version } };
    },
  },
  'POST /api/plans/:planId/reports/:reportId/return': {
    allowed: ['admin', 'planEditor', 'planApprover'],
    call: async () => {
      const r = await report('submitted');
      return {
        url: `/api/plans/${plan.id}/reports/${r.id}/return`,
        payload: { version: r.version, note: 'Ret afsnittet om fremdrift' },
      };
    },
  },
  'POST /api/plans/:planId/reports/:reportId/approve': {
    allowed: ['planApprover'],
    refusedCode: 'report_approver_only',
    call: async () => {
      const r = await report('submitted');
      return { url: `/api/plans/${plan.id}/reports/${r.id}/approve`, payload: { version: r.version } };
    },
  },
  'POST /api/plans/:planId/reports/:reportId/send': {
    allowed: PLAN_WRITERS,
    call: async () => {
      const r = await report('approved');
      return {
        url: `/api/plans/${plan.id}/reports/${r.id}/send`,
        payload: { version: r.version, note: 'Styregruppen' },
      };
    },
  },
  'GET /api/plans/:planId/registrations/summary': {
    allowed: PLAN_READERS,
    call: () => ({ url: `/api/plans/${plan.id}/registrations/summary` }),
  },
  'POST /api/plans/:planId/registrations': {
    allowed: PLAN_WRITERS,
    call: async () => ({
      url: `/api/plans/${plan.id}/registrations`,
      payload: registrationInput((await resultsActivity()).id),
    }),
  },
  'PUT /api/plans/:planId/registrations/:registrationId': {
    allowed: PLAN_WRITERS,
    call: async () => {
      const r = await registration();
      return {
        url: `/api/plans/${plan.id}/registrations/${r.id}`,
        payload: { ...registrationInput(r.activityId), participants: 5, version: r.version },
      };
    },
  },
  'DELETE /api/plans/:planId/registrations/:registrationId': {
    allowed: PLAN_WRITERS,
    call: async () => ({ url: `/api/plans/${plan.id}/registrations/${(await registration()).id}` }),
  },
  'GET /api/plans/:planId/participants': {
    personalData: true,
    allowed: PLAN_READERS,
    call: () => ({ url: `/api/plans/${plan.id}/participants` }),
  },
  'POST /api/plans/:planId/participants': {
    allowed: PLAN_WRITERS,
    call: () => ({ url: `/api/plans/${plan.id}/participants`, payload: participantInput() }),
  },
  'PUT /api/plans/:planId/participants/:participantId': {
    allowed: PLAN_WRITERS,
    call: async () => {
      const p = await participant();
      return {
        url: `/api/plans/${plan.id}/participants/${p.id}`,
        payload: { ...participantInput(), version: p.version },
      };
    },
  },
  'DELETE /api/plans/:planId/participants/:participantId': {
    allowed: PLAN_WRITERS,
    call: async () => ({ url: `/api/plans/${plan.id}/participants/${(await participant()).id}` }),
  },

  // ---------- imports ----------
  'GET /api/plans/:planId/imports/:kind/template': {
    allowed: PLAN_WRITERS,
    call: () => ({ url: `/api/plans/${plan.id}/imports/registrations/template?format=csv` }),
  },
  'POST /api/plans/:planId/imports/:kind': {
    allowed: PLAN_WRITERS,
    call: () => ({
      url: `/api/plans/${plan.id}/imports/participants?filename=deltagere.csv`,
      headers: { 'content-type': 'text/csv' },
      payload: `Kode\n${unique('LC').replace(/\s/g, '-')}\n`,
    }),
  },
  'GET /api/plans/:planId/import-progress/:progressId': {
    allowed: PLAN_WRITERS,
    call: () => ({ url: `/api/plans/${plan.id}/import-progress/upload-0001` }),
  },

  // ---------- organisation ----------
  'GET /api/plans/:id/organisation': {
    personalData: true,
    allowed: PLAN_READERS,
    call: () => ({ url: `/api/plans/${plan.id}/organisation` }),
  },
  'GET /api/plans/:id/organisation/typology-input': {
    personalData: true,
    allowed: PLAN_READERS,
    call: () => ({ url: `/api/plans/${plan.id}/organisation/typology-input` }),
  },
  'POST /api/plans/:id/organisation/forums': {
    allowed: PLAN_WRITERS,
    call: () => ({ url: `/api/plans/${plan.id}/organisation/forums`, payload: forumBody() }),
  },
  'PUT /api/plans/:id/organisation/forums/:forumId': {
    allowed: PLAN_WRITERS,
    call: async () => {
      const f = await orgRow('forums', forumBody());
      return {
        url: `/api/plans/${plan.id}/organisation/forums/${f.id}`,
        payload: { ...forumBody(), version: 1 },
      };
    },
  },
  'DELETE /api/plans/:id/organisation/forums/:forumId': {
    allowed: PLAN_WRITERS,
    call: async () => ({
      url: `/api/plans/${plan.id}/organisation/forums/${(await orgRow('forums', forumBody())).id}`,
    }),
  },
  'GET /api/plans/:id/organisation/forums/:forumId/terms-of-reference': {
    personalData: true,
    allowed: PLAN_READERS,
    call: async () => ({
      url: `/api/plans/${plan.id}/organisation/forums/${(await orgRow('forums', forumBody())).id}/terms-of-reference`,
    }),
  },
  'POST /api/plans/:id/organisation/people': {
    allowed: PLAN_WRITERS,
    call: () => ({ url: `/api/plans/${plan.id}/organisation/people`, payload: { name: unique('Person') } }),
  },
  'PUT /api/plans/:id/organisation/people/:personId': {
    allowed: PLAN_WRITERS,
    call: async () => {
      const p = await orgRow('people', { name: unique('Person') });
      return {
        url: `/api/plans/${plan.id}/organisation/people/${p.id}`,
        payload: { name: 'Omdøbt', version: 1 },
      };
    },
  },
  'DELETE /api/plans/:id/organisation/people/:personId': {
    allowed: PLAN_WRITERS,
    call: async () => ({
      url: `/api/plans/${plan.id}/organisation/people/${(await orgRow('people', { name: unique('P') })).id}`,
    }),
  },
  'POST /api/plans/:id/organisation/memberships': {
    allowed: PLAN_WRITERS,
    call: async () => ({ url: `/api/plans/${plan.id}/organisation/memberships`, payload: await seatBody() }),
  },
  'PUT /api/plans/:id/organisation/memberships/:membershipId': {
    allowed: PLAN_WRITERS,
    call: async () => {
      const body = await seatBody();
      const m = await orgRow('memberships', body);
      return {
        url: `/api/plans/${plan.id}/organisation/memberships/${m.id}`,
        payload: { ...body, role: 'chair', version: 1 },
      };
    },
  },
  'DELETE /api/plans/:id/organisation/memberships/:membershipId': {
    allowed: PLAN_WRITERS,
    call: async () => ({
      url: `/api/plans/${plan.id}/organisation/memberships/${(await orgRow('memberships', await seatBody())).id}`,
    }),
  },
  'GET /api/plans/:id/agreement': {
    personalData: true,
    allowed: PLAN_READERS,
    call: () => ({ url: `/api/plans/${plan.id}/agreement` }),
  },
  'PUT /api/plans/:id/agreement': {
    allowed: PLAN_WRITERS,
    call: async () => {
      const current = await t.db
        .selectFrom('collabAgreements')
        .select('version')
        .where('planId', '=', plan.id)
        .executeTakeFirst();
      return {
        url: `/api/plans/${plan.id}/agreement`,
        payload: {
          status: 'draft',
          attachments: [],
          parties: [{ ref: 'k', name: 'Kommunen', kind: 'municipality' }],
          responsibilities: [],
          commitments: [],
          version: current?.version ?? 0,
        },
      };
    },
  },
  'GET /api/area-secretariats/:id/organisation': {
    personalData: true,
    allowed: SIGNED_IN,
    call: () => ({ url: `/api/area-secretariats/${targets.secretariat}/organisation` }),
  },
  'PUT /api/area-secretariats/:id/organisation': {
    allowed: ADMIN,
    call: async () => {
      const row = await t.db
        .selectFrom('secretariatOrganisations')
        .select('version')
        .where('areaSecretariatId', '=', targets.secretariat)
        .executeTakeFirst();
      return {
        url: `/api/area-secretariats/${targets.secretariat}/organisation`,
        payload: { forums: [], members: [], staff: [], functions: [], version: row?.version ?? 0 },
      };
    },
  },
  'POST /api/typology/classify': {
    allowed: SIGNED_IN,
    computesOnly: true,
    call: () => ({ url: '/api/typology/classify', payload: { forums: [], members: [], staff: [] } }),
  },
  'GET /api/portfolio/typology': { allowed: SIGNED_IN, call: () => ({ url: '/api/portfolio/typology' }) },

  // ---------- implementation markers ----------
  'GET /api/plans/:planId/markers': {
    allowed: PLAN_READERS,
    call: () => ({ url: `/api/plans/${plan.id}/markers?period=2025` }),
  },
  'GET /api/portfolio/markers': {
    allowed: PORTFOLIO,
    call: () => ({ url: '/api/portfolio/markers?period=2025' }),
  },
  'GET /api/plans/:planId/surveys': {
    allowed: PLAN_READERS,
    call: () => ({ url: `/api/plans/${plan.id}/surveys` }),
  },
  'POST /api/plans/:planId/surveys': {
    allowed: PLAN_WRITERS,
    call: () => ({
      url: `/api/plans/${plan.id}/surveys`,
      payload: {
        title: unique('Spørgeskema'),
        period: 2025,
        invitations: [{ group: 'resident_board', count: 2 }],
      },
    }),
  },
  'GET /api/plans/:planId/surveys/:surveyId': {
    allowed: PLAN_READERS,
    call: async () => {
      sharedSurvey ??= await markerSurvey();
      return { url: `/api/plans/${plan.id}/surveys/${sharedSurvey.id}` };
    },
  },
  'PUT /api/plans/:planId/surveys/:surveyId': {
    allowed: PLAN_WRITERS,
    call: async () => {
      const s = await markerSurvey();
      return {
        url: `/api/plans/${plan.id}/surveys/${s.id}`,
        payload: { title: unique('Spørgeskema'), minAnswers: 3, status: 'closed', version: s.version },
      };
    },
  },
  'DELETE /api/plans/:planId/surveys/:surveyId': {
    allowed: PLAN_WRITERS,
    call: async () => ({ url: `/api/plans/${plan.id}/surveys/${(await markerSurvey()).id}` }),
  },
  'POST /api/plans/:planId/surveys/:surveyId/invitations': {
    allowed: PLAN_WRITERS,
    call: async () => {
      sharedSurvey ??= await markerSurvey();
      return {
        url: `/api/plans/${plan.id}/surveys/${sharedSurvey.id}/invitations`,
        payload: { invitations: [{ group: 'steering_group', count: 1 }] },
      };
    },
  },
  'GET /api/questionnaire/:token': {
    allowed: EVERYONE,
    call: async () => {
      sharedSurvey ??= await markerSurvey();
      return { url: `/api/questionnaire/${sharedSurvey.links[0]!.token}` };
    },
  },
  'POST /api/questionnaire/:token': {
    allowed: EVERYONE,
    call: async () => ({
      url: `/api/questionnaire/${(await markerSurvey()).links[0]!.token}`,
      payload: markerAnswer(),
    }),
  },
  // ---------- theory of change ----------
  'GET /api/theories/search': {
    allowed: SIGNED_IN,
    call: () => ({ url: '/api/theories/search?text=forandring&fromText=a&toText=b' }),
  },
  'GET /api/plans/:planId/theories': {
    allowed: PLAN_READERS,
    call: () => ({ url: `/api/plans/${plan.id}/theories` }),
  },
  'POST /api/plans/:planId/theories': {
    allowed: PLAN_WRITERS,
    call: () => ({
      url: `/api/plans/${plan.id}/theories`,
      payload: { scope: 'focusArea', focusAreaId: plan.focusAreas[0]!.id, title: unique('Forandringsteori') },
    }),
  },
  'POST /api/plans/:planId/theories/draft': {
    allowed: PLAN_WRITERS,
    call: () => ({ url: `/api/plans/${plan.id}/theories/draft`, payload: { scope: 'crossCutting' } }),
  },
  'GET /api/plans/:planId/theories/:theoryId': {
    allowed: PLAN_READERS,
    call: async () => {
      sharedTheory ??= await theoryOfChange();
      return { url: `/api/plans/${plan.id}/theories/${sharedTheory.id}` };
    },
  },
  'PUT /api/plans/:planId/theories/:theoryId': {
    allowed: PLAN_WRITERS,
    call: async () => {
      const th = await theoryOfChange();
      return {
        url: `/api/plans/${plan.id}/theories/${th.id}`,
        payload: {
          version: th.version,
          title: unique('Forandringsteori'),
          nodes: [{ id: 'n1', kind: 'impact', label: 'Flere i job', x: 0, y: 0, link: null }],
          edges: [],
        },
      };
    },
  },
  'DELETE /api/plans/:planId/theories/:theoryId': {
    allowed: PLAN_WRITERS,
    call: async () => ({ url: `/api/plans/${plan.id}/theories/${(await theoryOfChange()).id}` }),
  },
  'GET /api/plans/:planId/theories/:theoryId/comparison': {
    allowed: PLAN_READERS,
    call: async () => {
      sharedTheory ??= await theoryOfChange();
      return { url: `/api/plans/${plan.id}/theories/${sharedTheory.id}/comparison` };
    },
  },
  'GET /api/plans/:planId/theories/:theoryId/export': {
    allowed: PLAN_READERS,
    call: async () => {
      sharedTheory ??= await theoryOfChange();
      return { url: `/api/plans/${plan.id}/theories/${sharedTheory.id}/export?format=xlsx` };
    },
  },
  // ---------- process evaluation ----------
  'GET /api/evaluation/studies': { allowed: SIGNED_IN, call: () => ({ url: '/api/evaluation/studies' }) },
  'POST /api/evaluation/studies': {
    allowed: STUDY_MANAGERS,
    call: () => ({
      url: '/api/evaluation/studies',
      payload: { name: unique('Undersøgelse'), seedCodebook: false },
    }),
  },
  'GET /api/evaluation/studies/:studyId': {
    allowed: STUDY_MANAGERS,
    personalData: true,
    refusedCode: NOT_ON_TEAM,
    call: () => ({ url: evBase() }),
  },
  'PUT /api/evaluation/studies/:studyId': {
    allowed: STUDY_MANAGERS,
    refusedCode: NOT_ON_TEAM,
    call: async () => {
      const s = await evStudy();
      return {
        url: `/api/evaluation/studies/${s.id}`,
        payload: {
          name: unique('Undersøgelse'),
          question: null,
          memberIds: [userIds.evaluator],
          version: s.version,
        },
      };
    },
  },
  'DELETE /api/evaluation/studies/:studyId': {
    allowed: STUDY_MANAGERS,
    refusedCode: NOT_ON_TEAM,
    call: async () => ({ url: `/api/evaluation/studies/${(await evStudy()).id}` }),
  },
  'GET /api/evaluation/studies/:studyId/cases': {
    allowed: EVALUATOR,
    refusedCode: NOT_ON_TEAM,
    call: () => ({ url: `${evBase()}/cases` }),
  },
  'POST /api/evaluation/studies/:studyId/cases': {
    allowed: EVALUATOR,
    refusedCode: NOT_ON_TEAM,
    call: () => ({ url: `${evBase()}/cases`, payload: { name: unique('Case') } }),
  },
  'PUT /api/evaluation/studies/:studyId/cases/:caseId': {
    allowed: EVALUATOR,
    refusedCode: NOT_ON_TEAM,
    call: async () => {
      const c = await evCase();
      return { url: `${evBase()}/cases/${c.id}`, payload: { name: unique('Case'), version: c.version } };
    },
  },
  'DELETE /api/evaluation/studies/:studyId/cases/:caseId': {
    allowed: EVALUATOR,
    refusedCode: NOT_ON_TEAM,
    call: async () => ({ url: `${evBase()}/cases/${(await evCase()).id}` }),
  },
  'GET /api/evaluation/studies/:studyId/data-collections': {
    allowed: EVALUATOR,
    refusedCode: NOT_ON_TEAM,
    call: () => ({ url: `${evBase()}/data-collections` }),
  },
  'POST /api/evaluation/studies/:studyId/data-collections': {
    allowed: EVALUATOR,
    refusedCode: NOT_ON_TEAM,
    call: () => ({
      url: `${evBase()}/data-collections`,
      payload: { kind: 'workshop', title: unique('Workshop') },
    }),
  },
  'PUT /api/evaluation/studies/:studyId/data-collections/:collectionId': {
    allowed: EVALUATOR,
    refusedCode: NOT_ON_TEAM,
    call: async () => {
      const c = await evCollection();
      return {
        url: `${evBase()}/data-collections/${c.id}`,
        payload: { kind: 'focus_group', title: unique('Fokusgruppe'), version: c.version },
      };
    },
  },
  'DELETE /api/evaluation/studies/:studyId/data-collections/:collectionId': {
    allowed: EVALUATOR,
    refusedCode: NOT_ON_TEAM,
    call: async () => ({ url: `${evBase()}/data-collections/${(await evCollection()).id}` }),
  },
  'GET /api/evaluation/studies/:studyId/sources': {
    allowed: EVALUATOR,
    refusedCode: NOT_ON_TEAM,
    call: () => ({ url: `${evBase()}/sources` }),
  },
  'POST /api/evaluation/studies/:studyId/sources': {
    allowed: EVALUATOR,
    refusedCode: NOT_ON_TEAM,
    call: () => ({ url: `${evBase()}/sources`, payload: transcriptUpload() }),
  },
  'GET /api/evaluation/studies/:studyId/sources/:sourceId': {
    allowed: EVALUATOR,
    personalData: true,
    refusedCode: NOT_ON_TEAM,
    call: () => ({ url: `${evBase()}/sources/${ev.sourceId}?purpose=coding` }),
  },
  'PUT /api/evaluation/studies/:studyId/sources/:sourceId': {
    allowed: EVALUATOR,
    refusedCode: NOT_ON_TEAM,
    call: async () => {
      const s = await evSource();
      return {
        url: `${evBase()}/sources/${s.id}`,
        payload: {
          name: unique('Kilde'),
          description: null,
          caseId: null,
          dataCollectionId: null,
          version: s.version,
        },
      };
    },
  },
  'DELETE /api/evaluation/studies/:studyId/sources/:sourceId': {
    allowed: EVALUATOR,
    refusedCode: NOT_ON_TEAM,
    call: async () => ({ url: `${evBase()}/sources/${(await evSource()).id}` }),
  },
  'GET /api/evaluation/studies/:studyId/codes': {
    allowed: EVALUATOR,
    refusedCode: NOT_ON_TEAM,
    call: () => ({ url: `${evBase()}/codes` }),
  },
  'POST /api/evaluation/studies/:studyId/codes': {
    allowed: EVALUATOR,
    refusedCode: NOT_ON_TEAM,
    call: () => ({ url: `${evBase()}/codes`, payload: { name: unique('Kode'), color: '#112233' } }),
  },
  'PUT /api/evaluation/studies/:studyId/codes/:codeId': {
    allowed: EVALUATOR,
    refusedCode: NOT_ON_TEAM,
    call: async () => {
      const c = await evCode();
      return {
        url: `${evBase()}/codes/${c.id}`,
        payload: { name: unique('Kode'), description: null, color: null, codable: true, version: c.version },
      };
    },
  },
  'DELETE /api/evaluation/studies/:studyId/codes/:codeId': {
    allowed: EVALUATOR,
    refusedCode: NOT_ON_TEAM,
    call: async () => ({ url: `${evBase()}/codes/${(await evCode()).id}` }),
  },
  'POST /api/evaluation/studies/:studyId/codes/:codeId/move': {
    allowed: EVALUATOR,
    refusedCode: NOT_ON_TEAM,
    call: async () => ({
      url: `${evBase()}/codes/${(await evCode()).id}/move`,
      payload: { parentId: ev.themeId },
    }),
  },
  'POST /api/evaluation/studies/:studyId/codes/:codeId/merge': {
    allowed: EVALUATOR,
    refusedCode: NOT_ON_TEAM,
    call: async () => ({
      url: `${evBase()}/codes/${(await evCode()).id}/merge`,
      payload: { intoId: (await evCode()).id },
    }),
  },
  'GET /api/evaluation/studies/:studyId/codings': {
    allowed: EVALUATOR,
    personalData: true,
    refusedCode: NOT_ON_TEAM,
    call: () => ({ url: `${evBase()}/codings?sourceId=${ev.sourceId}` }),
  },
  'POST /api/evaluation/studies/:studyId/codings': {
    allowed: EVALUATOR,
    refusedCode: NOT_ON_TEAM,
    call: () => ({
      url: `${evBase()}/codings`,
      payload: { sourceId: ev.sourceId, codeIds: [ev.codeId, ev.themeId], start: 13, end: 20 },
    }),
  },
  'PUT /api/evaluation/studies/:studyId/codings/:codingId': {
    allowed: EVALUATOR,
    refusedCode: NOT_ON_TEAM,
    call: async () => ({
      url: `${evBase()}/codings/${(await evCoding()).id}`,
      payload: { codeId: ev.themeId, start: 1, end: 6 },
    }),
  },
  'DELETE /api/evaluation/studies/:studyId/codings/:codingId': {
    allowed: EVALUATOR,
    refusedCode: NOT_ON_TEAM,
    call: async () => ({ url: `${evBase()}/codings/${(await evCoding()).id}` }),
  },
  'GET /api/evaluation/studies/:studyId/coders': {
    allowed: EVALUATOR,
    refusedCode: NOT_ON_TEAM,
    call: () => ({ url: `${evBase()}/coders` }),
  },
  'GET /api/evaluation/studies/:studyId/memos': {
    allowed: EVALUATOR,
    refusedCode: NOT_ON_TEAM,
    call: () => ({ url: `${evBase()}/memos` }),
  },
  'POST /api/evaluation/studies/:studyId/memos': {
    allowed: EVALUATOR,
    refusedCode: NOT_ON_TEAM,
    call: () => ({
      url: `${evBase()}/memos`,
      payload: { targetKind: 'case', targetId: ev.caseId, title: unique('Notat'), text: 'Tekst' },
    }),
  },
  'PUT /api/evaluation/studies/:studyId/memos/:memoId': {
    allowed: EVALUATOR,
    refusedCode: NOT_ON_TEAM,
    call: async () => {
      const m = await evMemo();
      return {
        url: `${evBase()}/memos/${m.id}`,
        payload: { title: unique('Notat'), text: 'Ny', version: m.version },
      };
    },
  },
  'DELETE /api/evaluation/studies/:studyId/memos/:memoId': {
    allowed: EVALUATOR,
    refusedCode: NOT_ON_TEAM,
    call: async () => ({ url: `${evBase()}/memos/${(await evMemo()).id}` }),
  },
  'GET /api/evaluation/studies/:studyId/framework': {
    allowed: EVALUATOR,
    personalData: true,
    refusedCode: NOT_ON_TEAM,
    call: () => ({ url: `${evBase()}/framework` }),
  },
  'PUT /api/evaluation/studies/:studyId/framework/:caseId/:themeCodeId': {
    allowed: EVALUATOR,
    refusedCode: NOT_ON_TEAM,
    call: () => ({
      url: `${evBase()}/framework/${ev.caseId}/${ev.themeId}`,
      payload: { summary: unique('Resumé') },
    }),
  },
  'GET /api/evaluation/studies/:studyId/analysis/matrix': {
    allowed: EVALUATOR,
    personalData: true,
    refusedCode: NOT_ON_TEAM,
    call: () => ({ url: `${evBase()}/analysis/matrix?aggregate=true` }),
  },
  'GET /api/evaluation/studies/:studyId/analysis/co-occurrence': {
    allowed: EVALUATOR,
    refusedCode: NOT_ON_TEAM,
    call: () => ({ url: `${evBase()}/analysis/co-occurrence` }),
  },
  'GET /api/evaluation/studies/:studyId/analysis/drivers-barriers': {
    allowed: EVALUATOR,
    personalData: true,
    refusedCode: NOT_ON_TEAM,
    call: () => ({ url: `${evBase()}/analysis/drivers-barriers` }),
  },
  'GET /api/evaluation/studies/:studyId/analysis/quotes': {
    allowed: EVALUATOR,
    personalData: true,
    refusedCode: NOT_ON_TEAM,
    call: () => ({ url: `${evBase()}/analysis/quotes?codeId=${ev.codeId}` }),
  },
  'GET /api/evaluation/studies/:studyId/analysis/agreement': {
    allowed: EVALUATOR,
    personalData: true,
    refusedCode: NOT_ON_TEAM,
    call: () => ({
      url: `${evBase()}/analysis/agreement?sourceId=${ev.sourceId}&coderA=${ev.coderId}&coderB=${ev.coderId}`,
    }),
  },
  'GET /api/evaluation/studies/:studyId/export/qdpx': {
    allowed: EVALUATOR,
    personalData: true,
    refusedCode: NOT_ON_TEAM,
    call: () => ({ url: `${evBase()}/export/qdpx` }),
  },
  'GET /api/evaluation/studies/:studyId/export/qdc': {
    allowed: EVALUATOR,
    refusedCode: NOT_ON_TEAM,
    call: () => ({ url: `${evBase()}/export/qdc` }),
  },
  'POST /api/evaluation/import-qdpx': {
    allowed: STUDY_MANAGERS,
    refusedCode: NOT_ON_TEAM,
    call: () => ({
      url: '/api/evaluation/import-qdpx',
      payload: ev.qdpx,
      headers: { 'content-type': 'application/octet-stream' },
    }),
  },
  'POST /api/evaluation/studies/:studyId/import-qdpx': {
    allowed: EVALUATOR,
    refusedCode: NOT_ON_TEAM,
    call: () => ({
      url: `${evBase()}/import-qdpx`,
      payload: ev.qdpx,
      headers: { 'content-type': 'application/octet-stream' },
    }),
  },
  'POST /api/evaluation/studies/:studyId/import-qdc': {
    allowed: EVALUATOR,
    refusedCode: NOT_ON_TEAM,
    call: () => ({
      url: `${evBase()}/import-qdc`,
      payload: ev.qdc,
      headers: { 'content-type': 'application/xml' },
    }),
  },
};

const forumBody = () => ({
  kind: 'workingGroup',
  name: unique('Arbejdsgruppe'),
  level: 'operational',
  makesDecisions: false,
  reportsTo: null,
});

/** Creates a row of the plan's organisation as the administrator (for edits and deletes). */
async function orgRow(kind: 'forums' | 'people' | 'memberships', payload: unknown): Promise<{ id: string }> {
  const res = await clients.admin.post(`/api/plans/${plan.id}/organisation/${kind}`, payload);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function seatBody() {
  const forum = await orgRow('forums', forumBody());
  const person = await orgRow('people', { name: unique('Medlem') });
  return { forumId: forum.id, personId: person.id, role: 'member', represents: 'resident' };
}

async function auditCount() {
  const r = await t.db
    .selectFrom('auditLog')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

function routeKey(method: string, url: string) {
  return `${method} ${url}`;
}

function servedRoutes(): string[] {
  return [
    ...new Set(
      t.app.routeList
        .filter((r) => r.method !== 'HEAD' && !r.url.startsWith('/api/docs'))
        .map((r) => routeKey(r.method, r.url)),
    ),
  ].sort();
}

beforeAll(async () => {
  t = await createTestApp();
  const pool = await poolWithFocusAreas(t.db);
  poolId = pool.id;
  focusAreaIds = pool.focusAreas.map((f) => f.id);
  const m = await buildMunicipality(t.db);
  municipalityId = m.id;
  orgId = (await buildHousingOrganisation(t.db, { municipalityId })).id;
  otherOrgId = (await buildHousingOrganisation(t.db, { municipalityId })).id;
  const area = await buildArea(t.db, { municipalityId, housingOrganisationId: orgId });
  const otherArea = await buildArea(t.db, { municipalityId, housingOrganisationId: otherOrgId });
  plan = await buildPlan(t.db, planInput(orgId, area.id));
  otherPlan = await buildPlan(t.db, planInput(otherOrgId, otherArea.id));

  const roles = {
    user: { roles: [] },
    admin: { isAdmin: true, roles: [] },
    fund: { roles: [{ role: 'fund' as const }] },
    orgMember: {
      roles: [
        {
          role: 'org_member' as const,
          organisationKind: 'housing_organisation' as const,
          organisationId: orgId,
        },
      ],
    },
    otherOrgMember: {
      roles: [
        {
          role: 'org_member' as const,
          organisationKind: 'housing_organisation' as const,
          organisationId: otherOrgId,
        },
      ],
    },
    planEditor: { roles: [{ role: 'plan_editor' as const, planId: plan.id }] },
    planViewer: { roles: [{ role: 'plan_viewer' as const, planId: plan.id }] },
    planApprover: { roles: [{ role: 'plan_approver' as const, planId: plan.id }] },
    otherPlanEditor: { roles: [{ role: 'plan_editor' as const, planId: otherPlan.id }] },
    evaluator: { roles: [{ role: 'evaluator' as const }] },
  };
  const entries = await Promise.all(
    Object.entries(roles).map(async ([role, opts]) => {
      const u = await buildUser(t.db, { ...opts, name: role });
      userIds[role as keyof typeof userIds] = u.id;
      return [role, await t.sessionClient(u.id)] as const;
    }),
  );
  clients = Object.fromEntries(entries) as typeof clients;

  // The one password login of this file: the login route needs a real account.
  const loginUser = await t.userClient({ email: `login-${Date.now()}@test.example` });
  loginEmail = loginUser.email!;
  targetUserId = (await buildUser(t.db, { name: 'Målbruger' })).id;

  targets.municipality = (await buildMunicipality(t.db)).id;
  targets.org = (await buildHousingOrganisation(t.db)).id;
  targets.area = (await buildArea(t.db, { municipalityId, housingOrganisationId: orgId })).id;
  targets.pool = (
    await clients.admin.post('/api/pools', { name: 'Målpulje', startYear: 2031, endYear: 2034 })
  ).json().id;
  targets.secretariat = (
    await clients.admin.post('/api/area-secretariats', { name: 'Målsekretariat', municipalityId })
  ).json().id;
  await setUpEvaluation();
});

afterAll(async () => t?.close());

describe('the route table', () => {
  it('has an expected permission row for every route the app serves', () => {
    const missing = servedRoutes().filter((key) => !(key in EXPECTED));
    expect(missing, 'routes without a row in EXPECTED: add them with the roles that may call them').toEqual(
      [],
    );
  });

  it('has no rows for routes that no longer exist', () => {
    const served = new Set(servedRoutes());
    expect(Object.keys(EXPECTED).filter((key) => !served.has(key))).toEqual([]);
  });

  it('declares a permission on every route', () => {
    for (const r of t.app.routeList) expect(r.permission, `${r.method} ${r.url}`).toBeDefined();
  });
});

describe.each(Object.keys(EXPECTED))('%s', (key) => {
  const [method, pattern] = key.split(' ') as [string, string];
  const expectation = EXPECTED[key]!;

  it.each(ROLES.map((r) => [r]))('as %s', async (role) => {
    const call = await expectation.call(role);
    let client: TestClient;
    if (role === 'anonymous') client = t.anonymous;
    else if (call.freshSession) client = await t.sessionClient(userIds[role]);
    else client = clients[role];
    const auditBefore = await auditCount();
    const res = await client.request({
      method: method as 'GET',
      url: call.url,
      ...(call.payload !== undefined ? { payload: call.payload as object } : {}),
      ...(call.headers ? { headers: call.headers } : {}),
    });
    const what = `${role} → ${method} ${pattern}: ${res.statusCode} ${res.body.slice(0, 300)}`;
    const audited = (await auditCount()) - auditBefore;
    if (expectation.allowed.includes(role)) {
      expect(res.statusCode, what).toBeGreaterThanOrEqual(200);
      expect(res.statusCode, what).toBeLessThan(300);
      // Every write is in the audit log, and so is every read of personal data; other reads are not.
      if ((method === 'GET' || expectation.computesOnly) && !expectation.personalData)
        expect(audited, `${what}: audit entries`).toBe(0);
      else expect(audited, `${what}: audit entries`).toBeGreaterThan(0);
      return;
    }
    expect(audited, `${what}: a refused call leaves no audit entry`).toBe(0);
    if (role === 'anonymous') {
      expect(res.statusCode, what).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    } else {
      expect(res.statusCode, what).toBe(403);
      // Roles that cannot read the plan are refused by the route; the others by the service.
      expect(['forbidden', expectation.refusedCode ?? 'forbidden']).toContain(res.json().error.code);
    }
  });
});

describe('HEAD', () => {
  it('follows the permission of the GET route it mirrors', async () => {
    for (const key of servedRoutes().filter((k) => k.startsWith('GET '))) {
      const expectation = EXPECTED[key]!;
      const pattern = key.slice(4);
      const call = await expectation.call('user');
      const head = (client: TestClient) => client.request({ method: 'HEAD', url: call.url });
      if (!expectation.allowed.includes('anonymous'))
        expect((await head(t.anonymous)).statusCode, pattern).toBe(401);
      if (!expectation.allowed.includes('user'))
        expect((await head(clients.user)).statusCode, pattern).toBe(403);
      if (expectation.allowed.includes('user'))
        expect((await head(clients.user)).statusCode, pattern).toBe(200);
    }
  });
});

describe('plan-scoped routes', () => {
  it('answer 404 for a plan that does not exist, to anyone signed in', async () => {
    const missing = '01890a5d-ac96-774b-bcce-b302099a8057';
    expect((await clients.fund.get(`/api/plans/${missing}`)).statusCode).toBe(404);
    const body = { ...planInput(orgId, plan.areas[0]!.id), version: 1 };
    expect((await clients.planEditor.put(`/api/plans/${missing}`, body)).statusCode).toBe(404);
    expect((await t.anonymous.get(`/api/plans/${missing}`)).statusCode).toBe(401);
  });

  it('refuse an organisation member who creates a plan for another organisation', async () => {
    const area = await buildArea(t.db, { municipalityId, housingOrganisationId: otherOrgId });
    const count = async () =>
      (await t.db.selectFrom('plans').select('id').where('housingOrganisationId', '=', otherOrgId).execute())
        .length;
    const before = await count();
    const res = await clients.orgMember.post('/api/plans', planInput(otherOrgId, area.id));
    expect(res.statusCode).toBe(403);
    expect(await count()).toBe(before);
  });

  it('make the organisation member who creates a plan its editor', async () => {
    const area = await buildArea(t.db, { municipalityId, housingOrganisationId: orgId });
    const res = await clients.orgMember.post('/api/plans', planInput(orgId, area.id));
    expect(res.statusCode).toBe(201);
    expect(res.json().canEdit).toBe(true);
    const id = res.json().id;
    const body = { ...planInput(orgId, area.id), version: 1 };
    expect((await clients.orgMember.put(`/api/plans/${id}`, body)).statusCode).toBe(200);
  });

  it('report canEdit to each reader', async () => {
    expect((await clients.planViewer.get(`/api/plans/${plan.id}`)).json().canEdit).toBe(false);
    expect((await clients.fund.get(`/api/plans/${plan.id}`)).json().canEdit).toBe(false);
    expect((await clients.planEditor.get(`/api/plans/${plan.id}`)).json().canEdit).toBe(true);
    expect((await clients.admin.get(`/api/plans/${plan.id}`)).json().canEdit).toBe(true);
  });
});

describe('deny by default', () => {
  it('stops the app from starting when an API route declares no permission', async () => {
    const app = await buildApp({ config: t.config, handle: t.handle });
    try {
      expect(() => app.get('/api/unguarded', async () => ({ secret: true }))).toThrow(
        /declares no permission/,
      );
      expect(() => app.post('/api/unguarded', { config: {} }, async () => ({}))).toThrow(
        /declares no permission/,
      );
      // A route that declares one is fine, and lands in the route list.
      app.get('/api/guarded', { config: { permission: PUBLIC } }, async () => ({ ok: true }));
      expect(app.routeList.some((r) => r.url === '/api/guarded')).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('treats a route outside /api without a permission as public', async () => {
    const app = await buildApp({ config: t.config, handle: t.handle });
    try {
      app.get('/robots.txt', async () => 'User-agent: *');
      expect(app.routeList.find((r) => r.url === '/robots.txt')?.permission).toEqual(PUBLIC);
    } finally {
      await app.close();
    }
  });

  it('answers 404, not 401, for an unknown API path', async () => {
    const res = await t.anonymous.get('/api/does-not-exist');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});

describe('CSRF', () => {
  it('is required on every write route for a signed-in caller', async () => {
    const writes = servedRoutes().filter(
      (k) => !k.startsWith('GET ') && k !== 'POST /api/auth/login' && k !== 'POST /api/questionnaire/:token',
    );
    expect(writes.length).toBeGreaterThan(10);
    for (const key of writes) {
      const [method, pattern] = key.split(' ') as [string, string];
      const url = pattern.replace(':id', plan.id);
      const res = await clients.admin.request({
        method: method as 'POST',
        url,
        headers: { 'x-csrf-token': '' },
        payload: {},
      });
      expect(res.statusCode, key).toBe(403);
      expect(res.json().error.code, key).toBe('csrf_invalid');
    }
  });
});
