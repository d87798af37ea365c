/**
 * Hostile workbooks are refused in bounded memory. Each case builds its file first, then
 * measures the process's resident memory before reading and its peak (maxRSS) after: the peak
 * minus the starting point bounds what reading took. This file runs in a worker of its own, so
 * the peak is not an earlier test's.
 */
import { describe, expect, it } from 'vitest';
import { readTable } from './read-table.js';
import type { TableResult } from './read-table.js';
import { buildZip, deflatedEntry, deflatedZeros, inlineRow, sheetXml, xlsxParts } from './test-files.js';
import { columnLetter } from './values.js';
import type { ZipFile } from './test-files.js';

const MiB = 1024 * 1024;
const limits = { maxBytes: 20 * MiB, maxRows: 1000, maxColumns: 50 };

function withSheet(sheet: ZipFile): Buffer {
  return buildZip([...xlsxParts(sheetXml('')).filter((f) => !f.name.startsWith('xl/worksheets')), sheet]);
}

async function measured(name: string, bytes: Buffer): Promise<TableResult> {
  if (global.gc) global.gc();
  const before = process.memoryUsage().rss;
  const started = performance.now();
  const result = await readTable({ bytes, filename: 'hostile.xlsx' }, limits);
  const ms = performance.now() - started;
  const after = process.memoryUsage().rss;
  const peak = process.resourceUsage().maxRSS * 1024;
  const growth = Math.max(after, peak) - before;
  console.log(
    `memory ${name}: file ${(bytes.length / 1024).toFixed(0)} KiB, rss before ${(before / MiB).toFixed(0)} MiB, ` +
      `after ${(after / MiB).toFixed(0)} MiB, peak ${(peak / MiB).toFixed(0)} MiB, growth ≤ ${(growth / MiB).toFixed(1)} MiB, ${ms.toFixed(0)} ms`,
  );
  expect(growth).toBeLessThan(200 * MiB);
  return result;
}

function codes(result: TableResult): string[] {
  return result.ok ? [] : result.problems.map((p) => p.code);
}

describe('memory stays bounded on hostile workbooks', () => {
  it('a zip bomb of 200 MiB of zeros, declared honestly', async () => {
    const bytes = withSheet({
      name: 'xl/worksheets/sheet1.xml',
      data: Buffer.alloc(0),
      compressed: deflatedZeros(200),
      declaredSize: 200 * MiB,
    });
    expect(codes(await measured('zip bomb (declared 200 MiB)', bytes))).toEqual(['zip_bomb']);
  });

  it('a zip bomb of 200 MiB of zeros whose directory claims 15 MiB', async () => {
    const bytes = withSheet({
      name: 'xl/worksheets/sheet1.xml',
      data: Buffer.alloc(0),
      compressed: deflatedZeros(200),
      declaredSize: 15 * MiB,
    });
    const result = await measured('zip bomb (declared 15 MiB, holds 200 MiB)', bytes);
    expect(result.ok).toBe(false);
  });

  it('a row of 10^6 cells', async () => {
    const bytes = withSheet(
      deflatedEntry(
        'xl/worksheets/sheet1.xml',
        (function* () {
          const [head, tail] = sheetXml('<row r="1">\u0000</row>').split('\u0000') as [string, string];
          yield head;
          for (let start = 1; start <= 1_000_000; start += 10_000) {
            const cells: string[] = [];
            for (let i = start; i < start + 10_000; i++)
              cells.push(`<c r="${columnLetter(i)}1"><v>1</v></c>`);
            yield cells.join('');
          }
          yield tail;
        })(),
      ),
    );
    expect(codes(await measured('10^6 cells in a row', bytes))).toEqual(['too_many_columns']);
  });

  it('a dimension of 10^6 columns', async () => {
    const bytes = withSheet({
      name: 'xl/worksheets/sheet1.xml',
      data: sheetXml(inlineRow(1, ['a']) + inlineRow(2, ['1']), '<dimension ref="A1:BDWGN2"/>'),
    });
    expect(codes(await measured('dimension A1:BDWGN2', bytes))).toEqual(['too_many_columns']);
  });

  it('200,000 rows against a limit of 1,000', async () => {
    const bytes = withSheet(
      deflatedEntry(
        'xl/worksheets/sheet1.xml',
        (function* () {
          const [head, tail] = sheetXml('\u0000').split('\u0000') as [string, string];
          yield head + inlineRow(1, ['n', 'tekst']);
          for (let start = 2; start <= 200_001; start += 10_000) {
            const rows: string[] = [];
            for (let r = start; r < start + 10_000; r++) {
              rows.push(
                `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="inlineStr"><is><t>række ${r}</t></is></c></row>`,
              );
            }
            yield rows.join('');
          }
          yield tail;
        })(),
      ),
    );
    expect(codes(await measured('200,000 rows, maxRows 1,000', bytes))).toEqual(['too_many_rows']);
  });
});
