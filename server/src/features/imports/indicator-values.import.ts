/**
 * Indicator values from a file: one row per indicator (name or id), period and breakdown
 * (`Køn=Kvinde`, or empty for the total), with its status (value, missing, suppressed) and the
 * numbers its kind needs. The natural key (indicator, its current definition, period,
 * breakdown) decides: a new key is added, a stored one with other numbers is updated, the same
 * numbers are a no-op. Indicators computed from registrations are refused, as by hand.
 */
import type { BreakdownInput } from '@pejling/contracts';
import type { Executor } from '../../db/database.js';
import { fromJson, newId, nowIso, toJson } from '../../db/portable.js';
import { normaliseHeader } from '../../import/read-table.js';
import {
  breakdownKey,
  validateObservations,
  type IndicatorDefinition,
  type Observation,
  type ValueState,
} from '../../domain/indicators.js';
import { parsePeriodKey, periodOverlaps, todayInDenmark } from '../../domain/periods.js';
import { findPlanRow } from '../plans/plan.repository.js';
import { findIndicatorRows, findValueRows, type IndicatorRow } from '../results/results.repository.js';
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
import { exampleNote } from './registrations.import.js';

type Key =
  | 'indicator'
  | 'period'
  | 'breakdown'
  | 'state'
  | 'value'
  | 'numerator'
  | 'denominator'
  | 'sum'
  | 'count'
  | 'note';
export const VALUE_COLUMNS: readonly ColumnSpec<Key>[] = [
  {
    key: 'indicator',
    da: 'Indikator',
    en: 'Indicator',
    required: true,
    aliases: ['indikator id', 'indicator id'],
  },
  { key: 'period', da: 'Periode', en: 'Period', required: true },
  { key: 'breakdown', da: 'Opdeling', en: 'Breakdown' },
  { key: 'state', da: 'Status', en: 'Status', aliases: ['state'] },
  { key: 'value', da: 'Værdi', en: 'Value', aliases: ['vaerdi'] },
  { key: 'numerator', da: 'Tæller', en: 'Numerator', aliases: ['taeller'] },
  { key: 'denominator', da: 'Nævner', en: 'Denominator', aliases: ['naevner'] },
  { key: 'sum', da: 'Sum', en: 'Sum' },
  { key: 'count', da: 'Antal', en: 'Count' },
  { key: 'note', da: 'Note', en: 'Note', aliases: ['bemærkning'] },
];

const STATES: Record<string, ValueState> = {
  værdi: 'value',
  vaerdi: 'value',
  value: 'value',
  mangler: 'missing',
  manglende: 'missing',
  missing: 'missing',
  undertrykt: 'suppressed',
  diskretioneret: 'suppressed',
  suppressed: 'suppressed',
};

/** `2024`, `2024-H1`, `2024-Q3` (also `2024-K3`, `2024 q3`), `whole` or `hele perioden`. */
function periodKey(text: string): string | null {
  const t = normaliseHeader(text);
  if (t === 'whole' || t === 'hele perioden' || t === 'hele' || t === 'whole period') return 'whole';
  const k = t
    .toUpperCase()
    .replace(/\s+/g, '-')
    .replace(/-K(\d)$/, '-Q$1');
  return parsePeriodKey(k) ? k : null;
}

function definitionOf(row: IndicatorRow): IndicatorDefinition & { breakdowns: BreakdownInput[] } {
  return {
    kind: row.kind,
    direction: row.direction,
    combine: row.combineRule,
    breakdowns: fromJson<BreakdownInput[]>(row.breakdownsJson) ?? [],
  } as IndicatorDefinition & { breakdowns: BreakdownInput[] };
}

function outsidePlan(
  period: string,
  plan: { periodStart: string | null; periodEnd: string | null },
): boolean {
  const parsed = parsePeriodKey(period);
  if (!parsed || parsed.kind === 'whole' || !plan.periodStart || !plan.periodEnd) return false;
  return !periodOverlaps(parsed, { start: plan.periodStart, end: plan.periodEnd });
}

const FIELD_KEYS = ['value', 'numerator', 'denominator', 'sum', 'count'] as const;

export const indicatorValuesImporter: Importer = {
  specs: VALUE_COLUMNS,

  async prepare(db, { planId, table, locale, progress }) {
    const columns = resolveColumns(table.headers, VALUE_COLUMNS, locale);
    const refusal = columnRefusal(columns, VALUE_COLUMNS, locale);
    if (refusal) return refusal;
    const col = columns.byKey;
    const problems = new RowProblems();
    const plan = await findPlanRow(db, planId);
    const indicators = await findIndicatorRows(db, planId);
    const index = nameIndex(indicators);

    interface Parsed {
      indicator: IndicatorRow;
      observation: Observation & { note: string | null };
      row: number;
    }
    const parsed: Parsed[] = [];
    let n = 0;
    for (const row of table.eachRow()) {
      if (n++ % 1000 === 999) {
        progress((n / table.rowCount) * 0.5);
        await breathe();
      }
      const r = new RowReader(row, problems, table.numberConvention);
      const indicatorText = r.text(col.indicator, { required: true });
      let indicator: IndicatorRow | null = null;
      if (indicatorText !== null) {
        const found = index.find(indicatorText);
        if ('item' in found) indicator = found.item;
        else
          r.fail(
            col.indicator,
            found.problem === 'ambiguous' ? 'import_indicator_ambiguous' : 'import_indicator_unknown',
            {
              value: indicatorText,
              allowed: index.names,
            },
          );
      }
      if (indicator?.dataSource === 'registrations') r.fail(col.indicator, 'values_computed');
      const periodText = r.text(col.period, { required: true });
      let period: string | null = null;
      if (periodText !== null) {
        period = periodKey(periodText);
        if (!period) r.fail(col.period, 'invalid_period', { value: periodText });
        else if (plan && outsidePlan(period, plan))
          r.fail(col.period, 'period_outside_plan', {
            period,
            start: danishDate(plan.periodStart),
            end: danishDate(plan.periodEnd),
          });
      }
      let breakdown: Record<string, string> | null = null;
      const breakdownText = r.text(col.breakdown);
      if (breakdownText !== null && indicator) {
        const defined: BreakdownInput[] = definitionOf(indicator).breakdowns;
        breakdown = {};
        for (const part of breakdownText.split(/[;&]/)) {
          if (part.trim() === '') continue;
          const [label = '', category = ''] = part.split('=');
          const b = defined.find(
            (x) => normaliseHeader(x.label) === normaliseHeader(label) || x.key === label.trim(),
          );
          const c = b?.categories.find((x) => normaliseHeader(x) === normaliseHeader(category));
          if (!b || !c) {
            const first = defined[0];
            r.fail(col.breakdown, 'import_breakdown_unknown', {
              value: part.trim(),
              example: first ? `${first.label}=${first.categories[0]}` : '—',
            });
            break;
          }
          breakdown[b.key] = c;
        }
      }
      const numbers: Partial<Record<(typeof FIELD_KEYS)[number], number>> = {};
      for (const f of FIELD_KEYS) {
        const v = r.number(col[f]);
        if (v !== null) numbers[f] = v;
      }
      const stateText = r.text(col.state);
      const state: ValueState | null =
        stateText === null
          ? Object.keys(numbers).length
            ? 'value'
            : 'missing'
          : (STATES[normaliseHeader(stateText)] ?? null);
      if (stateText !== null && !state) r.fail(col.state, 'import_state_unknown', { value: stateText });
      const note = r.text(col.note, { max: 2000 });
      if (r.failed || !indicator || !period || !state) continue;
      parsed.push({
        indicator,
        observation: { period, breakdown, state, ...numbers, note },
        row: row.rowNumber,
      });
    }

    // The indicator's rules per kind (a percentage's numerator within its denominator, …).
    const byIndicator = new Map<string, Parsed[]>();
    for (const p of parsed) byIndicator.set(p.indicator.id, [...(byIndicator.get(p.indicator.id) ?? []), p]);
    const fieldColumn = (field: string | undefined) =>
      field === 'period'
        ? col.period
        : field === 'breakdown'
          ? col.breakdown
          : field === 'state'
            ? col.state
            : (FIELD_KEYS as readonly string[]).includes(field ?? '')
              ? col[field as (typeof FIELD_KEYS)[number]]
              : undefined;
    for (const list of byIndicator.values()) {
      const def = definitionOf(list[0]!.indicator);
      for (const problem of validateObservations(
        def,
        list.map((p) => p.observation),
      )) {
        const [i, field] = problem.path.split('.');
        const p = list[Number(i)]!;
        const params = { ...problem.params };
        if (problem.code === 'duplicate_observation')
          params.row = list[Number(params.row)]?.row ?? params.row;
        problems.add(p.row, fieldColumn(field) ?? null, problem.code, params);
      }
    }
    progress(0.8);

    const stored = (await findValueRows(db, [...byIndicator.keys()])).filter((v) => {
      const ind = byIndicator.get(v.indicatorId)?.[0]?.indicator;
      return ind && v.definitionVersion === ind.definitionVersion;
    });
    const storedByKey = new Map(stored.map((v) => [`${v.indicatorId} ${v.period} ${v.breakdownKey}`, v]));
    const effects: RowEffect[] = [];
    const writes: { p: Parsed; key: string; old: (typeof stored)[number] | undefined }[] = [];
    for (const p of parsed) {
      const key = breakdownKey(p.observation.breakdown);
      const old = storedByKey.get(`${p.indicator.id} ${p.observation.period} ${key}`);
      const o = p.observation;
      const same =
        old &&
        old.state === o.state &&
        FIELD_KEYS.every((f) => (old[f] ?? null) === (o[f] ?? null)) &&
        (old.note ?? null) === (o.note ?? null);
      effects.push(!old ? 'added' : same ? 'unchanged' : 'updated');
      if (!same) writes.push({ p, key, old });
    }
    progress(1);

    return {
      problems,
      ...tally(effects),
      async write(trx: Executor, report) {
        const now = nowIso();
        let n = 0;
        for (const { p, key, old } of writes) {
          if (++n % 200 === 0) report(n / writes.length);
          const o = p.observation;
          const numbers = {
            state: o.state,
            value: o.value ?? null,
            numerator: o.numerator ?? null,
            denominator: o.denominator ?? null,
            sum: o.sum ?? null,
            count: o.count ?? null,
            note: o.note ?? null,
          };
          if (old)
            await trx
              .updateTable('indicatorValues')
              .set({ ...numbers, source: 'import', updatedAt: now, version: old.version + 1 })
              .where('id', '=', old.id)
              .execute();
          else
            await trx
              .insertInto('indicatorValues')
              .values({
                id: newId(),
                indicatorId: p.indicator.id,
                definitionVersion: p.indicator.definitionVersion,
                period: o.period,
                breakdownKey: key,
                breakdownJson: key === '' ? null : toJson(o.breakdown),
                ...numbers,
                source: 'import',
                createdAt: now,
                updatedAt: now,
                version: 1,
              })
              .execute();
        }
      },
    };
  },

  async template(db, planId, locale) {
    const indicators = (await findIndicatorRows(db, planId)).filter((i) => i.dataSource !== 'registrations');
    const first = indicators[0];
    const year = todayInDenmark().slice(0, 4);
    const kind = first?.kind ?? 'count';
    const b = first ? definitionOf(first).breakdowns[0] : undefined;
    const example: Record<Key, string> = {
      indicator:
        first?.name ?? (locale === 'da' ? 'Antal unge i fritidsjob' : 'Young people in leisure jobs'),
      period: year,
      breakdown: b ? `${b.label}=${b.categories[0]}` : '',
      state: locale === 'da' ? 'værdi' : 'value',
      value: kind === 'count' ? '12' : kind === 'yes_no' ? '1' : '',
      numerator: kind === 'percentage' ? '9' : '',
      denominator: kind === 'percentage' ? '20' : '',
      sum: kind === 'average' ? (locale === 'da' ? '37,5' : '37.5') : '',
      count: kind === 'average' ? '10' : '',
      note: exampleNote(locale),
    };
    return {
      headers: VALUE_COLUMNS.map((c) => c[locale]),
      example: VALUE_COLUMNS.map((c) => example[c.key]),
    };
  },
};
