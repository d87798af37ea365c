import { describe, expect, it } from 'vitest';
import ELK from 'elkjs/lib/elk.bundled.js';
import {
  HISTORY_LIMIT,
  apply,
  borderPoint,
  canRedo,
  canUndo,
  groupByKind,
  perform,
  redo,
  startHistory,
  undo,
  validate,
  wrapLabel,
  type Diagram,
  type DiagramNode,
} from './model';
import { elkGraph, placeAside } from './layout';

const node = (id: string, kind: DiagramNode['kind'], label = id): DiagramNode => ({
  id,
  kind,
  label,
  x: 0,
  y: 0,
  link: null,
});

// A small plan: homework café → pupils attend → better marks → more finish school.
const example: Diagram = {
  title: 'Uddannelse',
  nodes: [
    node('cafe', 'activity', 'Lektiecafé'),
    node('attend', 'output', 'Elever deltager'),
    node('marks', 'shortTermResult', 'Bedre karakterer'),
    node('finish', 'longTermResult', 'Flere gennemfører'),
    node('jobs', 'impact', 'Flere i job'),
    node('parents', 'assumption', 'Forældre bakker op'),
  ],
  edges: [
    { id: 'e1', from: 'cafe', to: 'attend', rationale: '' },
    { id: 'e2', from: 'attend', to: 'marks', rationale: 'Mere lektiehjælp' },
  ],
};

describe('changing a diagram', () => {
  it('adds, renames, moves and deletes nodes; deleting a node takes its edges along', () => {
    let r = apply(example, { type: 'addNode', node: node('n-1', 'output', 'Forløb') });
    expect(r.ok && r.diagram.nodes).toHaveLength(7);
    r = apply(example, { type: 'updateNode', id: 'cafe', patch: { label: 'Lektiecafé for 7.-9. kl.' } });
    expect(r.ok && r.diagram.nodes[0]!.label).toBe('Lektiecafé for 7.-9. kl.');
    r = apply(example, { type: 'moveNode', id: 'cafe', x: 10.4, y: 20.6 });
    expect(r.ok && r.diagram.nodes[0]).toMatchObject({ x: 10, y: 21 });
    r = apply(example, { type: 'deleteNode', id: 'attend' });
    expect(r.ok && r.diagram.edges).toEqual([]);
    expect(example.nodes).toHaveLength(6); // the original is untouched
  });

  it('connects two nodes, but never a node to itself, twice the same way, or to a node not there', () => {
    const edge = { id: 'e3', from: 'marks', to: 'finish', rationale: 'Karakterer åbner døre' };
    const r = apply(example, { type: 'connect', edge });
    expect(r.ok && r.diagram.edges.at(-1)).toEqual(edge);
    expect(apply(example, { type: 'connect', edge: { ...edge, to: 'marks' } })).toEqual({
      ok: false,
      refusal: 'selfEdge',
    });
    expect(apply(example, { type: 'connect', edge: { ...edge, from: 'cafe', to: 'attend' } })).toEqual({
      ok: false,
      refusal: 'duplicateEdge',
    });
    expect(apply(example, { type: 'connect', edge: { ...edge, to: 'gone' } })).toEqual({
      ok: false,
      refusal: 'unknownNode',
    });
    expect(apply(example, { type: 'connect', edge: { ...edge, id: 'has space' } })).toEqual({
      ok: false,
      refusal: 'badId',
    });
  });

  it('refuses an empty label and an id the server would not accept', () => {
    expect(apply(example, { type: 'updateNode', id: 'cafe', patch: { label: '  ' } })).toEqual({
      ok: false,
      refusal: 'emptyLabel',
    });
    expect(apply(example, { type: 'addNode', node: node('x'.repeat(65), 'output') })).toEqual({
      ok: false,
      refusal: 'badId',
    });
    expect(apply(example, { type: 'addNode', node: node('cafe', 'output') })).toEqual({
      ok: false,
      refusal: 'duplicateId',
    });
  });

  it('edits and deletes an edge', () => {
    let r = apply(example, { type: 'updateEdge', id: 'e1', rationale: 'Fordi' });
    expect(r.ok && r.diagram.edges[0]!.rationale).toBe('Fordi');
    r = apply(example, { type: 'deleteEdge', id: 'e1' });
    expect(r.ok && r.diagram.edges.map((e) => e.id)).toEqual(['e2']);
    expect(apply(example, { type: 'deleteEdge', id: 'nope' })).toEqual({ ok: false, refusal: 'unknownEdge' });
  });

  it('validates a whole diagram as the server does', () => {
    expect(validate(example)).toEqual([]);
    const bad: Diagram = {
      ...example,
      edges: [...example.edges, { id: 'e9', from: 'jobs', to: 'jobs', rationale: '' }],
    };
    expect(validate(bad)).toEqual([{ path: 'edges.2.to', refusal: 'selfEdge' }]);
  });
});

describe('links to the framework', () => {
  it('an assumption cannot stand for an activity, goal or indicator; turning a linked node into one drops its link', () => {
    const link = { type: 'goal' as const, id: 'g1' };
    expect(apply(example, { type: 'updateNode', id: 'parents', patch: { link } })).toEqual({
      ok: false,
      refusal: 'linkKindMismatch',
    });
    const linked = apply(example, { type: 'updateNode', id: 'marks', patch: { link } });
    expect(linked.ok && linked.diagram.nodes[2]!.link).toEqual(link);
    if (!linked.ok) return;
    const r = apply(linked.diagram, { type: 'updateNode', id: 'marks', patch: { kind: 'externalFactor' } });
    expect(r.ok && r.diagram.nodes[2]).toMatchObject({ kind: 'externalFactor', link: null });
  });
});

describe('undo and redo', () => {
  it('steps back and forth, and a new change forgets what could be redone', () => {
    let h = startHistory(example);
    h = perform(h, { type: 'moveNode', id: 'cafe', x: 100, y: 0 }).history;
    h = perform(h, { type: 'deleteNode', id: 'parents' }).history;
    expect(h.present.nodes).toHaveLength(5);
    h = undo(h);
    expect(h.present.nodes).toHaveLength(6);
    expect(canRedo(h)).toBe(true);
    h = redo(h);
    expect(h.present.nodes).toHaveLength(5);
    h = undo(undo(h));
    expect(h.present).toBe(example);
    expect(canUndo(h)).toBe(false);
    h = redo(h);
    h = perform(h, { type: 'setTitle', title: 'Ny' }).history;
    expect(canRedo(h)).toBe(false);
  });

  it('typing a title joins the last step, so one undo takes the whole title back', () => {
    let h = startHistory(example);
    h = perform(h, { type: 'setTitle', title: 'U' }).history;
    h = perform(h, { type: 'setTitle', title: 'Ud' }, HISTORY_LIMIT, true).history;
    h = perform(h, { type: 'setTitle', title: 'Udd' }, HISTORY_LIMIT, true).history;
    expect(h.past).toHaveLength(1);
    expect(undo(h).present.title).toBe('Uddannelse');
  });

  it('a refused change is not a step', () => {
    const h = startHistory(example);
    const r = perform(h, { type: 'connect', edge: { id: 'x', from: 'cafe', to: 'cafe', rationale: '' } });
    expect(r.refusal).toBe('selfEdge');
    expect(r.history).toBe(h);
  });

  it('remembers a bounded number of steps', () => {
    let h = startHistory(example);
    for (let i = 0; i < HISTORY_LIMIT + 20; i++)
      h = perform(h, { type: 'moveNode', id: 'cafe', x: i, y: 0 }).history;
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(perform(h, { type: 'setTitle', title: 'x' }, 3).history.past).toHaveLength(3);
  });
});

describe('reading a diagram', () => {
  it('groups nodes by kind in the chain order, assumptions and external factors last', () => {
    const groups = groupByKind(example);
    expect(groups.map((g) => g.kind)).toEqual([
      'activity',
      'output',
      'shortTermResult',
      'longTermResult',
      'impact',
      'assumption',
      'externalFactor',
    ]);
    expect(groups[5]!.nodes.map((n) => n.id)).toEqual(['parents']);
  });

  it('wraps a long label into two lines with an ellipsis', () => {
    expect(wrapLabel('Lektiecafé')).toEqual(['Lektiecafé']);
    expect(wrapLabel('Flere unge gennemfører en ungdomsuddannelse inden de fylder 25 år', 24)).toEqual([
      'Flere unge gennemfører',
      'en ungdomsuddannelse…',
    ]);
  });

  it('ends an arrow on the border of the node box', () => {
    expect(borderPoint({ x: 0, y: 0 }, 1000, 32)).toEqual({ x: 180, y: 32 });
    expect(borderPoint({ x: 0, y: 0 }, 90, 1000)).toEqual({ x: 90, y: 64 });
  });
});

describe('layout', () => {
  it('lays the chain out in layers by kind, left to right, with assumptions below', async () => {
    const elk = new ELK();
    const graph = elkGraph(example, 'RIGHT');
    expect(graph.children!.map((c) => c.id)).not.toContain('parents');
    const out = await elk.layout(graph);
    const x = Object.fromEntries((out.children ?? []).map((c) => [c.id, c.x ?? 0]));
    // Even with no edge between them, each kind lies right of the one before it.
    expect(x.cafe!).toBeLessThan(x.attend!);
    expect(x.attend!).toBeLessThan(x.marks!);
    expect(x.marks!).toBeLessThan(x.finish!);
    expect(x.finish!).toBeLessThan(x.jobs!);
    const chain = Object.fromEntries((out.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
    const all = placeAside(example, chain, 'RIGHT');
    const lowest = Math.max(...Object.values(chain).map((p) => p.y));
    expect(all.parents!.y).toBeGreaterThan(lowest);
  });

  it('lays a top-down chain out with each kind below the one before it', async () => {
    const out = await new ELK().layout(elkGraph(example, 'DOWN'));
    const y = Object.fromEntries((out.children ?? []).map((c) => [c.id, c.y ?? 0]));
    expect(y.cafe!).toBeLessThan(y.attend!);
    expect(y.marks!).toBeLessThan(y.finish!);
    expect(y.finish!).toBeLessThan(y.jobs!);
  });

  it('places assumptions and external factors in their own lines beside a top-down chain', () => {
    const d: Diagram = {
      ...example,
      nodes: [...example.nodes, node('weather', 'externalFactor'), node('a2', 'assumption')],
    };
    const pos = placeAside(d, { cafe: { x: 0, y: 0 } }, 'DOWN', 8);
    expect(pos.parents).toEqual({ x: 260, y: 0 });
    expect(pos.a2).toEqual({ x: 260, y: 104 });
    expect(pos.weather).toEqual({ x: 480, y: 0 });
  });
});
