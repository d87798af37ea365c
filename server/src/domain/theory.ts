import { parsePeriodKey, periodRange } from './periods.js';

// Rules of theories of change (forandringsteorier): what a diagram may hold, the draft built from a
// plan's results framework, the comparison of a diagram with that framework, and the search for
// paths across diagrams. Pure functions; docs/theory-of-change.md explains each rule.

export type TocKind =
  'activity' | 'output' | 'shortTermResult' | 'longTermResult' | 'impact' | 'assumption' | 'externalFactor';

export const RESULT_KINDS: readonly TocKind[] = ['output', 'shortTermResult', 'longTermResult', 'impact'];

export interface TocLinkRef {
  type: 'activity' | 'goal' | 'indicator';
  id: string;
}
export interface DiagramNode {
  id: string;
  kind: TocKind;
  label: string;
  description?: string;
  x: number;
  y: number;
  link: TocLinkRef | null;
}
export interface DiagramEdge {
  id: string;
  from: string;
  to: string;
  rationale: string;
}

/** A problem with a diagram; `code` is a key of contracts' errorMessages. */
export interface DiagramProblem {
  path: string;
  code:
    | 'theory_duplicate_node_id'
    | 'theory_duplicate_edge_id'
    | 'theory_self_edge'
    | 'theory_edge_unknown_node'
    | 'theory_duplicate_edge'
    | 'theory_link_not_in_plan'
    | 'theory_link_kind_mismatch';
  params: Record<string, unknown>;
}

/** The plan's own activities, goals and indicators by id: what a node may link to. */
export interface PlanEntities {
  activityIds: ReadonlySet<string>;
  goalIds: ReadonlySet<string>;
  indicatorIds: ReadonlySet<string>;
}

/**
 * Checks a whole diagram: node and edge ids unique, no edge from a node to itself, both ends of
 * every edge in the diagram, at most one edge between the same two nodes in the same direction,
 * links only to the plan's own entities (when `plan` is given) and only on nodes that are not
 * assumptions or external factors. Returns every problem, in the order of the input.
 */
export function validateDiagram(
  nodes: readonly DiagramNode[],
  edges: readonly DiagramEdge[],
  plan?: PlanEntities,
): DiagramProblem[] {
  const problems: DiagramProblem[] = [];
  const byId = new Map<string, DiagramNode>();
  nodes.forEach((n, i) => {
    if (byId.has(n.id)) {
      problems.push({ path: `nodes.${i}.id`, code: 'theory_duplicate_node_id', params: { id: n.id } });
    } else byId.set(n.id, n);
    if (!n.link) return;
    if (n.kind === 'assumption' || n.kind === 'externalFactor') {
      problems.push({
        path: `nodes.${i}.link`,
        code: 'theory_link_kind_mismatch',
        params: { label: n.label },
      });
      return;
    }
    if (plan) {
      const own =
        n.link.type === 'activity'
          ? plan.activityIds
          : n.link.type === 'goal'
            ? plan.goalIds
            : plan.indicatorIds;
      if (!own.has(n.link.id)) {
        problems.push({
          path: `nodes.${i}.link`,
          code: 'theory_link_not_in_plan',
          params: { label: n.label },
        });
      }
    }
  });
  const edgeIds = new Set<string>();
  const pairs = new Set<string>();
  edges.forEach((e, i) => {
    if (edgeIds.has(e.id)) {
      problems.push({ path: `edges.${i}.id`, code: 'theory_duplicate_edge_id', params: { id: e.id } });
    }
    edgeIds.add(e.id);
    const from = byId.get(e.from);
    const to = byId.get(e.to);
    if (!from || !to) {
      problems.push({
        path: `edges.${i}.${from ? 'to' : 'from'}`,
        code: 'theory_edge_unknown_node',
        params: { id: e.id, nodeId: from ? e.to : e.from },
      });
      return;
    }
    if (e.from === e.to) {
      problems.push({ path: `edges.${i}.to`, code: 'theory_self_edge', params: { label: from.label } });
      return;
    }
    const pair = `${e.from}\u0000${e.to}`;
    if (pairs.has(pair)) {
      problems.push({
        path: `edges.${i}`,
        code: 'theory_duplicate_edge',
        params: { from: from.label, to: to.label },
      });
    }
    pairs.add(pair);
  });
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Draft from the framework

export interface FrameworkGoal {
  id: string;
  level: 'impact' | 'result' | 'activity';
  title: string;
  parentId: string | null;
  focusAreaId: string;
}
export interface FrameworkActivity {
  id: string;
  name: string;
  focusAreaId: string | null;
  goalIds: readonly string[];
}
export interface FrameworkIndicator {
  id: string;
  goalId: string;
  name: string;
}
export interface Framework {
  goals: readonly FrameworkGoal[];
  activities: readonly FrameworkActivity[];
  indicators: readonly FrameworkIndicator[];
}

/** The goal level each node kind of a draft comes from. */
export const GOAL_LEVEL_KIND: Record<FrameworkGoal['level'], TocKind> = {
  activity: 'output',
  result: 'shortTermResult',
  impact: 'impact',
};

/** Columns of the draft's layered layout, left to right; assumptions and external factors below. */
export const LAYER_OF_KIND: Record<TocKind, number> = {
  activity: 0,
  output: 1,
  shortTermResult: 2,
  longTermResult: 3,
  impact: 4,
  assumption: 0,
  externalFactor: 2,
};
export const LAYER_WIDTH = 280;
export const ROW_HEIGHT = 110;

/**
 * The part of the framework a diagram covers: everything for a cross-cutting diagram; for one
 * focus area, its goals and the activities placed in it or serving one of its goals.
 */
export function frameworkInScope(framework: Framework, focusAreaId: string | null): Framework {
  if (focusAreaId === null) return framework;
  const goals = framework.goals.filter((g) => g.focusAreaId === focusAreaId);
  const goalIds = new Set(goals.map((g) => g.id));
  return {
    goals,
    activities: framework.activities.filter(
      (a) => a.focusAreaId === focusAreaId || a.goalIds.some((id) => goalIds.has(id)),
    ),
    indicators: framework.indicators.filter((i) => goalIds.has(i.goalId)),
  };
}

const DRAFT_TEXT = {
  da: {
    activityToGoal: (a: string, g: string) =>
      `Fra planens resultatramme: aktiviteten "${a}" arbejder mod målet "${g}".`,
    goalToParent: (c: string, p: string) =>
      `Fra planens resultatramme: målet "${c}" ligger under målet "${p}".`,
  },
  en: {
    activityToGoal: (a: string, g: string) =>
      `From the plan's results framework: the activity "${a}" works towards the goal "${g}".`,
    goalToParent: (c: string, p: string) =>
      `From the plan's results framework: the goal "${c}" lies under the goal "${p}".`,
  },
};

/**
 * A first diagram from the framework (already narrowed to the diagram's scope):
 * - each activity becomes an `activity` node linked to it;
 * - each goal becomes a node of the kind its level gives (activity goal → output, result goal →
 *   short-term result, impact goal → impact), linked to its one indicator when it has exactly one
 *   (the node then shows the indicator's value), else to the goal;
 * - an edge from each activity to each goal it serves, and from each goal to its parent goal,
 *   with a rationale saying where it came from;
 * - nodes laid out in columns by kind, in the framework's order.
 * Node ids are `a-<n>` and `g-<n>`, edge ids `e-<n>`, so the draft is the same for the same input.
 */
export function draftFromFramework(
  framework: Framework,
  locale: 'da' | 'en' = 'da',
): { nodes: DiagramNode[]; edges: DiagramEdge[] } {
  const text = DRAFT_TEXT[locale];
  const rows = new Map<number, number>();
  const place = (kind: TocKind) => {
    const layer = LAYER_OF_KIND[kind];
    const row = rows.get(layer) ?? 0;
    rows.set(layer, row + 1);
    return { x: layer * LAYER_WIDTH, y: row * ROW_HEIGHT };
  };
  const indicatorsOf = new Map<string, FrameworkIndicator[]>();
  for (const i of framework.indicators) {
    indicatorsOf.set(i.goalId, [...(indicatorsOf.get(i.goalId) ?? []), i]);
  }
  const nodes: DiagramNode[] = [];
  const goalNode = new Map<string, DiagramNode>();
  // Activity goals first, so node ids follow the flow from activities to impact.
  const levelOrder = { activity: 0, result: 1, impact: 2 } as const;
  const goals = [...framework.goals].sort((a, b) => levelOrder[a.level] - levelOrder[b.level]);
  const activityNodes = framework.activities.map((a, i) => {
    const node: DiagramNode = {
      id: `a-${i + 1}`,
      kind: 'activity',
      label: a.name.slice(0, 300),
      ...place('activity'),
      link: { type: 'activity', id: a.id },
    };
    nodes.push(node);
    return node;
  });
  goals.forEach((g, i) => {
    const kind = GOAL_LEVEL_KIND[g.level];
    const own = indicatorsOf.get(g.id) ?? [];
    const node: DiagramNode = {
      id: `g-${i + 1}`,
      kind,
      label: g.title.slice(0, 300),
      ...place(kind),
      link: own.length === 1 ? { type: 'indicator', id: own[0]!.id } : { type: 'goal', id: g.id },
    };
    nodes.push(node);
    goalNode.set(g.id, node);
  });
  const edges: DiagramEdge[] = [];
  const add = (from: DiagramNode, to: DiagramNode, rationale: string) =>
    edges.push({ id: `e-${edges.length + 1}`, from: from.id, to: to.id, rationale });
  framework.activities.forEach((a, i) => {
    for (const goalId of new Set(a.goalIds)) {
      const target = goalNode.get(goalId);
      if (target) add(activityNodes[i]!, target, text.activityToGoal(a.name, target.label));
    }
  });
  for (const g of goals) {
    const parent = g.parentId ? goalNode.get(g.parentId) : undefined;
    if (parent) add(goalNode.get(g.id)!, parent, text.goalToParent(g.title, parent.label));
  }
  return { nodes, edges };
}

// ---------------------------------------------------------------------------------------------
// Comparison with the framework

export interface ComparisonResult {
  unbacked: { nodeId: string; label: string; kind: TocKind }[];
  missingActivities: { id: string; name: string }[];
  missingGoals: { id: string; title: string; level: FrameworkGoal['level'] }[];
  linkedCount: number;
}

/**
 * Compares a diagram with the framework in its scope (`scoped`), given the plan's whole framework
 * (`plan`, to tell a live link from one to a deleted entity):
 * - a node is *backed* when it links an existing goal or indicator of the plan;
 * - a result node (output, short- or long-term result, impact) is *unbacked* when neither it nor
 *   any node it leads to along the arrows is backed;
 * - an activity or goal in scope is *missing* when no node links it; a node linked to an
 *   indicator counts as linking the indicator's goal;
 * - `linkedCount` counts nodes linked to an existing activity, goal or indicator.
 */
export function compareWithFramework(
  nodes: readonly DiagramNode[],
  edges: readonly DiagramEdge[],
  scoped: Framework,
  plan: Framework,
): ComparisonResult {
  const goalIds = new Set(plan.goals.map((g) => g.id));
  const activityIds = new Set(plan.activities.map((a) => a.id));
  const indicatorGoal = new Map(plan.indicators.map((i) => [i.id, i.goalId]));
  const exists = (l: TocLinkRef | null) =>
    !!l &&
    (l.type === 'goal'
      ? goalIds.has(l.id)
      : l.type === 'indicator'
        ? indicatorGoal.has(l.id)
        : activityIds.has(l.id));
  const backed = new Set(
    nodes.filter((n) => n.link && n.link.type !== 'activity' && exists(n.link)).map((n) => n.id),
  );
  // Nodes that reach a backed node: walk the arrows backwards from every backed node.
  const incoming = new Map<string, string[]>();
  for (const e of edges) incoming.set(e.to, [...(incoming.get(e.to) ?? []), e.from]);
  const reaches = new Set(backed);
  const queue = [...backed];
  while (queue.length > 0) {
    const id = queue.pop()!;
    for (const from of incoming.get(id) ?? []) {
      if (!reaches.has(from)) {
        reaches.add(from);
        queue.push(from);
      }
    }
  }
  const linkedActivities = new Set<string>();
  const linkedGoals = new Set<string>();
  let linkedCount = 0;
  for (const n of nodes) {
    if (!n.link || !exists(n.link)) continue;
    linkedCount++;
    if (n.link.type === 'activity') linkedActivities.add(n.link.id);
    else if (n.link.type === 'goal') linkedGoals.add(n.link.id);
    else linkedGoals.add(indicatorGoal.get(n.link.id)!);
  }
  return {
    unbacked: nodes
      .filter((n) => RESULT_KINDS.includes(n.kind) && !reaches.has(n.id))
      .map((n) => ({ nodeId: n.id, label: n.label, kind: n.kind })),
    missingActivities: scoped.activities
      .filter((a) => !linkedActivities.has(a.id))
      .map((a) => ({ id: a.id, name: a.name })),
    missingGoals: scoped.goals
      .filter((g) => !linkedGoals.has(g.id))
      .map((g) => ({ id: g.id, title: g.title, level: g.level })),
    linkedCount,
  };
}

// ---------------------------------------------------------------------------------------------
// An indicator's latest reading

export interface PeriodReading {
  period: string;
  value: number | null;
  target: number | null;
}

/**
 * The reading a node shows for its indicator: of the periods with a value, the one that ends
 * last; when several end on the same day (2024 and 2024-Q4), the one with a target, then the
 * longer. The whole plan period only when no dated period has a value. Null when none has one.
 */
export function latestReading<T extends PeriodReading>(readings: readonly T[]): T | null {
  const withValue = readings.filter((r) => r.value !== null);
  const dated = withValue.flatMap((r) => {
    const parsed = parsePeriodKey(r.period);
    const range = parsed && parsed.kind !== 'whole' ? periodRange(parsed) : null;
    return range ? [{ r, range }] : [];
  });
  if (dated.length === 0) return withValue.find((r) => r.period === 'whole') ?? null;
  dated.sort(
    (a, b) =>
      b.range.end.localeCompare(a.range.end) ||
      Number(b.r.target !== null) - Number(a.r.target !== null) ||
      a.range.start.localeCompare(b.range.start),
  );
  return dated[0]!.r;
}

// ---------------------------------------------------------------------------------------------
// Search

/**
 * Text for matching: lower case, accents removed (é → e, å → a), æ → ae, ø → o, and runs of
 * white space made one space; so "Fritidsjob", "fritidsjob" and "FRITIDSJOB" match alike.
 */
export function foldText(s: string): string {
  return s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether `text` contains the folded `query` (an empty query matches everything). */
export function textMatches(text: string, foldedQuery: string): boolean {
  return foldedQuery === '' || foldText(text).includes(foldedQuery);
}

/**
 * Directed paths in one diagram from a node whose label matches `fromText` to one whose label
 * matches `toText`, each at most `maxSteps` arrows long and visiting no node twice; a path stops
 * at the first matching end node. At most `limit` paths, shortest first, in a stable order.
 * Returns the paths as lists of node ids.
 */
export function findPaths(
  nodes: readonly Pick<DiagramNode, 'id' | 'label'>[],
  edges: readonly Pick<DiagramEdge, 'from' | 'to'>[],
  fromText: string,
  toText: string,
  maxSteps = 8,
  limit = 200,
): string[][] {
  const from = foldText(fromText);
  const to = foldText(toText);
  if (from === '' || to === '' || limit <= 0) return [];
  const ids = new Set(nodes.map((n) => n.id));
  const targets = new Set(nodes.filter((n) => foldText(n.label).includes(to)).map((n) => n.id));
  const starts = nodes.filter((n) => foldText(n.label).includes(from)).map((n) => n.id);
  if (targets.size === 0 || starts.length === 0) return [];
  const out = new Map<string, string[]>();
  const into = new Map<string, string[]>();
  for (const e of edges) {
    if (!ids.has(e.from) || !ids.has(e.to) || e.from === e.to) continue;
    out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
    into.set(e.to, [...(into.get(e.to) ?? []), e.from]);
  }
  // Fewest arrows from each node to a target, to prune walks that cannot arrive in time.
  const distance = new Map<string, number>();
  let frontier = [...targets];
  for (const t of targets) distance.set(t, 0);
  for (let d = 1; d <= maxSteps && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const prev of into.get(id) ?? []) {
        if (!distance.has(prev)) {
          distance.set(prev, d);
          next.push(prev);
        }
      }
    }
    frontier = next;
  }
  const found: string[][] = [];
  let budget = 200_000; // bounds the work on large, densely connected diagrams
  const walk = (path: string[], onPath: Set<string>) => {
    if (found.length >= limit * 4 || budget-- <= 0) return;
    const last = path[path.length - 1]!;
    if (path.length > 1 && targets.has(last)) {
      found.push([...path]);
      return;
    }
    const left = maxSteps - (path.length - 1);
    for (const next of out.get(last) ?? []) {
      const d = distance.get(next);
      if (d === undefined || d + 1 > left || onPath.has(next)) continue;
      path.push(next);
      onPath.add(next);
      walk(path, onPath);
      onPath.delete(next);
      path.pop();
    }
  };
  for (const s of starts) {
    if ((distance.get(s) ?? Infinity) > maxSteps) continue;
    walk([s], new Set([s]));
  }
  return found.sort((a, b) => a.length - b.length).slice(0, limit);
}
