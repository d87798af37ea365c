import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';
import type { ExportFormat, Locale } from '@pejling/contracts';
import { neutraliseCell } from '../../domain/csv-safety.js';

export interface ExportColumn<T> {
  header: { da: string; en: string };
  value: (row: T) => string | number | boolean | null | undefined;
  /** Width in characters for .xlsx. */
  width?: number;
}

function cellText(v: unknown, locale: Locale): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return locale === 'da' ? (v ? 'ja' : 'nej') : v ? 'yes' : 'no';
  if (typeof v === 'number') return locale === 'da' ? String(v).replace('.', ',') : String(v);
  return String(neutraliseCell(v));
}

/** CSV for Danish spreadsheets: UTF-8 with BOM, semicolon separators, decimal comma in Danish. */
export function toCsv<T>(rows: T[], columns: ExportColumn<T>[], locale: Locale): Buffer {
  const data = [
    columns.map((c) => c.header[locale]),
    ...rows.map((r) => columns.map((c) => cellText(c.value(r), locale))),
  ];
  return Buffer.from('\uFEFF' + stringify(data, { delimiter: ';', record_delimiter: '\r\n' }), 'utf8');
}

export interface Sheet<T> {
  name: string;
  rows: T[];
  columns: ExportColumn<T>[];
}

export async function toXlsx<T>(
  rows: T[],
  columns: ExportColumn<T>[],
  locale: Locale,
  sheet: string,
): Promise<Buffer> {
  return toXlsxBook([{ name: sheet, rows, columns }], locale);
}

/** One workbook with a sheet per table: bold, frozen headers and formula-safe cells. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function toXlsxBook(sheets: Sheet<any>[], locale: Locale): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Pejling';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name.slice(0, 31));
    ws.columns = s.columns.map((c) => ({ header: c.header[locale], width: c.width ?? 20 }));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    for (const r of s.rows) {
      ws.addRow(
        s.columns.map((c) => {
          const v = c.value(r);
          if (typeof v === 'boolean') return locale === 'da' ? (v ? 'ja' : 'nej') : v ? 'yes' : 'no';
          return v === null || v === undefined ? null : neutraliseCell(v);
        }),
      );
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function sendExport<T>(
  reply: FastifyReply,
  opts: { format: ExportFormat; locale: Locale; name: string; rows: T[]; columns: ExportColumn<T>[] },
) {
  const date = new Date().toISOString().slice(0, 10);
  const filename = `${opts.name}-${date}.${opts.format}`;
  reply.header('content-disposition', `attachment; filename="${filename}"`);
  reply.header('cache-control', 'no-store');
  if (opts.format === 'csv') {
    return reply.type('text/csv; charset=utf-8').send(toCsv(opts.rows, opts.columns, opts.locale));
  }
  return reply
    .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .send(await toXlsx(opts.rows, opts.columns, opts.locale, opts.name));
}
