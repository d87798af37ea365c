/**
 * Registrations from a file: one row per session or event, with the activity (name or id), the
 * date, participants, hours, a note and one column per breakdown category the plan's indicators
 * count (`Køn: Kvinde`). A row's import key is a digest of its content (as read, so `12` and
 * `12,0`, `05-03-2024` and `2024-03-05` are the same) and of how many identical rows came before
 * it in the file: importing the file again finds every key and adds nothing, while two identical
 * sessions in one file stay two.
 */
import crypto from 'node:crypto';
import { PostgresAdapter, sql } from 'kysely';
import type { BreakdownInput, Locale } from '@pejling/contracts';
import type { Executor } from '../../db/database.js';
import { newId, nowIso, toJson } from '../../db/portable.js';
import { normaliseHeader } from '../../import/read-table.js';
import { todayInDenmark } from '../../domain/periods.js';
import { findActivities } from '../results/results.repository.js';
import { registrationProblems } from '../results/registrations.service.js';
import {
  breathe,
  danishDate,
  nameIndex,
  resolveColumns,
  RowProblems,
  RowReader,
  type ColumnSpec,
} from './columns.js';
import { columnRefusal, tally, type Importer, type RowEffect } from './kind.js';

type Key = 'activity' | 'date' | 'participants' | 'hours' | 'note';
export const REGISTRATION_COLUMNS: readonly ColumnSpec<Key>[] = [
  {
    key: 'activity',
    da: 'Aktivitet',
    en: 'Activity',
    required: true,
    aliases: ['aktivitet id', 'activity id'],
  },
  { key: 'date', da: 'Dato', en: 'Date', required: true },
  {
    key: 'participants',
    da: 'Deltagere',
    en: 'Participants',
    required: true,
    aliases: ['antal deltagere', 'number of participants'],
  },
  { key: 'hours', da: 'Timer', en: 'Hours' },
  { key: 'note', da: 'Note', en: 'Note', aliases: ['bemærkning', 'notat'] },
];

interface CountColumn {
  header: string;
  key: string;
  category: string;
}

/** The breakdowns the plan's activities count participants by (from their indicators). */
function planBreakdowns(activities: { registrationBreakdowns: BreakdownInput[] }[]): BreakdownInput[] {
  const byKey = new Map<string, BreakdownInput>();
  for (const a of activities)
    for (const b of a.registrationBreakdowns) {
      const known = byKey.get(b.key);
      if (!known) byKey.set(b.key, { ...b, categories: [...b.categories] });
      else for (const c of b.categories) if (!known.categories.includes(c)) known.categories.push(c);
    }
  return [...byKey.values()];
}

function countColumn(breakdowns: BreakdownInput[]) {
  return (header: string): CountColumn | null => {
    const at = header.indexOf(':');
    if (at < 0) return null;
    const label = normaliseHeader(header.slice(0, at));
    const category = normaliseHeader(header.slice(at + 1));
    for (const b of breakdowns) {
      if (normaliseHeader(b.label) !== label && b.key !== label) continue;
      const c = b.categories.find((x) => normaliseHeader(x) === category);
      if (c) return { header, key: b.key, category: c };
    }
    return null;
  };
}

const NO_CELLS: Record<string, string> = Object.freeze(Object.create(null) as Record<string, string>);

/** Rows per INSERT statement of an import. */
const INSERT_BATCH = 2000;

interface RegistrationRow {
  id: string;
  activityId: string;
  date: string;
  participants: number;
  countsJson: string;
  hours: number | null;
  note: string | null;
  importKey: string;
}

/**
 * Inserts imported registrations, many at a time, as one JSON array parameter that the database
 * unpacks (`json_each` on SQLite, `json_to_recordset` on PostgreSQL): one short statement per
 * batch instead of a statement with a parameter per cell, so the batch can be large and the
 * statement text is the same every time.
 */
async function insertRegistrations(
  trx: Executor,
  planId: string,
  now: string,
  rows: readonly RegistrationRow[],
): Promise<void> {
  const json = JSON.stringify(
    rows.map((r) => [r.id, r.activityId, r.date, r.participants, r.countsJson, r.hours, r.note, r.importKey]),
  );
  const columns = sql`(id, plan_id, activity_id, date, participants, counts_json, hours, note, source, import_key, created_at, updated_at, version)`;
  if (trx.getExecutor().adapter instanceof PostgresAdapter)
    await sql`
      insert into registrations ${columns}
      select x->>0, ${planId}, x->>1, x->>2, (x->>3)::integer, x->>4, (x->>5)::double precision, x->>6,
        'import', x->>7, ${now}, ${now}, 1
      from json_array_elements(${json}::json) as x`.execute(trx);
  else
    await sql`
      insert into registrations ${columns}
      select value ->> 0, ${planId}, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5,
        value ->> 6, 'import', value ->> 7, ${now}, ${now}, 1
      from json_each(${json})`.execute(trx);
}

function importKey(content: unknown, occurrence: number): string {
  return crypto
    .createHash('sha256')
    .update(`${JSON.stringify(content)}#${occurrence}`)
    .digest('hex');
}

export const registrationsImporter: Importer = {
  specs: REGISTRATION_COLUMNS,

  async prepare(db, { planId, table, locale, progress }) {
    const activities = await findActivities(db, planId);
    const breakdowns = planBreakdowns(activities);
    const columns = resolveColumns(table.headers, REGISTRATION_COLUMNS, locale, countColumn(breakdowns));
    const refusal = columnRefusal(
      columns,
      REGISTRATION_COLUMNS,
      locale,
      breakdowns.flatMap((b) => b.categories.map((c) => `${b.label}: ${c}`)),
    );
    if (refusal) return refusal;
    const col = columns.byKey;
    const problems = new RowProblems();
    const index = nameIndex(activities);

    type Input = Parameters<typeof registrationProblems>[2][number];
    const inputs: Input[] = [];
    const rowOf: number[] = [];
    for (const [n, row] of table.rows.entries()) {
      if (n % 1000 === 999) {
        progress((n / table.rows.length) * 0.5);
        await breathe();
      }
      const r = new RowReader(row.rowNumber, row.cells, problems, table.numberConvention);
      const activityText = r.text(col.activity, { required: true });
      let activityId: string | null = null;
      if (activityText !== null) {
        const found = index.find(activityText);
        if ('item' in found) activityId = found.item.id;
        else
          r.fail(
            col.activity,
            found.problem === 'ambiguous' ? 'import_activity_ambiguous' : 'import_activity_unknown',
            {
              value: activityText,
              allowed: index.names,
            },
          );
      }
      const date = r.date(col.date, true);
      const participants = r.number(col.participants, { required: true, whole: true, max: 1_000_000 });
      const hours = r.number(col.hours, { min: 0, max: 10_000 });
      const note = r.text(col.note, { max: 2000 });
      const counts: Record<string, Record<string, number>> = {};
      for (const c of columns.dynamic) {
        const v = r.number(c.header, { whole: true, max: 1_000_000 });
        if (v !== null) (counts[c.key] ??= {})[c.category] = v;
      }
      // Read: the row's cells can go now, so the file's cells and its inputs are not both held.
      row.cells = NO_CELLS;
      if (r.failed || activityId === null || date === null || participants === null) continue;
      inputs.push({ activityId, date, participants, counts, hours, note });
      rowOf.push(row.rowNumber);
    }
    // Every row is read into `inputs`: the rows can go before they are checked against the plan
    // and written. runImport counted them before this.
    table.rows.length = 0;

    // The plan's rules: the activity's period, no future dates, the breakdowns it counts.
    const fieldColumn = (path: string): string | null => {
      const [, field, key, category] = path.split('.');
      if (field === 'activityId') return col.activity ?? null;
      if (field === 'date') return col.date ?? null;
      if (field === 'participants') return col.participants ?? null;
      if (field === 'counts') {
        const c =
          columns.dynamic.find((d) => d.key === key && (category === undefined || d.category === category)) ??
          null;
        return c?.header ?? null;
      }
      return null;
    };
    for (const f of await registrationProblems(db, planId, inputs, (i) => `${i}.`)) {
      const i = Number(f.path.split('.')[0]);
      problems.add(rowOf[i] ?? null, fieldColumn(f.path), f.code, f.params);
    }
    progress(0.7);

    // Import keys: the row's content and its occurrence among identical rows in the file.
    const seen = new Map<string, number>();
    const keys = inputs.map((input) => {
      const counts = Object.keys(input.counts)
        .sort()
        .map((k) => [k, Object.entries(input.counts[k]!).sort(([a], [b]) => (a < b ? -1 : 1))]);
      const content = [
        input.activityId,
        input.date,
        input.participants,
        counts,
        input.hours ?? null,
        input.note ?? null,
      ];
      const text = JSON.stringify(content);
      const occurrence = (seen.get(text) ?? 0) + 1;
      seen.set(text, occurrence);
      return importKey(content, occurrence);
    });
    seen.clear();
    const existing = new Set<string>();
    for (let i = 0; i < keys.length; i += 500) {
      const chunk = keys.slice(i, i + 500);
      const found = await db
        .selectFrom('registrations')
        .select('importKey')
        .where('planId', '=', planId)
        .where('importKey', 'in', chunk)
        .execute();
      for (const f of found) if (f.importKey) existing.add(f.importKey);
    }
    const effects: RowEffect[] = keys.map((k) => (existing.has(k) ? 'unchanged' : 'added'));
    progress(1);

    return {
      problems,
      ...tally(effects),
      async write(trx, report) {
        // Rows go in batches built as they are sent, so no second copy of the file is held.
        const now = nowIso();
        let batch: RegistrationRow[] = [];
        let done = 0;
        const total = inputs.length;
        for (const [i, input] of inputs.entries()) {
          const key = keys[i]!;
          if (existing.has(key)) continue;
          batch.push({
            id: newId(),
            activityId: input.activityId,
            date: input.date,
            participants: input.participants,
            countsJson: toJson(input.counts) ?? '{}',
            hours: input.hours ?? null,
            note: input.note ?? null,
            importKey: key,
          });
          if (batch.length === INSERT_BATCH) {
            await insertRegistrations(trx, planId, now, batch);
            done += batch.length;
            batch = [];
            report(Math.min(1, done / total));
          }
        }
        if (batch.length) await insertRegistrations(trx, planId, now, batch);
        report(1);
      },
    };
  },

  async template(db, planId, locale) {
    const activities = await findActivities(db, planId);
    const breakdowns = planBreakdowns(activities);
    const headers = [
      ...REGISTRATION_COLUMNS.map((c) => c[locale]),
      ...breakdowns.flatMap((b) => b.categories.map((c) => `${b.label}: ${c}`)),
    ];
    const first = activities[0];
    const today = todayInDenmark();
    const date = first?.periodEnd && first.periodEnd < today ? first.periodEnd : today;
    const total = 12;
    const example = [
      first?.name ?? (locale === 'da' ? 'Lektiecafé' : 'Homework café'),
      danishDate(date),
      String(total),
      locale === 'da' ? '2,5' : '2.5',
      exampleNote(locale),
      ...breakdowns.flatMap((b) => b.categories.map((_, i) => (i === 0 ? String(Math.ceil(total / 2)) : ''))),
    ];
    return { headers, example };
  },
};

export function exampleNote(locale: Locale): string {
  return locale === 'da'
    ? 'Eksempel: erstat denne række med jeres egne'
    : 'Example: replace this row with your own';
}
