import { describe, expect, it } from 'vitest';
import { decodeText, decodeWindows1252, looksBinary } from './decode.js';
import { CsvReader, detectSeparator } from './csv.js';
import { readTable } from './read-table.js';
import type { ReadTableOptions, TableOk, TableResult } from './read-table.js';

const limits: ReadTableOptions = { maxBytes: 1_000_000, maxRows: 1000, maxColumns: 50 };

function utf8(text: string, bom = false): Uint8Array {
  const body = Buffer.from(text, 'utf8');
  return bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

/** Windows-1252 bytes of text (Latin-1 letters are the same byte; € is 0x80). */
function cp1252(text: string): Uint8Array {
  return Buffer.from([...text].map((ch) => (ch === '€' ? 0x80 : ch.charCodeAt(0))));
}

async function read(bytes: Uint8Array, options: Partial<ReadTableOptions> = {}, filename = 'data.csv') {
  return readTable({ bytes, filename }, { ...limits, ...options });
}

function ok(result: TableResult): TableOk {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.problems)}`);
  return result;
}

function codes(result: TableResult): string[] {
  return result.ok ? [] : result.problems.map((p) => p.code);
}

const danish =
  'Dato;Aktivitet;Deltagere;Timer\r\n05-03-2024;Lektiecafé;12;1,5\r\n06.03.2024;Fædregruppe;8;2\r\n';

describe('decoding', () => {
  it('decodes Windows-1252 itself (Node 20 maps 0x80 to U+0080)', () => {
    expect(decodeWindows1252(Uint8Array.from([0xe6, 0xf8, 0xe5, 0xc6, 0xd8, 0xc5, 0x80, 0x8a, 0x9e]))).toBe(
      'æøåÆØÅ€Šž',
    );
  });

  it('tells the encodings apart', () => {
    expect(decodeText(utf8('æøå', true))).toEqual({ text: 'æøå', encoding: 'utf-8' });
    expect(decodeText(utf8('æøå'))).toEqual({ text: 'æøå', encoding: 'utf-8' });
    expect(decodeText(cp1252('æøå'))).toEqual({ text: 'æøå', encoding: 'windows-1252' });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a\tø', 'utf16le')]);
    expect(decodeText(utf16)).toEqual({ text: 'a\tø', encoding: 'utf-16le' });
  });

  it('spots binary data', () => {
    expect(looksBinary('a;b\r\n1;2\n')).toBe(false);
    expect(looksBinary('a\u0000b')).toBe(true);
    expect(
      looksBinary(decodeWindows1252(Uint8Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256))),
    ).toBe(true);
  });
});

describe('separators and records', () => {
  it('detects the separator from the header line outside quotes', () => {
    expect(detectSeparator('a;b;c\n1,5;2;3')).toBe(';');
    expect(detectSeparator('a,b,c\n1;2;3')).toBe(',');
    expect(detectSeparator('a\tb\n')).toBe('\t');
    expect(detectSeparator('"x;y;z",b,c\n')).toBe(',');
    expect(detectSeparator('Navn;Beløb, kr.;Dato\n')).toBe(';');
    expect(detectSeparator('alene\n')).toBe(';');
  });

  it('reads RFC 4180 quoting', () => {
    const reader = new CsvReader('"a;1";"say ""hi""";"two\r\nlines"\r\nx;;\n', ';');
    expect(reader.next(10)).toEqual({ cells: ['a;1', 'say "hi"', 'two\r\nlines'], count: 3 });
    expect(reader.next(10)).toEqual({ cells: ['x', '', ''], count: 3 });
    expect(reader.done).toBe(true);
  });

  it('keeps a quote inside an unquoted cell and counts cells past the limit', () => {
    const reader = new CsvReader('5" skærm;b;c;d;e', ';');
    expect(reader.next(2)).toEqual({ cells: ['5" skærm', 'b'], count: 5 });
  });
});

describe('good CSV files', () => {
  it('reads UTF-8 with BOM, ; separated, CRLF, Danish dates and decimal comma', async () => {
    const result = ok(await read(utf8(danish, true)));
    expect(result).toMatchObject({
      format: 'csv',
      encoding: 'utf-8',
      separator: ';',
      numberConvention: 'da',
      headers: ['Dato', 'Aktivitet', 'Deltagere', 'Timer'],
    });
    expect(result.rows.map((r) => ({ rowNumber: r.rowNumber, cells: r.cells }))).toEqual([
      { rowNumber: 2, cells: { Dato: '05-03-2024', Aktivitet: 'Lektiecafé', Deltagere: '12', Timer: '1,5' } },
      { rowNumber: 3, cells: { Dato: '06.03.2024', Aktivitet: 'Fædregruppe', Deltagere: '8', Timer: '2' } },
    ]);
  });

  it('reads UTF-8 without BOM', async () => {
    const result = ok(await read(utf8(danish)));
    expect(result.encoding).toBe('utf-8');
    expect(result.rows[0]!.cells.Aktivitet).toBe('Lektiecafé');
  });

  it('reads Windows-1252 with æøå', async () => {
    const result = ok(await read(cp1252('Område;Beløb\nÆblehaven;1.234,50 €\nGårdmændene;7\n')));
    expect(result.encoding).toBe('windows-1252');
    expect(result.headers).toEqual(['Område', 'Beløb']);
    expect(result.rows.map((r) => r.cells)).toEqual([
      { Område: 'Æblehaven', Beløb: '1.234,50 €' },
      { Område: 'Gårdmændene', Beløb: '7' },
    ]);
  });

  it('reads , separated files with quoted decimal commas and English numbers', async () => {
    const result = ok(await read(utf8('name,amount,note\nA,"1,5","say ""hi"", ok"\nB,"2,25",\n')));
    expect(result.separator).toBe(',');
    expect(result.numberConvention).toBe('da');
    expect(result.rows.map((r) => r.cells)).toEqual([
      { name: 'A', amount: '1,5', note: 'say "hi", ok' },
      { name: 'B', amount: '2,25', note: '' },
    ]);
    const english = ok(await read(utf8('name,amount\nA,"1,234"\nB,2.5\n')));
    expect(english.numberConvention).toBe('en');
  });

  it('reads tab separated UTF-16 text as Excel saves "Unicode text"', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('Navn\tAntal\r\nØst\t3\r\n', 'utf16le'),
    ]);
    const result = ok(await read(bytes));
    expect(result).toMatchObject({ encoding: 'utf-16le', separator: '\t', headers: ['Navn', 'Antal'] });
    expect(result.rows[0]!.cells).toEqual({ Navn: 'Øst', Antal: '3' });
  });

  it('keeps line breaks inside quotes in one row and numbers rows as a spreadsheet does', async () => {
    const result = ok(await read(utf8('Navn;Note\n"A";"første\nanden"\n\nB;x\n\n\n')));
    expect(result.rows.map((r) => ({ rowNumber: r.rowNumber, cells: r.cells }))).toEqual([
      { rowNumber: 2, cells: { Navn: 'A', Note: 'første\nanden' } },
      { rowNumber: 4, cells: { Navn: 'B', Note: 'x' } },
    ]);
  });

  it('honours an Excel sep= line, trims headers, drops trailing empty header cells', async () => {
    const result = ok(await read(utf8('sep=,\n Navn , Antal ,,\nA,1,,\nB;C,2,,\n')));
    expect(result.separator).toBe(',');
    expect(result.headers).toEqual(['Navn', 'Antal']);
    expect(result.rows.map((r) => r.cells)).toEqual([
      { Navn: 'A', Antal: '1' },
      { Navn: 'B;C', Antal: '2' },
    ]);
  });

  it('keeps cell text verbatim, formula-looking text and __proto__ headers included', async () => {
    const result = ok(await read(utf8("__proto__;Note\n=1+1;' tekst \n")));
    const cells = result.rows[0]!.cells;
    expect(cells['__proto__']).toBe('=1+1');
    expect(cells.Note).toBe("' tekst ");
    expect(Object.getPrototypeOf(cells)).toBeNull();
  });

  it('reports progress up to 1', async () => {
    const seen: number[] = [];
    const rows = Array.from({ length: 12_000 }, (_, i) => `r${i};${i}`).join('\n');
    const result = await read(utf8(`a;b\n${rows}\n`), { maxRows: 20_000, onProgress: (f) => seen.push(f) });
    expect(ok(result).rows).toHaveLength(12_000);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toBe(1);
    expect([...seen].sort((x, y) => x - y)).toEqual(seen);
  });
});

describe('bad CSV files', () => {
  it('refuses an empty file', async () => {
    expect(codes(await read(new Uint8Array()))).toEqual(['empty_file']);
    expect(codes(await read(utf8('\r\n\r\n  \n', true)))).toEqual(['empty_file']);
  });

  it('refuses a header without rows', async () => {
    expect(codes(await read(utf8('Dato;Antal\r\n')))).toEqual(['no_rows']);
    expect(codes(await read(utf8('Dato;Antal\r\n;\r\n')))).toEqual(['no_rows']);
  });

  it('reports ragged rows by row number', async () => {
    const result = await read(utf8('a;b;c\n1;2;3\n1;2\n1;2;3;4\n"x;y";z;w\n'));
    expect(result).toEqual({
      ok: false,
      problems: [
        { code: 'wrong_cell_count', row: 3, detail: { expected: 3, found: 2 } },
        { code: 'wrong_cell_count', row: 4, detail: { expected: 3, found: 4 } },
      ],
    });
  });

  it('refuses binary garbage', async () => {
    const garbage = Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) % 251);
    expect(codes(await read(garbage))).toEqual(['not_text']);
    expect(codes(await read(garbage, {}, 'data.xlsx'))).toEqual(['not_xlsx']);
  });

  it('refuses a file over maxBytes before reading it', async () => {
    const result = await read(utf8(danish), { maxBytes: 10 });
    expect(result).toEqual({
      ok: false,
      problems: [{ code: 'file_too_large', detail: { bytes: utf8(danish).length, maxBytes: 10 } }],
    });
  });

  it('stops one row past maxRows', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `r${i};${i}`).join('\n');
    const result = await read(utf8(`a;b\n${rows}`), { maxRows: 10 });
    expect(result).toEqual({ ok: false, problems: [{ code: 'too_many_rows', detail: { maxRows: 10 } }] });
  });

  it('refuses a header of 10^6 columns quickly', async () => {
    const started = performance.now();
    const result = await read(utf8(`${'x;'.repeat(1_000_000)}x\n1\n`), { maxBytes: 10_000_000 });
    expect(result).toEqual({
      ok: false,
      problems: [{ code: 'too_many_columns', row: 1, detail: { found: 1_000_001, maxColumns: 50 } }],
    });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('reports quotes: unclosed (a truncated file) and text after a closing quote', async () => {
    expect(await read(utf8('a;b\n1;"abc\n2;3\n'))).toEqual({
      ok: false,
      problems: [{ code: 'unclosed_quote', row: 2 }],
    });
    expect(await read(utf8('a;b\n"x"y;2\n'))).toEqual({
      ok: false,
      problems: [{ code: 'bad_quote', row: 2 }],
    });
  });

  it('reports empty and repeated header names', async () => {
    expect(await read(utf8('Navn;;navn ;Antal\n1;2;3;4\n'))).toEqual({
      ok: false,
      problems: [
        { code: 'empty_header', row: 1, column: 'B' },
        { code: 'duplicate_header', row: 1, column: 'navn' },
      ],
    });
  });

  it('refuses a huge cell', async () => {
    const result = await read(utf8(`a;b\n1;${'x'.repeat(40_000)}\n`));
    expect(result).toEqual({
      ok: false,
      problems: [{ code: 'cell_too_long', row: 2, column: 'b', detail: { maxChars: 32_767 } }],
    });
  });

  it('closes a long list of problems', async () => {
    const rows = Array.from({ length: 30 }, () => '1').join('\n');
    const result = await read(utf8(`a;b\n${rows}\n`), { maxProblems: 5 });
    expect(codes(result)).toEqual([...Array(5).fill('wrong_cell_count'), 'too_many_problems']);
  });

  it('refuses an old .xls or password-protected workbook', async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
    ]);
    expect(codes(await read(ole, {}, 'data.xlsx'))).toEqual(['xls_or_encrypted']);
  });
});
