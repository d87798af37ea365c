import { describe, expect, it } from 'vitest';
import { agreement, agreementTable, mergeRanges } from './agreement.js';
import { codePointLength } from './positions.js';

const r = (start: number, end: number) => ({ start, end });

describe('mergeRanges', () => {
  it('joins overlapping and touching ranges and drops empty ones', () => {
    expect(mergeRanges([r(5, 8), r(0, 3), r(2, 4), r(4, 5), r(9, 9), r(12, 10)])).toEqual([r(0, 8)]);
    expect(mergeRanges([r(0, 2), r(3, 4)])).toEqual([r(0, 2), r(3, 4)]);
  });
});

describe("agreement: Cohen's kappa per character, worked by hand", () => {
  it('example 1: partial overlap, equal marginals → κ = 1/6', () => {
    // N = 10. Coder 1 codes [0,4) = chars 0-3; coder 2 codes [2,6) = chars 2-5.
    // a (both) = 2 (chars 2,3); b (only 1) = 2 (0,1); c (only 2) = 2 (4,5); d (neither) = 4 (6-9).
    // Po = (2 + 4)/10 = 0.6. P1(yes) = 4/10 = 0.4, P2(yes) = 0.4.
    // Pe = 0.4·0.4 + 0.6·0.6 = 0.16 + 0.36 = 0.52. κ = (0.6 − 0.52)/(1 − 0.52) = 0.08/0.48 = 1/6.
    const result = agreement(10, [r(0, 4)], [r(2, 6)]);
    expect(result.counts).toEqual({ both: 2, onlyFirst: 2, onlySecond: 2, neither: 4 });
    expect(result.observed).toBeCloseTo(0.6, 12);
    expect(result.percent).toBeCloseTo(60, 10);
    expect(result.expected).toBeCloseTo(0.52, 12);
    expect(result.kappa).toBeCloseTo(1 / 6, 12);
    expect(result.kappaByConvention).toBe(false);
    expect(result.differences).toEqual([
      { range: r(0, 2), codedBy: 'first' },
      { range: r(4, 6), codedBy: 'second' },
    ]);
  });

  it('example 2: two passages each, N = 100 → κ = 2/7', () => {
    // Coder 1: [10,30) and [50,60) = 30 chars. Coder 2: [15,35) and [70,80) = 30 chars.
    // a = [15,30) = 15. b = [10,15) 5 + [50,60) 10 = 15. c = [30,35) 5 + [70,80) 10 = 15.
    // d = 100 − 45 = 55. Po = (15 + 55)/100 = 0.70. P1(yes) = P2(yes) = 0.3.
    // Pe = 0.09 + 0.49 = 0.58. κ = (0.70 − 0.58)/0.42 = 0.12/0.42 = 2/7 ≈ 0.2857.
    const result = agreement(100, [r(10, 30), r(50, 60)], [r(15, 35), r(70, 80)]);
    expect(result.counts).toEqual({ both: 15, onlyFirst: 15, onlySecond: 15, neither: 55 });
    expect(result.percent).toBeCloseTo(70, 10);
    expect(result.expected).toBeCloseTo(0.58, 12);
    expect(result.kappa).toBeCloseTo(2 / 7, 12);
    expect(result.differences).toEqual([
      { range: r(10, 15), codedBy: 'first' },
      { range: r(30, 35), codedBy: 'second' },
      { range: r(50, 60), codedBy: 'first' },
      { range: r(70, 80), codedBy: 'second' },
    ]);
  });

  it('example 3: unequal marginals → κ = 0.4', () => {
    // N = 10. Coder 1 [0,5), coder 2 [0,2). a = 2, b = 3, c = 0, d = 5.
    // Po = 7/10 = 0.7. P1(yes) = 0.5, P2(yes) = 0.2. Pe = 0.5·0.2 + 0.5·0.8 = 0.1 + 0.4 = 0.5.
    // κ = (0.7 − 0.5)/0.5 = 0.4.
    const result = agreement(10, [r(0, 5)], [r(0, 2)]);
    expect(result.kappa).toBeCloseTo(0.4, 12);
    expect(result.differences).toEqual([{ range: r(2, 5), codedBy: 'first' }]);
  });

  it("example 4: one coder's overlapping codings are merged, not counted twice → κ = 1", () => {
    // N = 20. Coder 1 [0,10) and [5,12) → [0,12); coder 2 [0,12). a = 12, d = 8, b = c = 0.
    // Po = 1. P1(yes) = P2(yes) = 0.6. Pe = 0.36 + 0.16 = 0.52. κ = (1 − 0.52)/0.48 = 1.
    const result = agreement(20, [r(0, 10), r(5, 12)], [r(0, 12)]);
    expect(result.counts).toEqual({ both: 12, onlyFirst: 0, onlySecond: 0, neither: 8 });
    expect(result.kappa).toBeCloseTo(1, 12);
    expect(result.differences).toEqual([]);
  });

  it('example 5: complete disagreement on halves → κ = −1', () => {
    // N = 20. Coder 1 [0,10), coder 2 [10,20). a = 0, b = 10, c = 10, d = 0.
    // Po = 0. P1(yes) = P2(yes) = 0.5. Pe = 0.25 + 0.25 = 0.5. κ = (0 − 0.5)/0.5 = −1.
    expect(agreement(20, [r(0, 10)], [r(10, 20)]).kappa).toBeCloseTo(-1, 12);
  });

  it('example 6: one coder coded everything, the other nothing → Pe = 0, κ = 0', () => {
    // N = 8. P1(yes) = 1, P2(yes) = 0. Po = 0. Pe = 1·0 + 0·1 = 0. κ = (0 − 0)/1 = 0.
    const result = agreement(8, [r(0, 8)], []);
    expect(result.expected).toBe(0);
    expect(result.kappa).toBe(0);
    expect(result.percent).toBe(0);
  });

  it('Pe = 1: neither coder coded, or both coded everything → κ = 1 by convention', () => {
    // N = 50, no codings: P1(yes) = P2(yes) = 0, Po = 1, Pe = 0·0 + 1·1 = 1: formula is 0/0.
    const none = agreement(50, [], []);
    expect(none.expected).toBe(1);
    expect(none.kappa).toBe(1);
    expect(none.kappaByConvention).toBe(true);
    expect(none.percent).toBe(100);
    // Both coded all 50: P1(yes) = P2(yes) = 1, Pe = 1·1 + 0·0 = 1.
    const all = agreement(50, [r(0, 50)], [r(0, 30), r(30, 50)]);
    expect(all.kappa).toBe(1);
    expect(all.kappaByConvention).toBe(true);
  });

  it('an empty text has no agreement: every figure is null', () => {
    const result = agreement(0, [], []);
    expect(result.kappa).toBeNull();
    expect(result.percent).toBeNull();
  });

  it('ranges past the text are clipped to it', () => {
    // N = 10, coder 1 [5,15) → [5,10); coder 2 [5,10). Identical: a = 5, d = 5, κ = 1.
    expect(agreement(10, [r(5, 15)], [r(5, 10)]).kappa).toBeCloseTo(1, 12);
  });
});

describe('agreementTable', () => {
  // "Vi mødes 😀 hver uge." is 20 code points (21 UTF-16 units): positions are code points.
  const text = 'Vi mødes 😀 hver uge.';
  const sources = [{ id: 's1', length: codePointLength(text) }];
  const codings = [
    { id: 'c1', sourceId: 's1', codeId: 'samarbejde', userId: 'u1', start: 0, end: 8 },
    { id: 'c2', sourceId: 's1', codeId: 'samarbejde', userId: 'u2', start: 3, end: 8 },
    { id: 'c3', sourceId: 's1', codeId: 'styring', userId: 'u2', start: 12, end: 20 },
    { id: 'c4', sourceId: 's1', codeId: 'styring', userId: 'u3', start: 0, end: 20 },
  ];

  it('gives a row per source and code either coder used, ignoring other coders', () => {
    expect(sources[0]!.length).toBe(20);
    const rows = agreementTable(sources, codings, 'u1', 'u2');
    expect(rows.map((row) => [row.codeId, row.counts])).toEqual([
      // samarbejde: u1 [0,8), u2 [3,8): a = 5, b = 3, c = 0, d = 12.
      ['samarbejde', { both: 5, onlyFirst: 3, onlySecond: 0, neither: 12 }],
      // styring: u1 nothing, u2 [12,20): a = 0, b = 0, c = 8, d = 12.
      ['styring', { both: 0, onlyFirst: 0, onlySecond: 8, neither: 12 }],
    ]);
    // samarbejde: Po = 17/20; P1(yes) = 8/20, P2(yes) = 5/20;
    // Pe = (8·5 + 12·15)/400 = 220/400; κ = (340 − 220)/(400 − 220) = 120/180 = 2/3.
    expect(rows[0]!.kappa).toBeCloseTo(2 / 3, 12);
    // styring: Po = 12/20; P1 = 0, P2 = 8/20; Pe = 0 + 1·12/20 = 12/20; κ = 0/(8/20) = 0.
    expect(rows[1]!.kappa).toBeCloseTo(0, 12);
  });

  it('with codes named, also rows where neither coded (κ = 1 by convention)', () => {
    const rows = agreementTable(sources, codings, 'u1', 'u2', ['koordinering']);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.kappaByConvention).toBe(true);
  });
});
