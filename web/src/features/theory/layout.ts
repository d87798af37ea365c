import type { ElkNode } from 'elkjs/lib/elk-api';
import { CHAIN_KINDS, NODE_H, NODE_W, isChainKind, type Diagram } from './model';

/** Left to right (activities on the left) or top down (activities at the top). */
export type Direction = 'RIGHT' | 'DOWN';

const GAP = 40;

/**
 * The graph ELK lays out: only the causal chain, one layer per kind (activity → output →
 * short-term → long-term → impact); assumptions and external factors are placed aside afterwards
 * (`placeAside`), so they do not pull the chain apart. The layers come from ELK's interactive
 * layering, fed each node's kind as its position along the direction: with a few hundred nodes
 * this is many times faster than ELK's partitions and gives the same layers. Within a layer the
 * current order is the starting point, and edges are routed simply: the canvas routes them itself
 * (`routing.ts`), also after a node is moved by hand.
 */
export function elkGraph(d: Diagram, direction: Direction): ElkNode {
  const chain = d.nodes.filter((n) => isChainKind(n.kind));
  const ids = new Set(chain.map((n) => n.id));
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': direction,
      'elk.layered.layering.strategy': 'INTERACTIVE',
      'elk.layered.thoroughness': '3',
      'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
      'elk.edgeRouting': 'POLYLINE',
      'elk.spacing.nodeNode': '24',
      'elk.layered.spacing.nodeNodeBetweenLayers': '80',
      'elk.separateConnectedComponents': 'false',
    },
    children: chain.map((n) => {
      const along = CHAIN_KINDS.indexOf(n.kind) * 10_000;
      return direction === 'RIGHT'
        ? { id: n.id, width: NODE_W, height: NODE_H, x: along, y: n.y }
        : { id: n.id, width: NODE_W, height: NODE_H, x: n.x, y: along };
    }),
    edges: d.edges
      .filter((e) => ids.has(e.from) && ids.has(e.to))
      .map((e) => ({ id: e.id, sources: [e.from], targets: [e.to] })),
  };
}

export type Positions = Record<string, { x: number; y: number }>;

/**
 * Places assumptions and external factors beside the laid-out chain: below it when the chain runs
 * left to right, to its right when it runs top down; assumptions first, then external factors,
 * each group in its own row (or column), wrapping after `perLine` nodes.
 */
export function placeAside(d: Diagram, chain: Positions, direction: Direction, perLine = 8): Positions {
  const placed = Object.values(chain);
  const maxX = placed.length ? Math.max(...placed.map((p) => p.x)) + NODE_W : 0;
  const maxY = placed.length ? Math.max(...placed.map((p) => p.y)) + NODE_H : 0;
  const out: Positions = { ...chain };
  let line = 0;
  for (const kind of ['assumption', 'externalFactor'] as const) {
    const nodes = d.nodes.filter((n) => n.kind === kind);
    nodes.forEach((n, i) => {
      const along = i % perLine;
      const across = line + Math.floor(i / perLine);
      out[n.id] =
        direction === 'RIGHT'
          ? { x: along * (NODE_W + GAP), y: maxY + 2 * GAP + across * (NODE_H + GAP) }
          : { x: maxX + 2 * GAP + across * (NODE_W + GAP), y: along * (NODE_H + GAP) };
    });
    if (nodes.length) line += Math.ceil(nodes.length / perLine);
  }
  return out;
}

type Elk = { layout(graph: ElkNode): Promise<ElkNode> };
let elkPromise: Promise<Elk> | null = null;

/**
 * ELK runs in a Web Worker (elkjs's own worker script, served as a file), so laying out a large
 * diagram does not freeze the page; elkjs is loaded only when a layout is first asked for.
 */
function loadElk(): Promise<Elk> {
  elkPromise ??= Promise.all([import('elkjs/lib/elk-api'), import('elkjs/lib/elk-worker.min.js?url')]).then(
    ([api, worker]) => new api.default({ workerUrl: worker.default }),
  );
  return elkPromise;
}

/** Lays out a whole diagram; resolves to every node's new position. */
export async function layoutDiagram(d: Diagram, direction: Direction): Promise<Positions> {
  const elk = await loadElk();
  const result = await elk.layout(elkGraph(d, direction));
  const chain: Positions = {};
  for (const c of result.children ?? []) chain[c.id] = { x: c.x ?? 0, y: c.y ?? 0 };
  return placeAside(d, chain, direction);
}
