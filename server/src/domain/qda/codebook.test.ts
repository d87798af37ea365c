import { describe, expect, it } from 'vitest';
import { isWithin, mergeCodes, moveCode } from './codebook.js';

// samarbejde ─ netvaerk ─ ssp
// styring
const codes = [
  { id: 'samarbejde', parentId: null, name: 'Samarbejdsformer' },
  { id: 'netvaerk', parentId: 'samarbejde', name: 'Netværk' },
  { id: 'ssp', parentId: 'netvaerk', name: 'SSP' },
  { id: 'styring', parentId: null, name: 'Styring' },
];
const coding = (id: string, codeId: string, start: number, end: number, userId = 'u1') => ({
  id,
  sourceId: 's1',
  codeId,
  start,
  end,
  userId,
});

describe('moveCode', () => {
  it('moves a code with its children under another, or to the top', () => {
    const moved = moveCode(codes, 'netvaerk', 'styring');
    expect(moved.ok && moved.codes.find((c) => c.id === 'netvaerk')!.parentId).toBe('styring');
    expect(moved.ok && moved.codes.find((c) => c.id === 'ssp')!.parentId).toBe('netvaerk');
    const top = moveCode(codes, 'ssp', null);
    expect(top.ok && top.codes.find((c) => c.id === 'ssp')!.parentId).toBeNull();
  });

  it('refuses a cycle and unknown codes', () => {
    expect(moveCode(codes, 'samarbejde', 'ssp')).toEqual({ ok: false, reason: 'into_descendant' });
    expect(moveCode(codes, 'samarbejde', 'samarbejde')).toEqual({ ok: false, reason: 'into_itself' });
    expect(moveCode(codes, 'x', null)).toEqual({ ok: false, reason: 'unknown_code' });
    expect(moveCode(codes, 'ssp', 'x')).toEqual({ ok: false, reason: 'unknown_parent' });
    expect(isWithin(codes, 'ssp', 'samarbejde')).toBe(true);
    expect(isWithin(codes, 'styring', 'samarbejde')).toBe(false);
  });
});

describe('mergeCodes', () => {
  it('moves codings and child codes to the target, dropping exact repeats', () => {
    const codings = [
      coding('k1', 'netvaerk', 0, 10),
      coding('k2', 'styring', 0, 10), // the same range and coder as k1
      coding('k3', 'netvaerk', 20, 30),
      coding('k4', 'netvaerk', 0, 10, 'u2'), // another coder: kept
      coding('k5', 'ssp', 5, 8),
    ];
    const result = mergeCodes(codes, codings, 'netvaerk', 'styring');
    if (!result.ok) throw new Error(result.reason);
    expect(result.moved).toEqual(['k3', 'k4']);
    expect(result.droppedDuplicates).toEqual(['k1']);
    expect(result.codings.map((c) => [c.id, c.codeId])).toEqual([
      ['k2', 'styring'],
      ['k3', 'styring'],
      ['k4', 'styring'],
      ['k5', 'ssp'],
    ]);
    expect(result.codes.map((c) => [c.id, c.parentId])).toEqual([
      ['samarbejde', null],
      ['ssp', 'styring'],
      ['styring', null],
    ]);
    // Every coding is still there, or was an exact repeat.
    expect(result.codings.length + result.droppedDuplicates.length).toBe(codings.length);
  });

  it('refuses merging a code into itself or into a code below it', () => {
    expect(mergeCodes(codes, [], 'samarbejde', 'ssp')).toEqual({ ok: false, reason: 'into_descendant' });
    expect(mergeCodes(codes, [], 'ssp', 'ssp')).toEqual({ ok: false, reason: 'into_itself' });
    expect(mergeCodes(codes, [], 'ssp', 'x')).toEqual({ ok: false, reason: 'unknown_code' });
  });
});
