import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Size } from './generate/index.js';
import type { DatabaseKind } from './lib/database.js';
import { measureGet, type LoadResult } from './lib/load.js';
import { ROOT } from './lib/server.js';
import { portfolioAggregate } from './portfolio.js';

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
  /** The server's database (an SQLite file or a postgres:// URL), for reference runs beside it. */
  databaseUrl: string;
  /** The server process's id, for its memory. */
  serverPid: number;
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
  run(ctx: BenchContext): Promise<Figure | Figure[]>;
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
  routePath: string | ((ctx: BenchContext) => string | string[]),
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
      const paths = [typeof routePath === 'string' ? routePath : routePath(ctx)].flat();
      const path = paths.join(' + ');
      const ours = await measureGet({ ...common, path: paths[0]!, morePaths: paths.slice(1) });
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

/** The API calls of a plan's dashboard (the web's Overblik tab makes both). */
const dashboardPaths = (t: BenchTarget) => [
  `/api/plans/${t.planId}/results`,
  `/api/plans/${t.planId}/registrations/summary`,
];

/**
 * The plan dashboard's p95 at 4x over the same at national, both servers running, in the same
 * command: a plan's page should not slow as the country grows.
 */
const dashboardGrowth: Benchmark = {
  name: 'dashboard-growth',
  needsBaseline: true,
  async run(ctx) {
    const base = ctx.baseline!;
    const common = { connections: ctx.connections, durationSeconds: ctx.durationSeconds };
    const measure = (t: BenchTarget) => {
      const [first, ...more] = dashboardPaths(t);
      return measureGet({ ...common, url: t.url, headers: t.headers, path: first!, morePaths: more });
    };
    const national = await measure(base);
    const fourfold = await measure(ctx);
    for (const r of [national, fourfold])
      if (r.non2xx || r.errors)
        throw new Error(`dashboard-growth: ${r.non2xx} non-2xx answers and ${r.errors} errors`);
    return {
      name: 'dashboard-growth',
      ours: fourfold.p95,
      ref: national.p95,
      ratio: fourfold.p95 / Math.max(national.p95, 1),
      unit: 'ms',
      note: `plan dashboard (results + registrations/summary) p95 at 4x (ours) over national (ref); goal ≤ 1.2; 4x: ${describe(fourfold)}; national: ${describe(national)}`,
    };
  },
};

function commandExists(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The resident memory of a process in bytes (Linux /proc), or 0 when it cannot be read. */
function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The product refuses files of more than 100,000 rows; a larger import is sent as several files. */
const MAX_FILE_ROWS = 100_000;

/**
 * import-sqlite / import-postgres and import-peak-memory: registrations through the upload route
 * of the running server (read, every row checked, one transaction per file, the plan's computed
 * values recomputed, audited), 10,000 rows at `small` and 1,000,000 (ten files of 100,000, the
 * product's limit per file) otherwise. The reference loads the same rows, as one CSV file, into
 * a bare table: Debian's `sqlite3` shell with `.import` on SQLite, `psql`'s `\copy` (COPY) on
 * PostgreSQL. The server's resident memory is sampled every 50 ms during the import.
 */
const importBench: Benchmark = {
  name: 'import',
  async run(ctx) {
    const total = ctx.size === 'small' ? 10_000 : 1_000_000;
    const name = `import-${ctx.database}`;
    const ask = async (method: string, p: string, body?: unknown) => {
      const res = await fetch(ctx.url + p, {
        method,
        headers: { ...ctx.headers, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await res.text();
      if (res.status >= 300) throw new Error(`${method} ${p}: ${res.status} ${text.slice(0, 300)}`);
      return JSON.parse(text) as Record<string, unknown>;
    };
    // A new activity over the plan's period, serving its first result goal, so the imported
    // registrations feed the indicators computed from registrations.
    const plan = (await ask('GET', `/api/plans/${ctx.planId}`)) as { periodStart: string; periodEnd: string };
    const framework = (await ask('GET', `/api/plans/${ctx.planId}/results`)) as {
      goals: { id: string; level: string }[];
    };
    const goal = framework.goals.find((g) => g.level === 'result');
    const end = plan.periodEnd < '2025-12-31' ? plan.periodEnd : '2025-12-31';
    await ask('POST', `/api/plans/${ctx.planId}/activities`, {
      name: 'Importcafé',
      goalIds: goal ? [goal.id] : [],
      status: 'running',
      periodStart: plan.periodStart,
      periodEnd: end,
    });

    // The files, and the same rows as one file for the reference.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pejling-import-bench-'));
    const header = 'Aktivitet;Dato;Deltagere;Timer;Note;Køn: Kvinde';
    const startDay = Date.parse(`${plan.periodStart}T00:00:00Z`) / 86_400_000;
    const days = Math.max(1, Date.parse(`${end}T00:00:00Z`) / 86_400_000 - startDay);
    let seed = 12345;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
    const files: Buffer[] = [];
    const whole = fs.openSync(path.join(dir, 'all.csv'), 'w');
    fs.writeSync(whole, header + '\n');
    for (let done = 0; done < total; done += MAX_FILE_ROWS) {
      const lines: string[] = [];
      for (let i = done; i < Math.min(total, done + MAX_FILE_ROWS); i++) {
        const d = new Date((startDay + Math.floor(next() * days)) * 86_400_000).toISOString().slice(0, 10);
        const participants = 1 + Math.floor(next() * 30);
        const hours = String(Math.round(next() * 40) / 10).replace('.', ',');
        const women = Math.floor(next() * participants);
        lines.push(
          `Importcafé;${d.split('-').reverse().join('-')};${participants};${hours};Gang ${i + 1};${women}`,
        );
      }
      files.push(Buffer.from([header, ...lines].join('\n') + '\n', 'utf8'));
      fs.writeSync(whole, lines.join('\n') + '\n');
    }
    fs.closeSync(whole);
    const bytes = files.reduce((s, f) => s + f.length, 0);

    let peak = rssOf(ctx.serverPid);
    const before = peak;
    let filePeak = 0;
    const filePeaks: number[] = [];
    const sampler = setInterval(() => {
      const rss = rssOf(ctx.serverPid);
      peak = Math.max(peak, rss);
      filePeak = Math.max(filePeak, rss);
    }, 50);
    const started = performance.now();
    try {
      for (const [i, file] of files.entries()) {
        const res = await fetch(
          `${ctx.url}/api/plans/${ctx.planId}/imports/registrations?filename=bench-${i + 1}.csv`,
          {
            method: 'POST',
            headers: { ...ctx.headers, 'content-type': 'text/csv' },
            body: file,
          },
        );
        const text = await res.text();
        if (res.status !== 200)
          throw new Error(`${name}: file ${i + 1}: ${res.status} ${text.slice(0, 500)}`);
        filePeaks.push(Math.max(filePeak, rssOf(ctx.serverPid)));
        filePeak = 0;
        const result = JSON.parse(text) as { added: number; rows: number };
        if (result.added !== result.rows)
          throw new Error(`${name}: file ${i + 1} added ${result.added} of ${result.rows}`);
      }
    } finally {
      clearInterval(sampler);
    }
    const seconds = (performance.now() - started) / 1000;
    peak = Math.max(peak, rssOf(ctx.serverPid));

    // The reference: the same rows into a bare table by the database's own bulk loader.
    let refSeconds: number | null = null;
    let refNote: string;
    const csvPath = path.join(dir, 'all.csv');
    const columns = 'aktivitet text, dato text, deltagere integer, timer text, note text, kvinde integer';
    if (ctx.database === 'sqlite') {
      if (commandExists('sqlite3')) {
        const t = performance.now();
        execFileSync('sqlite3', [path.join(dir, 'ref.sqlite')], {
          input: `create table ref(${columns});\n.mode csv\n.separator ";"\n.import --skip 1 ${csvPath} ref\n`,
        });
        refSeconds = (performance.now() - t) / 1000;
        refNote = "the sqlite3 shell's .import of the same rows into a bare table";
      } else refNote = 'no reference: the sqlite3 command is missing (Debian: apt-get install sqlite3)';
    } else if (commandExists('psql')) {
      execFileSync('psql', [ctx.databaseUrl, '-q', '-c', `create table bench_import_ref(${columns})`]);
      const t = performance.now();
      execFileSync('psql', [
        ctx.databaseUrl,
        '-q',
        '-c',
        `\\copy bench_import_ref from '${csvPath}' with (format csv, delimiter ';', header true)`,
      ]);
      refSeconds = (performance.now() - t) / 1000;
      execFileSync('psql', [ctx.databaseUrl, '-q', '-c', 'drop table bench_import_ref']);
      refNote = "psql's \\copy (COPY FROM STDIN) of the same rows into a bare table";
    } else refNote = 'no reference: the psql command is missing (Debian: apt-get install postgresql-client)';
    fs.rmSync(dir, { recursive: true, force: true });

    const ours = total / seconds;
    const ref = refSeconds === null ? null : total / refSeconds;
    const mb = (b: number) => b / 1024 / 1024;
    return [
      {
        name,
        ours,
        ref,
        ratio: ref === null ? null : ours / ref,
        unit: 'rows/s',
        note: `${total} registrations in ${files.length} file(s) (${(bytes / 1024 / 1024).toFixed(1)} MB) through the upload route in ${seconds.toFixed(1)} s; ${refNote}${refSeconds === null ? '' : ` in ${refSeconds.toFixed(2)} s`}; goal ratio ≥ 0.5`,
      },
      {
        name: 'import-peak-memory',
        ours: mb(peak),
        ref: null,
        ratio: null,
        unit: 'MB RSS',
        note: `the server process's peak resident memory during the import (${mb(before).toFixed(0)} MB before; peak per file ${filePeaks.map((x) => mb(x).toFixed(0)).join(', ')} MB); goal ≤ 300 MB`,
      },
    ];
  },
};

/**
 * Every benchmark in the order it runs. The issue's names (plan-dashboard-p95, portfolio-p95,
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
  p95AgainstHealth(
    'plan-dashboard-p95',
    dashboardPaths,
    "the plan dashboard: GET /api/plans/:id/results and /api/plans/:id/registrations/summary in turn on each connection (the web's Overblik tab makes both), as an administrator; goal ratio ≤ 3",
  ),
  p95AgainstHealth(
    'portfolio-p95',
    () => [
      '/api/portfolio/overview',
      '/api/portfolio/indicators?groupBy=focusArea&periodKind=year&fromYear=2022&toYear=2025',
    ],
    'the portfolio: GET /api/portfolio/overview and /api/portfolio/indicators (every plan, shared indicators by focus area and year) in turn on each connection, as an administrator; goal ratio ≤ 5',
  ),
  portfolioAggregate,
  planDetailGrowth,
  dashboardGrowth,
  // Last: it adds registrations to the plan the figures above read.
  importBench,
];
