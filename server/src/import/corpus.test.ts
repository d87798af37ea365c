import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTable } from './read-table.js';

/** The files of bench/bad-files/ are refused with the codes its README and expected.json give. */
const dir = new URL('../../../bench/bad-files/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as Record<string, string>;

describe('bench/bad-files corpus', () => {
  it.each(Object.entries(expected))('%s → %s', async (name, outcome) => {
    const bytes = readFileSync(new URL(name, dir));
    const result = await readTable(
      { bytes, filename: name },
      { maxBytes: 1_000_000, maxRows: 1000, maxColumns: 50 },
    );
    if (outcome === 'accepted') {
      expect(result.ok).toBe(true);
    } else {
      expect(result.ok ? [] : result.problems.map((p) => p.code)).toContain(outcome);
    }
  });
});
