import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import type { ImportKind, Locale } from '@pejling/contracts';
import type { Executor } from '../../db/database.js';
import { IMPORTERS } from './imports.service.js';

const SHEET = {
  registrations: 'Registreringer',
  participants: 'Deltagere',
  'indicator-values': 'Indikatorværdier',
};
const FILE = {
  da: { registrations: 'registreringer', participants: 'deltagere', 'indicator-values': 'indikatorvaerdier' },
  en: {
    registrations: 'registrations',
    participants: 'participants',
    'indicator-values': 'indicator-values',
  },
};

/** The file name of a kind's template. */
export function templateName(kind: ImportKind, locale: Locale, format: 'csv' | 'xlsx'): string {
  return `${locale === 'da' ? 'skabelon' : 'template'}-${FILE[locale][kind]}.${format}`;
}

/**
 * A kind's template for the plan: its headers (with the plan's breakdown columns) and one example
 * row. CSV for Danish spreadsheets: UTF-8 with BOM, `;` between cells, decimal comma.
 */
export async function buildTemplate(
  db: Executor,
  planId: string,
  kind: ImportKind,
  locale: Locale,
  format: 'csv' | 'xlsx',
): Promise<Buffer> {
  const { headers, example } = await IMPORTERS[kind].template(db, planId, locale);
  if (format === 'csv')
    return Buffer.from(
      '\uFEFF' + stringify([headers, example], { delimiter: ';', record_delimiter: '\r\n' }),
      'utf8',
    );
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Pejling';
  const ws = wb.addWorksheet(SHEET[kind]);
  ws.columns = headers.map((h) => ({ header: h, width: Math.max(12, Math.min(40, h.length + 4)) }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  // Cells stay text, as in the CSV: a date or a code is not turned into a number.
  const row = ws.addRow(example);
  row.eachCell((c) => {
    c.numFmt = '@';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
