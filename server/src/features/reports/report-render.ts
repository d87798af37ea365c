// Status reports as PDF and Word. Both files are drawn from one list of blocks (title block,
// status, narrative, goal progress, activities, coherence, history), so they say the same
// things in the same order; this module does no I/O and knows nothing of the database.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  NoBreakHyphen,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import PDFDocument from 'pdfkit';
import type {
  ActivityStatus,
  CoherenceFlag,
  CoherenceFlagKind,
  GoalLevel,
  Locale,
  Report,
  ReportAudience,
  ReportFigures,
  ReportStatus,
  TargetStatus,
} from '@pejling/contracts';

// ---------- Texts ----------

const TEXTS = {
  da: {
    language: 'da-DK',
    numberLocale: 'da-DK',
    audience: {
      steering_group: 'Til styregruppen',
      fund: 'Til Landsbyggefonden',
    } satisfies Record<ReportAudience, string>,
    facts: {
      plan: 'Plan',
      municipality: 'Kommune',
      housingOrganisation: 'Boligorganisation',
      pool: 'Pulje',
      period: 'Periode',
      computedAt: 'Tallene er beregnet',
    },
    period: {
      whole: 'Hele planperioden',
      half: (n: string, year: string) => `${n}. halvår ${year}`,
      quarter: (n: string, year: string) => `${n}. kvartal ${year}`,
    },
    draft: 'Kladde — tallene er foreløbige',
    submitted: (date: string) => `Indsendt til godkendelse den ${date}.`,
    approved: (name: string, date: string, frozen: string) =>
      `Godkendt af ${name} den ${date}; tallene er låst pr. ${frozen}`,
    sent: (date: string, to: string | null) => (to ? `Sendt den ${date} til ${to}` : `Sendt den ${date}`),
    unknownPerson: 'ukendt',
    example: 'Eksempeldata: planen og dens tal er opdigtede eksempler.',
    narrative: {
      summary: 'Sammenfatning',
      progress: 'Fremdrift',
      deviations: 'Afvigelser og udfordringer',
      nextSteps: 'Næste skridt',
    },
    notFilledIn: 'Ikke udfyldt',
    goals: {
      heading: 'Målopfyldelse',
      caption: 'Indikatorer pr. mål med baseline, værdi for perioden, måltal og status',
      indicator: 'Indikator',
      baseline: 'Baseline',
      value: 'Værdi i perioden',
      target: 'Måltal',
      status: 'Status',
      none: 'Planen har ingen mål endnu.',
      noIndicators: 'Målet har ingen indikatorer.',
    },
    level: {
      impact: 'Effektmål',
      result: 'Resultatmål',
      activity: 'Aktivitetsmål',
    } satisfies Record<GoalLevel, string>,
    targetStatus: {
      on_track: 'I mål',
      ahead: 'Foran',
      behind: 'Bagud',
      no_data: 'Ingen data',
    } satisfies Record<TargetStatus, string>,
    noData: 'Ingen data',
    suppressed: 'Undertrykt',
    partial: 'delvis',
    notSet: 'Ikke sat',
    yes: 'Ja',
    no: 'Nej',
    activities: {
      heading: 'Aktiviteter',
      caption: 'Aktiviteternes status, registreringer og deltagere i perioden',
      name: 'Aktivitet',
      status: 'Status',
      registrations: 'Registreringer i perioden',
      participants: 'Deltagere i perioden',
      note: 'Bemærkning',
      overdue: (date: string) => `Forsinket siden ${date}`,
      none: 'Planen har ingen aktiviteter.',
    },
    activityStatus: {
      planned: 'Planlagt',
      running: 'I gang',
      paused: 'På pause',
      ended: 'Afsluttet',
    } satisfies Record<ActivityStatus, string>,
    coherence: {
      heading: 'Sammenhæng',
      measured: (x: string, y: string) => `${x} af ${y} resultat- og effektmål har målte værdier.`,
      none: 'Der er ingen sammenhængsflag.',
      since: (date: string) => `siden ${date}`,
    },
    flag: {
      goal_without_activity: 'Mål uden aktivitet',
      goal_without_indicator: 'Mål uden indikator',
      indicator_without_baseline: 'Indikator uden baseline',
      indicator_without_target: 'Indikator uden måltal',
      activity_without_goal: 'Aktivitet, der ikke tjener et mål',
      registrations_overdue: 'Forsinkede registreringer',
      only_activity_goals_measured: 'Kun aktivitetsmål måles',
    } satisfies Record<CoherenceFlagKind, string>,
    history: {
      heading: 'Forløb',
      caption: 'Rapportens statusskift: hvornår, hvad og af hvem',
      at: 'Tidspunkt',
      event: 'Hændelse',
      by: 'Af',
      note: 'Bemærkning',
      none: 'Ingen hændelser endnu.',
      created: 'Oprettet som kladde',
      returned: 'Sendt tilbage til kladde',
    },
    event: {
      draft: 'Oprettet som kladde',
      submitted: 'Indsendt til godkendelse',
      approved: 'Godkendt',
      sent: 'Sendt',
    } satisfies Record<ReportStatus, string>,
    dateTime: (date: string, time: string) => `${date} kl. ${time}`,
    pageWords: { before: 'Side ', between: ' af ' },
  },
  en: {
    language: 'en-GB',
    numberLocale: 'en-GB',
    audience: {
      steering_group: 'For the steering group',
      fund: 'For Landsbyggefonden',
    },
    facts: {
      plan: 'Plan',
      municipality: 'Municipality',
      housingOrganisation: 'Housing organisation',
      pool: 'Pool',
      period: 'Period',
      computedAt: 'Figures computed',
    },
    period: {
      whole: 'The whole plan period',
      half: (n: string, year: string) => `${n === '1' ? 'First' : 'Second'} half of ${year}`,
      quarter: (n: string, year: string) => `Q${n} ${year}`,
    },
    draft: 'Draft — the figures are provisional',
    submitted: (date: string) => `Submitted for approval on ${date}.`,
    approved: (name: string, date: string, frozen: string) =>
      `Approved by ${name} on ${date}; the figures are frozen as of ${frozen}`,
    sent: (date: string, to: string | null) => (to ? `Sent on ${date} to ${to}` : `Sent on ${date}`),
    unknownPerson: 'unknown',
    example: 'Example data: the plan and its figures are invented examples.',
    narrative: {
      summary: 'Summary',
      progress: 'Progress',
      deviations: 'Deviations and challenges',
      nextSteps: 'Next steps',
    },
    notFilledIn: 'Not filled in',
    goals: {
      heading: 'Goal progress',
      caption: 'Indicators by goal with baseline, value for the period, target and status',
      indicator: 'Indicator',
      baseline: 'Baseline',
      value: 'Value for the period',
      target: 'Target',
      status: 'Status',
      none: 'The plan has no goals yet.',
      noIndicators: 'The goal has no indicators.',
    },
    level: {
      impact: 'Impact goal',
      result: 'Result goal',
      activity: 'Activity goal',
    },
    targetStatus: {
      on_track: 'On track',
      ahead: 'Ahead',
      behind: 'Behind',
      no_data: 'No data',
    },
    noData: 'No data',
    suppressed: 'Suppressed',
    partial: 'partial',
    notSet: 'Not set',
    yes: 'Yes',
    no: 'No',
    activities: {
      heading: 'Activities',
      caption: 'The activities’ status, registrations and participants in the period',
      name: 'Activity',
      status: 'Status',
      registrations: 'Registrations in the period',
      participants: 'Participants in the period',
      note: 'Note',
      overdue: (date: string) => `Overdue since ${date}`,
      none: 'The plan has no activities.',
    },
    activityStatus: {
      planned: 'Planned',
      running: 'Running',
      paused: 'Paused',
      ended: 'Ended',
    },
    coherence: {
      heading: 'Coherence',
      measured: (x: string, y: string) => `${x} of ${y} result and impact goals have measured values.`,
      none: 'There are no coherence flags.',
      since: (date: string) => `since ${date}`,
    },
    flag: {
      goal_without_activity: 'Goal without an activity',
      goal_without_indicator: 'Goal without an indicator',
      indicator_without_baseline: 'Indicator without a baseline',
      indicator_without_target: 'Indicator without a target',
      activity_without_goal: 'Activity that serves no goal',
      registrations_overdue: 'Overdue registrations',
      only_activity_goals_measured: 'Only activity goals are measured',
    },
    history: {
      heading: 'History',
      caption: 'The report’s status changes: when, what and by whom',
      at: 'When',
      event: 'Event',
      by: 'By',
      note: 'Note',
      none: 'No events yet.',
      created: 'Created as a draft',
      returned: 'Returned to draft',
    },
    event: {
      draft: 'Created as a draft',
      submitted: 'Submitted for approval',
      approved: 'Approved',
      sent: 'Sent',
    },
    dateTime: (date: string, time: string) => `${date} ${time}`,
    pageWords: { before: 'Page ', between: ' of ' },
  },
} as const;
type Texts = (typeof TEXTS)['da'] | (typeof TEXTS)['en'];

// ---------- Input ----------

export interface RenderInput {
  report: Report;
  plan: {
    name: string;
    municipalityName: string;
    housingOrganisationName: string;
    poolName: string;
    periodStart: string | null;
    periodEnd: string | null;
    isExample: boolean;
  };
  locale: Locale;
}

// ---------- Words for periods, dates and numbers ----------

/** A period key as words: `2025`, `1. halvår 2025`, `3. kvartal 2025`, `Hele planperioden`. */
export function periodWords(key: string, locale: Locale): string {
  const t = TEXTS[locale];
  const text = key.trim();
  if (text.toLowerCase() === 'whole') return t.period.whole;
  const m = /^(\d{4})(?:-([HQ])(\d))?$/i.exec(text);
  if (!m) return text;
  const [, year, kind, n] = m;
  if (!kind) return year!;
  return kind.toUpperCase() === 'H' ? t.period.half(n!, year!) : t.period.quarter(n!, year!);
}

const copenhagen = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Day and time in Denmark of an ISO date or timestamp; null when it does not parse. */
function danishParts(value: string): { date: string; time: string | null } | null {
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (plain) return { date: `${plain[3]}-${plain[2]}-${plain[1]}`, time: null };
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return null;
  const part = (type: string) => copenhagen.formatToParts(d).find((p) => p.type === type)?.value ?? '';
  return {
    date: `${part('day')}-${part('month')}-${part('year')}`,
    time: `${part('hour')}:${part('minute')}`,
  };
}

/** `24-12-2026` from `2026-12-24`, or from a timestamp as the day it was in Denmark. */
function dateText(value: string | null | undefined): string {
  if (!value) return '';
  return danishParts(value)?.date ?? value;
}

function dateTimeText(value: string, t: Texts): string {
  const p = danishParts(value);
  if (!p) return value;
  return p.time ? t.dateTime(p.date, p.time) : p.date;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
/** `1.234,5` in Danish, `1,234.5` in English; at most one decimal. */
function numberText(value: number, t: Texts): string {
  let f = numberFormats.get(t.numberLocale);
  if (!f) {
    f = new Intl.NumberFormat(t.numberLocale, { maximumFractionDigits: 1 });
    numberFormats.set(t.numberLocale, f);
  }
  return f.format(value);
}

type IndicatorFigures = ReportFigures['goals'][number]['indicators'][number];

/** An indicator's number with its unit: `62,5 %`, `1.234 personer`, `Ja`. */
function measureText(indicator: IndicatorFigures, value: number, t: Texts): string {
  if (indicator.kind === 'yes_no') return value >= 1 ? t.yes : t.no;
  const n = numberText(value, t);
  if (indicator.kind === 'percentage') return `${n} %`;
  return indicator.unit && indicator.unit !== '%' ? `${n} ${indicator.unit}` : n;
}

/** The value for the period: missing and suppressed values are named, never shown as 0. */
function valueText(indicator: IndicatorFigures, t: Texts): string {
  if (indicator.state === 'suppressed') return t.suppressed;
  if (indicator.state === 'missing' || indicator.value === null) return t.noData;
  const text = measureText(indicator, indicator.value, t);
  return indicator.complete ? text : `${text} (${t.partial})`;
}

// ---------- The document as blocks ----------

interface Column {
  header: string;
  /** Share of the text width; a column's longest single word must fit in it. */
  width: number;
  align?: 'left' | 'right';
}
type Row = { kind: 'group'; text: string } | { kind: 'cells'; cells: string[] };
type Block =
  | { kind: 'title'; text: string }
  | { kind: 'subtitle'; text: string }
  | { kind: 'facts'; items: [string, string][] }
  | { kind: 'status'; lines: string[] }
  | { kind: 'notice'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraphs'; text: string }
  | { kind: 'empty'; text: string }
  | { kind: 'table'; caption: string; columns: Column[]; rows: Row[] }
  | { kind: 'list'; items: string[] };

function statusLines(report: Report, t: Texts): string[] {
  if (report.status === 'draft' || report.status === 'submitted') {
    const lines: string[] = [t.draft];
    const submitted = [...report.history].reverse().find((e) => e.status === 'submitted');
    if (report.status === 'submitted' && submitted) lines.push(t.submitted(dateText(submitted.at)));
    return lines;
  }
  const approvedAt =
    report.approvedAt ?? [...report.history].reverse().find((e) => e.status === 'approved')?.at ?? null;
  const lines = [
    t.approved(
      report.approvedByName ?? t.unknownPerson,
      dateText(approvedAt) || '?',
      dateText(report.figures.computedAt) || dateText(approvedAt) || '?',
    ),
  ];
  if (report.status === 'sent') {
    const sentAt =
      report.sentAt ?? [...report.history].reverse().find((e) => e.status === 'sent')?.at ?? null;
    lines.push(t.sent(dateText(sentAt) || '?', report.sentTo));
  }
  return lines;
}

function periodFact(input: RenderInput): string {
  const f = input.report.figures;
  const words = periodWords(input.report.period || f.period, input.locale);
  const start = f.periodStart || input.plan.periodStart;
  const end = f.periodEnd || input.plan.periodEnd;
  if (!start || !end) return words;
  const range = `${dateText(start)} – ${dateText(end)}`;
  return words === range ? words : `${words} (${range})`;
}

function flagText(flag: CoherenceFlag, t: Texts): string {
  const label = t.flag[flag.kind];
  if (flag.entity === 'plan' || flag.kind === 'only_activity_goals_measured') return label;
  const level = flag.entity === 'goal' && flag.goalLevel ? ` (${t.level[flag.goalLevel].toLowerCase()})` : '';
  const since = flag.since ? ` (${t.coherence.since(dateText(flag.since))})` : '';
  return `${label}: ${flag.name}${level}${since}`;
}

function historyEvent(status: ReportStatus, index: number, t: Texts): string {
  if (status === 'draft') return index === 0 ? t.history.created : t.history.returned;
  return t.event[status];
}

function reportBlocks(input: RenderInput): Block[] {
  const { report, plan } = input;
  const t = TEXTS[input.locale];
  const f = report.figures;
  const blocks: Block[] = [
    { kind: 'title', text: report.title },
    { kind: 'subtitle', text: t.audience[report.audience] },
    {
      kind: 'facts',
      items: [
        [t.facts.plan, plan.name],
        [t.facts.municipality, plan.municipalityName],
        [t.facts.housingOrganisation, plan.housingOrganisationName],
        [t.facts.pool, plan.poolName],
        [t.facts.period, periodFact(input)],
        ...(f.computedAt ? [[t.facts.computedAt, dateTimeText(f.computedAt, t)] as [string, string]] : []),
      ],
    },
    { kind: 'status', lines: statusLines(report, t) },
  ];
  if (plan.isExample) blocks.push({ kind: 'notice', text: t.example });

  for (const key of ['summary', 'progress', 'deviations', 'nextSteps'] as const) {
    const text = report.narrative[key]?.trim();
    blocks.push({ kind: 'heading', text: t.narrative[key] });
    blocks.push(text ? { kind: 'paragraphs', text } : { kind: 'empty', text: t.notFilledIn });
  }

  blocks.push({ kind: 'heading', text: t.goals.heading });
  if (f.goals.length === 0) blocks.push({ kind: 'empty', text: t.goals.none });
  else
    blocks.push({
      kind: 'table',
      caption: t.goals.caption,
      columns: [
        { header: t.goals.indicator, width: 0.32 },
        { header: t.goals.baseline, width: 0.15, align: 'right' },
        { header: t.goals.value, width: 0.19, align: 'right' },
        { header: t.goals.target, width: 0.15, align: 'right' },
        { header: t.goals.status, width: 0.19 },
      ],
      rows: f.goals.flatMap((goal): Row[] => [
        { kind: 'group', text: `${t.level[goal.level]}: ${goal.title}` },
        ...(goal.indicators.length === 0
          ? [{ kind: 'cells' as const, cells: [t.goals.noIndicators, '', '', '', ''] }]
          : goal.indicators.map((ind) => ({
              kind: 'cells' as const,
              cells: [
                ind.name,
                ind.baseline === null ? t.notSet : measureText(ind, ind.baseline, t),
                valueText(ind, t),
                ind.target === null ? t.notSet : measureText(ind, ind.target, t),
                t.targetStatus[ind.status],
              ],
            }))),
      ]),
    });

  blocks.push({ kind: 'heading', text: t.activities.heading });
  if (f.activities.length === 0) blocks.push({ kind: 'empty', text: t.activities.none });
  else
    blocks.push({
      kind: 'table',
      caption: t.activities.caption,
      columns: [
        { header: t.activities.name, width: 0.38 },
        { header: t.activities.status, width: 0.12 },
        { header: t.activities.registrations, width: 0.16, align: 'right' },
        { header: t.activities.participants, width: 0.14, align: 'right' },
        { header: t.activities.note, width: 0.2 },
      ],
      rows: f.activities.map((a) => ({
        kind: 'cells',
        cells: [
          a.name,
          t.activityStatus[a.status],
          numberText(a.registrations, t),
          numberText(a.participants, t),
          a.overdueSince ? t.activities.overdue(dateText(a.overdueSince)) : '',
        ],
      })),
    });

  blocks.push({ kind: 'heading', text: t.coherence.heading });
  blocks.push({
    kind: 'paragraphs',
    text: t.coherence.measured(
      numberText(f.coherence.outcomeGoalsMeasured, t),
      numberText(f.coherence.outcomeGoals, t),
    ),
  });
  if (f.coherence.flags.length === 0) blocks.push({ kind: 'empty', text: t.coherence.none });
  else blocks.push({ kind: 'list', items: f.coherence.flags.map((flag) => flagText(flag, t)) });

  blocks.push({ kind: 'heading', text: t.history.heading });
  if (report.history.length === 0) blocks.push({ kind: 'empty', text: t.history.none });
  else
    blocks.push({
      kind: 'table',
      caption: t.history.caption,
      columns: [
        { header: t.history.at, width: 0.22 },
        { header: t.history.event, width: 0.26 },
        { header: t.history.by, width: 0.22 },
        { header: t.history.note, width: 0.3 },
      ],
      rows: report.history.map((e, i) => ({
        kind: 'cells',
        cells: [dateTimeText(e.at, t), historyEvent(e.status, i, t), e.byName ?? '', e.note ?? ''],
      })),
    });
  return blocks.map(cleanBlock);
}

/**
 * Text as both formats can hold it: a line or page break pasted from Word (vertical tab, form
 * feed) becomes a newline, and other control characters and lone surrogates, which would make
 * the Word file's XML invalid, are dropped.
 */
export function cleanText(text: string): string {
  return (
    text
      .replace(/\r\n?|[\v\f\u2028\u2029]/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000e-\u001f\u007f\ufffe\uffff]/g, '')
      .replace(/\t/g, ' ')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
  );
}

function cleanBlock(b: Block): Block {
  switch (b.kind) {
    case 'facts':
      return { ...b, items: b.items.map(([l, v]): [string, string] => [cleanText(l), cleanText(v)]) };
    case 'status':
      return { ...b, lines: b.lines.map(cleanText) };
    case 'list':
      return { ...b, items: b.items.map(cleanText) };
    case 'table':
      return {
        ...b,
        rows: b.rows.map((r) =>
          r.kind === 'group' ? { ...r, text: cleanText(r.text) } : { ...r, cells: r.cells.map(cleanText) },
        ),
      };
    default:
      return { ...b, text: cleanText(b.text) };
  }
}

/** Narrative text as paragraphs: a blank line starts a new one, a single newline breaks the line. */
function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

function footerText(input: RenderInput): string {
  return cleanText(`${input.report.title} · ${input.plan.name}`).replace(/\n/g, ' ');
}

// ---------- PDF ----------

const PDF = {
  margin: { top: 56.7, bottom: 62, left: 56.7, right: 56.7 },
  font: { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' },
  size: { title: 20, subtitle: 12, heading: 13, body: 10.5, table: 9, footer: 8 },
  cellPad: { x: 5, y: 3.5 },
  color: {
    text: '#000000',
    muted: '#444444',
    rule: '#8a8a8a',
    header: '#e6e9ed',
    group: '#f3f4f6',
    notice: '#fff4d6',
  },
};

/**
 * The standard PDF fonts cover WinAnsi: Latin-1 (æ, ø, å, é, ü) and a few typographic marks
 * (– — ’ “ ” • … €). Anything else would print as garbage, so it is replaced by its nearest
 * WinAnsi character or a question mark.
 */
const WIN_ANSI_EXTRA = new Set([
  0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e, 0x192, 0x2c6, 0x2dc, 0x2013, 0x2014, 0x2018, 0x2019,
  0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);
const NEAREST: Record<number, string> = {
  0x2010: '-',
  0x2011: '-',
  0x2012: '-',
  0x2212: '-',
  0x2009: ' ',
  0x200a: ' ',
  0x202f: ' ',
  0x2007: ' ',
  0x2032: "'",
  0x2033: '"',
  0x2264: '<=',
  0x2265: '>=',
  0x2192: '->',
};
export function winAnsiText(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const c = ch.codePointAt(0)!;
    if (c === 0x0a) out += '\n';
    else if (c < 0x20 || (c >= 0x7f && c < 0xa0)) out += ' ';
    else if (c <= 0xff || WIN_ANSI_EXTRA.has(c)) out += ch;
    else if (c === 0x200b || c === 0xfeff || c === 0xad) continue;
    else out += NEAREST[c] ?? '?';
  }
  return out;
}

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

class PdfWriter {
  readonly doc: Doc;
  private readonly root: Struct;
  private readonly width: number;
  private readonly left: number;

  constructor(
    private readonly input: RenderInput,
    private readonly t: Texts,
  ) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: PDF.margin,
      bufferPages: true,
      autoFirstPage: true,
      pdfVersion: '1.7',
      tagged: true,
      lang: t.language,
      displayTitle: true,
      // No `font` option: pdfkit would reset the font to it on every new page.
      info: {
        Title: cleanText(input.report.title),
        Author: 'Pejling',
        Creator: 'Pejling',
        Subject: cleanText(`${input.plan.name}, ${periodWords(input.report.period, input.locale)}`),
      },
    });
    this.left = PDF.margin.left;
    this.width = this.doc.page.width - PDF.margin.left - PDF.margin.right;
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
  }

  private get bottom(): number {
    return this.doc.page.height - PDF.margin.bottom;
  }

  private newPage(): void {
    this.doc.addPage();
    this.doc.x = this.left;
    this.doc.y = PDF.margin.top;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  private ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  /** Tagged text: a structure element of `type` holding the text. */
  private tagged(type: string, draw: () => void, parent: Struct = this.root): void {
    const el = this.doc.struct(type);
    parent.add(el);
    el.add(draw);
    el.end();
  }

  /** Decoration (rules, fills) that is no part of the content. */
  private artifact(draw: () => void): void {
    this.doc.markContent('Artifact', { type: 'Layout' });
    draw();
    this.doc.endMarkedContent();
  }

  private font(name: string, size: number, color: string = PDF.color.text): void {
    this.doc.font(name).fontSize(size).fillColor(color);
  }

  render(blocks: Block[]): void {
    blocks.forEach((block, i) => this.block(block, blocks[i + 1]));
    this.footers();
  }

  /** How much of a block must stand on the page under its heading: a table's header and first rows, or a few lines. */
  private leadHeight(b: Block | undefined): number {
    if (b?.kind !== 'table') return 3 * PDF.size.body * 1.4;
    const widths = b.columns.map((c) => c.width * this.width - 2 * PDF.cellPad.x);
    const height = (cells: string[], font: string) => {
      this.font(font, PDF.size.table);
      return Math.max(
        ...cells.map((c, i) => this.doc.heightOfString(winAnsiText(c), { width: widths[i]!, lineGap: 1 })),
      );
    };
    const first = b.rows
      .slice(0, 2)
      .map((r) => (r.kind === 'group' ? height([r.text], PDF.font.bold) : height(r.cells, PDF.font.regular)));
    return (
      height(
        b.columns.map((c) => c.header),
        PDF.font.bold,
      ) +
      first.reduce((a, h) => a + h, 0) +
      6 * PDF.cellPad.y
    );
  }

  private block(b: Block, next?: Block): void {
    const doc = this.doc;
    switch (b.kind) {
      case 'title':
        this.font(PDF.font.bold, PDF.size.title);
        this.tagged('H1', () => doc.text(winAnsiText(b.text), this.left, doc.y, { width: this.width }));
        doc.outline.addItem(b.text);
        doc.moveDown(0.2);
        return;
      case 'subtitle':
        this.font(PDF.font.regular, PDF.size.subtitle, PDF.color.muted);
        this.tagged('P', () => doc.text(winAnsiText(b.text), this.left, doc.y, { width: this.width }));
        doc.moveDown(0.6);
        return;
      case 'facts':
        for (const [label, value] of b.items) {
          this.tagged('P', () => {
            this.font(PDF.font.bold, PDF.size.body);
            doc.text(winAnsiText(`${label}: `), this.left, doc.y, { width: this.width, continued: true });
            this.font(PDF.font.regular, PDF.size.body);
            doc.text(winAnsiText(value));
          });
          doc.moveDown(0.15);
        }
        doc.moveDown(0.5);
        return;
      case 'status':
        this.font(PDF.font.bold, PDF.size.body);
        for (const line of b.lines) {
          this.tagged('P', () => doc.text(winAnsiText(line), this.left, doc.y, { width: this.width }));
          doc.moveDown(0.15);
        }
        doc.moveDown(0.4);
        return;
      case 'notice': {
        this.font(PDF.font.italic, PDF.size.body);
        const pad = 6;
        const text = winAnsiText(b.text);
        const h = doc.heightOfString(text, { width: this.width - 2 * pad }) + 2 * pad;
        this.ensure(h);
        const y = doc.y;
        this.artifact(() => {
          doc.rect(this.left, y, this.width, h).fillAndStroke(PDF.color.notice, '#c9a227');
        });
        this.font(PDF.font.italic, PDF.size.body);
        this.tagged('P', () => doc.text(text, this.left + pad, y + pad, { width: this.width - 2 * pad }));
        doc.x = this.left;
        doc.y = y + h;
        doc.moveDown(0.6);
        return;
      }
      case 'heading': {
        // Keep a heading with the start of what follows it.
        const lead = this.leadHeight(next);
        this.font(PDF.font.bold, PDF.size.heading);
        this.ensure(doc.currentLineHeight(true) * 1.7 + lead);
        doc.moveDown(0.4);
        this.tagged('H2', () => doc.text(winAnsiText(b.text), this.left, doc.y, { width: this.width }));
        doc.outline.addItem(b.text);
        doc.moveDown(0.3);
        return;
      }
      case 'paragraphs':
        this.font(PDF.font.regular, PDF.size.body);
        for (const p of splitParagraphs(b.text)) {
          this.tagged('P', () =>
            doc.text(winAnsiText(p), this.left, doc.y, { width: this.width, lineGap: 1.5, paragraphGap: 6 }),
          );
        }
        return;
      case 'empty':
        this.font(PDF.font.italic, PDF.size.body, PDF.color.muted);
        this.tagged('P', () => doc.text(winAnsiText(b.text), this.left, doc.y, { width: this.width }));
        doc.moveDown(0.4);
        return;
      case 'list': {
        this.font(PDF.font.regular, PDF.size.body);
        const list = doc.struct('L');
        this.root.add(list);
        for (const item of b.items) {
          const text = winAnsiText(item);
          this.ensure(doc.heightOfString(text, { width: this.width - 18 }) + 4);
          doc.list([text], this.left + 4, doc.y, {
            width: this.width - 4,
            structParent: list,
            bulletRadius: 2,
            textIndent: 12,
            lineGap: 1.5,
            paragraphGap: 3,
          } as PDFKit.Mixins.TextOptions);
          doc.x = this.left;
        }
        list.end();
        doc.moveDown(0.4);
        return;
      }
      case 'table':
        this.table(b);
        return;
    }
  }

  private table(b: Extract<Block, { kind: 'table' }>): void {
    const doc = this.doc;
    const widths = b.columns.map((c) => c.width * this.width);
    const pad = PDF.cellPad;
    const textOpts = (i: number) => ({
      width: widths[i]! - 2 * pad.x,
      align: b.columns[i]!.align ?? 'left',
      lineGap: 1,
    });
    const cellsHeight = (cells: string[], font: string) => {
      this.font(font, PDF.size.table);
      return (
        Math.max(...cells.map((c, i) => (c ? doc.heightOfString(winAnsiText(c), textOpts(i)) : 0)), 10) +
        2 * pad.y
      );
    };
    const groupHeight = (text: string) => {
      this.font(PDF.font.bold, PDF.size.table);
      return doc.heightOfString(winAnsiText(text), { width: this.width - 2 * pad.x, lineGap: 1 }) + 2 * pad.y;
    };
    const rowHeight = (row: Row) =>
      row.kind === 'group' ? groupHeight(row.text) : cellsHeight(row.cells, PDF.font.regular);
    const headers = b.columns.map((c) => c.header);
    const headerHeight = cellsHeight(headers, PDF.font.bold);

    const rule = (y: number) =>
      this.artifact(() => {
        doc
          .moveTo(this.left, y)
          .lineTo(this.left + this.width, y)
          .lineWidth(0.5)
          .strokeColor(PDF.color.rule)
          .stroke();
      });
    const fill = (y: number, h: number, color: string) =>
      this.artifact(() => {
        doc.rect(this.left, y, this.width, h).fill(color);
      });
    const drawCells = (
      cells: string[],
      y: number,
      font: string,
      cellType: 'TH' | 'TD',
      tr: Struct | null,
    ) => {
      let x = this.left;
      cells.forEach((text, i) => {
        const cx = x;
        const draw = () => {
          this.font(font, PDF.size.table);
          if (text) doc.text(winAnsiText(text), cx + pad.x, y + pad.y, textOpts(i));
        };
        if (tr) {
          const cell = doc.struct(cellType);
          tr.add(cell);
          if (text) cell.add(draw);
          cell.end();
        } else if (text) {
          // A header repeated after a page break is decoration: its words are in the table once.
          doc.markContent('Artifact', { type: 'Pagination' });
          draw();
          doc.endMarkedContent();
        }
        x += widths[i]!;
      });
    };
    const header = (tag: Struct | null) => {
      const y = doc.y;
      fill(y, headerHeight, PDF.color.header);
      let tr: Struct | null = null;
      if (tag) {
        tr = doc.struct('TR');
        tag.add(tr);
      }
      drawCells(headers, y, PDF.font.bold, 'TH', tr);
      tr?.end();
      rule(y + headerHeight);
      doc.y = y + headerHeight;
    };

    const table = doc.struct('Table', { title: b.caption });
    this.root.add(table);
    const firstRows = b.rows.slice(0, 2).reduce((h, r) => h + rowHeight(r), 0);
    this.ensure(headerHeight + firstRows);
    const thead = doc.struct('THead');
    table.add(thead);
    header(thead);
    thead.end();
    const tbody = doc.struct('TBody');
    table.add(tbody);

    b.rows.forEach((row, i) => {
      const h = rowHeight(row);
      // A goal's heading row stays with its first indicator; no row is ever cut in two.
      const next = b.rows[i + 1];
      const keep = row.kind === 'group' && next ? h + rowHeight(next) : h;
      if (doc.y + keep > this.bottom) {
        rule(doc.y);
        this.newPage();
        header(null);
      }
      const y = doc.y;
      const tr = doc.struct('TR');
      tbody.add(tr);
      if (row.kind === 'group') {
        fill(y, h, PDF.color.group);
        const cell = doc.struct('TH');
        tr.add(cell);
        cell.add(() => {
          this.font(PDF.font.bold, PDF.size.table);
          doc.text(winAnsiText(row.text), this.left + pad.x, y + pad.y, {
            width: this.width - 2 * pad.x,
            lineGap: 1,
          });
        });
        cell.end();
      } else {
        drawCells(row.cells, y, PDF.font.regular, 'TD', tr);
      }
      tr.end();
      rule(y + h);
      doc.y = y + h;
    });
    tbody.end();
    table.end();
    doc.x = this.left;
    doc.moveDown(1);
  }

  /** "Side N af M" and the report's name at the foot of every page, once the page count is known. */
  private footers(): void {
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    const left = winAnsiText(footerText(this.input));
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const page = doc.page;
      const bottomMargin = page.margins.bottom;
      page.margins.bottom = 0;
      const y = page.height - 38;
      doc.markContent('Artifact', { type: 'Pagination', attached: ['Bottom'] });
      this.font(PDF.font.regular, PDF.size.footer, PDF.color.muted);
      const words = this.t.pageWords;
      const pageText = `${words.before}${i - range.start + 1}${words.between}${range.count}`;
      const pageWidth = doc.widthOfString(pageText);
      doc.text(left, this.left, y, {
        width: this.width - pageWidth - 24,
        height: PDF.size.footer * 1.3,
        ellipsis: true,
        lineBreak: false,
      });
      doc.text(pageText, this.left + this.width - pageWidth, y, { lineBreak: false });
      doc.endMarkedContent();
      page.margins.bottom = bottomMargin;
    }
  }
}

/** The report as a tagged PDF (A4, standard Helvetica), with "Side N af M" on every page. */
export async function renderReportPdf(input: RenderInput): Promise<Buffer> {
  const t = TEXTS[input.locale];
  const writer = new PdfWriter(input, t);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    writer.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    writer.doc.on('end', () => resolve(Buffer.concat(chunks)));
    writer.doc.on('error', reject);
  });
  writer.render(reportBlocks(input));
  writer.doc.end();
  return done;
}

// ---------- Word ----------

/** The A4 text width in twips with docx's default margins (11906 less two 1440 margins). */
const DOCX_TEXT_WIDTH = 9026;
const DOCX_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '8A8A8A' };

/**
 * A run whose hyphens between digits do not break: Word and LibreOffice would otherwise wrap a
 * date as `01-04-` / `2025` in a narrow column.
 */
function docxRun(
  text: string,
  opts: { bold?: boolean; italics?: boolean; size?: number; color?: string } = {},
) {
  const parts = text.split(/(?<=\d)-(?=\d)/);
  if (parts.length === 1) return new TextRun({ text, ...opts });
  return new TextRun({
    ...opts,
    children: parts.flatMap((p, i) => (i === 0 ? [p] : [new NoBreakHyphen(), p])),
  });
}

function docxTable(b: Extract<Block, { kind: 'table' }>): Table {
  const widths = b.columns.map((c) => Math.round(c.width * DOCX_TEXT_WIDTH));
  widths[widths.length - 1]! += DOCX_TEXT_WIDTH - widths.reduce((a, w) => a + w, 0);
  const margins = { top: 50, bottom: 50, left: 90, right: 90 };
  const run = (text: string, bold = false) => docxRun(text, { bold, size: 19 });
  const cell = (text: string, i: number, bold = false, fill?: string) =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: b.columns[i]!.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [run(text, bold)],
        }),
      ],
      width: { size: widths[i]!, type: WidthType.DXA },
      margins,
      ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
    });
  return new Table({
    width: { size: DOCX_TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: DOCX_BORDER,
      bottom: DOCX_BORDER,
      left: DOCX_BORDER,
      right: DOCX_BORDER,
      insideHorizontal: DOCX_BORDER,
      insideVertical: DOCX_BORDER,
    },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: b.columns.map((c, i) => cell(c.header, i, true, 'E6E9ED')),
      }),
      ...b.rows.map((row) =>
        row.kind === 'group'
          ? new TableRow({
              cantSplit: true,
              keepNext: true,
              children: [
                new TableCell({
                  columnSpan: b.columns.length,
                  children: [new Paragraph({ keepNext: true, children: [run(row.text, true)] })],
                  width: { size: DOCX_TEXT_WIDTH, type: WidthType.DXA },
                  margins,
                  shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F3F4F6' },
                }),
              ],
            })
          : new TableRow({ cantSplit: true, children: row.cells.map((c, i) => cell(c, i)) }),
      ),
    ],
  });
}

function docxBlocks(blocks: Block[]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  const para = (text: string, opts: { bold?: boolean; italics?: boolean; color?: string } = {}) =>
    new Paragraph({ spacing: { after: 120 }, children: [docxRun(text, opts)] });
  for (const b of blocks) {
    switch (b.kind) {
      case 'title':
        out.push(new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_1 }));
        break;
      case 'subtitle':
        out.push(
          new Paragraph({
            spacing: { after: 200 },
            children: [new TextRun({ text: b.text, size: 26, color: '444444' })],
          }),
        );
        break;
      case 'facts':
        b.items.forEach(([label, value], i) =>
          out.push(
            new Paragraph({
              spacing: { after: i === b.items.length - 1 ? 200 : 40 },
              children: [new TextRun({ text: `${label}: `, bold: true }), docxRun(value)],
            }),
          ),
        );
        break;
      case 'status':
        for (const line of b.lines) out.push(para(line, { bold: true }));
        break;
      case 'notice':
        out.push(
          new Paragraph({
            spacing: { before: 80, after: 200 },
            shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'FFF4D6' },
            border: {
              top: { style: BorderStyle.SINGLE, size: 4, color: 'C9A227', space: 4 },
              bottom: { style: BorderStyle.SINGLE, size: 4, color: 'C9A227', space: 4 },
              left: { style: BorderStyle.SINGLE, size: 4, color: 'C9A227', space: 4 },
              right: { style: BorderStyle.SINGLE, size: 4, color: 'C9A227', space: 4 },
            },
            children: [docxRun(b.text, { italics: true })],
          }),
        );
        break;
      case 'heading':
        out.push(
          new Paragraph({
            text: b.text,
            heading: HeadingLevel.HEADING_2,
            spacing: { before: 280 },
            keepNext: true,
          }),
        );
        break;
      case 'paragraphs':
        for (const p of splitParagraphs(b.text)) {
          const lines = p.split('\n');
          out.push(
            new Paragraph({
              spacing: { after: 120 },
              children: lines.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 })),
            }),
          );
        }
        break;
      case 'empty':
        out.push(para(b.text, { italics: true, color: '444444' }));
        break;
      case 'list':
        for (const item of b.items)
          out.push(new Paragraph({ children: [docxRun(item)], bullet: { level: 0 } }));
        break;
      case 'table':
        out.push(docxTable(b));
        out.push(new Paragraph({ spacing: { after: 120 }, children: [] }));
        break;
    }
  }
  return out;
}

/** The report as a Word document with real headings, and tables whose header row repeats. */
export async function renderReportDocx(input: RenderInput): Promise<Buffer> {
  const t = TEXTS[input.locale];
  const doc = new Document({
    creator: 'Pejling',
    lastModifiedBy: 'Pejling',
    title: cleanText(input.report.title),
    subject: cleanText(`${input.plan.name}, ${periodWords(input.report.period, input.locale)}`),
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 22, language: { value: t.language } } },
        heading1: { run: { size: 36, bold: true }, paragraph: { spacing: { after: 60 } } },
        heading2: { run: { size: 26, bold: true } },
      },
    },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                tabStops: [{ type: TabStopType.RIGHT, position: DOCX_TEXT_WIDTH }],
                children: [
                  new TextRun({ text: footerText(input), size: 16, color: '444444' }),
                  new TextRun({
                    size: 16,
                    color: '444444',
                    children: [
                      new Tab(),
                      t.pageWords.before,
                      PageNumber.CURRENT,
                      t.pageWords.between,
                      PageNumber.TOTAL_PAGES,
                    ],
                  }),
                ],
              }),
            ],
          }),
        },
        children: docxBlocks(reportBlocks(input)),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
