import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildZip, deflatedZeros } from '../import/test-files.js';
import { openArchive, unsafeEntryName, writeArchive } from './archive.js';

const limits = { maxEntries: 5, maxDeclaredBytes: 1_000_000, maxEntryBytes: 1_000, maxReadBytes: 1_500 };

describe('archive limits', () => {
  it('names unsafe entry names', () => {
    expect(unsafeEntryName('sources/a.txt')).toBeNull();
    expect(unsafeEntryName('Sources/{A}.txt')).toBeNull();
    expect(unsafeEntryName('../a')).toBe('parent_segment');
    expect(unsafeEntryName('sources/../../a')).toBe('parent_segment');
    expect(unsafeEntryName('/etc/passwd')).toBe('absolute');
    expect(unsafeEntryName('C:/Windows/x')).toBe('drive_letter');
    expect(unsafeEntryName('sources\\..\\a')).toBe('backslash');
    expect(unsafeEntryName('a\u0000b')).toBe('nul');
    expect(unsafeEntryName('sources/a..b.txt')).toBeNull();
  });

  it('refuses more entries than the limit before unpacking anything', () => {
    const zip = buildZip(Array.from({ length: 6 }, (_, i) => ({ name: `f${i}.txt`, data: 'x' })));
    expect(openArchive(zip, limits)).toEqual({
      ok: false,
      problem: { code: 'too_many_entries', detail: { entries: 6, maxEntries: 5 } },
    });
  });

  it('refuses a declared total above the limit as a zip bomb', () => {
    const zip = buildZip([
      { name: 'a.txt', data: Buffer.alloc(0), compressed: deflatedZeros(2), declaredSize: 2 * 1024 * 1024 },
    ]);
    const opened = openArchive(zip, limits);
    expect(opened.ok ? null : opened.problem.code).toBe('zip_bomb');
  });

  it('reads an entry within the per-entry and total limits, and finds names ignoring case', async () => {
    const zip = buildZip([
      { name: 'Sources/A.txt', data: 'a'.repeat(800) },
      { name: 'Sources/B.txt', data: 'b'.repeat(800) },
      { name: 'big.txt', data: 'c'.repeat(1_001) },
    ]);
    const opened = openArchive(zip, limits);
    if (!opened.ok) throw new Error(opened.problem.code);
    const archive = opened.archive;
    expect(archive.find('sources/a.txt')).toBe('Sources/A.txt');
    expect(await archive.read('big.txt')).toEqual({ ok: false, reason: 'too_large' });
    const a = await archive.read('Sources/A.txt');
    expect(a.ok && a.data.length).toBe(800);
    // 800 + 800 passes the total of 1,500.
    expect(await archive.read('Sources/B.txt')).toEqual({ ok: false, reason: 'too_large' });
    expect(await archive.read('missing.txt')).toEqual({ ok: false, reason: 'missing' });
  });

  it('stops unpacking an entry that yields more than it declared', async () => {
    const zip = buildZip([
      { name: 'a.txt', data: Buffer.alloc(0), compressed: deflatedZeros(1), declaredSize: 500 },
    ]);
    const opened = openArchive(zip, limits);
    if (!opened.ok) throw new Error(opened.problem.code);
    expect(await opened.archive.read('a.txt')).toEqual({ ok: false, reason: 'zip_bomb' });
    expect(await opened.archive.verifySizes()).toEqual({
      code: 'zip_bomb',
      detail: { reason: 'entry_larger_than_declared', entry: 'a.txt' },
    });
  });

  it('writes a zip that reads back, with UTF-8 names', () => {
    const zip = writeArchive(
      [
        { name: 'project.qde', data: '<Project/>' },
        { name: 'sources/ø.txt', data: 'Ærø 😀' },
      ],
      new Date('2026-01-01T00:00:00Z'),
    );
    const files = unzipSync(zip);
    expect(new TextDecoder().decode(files['sources/ø.txt'])).toBe('Ærø 😀');
    expect(openArchive(zip, limits).ok).toBe(true);
  });
});
