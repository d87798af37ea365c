import { describe, expect, it } from 'vitest';
import { sliceCodePoints } from './positions.js';
import {
  CPR_PLACEHOLDER,
  findSpeakerTurns,
  normaliseText,
  normaliseTranscript,
  pseudonymise,
} from './transcript.js';

describe('normaliseText', () => {
  it('gives NFC with LF and no byte order mark', () => {
    expect(normaliseTranscript('\ufeffHej\r\nJa\rNej\n')).toBe('Hej\nJa\nNej\n');
    expect(normaliseTranscript('So\u0308ren og a\u030age')).toBe('Sören og åge');
  });

  it('maps positions counted on the original onto the normalised text', () => {
    // Original: "A\r\nBe\u0301C" = A0 \r1 \n2 B3 e4 ◌́5 C6 (7 code points).
    // Normalised: "A\nBéC" = A0 \n1 B2 é3 C4 (5 code points).
    const n = normaliseText('A\r\nBe\u0301C');
    expect(n.text).toBe('A\nBéC');
    expect(n.originalLength).toBe(7);
    expect(n.mapStart(3)).toBe(2); // B
    expect(n.mapStart(6)).toBe(4); // C
    expect(n.mapEnd(6)).toBe(4); // a range ending before C, after the accent: after é
    expect(n.mapEnd(5)).toBe(4); // an end between e and its accent still covers é
    expect(n.mapEnd(4)).toBe(3); // an end before e: after B
    expect(n.mapStart(5)).toBe(3); // a start at the accent moves back to é
    expect(n.mapStart(7)).toBe(5);
    expect(() => n.mapStart(8)).toThrow(RangeError);
  });

  it('text already in normal form keeps every position, and refuses positions past its end', () => {
    const n = normaliseText('Ærø 😀 er åben');
    // Æ0 r1 ø2 ' '3 😀4 ' '5 e6 r7 ' '8 å9 b10 e11 n12: 13 code points.
    expect(n.originalLength).toBe(13);
    expect(n.mapStart(5)).toBe(5);
    expect(n.mapEnd(13)).toBe(13);
    expect(() => n.mapEnd(14)).toThrow(RangeError);
  });

  it('a byte order mark counts as nothing', () => {
    const n = normaliseText('\ufeffabc');
    expect(n.originalLength).toBe(3);
    expect(n.mapStart(1)).toBe(1);
  });

  it('keeps emoji and maps across them', () => {
    const n = normaliseText('😀\r\nø');
    expect(n.text).toBe('😀\nø');
    expect(n.mapStart(3)).toBe(2);
  });
});

describe('findSpeakerTurns', () => {
  const text = [
    'Fokusgruppe, Solbakken, 12. marts',
    '',
    'Interviewer: Hvordan samarbejder I med kommunen?',
    'Anne-Mette: Vi mødes hver uge.',
    'Det fungerer godt.',
    '',
    'Deltager 3: Klokken 10:30 hver tirsdag 😀',
    'Kl. 10:30 er ingen taler.',
  ].join('\n');

  it('finds each "Name:" at a line start, with continuation lines and without trailing blank lines', () => {
    const turns = findSpeakerTurns(text);
    expect(turns.map((t) => t.speaker)).toEqual(['Interviewer', 'Anne-Mette', 'Deltager 3']);
    expect(sliceCodePoints(text, turns[0]!.content.start, turns[0]!.content.end)).toBe(
      'Hvordan samarbejder I med kommunen?',
    );
    expect(sliceCodePoints(text, turns[1]!.range.start, turns[1]!.range.end)).toBe(
      'Anne-Mette: Vi mødes hver uge.\nDet fungerer godt.',
    );
    expect(sliceCodePoints(text, turns[2]!.content.start, turns[2]!.content.end)).toBe(
      'Klokken 10:30 hver tirsdag 😀\nKl. 10:30 er ingen taler.',
    );
  });

  it('counts ranges in code points after an emoji', () => {
    const t = 'A: 😀\nB: ja';
    const turns = findSpeakerTurns(t);
    // A0 :1 ' '2 😀3 \n4 B5 :6 ' '7 j8 a9
    expect(turns[1]!.range).toEqual({ start: 5, end: 10 });
    expect(turns[1]!.content).toEqual({ start: 8, end: 10 });
  });

  it('accepts a timestamp before the name and refuses long labels and times', () => {
    const turns = findSpeakerTurns(
      '[00:01:02] Søren: Ja.\n12:30: nej\nDette er en meget lang sætning med kolon: nej',
    );
    expect(turns.map((t) => t.speaker)).toEqual(['Søren']);
  });

  it('finds no turns in text without speakers', () => {
    expect(findSpeakerTurns('Bare tekst.\nMere tekst.')).toEqual([]);
  });
});

describe('pseudonymise', () => {
  it('replaces names as whole words, longest first, any case, keeping a genitive s; counts only', () => {
    const text =
      'Anne Marie sagde til Anne, at ANNE MARIE og Annes kollega Annette kom. Lars Larsen nikkede.';
    const { text: out, report } = pseudonymise(text, [
      { name: 'Anne', pseudonym: 'Deltager A' },
      { name: 'Anne Marie', pseudonym: 'Deltager B' },
      { name: 'Lars', pseudonym: 'Deltager C' },
    ]);
    expect(out).toBe(
      'Deltager B sagde til Deltager A, at Deltager B og Deltager As kollega Annette kom. Deltager C Larsen nikkede.',
    );
    expect(report.names).toEqual([
      { index: 0, pseudonym: 'Deltager A', count: 2 },
      { index: 1, pseudonym: 'Deltager B', count: 2 },
      { index: 2, pseudonym: 'Deltager C', count: 1 },
    ]);
    expect(JSON.stringify(report)).not.toContain('Anne');
  });

  it('matches Danish letters and a name broken over a line', () => {
    const { text } = pseudonymise('Søren Ærbø\nsagde: søren\nærbø ved det.', [
      { name: 'Søren Ærbø', pseudonym: 'P1' },
    ]);
    expect(text).toBe('P1\nsagde: P1 ved det.');
  });

  it('replaces CPR-like numbers with a day and month, not other ten-digit numbers', () => {
    const { text, report } = pseudonymise(
      'CPR 010203-1234, 0102031234 og 0102 031234; tlf 99999999991; 3213001234',
      [],
    );
    expect(text).toBe(
      `CPR ${CPR_PLACEHOLDER}, ${CPR_PLACEHOLDER} og 0102 031234; tlf 99999999991; 3213001234`,
    );
    expect(report.cprNumbers).toBe(2);
  });

  it('ignores empty names and escapes regular-expression characters', () => {
    const { text, report } = pseudonymise('Hr. (X) og a.b', [
      { name: '  ', pseudonym: 'tom' },
      { name: '(X)', pseudonym: 'Y' },
    ]);
    // "(X)" starts and ends with punctuation; the word-boundary rule still finds it.
    expect(text).toBe('Hr. Y og a.b');
    expect(report.names[0]!.count).toBe(0);
  });
});
