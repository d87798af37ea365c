/**
 * Transcript text rules: the one normal form every transcript is stored in (NFC, LF line
 * endings, no byte order mark), speaker turns, and pseudonymisation before anything is stored.
 * All positions are code points (see positions.ts).
 */
import { looksLikeCpr } from '../registrations.js';
import { PositionIndex, codePointLength as codePointLengthOf } from './positions.js';
import type { TextRange } from './positions.js';

export interface NormalisedText {
  text: string;
  /**
   * Maps a code-point position in the original text to the normalised text. A position inside
   * a sequence that normalisation joins (e + U+0301, CR LF) maps to the joined character's start;
   * `mapEnd` maps an end position to the character's end instead.
   */
  mapStart(position: number): number;
  mapEnd(position: number): number;
  /** Code points in the original text (after a byte order mark is dropped, which counts as nothing). */
  originalLength: number;
}

/** A starter code point with the combining marks after it (U+1160–U+11FF: Hangul vowels and finals). */
const CLUSTER = /\r\n|[^\p{M}\u1160-\u11ff][\p{M}\u1160-\u11ff]*|[\p{M}\u1160-\u11ff]+/gsu;

/**
 * Normalises text to NFC with LF line endings (CR LF and lone CR become LF) and drops a leading
 * byte order mark, keeping a map from the original's code-point positions to the result's, so
 * positions another tool counted on the original text can be moved onto the stored text.
 */
export function normaliseText(input: string): NormalisedText {
  const hasBom = input.charCodeAt(0) === 0xfeff;
  const raw = hasBom ? input.slice(1) : input;
  if (!raw.includes('\r') && raw.normalize('NFC') === raw) {
    // Already in normal form (the common case): every position stays where it is.
    const length = codePointLengthOf(raw);
    const check = (p: number) => {
      if (!Number.isInteger(p) || p < 0 || p > length)
        throw new RangeError(`position ${p} is outside 0..${length}`);
      return p;
    };
    return { text: raw, originalLength: length, mapStart: check, mapEnd: check };
  }
  // Per original code point: the normalised position where its cluster starts and ends.
  const starts: number[] = [];
  const ends: number[] = [];
  const out: string[] = [];
  let outLength = 0;
  for (const match of raw.matchAll(CLUSTER)) {
    const cluster = match[0];
    const normalised = cluster === '\r\n' || cluster === '\r' ? '\n' : cluster.normalize('NFC');
    const length = Array.from(normalised).length;
    const points = Array.from(cluster).length;
    for (let i = 0; i < points; i++) {
      starts.push(outLength);
      ends.push(outLength + length);
    }
    out.push(normalised);
    outLength += length;
  }
  let text = out.join('');
  // Clusters are normalised one by one; if the whole text composes differently (a rare script
  // rule across clusters), fall back to whole-text NFC and a map that only knows the ends.
  const whole = raw.replace(/\r\n?/g, '\n').normalize('NFC');
  let exact = true;
  if (text !== whole) {
    text = whole;
    exact = false;
  }
  const finalLength = Array.from(text).length;
  const originalLength = starts.length;
  const clamp = (p: number) => {
    if (!Number.isInteger(p) || p < 0 || p > originalLength) {
      throw new RangeError(`position ${p} is outside 0..${originalLength}`);
    }
    return p;
  };
  return {
    text,
    originalLength,
    mapStart(position) {
      clamp(position);
      if (position === originalLength) return finalLength;
      if (!exact) return Math.min(position, finalLength);
      return starts[position]!;
    },
    mapEnd(position) {
      clamp(position);
      if (position === 0) return 0;
      if (position === originalLength) return finalLength;
      if (!exact) return Math.min(position, finalLength);
      // The end of the character that holds the last included code point.
      return ends[position - 1]!;
    },
  };
}

/** The stored form of a transcript: NFC, LF line endings, no byte order mark. */
export function normaliseTranscript(input: string): string {
  return normaliseText(input).text;
}

// ---------------------------------------------------------------------------------------------
// Speaker turns

export interface SpeakerTurn {
  /** The name as written before the colon, trimmed ("Interviewer", "Deltager 3", "Anne-Mette"). */
  speaker: string;
  /** The turn: from the line's start to the end of its last line (code points, end exclusive). */
  range: TextRange;
  /** What was said: after "Name: " to the end of the turn. */
  content: TextRange;
}

/**
 * "Name:" at a line's start: one to four words of letters (digits allowed after the first
 * letter, and . ' - between), at most 40 characters, then a colon and a space or the line's end.
 * A time such as "10:30" is no speaker (it starts with a digit); a line-start bracket with a
 * timestamp, "[00:12:03] Anne: …", is allowed before the name.
 */
const TURN =
  /^(?:\[[0-9:.,]+\]\s*)?(\p{L}[\p{L}\p{N}.'’-]*(?: [\p{L}\p{N}][\p{L}\p{N}.'’-]*){0,3}):(?: |\t|$)/u;

/**
 * Finds speaker turns: a turn starts on a line beginning "Name:" and runs until the next such
 * line; lines in between (paragraphs of the same answer) belong to it. Text before the first
 * turn is no turn. Trailing blank lines are not part of a turn.
 */
export function findSpeakerTurns(text: string): SpeakerTurn[] {
  const index = new PositionIndex(text);
  const turns: { speaker: string; start: number; contentStart: number }[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(lineStart, lineEnd);
    const match = TURN.exec(line);
    if (match && match[1]!.length <= 40) {
      turns.push({ speaker: match[1]!, start: lineStart, contentStart: lineStart + match[0].length });
    }
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  return turns.map((turn, i) => {
    let end = i + 1 < turns.length ? turns[i + 1]!.start : text.length;
    while (end > turn.contentStart && /\s/.test(text[end - 1]!)) end--;
    let contentStart = turn.contentStart;
    while (contentStart < end && (text[contentStart] === ' ' || text[contentStart] === '\t')) contentStart++;
    return {
      speaker: turn.speaker,
      range: { start: index.toCodePoint(turn.start), end: index.toCodePoint(end) },
      content: { start: index.toCodePoint(contentStart), end: index.toCodePoint(end) },
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Pseudonymisation

export interface PseudonymEntry {
  /** The name as it appears ("Anne Hansen", "Anne"); matched as whole words, any letter case. */
  name: string;
  pseudonym: string;
}

export interface PseudonymisationReport {
  /** Per entry of the list, in the list's order: its pseudonym and how often it was replaced. */
  names: { index: number; pseudonym: string; count: number }[];
  /** CPR-like numbers replaced by {@link CPR_PLACEHOLDER}. */
  cprNumbers: number;
}

export const CPR_PLACEHOLDER = '[CPR-nummer]';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Six digits, an optional hyphen or space, four digits, not inside a longer number; kept only
 * when the first six read as a day and month ({@link looksLikeCpr}, the registration rule).
 */
const CPR_CANDIDATE = /(?<![\p{N}])\d{6}[- ]?\d{4}(?![\p{N}])/gu;

/**
 * Replaces each name of the list with its pseudonym, and CPR-like numbers with a placeholder,
 * before a transcript is stored. Names match as whole words in any letter case, the longest
 * first (so "Anne Marie" wins over "Anne"); a genitive s stays ("Annes" → "Deltager As").
 * Whitespace inside a name matches any run of spaces or a line break. The report gives counts,
 * never the names, so it can be stored and logged.
 */
export function pseudonymise(
  text: string,
  entries: readonly PseudonymEntry[],
): { text: string; report: PseudonymisationReport } {
  const counts = entries.map(() => 0);
  const usable = entries
    .map((entry, index) => ({ ...entry, name: entry.name.normalize('NFC').trim(), index }))
    .filter((e) => e.name.length > 0)
    .sort((a, b) => b.name.length - a.name.length || a.index - b.index);
  let out = text;
  if (usable.length > 0) {
    const alternatives = usable.map((e) => `(${escapeRegExp(e.name).replace(/\s+/g, '\\s+')})`);
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(s?)(?![\\p{L}\\p{N}])`,
      'giu',
    );
    out = out.replace(pattern, (...args: unknown[]) => {
      const groups = args.slice(1, usable.length + 2) as (string | undefined)[];
      const which = groups.findIndex((g, i) => i < usable.length && g !== undefined);
      const entry = usable[which]!;
      counts[entry.index]!++;
      return entry.pseudonym + (groups[usable.length] ?? '');
    });
  }
  let cprNumbers = 0;
  out = out.replace(CPR_CANDIDATE, (match) => {
    if (!looksLikeCpr(match)) return match;
    cprNumbers++;
    return CPR_PLACEHOLDER;
  });
  return {
    text: out,
    report: {
      names: entries.map((entry, index) => ({ index, pseudonym: entry.pseudonym, count: counts[index]! })),
      cprNumbers,
    },
  };
}
