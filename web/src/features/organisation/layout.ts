import type { Forum } from '../../api/organisation';

export interface PlacedForum {
  forum: Forum;
  layer: number;
  x: number;
  y: number;
}

export interface ChartLayout {
  nodes: PlacedForum[];
  edges: { from: PlacedForum; to: PlacedForum }[];
  width: number;
  height: number;
}

export const NODE_W = 210;
export const NODE_H = 66;
const GAP_X = 28;
const GAP_Y = 56;
const PAD = 16;

/**
 * A layered layout by reporting line: a forum sits one layer below the forum it reports to;
 * forums at the top (or whose superior is missing) sit in the first layer. Within a layer,
 * children follow their parent's order, so lines cross as little as a simple layout allows.
 */
export function layoutForums(forums: Forum[]): ChartLayout {
  const byId = new Map(forums.map((f) => [f.id, f]));
  const depth = new Map<string, number>();
  const depthOf = (f: Forum, seen = new Set<string>()): number => {
    const known = depth.get(f.id);
    if (known !== undefined) return known;
    const parent = f.reportsTo ? byId.get(f.reportsTo) : undefined;
    const d = !parent || seen.has(f.id) ? 0 : 1 + depthOf(parent, new Set(seen).add(f.id));
    depth.set(f.id, d);
    return d;
  };
  forums.forEach((f) => depthOf(f));
  const layers: Forum[][] = [];
  for (const f of forums) (layers[depth.get(f.id)!] ??= []).push(f);
  const order = new Map<string, number>();
  layers.forEach((layer, i) => {
    if (i > 0)
      layer.sort((a, b) => (order.get(a.reportsTo ?? '') ?? 0) - (order.get(b.reportsTo ?? '') ?? 0));
    layer.forEach((f, j) => order.set(f.id, j));
  });
  const widest = Math.max(1, ...layers.map((l) => l.length));
  const width = PAD * 2 + widest * NODE_W + (widest - 1) * GAP_X;
  const nodes: PlacedForum[] = [];
  const placed = new Map<string, PlacedForum>();
  layers.forEach((layer, i) => {
    const rowWidth = layer.length * NODE_W + (layer.length - 1) * GAP_X;
    const left = (width - rowWidth) / 2;
    layer.forEach((forum, j) => {
      const node = { forum, layer: i, x: left + j * (NODE_W + GAP_X), y: PAD + i * (NODE_H + GAP_Y) };
      nodes.push(node);
      placed.set(forum.id, node);
    });
  });
  const edges = nodes
    .filter((n) => n.forum.reportsTo && placed.has(n.forum.reportsTo))
    .map((n) => ({ from: placed.get(n.forum.reportsTo!)!, to: n }));
  const height = PAD * 2 + layers.length * NODE_H + Math.max(0, layers.length - 1) * GAP_Y;
  return { nodes, edges, width, height };
}
