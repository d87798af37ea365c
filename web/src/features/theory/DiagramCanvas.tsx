import {
  memo,
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type Ref,
} from 'react';
import { NODE_H, NODE_W, bounds, wrapLabel, type Diagram, type DiagramNode, type NodeKind } from './model';
import { pathData, routeEdges } from './routing';

/** How each kind looks: fill and border (with a dash for the kinds set aside), readable in greyscale. */
export const KIND_LOOK: Record<NodeKind, { fill: string; stroke: string; dash?: string }> = {
  activity: { fill: '#e3eefb', stroke: '#1b5a9e' },
  output: { fill: '#e1f3f0', stroke: '#0d6459' },
  shortTermResult: { fill: '#ecf5df', stroke: '#3b6412' },
  longTermResult: { fill: '#fcf0d9', stroke: '#7d5200' },
  impact: { fill: '#f6e4ef', stroke: '#82205f' },
  assumption: { fill: '#f2f2f2', stroke: '#4d4d4d', dash: '6 4' },
  externalFactor: { fill: '#fdefe9', stroke: '#923613', dash: '2 3' },
};

export type Selection = { type: 'node' | 'edge'; id: string } | null;

export interface CanvasHandle {
  fit(): void;
  zoom(factor: number): void;
  /** Pans so that a node (or an edge's start) is in view, when it is not. */
  reveal(id: string): void;
  /** The whole diagram as a standalone SVG document (not just what is in view). */
  svgText(): string;
}

interface Props {
  diagram: Diagram;
  /** One line under a node's label: its kind and, when linked, the live state. */
  statusText: (n: DiagramNode) => string | null;
  kindText: (k: NodeKind) => string;
  selection: Selection;
  onSelect: (s: Selection) => void;
  onMove: (id: string, x: number, y: number) => void;
  onConnect: (from: string, to: string) => void;
  mode: 'select' | 'connect';
  editable: boolean;
  label: string;
  describedBy?: string;
  onConnectStart?: (id: string | null) => void;
  handle?: Ref<CanvasHandle>;
  height?: number;
}

interface View {
  x: number;
  y: number;
  k: number;
}

type Gesture =
  | { kind: 'pan'; startX: number; startY: number; view: View; moved: boolean }
  | {
      kind: 'drag';
      id: string;
      startX: number;
      startY: number;
      nodeX: number;
      nodeY: number;
      moved: boolean;
    };

const PAD = 40;
/** The diagram opens at no less than this zoom, so its labels (11.5 px) stay readable beside the panel. */
const READABLE_ZOOM = 0.8;

/**
 * The diagram as plain SVG: nodes as boxes coloured and labelled by kind, edges as arrows.
 * Drag a node to move it, drag the background to pan, scroll (or the buttons) to zoom; in connect
 * mode, click the start and then the end of a new arrow. Moves are reported once, when the drag
 * ends, so one drag is one undo step. The keyboard equivalent of all of this is the outline.
 */
export function DiagramCanvas({
  diagram,
  statusText,
  kindText,
  selection,
  onSelect,
  onMove,
  onConnect,
  mode,
  editable,
  label,
  describedBy,
  onConnectStart,
  handle,
  height = 560,
}: Props) {
  const svgRef = useRef<SVGSVGElement>(null);
  const [size, setSize] = useState({ w: 800, h: height });
  const [view, setView] = useState<View>({ x: 0, y: 0, k: 1 });
  const gesture = useRef<Gesture | null>(null);
  const [drag, setDrag] = useState<{ id: string; x: number; y: number } | null>(null);
  const [connectFrom, setConnectFrom] = useState<string | null>(null);
  const [pointer, setPointer] = useState<{ x: number; y: number } | null>(null);

  const nodes = diagram.nodes;
  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);
  const pos = useCallback(
    (n: DiagramNode) => (drag && drag.id === n.id ? { x: drag.x, y: drag.y } : { x: n.x, y: n.y }),
    [drag],
  );

  // Edges are routed around the boxes from the nodes' current positions. While a node is dragged
  // in a large diagram, only its own edges are routed again (the rest keep their routes until the
  // drop); a small diagram is routed whole on every step.
  const edges = diagram.edges;
  const routes = useMemo(() => routeEdges(nodes, edges), [nodes, edges]);
  const dragRoutes = useMemo(() => {
    if (!drag) return null;
    const placed = nodes.map((n) => (n.id === drag.id ? { id: n.id, x: drag.x, y: drag.y } : n));
    if (edges.length <= 200) return routeEdges(placed, edges);
    const only = new Set(edges.filter((e) => e.from === drag.id || e.to === drag.id).map((e) => e.id));
    return new Map([...routes, ...routeEdges(placed, edges, { only })]);
  }, [drag, nodes, edges, routes]);
  const shown = dragRoutes ?? routes;

  useEffect(() => {
    const el = svgRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setSize({ w: el.clientWidth || 800, h: el.clientHeight || height }));
    ro.observe(el);
    return () => ro.disconnect();
  }, [height]);

  /**
   * Zooms to show the whole diagram, centred; with `minK`, zooms out no further than that, and a
   * diagram still too big is shown from its top-left corner (where the activities are), to pan on.
   */
  const fitAtLeast = useCallback(
    (minK: number) => {
      const b = bounds(nodes);
      const el = svgRef.current;
      const w = el?.clientWidth || size.w;
      const h = el?.clientHeight || size.h;
      const k = Math.min(1.2, Math.max(minK, Math.min((w - 2 * PAD) / b.w, (h - 2 * PAD) / b.h)));
      const place = (room: number, start: number, length: number) =>
        length * k + 2 * PAD <= room ? (room - length * k) / 2 - start * k : PAD - start * k;
      setView({ k, x: place(w, b.x, b.w), y: place(h, b.y, b.h) });
    },
    [nodes, size],
  );
  const fit = useCallback(() => fitAtLeast(0.05), [fitAtLeast]);

  // Fit once when the diagram first has a size, at a zoom where the labels can be read.
  const fitted = useRef(false);
  useEffect(() => {
    if (fitted.current || size.w === 0) return;
    fitted.current = true;
    fitAtLeast(READABLE_ZOOM);
  }, [fitAtLeast, size]);

  const zoomAt = useCallback((factor: number, cx: number, cy: number) => {
    setView((v) => {
      const k = Math.min(4, Math.max(0.03, v.k * factor));
      const f = k / v.k;
      return { k, x: cx - (cx - v.x) * f, y: cy - (cy - v.y) * f };
    });
  }, []);

  useImperativeHandle(
    handle,
    () => ({
      fit,
      zoom: (factor: number) => zoomAt(factor, size.w / 2, size.h / 2),
      reveal: (id: string) => {
        const edge = diagram.edges.find((e) => e.id === id);
        const n = byId.get(edge ? edge.from : id);
        if (!n) return;
        setView((v) => {
          const left = n.x * v.k + v.x;
          const top = n.y * v.k + v.y;
          const inView =
            left >= 0 && top >= 0 && left + NODE_W * v.k <= size.w && top + NODE_H * v.k <= size.h;
          if (inView) return v;
          return { ...v, x: size.w / 2 - (n.x + NODE_W / 2) * v.k, y: size.h / 2 - (n.y + NODE_H / 2) * v.k };
        });
      },
      svgText: () => standaloneSvg(svgRef.current, nodes),
    }),
    [fit, zoomAt, size, nodes, diagram.edges, byId],
  );

  // Scrolling zooms about the pointer; the listener is not passive so the page does not scroll.
  useEffect(() => {
    const el = svgRef.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const r = el.getBoundingClientRect();
      zoomAt(Math.exp(-e.deltaY * 0.0015), e.clientX - r.left, e.clientY - r.top);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [zoomAt]);

  useEffect(() => {
    if (mode !== 'connect') setConnectFrom(null);
  }, [mode]);

  const toDiagram = (clientX: number, clientY: number) => {
    const r = svgRef.current!.getBoundingClientRect();
    return { x: (clientX - r.left - view.x) / view.k, y: (clientY - r.top - view.y) / view.k };
  };

  const onNodeDown = (e: React.PointerEvent, n: DiagramNode) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    if (mode === 'connect' && editable) {
      if (connectFrom === null) {
        setConnectFrom(n.id);
        onConnectStart?.(n.id);
      } else {
        onConnect(connectFrom, n.id);
        setConnectFrom(null);
        onConnectStart?.(null);
      }
      return;
    }
    svgRef.current?.setPointerCapture(e.pointerId);
    gesture.current = {
      kind: 'drag',
      id: n.id,
      startX: e.clientX,
      startY: e.clientY,
      nodeX: n.x,
      nodeY: n.y,
      moved: false,
    };
  };

  // The nodes get one handler that never changes, so a drag re-renders only the node dragged.
  const nodeDown = useRef(onNodeDown);
  useLayoutEffect(() => {
    nodeDown.current = onNodeDown;
  });
  const stableNodeDown = useCallback((e: React.PointerEvent, n: DiagramNode) => nodeDown.current(e, n), []);

  const onBackgroundDown = (e: React.PointerEvent) => {
    if (e.button !== 0) return;
    svgRef.current?.setPointerCapture(e.pointerId);
    gesture.current = { kind: 'pan', startX: e.clientX, startY: e.clientY, view, moved: false };
  };

  const onPointerMove = (e: React.PointerEvent) => {
    if (connectFrom) setPointer(toDiagram(e.clientX, e.clientY));
    const g = gesture.current;
    if (!g) return;
    const dx = e.clientX - g.startX;
    const dy = e.clientY - g.startY;
    if (!g.moved && Math.abs(dx) + Math.abs(dy) < 3) return;
    g.moved = true;
    if (g.kind === 'pan') setView({ ...g.view, x: g.view.x + dx, y: g.view.y + dy });
    else if (editable) setDrag({ id: g.id, x: g.nodeX + dx / view.k, y: g.nodeY + dy / view.k });
  };

  const onPointerUp = () => {
    const g = gesture.current;
    gesture.current = null;
    if (!g) return;
    if (g.kind === 'pan') {
      if (!g.moved) {
        onSelect(null);
        if (connectFrom) {
          setConnectFrom(null);
          onConnectStart?.(null);
        }
      }
      return;
    }
    if (g.moved && drag && editable) {
      onMove(drag.id, drag.x, drag.y);
      setDrag(null);
    } else {
      setDrag(null);
      onSelect({ type: 'node', id: g.id });
    }
  };

  const from = connectFrom ? byId.get(connectFrom) : undefined;

  return (
    <svg
      ref={svgRef}
      role="img"
      aria-label={label}
      aria-describedby={describedBy}
      width="100%"
      height={height}
      style={{
        display: 'block',
        // As tall as the window allows, so the whole canvas is in view while working on it.
        height: `clamp(380px, calc(100vh - 240px), ${height}px)`,
        background: '#fbfcfd',
        border: '1px solid var(--mantine-color-gray-4)',
        borderRadius: 6,
        touchAction: 'none',
        cursor: mode === 'connect' ? 'crosshair' : 'grab',
        userSelect: 'none',
      }}
      onPointerDown={onBackgroundDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => {
        gesture.current = null;
        setDrag(null);
      }}
      data-testid="theory-canvas"
    >
      <defs>
        <marker
          id="toc-arrow"
          viewBox="0 0 10 10"
          refX="10"
          refY="5"
          markerWidth="8"
          markerHeight="8"
          orient="auto-start-reverse"
        >
          <path d="M 0 0 L 10 5 L 0 10 z" fill="#3d4a57" />
        </marker>
        <marker
          id="toc-arrow-selected"
          viewBox="0 0 10 10"
          refX="10"
          refY="5"
          markerWidth="8"
          markerHeight="8"
          orient="auto-start-reverse"
        >
          <path d="M 0 0 L 10 5 L 0 10 z" fill="#c2255c" />
        </marker>
      </defs>
      <g data-viewport="" transform={`translate(${view.x} ${view.y}) scale(${view.k})`}>
        <g data-layer="edges">
          {edges.map((e) => {
            const route = shown.get(e.id);
            if (!route) return null;
            return (
              <EdgeLine
                key={e.id}
                id={e.id}
                d={pathData(route)}
                selected={selection?.type === 'edge' && selection.id === e.id}
                onSelect={onSelect}
              />
            );
          })}
        </g>
        <g data-layer="nodes">
          {nodes.map((n) => {
            const p = pos(n);
            return (
              <NodeBox
                key={n.id}
                node={n}
                x={p.x}
                y={p.y}
                kindText={kindText(n.kind)}
                status={statusText(n)}
                selected={(selection?.type === 'node' && selection.id === n.id) || connectFrom === n.id}
                onDown={stableNodeDown}
              />
            );
          })}
        </g>
        {from && pointer && (
          <line
            x1={from.x + NODE_W / 2}
            y1={from.y + NODE_H / 2}
            x2={pointer.x}
            y2={pointer.y}
            stroke="#c2255c"
            strokeWidth={2}
            strokeDasharray="6 4"
            pointerEvents="none"
          />
        )}
      </g>
    </svg>
  );
}

const EdgeLine = memo(function EdgeLine({
  id,
  d,
  selected,
  onSelect,
}: {
  id: string;
  /** The route as SVG path data, ending on the target's border. */
  d: string;
  selected: boolean;
  onSelect: (s: Selection) => void;
}) {
  return (
    <g
      data-edge={id}
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        e.stopPropagation();
        onSelect({ type: 'edge', id });
      }}
      style={{ cursor: 'pointer' }}
    >
      {/* A wide invisible line makes a thin arrow easy to hit. */}
      <path d={d} fill="none" stroke="transparent" strokeWidth={12} />
      <path
        d={d}
        fill="none"
        strokeLinejoin="round"
        stroke={selected ? '#c2255c' : '#3d4a57'}
        strokeWidth={selected ? 3 : 1.5}
        markerEnd={selected ? 'url(#toc-arrow-selected)' : 'url(#toc-arrow)'}
      />
    </g>
  );
});

const NodeBox = memo(function NodeBox({
  node,
  x,
  y,
  kindText,
  status,
  selected,
  onDown,
}: {
  node: DiagramNode;
  x: number;
  y: number;
  kindText: string;
  status: string | null;
  selected: boolean;
  onDown: (e: React.PointerEvent, n: DiagramNode) => void;
}) {
  const look = KIND_LOOK[node.kind];
  const lines = wrapLabel(node.label, 26, status ? 2 : 3);
  return (
    <g
      data-node={node.id}
      transform={`translate(${x} ${y})`}
      onPointerDown={(e) => onDown(e, node)}
      style={{ cursor: 'move' }}
    >
      {node.description ? <title>{node.description}</title> : null}
      <rect
        width={NODE_W}
        height={NODE_H}
        rx={node.kind === 'impact' ? 16 : 6}
        fill={look.fill}
        stroke={selected ? '#c2255c' : look.stroke}
        strokeWidth={selected ? 3 : 1.5}
        strokeDasharray={selected ? undefined : look.dash}
      />
      <text
        x={8}
        y={13}
        fontSize={9.5}
        fontWeight={700}
        fill={look.stroke}
        fontFamily="system-ui, sans-serif"
      >
        {kindText.toUpperCase()}
      </text>
      <text x={8} y={28} fontSize={11.5} fill="#1a1a1a" fontFamily="system-ui, sans-serif">
        {lines.map((l, i) => (
          <tspan key={i} x={8} dy={i === 0 ? 0 : 13}>
            {l}
          </tspan>
        ))}
      </text>
      {status && (
        <text x={8} y={NODE_H - 7} fontSize={9.5} fill="#333" fontFamily="system-ui, sans-serif">
          {status.length > 34 ? status.slice(0, 33) + '…' : status}
        </text>
      )}
    </g>
  );
});

/** The SVG element as a file: the whole diagram in view, with the namespace a file needs. */
function standaloneSvg(svg: SVGSVGElement | null, nodes: { x: number; y: number }[]): string {
  if (!svg) return '';
  const b = bounds(nodes);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('viewBox', `${b.x - PAD} ${b.y - PAD} ${b.w + 2 * PAD} ${b.h + 2 * PAD}`);
  clone.setAttribute('width', String(Math.round(b.w + 2 * PAD)));
  clone.setAttribute('height', String(Math.round(b.h + 2 * PAD)));
  clone.removeAttribute('style');
  clone.removeAttribute('data-testid');
  clone.querySelector('[data-viewport]')?.removeAttribute('transform');
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('x', String(b.x - PAD));
  bg.setAttribute('y', String(b.y - PAD));
  bg.setAttribute('width', String(b.w + 2 * PAD));
  bg.setAttribute('height', String(b.h + 2 * PAD));
  bg.setAttribute('fill', '#ffffff');
  clone.insertBefore(bg, clone.firstChild);
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(clone);
}
