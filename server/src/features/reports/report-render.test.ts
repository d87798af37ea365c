import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Report } from '@pejling/contracts';
import {
  cleanText,
  periodWords,
  renderReportDocx,
  renderReportPdf,
  winAnsiText,
  type RenderInput,
} from './report-render.js';

type Figures = Report['figures'];
type ActivityFigures = Figures['activities'][number];

const activity = (n: number, overdueSince: string | null = null): ActivityFigures => ({
  id: `a${n}`,
  name: `Lektiecafé for skolebørn i Åparken, hold ${n}`,
  status: n % 4 === 0 ? 'paused' : 'running',
  registrations: 10 + n,
  participants: 100 + n,
  overdueSince,
});

function fixture(
  over: { report?: Partial<Report>; activities?: ActivityFigures[]; locale?: 'da' | 'en' } = {},
): RenderInput {
  const figures: Figures = {
    computedAt: '2025-07-03T08:15:00.000Z',
    period: '2025-H1',
    periodStart: '2025-01-01',
    periodEnd: '2025-06-30',
    goals: [
      {
        id: 'g1',
        level: 'result',
        title: 'Flere unge gennemfører en ungdomsuddannelse',
        indicators: [
          {
            id: 'i1',
            name: 'Deltagere i lektiecaféen',
            kind: 'count',
            unit: 'personer',
            baseline: 800,
            state: 'value',
            value: 1234.5,
            complete: true,
            target: 1500,
            status: 'behind',
          },
          {
            id: 'i2',
            name: 'Andel af de 15-17-årige i uddannelse',
            kind: 'percentage',
            unit: '%',
            baseline: 55,
            state: 'value',
            value: 62.5,
            complete: false,
            target: 60,
            status: 'ahead',
          },
        ],
      },
      {
        id: 'g2',
        level: 'impact',
        title: 'Området er et trygt sted at bo',
        indicators: [
          {
            id: 'i3',
            name: 'Beboere, der føler sig trygge',
            kind: 'percentage',
            unit: null,
            baseline: null,
            state: 'missing',
            value: null,
            complete: false,
            target: 80,
            status: 'no_data',
          },
        ],
      },
    ],
    activities: over.activities ?? [activity(1), activity(2, '2025-04-01')],
    coherence: {
      flags: [
        {
          kind: 'goal_without_activity',
          entity: 'goal',
          entityId: 'g2',
          name: 'Området er et trygt sted at bo',
          goalLevel: 'impact',
        },
        {
          kind: 'indicator_without_baseline',
          entity: 'indicator',
          entityId: 'i3',
          name: 'Beboere, der føler sig trygge',
          goalLevel: 'impact',
        },
        {
          kind: 'registrations_overdue',
          entity: 'activity',
          entityId: 'a2',
          name: 'Lektiecafé, hold 2',
          goalLevel: null,
          since: '2025-04-01',
        },
      ],
      outcomeGoalsMeasured: 1,
      outcomeGoals: 2,
    },
  };
  const report: Report = {
    id: '01900000-0000-7000-8000-000000000001',
    planId: '01900000-0000-7000-8000-000000000002',
    title: 'Statusrapport for første halvår 2025',
    period: '2025-H1',
    audience: 'steering_group',
    status: 'draft',
    narrative: {
      summary: 'Halvåret har budt på god fremdrift i lektiecaféen.\n\nTrygheden måles først i efteråret.',
      progress: 'Alle fire hold i lektiecaféen er i gang. Frivillige fra gymnasiet hjælper to dage om ugen.',
      deviations: null,
      nextSteps: '',
    },
    figures,
    frozen: false,
    approvedAt: null,
    approvedByName: null,
    sentAt: null,
    sentTo: null,
    history: [{ status: 'draft', at: '2025-07-01T09:00:00.000Z', byName: 'Søren Ødegaard', note: null }],
    canApprove: false,
    version: 1,
    ...over.report,
  };
  return {
    report,
    plan: {
      name: 'Helhedsplan for Åparken',
      municipalityName: 'Høje-Taastrup Kommune',
      housingOrganisationName: 'Boligselskabet Æblehaven',
      poolName: 'Landsbyggefondens pulje 2006-2010',
      periodStart: '2024-01-01',
      periodEnd: '2027-12-31',
      isExample: true,
    },
    locale: over.locale ?? 'da',
  };
}

const approved: Partial<Report> = {
  status: 'approved',
  frozen: true,
  approvedAt: '2025-07-10T12:30:00.000Z',
  approvedByName: 'Mette Ravn',
  history: [
    { status: 'draft', at: '2025-07-01T09:00:00.000Z', byName: 'Søren Ødegaard', note: null },
    { status: 'submitted', at: '2025-07-02T10:00:00.000Z', byName: 'Søren Ødegaard', note: null },
    { status: 'approved', at: '2025-07-10T12:30:00.000Z', byName: 'Mette Ravn', note: null },
  ],
};
const sent: Partial<Report> = {
  ...approved,
  status: 'sent',
  sentAt: '2025-07-11T07:00:00.000Z',
  sentTo: 'Styregruppen for Åparken',
  history: [
    ...approved.history!,
    {
      status: 'sent',
      at: '2025-07-11T07:00:00.000Z',
      byName: 'Søren Ødegaard',
      note: 'Styregruppen for Åparken',
    },
  ],
};
const manyActivities = Array.from({ length: 45 }, (_, i) =>
  activity(i + 1, i % 7 === 0 ? '2025-03-01' : null),
);

/** Set REPORT_RENDER_OUT to a folder to keep the files and look at them. */
function keep(name: string, data: Buffer): void {
  const dir = process.env.REPORT_RENDER_OUT;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), data);
}

async function documentXml(docx: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  return zip.file('word/document.xml')!.async('string');
}
/** The words of document.xml without its markup (a non-breaking hyphen read as a hyphen). */
const xmlText = (xml: string) =>
  xml
    .replace(/<w:noBreakHyphen\/>/g, '-')
    .replace(/<w:p[ >]/g, '\n$&')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&');

const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page(?![a-z])/g) ?? []).length;

/**
 * The text the PDF shows, line by line: pdfkit writes each line as a `[<hex> kerning …] TJ` in a
 * deflated content stream, in the standard fonts' WinAnsi bytes.
 */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const winAnsi: Record<number, string> = { 0x96: '–', 0x97: '—', 0x92: '’', 0x95: '•' };
  const lines: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const tj of content.matchAll(/\[((?:<[0-9a-f]*>|[\s\d.-])*)\] TJ/g)) {
      const hex = [...tj[1]!.matchAll(/<([0-9a-f]*)>/g)].map((h) => h[1]).join('');
      lines.push([...Buffer.from(hex, 'hex')].map((b) => winAnsi[b] ?? String.fromCharCode(b)).join(''));
    }
  }
  return lines.join('\n');
}
/** The PDF's text as one line, for words that may wrap. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('periodWords', () => {
  it('names years, halves, quarters and the whole period in Danish and English', () => {
    expect(periodWords('2025', 'da')).toBe('2025');
    expect(periodWords('2025-H1', 'da')).toBe('1. halvår 2025');
    expect(periodWords('2025-Q3', 'da')).toBe('3. kvartal 2025');
    expect(periodWords('whole', 'da')).toBe('Hele planperioden');
    expect(periodWords('2025-H1', 'en')).toBe('First half of 2025');
    expect(periodWords('2025-H2', 'en')).toBe('Second half of 2025');
    expect(periodWords('2025-Q3', 'en')).toBe('Q3 2025');
    expect(periodWords('whole', 'en')).toBe('The whole plan period');
  });
});

describe('winAnsiText', () => {
  it('keeps Danish letters and dashes, and replaces what the standard fonts cannot show', () => {
    expect(winAnsiText('Æblehaven – Ørsted – Åparken')).toBe('Æblehaven – Ørsted – Åparken');
    expect(winAnsiText('−5 ≥ 3 🙂')).toBe('-5 >= 3 ?');
  });
});

describe('cleanText', () => {
  it('turns pasted line breaks into newlines and drops what XML cannot hold', () => {
    expect(cleanText('Linje 1\u000bLinje 2\r\nLinje 3\u0000\u0007')).toBe('Linje 1\nLinje 2\nLinje 3');
    expect(cleanText('a\ud800b 🙂')).toBe('ab 🙂');
  });
});

describe('renderReportPdf', () => {
  it('writes a tagged PDF with metadata, the report and "Side N af M"', async () => {
    const pdf = await renderReportPdf(fixture());
    keep('draft.pdf', pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    expect(raw).toContain('(Pejling)');
    expect(raw).toContain('/Lang (da-DK)');
    expect(raw).toContain('/Marked true');
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toContain('/DisplayDocTitle true');
    const pages = pageCount(pdf);
    const text = flat(pdfText(pdf));
    for (const words of [
      'Statusrapport for første halvår 2025',
      'Til styregruppen',
      'Helhedsplan for Åparken',
      'Høje-Taastrup Kommune',
      'Boligselskabet Æblehaven',
      '1. halvår 2025 (01-01-2025 – 30-06-2025)',
      'Kladde — tallene er foreløbige',
      'Eksempeldata',
      'Afvigelser og udfordringer',
      'Ikke udfyldt',
      'Resultatmål: Flere unge gennemfører en ungdomsuddannelse',
      '1.234,5 personer',
      '62,5 % (delvis)',
      'Ingen data',
      'Bagud',
      'Foran',
      'Forsinket siden',
      'Mål uden aktivitet: Området er et trygt sted at bo (effektmål)',
      '1 af 2 resultat- og effektmål har målte værdier.',
      `Side 1 af ${pages}`,
    ]) {
      expect(text, words).toContain(words);
    }
    expect(text).not.toMatch(/\b0 personer/);
  });

  it('breaks a long activity table over pages, repeating its header', async () => {
    const input = fixture({ report: approved, activities: manyActivities });
    // A long narrative flows on over pages by itself.
    input.report.narrative.progress = Array.from(
      { length: 30 },
      (_, i) =>
        `Afsnit ${i + 1}: Lektiecaféen har haft travlt, og de frivillige har hjulpet børnene med lektier, læsning og matematik hver tirsdag og torsdag.`,
    ).join('\n\n');
    const pdf = await renderReportPdf(input);
    keep('long.pdf', pdf);
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThan(1);
    const text = pdfText(pdf);
    expect(text).toContain(`Side ${pages} af ${pages}`);
    expect(text.split('\n').filter((l) => l === 'Aktivitet').length).toBeGreaterThan(1);
    expect(flat(text)).toContain('Lektiecafé for skolebørn i Åparken, hold 45');
    expect(flat(text)).toContain('Afsnit 30: Lektiecaféen har haft travlt');
    expect(flat(text)).toContain('Godkendt af Mette Ravn den 10-07-2025; tallene er låst pr. 03-07-2025');
  });

  it('is English when the locale is', async () => {
    const pdf = await renderReportPdf(fixture({ report: sent, locale: 'en' }));
    keep('sent-en.pdf', pdf);
    expect(pdf.toString('latin1')).toContain('/Lang (en-GB)');
    const text = flat(pdfText(pdf));
    expect(text).toContain('First half of 2025');
    expect(text).toContain('Approved by Mette Ravn on 10-07-2025');
    expect(text).toContain('Sent on 11-07-2025 to Styregruppen for Åparken');
    expect(text).toContain('No data');
    expect(text).toContain('1,234.5 personer');
    expect(text).toContain('Page 1 of');
  });
});

describe('renderReportDocx', () => {
  it('writes a Word document with headings, the tables and the draft status', async () => {
    const docx = await renderReportDocx(fixture());
    keep('draft.docx', docx);
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const xml = await documentXml(docx);
    const text = xmlText(xml);
    expect(text).toContain('Statusrapport for første halvår 2025');
    expect(text).toContain('1. halvår 2025 (01-01-2025 – 30-06-2025)');
    expect(text).toContain('Kladde — tallene er foreløbige');
    expect(text).toContain('Eksempeldata');
    expect(text).toContain('Ingen data');
    expect(text).toContain('1.234,5 personer');
    expect(text).toContain('Forsinket siden 01-04-2025');
    expect(text).toContain('Forsinkede registreringer: Lektiecafé, hold 2 (siden 01-04-2025)');
    expect(xml).toContain('w:val="Heading1"');
    expect(xml).toContain('w:val="Heading2"');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('w:type="fixed"');
    // Dates do not wrap at their hyphens.
    expect(xml).toMatch(/siden 01<\/w:t><w:noBreakHyphen\/><w:t[^>]*>04<\/w:t><w:noBreakHyphen\/>/);
    const zip = await JSZip.loadAsync(docx);
    const footers = Object.keys(zip.files).filter((f) => /^word\/footer\d*\.xml$/.test(f));
    const footer = await zip.file(footers[0]!)!.async('string');
    expect(footer).toContain('Side ');
    expect(footer).toContain('NUMPAGES');
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('Statusrapport for første halvår 2025');
  });

  it('shows who approved it and when, and the suppressed value as a word', async () => {
    const input = fixture({ report: approved });
    input.report.narrative.deviations = 'Kopieret fra Word:\u000bnæste linje\u0001';
    input.report.figures.goals[0]!.indicators[0] = {
      ...input.report.figures.goals[0]!.indicators[0]!,
      state: 'suppressed',
      value: null,
    };
    const docx = await renderReportDocx(input);
    keep('approved.docx', docx);
    const text = xmlText(await documentXml(docx));
    expect(text).toContain('Godkendt af Mette Ravn den 10-07-2025; tallene er låst pr. 03-07-2025');
    expect(text).toContain('Undertrykt');
    expect(text).not.toContain('Kladde —');
    expect(text).toContain('Indsendt til godkendelse');
    expect(text).toMatch(/10-07-2025 kl\. 14:30\s+Godkendt\s+Mette Ravn/);
    expect(text).toContain('Kopieret fra Word:næste linje');
    // eslint-disable-next-line no-control-regex
    expect(docx.length > 0 && /[\u0000-\u0008\u000b\u000c]/.test(await documentXml(docx))).toBe(false);
  });

  it('is English when the locale is', async () => {
    const docx = await renderReportDocx(fixture({ report: sent, locale: 'en', activities: manyActivities }));
    keep('sent-en.docx', docx);
    const text = xmlText(await documentXml(docx));
    expect(text).toContain('First half of 2025');
    expect(text).toContain('For the steering group');
    expect(text).toContain('Sent on 11-07-2025 to Styregruppen for Åparken');
    expect(text).toContain('No data');
    expect(text).toContain('Goal without an activity');
    expect(text).toContain('1 of 2 result and impact goals have measured values.');
    expect(text).not.toContain('Ingen data');
    expect(text).not.toContain('1. halvår');
  });
});
