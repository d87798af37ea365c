import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { Locale } from '@pejling/contracts';
import type { Db } from '../../db/database.js';
import type { RequestContext } from '../../http/context.js';
import { toXlsxBook, type ExportColumn, type Sheet } from '../exports/export.js';
import * as analysis from './analysis.service.js';
import * as repo from './evaluation.repository.js';
import { auditRead, getFramework, withText } from './evaluation.service.js';

/**
 * Analyses of a study as files: each analysis to .xlsx, the framework matrix and quote lists also
 * to Word. Every export goes through the same team check as the analysis it exports and is
 * written to the audit log as a read with the purpose `export`.
 */

type Text = { da: string; en: string };
const h = (da: string, en: string): Text => ({ da, en });

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface ExportFile {
  filename: string;
  type: string;
  bytes: Buffer;
}

const today = () => new Date().toISOString().slice(0, 10);
const file = (name: string, format: 'xlsx' | 'docx', bytes: Buffer): ExportFile => ({
  filename: `${name}-${today()}.${format}`,
  type: format === 'xlsx' ? XLSX_TYPE : DOCX_TYPE,
  bytes,
});

const T = {
  case: h('Case', 'Case'),
  code: h('Kode', 'Code'),
  source: h('Kilde', 'Source'),
  coder: h('Kodet af', 'Coded by'),
  text: h('Kodet tekst', 'Coded text'),
  start: h('Start (tegn)', 'Start (character)'),
  end: h('Slut (tegn)', 'End (character)'),
  theme: h('Tema', 'Theme'),
  drivers: h('Drivkræfter', 'Drivers'),
  barriers: h('Barrierer', 'Barriers'),
  codeA: h('Kode A', 'Code A'),
  codeB: h('Kode B', 'Code B'),
  together: h('Kodninger der overlapper', 'Overlapping codings'),
  summary: h('Resumé', 'Summary'),
  quotes: h('Citater', 'Quotes'),
  noCase: h('Uden case', 'No case'),
  matrixSheet: h('Case x kode', 'Case x code'),
  codedSheet: h('Kodet tekst', 'Coded text'),
  framework: h('Framework-matrix', 'Framework matrix'),
  quoteList: h('Citater', 'Quotes'),
  empty: h('(intet resumé endnu)', '(no summary yet)'),
  filters: h('Filtre', 'Filters'),
  none: h('ingen', 'none'),
  count: h('Antal', 'Count'),
};

async function studyName(db: Db, studyId: string) {
  return (await repo.findStudy(db, studyId))?.name ?? '';
}

// ---------- case × code matrix ----------
export async function exportMatrix(
  db: Db,
  ctx: RequestContext,
  studyId: string,
  q: { aggregate?: 'true' | 'false' },
  l: Locale,
): Promise<ExportFile> {
  const m = await analysis.matrix(db, ctx, studyId, { aggregate: q.aggregate, purpose: 'export' });
  type Row = { caseName: string; counts: Map<string, number> };
  const rows: Row[] = m.rows.map((r) => ({
    caseName: m.cases.find((c) => c.id === r.caseId)?.name ?? '',
    counts: new Map(r.cells.map((c) => [c.codeId, c.cell.count])),
  }));
  const columns: ExportColumn<Row>[] = [
    { header: T.case, value: (r) => r.caseName, width: 30 },
    ...m.codes.map((c): ExportColumn<Row> => ({
      header: h(c.name, c.name),
      value: (r) => r.counts.get(c.id) ?? 0,
      width: 14,
    })),
  ];
  const coded = await codedText(db, studyId, l);
  const book = await toXlsxBook([{ name: T.matrixSheet[l], rows, columns }, coded], l);
  return file('case-kode-matrix', 'xlsx', book);
}

/** Every coding with its case, code, source and text: the text behind the matrix's cells. */
async function codedText(db: Db, studyId: string, l: Locale): Promise<Sheet<CodedRow>> {
  const [cases, codes, sources, rows] = await Promise.all([
    repo.listCases(db, studyId),
    repo.listCodes(db, studyId),
    repo.listSources(db, studyId),
    repo.listCodingRows(db, studyId),
  ]);
  const items = await withText(db, studyId, rows);
  const caseName = new Map(cases.map((c) => [c.id, c.name]));
  const codeName = new Map(codes.map((c) => [c.id, c.name]));
  const source = new Map(sources.map((s) => [s.id, s]));
  const out: CodedRow[] = items.map((i) => {
    const s = source.get(i.sourceId);
    return {
      caseName: s?.caseId ? (caseName.get(s.caseId) ?? '') : T.noCase[l],
      codeName: codeName.get(i.codeId) ?? '',
      sourceName: s?.name ?? '',
      coderName: i.coderName ?? '',
      start: i.start,
      end: i.end,
      text: i.text,
    };
  });
  out.sort((a, b) => a.caseName.localeCompare(b.caseName, l) || a.codeName.localeCompare(b.codeName, l));
  return { name: T.codedSheet[l], rows: out, columns: codedColumns };
}
interface CodedRow {
  caseName: string;
  codeName: string;
  sourceName: string;
  coderName: string;
  start: number;
  end: number;
  text: string;
}
const codedColumns: ExportColumn<CodedRow>[] = [
  { header: T.case, value: (r) => r.caseName, width: 25 },
  { header: T.code, value: (r) => r.codeName, width: 25 },
  { header: T.source, value: (r) => r.sourceName, width: 25 },
  { header: T.coder, value: (r) => r.coderName, width: 20 },
  { header: T.start, value: (r) => r.start, width: 10 },
  { header: T.end, value: (r) => r.end, width: 10 },
  { header: T.text, value: (r) => r.text, width: 80 },
];

// ---------- drivers and barriers ----------
export async function exportDriversBarriers(
  db: Db,
  ctx: RequestContext,
  studyId: string,
  l: Locale,
): Promise<ExportFile> {
  const d = await analysis.driversBarriers(db, ctx, studyId);
  await auditRead(db, ctx, 'evaluation_drivers_barriers', studyId, 'export');
  type Row = { theme: string; caseName: string; drivers: number; barriers: number };
  const rows: Row[] = d.themes.flatMap((t) =>
    t.cases.map((c) => ({
      theme: t.name,
      caseName: d.cases.find((x) => x.id === c.caseId)?.name ?? '',
      drivers: c.drivers.count,
      barriers: c.barriers.count,
    })),
  );
  const book = await toXlsxBook(
    [
      {
        name: `${T.drivers[l]} - ${T.barriers[l]}`,
        rows,
        columns: [
          { header: T.theme, value: (r: Row) => r.theme, width: 30 },
          { header: T.case, value: (r: Row) => r.caseName, width: 30 },
          { header: T.drivers, value: (r: Row) => r.drivers, width: 14 },
          { header: T.barriers, value: (r: Row) => r.barriers, width: 14 },
        ],
      },
    ],
    l,
  );
  return file('drivkraefter-barrierer', 'xlsx', book);
}

// ---------- co-occurrence ----------
export async function exportCoOccurrence(
  db: Db,
  ctx: RequestContext,
  studyId: string,
  l: Locale,
): Promise<ExportFile> {
  const r = await analysis.coOccurrences(db, ctx, studyId);
  await auditRead(db, ctx, 'evaluation_co_occurrence', studyId, 'export');
  const name = new Map((await repo.listCodes(db, studyId)).map((c) => [c.id, c.name]));
  type Row = { a: string; b: string; count: number };
  const rows: Row[] = r.items.map((i) => ({
    a: name.get(i.codeA) ?? '',
    b: name.get(i.codeB) ?? '',
    count: i.count,
  }));
  const book = await toXlsxBook(
    [
      {
        name: T.together[l],
        rows,
        columns: [
          { header: T.codeA, value: (x: Row) => x.a, width: 30 },
          { header: T.codeB, value: (x: Row) => x.b, width: 30 },
          { header: T.count, value: (x: Row) => x.count, width: 14 },
        ],
      },
    ],
    l,
  );
  return file('samforekomst', 'xlsx', book);
}

// ---------- quotes ----------
export async function exportQuotes(
  db: Db,
  ctx: RequestContext,
  studyId: string,
  q: { caseId?: string; codeId?: string; respondentGroup?: string; q?: string; format: 'xlsx' | 'docx' },
  l: Locale,
): Promise<ExportFile> {
  const r = await analysis.quotes(db, ctx, studyId, {
    caseId: q.caseId,
    codeId: q.codeId,
    respondentGroup: q.respondentGroup,
    q: q.q,
    limit: Number.MAX_SAFE_INTEGER,
    purpose: 'export',
  });
  const caseName = new Map((await repo.listCases(db, studyId)).map((c) => [c.id, c.name]));
  const rows: CodedRow[] = r.items.map((i) => ({
    caseName: i.caseId ? (caseName.get(i.caseId) ?? '') : T.noCase[l],
    codeName: i.codeName,
    sourceName: i.sourceName,
    coderName: i.coderName ?? '',
    start: i.start,
    end: i.end,
    text: i.text,
  }));
  if (q.format === 'xlsx')
    return file(
      'citater',
      'xlsx',
      await toXlsxBook([{ name: T.quoteList[l], rows, columns: codedColumns }], l),
    );
  const filters = [
    q.caseId && `${T.case[l]}: ${caseName.get(q.caseId) ?? ''}`,
    q.codeId && `${T.code[l]}: ${rows[0]?.codeName ?? ''}`,
    q.respondentGroup && q.respondentGroup,
    q.q && `"${q.q}"`,
  ].filter(Boolean);
  const children = [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      text: `${T.quoteList[l]}: ${await studyName(db, studyId)}`,
    }),
    new Paragraph({ text: `${T.filters[l]}: ${filters.length ? filters.join(', ') : T.none[l]}` }),
    ...rows.flatMap((row) => quoteParagraphs(row)),
  ];
  return file('citater', 'docx', await docx(children, T.quoteList[l], l));
}

function quoteParagraphs(row: Pick<CodedRow, 'text' | 'caseName' | 'codeName' | 'sourceName'>) {
  return [
    new Paragraph({
      indent: { left: 567 },
      spacing: { before: 160 },
      children: [new TextRun({ text: `“${row.text}”`, italics: true })],
    }),
    new Paragraph({
      indent: { left: 567 },
      children: [
        new TextRun({
          text: [row.caseName, row.sourceName, row.codeName].filter(Boolean).join(' · '),
          size: 18,
        }),
      ],
    }),
  ];
}

async function docx(children: Paragraph[], title: string, l: Locale) {
  const doc = new Document({
    creator: 'Pejling',
    lastModifiedBy: 'Pejling',
    title,
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 22, language: { value: l === 'da' ? 'da-DK' : 'en-GB' } } },
      },
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

// ---------- framework matrix ----------
export async function exportFramework(
  db: Db,
  ctx: RequestContext,
  studyId: string,
  format: 'xlsx' | 'docx',
  l: Locale,
): Promise<ExportFile> {
  const f = await getFramework(db, ctx, studyId);
  await auditRead(db, ctx, 'evaluation_framework', studyId, 'export');
  const ids = [...new Set(f.cells.flatMap((c) => c.quoteCodingIds))];
  const rows = (await repo.listCodingRows(db, studyId)).filter((r) => ids.includes(r.id));
  const quoteText = new Map((await withText(db, studyId, rows)).map((q) => [q.id, q]));
  const sources = new Map((await repo.listSources(db, studyId)).map((s) => [s.id, s.name]));
  const codeName = new Map((await repo.listCodes(db, studyId)).map((c) => [c.id, c.name]));
  const cell = (caseId: string, themeId: string) =>
    f.cells.find((c) => c.caseId === caseId && c.themeCodeId === themeId);
  const quotesOf = (caseName: string, ids: string[]) =>
    ids.flatMap((id) => {
      const q = quoteText.get(id);
      return q
        ? [
            {
              text: q.text,
              caseName,
              sourceName: sources.get(q.sourceId) ?? '',
              codeName: codeName.get(q.codeId) ?? '',
            },
          ]
        : [];
    });

  if (format === 'xlsx') {
    type Row = { caseName: string; theme: string; summary: string; quotes: string };
    const out: Row[] = f.cases.flatMap((c) =>
      f.themes.map((t) => {
        const x = cell(c.id, t.id);
        return {
          caseName: c.name,
          theme: t.name,
          summary: x?.summary ?? '',
          quotes: quotesOf(c.name, x?.quoteCodingIds ?? [])
            .map((q) => `“${q.text}” (${q.sourceName})`)
            .join('\n'),
        };
      }),
    );
    const book = await toXlsxBook(
      [
        {
          name: T.framework[l],
          rows: out,
          columns: [
            { header: T.case, value: (r: Row) => r.caseName, width: 25 },
            { header: T.theme, value: (r: Row) => r.theme, width: 25 },
            { header: T.summary, value: (r: Row) => r.summary, width: 60 },
            { header: T.quotes, value: (r: Row) => r.quotes, width: 80 },
          ],
        },
      ],
      l,
    );
    return file('framework-matrix', 'xlsx', book);
  }
  const children: Paragraph[] = [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      text: `${T.framework[l]}: ${await studyName(db, studyId)}`,
    }),
  ];
  for (const c of f.cases) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, text: c.name }));
    for (const t of f.themes) {
      const x = cell(c.id, t.id);
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_3, text: t.name }));
      for (const line of (x?.summary || T.empty[l]).split('\n')) children.push(new Paragraph({ text: line }));
      for (const q of quotesOf(c.name, x?.quoteCodingIds ?? [])) children.push(...quoteParagraphs(q));
    }
  }
  return file('framework-matrix', 'docx', await docx(children, T.framework[l], l));
}
