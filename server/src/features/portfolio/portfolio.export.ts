import type {
  AggregateValue,
  ComplianceRow,
  GrantUseRow,
  Locale,
  PortfolioCompare,
  PortfolioIndicators,
  PortfolioPlan,
  SharedGoalRollup,
} from '@pejling/contracts';
import { periodLabel } from '../../domain/periods.js';
import {
  NOT_DETERMINED_LABEL,
  ORGANISATION_TYPE_LABELS,
  SECRETARIAT_TYPE_LABELS,
} from '../../domain/typology.js';
import type { ExportColumn } from '../exports/export.js';

/** Columns of every portfolio view's spreadsheet, in Danish and English. */
const h = (da: string, en: string) => ({ da, en });
const kr = (ore: number) => ore / 100;
const STATUS = { draft: h('Kladde', 'Draft'), active: h('Aktiv', 'Active'), ended: h('Afsluttet', 'Ended') };
const STATE = {
  value: h('værdi', 'value'),
  missing: h('mangler', 'missing'),
  suppressed: h('diskretioneret', 'suppressed'),
};
const TARGET_STATUS = {
  on_track: h('på sporet', 'on track'),
  ahead: h('foran', 'ahead'),
  behind: h('bagud', 'behind'),
  no_data: h('ingen data', 'no data'),
};
const LEVEL = {
  strong: h('stærk', 'strong'),
  partial: h('delvis', 'partial'),
  weak: h('svag', 'weak'),
  no_data: h('ingen data', 'no data'),
};
const pick = <T extends Record<string, { da: string; en: string }>>(map: T, key: string, l: Locale) =>
  (map as Record<string, { da: string; en: string }>)[key]?.[l] ?? key;

export function planColumns(l: Locale): ExportColumn<PortfolioPlan>[] {
  return [
    { header: h('Helhedsplan', 'Plan'), value: (p) => p.name, width: 35 },
    { header: h('Status', 'Status'), value: (p) => pick(STATUS, p.status, l), width: 12 },
    { header: h('Pulje', 'Pool'), value: (p) => p.poolName, width: 12 },
    { header: h('Kommune', 'Municipality'), value: (p) => p.municipalityName, width: 22 },
    {
      header: h('Boligorganisation', 'Housing organisation'),
      value: (p) => p.housingOrganisationName,
      width: 30,
    },
    { header: h('Områdesekretariat', 'Area secretariat'), value: (p) => p.areaSecretariatName, width: 22 },
    { header: h('Lejemål', 'Dwellings'), value: (p) => p.dwellings, width: 10 },
    { header: h('Bevilget (kr.)', 'Granted (DKK)'), value: (p) => kr(p.grantTotalOre), width: 15 },
    { header: h('Aktive aktiviteter', 'Active activities'), value: (p) => p.activeActivities, width: 12 },
    { header: h('Deltagere', 'Participants'), value: (p) => p.participants, width: 12 },
    {
      header: h('Organisationstype', 'Organisation type'),
      value: (p) =>
        (ORGANISATION_TYPE_LABELS[p.organisationType as keyof typeof ORGANISATION_TYPE_LABELS] ??
          NOT_DETERMINED_LABEL)[l],
      width: 35,
    },
    {
      header: h('Sekretariatstype', 'Secretariat type'),
      value: (p) =>
        (SECRETARIAT_TYPE_LABELS[p.secretariatType as keyof typeof SECRETARIAT_TYPE_LABELS] ??
          NOT_DETERMINED_LABEL)[l],
      width: 30,
    },
    { header: h('Periode start', 'Period start'), value: (p) => p.periodStart, width: 12 },
    { header: h('Periode slut', 'Period end'), value: (p) => p.periodEnd, width: 12 },
    { header: h('Eksempeldata', 'Example data'), value: (p) => p.isExample, width: 12 },
  ];
}

export interface IndicatorRow {
  indicator: string;
  kind: string;
  unit: string | null;
  group: string;
  v: AggregateValue;
}

export function indicatorRows(r: PortfolioIndicators, l: Locale): IndicatorRow[] {
  return r.indicators.flatMap((i) => [
    ...i.groups.flatMap((g) =>
      g.values.map((v) => ({
        indicator: i.sharedIndicator.name,
        kind: i.sharedIndicator.kind,
        unit: i.sharedIndicator.unit,
        group: g.label[l],
        v,
      })),
    ),
    ...(r.groupBy === 'none'
      ? []
      : i.total.map((v) => ({
          indicator: i.sharedIndicator.name,
          kind: i.sharedIndicator.kind,
          unit: i.sharedIndicator.unit,
          group: l === 'da' ? 'I alt' : 'Total',
          v,
        }))),
  ]);
}

function valueColumns<T>(l: Locale, v: (r: T) => AggregateValue): ExportColumn<T>[] {
  return [
    { header: h('Periode', 'Period'), value: (r) => periodLabel(v(r).period, l), width: 14 },
    { header: h('Værdi', 'Value'), value: (r) => v(r).value, width: 12 },
    { header: h('Tilstand', 'State'), value: (r) => pick(STATE, v(r).state, l), width: 14 },
    { header: h('Tæller', 'Numerator'), value: (r) => v(r).numerator, width: 10 },
    { header: h('Nævner', 'Denominator'), value: (r) => v(r).denominator, width: 10 },
    { header: h('Planer med værdi', 'Plans with a value'), value: (r) => v(r).n, width: 10 },
    { header: h('Mangler', 'Missing'), value: (r) => v(r).nMissing, width: 10 },
    { header: h('Diskretioneret', 'Suppressed'), value: (r) => v(r).nSuppressed, width: 12 },
    { header: h('Delvise', 'Partial'), value: (r) => v(r).nPartial, width: 10 },
    { header: h('Mål', 'Target'), value: (r) => v(r).target, width: 10 },
    { header: h('Status', 'Status'), value: (r) => pick(TARGET_STATUS, v(r).status, l), width: 12 },
  ];
}

export function indicatorColumns(l: Locale): ExportColumn<IndicatorRow>[] {
  return [
    { header: h('Fælles indikator', 'Shared indicator'), value: (r) => r.indicator, width: 35 },
    { header: h('Enhed', 'Unit'), value: (r) => r.unit, width: 12 },
    { header: h('Gruppe', 'Group'), value: (r) => r.group, width: 30 },
    ...valueColumns<IndicatorRow>(l, (r) => r.v),
  ];
}

export function complianceColumns(l: Locale): ExportColumn<ComplianceRow>[] {
  const kind = {
    registrations: h('Registreringer', 'Registrations'),
    status_report: h('Statusrapport', 'Status report'),
  };
  return [
    { header: h('Helhedsplan', 'Plan'), value: (r) => r.planName, width: 35 },
    { header: h('Kommune', 'Municipality'), value: (r) => r.municipalityName, width: 20 },
    { header: h('Pulje', 'Pool'), value: (r) => r.poolName, width: 12 },
    { header: h('Hvad', 'What'), value: (r) => pick(kind, r.kind, l), width: 16 },
    { header: h('Aktivitet eller år', 'Activity or year'), value: (r) => r.subject, width: 30 },
    { header: h('Frist', 'Due'), value: (r) => r.due, width: 12 },
    { header: h('Dage for sent', 'Days late'), value: (r) => r.daysLate, width: 12 },
    { header: h('Ansvarlige', 'Responsible'), value: (r) => r.responsible.join(', '), width: 35 },
  ];
}

export function grantColumns(l: Locale): ExportColumn<GrantUseRow>[] {
  void l;
  return [
    { header: h('Helhedsplan', 'Plan'), value: (r) => r.planName, width: 35 },
    { header: h('Pulje', 'Pool'), value: (r) => r.poolName, width: 12 },
    { header: h('Bevilget (kr.)', 'Granted (DKK)'), value: (r) => kr(r.grantedOre), width: 15 },
    { header: h('Disponeret (kr.)', 'Committed (DKK)'), value: (r) => kr(r.committedOre), width: 15 },
    { header: h('Forbrugt (kr.)', 'Spent (DKK)'), value: (r) => kr(r.spentOre), width: 15 },
    { header: h('Forbrugt andel', 'Share spent'), value: (r) => r.spentShare, width: 12 },
    { header: h('Tid gået', 'Time gone'), value: (r) => r.timeElapsedShare, width: 12 },
    { header: h('Bevilling start', 'Grant start'), value: (r) => r.grantStart, width: 12 },
    { header: h('Bevilling slut', 'Grant end'), value: (r) => r.grantEnd, width: 12 },
    { header: h('Måneder tilbage', 'Months left'), value: (r) => r.monthsLeft, width: 12 },
  ];
}

export interface CompareRow {
  plan: PortfolioCompare['plans'][number];
  indicator: PortfolioCompare['indicators'][number] | null;
  value: PortfolioCompare['plans'][number]['values'][number] | null;
}

export function compareRows(r: PortfolioCompare): CompareRow[] {
  return r.plans.flatMap((plan) =>
    r.indicators.length === 0
      ? [{ plan, indicator: null, value: null } as CompareRow]
      : r.indicators.map((indicator, j): CompareRow => ({ plan, indicator, value: plan.values[j] ?? null })),
  );
}

export function compareColumns(l: Locale, period: string): ExportColumn<CompareRow>[] {
  return [
    { header: h('Helhedsplan', 'Plan'), value: (r) => r.plan.planName, width: 35 },
    { header: h('Kommune', 'Municipality'), value: (r) => r.plan.municipalityName, width: 20 },
    { header: h('Huller i sammenhængen', 'Coherence gaps'), value: (r) => r.plan.coherence.flags, width: 12 },
    {
      header: h('Pejlemærker (data / spørgeskema)', 'Implementation markers (data / questionnaire)'),
      value: (r) =>
        r.plan.markers
          .map((m) => `${m.number}: ${pick(LEVEL, m.evidence, l)} / ${pick(LEVEL, m.questionnaire, l)}`)
          .join('; '),
      width: 40,
    },
    { header: h('Fælles indikator', 'Shared indicator'), value: (r) => r.indicator?.name, width: 30 },
    { header: h('Periode', 'Period'), value: () => periodLabel(period, l), width: 10 },
    { header: h('Værdi', 'Value'), value: (r) => r.value?.value, width: 12 },
    {
      header: h('Tilstand', 'State'),
      value: (r) => (r.value ? pick(STATE, r.value.state, l) : null),
      width: 14,
    },
    { header: h('Grundlag (n)', 'Observations (n)'), value: (r) => r.value?.observations, width: 14 },
    { header: h('Placering', 'Rank'), value: (r) => r.value?.rank, width: 10 },
    { header: h('Mål', 'Target'), value: (r) => r.value?.target, width: 10 },
    {
      header: h('Status', 'Status'),
      value: (r) => (r.value ? pick(TARGET_STATUS, r.value.status, l) : null),
      width: 12,
    },
  ];
}

export interface RollupRow {
  indicator: string;
  plan: string;
  planIndicator: string;
  v:
    | AggregateValue
    | (Omit<AggregateValue, 'n' | 'nMissing' | 'nSuppressed' | 'nPartial'> & Partial<AggregateValue>);
}

export function rollupRows(r: SharedGoalRollup, l: Locale): RollupRow[] {
  return r.indicators.flatMap((i) => [
    ...i.plans.flatMap((p) =>
      p.values.map((v) => ({
        indicator: i.sharedIndicator.name,
        plan: p.planName,
        planIndicator: p.indicatorName,
        v,
      })),
    ),
    ...i.whole.map((v) => ({
      indicator: i.sharedIndicator.name,
      plan: l === 'da' ? 'Alle planer' : 'All plans',
      planIndicator: '',
      v,
    })),
  ]);
}

export function rollupColumns(l: Locale): ExportColumn<RollupRow>[] {
  return [
    { header: h('Fælles indikator', 'Shared indicator'), value: (r) => r.indicator, width: 30 },
    { header: h('Helhedsplan', 'Plan'), value: (r) => r.plan, width: 30 },
    { header: h('Planens indikator', "The plan's indicator"), value: (r) => r.planIndicator, width: 30 },
    { header: h('Periode', 'Period'), value: (r) => periodLabel(r.v.period, l), width: 14 },
    { header: h('Værdi', 'Value'), value: (r) => r.v.value, width: 12 },
    { header: h('Tilstand', 'State'), value: (r) => pick(STATE, r.v.state, l), width: 14 },
    { header: h('Planer med værdi', 'Plans with a value'), value: (r) => r.v.n ?? null, width: 10 },
    { header: h('Mål', 'Target'), value: (r) => r.v.target, width: 10 },
    { header: h('Status', 'Status'), value: (r) => pick(TARGET_STATUS, r.v.status, l), width: 12 },
  ];
}
