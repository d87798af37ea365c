import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import type { Benchmark, BenchContext, Figure } from './benchmarks.js';
import { withPgClient } from './lib/database.js';

/**
 * portfolio-aggregate: the portfolio's roll-up of the shared indicator "Deltagere" (participants
 * in every plan's activities) by focus area (each belongs to one pool, so focus area × pool) and
 * year over four years (the generated plans' targets are yearly, so their computed values are),
 * through the product's own route, against DuckDB computing the same sums from the raw
 * registrations held in memory. Each of our runs follows a change (a new municipality, which
 * raises a revision), so the route computes its answer afresh instead of answering from what it
 * kept; `portfolio-aggregate-kept` is the same route on unchanged data. Both sides are timed warm
 * (the engines' caches filled), as the median of several runs; loading the rows into DuckDB is not
 * timed. The numbers of both are compared cell by cell.
 */
const RUNS = 5;
const FROM_YEAR = 2022;
const TO_YEAR = 2025;

type Row = (string | number | null)[];

/** Reads a query's rows in batches from the server's database, SQLite file or PostgreSQL. */
async function readRows(
  ctx: BenchContext,
  sql: string,
  onBatch: (rows: Row[]) => void,
  order?: { key: string },
): Promise<void> {
  if (ctx.database === 'sqlite') {
    const db = new Database(ctx.databaseUrl, { readonly: true, fileMustExist: true });
    try {
      let batch: Row[] = [];
      for (const r of db.prepare(sql).raw().iterate() as Iterable<Row>) {
        batch.push(r);
        if (batch.length === 50_000) {
          onBatch(batch);
          batch = [];
        }
      }
      if (batch.length) onBatch(batch);
    } finally {
      db.close();
    }
    return;
  }
  await withPgClient(ctx.databaseUrl, async (c) => {
    if (!order) {
      const r = await c.query({ text: sql, rowMode: 'array' });
      onBatch(r.rows as Row[]);
      return;
    }
    // Keyset pages over a unique key, so memory stays bounded at any size.
    let last = '';
    for (;;) {
      const r = await c.query({
        text: `select * from (${sql}) q where ${order.key} > $1 order by ${order.key} limit 100000`,
        values: [last],
        rowMode: 'array',
      });
      if (r.rows.length === 0) break;
      onBatch((r.rows as Row[]).map((x) => x.slice(1)));
      last = String((r.rows[r.rows.length - 1] as Row)[0]);
    }
  });
}

async function load(
  ctx: BenchContext,
  duck: DuckDBConnection,
  table: string,
  columns: [string, 'VARCHAR' | 'INTEGER'][],
  sql: string,
  order?: { key: string },
): Promise<number> {
  await duck.run(`create table ${table} (${columns.map(([n, t]) => `${n} ${t}`).join(', ')})`);
  const appender = await duck.createAppender(table);
  let n = 0;
  await readRows(
    ctx,
    sql,
    (rows) => {
      for (const r of rows) {
        columns.forEach(([, type], i) => {
          const v = r[i];
          if (v === null || v === undefined) appender.appendNull();
          else if (type === 'INTEGER') appender.appendInteger(Number(v));
          else appender.appendVarchar(String(v));
        });
        appender.endRow();
      }
      n += rows.length;
      appender.flushSync();
    },
    order,
  );
  appender.closeSync();
  return n;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface OursAnswer {
  indicators: { groups: { key: string; values: { period: string; value: number | null }[] }[] }[];
}

export const portfolioAggregate: Benchmark = {
  name: 'portfolio-aggregate',
  async run(ctx): Promise<Figure[]> {
    const shared = (await (
      await fetch(`${ctx.url}/api/shared-indicators`, { headers: ctx.headers })
    ).json()) as { items: { id: string; name: string }[] };
    const deltagere = shared.items.find((s) => s.name === 'Deltagere');
    if (!deltagere)
      throw new Error('portfolio-aggregate: the generated data has no shared indicator "Deltagere"');
    const route = `/api/portfolio/indicators?groupBy=focusArea&periodKind=year&fromYear=${FROM_YEAR}&toYear=${TO_YEAR}&sharedIndicatorId=${deltagere.id}`;
    const ask = async () => {
      const started = performance.now();
      const res = await fetch(ctx.url + route, { headers: ctx.headers });
      const body = (await res.json()) as OursAnswer;
      if (!res.ok)
        throw new Error(`portfolio-aggregate: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
      return { ms: performance.now() - started, body };
    };
    // A change that every portfolio answer depends on (the registry), made before each fresh run.
    const change = async (i: number) => {
      const res = await fetch(`${ctx.url}/api/municipalities`, {
        method: 'POST',
        headers: { ...ctx.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ name: `Benchkommune ${Date.now()} ${i}` }),
      });
      if (res.status !== 201) throw new Error(`portfolio-aggregate: a change got ${res.status}`);
    };
    const first = await ask();
    const ours: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await change(i);
      ours.push((await ask()).ms);
    }
    const kept: number[] = [];
    for (let i = 0; i < RUNS; i++) kept.push((await ask()).ms);

    // The reference: the raw rows in DuckDB's memory.
    const instance = await DuckDBInstance.create(':memory:');
    const duck = await instance.connect();
    const loadStarted = performance.now();
    const regs = await load(
      ctx,
      duck,
      'regs',
      [
        ['plan_id', 'VARCHAR'],
        ['activity_id', 'VARCHAR'],
        ['date', 'VARCHAR'],
        ['participants', 'INTEGER'],
      ],
      ctx.database === 'sqlite'
        ? 'select plan_id, activity_id, date, participants from registrations'
        : 'select id, plan_id, activity_id, date, participants from registrations',
      ctx.database === 'sqlite' ? undefined : { key: 'id' },
    );
    await load(
      ctx,
      duck,
      'ag',
      [
        ['activity_id', 'VARCHAR'],
        ['goal_id', 'VARCHAR'],
      ],
      'select activity_id, goal_id from activity_goals',
    );
    await load(
      ctx,
      duck,
      'goals',
      [
        ['id', 'VARCHAR'],
        ['parent_id', 'VARCHAR'],
        ['focus_area_id', 'VARCHAR'],
      ],
      'select id, parent_id, focus_area_id from goals',
    );
    await load(
      ctx,
      duck,
      'inds',
      [
        ['id', 'VARCHAR'],
        ['plan_id', 'VARCHAR'],
        ['goal_id', 'VARCHAR'],
      ],
      `select id, plan_id, goal_id from indicators where shared_indicator_id = '${deltagere.id}'`,
    );
    await load(
      ctx,
      duck,
      'plans',
      [
        ['id', 'VARCHAR'],
        ['pool_id', 'VARCHAR'],
      ],
      'select id, pool_id from plans',
    );
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const query = `
      with feeding as (
        select distinct i.plan_id, g.focus_area_id, ag.activity_id
        from inds i
        join goals g on g.id = i.goal_id
        join goals c on c.id = i.goal_id or c.parent_id = i.goal_id
        join ag on ag.goal_id = c.id
      )
      select f.focus_area_id, p.pool_id,
             substr(r.date, 1, 4) as period,
             sum(r.participants) as value
      from regs r
      join feeding f on f.activity_id = r.activity_id and f.plan_id = r.plan_id
      join plans p on p.id = r.plan_id
      where r.date >= '${FROM_YEAR}-01-01' and r.date <= '${TO_YEAR}-12-31'
      group by all`;
    let refRows: Record<string, unknown>[] = [];
    const ref: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const started = performance.now();
      refRows = (await duck.runAndReadAll(query)).getRowObjects() as Record<string, unknown>[];
      if (i > 0) ref.push(performance.now() - started);
    }
    duck.closeSync();

    // The same numbers, cell by cell.
    const oursCells = new Map<string, number>();
    for (const g of first.body.indicators[0]?.groups ?? [])
      for (const v of g.values) if (v.value !== null) oursCells.set(`${g.key} ${v.period}`, v.value);
    const refCells = new Map(refRows.map((r) => [`${r.focus_area_id} ${r.period}`, Number(r.value)]));
    const keys = new Set([...oursCells.keys(), ...refCells.keys()]);
    const differ = [...keys].filter((k) => oursCells.get(k) !== refCells.get(k));
    if (differ.length)
      throw new Error(
        `portfolio-aggregate: ${differ.length} of ${keys.size} cells differ from DuckDB, e.g. ${differ
          .slice(0, 3)
          .map((k) => `${k}: ours ${oursCells.get(k)}, DuckDB ${refCells.get(k)}`)
          .join('; ')}`,
      );
    const o = median(ours);
    const k = median(kept);
    const r = median(ref);
    const against = `against DuckDB summing ${regs.toLocaleString('en')} registrations in memory (loaded in ${loadSeconds.toFixed(1)} s, not timed); ${keys.size} cells, all equal`;
    return [
      {
        name: 'portfolio-aggregate',
        ours: o,
        ref: r,
        ratio: o / Math.max(r, 0.001),
        unit: 'ms',
        note: `GET ${route.split('?')[0]} (focus area × year, ${FROM_YEAR}-${TO_YEAR}) computed afresh after a change, median of ${RUNS} runs, ${against}; goal ratio ≤ 1.0`,
      },
      {
        name: 'portfolio-aggregate-kept',
        ours: k,
        ref: r,
        ratio: k / Math.max(r, 0.001),
        unit: 'ms',
        note: `the same route on unchanged data (the answer the process kept), median of ${RUNS} runs, ${against}`,
      },
    ];
  },
};
