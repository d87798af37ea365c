import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Size } from './generate/index.js';
import type { DatabaseKind } from './lib/database.js';
import { measureGet, type LoadResult } from './lib/load.js';
import { ROOT } from './lib/server.js';

export interface Figure {
  name: string;
  ours: number;
  /** The reference measured in the same run, or null where a figure has none. */
  ref: number | null;
  ratio: number | null;
  unit: string;
  note?: string;
}

/** A running server with generated data, and the administrator's session on it. */
export interface BenchTarget {
  url: string;
  /** The logged-in administrator's cookie and CSRF token. */
  headers: Record<string, string>;
  /** A generated plan, for routes about one plan. */
  planId: string;
}

export interface BenchContext extends BenchTarget {
  /** At `4x`: the same on `national` data, for figures that compare the two sizes. */
  baseline: BenchTarget | null;
  size: Size;
  database: DatabaseKind;
  durationSeconds: number;
  connections: number;
}

export interface Benchmark {
  name: string;
  /** Runs only when the command has a national baseline beside the data (size 4x). */
  needsBaseline?: boolean;
  run(ctx: BenchContext): Promise<Figure>;
}

/** The scripts the first page loads: index.html's module entry and its modulepreload links. */
export function initialScripts(webDist = path.join(ROOT, 'web/dist')): string[] {
  const html = fs.readFileSync(path.join(webDist, 'index.html'), 'utf8');
  const srcs = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1]!);
  return [...new Set(srcs)].map((s) => path.join(webDist, s.replace(/^\//, '')));
}

const webInitialJs: Benchmark = {
  name: 'web-initial-js',
  async run() {
    const files = initialScripts();
    if (!files.length) throw new Error('web/dist/index.html names no module script: build the web app first');
    const bytes = files.reduce((sum, f) => sum + zlib.gzipSync(fs.readFileSync(f)).length, 0);
    return {
      name: 'web-initial-js',
      ours: bytes / 1024,
      ref: null,
      ratio: null,
      unit: 'KB gzip',
      note: `${files.length} file(s); goal ≤ 250 KB`,
    };
  },
};

function describe(r: LoadResult): string {
  const ms = (v: number) => Math.round(v * 10) / 10;
  return `${r.requests} requests, p50 ${ms(r.p50)} ms, p99 ${ms(r.p99)} ms, ${Math.round(r.throughput)} req/s`;
}

/**
 * p95 of a GET route against p95 of /api/health on the same server, one right after the other.
 * Any non-2xx or connection error fails the figure: a fast error is not a result.
 */
function p95AgainstHealth(
  name: string,
  routePath: string | ((ctx: BenchContext) => string),
  what: string,
): Benchmark {
  return {
    name,
    async run(ctx) {
      const common = {
        url: ctx.url,
        headers: ctx.headers,
        connections: ctx.connections,
        durationSeconds: ctx.durationSeconds,
      };
      const ref = await measureGet({ ...common, path: '/api/health' });
      const path = typeof routePath === 'string' ? routePath : routePath(ctx);
      const ours = await measureGet({ ...common, path });
      for (const [label, r] of [
        ['/api/health', ref],
        [path, ours],
      ] as const)
        if (r.non2xx || r.errors)
          throw new Error(`${name}: ${label} had ${r.non2xx} non-2xx answers and ${r.errors} errors`);
      return {
        name,
        ours: ours.p95,
        ref: ref.p95,
        ratio: ours.p95 / Math.max(ref.p95, 1),
        unit: 'ms',
        note: `${what}; ${ctx.connections} connections, ${ctx.durationSeconds} s each. ours: ${describe(ours)}; health: ${describe(ref)}`,
      };
    },
  };
}

/**
 * p95 of one plan at 4x over the same at national, in the same command (a stand-in for the
 * issue's dashboard-growth until the plan dashboard exists). Both servers run during the whole
 * measurement, so the machine's load is alike for both.
 */
const planDetailGrowth: Benchmark = {
  name: 'plan-detail-growth',
  needsBaseline: true,
  async run(ctx) {
    const base = ctx.baseline!;
    const common = { connections: ctx.connections, durationSeconds: ctx.durationSeconds };
    const national = await measureGet({
      ...common,
      url: base.url,
      headers: base.headers,
      path: `/api/plans/${base.planId}`,
    });
    const fourfold = await measureGet({
      ...common,
      url: ctx.url,
      headers: ctx.headers,
      path: `/api/plans/${ctx.planId}`,
    });
    for (const r of [national, fourfold])
      if (r.non2xx || r.errors)
        throw new Error(`plan-detail-growth: ${r.non2xx} non-2xx answers and ${r.errors} errors`);
    return {
      name: 'plan-detail-growth',
      ours: fourfold.p95,
      ref: national.p95,
      ratio: fourfold.p95 / Math.max(national.p95, 1),
      unit: 'ms',
      note: `GET /api/plans/:id p95 at 4x (ours) over national (ref); 4x: ${describe(fourfold)}; national: ${describe(national)}`,
    };
  },
};

/**
 * Every benchmark in the order it runs. The names (plan-dashboard-p95, portfolio-p95,
 * portfolio-aggregate, import-*) are kept for the real figures once those capabilities exist.
 */
export const BENCHMARKS: Benchmark[] = [
  webInitialJs,
  p95AgainstHealth('plan-list-p95', '/api/plans', 'GET /api/plans as an administrator (every plan)'),
  p95AgainstHealth('case-matrix-p95', '/api/case-matrix', 'GET /api/case-matrix as an administrator'),
  p95AgainstHealth(
    'plan-detail-p95',
    (ctx) => `/api/plans/${ctx.planId}`,
    'GET /api/plans/:id (one plan with areas, focus areas and grants) as an administrator',
  ),
  planDetailGrowth,
];
