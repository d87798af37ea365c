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
import { Problems } from '../../errors.js';
import { registrationRules } from '../results/registrations.service.js';
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

    // The plan's rules (the activity's period, no future dates, the breakdowns it counts), for
    // each row as it is read; their problems name the row's columns.
    const rules = registrationRules(activities);
    const ruleProblems = new Problems();
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

    // The rows read, a column each (no object per row), with each row's import key: a digest of
    // its content and its occurrence among identical rows in the file. A row is read, checked and
    // keyed in one go, so no file's cells are held while it is checked.
    const activityIds: string[] = [];
    const dates: string[] = [];
    const participantsOf: number[] = [];
    const hoursOf: number[] = []; // NaN: none (a list of numbers only stays a list of doubles)
    const notes: (string | null)[] = [];
    const countsJson: string[] = [];
    const keys: string[] = [];
    const sameDate = new Map<string, string>();
    const occurrences = new Map<string, number>();
    let n = 0;
    for (const row of table.eachRow()) {
      if (n++ % 1000 === 999) {
        progress((n / table.rowCount) * 0.7);
        await breathe();
      }
      const r = new RowReader(row, problems, table.numberConvention);
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
      const parsedDate = r.date(col.date, true);
      const participants = r.number(col.participants, { required: true, whole: true, max: 1_000_000 });
      const hours = r.number(col.hours, { min: 0, max: 10_000 });
      const note = r.text(col.note, { max: 2000 });
      const counts: Record<string, Record<string, number>> = {};
      for (const c of columns.dynamic) {
        const v = r.number(c.header, { whole: true, max: 1_000_000 });
        if (v !== null) (counts[c.key] ??= {})[c.category] = v;
      }
      if (r.failed || activityId === null || parsedDate === null || participants === null) continue;
      let date = sameDate.get(parsedDate);
      if (date === undefined) sameDate.set(parsedDate, (date = parsedDate));

      rules({ activityId, date, participants, counts, hours, note }, 'row.', ruleProblems);
      for (const f of ruleProblems.list.splice(0))
        problems.add(row.rowNumber, fieldColumn(f.path), f.code, f.params);

      const sortedCounts = Object.keys(counts)
        .sort()
        .map((k) => [k, Object.entries(counts[k]!).sort(([a], [b]) => (a < b ? -1 : 1))]);
      const content = [activityId, date, participants, sortedCounts, hours ?? null, note ?? null];
      const first = importKey(content, 1);
      const occurrence = (occurrences.get(first) ?? 0) + 1;
      occurrences.set(first, occurrence);
      keys.push(occurrence === 1 ? first : importKey(content, occurrence));
      activityIds.push(activityId);
      dates.push(date);
      participantsOf.push(participants);
      hoursOf.push(hours ?? NaN);
      notes.push(note ?? null);
      countsJson.push(toJson(counts) ?? '{}');
    }
    occurrences.clear();
    sameDate.clear();
    progress(0.7);

    const existing = new Set<string>();
    // Looked up in key order, so each query reads a run of neighbouring index pages.
    const sortedKeys = [...keys].sort();
    for (let i = 0; i < sortedKeys.length; i += 500) {
      const chunk = sortedKeys.slice(i, i + 500);
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
        const total = keys.length;
        // New rows go in date order: three of the table's indexes lead with the plan and the
        // date, so each batch then writes to a run of neighbouring pages instead of pages all
        // over a large table.
        const order = keys.map((_, i) => i).filter((i) => !existing.has(keys[i]!));
        order.sort((a, b) => (dates[a]! < dates[b]! ? -1 : dates[a]! > dates[b]! ? 1 : a - b));
        for (const i of order) {
          batch.push({
            id: newId(),
            activityId: activityIds[i]!,
            date: dates[i]!,
            participants: participantsOf[i]!,
            countsJson: countsJson[i]!,
            hours: Number.isNaN(hoursOf[i]!) ? null : hoursOf[i]!,
            note: notes[i]!,
            importKey: keys[i]!,
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
