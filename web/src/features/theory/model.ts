/**
 * A theory-of-change diagram as the editor holds it: nodes and edges, changed only through
 * `apply`, with bounded undo/redo. Pure, so the canvas and the outline share one set of rules and
 * the rules are tested without a browser. The checks mirror the server's (no edge from a node to
 * itself, both ends in the diagram, ids the server accepts), so a save is refused only for a
 * reason the editor could not know (someone else changed the diagram).
 */

import type { TocLink, TocNodeKind } from '@pejling/contracts';

export type NodeKind = TocNodeKind;
// The contract's kinds, in the chain's order (the contract is imported for types only, so zod stays
// out of the bundle).
export const NODE_KINDS = [
  'activity',
  'output',
  'shortTermResult',
  'longTermResult',
  'impact',
  'assumption',
  'externalFactor',
] as const satisfies readonly NodeKind[];

/** The kinds of the causal chain, in order; the others (assumptions, external factors) sit aside. */
export const CHAIN_KINDS: NodeKind[] = ['activity', 'output', 'shortTermResult', 'longTermResult', 'impact'];

export const isChainKind = (kind: NodeKind) => CHAIN_KINDS.includes(kind);

export type NodeLink = TocLink;
export type LinkType = TocLink['type'];

export interface DiagramNode {
  id: string;
  kind: NodeKind;
  label: string;
  description?: string;
  x: number;
  y: number;
  link: NodeLink | null;
}

export interface DiagramEdge {
  id: string;
  from: string;
  to: string;
  rationale: string;
}

export interface Diagram {
  title: string;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const MAX_LABEL = 300;

let counter = 0;
/** A fresh id the server accepts, unique within the diagram. */
export function newId(prefix: 'n' | 'e', taken: { id: string }[] = []): string {
  const used = new Set(taken.map((t) => t.id));
  for (;;) {
    counter += 1;
    const id = `${prefix}-${Date.now().toString(36)}-${counter.toString(36)}`;
    if (!used.has(id)) return id;
  }
}

export type Action =
  | { type: 'setTitle'; title: string }
  | { type: 'addNode'; node: DiagramNode }
  | { type: 'moveNode'; id: string; x: number; y: number }
  | { type: 'placeNodes'; positions: Record<string, { x: number; y: number }> }
  | {
      type: 'updateNode';
      id: string;
      patch: Partial<Pick<DiagramNode, 'label' | 'kind' | 'description' | 'link'>>;
    }
  | { type: 'deleteNode'; id: string }
  | { type: 'connect'; edge: DiagramEdge }
  | { type: 'updateEdge'; id: string; rationale: string }
  | { type: 'deleteEdge'; id: string }
  | { type: 'replace'; diagram: Diagram };

/** Why an action was refused; the editor words it in the user's language. */
export type Refusal =
  | 'selfEdge'
  | 'duplicateEdge'
  | 'unknownNode'
  | 'unknownEdge'
  | 'duplicateId'
  | 'badId'
  | 'emptyLabel'
  | 'labelTooLong'
  | 'linkKindMismatch';

export type Result = { ok: true; diagram: Diagram } | { ok: false; refusal: Refusal };

const ok = (diagram: Diagram): Result => ({ ok: true, diagram });
const no = (refusal: Refusal): Result => ({ ok: false, refusal });

function labelRefusal(label: string): Refusal | null {
  if (label.trim() === '') return 'emptyLabel';
  if (label.length > MAX_LABEL) return 'labelTooLong';
  return null;
}

/** Applies one change, or says why it cannot be made; the diagram given is never changed. */
export function apply(d: Diagram, action: Action): Result {
  const node = (id: string) => d.nodes.find((n) => n.id === id);
  switch (action.type) {
    case 'setTitle':
      return ok({ ...d, title: action.title });
    case 'addNode': {
      const n = action.node;
      if (!ID_PATTERN.test(n.id)) return no('badId');
      if (node(n.id)) return no('duplicateId');
      const bad = labelRefusal(n.label);
      if (bad) return no(bad);
      if (n.link && !isChainKind(n.kind)) return no('linkKindMismatch');
      return ok({ ...d, nodes: [...d.nodes, n] });
    }
    case 'moveNode': {
      if (!node(action.id)) return no('unknownNode');
      return ok({
        ...d,
        nodes: d.nodes.map((n) =>
          n.id === action.id ? { ...n, x: round(action.x), y: round(action.y) } : n,
        ),
      });
    }
    case 'placeNodes':
      return ok({
        ...d,
        nodes: d.nodes.map((n) => {
          const p = action.positions[n.id];
          return p ? { ...n, x: round(p.x), y: round(p.y) } : n;
        }),
      });
    case 'updateNode': {
      const old = node(action.id);
      if (!old) return no('unknownNode');
      if (action.patch.label !== undefined) {
        const bad = labelRefusal(action.patch.label);
        if (bad) return no(bad);
      }
      const next = { ...old, ...action.patch };
      if (next.link && !isChainKind(next.kind)) {
        // An assumption or external factor stands for nothing in the framework: a link given with
        // it is refused, a link it had before its kind changed is dropped.
        if (action.patch.link) return no('linkKindMismatch');
        next.link = null;
      }
      return ok({ ...d, nodes: d.nodes.map((n) => (n.id === action.id ? next : n)) });
    }
    case 'deleteNode': {
      if (!node(action.id)) return no('unknownNode');
      return ok({
        ...d,
        nodes: d.nodes.filter((n) => n.id !== action.id),
        edges: d.edges.filter((e) => e.from !== action.id && e.to !== action.id),
      });
    }
    case 'connect': {
      const e = action.edge;
      if (!ID_PATTERN.test(e.id)) return no('badId');
      if (e.from === e.to) return no('selfEdge');
      if (!node(e.from) || !node(e.to)) return no('unknownNode');
      if (d.edges.some((x) => x.id === e.id)) return no('duplicateId');
      if (d.edges.some((x) => x.from === e.from && x.to === e.to)) return no('duplicateEdge');
      return ok({ ...d, edges: [...d.edges, e] });
    }
    case 'updateEdge': {
      if (!d.edges.some((e) => e.id === action.id)) return no('unknownEdge');
      return ok({
        ...d,
        edges: d.edges.map((e) => (e.id === action.id ? { ...e, rationale: action.rationale } : e)),
      });
    }
    case 'deleteEdge': {
      if (!d.edges.some((e) => e.id === action.id)) return no('unknownEdge');
      return ok({ ...d, edges: d.edges.filter((e) => e.id !== action.id) });
    }
    case 'replace':
      return ok(action.diagram);
  }
}

const round = (v: number) => Math.round(v);

/** Everything wrong with a whole diagram (as the server checks it on save), by path. */
export function validate(d: Diagram): { path: string; refusal: Refusal }[] {
  const issues: { path: string; refusal: Refusal }[] = [];
  const ids = new Set<string>();
  d.nodes.forEach((n, i) => {
    if (!ID_PATTERN.test(n.id)) issues.push({ path: `nodes.${i}.id`, refusal: 'badId' });
    else if (ids.has(n.id)) issues.push({ path: `nodes.${i}.id`, refusal: 'duplicateId' });
    ids.add(n.id);
    const bad = labelRefusal(n.label);
    if (bad) issues.push({ path: `nodes.${i}.label`, refusal: bad });
    if (n.link && !isChainKind(n.kind)) issues.push({ path: `nodes.${i}.link`, refusal: 'linkKindMismatch' });
  });
  const edgeIds = new Set<string>();
  const pairs = new Set<string>();
  d.edges.forEach((e, i) => {
    if (!ID_PATTERN.test(e.id)) issues.push({ path: `edges.${i}.id`, refusal: 'badId' });
    else if (edgeIds.has(e.id)) issues.push({ path: `edges.${i}.id`, refusal: 'duplicateId' });
    edgeIds.add(e.id);
    if (e.from === e.to) issues.push({ path: `edges.${i}.to`, refusal: 'selfEdge' });
    else if (!ids.has(e.from) || !ids.has(e.to)) issues.push({ path: `edges.${i}`, refusal: 'unknownNode' });
    else if (pairs.has(`${e.from}>${e.to}`)) issues.push({ path: `edges.${i}`, refusal: 'duplicateEdge' });
    pairs.add(`${e.from}>${e.to}`);
  });
  return issues;
}

// ── Undo and redo ────────────────────────────────────────────────────────────────────────────

/** How many steps back the editor remembers; older steps are forgotten. */
export const HISTORY_LIMIT = 100;

export interface History {
  past: Diagram[];
  present: Diagram;
  future: Diagram[];
}

export const startHistory = (diagram: Diagram): History => ({ past: [], present: diagram, future: [] });

/**
 * Applies a change as one undoable step; a refused change leaves the history as it was. With
 * `merge`, the change joins the last step instead (typing a title letter by letter is one step).
 */
export function perform(
  h: History,
  action: Action,
  limit = HISTORY_LIMIT,
  merge = false,
): { history: History; refusal?: Refusal } {
  const r = apply(h.present, action);
  if (!r.ok) return { history: h, refusal: r.refusal };
  if (merge && h.past.length > 0) return { history: { past: h.past, present: r.diagram, future: [] } };
  const past = [...h.past, h.present];
  if (past.length > limit) past.splice(0, past.length - limit);
  return { history: { past, present: r.diagram, future: [] } };
}

export const canUndo = (h: History) => h.past.length > 0;
export const canRedo = (h: History) => h.future.length > 0;

export function undo(h: History): History {
  const prev = h.past[h.past.length - 1];
  if (!prev) return h;
  return { past: h.past.slice(0, -1), present: prev, future: [h.present, ...h.future] };
}

export function redo(h: History): History {
  const next = h.future[0];
  if (!next) return h;
  return { past: [...h.past, h.present], present: next, future: h.future.slice(1) };
}

// ── Reading a diagram ────────────────────────────────────────────────────────────────────────

/** The nodes grouped by kind, in the chain's order, each group sorted by label. */
export function groupByKind(d: Diagram, locale = 'da'): { kind: NodeKind; nodes: DiagramNode[] }[] {
  const collator = new Intl.Collator(locale);
  return NODE_KINDS.map((kind) => ({
    kind,
    nodes: d.nodes.filter((n) => n.kind === kind).sort((a, b) => collator.compare(a.label, b.label)),
  }));
}

/** Where a new node of a kind goes: below the lowest node of its kind, else in its kind's column. */
export function placeNew(d: Diagram, kind: NodeKind): { x: number; y: number } {
  const same = d.nodes.filter((n) => n.kind === kind);
  const rank = CHAIN_KINDS.indexOf(kind);
  const x = rank >= 0 ? rank * (NODE_W + 80) : -NODE_W - 80;
  const lowest = same.reduce<DiagramNode | null>((a, n) => (a && a.y >= n.y ? a : n), null);
  return lowest ? { x: lowest.x, y: lowest.y + NODE_H + 24 } : { x, y: 0 };
}

export const NODE_W = 180;
export const NODE_H = 64;

/** The point where the line from a node's centre towards (tx, ty) leaves the node's box. */
export function borderPoint(n: { x: number; y: number }, tx: number, ty: number): { x: number; y: number } {
  const cx = n.x + NODE_W / 2;
  const cy = n.y + NODE_H / 2;
  const dx = tx - cx;
  const dy = ty - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const sx = dx === 0 ? Infinity : NODE_W / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : NODE_H / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: cx + dx * s, y: cy + dy * s };
}

/** The box around every node, for fitting the view; an empty diagram gets a small default box. */
export function bounds(nodes: { x: number; y: number }[]): { x: number; y: number; w: number; h: number } {
  if (nodes.length === 0) return { x: 0, y: 0, w: 800, h: 400 };
  const xs = nodes.map((n) => n.x);
  const ys = nodes.map((n) => n.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, w: Math.max(...xs) + NODE_W - x, h: Math.max(...ys) + NODE_H - y };
}

/** Splits a label into at most `lines` lines of about `width` characters, ending in … if cut. */
export function wrapLabel(label: string, width = 24, lines = 2): string[] {
  const all: string[] = [];
  let line = '';
  for (const w of label.trim().split(/\s+/).filter(Boolean)) {
    const word = w.length > width ? w.slice(0, width - 1) + '…' : w;
    const next = line ? `${line} ${word}` : word;
    if (next.length <= width) line = next;
    else {
      all.push(line);
      line = word;
    }
  }
  if (line) all.push(line);
  if (all.length <= lines) return all;
  const kept = all.slice(0, lines);
  const last = kept[lines - 1] ?? '';
  kept[lines - 1] = (last.length >= width ? last.slice(0, width - 1) : last) + '…';
  return kept;
}
