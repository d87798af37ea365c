/**
 * Inter-coder agreement per code and transcript, counted per character (code point), as NVivo
 * and the issue define it. For one code in one transcript of N characters, each character is
 * coded or not by coder 1 and by coder 2:
 *
 *   a = both coded it, b = only coder 1, c = only coder 2, d = neither   (a + b + c + d = N)
 *   Po = (a + d) / N                                      observed agreement
 *   P1(yes) = (a + b) / N,  P2(yes) = (a + c) / N
 *   Pe = P1(yes)·P2(yes) + P1(no)·P2(no)                 agreement expected by chance
 *   κ  = (Po − Pe) / (1 − Pe)
 *
 * A coder's overlapping or touching codings of the code count each character once (merged).
 *
 * Edge cases: Pe = 1 only when both coders coded every character or both coded none; then
 * Po = 1 as well and the formula is 0/0. κ is then defined as 1 (complete agreement, as NVivo
 * reports it) and `kappaByConvention` says so, so a screen can show "no variation" rather than a
 * measured 1. An empty transcript (N = 0) has no agreement at all: every figure is null.
 */
import type { TextRange } from './positions.js';

export interface AgreementCounts {
  /** Characters both coders coded. */
  both: number;
  onlyFirst: number;
  onlySecond: number;
  neither: number;
}

export interface Agreement {
  length: number;
  counts: AgreementCounts;
  /** Po as a share (0..1); null for an empty text. */
  observed: number | null;
  /** Po × 100. */
  percent: number | null;
  expected: number | null;
  kappa: number | null;
  /** True when Pe = 1 and κ is 1 by the convention above, not by the formula. */
  kappaByConvention: boolean;
  /** Where the coders differ, in text order: the ranges only one of them coded. */
  differences: { range: TextRange; codedBy: 'first' | 'second' }[];
}

/** Sorts ranges and joins those that overlap or touch; empty and reversed ranges drop out. */
export function mergeRanges(ranges: readonly TextRange[]): TextRange[] {
  const sorted = ranges.filter((r) => r.end > r.start).sort((x, y) => x.start - y.start || x.end - y.end);
  const out: TextRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ start: r.start, end: r.end });
  }
  return out;
}

/** Clips ranges to [0, length). */
function clip(ranges: readonly TextRange[], length: number): TextRange[] {
  return ranges.map((r) => ({ start: Math.max(0, r.start), end: Math.min(length, r.end) }));
}

/**
 * Agreement between two coders on one code in one text of `length` code points, given each
 * coder's ranges for that code.
 */
export function agreement(
  length: number,
  first: readonly TextRange[],
  second: readonly TextRange[],
): Agreement {
  const a = mergeRanges(clip(first, length));
  const b = mergeRanges(clip(second, length));
  // Sweep over the boundaries of both lists.
  const cuts = [
    ...new Set([0, length, ...a.flatMap((r) => [r.start, r.end]), ...b.flatMap((r) => [r.start, r.end])]),
  ].sort((x, y) => x - y);
  const counts: AgreementCounts = { both: 0, onlyFirst: 0, onlySecond: 0, neither: 0 };
  const differences: Agreement['differences'] = [];
  let ia = 0;
  let ib = 0;
  for (let k = 0; k + 1 < cuts.length; k++) {
    const start = cuts[k]!;
    const end = cuts[k + 1]!;
    while (ia < a.length && a[ia]!.end <= start) ia++;
    while (ib < b.length && b[ib]!.end <= start) ib++;
    const inA = ia < a.length && a[ia]!.start <= start;
    const inB = ib < b.length && b[ib]!.start <= start;
    const n = end - start;
    if (inA && inB) counts.both += n;
    else if (inA) counts.onlyFirst += n;
    else if (inB) counts.onlySecond += n;
    else counts.neither += n;
    if (inA !== inB) {
      const codedBy = inA ? 'first' : 'second';
      const last = differences[differences.length - 1];
      if (last && last.codedBy === codedBy && last.range.end === start) last.range.end = end;
      else differences.push({ range: { start, end }, codedBy });
    }
  }
  if (length <= 0) {
    return {
      length: 0,
      counts,
      observed: null,
      percent: null,
      expected: null,
      kappa: null,
      kappaByConvention: false,
      differences: [],
    };
  }
  const observed = (counts.both + counts.neither) / length;
  const p1 = (counts.both + counts.onlyFirst) / length;
  const p2 = (counts.both + counts.onlySecond) / length;
  const expected = p1 * p2 + (1 - p1) * (1 - p2);
  // Pe = 1 exactly when p1 = p2 ∈ {0, 1}; compare the counts, not the floating-point result.
  const noVariation = (p1 === 0 && p2 === 0) || (p1 === 1 && p2 === 1);
  const kappa = noVariation ? 1 : (observed - expected) / (1 - expected);
  return {
    length,
    counts,
    observed,
    percent: observed * 100,
    expected,
    kappa,
    kappaByConvention: noVariation,
    differences,
  };
}

export interface AgreementCoding {
  id: string;
  sourceId: string;
  codeId: string;
  userId: string | null;
  start: number;
  end: number;
}

export interface AgreementRow extends Agreement {
  sourceId: string;
  codeId: string;
}

/**
 * Agreement between two coders for every code and source: for the given `codeIds` (each code
 * in each source, also where neither coded it: κ = 1 by convention), or else for each pair of
 * code and source that either coder coded. Rows are ordered by source, then code, as given.
 */
export function agreementTable(
  sources: readonly { id: string; length: number }[],
  codings: readonly AgreementCoding[],
  firstUserId: string,
  secondUserId: string,
  codeIds?: readonly string[],
): AgreementRow[] {
  const rows: AgreementRow[] = [];
  for (const source of sources) {
    const here = codings.filter(
      (c) => c.sourceId === source.id && (c.userId === firstUserId || c.userId === secondUserId),
    );
    const codes = codeIds ?? [...new Set(here.map((c) => c.codeId))];
    for (const codeId of codes) {
      const ofCode = here.filter((c) => c.codeId === codeId);
      const first = ofCode.filter((c) => c.userId === firstUserId);
      const second = ofCode.filter((c) => c.userId === secondUserId);
      rows.push({ sourceId: source.id, codeId, ...agreement(source.length, first, second) });
    }
  }
  return rows;
}
