/**
 * Positions in a transcript. The API counts Unicode code points (as REFI-QDA does); the browser
 * counts UTF-16 units, where an emoji is two. Danish letters are one of each, so only characters
 * outside the Basic Multilingual Plane shift positions. The same rules as the server's
 * domain/qda/positions.ts: a selection that starts or ends inside an emoji is widened to cover it.
 */
export class Positions {
  /** UTF-16 index of each surrogate pair's first unit, ascending. */
  private readonly pairs: number[] = [];
  readonly codePointLength: number;

  constructor(readonly text: string) {
    for (let i = 0; i < text.length - 1; i++) {
      const u = text.charCodeAt(i);
      const next = text.charCodeAt(i + 1);
      if (u >= 0xd800 && u <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        this.pairs.push(i);
        i++;
      }
    }
    this.codePointLength = text.length - this.pairs.length;
  }

  private below(list: readonly number[], value: number, map = (x: number, _i: number) => x): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (map(list[mid]!, mid) < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The UTF-16 index of code point `cp`. */
  toUnit(cp: number): number {
    // The pair at index i sits at code point pairs[i] - i.
    return cp + this.below(this.pairs, cp, (u, i) => u - i);
  }

  /** The code point at UTF-16 index `unit`; inside an emoji, 'down' gives the emoji, 'up' the next. */
  toCodePoint(unit: number, snap: 'down' | 'up'): number {
    const before = this.below(this.pairs, unit);
    if (before > 0 && this.pairs[before - 1] === unit - 1) {
      const pairCp = unit - 1 - (before - 1);
      return snap === 'down' ? pairCp : pairCp + 1;
    }
    return unit - before;
  }

  /** A browser range (UTF-16) as code points, never cutting an emoji. */
  toCodePoints(start: number, end: number): { start: number; end: number } {
    return { start: this.toCodePoint(start, 'down'), end: this.toCodePoint(end, 'up') };
  }

  /** A code-point range as UTF-16 indices. */
  toUnits(start: number, end: number): { start: number; end: number } {
    return { start: this.toUnit(start), end: this.toUnit(end) };
  }
}

/** A line of the transcript: its text and where it starts (UTF-16). */
export interface Line {
  start: number;
  text: string;
}

export function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const text2 of text.split('\n')) {
    out.push({ start, text: text2 });
    start += text2.length + 1;
  }
  if (out.length > 1 && out.at(-1)!.text === '') out.pop();
  return out;
}

/** A sentence (or the part of a line between sentence ends), the unit the keyboard moves by. */
export interface Unit {
  start: number;
  end: number;
  line: number;
}

/** Every line split into sentences: after . ! ? … followed by a space. Empty lines have none. */
export function splitUnits(lines: Line[]): Unit[] {
  const out: Unit[] = [];
  const end = /[.!?…]+["”’)]*\s+/g;
  lines.forEach((l, line) => {
    if (!l.text.trim()) return;
    let from = 0;
    end.lastIndex = 0;
    for (let m = end.exec(l.text); m; m = end.exec(l.text)) {
      const to = m.index + m[0].trimEnd().length;
      if (l.text.slice(from, to).trim()) out.push({ start: l.start + from, end: l.start + to, line });
      from = m.index + m[0].length;
    }
    const rest = l.text.slice(from).trimEnd();
    if (rest.trim()) out.push({ start: l.start + from, end: l.start + from + rest.length, line });
  });
  return out;
}
