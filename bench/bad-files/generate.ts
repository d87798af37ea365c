/**
 * Writes the bad-files corpus beside this script and `expected.json`, the code each file is
 * refused with (or `accepted`). Run `npx tsx bench/bad-files/generate.ts`; the output is
 * deterministic, and every file stays under 100 KB (larger hostile files are built by the tests
 * in server/src/import/).
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import {
  buildZip,
  deflatedZeros,
  inlineRow,
  sheetXml,
  xlsxParts,
} from '../../server/src/import/test-files.js';

const here = dirname(fileURLToPath(import.meta.url));
const expected: Record<string, string> = {};

function write(name: string, bytes: Uint8Array | string, outcome: string) {
  const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes);
  if (data.length >= 100_000) throw new Error(`${name} is ${data.length} bytes`);
  writeFileSync(join(here, name), data);
  expected[name] = outcome;
}

function withSheet(sheet: string) {
  return buildZip(xlsxParts(sheet));
}

write('empty.csv', '', 'empty_file');
write('header-only.csv', '\uFEFFDato;Aktivitet;Deltagere\r\n', 'no_rows');
write(
  'ragged-rows.csv',
  'Dato;Aktivitet;Deltagere\r\n05-03-2024;Lektiecafé;12\r\n06-03-2024;Fædregruppe\r\n',
  'wrong_cell_count',
);
write('unclosed-quote.csv', 'Dato;Note\r\n05-03-2024;"afkortet midt i\r\n', 'unclosed_quote');
write('text-after-quote.csv', 'Dato;Note\r\n05-03-2024;"citat"efter\r\n', 'bad_quote');
write('duplicate-header.csv', 'Dato;dato \r\n05-03-2024;06-03-2024\r\n', 'duplicate_header');
write('wide-header.csv', `${'k;'.repeat(40_000)}k\r\n1\r\n`, 'too_many_columns');
write('huge-cell.csv', `Navn;Note\r\nA;${'x'.repeat(40_000)}\r\n`, 'cell_too_long');
write(
  'binary-garbage.csv',
  Uint8Array.from({ length: 8192 }, (_, i) => (i * 2654435761 + 12345) % 251),
  'not_text',
);
write('utf16-no-bom.csv', Buffer.from('Navn;Antal\r\nA;1\r\n', 'utf16le'), 'not_text');
write('proto-header.csv', '__proto__;constructor\r\n{"polluted":true};x\r\n', 'accepted');
write(
  'formula-payload.csv',
  'Navn;Note\r\n"=HYPERLINK(""http://example.invalid"";""klik"")";@SUM(1)\r\n',
  'accepted',
);

write('not-a-zip.xlsx', 'Navn;Antal\r\n', 'not_xlsx');
write(
  'old-xls-or-password.xlsx',
  Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1016)]),
  'xls_or_encrypted',
);
const good = withSheet(sheetXml(inlineRow(1, ['Navn', 'Antal']) + inlineRow(2, ['A', '1'])));
write('truncated.xlsx', good.subarray(0, good.length - 40), 'not_xlsx');
write('docx-not-xlsx.xlsx', buildZip([{ name: 'word/document.xml', data: '<w:document/>' }]), 'not_xlsx');
const withoutSheet = xlsxParts('').filter((f) => !f.name.startsWith('xl/worksheets'));
write(
  'zip-bomb.xlsx',
  buildZip([
    ...withoutSheet,
    {
      name: 'xl/worksheets/sheet1.xml',
      data: Buffer.alloc(0),
      compressed: deflatedZeros(90),
      declaredSize: 90 * 1024 * 1024,
    },
  ]),
  'zip_bomb',
);
write(
  'zip-bomb-lying-size.xlsx',
  buildZip([
    ...withoutSheet,
    {
      name: 'xl/worksheets/sheet1.xml',
      data: Buffer.alloc(0),
      compressed: deflatedZeros(90),
      declaredSize: 100_000,
    },
  ]),
  'zip_bomb',
);
write(
  'too-many-entries.xlsx',
  buildZip([
    ...xlsxParts(sheetXml(inlineRow(1, ['a']))),
    ...Array.from({ length: 1000 }, (_, i) => ({ name: `x/${i}`, data: '', method: 'store' as const })),
  ]),
  'zip_too_many_entries',
);
write(
  'dimension-xfd.xlsx',
  withSheet(sheetXml(inlineRow(1, ['a']) + inlineRow(2, ['1']), '<dimension ref="A1:XFD1"/>')),
  'too_many_columns',
);
write(
  'cell-past-xfd.xlsx',
  withSheet(sheetXml('<row r="1"><c r="BDWGN1"><v>1</v></c></row>')),
  'too_many_columns',
);
write(
  'col-definition-huge.xlsx',
  withSheet(
    sheetXml(
      inlineRow(1, ['a']) + inlineRow(2, ['1']),
      '<cols><col min="1" max="1000000000" width="9"/></cols>',
    ),
  ),
  'too_many_columns',
);
write(
  'doctype-entities.xlsx',
  withSheet(
    `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>${sheetXml(inlineRow(1, ['&b;']))}`,
  ),
  'xlsx_unreadable',
);
write(
  'shared-formula.xlsx',
  withSheet(
    sheetXml(
      inlineRow(1, ['a', 'b']) +
        '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><f t="shared" ref="B2:B3" si="0">A2*2</f><v>2</v></c></row>' +
        '<row r="3"><c r="A3"><v>2</v></c><c r="B3"><f t="shared" si="0"/><v>4</v></c></row>',
    ),
  ),
  'formula_cell',
);

const wb = new ExcelJS.Workbook();
wb.created = wb.modified = new Date(Date.UTC(2024, 0, 1));
const ws = wb.addWorksheet('Registreringer');
ws.addRow(['Navn', 'Antal']);
ws.addRow(['A', 2]);
ws.addRow(['B', { formula: 'B2*2', result: 4 }]);
write('formula.xlsx', Buffer.from(await wb.xlsx.writeBuffer()), 'formula_cell');

writeFileSync(join(here, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
console.log(`wrote ${Object.keys(expected).length} files`);
