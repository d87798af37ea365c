/**
 * Pseudonymous participants from a file: one row per enrolment or outcome (or a row with only
 * the participant's code and facts), merged by code. The natural keys decide what a row does:
 * the participant by (plan, code), an enrolment by (activity, enrolled from), an outcome by
 * (outcome, date). A row that matches what is stored is a no-op; one that differs (another end
 * date, birth year, …) updates it. A participant's enrolments and outcomes that the file does not
 * mention are kept. An empty birth year, gender or postcode means "not given", not "clear it".
 */
import type { Gender, OutcomeKind, ParticipantInput } from '@pejling/contracts';
import type { z } from 'zod';
import type { Executor } from '../../db/database.js';
import { newId, nowIso } from '../../db/portable.js';
import { normaliseHeader } from '../../import/read-table.js';
import { todayInDenmark } from '../../domain/periods.js';
import { findActivities } from '../results/results.repository.js';
import { participantProblems, writeParticipantLinks } from '../results/registrations.service.js';
import {
  breathe,
  danishDate,
  nameIndex,
  resolveColumns,
  RowProblems,
  RowReader,
  type ColumnSpec,
} from './columns.js';
import { columnRefusal, stronger, tally, type Importer, type RowEffect } from './kind.js';
import { exampleNote } from './registrations.import.js';

type ParticipantIn = z.output<typeof ParticipantInput>;

type Key =
  | 'code'
  | 'birthYear'
  | 'gender'
  | 'postcode'
  | 'activity'
  | 'from'
  | 'to'
  | 'outcome'
  | 'outcomeDate'
  | 'note';
export const PARTICIPANT_COLUMNS: readonly ColumnSpec<Key>[] = [
  { key: 'code', da: 'Kode', en: 'Code', required: true, aliases: ['deltagerkode', 'participant code'] },
  { key: 'birthYear', da: 'Fødselsår', en: 'Birth year', aliases: ['foedselsaar', 'year of birth'] },
  { key: 'gender', da: 'Køn', en: 'Gender' },
  { key: 'postcode', da: 'Postnummer', en: 'Postcode', aliases: ['postnr', 'postnr.', 'postal code', 'zip'] },
  { key: 'activity', da: 'Aktivitet', en: 'Activity' },
  { key: 'from', da: 'Tilmeldt fra', en: 'Enrolled from' },
  { key: 'to', da: 'Tilmeldt til', en: 'Enrolled to', aliases: ['enrolled until'] },
  { key: 'outcome', da: 'Udfald', en: 'Outcome' },
  { key: 'outcomeDate', da: 'Udfaldsdato', en: 'Outcome date' },
  { key: 'note', da: 'Note', en: 'Note', aliases: ['udfaldsnote', 'outcome note'] },
];

const GENDERS: Record<string, Gender> = {};
for (const [g, words] of Object.entries({
  female: ['kvinde', 'k', 'pige', 'female', 'f', 'woman', 'girl'],
  male: ['mand', 'm', 'dreng', 'male', 'man', 'boy'],
  other: ['andet', 'anden', 'a', 'other', 'o'],
}))
  for (const w of words) GENDERS[w] = g as Gender;

export const OUTCOME_LABELS: Record<OutcomeKind, { da: string; en: string }> = {
  started_education: { da: 'Påbegyndt uddannelse', en: 'Started education' },
  completed_education: { da: 'Gennemført uddannelse', en: 'Completed education' },
  got_job: { da: 'Kommet i job', en: 'Got a job' },
  got_leisure_job: { da: 'Fået fritidsjob', en: 'Got a leisure job' },
  joined_association: { da: 'Startet i forening', en: 'Joined an association' },
  left_programme: { da: 'Stoppet i forløbet', en: 'Left the programme' },
  other: { da: 'Andet', en: 'Other' },
};
const OUTCOMES = new Map<string, OutcomeKind>();
for (const [k, t] of Object.entries(OUTCOME_LABELS) as [OutcomeKind, { da: string; en: string }][]) {
  OUTCOMES.set(normaliseHeader(k), k);
  OUTCOMES.set(normaliseHeader(k.replace(/_/g, ' ')), k);
  OUTCOMES.set(normaliseHeader(t.da), k);
  OUTCOMES.set(normaliseHeader(t.en), k);
}

const CODE = /^[A-Za-z0-9ÆØÅæøå_.-]{1,40}$/;

interface Item<T> {
  value: T;
  row: number;
}
interface Draft {
  code: string;
  firstRow: number;
  rows: number[];
  birthYear?: Item<number>;
  gender?: Item<Gender>;
  postcode?: Item<string>;
  enrolments: Map<string, Item<{ activityId: string; startedOn: string; endedOn: string | null }>>;
  outcomes: Map<
    string,
    Item<{ kind: OutcomeKind; date: string; activityId: string | null; note: string | null }>
  >;
}

export const participantsImporter: Importer = {
  specs: PARTICIPANT_COLUMNS,

  async prepare(db, { planId, table, locale, progress }) {
    const columns = resolveColumns(table.headers, PARTICIPANT_COLUMNS, locale);
    const refusal = columnRefusal(columns, PARTICIPANT_COLUMNS, locale);
    if (refusal) return refusal;
    const col = columns.byKey;
    const problems = new RowProblems();
    const index = nameIndex(await findActivities(db, planId));
    const outcomeNames = Object.values(OUTCOME_LABELS)
      .map((t) => t[locale])
      .join(', ');

    const drafts = new Map<string, Draft>();
    /** Sets a participant's fact once; another value in a later row is a conflict. */
    function fact<K extends 'birthYear' | 'gender' | 'postcode'>(
      d: Draft,
      key: K,
      value: NonNullable<Draft[K]>['value'] | null,
      row: number,
      header: string | undefined,
      shown: string,
    ) {
      if (value === null) return;
      const known = d[key] as Item<unknown> | undefined;
      if (!known) (d as unknown as Record<string, Item<unknown>>)[key] = { value, row };
      else if (known.value !== value)
        problems.add(row, header ?? null, 'import_participant_conflict', {
          code: d.code,
          value: shown,
          other: String(known.value),
          row: known.row,
        });
    }

    let n = 0;
    for (const row of table.eachRow()) {
      if (n++ % 1000 === 999) {
        progress((n / table.rowCount) * 0.4);
        await breathe();
      }
      const r = new RowReader(row, problems, table.numberConvention);
      const code = r.text(col.code, { required: true });
      if (code !== null && !CODE.test(code)) r.fail(col.code, 'import_code_invalid', { value: code });
      const birthYear = r.number(col.birthYear, { whole: true, min: 1900, max: 2100 });
      const genderText = r.text(col.gender);
      let gender: Gender | null = null;
      if (genderText !== null) {
        gender = GENDERS[normaliseHeader(genderText)] ?? null;
        if (!gender) r.fail(col.gender, 'import_gender_unknown', { value: genderText });
      }
      const postcode = r.text(col.postcode);
      if (postcode !== null && !/^\d{4}$/.test(postcode))
        r.fail(col.postcode, 'import_postcode_invalid', { value: postcode });
      const activityText = r.text(col.activity);
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
      const from = r.date(col.from);
      const to = r.date(col.to);
      const outcomeText = r.text(col.outcome);
      let outcome: OutcomeKind | null = null;
      if (outcomeText !== null) {
        outcome = OUTCOMES.get(normaliseHeader(outcomeText)) ?? null;
        if (!outcome)
          r.fail(col.outcome, 'import_outcome_unknown', { value: outcomeText, allowed: outcomeNames });
      }
      const outcomeDate = r.date(col.outcomeDate);
      const note = r.text(col.note, { max: 500 });
      const wantsEnrolment = from !== null || to !== null || (activityText !== null && outcomeText === null);
      if (wantsEnrolment && (activityText === null || from === null) && !r.failed)
        r.fail(activityText === null ? col.activity : col.from, 'import_enrolment_incomplete');
      if ((outcomeText !== null) !== (outcomeDate !== null) && !r.failed)
        r.fail(outcomeText === null ? col.outcome : col.outcomeDate, 'import_outcome_incomplete');
      if (r.failed || code === null) continue;

      let d = drafts.get(code);
      if (!d) {
        d = { code, firstRow: row.rowNumber, rows: [], enrolments: new Map(), outcomes: new Map() };
        drafts.set(code, d);
      }
      d.rows.push(row.rowNumber);
      fact(d, 'birthYear', birthYear, row.rowNumber, col.birthYear, String(birthYear));
      fact(d, 'gender', gender, row.rowNumber, col.gender, genderText ?? '');
      fact(d, 'postcode', postcode, row.rowNumber, col.postcode, postcode ?? '');
      if (activityId && from) {
        const key = `${activityId} ${from}`;
        const known = d.enrolments.get(key);
        if (known && known.value.endedOn !== to)
          problems.add(row.rowNumber, col.to ?? null, 'import_participant_conflict', {
            code,
            value: danishDate(to) || '—',
            other: danishDate(known.value.endedOn) || '—',
            row: known.row,
          });
        else if (!known)
          d.enrolments.set(key, { value: { activityId, startedOn: from, endedOn: to }, row: row.rowNumber });
      }
      if (outcome && outcomeDate) {
        const key = `${outcome} ${outcomeDate}`;
        if (!d.outcomes.has(key))
          d.outcomes.set(key, {
            value: { kind: outcome, date: outcomeDate, activityId, note },
            row: row.rowNumber,
          });
      }
    }

    // What is stored for the codes in the file.
    const codes = [...drafts.keys()];
    const stored = new Map<
      string,
      {
        id: string;
        birthYear: number | null;
        gender: string | null;
        postcode: string | null;
        version: number;
      }
    >();
    for (let i = 0; i < codes.length; i += 500) {
      const rows = await db
        .selectFrom('participants')
        .select(['id', 'code', 'birthYear', 'gender', 'postcode', 'version'])
        .where('planId', '=', planId)
        .where('code', 'in', codes.slice(i, i + 500))
        .execute();
      for (const p of rows) stored.set(p.code, p);
    }
    const ids = [...stored.values()].map((p) => p.id);
    const storedEnrolments = new Map<
      string,
      { activityId: string; startedOn: string; endedOn: string | null }[]
    >();
    const storedOutcomes = new Map<
      string,
      { kind: OutcomeKind; date: string; activityId: string | null; note: string | null }[]
    >();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      for (const e of await db
        .selectFrom('enrolments')
        .selectAll()
        .where('participantId', 'in', chunk)
        .execute())
        storedEnrolments.set(e.participantId, [
          ...(storedEnrolments.get(e.participantId) ?? []),
          { activityId: e.activityId, startedOn: e.startedOn, endedOn: e.endedOn },
        ]);
      for (const o of await db
        .selectFrom('outcomeEvents')
        .selectAll()
        .where('participantId', 'in', chunk)
        .execute())
        storedOutcomes.set(o.participantId, [
          ...(storedOutcomes.get(o.participantId) ?? []),
          { kind: o.kind as OutcomeKind, date: o.date, activityId: o.activityId, note: o.note },
        ]);
    }
    progress(0.6);

    interface Plan {
      id: string | null;
      input: ParticipantIn;
      changedFacts: boolean;
      changedLinks: boolean;
      version: number;
    }
    const plans: Plan[] = [];
    const effectOfRow = new Map<number, RowEffect>();
    const mark = (row: number, e: RowEffect) =>
      effectOfRow.set(row, stronger(effectOfRow.get(row) ?? 'unchanged', e));
    let done = 0;
    for (const d of drafts.values()) {
      if (++done % 200 === 0) {
        progress(0.6 + (done / drafts.size) * 0.4);
        await breathe();
      }
      const s = stored.get(d.code);
      for (const row of d.rows) mark(row, 'unchanged');
      const facts = {
        birthYear: d.birthYear?.value ?? s?.birthYear ?? null,
        gender: (d.gender?.value ?? s?.gender ?? null) as Gender | null,
        postcode: d.postcode?.value ?? s?.postcode ?? null,
      };
      const changedFacts =
        !!s &&
        (facts.birthYear !== s.birthYear || facts.gender !== s.gender || facts.postcode !== s.postcode);
      if (!s) mark(d.firstRow, 'added');
      else if (changedFacts)
        for (const item of [d.birthYear, d.gender, d.postcode]) if (item) mark(item.row, 'updated');

      // Merge: stored links first, then the file's (which update a stored one with the same key).
      const enrolments = (s ? (storedEnrolments.get(s.id) ?? []) : []).map((e) => ({
        ...e,
        row: null as number | null,
      }));
      let changedLinks = false;
      for (const { value, row } of d.enrolments.values()) {
        const at = enrolments.findIndex(
          (e) => e.activityId === value.activityId && e.startedOn === value.startedOn,
        );
        if (at < 0) {
          enrolments.push({ ...value, row });
          mark(row, 'added');
          changedLinks = true;
        } else {
          if (enrolments[at]!.endedOn !== value.endedOn) {
            mark(row, 'updated');
            changedLinks = true;
          }
          enrolments[at] = { ...value, row };
        }
      }
      const outcomes = (s ? (storedOutcomes.get(s.id) ?? []) : []).map((o) => ({
        ...o,
        row: null as number | null,
      }));
      for (const { value, row } of d.outcomes.values()) {
        const at = outcomes.findIndex((o) => o.kind === value.kind && o.date === value.date);
        if (at < 0) {
          outcomes.push({ ...value, row });
          mark(row, 'added');
          changedLinks = true;
        } else {
          const o = outcomes[at]!;
          if (o.activityId !== value.activityId || (value.note !== null && o.note !== value.note)) {
            mark(row, 'updated');
            changedLinks = true;
          }
          outcomes[at] = { ...value, note: value.note ?? o.note, row };
        }
      }
      const input: ParticipantIn = {
        code: d.code,
        ...facts,
        enrolments: enrolments.map(({ activityId, startedOn, endedOn }) => ({
          activityId,
          startedOn,
          endedOn,
        })),
        outcomes: outcomes.map(({ kind, date, activityId, note }) => ({ kind, date, activityId, note })),
      };
      // The plan's rules: no CPR-like code, activities of the plan, no future dates.
      if (!s || changedFacts || changedLinks)
        for (const f of await participantProblems(db, planId, input, s?.id ?? null)) {
          const [list, i, field] = f.path.split('.');
          const item =
            list === 'enrolments' ? enrolments[Number(i)] : list === 'outcomes' ? outcomes[Number(i)] : null;
          const header =
            list === 'code'
              ? col.code
              : list === 'birthYear'
                ? col.birthYear
                : field === 'activityId'
                  ? col.activity
                  : field === 'startedOn'
                    ? col.from
                    : field === 'endedOn'
                      ? col.to
                      : field === 'date'
                        ? col.outcomeDate
                        : undefined;
          const row = item?.row ?? (list === 'birthYear' ? d.birthYear?.row : undefined) ?? d.firstRow;
          problems.add(row, header ?? null, f.code, f.params);
        }
      plans.push({ id: s?.id ?? null, input, changedFacts, changedLinks, version: s?.version ?? 0 });
    }
    progress(1);

    return {
      problems,
      ...tally([...effectOfRow.values()]),
      async write(trx, report) {
        const now = nowIso();
        let n = 0;
        for (const p of plans) {
          if (++n % 100 === 0) report(n / plans.length);
          const facts = {
            birthYear: p.input.birthYear ?? null,
            gender: p.input.gender ?? null,
            postcode: p.input.postcode ?? null,
          };
          let id = p.id;
          if (!id) {
            id = newId();
            await trx
              .insertInto('participants')
              .values({
                id,
                planId,
                code: p.input.code,
                ...facts,
                createdAt: now,
                updatedAt: now,
                version: 1,
              })
              .execute();
          } else if (p.changedFacts || p.changedLinks) {
            await trx
              .updateTable('participants')
              .set({ ...facts, updatedAt: now, version: p.version + 1 })
              .where('id', '=', id)
              .execute();
          }
          if (!p.id || p.changedLinks) await writeParticipantLinks(trx, id, p.input);
        }
      },
    };
  },

  async template(db: Executor, planId, locale) {
    const activities = await findActivities(db, planId);
    const today = todayInDenmark();
    const activity = activities[0]?.name ?? (locale === 'da' ? 'Lektiecafé' : 'Homework café');
    const start =
      activities[0]?.periodStart && activities[0].periodStart <= today ? activities[0].periodStart : today;
    return {
      headers: PARTICIPANT_COLUMNS.map((c) => c[locale]),
      example: [
        'LC-0001',
        '2008',
        locale === 'da' ? 'kvinde' : 'female',
        '5240',
        activity,
        danishDate(start),
        '',
        OUTCOME_LABELS.started_education[locale],
        danishDate(today),
        exampleNote(locale),
      ],
    };
  },
};
