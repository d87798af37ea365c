import type { z } from 'zod';
import type {
  ResultsFramework,
  TheoryComparison,
  TheoryDetail,
  TheoryDraftInput,
  TheoryInput,
  TheoryList,
  TheorySearchQuery,
  TheorySearchResult,
  TheorySummary,
  TheoryUpdate,
  TocLive,
} from '@pejling/contracts';
import { MAX_TOC_PATH_STEPS, MAX_TOC_SEARCH_RESULTS } from '@pejling/contracts';
import type { Db, Executor } from '../../db/database.js';
import { newId, nowIso, toBool } from '../../db/portable.js';
import {
  compareWithFramework,
  draftFromFramework,
  findPaths,
  foldText,
  frameworkInScope,
  latestReading,
  textMatches,
  validateDiagram,
  type DiagramEdge,
  type DiagramNode,
  type Framework,
} from '../../domain/theory.js';
import { notFound, conflict, Problems } from '../../errors.js';
import type { Principal, RequestContext } from '../../http/context.js';
import { planScope } from '../../http/permissions.js';
import { recordAudit } from '../audit/audit.service.js';
import { findPlanFocusAreas, findPlanSummaries } from '../plans/plan.repository.js';
import { getFramework } from '../results/results.service.js';
import {
  findEdges,
  findNodes,
  findTheories,
  findTheoriesOfPlans,
  findTheory,
  replaceDiagram,
  type TheoryRow,
} from './theory.repository.js';

type TheoryIn = z.output<typeof TheoryInput>;
type DraftIn = z.output<typeof TheoryDraftInput>;
type TheoryUpd = z.output<typeof TheoryUpdate>;
type SearchIn = z.output<typeof TheorySearchQuery>;

function summaryOf(row: TheoryRow): TheorySummary {
  return {
    id: row.id,
    planId: row.planId,
    scope: row.scope as TheorySummary['scope'],
    focusAreaId: row.focusAreaId,
    focusAreaName:
      row.focusAreaId && row.focusAreaNameDa !== null
        ? { da: row.focusAreaNameDa, en: row.focusAreaNameEn ?? row.focusAreaNameDa }
        : null,
    title: row.title,
    nodeCount: Number(row.nodeCount),
    edgeCount: Number(row.edgeCount),
    version: Number(row.version),
    isExample: toBool(row.isExample),
    updatedAt: row.updatedAt,
  };
}

async function requireTheory(db: Executor, planId: string, theoryId: string): Promise<TheoryRow> {
  const row = await findTheory(db, planId, theoryId);
  if (!row) throw notFound('theory_not_found');
  return row;
}

function asFramework(f: ResultsFramework): Framework {
  return { goals: f.goals, activities: f.activities, indicators: f.indicators };
}

/** The live state of what each link stands for, read as the plan's result pages read it. */
function liveStates(f: ResultsFramework): (link: DiagramNode['link']) => TocLive | null {
  const activities = new Map(f.activities.map((a) => [a.id, a]));
  const goals = new Map(f.goals.map((g) => [g.id, g]));
  const indicators = new Map(f.indicators.map((i) => [i.id, i]));
  return (link) => {
    if (!link) return null;
    if (link.type === 'activity') {
      const a = activities.get(link.id);
      return a ? { type: 'activity', name: a.name, status: a.status } : { type: 'missing' };
    }
    if (link.type === 'goal') {
      const g = goals.get(link.id);
      return g ? { type: 'goal', title: g.title, level: g.level } : { type: 'missing' };
    }
    const i = indicators.get(link.id);
    if (!i) return { type: 'missing' };
    const latest = latestReading(i.statuses.filter((s) => s.state === 'value'));
    return {
      type: 'indicator',
      name: i.name,
      latestValue: latest?.value ?? null,
      latestPeriod: latest?.period ?? null,
      target: latest?.target ?? null,
      unit: i.unit,
      kind: i.kind,
      onTrack:
        latest && latest.target !== null && latest.status !== 'no_data'
          ? latest.status === 'on_track' || latest.status === 'ahead'
          : null,
    };
  };
}

// ---------------------------------------------------------------------------------------------
// Reading

export async function listTheories(db: Db, planId: string): Promise<TheoryList> {
  return { items: (await findTheories(db, planId)).map(summaryOf) };
}

/** The diagram with each linked node's live state. @throws theory_not_found (404) */
export async function getTheory(db: Executor, planId: string, theoryId: string): Promise<TheoryDetail> {
  const row = await requireTheory(db, planId, theoryId);
  const [nodes, edges, framework] = await Promise.all([
    findNodes(db, [theoryId]),
    findEdges(db, [theoryId]),
    getFramework(db, planId),
  ]);
  const live = liveStates(framework);
  return {
    ...summaryOf(row),
    nodes: (nodes.get(theoryId) ?? []).map((n) => ({ ...n, live: live(n.link) })),
    edges: edges.get(theoryId) ?? [],
  };
}

/** What the diagram claims that nothing backs, and what of the framework it leaves out. */
export async function compareTheory(db: Db, planId: string, theoryId: string): Promise<TheoryComparison> {
  const row = await requireTheory(db, planId, theoryId);
  const [nodes, edges, framework] = await Promise.all([
    findNodes(db, [theoryId]),
    findEdges(db, [theoryId]),
    getFramework(db, planId),
  ]);
  const whole = asFramework(framework);
  return compareWithFramework(
    nodes.get(theoryId) ?? [],
    edges.get(theoryId) ?? [],
    frameworkInScope(whole, row.focusAreaId),
    whole,
  );
}

// ---------------------------------------------------------------------------------------------
// Writing

/** The focus area a new diagram covers: null when cross-cutting; one of the plan's otherwise. */
async function scopeFocusArea(
  db: Executor,
  planId: string,
  input: { scope: TheoryIn['scope']; focusAreaId?: string | null },
): Promise<{ id: string | null; name: { da: string; en: string } | null }> {
  if (input.scope === 'crossCutting') return { id: null, name: null };
  const p = new Problems();
  if (!input.focusAreaId) {
    p.add('focusAreaId', 'theory_focus_area_required');
    p.throwIfAny();
  }
  const fa = (await findPlanFocusAreas(db, planId)).find((f) => f.id === input.focusAreaId);
  if (!fa) {
    p.add('focusAreaId', 'theory_focus_area_not_in_plan');
    p.throwIfAny();
  }
  return { id: fa!.id, name: { da: fa!.nameDa, en: fa!.nameEn } };
}

async function insertTheory(
  trx: Executor,
  planId: string,
  values: { scope: string; focusAreaId: string | null; title: string; isExample: boolean },
  nodes: readonly DiagramNode[],
  edges: readonly DiagramEdge[],
): Promise<string> {
  const id = newId();
  const now = nowIso();
  await trx
    .insertInto('theories')
    .values({
      id,
      planId,
      scope: values.scope,
      focusAreaId: values.focusAreaId,
      title: values.title,
      nodeCount: nodes.length,
      edgeCount: edges.length,
      isExample: values.isExample ? 1 : 0,
      createdAt: now,
      updatedAt: now,
      version: 1,
    })
    .execute();
  await replaceDiagram(trx, id, nodes, edges);
  return id;
}

/**
 * Creates an empty diagram.
 * @throws validation_failed (400: theory_focus_area_required, theory_focus_area_not_in_plan)
 */
export async function createTheory(
  db: Db,
  ctx: RequestContext,
  planId: string,
  input: TheoryIn,
): Promise<TheoryDetail> {
  return db.transaction().execute(async (trx) => {
    const fa = await scopeFocusArea(trx, planId, input);
    const id = await insertTheory(
      trx,
      planId,
      { scope: input.scope, focusAreaId: fa.id, title: input.title, isExample: false },
      [],
      [],
    );
    await recordAudit(trx, ctx, {
      action: 'theory_created',
      entityType: 'theory',
      entityId: id,
      planId,
      after: { scope: input.scope, focusAreaId: fa.id, title: input.title },
    });
    return getTheory(trx, planId, id);
  });
}

const DRAFT_TITLE = {
  da: { crossCutting: 'Tværgående forandringsteori', focusArea: 'Forandringsteori: {name}' },
  en: { crossCutting: 'Cross-cutting theory of change', focusArea: 'Theory of change: {name}' },
};

/**
 * Builds a first diagram from the plan's activities and goal hierarchy in the scope and stores it.
 * @throws validation_failed (400: theory_focus_area_required, theory_focus_area_not_in_plan)
 */
export async function draftTheory(
  db: Db,
  ctx: RequestContext,
  planId: string,
  input: DraftIn,
  opts: { isExample?: boolean; extra?: { nodes: DiagramNode[]; edges: DiagramEdge[] } } = {},
): Promise<TheoryDetail> {
  return db.transaction().execute(async (trx) => {
    const fa = await scopeFocusArea(trx, planId, input);
    const framework = asFramework(await getFramework(trx, planId));
    const draft = draftFromFramework(frameworkInScope(framework, fa.id), ctx.locale);
    const nodes = [...draft.nodes, ...(opts.extra?.nodes ?? [])];
    const edges = [...draft.edges, ...(opts.extra?.edges ?? [])];
    const titles = DRAFT_TITLE[ctx.locale];
    const title = (
      input.title ?? (fa.name ? titles.focusArea.replace('{name}', fa.name[ctx.locale]) : titles.crossCutting)
    ).slice(0, 200);
    const id = await insertTheory(
      trx,
      planId,
      { scope: input.scope, focusAreaId: fa.id, title, isExample: !!opts.isExample },
      nodes,
      edges,
    );
    await recordAudit(trx, ctx, {
      action: 'theory_drafted',
      entityType: 'theory',
      entityId: id,
      planId,
      after: {
        scope: input.scope,
        focusAreaId: fa.id,
        title,
        nodeCount: nodes.length,
        edgeCount: edges.length,
      },
    });
    return getTheory(trx, planId, id);
  });
}

/**
 * Saves the whole diagram: every rule of validateDiagram, links only to this plan's entities.
 * Nothing is stored unless all of it is.
 * @throws theory_not_found (404), validation_failed (400), stale_version (409)
 */
export async function updateTheory(
  db: Db,
  ctx: RequestContext,
  planId: string,
  theoryId: string,
  input: TheoryUpd,
): Promise<TheoryDetail> {
  return db.transaction().execute(async (trx) => {
    const before = await requireTheory(trx, planId, theoryId);
    const [activities, goals, indicators] = await Promise.all([
      trx.selectFrom('activities').select('id').where('planId', '=', planId).execute(),
      trx.selectFrom('goals').select('id').where('planId', '=', planId).execute(),
      trx.selectFrom('indicators').select('id').where('planId', '=', planId).execute(),
    ]);
    const nodes: DiagramNode[] = input.nodes.map((n) => ({
      id: n.id,
      kind: n.kind,
      label: n.label,
      ...(n.description ? { description: n.description } : {}),
      x: n.x,
      y: n.y,
      link: n.link,
    }));
    const problems = validateDiagram(nodes, input.edges, {
      activityIds: new Set(activities.map((r) => r.id)),
      goalIds: new Set(goals.map((r) => r.id)),
      indicatorIds: new Set(indicators.map((r) => r.id)),
    });
    if (problems.length > 0) {
      const p = new Problems();
      for (const x of problems.slice(0, 50)) p.add(x.path, x.code, x.params);
      p.throwIfAny();
    }
    const res = await trx
      .updateTable('theories')
      .set({
        title: input.title,
        nodeCount: nodes.length,
        edgeCount: input.edges.length,
        updatedAt: nowIso(),
        version: input.version + 1,
      })
      .where('id', '=', theoryId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw conflict('stale_version');
    await replaceDiagram(trx, theoryId, nodes, input.edges);
    await recordAudit(trx, ctx, {
      action: 'theory_updated',
      entityType: 'theory',
      entityId: theoryId,
      planId,
      before: { title: before.title, nodeCount: before.nodeCount, edgeCount: before.edgeCount },
      after: { title: input.title, nodeCount: nodes.length, edgeCount: input.edges.length },
    });
    return getTheory(trx, planId, theoryId);
  });
}

/** @throws theory_not_found (404) */
export async function deleteTheory(
  db: Db,
  ctx: RequestContext,
  planId: string,
  theoryId: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await requireTheory(trx, planId, theoryId);
    await trx.deleteFrom('theoryEdges').where('theoryId', '=', theoryId).execute();
    await trx.deleteFrom('theoryNodes').where('theoryId', '=', theoryId).execute();
    await trx.deleteFrom('theories').where('id', '=', theoryId).execute();
    await recordAudit(trx, ctx, {
      action: 'theory_deleted',
      entityType: 'theory',
      entityId: theoryId,
      planId,
      before: { title: before.title, nodeCount: before.nodeCount, edgeCount: before.edgeCount },
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Search across plans

/**
 * Nodes (by kind, text and focus area) and paths (from a node matching `fromText` to one
 * matching `toText`) in the diagrams of every plan the caller may read. A focus-area filter
 * keeps to diagrams of a focus area whose id is given or whose name contains the words.
 */
export async function searchTheories(db: Db, principal: Principal, q: SearchIn): Promise<TheorySearchResult> {
  const kind = q.kind || null;
  const text = foldText(q.text ?? '');
  const focus = foldText(q.focusArea ?? '');
  const fromText = q.fromText ?? '';
  const toText = q.toText ?? '';
  const wantNodes = kind !== null || text !== '' || focus !== '';
  const wantPaths = foldText(fromText) !== '' && foldText(toText) !== '';
  if (!wantNodes && !wantPaths) return { nodes: [], paths: [], truncated: false };

  const scope = planScope(principal);
  const plans = await findPlanSummaries(db, scope, {});
  const planName = new Map(plans.map((p) => [p.id, p.name]));
  const theories = (await findTheoriesOfPlans(db, scope.all ? null : plans.map((p) => p.id)))
    .filter((t) => planName.has(t.planId))
    .filter(
      (t) =>
        focus === '' ||
        (t.focusAreaId !== null &&
          (t.focusAreaId.toLowerCase() === focus ||
            textMatches(t.focusAreaNameDa ?? '', focus) ||
            textMatches(t.focusAreaNameEn ?? '', focus))),
    )
    .sort(
      (a, b) =>
        (planName.get(a.planId) ?? '').localeCompare(planName.get(b.planId) ?? '', 'da') ||
        a.title.localeCompare(b.title, 'da') ||
        a.id.localeCompare(b.id),
    );
  const ids = theories.map((t) => t.id);
  const [nodes, edges] = await Promise.all([
    // Paths need every node; a search for nodes alone reads only those of the kind asked for.
    findNodes(db, ids, wantPaths ? undefined : (kind ?? undefined)),
    wantPaths ? findEdges(db, ids) : Promise.resolve(new Map<string, DiagramEdge[]>()),
  ]);
  const result: TheorySearchResult = { nodes: [], paths: [], truncated: false };
  for (const t of theories) {
    const hit = { planId: t.planId, planName: planName.get(t.planId)!, theoryId: t.id, theoryTitle: t.title };
    const own = nodes.get(t.id) ?? [];
    if (wantNodes) {
      for (const n of own) {
        if (kind !== null && n.kind !== kind) continue;
        if (text !== '' && !textMatches(n.label, text) && !textMatches(n.description ?? '', text)) continue;
        if (result.nodes.length >= MAX_TOC_SEARCH_RESULTS) {
          result.truncated = true;
          break;
        }
        result.nodes.push({ ...hit, nodeId: n.id, kind: n.kind, label: n.label });
      }
    }
    if (wantPaths) {
      const left = MAX_TOC_SEARCH_RESULTS - result.paths.length;
      const byId = new Map(own.map((n) => [n.id, n]));
      const found = findPaths(own, edges.get(t.id) ?? [], fromText, toText, MAX_TOC_PATH_STEPS, left + 1);
      if (found.length > left) result.truncated = true;
      for (const path of found.slice(0, left)) {
        result.paths.push({
          ...hit,
          nodes: path.map((id) => {
            const n = byId.get(id)!;
            return { nodeId: n.id, label: n.label, kind: n.kind };
          }),
        });
      }
    }
  }
  return result;
}
