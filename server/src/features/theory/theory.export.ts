import type { Locale, TheoryDetail, TocNodeKind } from '@pejling/contracts';
import { toXlsxBook, type ExportColumn } from '../exports/export.js';

export const KIND_LABELS: Record<TocNodeKind, { da: string; en: string }> = {
  activity: { da: 'Aktivitet', en: 'Activity' },
  output: { da: 'Output', en: 'Output' },
  shortTermResult: { da: 'Kortsigtet resultat', en: 'Short-term result' },
  longTermResult: { da: 'Langsigtet resultat', en: 'Long-term result' },
  impact: { da: 'Effekt', en: 'Impact' },
  assumption: { da: 'Antagelse', en: 'Assumption' },
  externalFactor: { da: 'Ekstern faktor', en: 'External factor' },
};
const LINK_LABELS = {
  activity: { da: 'Aktivitet', en: 'Activity' },
  goal: { da: 'Mål', en: 'Goal' },
  indicator: { da: 'Indikator', en: 'Indicator' },
};

type Node = TheoryDetail['nodes'][number];
type EdgeRow = TheoryDetail['edges'][number] & { fromLabel: string; toLabel: string };

function linkedName(n: Node, locale: Locale): string | null {
  const live = n.live;
  if (!live) return null;
  switch (live.type) {
    case 'activity':
      return live.name;
    case 'goal':
      return live.title;
    case 'indicator':
      return live.name;
    case 'missing':
      return locale === 'da' ? '(slettet)' : '(deleted)';
  }
}

/** The diagram as a workbook: one sheet of elements, one of arrows with both ends' labels. */
export async function theoryWorkbook(t: TheoryDetail, locale: Locale): Promise<Buffer> {
  const nodeColumns: ExportColumn<Node>[] = [
    { header: { da: 'Id', en: 'Id' }, value: (n) => n.id, width: 12 },
    { header: { da: 'Type', en: 'Kind' }, value: (n) => KIND_LABELS[n.kind][locale], width: 20 },
    { header: { da: 'Tekst', en: 'Label' }, value: (n) => n.label, width: 40 },
    { header: { da: 'Beskrivelse', en: 'Description' }, value: (n) => n.description ?? null, width: 40 },
    {
      header: { da: 'Knyttet til', en: 'Linked to' },
      value: (n) => (n.link ? LINK_LABELS[n.link.type][locale] : null),
      width: 14,
    },
    {
      header: { da: 'Navn i planen', en: 'Name in the plan' },
      value: (n) => linkedName(n, locale),
      width: 36,
    },
    {
      header: { da: 'Seneste værdi', en: 'Latest value' },
      value: (n) => (n.live?.type === 'indicator' ? n.live.latestValue : null),
      width: 14,
    },
    {
      header: { da: 'Periode', en: 'Period' },
      value: (n) => (n.live?.type === 'indicator' ? n.live.latestPeriod : null),
      width: 12,
    },
    {
      header: { da: 'Mål (værdi)', en: 'Target' },
      value: (n) => (n.live?.type === 'indicator' ? n.live.target : null),
      width: 12,
    },
    { header: { da: 'x', en: 'x' }, value: (n) => Math.round(n.x), width: 8 },
    { header: { da: 'y', en: 'y' }, value: (n) => Math.round(n.y), width: 8 },
  ];
  const label = new Map(t.nodes.map((n) => [n.id, n.label]));
  const edges: EdgeRow[] = t.edges.map((e) => ({
    ...e,
    fromLabel: label.get(e.from) ?? e.from,
    toLabel: label.get(e.to) ?? e.to,
  }));
  const edgeColumns: ExportColumn<EdgeRow>[] = [
    { header: { da: 'Fra', en: 'From' }, value: (e) => e.fromLabel, width: 36 },
    { header: { da: 'Til', en: 'To' }, value: (e) => e.toLabel, width: 36 },
    { header: { da: 'Begrundelse', en: 'Rationale' }, value: (e) => e.rationale, width: 60 },
    { header: { da: 'Fra id', en: 'From id' }, value: (e) => e.from, width: 12 },
    { header: { da: 'Til id', en: 'To id' }, value: (e) => e.to, width: 12 },
  ];
  return toXlsxBook(
    [
      { name: locale === 'da' ? 'Elementer' : 'Elements', rows: t.nodes, columns: nodeColumns },
      { name: locale === 'da' ? 'Pile' : 'Arrows', rows: edges, columns: edgeColumns },
    ],
    locale,
  );
}
