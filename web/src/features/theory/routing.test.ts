import { describe, expect, it } from 'vitest';
import { NODE_H, NODE_W } from './model';
import {
  pathData,
  routeEdges,
  segmentHitsBox,
  type Point,
  type RoutedEdge,
  type RoutedNode,
} from './routing';

const box = (n: RoutedNode) => ({ x: n.x, y: n.y, w: NODE_W, h: NODE_H });
const onBorder = (p: Point, n: RoutedNode) => {
  const b = box(n);
  const inX = p.x >= b.x - 0.01 && p.x <= b.x + b.w + 0.01;
  const inY = p.y >= b.y - 0.01 && p.y <= b.y + b.h + 0.01;
  const onX = Math.abs(p.x - b.x) < 0.01 || Math.abs(p.x - b.x - b.w) < 0.01;
  const onY = Math.abs(p.y - b.y) < 0.01 || Math.abs(p.y - b.y - b.h) < 0.01;
  return (onX && inY) || (onY && inX);
};

/** The problems of one route: boxes it passes under, ends not on the borders, slanted segments. */
function problems(nodes: RoutedNode[], e: RoutedEdge, pts: Point[]): string[] {
  const out: string[] = [];
  const from = nodes.find((n) => n.id === e.from)!;
  const to = nodes.find((n) => n.id === e.to)!;
  if (!onBorder(pts[0]!, from)) out.push(`${e.id} does not start on ${e.from}'s border`);
  if (!onBorder(pts[pts.length - 1]!, to)) out.push(`${e.id} does not end on ${e.to}'s border`);
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1]!;
    const b = pts[i]!;
    if (Math.abs(a.x - b.x) > 0.01 && Math.abs(a.y - b.y) > 0.01) out.push(`${e.id} has a slanted segment`);
    for (const n of nodes) {
      // The first segment leaves its source and the last enters its target; nothing else may touch a box.
      if ((i === 1 && n.id === e.from) || (i === pts.length - 1 && n.id === e.to)) continue;
      if (segmentHitsBox(a, b, box(n))) out.push(`${e.id} passes under ${n.id}`);
    }
  }
  return out;
}

// The example plan's cross-cutting theory as drafted: activities, outputs, short-term results and
// impacts in columns 280 apart, rows 110 apart, assumptions and the external factor below.
const col = (c: number) => c * 280;
const row = (r: number) => r * 110;
const example: RoutedNode[] = [
  { id: 'a1', x: col(0), y: row(0) },
  { id: 'a2', x: col(0), y: row(1) },
  { id: 'a3', x: col(0), y: row(2) },
  { id: 'o1', x: col(1), y: row(0) },
  { id: 'o2', x: col(1), y: row(1) },
  { id: 's1', x: col(2), y: row(0) },
  { id: 's2', x: col(2), y: row(1) },
  { id: 'i1', x: col(4), y: row(0) },
  { id: 'i2', x: col(4), y: row(1) },
  { id: 'as1', x: col(1), y: row(4) },
  { id: 'as2', x: col(2), y: row(4) },
  { id: 'ex1', x: col(4), y: row(4) },
];
const exampleEdges: RoutedEdge[] = [
  ['a1', 's1'], // skips the output column, through o1's row
  ['a2', 'o2'],
  ['a3', 'o1'], // two rows up, one column across
  ['a3', 'o2'],
  ['o1', 's1'],
  ['o2', 's1'],
  ['o2', 's2'],
  ['s1', 'i1'], // past the empty long-term column
  ['s2', 'i2'],
  ['i2', 'i1'],
  ['as1', 'o1'], // straight up would run under o2
  ['as2', 's1'], // straight up would run under s2
  ['ex1', 'i2'],
].map(([from, to]) => ({ id: `${from}-${to}`, from: from!, to: to! }));

describe('routeEdges', () => {
  it('routes every edge of the example around the boxes between its ends', () => {
    const routes = routeEdges(example, exampleEdges);
    expect(routes.size).toBe(exampleEdges.length);
    for (const e of exampleEdges) expect(problems(example, e, routes.get(e.id)!)).toEqual([]);
  });

  it('keeps the routes of different edges from lying on top of each other', () => {
    const routes = routeEdges(example, exampleEdges);
    const segments = [...routes].flatMap(([id, pts]) => pts.slice(1).map((b, i) => ({ id, a: pts[i]!, b })));
    const overlaps: string[] = [];
    for (const p of segments)
      for (const q of segments) {
        if (p.id >= q.id) continue;
        const vertical = (s: typeof p) => Math.abs(s.a.x - s.b.x) < 0.01;
        if (vertical(p) !== vertical(q)) continue;
        const line = (s: typeof p) => (vertical(s) ? s.a.x : s.a.y);
        const span = (s: typeof p) =>
          vertical(s)
            ? [Math.min(s.a.y, s.b.y), Math.max(s.a.y, s.b.y)]
            : [Math.min(s.a.x, s.b.x), Math.max(s.a.x, s.b.x)];
        const [p0, p1] = span(p);
        const [q0, q1] = span(q);
        if (Math.abs(line(p) - line(q)) < 2 && Math.min(p1!, q1!) - Math.max(p0!, q0!) > 1)
          overlaps.push(`${p.id} ${q.id}`);
      }
    expect(overlaps).toEqual([]);
  });

  it('goes straight when nothing is in the way and the ports face each other', () => {
    const nodes = [
      { id: 'a', x: 0, y: 0 },
      { id: 'b', x: 300, y: 0 },
    ];
    expect(routeEdges(nodes, [{ id: 'e', from: 'a', to: 'b' }]).get('e')).toEqual([
      { x: NODE_W, y: NODE_H / 2 },
      { x: 300, y: NODE_H / 2 },
    ]);
  });

  it('takes an assumption below a column up around the box between it and its target', () => {
    const nodes = example.filter((n) => ['o1', 'o2', 'as1'].includes(n.id));
    const pts = routeEdges(nodes, [{ id: 'e', from: 'as1', to: 'o1' }]).get('e')!;
    expect(problems(nodes, { id: 'e', from: 'as1', to: 'o1' }, pts)).toEqual([]);
    // It leaves the assumption's top and enters the output's bottom, pointing up.
    expect(pts[0]!.y).toBe(row(4));
    expect(pts[pts.length - 1]!.y).toBe(NODE_H);
    expect(pts[pts.length - 2]!.y).toBeGreaterThan(NODE_H);
    expect(pts.length).toBe(6);
  });

  it('spreads the ends of edges entering the same side of a box, ordered by where they come from', () => {
    const routes = routeEdges(example, exampleEdges);
    const ends = ['o1-s1', 'o2-s1', 'a1-s1'].map((id) => routes.get(id)!.at(-1)!);
    // All three enter s1's left side, at three different heights; the one from above is highest.
    for (const p of ends) expect(p.x).toBe(col(2));
    expect(new Set(ends.map((p) => p.y)).size).toBe(3);
    const fromRow1 = routes.get('o2-s1')!.at(-1)!;
    const fromRow0 = routes.get('o1-s1')!.at(-1)!;
    expect(fromRow0.y).toBeLessThan(fromRow1.y);
  });

  it('routes edges going back (right to left) and top down', () => {
    const nodes = [
      { id: 'a', x: 600, y: 0 },
      { id: 'blocker', x: 300, y: 0 },
      { id: 'b', x: 0, y: 0 },
      { id: 'c', x: 600, y: 400 },
      { id: 'mid', x: 600, y: 200 },
    ];
    const edges = [
      { id: 'back', from: 'a', to: 'b' },
      { id: 'down', from: 'a', to: 'c' },
    ];
    const routes = routeEdges(nodes, edges);
    for (const e of edges) expect(problems(nodes, e, routes.get(e.id)!)).toEqual([]);
  });

  it('draws boxes that overlap straight between their borders', () => {
    const nodes = [
      { id: 'a', x: 0, y: 0 },
      { id: 'b', x: 50, y: 20 },
    ];
    const pts = routeEdges(nodes, [{ id: 'e', from: 'a', to: 'b' }]).get('e')!;
    expect(pts).toHaveLength(2);
  });

  it('routes a 500-node, 900-edge diagram with all of it clear of other boxes', () => {
    // Five layers of 80 nodes (one gap in ten left empty), 100 assumptions below; edges to the next
    // layer or skipping one, and from assumptions up into the chain.
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const nodes: RoutedNode[] = [];
    const layers: string[][] = [];
    for (let l = 0; l < 5; l++) {
      layers.push([]);
      for (let r = 0; r < 88; r++) {
        if (r % 11 === 5) continue;
        const id = `n${l}-${r}`;
        layers[l]!.push(id);
        nodes.push({ id, x: col(l), y: row(r) });
      }
    }
    for (let i = 0; i < 100; i++)
      nodes.push({ id: `as${i}`, x: (i % 10) * 220, y: row(90) + Math.floor(i / 10) * 110 });
    expect(nodes).toHaveLength(500);
    const edges: RoutedEdge[] = [];
    const seen = new Set<string>();
    while (edges.length < 900) {
      const l = Math.floor(rand() * 4);
      const skip = rand() < 0.25 && l < 3 ? 2 : 1;
      const from = layers[l]![Math.floor(rand() * 80)]!;
      const fromRow = Number(from.split('-')[1]);
      const to = layers[l + skip]!.find(
        (id) => Math.abs(Number(id.split('-')[1]) - fromRow) <= Math.floor(rand() * 6),
      )!;
      const assumption = rand() < 0.1;
      const e = assumption ? { from: `as${Math.floor(rand() * 100)}`, to: from } : { from, to };
      if (!e.to || seen.has(`${e.from}>${e.to}`)) continue;
      seen.add(`${e.from}>${e.to}`);
      edges.push({ id: `e${edges.length}`, ...e });
    }
    const routes = routeEdges(nodes, edges);
    expect(routes.size).toBe(900);
    // A drag step re-routes only the dragged node's edges.
    const dragged = edges[0]!.from;
    const only = new Set(edges.filter((e) => e.from === dragged || e.to === dragged).map((e) => e.id));
    const moved = nodes.map((n) => (n.id === dragged ? { ...n, x: n.x + 37, y: n.y + 55 } : n));
    const step = routeEdges(moved, edges, { only });
    expect([...step.keys()].sort()).toEqual([...only].sort());
    const bad = edges.filter((e) => problems(nodes, e, routes.get(e.id)!).length > 0);
    expect(bad.map((e) => e.id)).toEqual([]);
  });
});

describe('pathData', () => {
  it('rounds the corners of a route', () => {
    expect(
      pathData([
        { x: 0, y: 0 },
        { x: 40, y: 0 },
        { x: 40, y: 40 },
      ]),
    ).toBe('M0 0L32 0Q40 0 40 8L40 40');
  });
});
