import { NODE_H, NODE_W } from './model';

export interface Point {
  x: number;
  y: number;
}
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** How far a route keeps from every box but its two ends. */
export const CLEARANCE = 3;
/** The smallest gap between two boxes that a route leaves one side of and enters the other. */
const MIN_GAP = 2 * CLEARANCE + 4;
/** A gap this wide is roomy; a roomy gap on the other axis wins over a narrow one on the preferred. */
const ROOMY = 40;
/** How far a route runs straight out of its source before its first bend, at most. */
const STUB = 20;
/** Ports on one side of a box are at most this far apart (left/right, top/bottom). */
const PORT_GAP = { side: 16, end: 28 };

/**
 * Which way an edge leaves its source: R (right side into the target's left side), L, D (bottom
 * into top) or U. Each is routed in a frame turned so that the edge runs rightwards.
 */
type Mode = 'R' | 'L' | 'D' | 'U';
type Side = 'left' | 'right' | 'top' | 'bottom';
const SIDES: Record<Mode, [Side, Side]> = {
  R: ['right', 'left'],
  L: ['left', 'right'],
  D: ['bottom', 'top'],
  U: ['top', 'bottom'],
};
const FWD: Record<Mode, (p: Point) => Point> = {
  R: (p) => p,
  L: (p) => ({ x: -p.x, y: p.y }),
  D: (p) => ({ x: p.y, y: p.x }),
  U: (p) => ({ x: -p.y, y: p.x }),
};
const INV: Record<Mode, (p: Point) => Point> = {
  R: (p) => p,
  L: (p) => ({ x: -p.x, y: p.y }),
  D: (p) => ({ x: p.y, y: p.x }),
  U: (p) => ({ x: p.y, y: -p.x }),
};
function mapBox(f: (p: Point) => Point, b: Box): Box {
  const a = f({ x: b.x, y: b.y });
  const c = f({ x: b.x + b.w, y: b.y + b.h });
  return { x: Math.min(a.x, c.x), y: Math.min(a.y, c.y), w: Math.abs(c.x - a.x), h: Math.abs(c.y - a.y) };
}

/** A uniform grid of buckets over the boxes, so a segment is tested only against boxes near it. */
class BoxIndex {
  private readonly cell = 256;
  private readonly x0: number;
  private readonly y0: number;
  private readonly cols: number;
  private readonly rows: number;
  private readonly buckets: number[][];
  private readonly stamp: Int32Array;
  private query = 0;

  constructor(readonly boxes: Box[]) {
    const xs = boxes.map((b) => b.x);
    const ys = boxes.map((b) => b.y);
    this.x0 = boxes.length ? Math.min(...xs) : 0;
    this.y0 = boxes.length ? Math.min(...ys) : 0;
    const x1 = boxes.length ? Math.max(...boxes.map((b) => b.x + b.w)) : 1;
    const y1 = boxes.length ? Math.max(...boxes.map((b) => b.y + b.h)) : 1;
    this.cols = Math.max(1, Math.ceil((x1 - this.x0) / this.cell) + 1);
    this.rows = Math.max(1, Math.ceil((y1 - this.y0) / this.cell) + 1);
    this.buckets = Array.from({ length: this.cols * this.rows }, () => []);
    this.stamp = new Int32Array(boxes.length);
    boxes.forEach((b, i) => this.cells(b, (k) => this.buckets[k]!.push(i)));
  }

  private cells(b: Box, f: (k: number) => void) {
    const clamp = (v: number, n: number) => Math.min(n - 1, Math.max(0, v));
    const c0 = clamp(Math.floor((b.x - CLEARANCE - this.x0) / this.cell), this.cols);
    const c1 = clamp(Math.floor((b.x + b.w + CLEARANCE - this.x0) / this.cell), this.cols);
    const r0 = clamp(Math.floor((b.y - CLEARANCE - this.y0) / this.cell), this.rows);
    const r1 = clamp(Math.floor((b.y + b.h + CLEARANCE - this.y0) / this.cell), this.rows);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) f(r * this.cols + c);
  }

  /** Indexes of the boxes that overlap `r` (each once). */
  near(r: Box): number[] {
    const out: number[] = [];
    const q = ++this.query;
    this.cells(r, (k) => {
      for (const i of this.buckets[k]!) {
        if (this.stamp[i] === q) continue;
        this.stamp[i] = q;
        const b = this.boxes[i]!;
        if (b.x <= r.x + r.w && r.x <= b.x + b.w && b.y <= r.y + r.h && r.y <= b.y + b.h) out.push(i);
      }
    });
    return out;
  }
}

/** Whether the axis-parallel segment a-b comes closer than `pad` to the inside of box b. */
export function segmentHitsBox(a: Point, c: Point, b: Box, pad = 0): boolean {
  const minX = Math.min(a.x, c.x);
  const maxX = Math.max(a.x, c.x);
  const minY = Math.min(a.y, c.y);
  const maxY = Math.max(a.y, c.y);
  return maxX > b.x - pad && minX < b.x + b.w + pad && maxY > b.y - pad && minY < b.y + b.h + pad;
}

/** The free stretches of [lo, hi] left between the given intervals, each as its midpoint, nearest to `near` first. */
function freeMidpoints(lo: number, hi: number, taken: [number, number][], near: number): number[] {
  taken.sort((a, b) => a[0] - b[0]);
  const mids: number[] = [];
  let at = lo;
  for (const [s, e] of taken) {
    if (s - at >= 2 * CLEARANCE + 1) mids.push((at + Math.min(s, hi)) / 2);
    at = Math.max(at, e);
    if (at >= hi) break;
  }
  if (hi - at >= 2 * CLEARANCE + 1) mids.push((at + hi) / 2);
  return mids.sort((a, b) => Math.abs(a - near) - Math.abs(b - near));
}

/** Drops repeated points and points in the middle of a straight run. */
function simplify(pts: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of pts) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.x - p.x) < 0.01 && Math.abs(last.y - p.y) < 0.01) continue;
    const prev = out[out.length - 2];
    if (
      prev &&
      last &&
      ((Math.abs(prev.x - last.x) < 0.01 && Math.abs(last.x - p.x) < 0.01) ||
        (Math.abs(prev.y - last.y) < 0.01 && Math.abs(last.y - p.y) < 0.01))
    )
      out.pop();
    out.push(p);
  }
  return out;
}

export interface RoutedNode {
  id: string;
  x: number;
  y: number;
}
export interface RoutedEdge {
  id: string;
  from: string;
  to: string;
}

/**
 * Routes every edge around the boxes between its ends, as a line of horizontal and vertical
 * segments: out of one side of its source, into the facing side of its target, with the arrow's tip
 * on the target's border. An edge goes straight when nothing is in the way, with one bend in the gap
 * between its ends when that is free (HVH), otherwise out, along a free corridor between the rows
 * (or columns) it crosses, and in (HVHVH). Edges on the same side of a box get their own points on
 * it (spread, ordered by where their other ends are, so they do not cross at the box). When two
 * boxes overlap so that no side faces the other, the edge is drawn straight between their borders.
 * Routing 500 nodes and 900 edges takes a few tens of milliseconds; `only` routes just the edges
 * named (the ports are still spread over all), which is what a drag in a large diagram needs.
 */
export function routeEdges(
  nodes: RoutedNode[],
  edges: RoutedEdge[],
  options: { size?: { w: number; h: number }; only?: ReadonlySet<string> } = {},
): Map<string, Point[]> {
  const size = options.size ?? { w: NODE_W, h: NODE_H };
  const index = new Map<string, number>();
  const boxes: Box[] = nodes.map((n, i) => {
    index.set(n.id, i);
    return { x: n.x, y: n.y, w: size.w, h: size.h };
  });
  const grid = new BoxIndex(boxes);
  const centre = (b: Box) => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 });

  // The diagram's main direction: across (left/right) when its edges mostly run across.
  let across = 0;
  let down = 0;
  for (const e of edges) {
    const a = index.get(e.from);
    const b = index.get(e.to);
    if (a === undefined || b === undefined) continue;
    const ca = centre(boxes[a]!);
    const cb = centre(boxes[b]!);
    across += Math.abs(cb.x - ca.x);
    down += Math.abs(cb.y - ca.y);
  }
  const preferAcross = across >= down;

  interface Job {
    id: string;
    s: number;
    t: number;
    mode: Mode | null;
    p1?: Point;
    p2?: Point;
  }
  const jobs: Job[] = [];
  // Per box and side, the edge ends attached there, to spread them along it.
  const ports = new Map<string, { job: Job; end: 'p1' | 'p2'; key: number }[]>();
  for (const e of edges) {
    const s = index.get(e.from);
    const t = index.get(e.to);
    if (s === undefined || t === undefined || s === t) continue;
    const S = boxes[s]!;
    const T = boxes[t]!;
    const gapR = T.x - (S.x + S.w);
    const gapL = S.x - (T.x + T.w);
    const gapD = T.y - (S.y + S.h);
    const gapU = S.y - (T.y + T.h);
    const h = Math.max(gapR, gapL);
    const v = Math.max(gapD, gapU);
    const horizontal: Mode = gapR >= gapL ? 'R' : 'L';
    const vertical: Mode = gapD >= gapU ? 'D' : 'U';
    let mode: Mode | null = null;
    if (preferAcross) {
      if (h >= MIN_GAP && (h >= ROOMY || v < ROOMY)) mode = horizontal;
      else if (v >= MIN_GAP) mode = vertical;
      else if (h >= MIN_GAP) mode = horizontal;
    } else {
      if (v >= MIN_GAP && (v >= ROOMY || h < ROOMY)) mode = vertical;
      else if (h >= MIN_GAP) mode = horizontal;
      else if (v >= MIN_GAP) mode = vertical;
    }
    const job: Job = { id: e.id, s, t, mode };
    jobs.push(job);
    if (!mode) continue;
    const [from, to] = SIDES[mode];
    const cs = centre(S);
    const ct = centre(T);
    const along = (side: Side, other: Point) => (side === 'left' || side === 'right' ? other.y : other.x);
    for (const [box, side, end, other] of [
      [s, from, 'p1', ct],
      [t, to, 'p2', cs],
    ] as const) {
      const k = `${box}:${side}`;
      let list = ports.get(k);
      if (!list) ports.set(k, (list = []));
      list.push({ job, end, key: along(side, other) });
    }
  }
  for (const [k, list] of ports) {
    const [boxText, side] = k.split(':') as [string, Side];
    const b = boxes[Number(boxText)]!;
    const vertical = side === 'left' || side === 'right';
    const length = vertical ? b.h : b.w;
    const gap = Math.min(vertical ? PORT_GAP.side : PORT_GAP.end, length / (list.length + 1));
    list.sort((p, q) => p.key - q.key || (p.job.id < q.job.id ? -1 : 1));
    list.forEach((p, i) => {
      const offset = (i - (list.length - 1) / 2) * gap;
      const point =
        side === 'left'
          ? { x: b.x, y: b.y + b.h / 2 + offset }
          : side === 'right'
            ? { x: b.x + b.w, y: b.y + b.h / 2 + offset }
            : side === 'top'
              ? { x: b.x + b.w / 2 + offset, y: b.y }
              : { x: b.x + b.w / 2 + offset, y: b.y + b.h };
      p.job[p.end] = point;
    });
  }

  const out = new Map<string, Point[]>();
  for (const job of jobs) {
    if (options.only && !options.only.has(job.id)) continue;
    const S = boxes[job.s]!;
    const T = boxes[job.t]!;
    if (!job.mode || !job.p1 || !job.p2) {
      out.set(job.id, straight(S, T));
      continue;
    }
    const f = FWD[job.mode];
    const g = INV[job.mode];
    const near = (r: Box) => grid.near(mapBox(g, r)).map((i) => ({ i, b: mapBox(f, boxes[i]!) }));
    // Whether a segment (in the turned frame) keeps clear of every box but the ones allowed.
    const clear = (a: Point, c: Point, skip: number[]) => {
      const r = mapBox(g, {
        x: Math.min(a.x, c.x),
        y: Math.min(a.y, c.y),
        w: Math.abs(c.x - a.x),
        h: Math.abs(c.y - a.y),
      });
      const A = g(a);
      const C = g(c);
      for (const i of grid.near({
        x: r.x - CLEARANCE,
        y: r.y - CLEARANCE,
        w: r.w + 2 * CLEARANCE,
        h: r.h + 2 * CLEARANCE,
      }))
        if (!skip.includes(i) && segmentHitsBox(A, C, boxes[i]!, CLEARANCE - 0.01)) return false;
      return true;
    };
    const pts = routeRight(f(job.p1), f(job.p2), job.s, job.t, near, clear);
    out.set(job.id, simplify(pts.map(g)));
  }
  separate(out, jobs, boxes, grid);
  return out;
}

/** Lanes inside one gap are this far apart. */
const LANE = 6;

/**
 * Moves apart the middle segments of different routes that would lie on top of each other (same
 * line, overlapping stretch), so each edge can be followed: those sharing a line get lanes LANE
 * apart around it. A move that would bring a route too close to a box is not made.
 */
function separate(
  routes: Map<string, Point[]>,
  jobs: { id: string; s: number; t: number }[],
  boxes: Box[],
  grid: BoxIndex,
) {
  interface Seg {
    pts: Point[];
    i: number;
    lo: number;
    hi: number;
    s: number;
    t: number;
  }
  const groups = new Map<string, Seg[]>();
  for (const job of jobs) {
    const pts = routes.get(job.id);
    if (!pts || pts.length < 4) continue;
    for (let i = 1; i < pts.length - 2; i++) {
      const a = pts[i]!;
      const b = pts[i + 1]!;
      const vertical = Math.abs(a.x - b.x) < 0.01;
      const k = `${vertical ? 'v' : 'h'}${Math.round(vertical ? a.x : a.y)}`;
      const lo = vertical ? Math.min(a.y, b.y) : Math.min(a.x, b.x);
      const hi = vertical ? Math.max(a.y, b.y) : Math.max(a.x, b.x);
      let list = groups.get(k);
      if (!list) groups.set(k, (list = []));
      list.push({ pts, i, lo, hi, s: job.s, t: job.t });
    }
  }
  const clear = (a: Point, c: Point, skip: number[]) => {
    const r = {
      x: Math.min(a.x, c.x),
      y: Math.min(a.y, c.y),
      w: Math.abs(c.x - a.x),
      h: Math.abs(c.y - a.y),
    };
    for (const i of grid.near({
      x: r.x - CLEARANCE,
      y: r.y - CLEARANCE,
      w: r.w + 2 * CLEARANCE,
      h: r.h + 2 * CLEARANCE,
    }))
      if (!skip.includes(i) && segmentHitsBox(a, c, boxes[i]!, CLEARANCE - 0.01)) return false;
    return true;
  };
  for (const [k, list] of groups) {
    if (list.length < 2) continue;
    const vertical = k.startsWith('v');
    // Greedy lanes: each segment takes the first lane whose last stretch ends before it starts.
    list.sort((a, b) => a.lo - b.lo || a.hi - b.hi);
    const laneEnds: number[] = [];
    const lanes = list.map((seg) => {
      let lane = laneEnds.findIndex((end) => end < seg.lo - 2);
      if (lane < 0) lane = laneEnds.push(seg.hi) - 1;
      else laneEnds[lane] = seg.hi;
      return lane;
    });
    if (laneEnds.length < 2) continue;
    list.forEach((seg, n) => {
      const offset = (lanes[n]! - (laneEnds.length - 1) / 2) * LANE;
      if (offset === 0) return;
      const { pts, i } = seg;
      const moved = pts.map((p, j) =>
        j === i || j === i + 1 ? (vertical ? { x: p.x + offset, y: p.y } : { x: p.x, y: p.y + offset }) : p,
      );
      const ok = [i - 1, i, i + 1].every((j) =>
        clear(moved[j]!, moved[j + 1]!, j === 0 ? [seg.s] : j === pts.length - 2 ? [seg.t] : []),
      );
      if (ok) {
        pts[i] = moved[i]!;
        pts[i + 1] = moved[i + 1]!;
      }
    });
  }
}

/** The straight line between two boxes' borders, along the line between their centres. */
function straight(S: Box, T: Box): Point[] {
  const border = (b: Box, tx: number, ty: number) => {
    const cx = b.x + b.w / 2;
    const cy = b.y + b.h / 2;
    const dx = tx - cx;
    const dy = ty - cy;
    if (dx === 0 && dy === 0) return { x: cx, y: cy };
    const s = Math.min(
      dx === 0 ? Infinity : b.w / 2 / Math.abs(dx),
      dy === 0 ? Infinity : b.h / 2 / Math.abs(dy),
    );
    return { x: cx + dx * s, y: cy + dy * s };
  };
  return [border(S, T.x + T.w / 2, T.y + T.h / 2), border(T, S.x + S.w / 2, S.y + S.h / 2)];
}

/**
 * One edge in the turned frame, where it leaves p1 (on its source's right side) rightwards and
 * enters p2 (on its target's left side, to the right of p1).
 */
function routeRight(
  p1: Point,
  p2: Point,
  s: number,
  t: number,
  near: (r: Box) => { i: number; b: Box }[],
  clear: (a: Point, c: Point, skip: number[]) => boolean,
): Point[] {
  const first = [s];
  const last = [t];
  const none: number[] = [];
  if (Math.abs(p1.y - p2.y) < 0.5 && clear(p1, p2, [s, t])) return [p1, p2];

  // One bend: down (or up) in a free stretch of the gap between the ends.
  const yLo = Math.min(p1.y, p2.y);
  const yHi = Math.max(p1.y, p2.y);
  const inBand = near({ x: p1.x, y: yLo - CLEARANCE, w: p2.x - p1.x, h: yHi - yLo + 2 * CLEARANCE })
    .filter(({ b }) => b.y + b.h > yLo - CLEARANCE && b.y < yHi + CLEARANCE)
    .map(({ b }): [number, number] => [b.x - CLEARANCE, b.x + b.w + CLEARANCE]);
  for (const x of freeMidpoints(p1.x + CLEARANCE, p2.x - CLEARANCE, inBand, p1.x)) {
    const a = { x, y: p1.y };
    const b = { x, y: p2.y };
    if (clear(p1, a, first) && clear(a, b, none) && clear(b, p2, last)) return [p1, a, b, p2];
  }

  // Three bends: out of the source, along a free corridor, and into the target.
  const reach = (from: Point, dir: 1 | -1, limit: number) => {
    const lo = Math.min(from.x, limit);
    const hi = Math.max(from.x, limit);
    let hit = limit;
    for (const { b } of near({ x: lo, y: from.y - CLEARANCE, w: hi - lo, h: 2 * CLEARANCE })) {
      if (b.y + b.h <= from.y - CLEARANCE || b.y >= from.y + CLEARANCE) continue;
      const edge = dir > 0 ? b.x - CLEARANCE : b.x + b.w + CLEARANCE;
      if (dir > 0 ? edge > from.x && edge < hit : edge < from.x && edge > hit) hit = edge;
    }
    return from.x + dir * Math.min(STUB, Math.abs(hit - from.x) / 2);
  };
  const ax = reach(p1, 1, p2.x);
  const bx = reach(p2, -1, p1.x);
  const mid = (p1.y + p2.y) / 2;
  const turns: [number, number][] = ax < bx ? [[ax, bx]] : [];
  turns.push([p1.x + Math.min(STUB, (p2.x - p1.x) / 2), p2.x - Math.min(STUB, (p2.x - p1.x) / 2)]);
  let best: Point[] | null = null;
  // Corridors near the ends first; the whole height only when none of those is free.
  const bands = [300, 1e7];
  for (const [a, b, band] of bands.flatMap((band) => turns.map(([a, b]) => [a, b, band] as const))) {
    const column = near({ x: a, y: yLo - band, w: b - a, h: yHi - yLo + 2 * band });
    const rows = column.map(({ b: r }): [number, number] => [r.y - CLEARANCE, r.y + r.h + CLEARANCE]);
    let top = yLo;
    let bottom = yHi;
    for (const { b: r } of column) {
      top = Math.min(top, r.y);
      bottom = Math.max(bottom, r.y + r.h);
    }
    // Within a band, a corridor must lie inside it (beyond it may be a box not looked at).
    top = band < 1e7 ? Math.max(top - 2 * STUB, yLo - band) : top - 2 * STUB;
    bottom = band < 1e7 ? Math.min(bottom + 2 * STUB, yHi + band) : bottom + 2 * STUB;
    const ys = freeMidpoints(top, bottom, rows, mid);
    for (const y of ys) {
      const pts = [p1, { x: a, y: p1.y }, { x: a, y }, { x: b, y }, { x: b, y: p2.y }, p2];
      best ??= pts;
      if (
        clear(pts[0]!, pts[1]!, first) &&
        clear(pts[1]!, pts[2]!, none) &&
        clear(pts[2]!, pts[3]!, none) &&
        clear(pts[3]!, pts[4]!, none) &&
        clear(pts[4]!, pts[5]!, last)
      )
        return pts;
    }
  }
  return best ?? [p1, { x: (p1.x + p2.x) / 2, y: p1.y }, { x: (p1.x + p2.x) / 2, y: p2.y }, p2];
}

/** An SVG path through the points, with the corners rounded so each bend reads as one line turning. */
export function pathData(pts: Point[], radius = 8): string {
  if (pts.length === 0) return '';
  const r2 = (v: number) => Math.round(v * 10) / 10;
  let d = `M${r2(pts[0]!.x)} ${r2(pts[0]!.y)}`;
  for (let i = 1; i < pts.length - 1; i++) {
    const p = pts[i - 1]!;
    const c = pts[i]!;
    const n = pts[i + 1]!;
    const l1 = Math.hypot(c.x - p.x, c.y - p.y);
    const l2 = Math.hypot(n.x - c.x, n.y - c.y);
    const r = Math.min(radius, l1 / 2, l2 / 2);
    if (r < 0.5) {
      d += `L${r2(c.x)} ${r2(c.y)}`;
      continue;
    }
    const a = { x: c.x + ((p.x - c.x) / l1) * r, y: c.y + ((p.y - c.y) / l1) * r };
    const b = { x: c.x + ((n.x - c.x) / l2) * r, y: c.y + ((n.y - c.y) / l2) * r };
    d += `L${r2(a.x)} ${r2(a.y)}Q${r2(c.x)} ${r2(c.y)} ${r2(b.x)} ${r2(b.y)}`;
  }
  const end = pts[pts.length - 1]!;
  return d + `L${r2(end.x)} ${r2(end.y)}`;
}
