import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluationBadFiles } from './bad-files.js';
import { describeFileProblem } from './problems.js';
import { importQdpx } from './refi-qda-import.js';
import { readTranscriptFile } from './transcript-file.js';

/**
 * The evaluation files of bench/bad-files/ (listed in evaluation-expected.json) are refused with
 * the code given, or imported with the part named by `skipped:<reason>` skipped; and the files
 * on disk are the ones the builders make.
 */
const dir = new URL('../../../bench/bad-files/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('evaluation-expected.json', dir), 'utf8')) as Record<
  string,
  string
>;

async function outcome(name: string, bytes: Buffer): Promise<{ code: string; message: string }> {
  if (name.endsWith('.qdpx')) {
    const result = await importQdpx(bytes);
    if (!result.ok) return { code: result.problem.code, message: describeFileProblem(result.problem, 'en') };
    const reasons = [...new Set(result.report.skipped.map((s) => s.reason))];
    return { code: reasons.length > 0 ? `skipped:${reasons.join(',')}` : 'accepted', message: '' };
  }
  const result = await readTranscriptFile({ bytes, filename: name });
  return result.ok
    ? { code: 'accepted', message: '' }
    : { code: result.problem.code, message: describeFileProblem(result.problem, 'en') };
}

describe('bench/bad-files evaluation corpus', () => {
  it('lists every file the builders make, and the files on disk are theirs', () => {
    const built = evaluationBadFiles();
    expect(Object.keys(expected).sort()).toEqual(built.map((f) => f.name).sort());
    for (const file of built) {
      expect(readFileSync(new URL(file.name, dir)).equals(file.bytes), file.name).toBe(true);
      expect(file.bytes.length).toBeLessThan(100_000);
    }
  });

  it.each(Object.entries(expected))('%s → %s', async (name, code) => {
    const result = await outcome(name, readFileSync(new URL(name, dir)));
    expect(result.code).toBe(code);
    // A refusal has a whole sentence for the person importing, with no placeholder left.
    if (!code.startsWith('skipped:')) {
      expect(result.message).toMatch(/\.$/);
      expect(result.message).not.toMatch(/\{\w+\}/);
    }
  });

  it('positions outside the text: the other selection is imported', async () => {
    const result = await importQdpx(readFileSync(new URL('qdpx-positions-outside-text.qdpx', dir)));
    if (!result.ok) throw new Error(result.problem.code);
    expect(result.model.codings.map((c) => [c.start, c.end])).toEqual([[0, 11]]);
    expect(result.report.skipped.map((s) => [s.kind, s.guid, s.reason])).toEqual([
      ['selection', '00000002-0000-4000-8000-000000000000', 'position_outside_text'],
      ['selection', '00000003-0000-4000-8000-000000000000', 'position_outside_text'],
    ]);
  });
});
