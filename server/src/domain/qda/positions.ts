/**
 * Positions in a transcript. REFI-QDA's `startPosition` and `endPosition` count Unicode code
 * points from 0, with the end exclusive; JavaScript strings and the browser's selections count
 * UTF-16 code units, where a character outside the Basic Multilingual Plane (an emoji, 😀) is a
 * surrogate pair of two units. Danish letters (æ, ø, å) are one unit and one code point, so a
 * text without emoji gives the same numbers either way; one emoji shifts every later position.
 *
 * Pejling stores code points (the exchange format's unit, the same in every language) and
 * converts at the browser's edge. Text is normalised to NFC before any position is counted, so a
 * letter typed as e + U+0301 COMBINING ACUTE counts as the single code point é.
 */

/** A half-open range [start, end). */
export interface TextRange {
  start: number;
  end: number;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/**
 * Converts positions of one text between code points and UTF-16 units in O(log n) each, after
 * one pass over the text. Build one per transcript and reuse it for all its codings.
 */
export class PositionIndex {
  /** UTF-16 index of each surrogate pair's first unit, ascending. */
  private readonly pairsAtUnit: number[] = [];
  /** The same pairs as code-point indices. */
  private readonly pairsAtCodePoint: number[] = [];
  readonly utf16Length: number;
  readonly codePointLength: number;

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      if (
        isHighSurrogate(text.charCodeAt(i)) &&
        i + 1 < text.length &&
        isLowSurrogate(text.charCodeAt(i + 1))
      ) {
        this.pairsAtCodePoint.push(i - this.pairsAtUnit.length);
        this.pairsAtUnit.push(i);
        i++;
      }
    }
    this.utf16Length = text.length;
    this.codePointLength = text.length - this.pairsAtUnit.length;
  }

  /** How many entries of the ascending `list` are below `value`. */
  private static countBelow(list: readonly number[], value: number): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The UTF-16 index of code point `cp` (0 ≤ cp ≤ codePointLength; the length maps to the end). */
  toUtf16(cp: number): number {
    if (!Number.isInteger(cp) || cp < 0 || cp > this.codePointLength) {
      throw new RangeError(`code point position ${cp} is outside 0..${this.codePointLength}`);
    }
    return cp + PositionIndex.countBelow(this.pairsAtCodePoint, cp);
  }

  /**
   * The code-point index of UTF-16 index `unit`. An index between the two halves of a surrogate
   * pair is not a position in the text: `snap` 'down' gives the pair's own code point, 'up' the
   * next one, 'error' (the default) throws.
   */
  toCodePoint(unit: number, snap: 'down' | 'up' | 'error' = 'error'): number {
    if (!Number.isInteger(unit) || unit < 0 || unit > this.utf16Length) {
      throw new RangeError(`UTF-16 position ${unit} is outside 0..${this.utf16Length}`);
    }
    const before = PositionIndex.countBelow(this.pairsAtUnit, unit);
    if (before > 0 && this.pairsAtUnit[before - 1] === unit - 1) {
      // Inside the pair that starts at unit - 1.
      if (snap === 'error') throw new RangeError(`UTF-16 position ${unit} splits a surrogate pair`);
      const pairCp = unit - 1 - (before - 1);
      return snap === 'down' ? pairCp : pairCp + 1;
    }
    return unit - before;
  }

  /** A code-point range as UTF-16 indices. */
  rangeToUtf16(range: TextRange): TextRange {
    return { start: this.toUtf16(range.start), end: this.toUtf16(range.end) };
  }

  /**
   * A UTF-16 range (a browser selection) as code points; a start inside a surrogate pair moves
   * back to the pair and an end inside one moves past it, so a selection never cuts an emoji.
   */
  rangeToCodePoints(range: TextRange): TextRange {
    return { start: this.toCodePoint(range.start, 'down'), end: this.toCodePoint(range.end, 'up') };
  }
}

/** Number of code points in `text`. */
export function codePointLength(text: string): number {
  return new PositionIndex(text).codePointLength;
}

/** The UTF-16 index of code point `cp` in `text`. */
export function codePointToUtf16(text: string, cp: number): number {
  return new PositionIndex(text).toUtf16(cp);
}

/** The code-point index of UTF-16 index `unit` in `text` (throws inside a surrogate pair). */
export function utf16ToCodePoint(text: string, unit: number): number {
  return new PositionIndex(text).toCodePoint(unit);
}

/** The text between two code-point positions. */
export function sliceCodePoints(
  text: string,
  start: number,
  end: number,
  index = new PositionIndex(text),
): string {
  return text.slice(index.toUtf16(start), index.toUtf16(end));
}

/** True when `range` is a non-empty range inside a text of `length` code points. */
export function isRangeInside(range: TextRange, length: number): boolean {
  return (
    Number.isInteger(range.start) &&
    Number.isInteger(range.end) &&
    range.start >= 0 &&
    range.start < range.end &&
    range.end <= length
  );
}
