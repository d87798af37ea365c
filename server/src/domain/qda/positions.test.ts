import { describe, expect, it } from 'vitest';
import {
  PositionIndex,
  codePointLength,
  codePointToUtf16,
  isRangeInside,
  sliceCodePoints,
  utf16ToCodePoint,
} from './positions.js';

describe('positions: code points against UTF-16 indices', () => {
  it('Danish letters are one unit and one code point each', () => {
    const text = 'Rød grød med fløde på Ærø';
    expect(text.length).toBe(25);
    expect(codePointLength(text)).toBe(25);
    expect(codePointToUtf16(text, 22)).toBe(22);
    expect(sliceCodePoints(text, 22, 25)).toBe('Ærø');
  });

  it('an emoji is two UTF-16 units and one code point: later positions shift by one', () => {
    // "Hej 😀 æble": H0 e1 j2 ' '3 😀4 ' '5 æ6 b7 l8 e9 (code points); in UTF-16 😀 takes 4 and 5.
    const text = 'Hej 😀 æble';
    expect(text.length).toBe(11);
    expect(codePointLength(text)).toBe(10);
    expect(codePointToUtf16(text, 4)).toBe(4);
    expect(codePointToUtf16(text, 5)).toBe(6);
    expect(codePointToUtf16(text, 6)).toBe(7);
    expect(utf16ToCodePoint(text, 7)).toBe(6);
    expect(sliceCodePoints(text, 6, 10)).toBe('æble');
    expect(sliceCodePoints(text, 4, 5)).toBe('😀');
  });

  it('several emoji, one after another and apart', () => {
    // 👍👍 x 🇩🇰 ø — the flag is two regional-indicator code points (four units).
    const text = '👍👍 x 🇩🇰 ø';
    const index = new PositionIndex(text);
    // Code points: 👍0 👍1 ' '2 x3 ' '4 🇩5 🇰6 ' '7 ø8 → 9; units: 2+2+1+1+1+2+2+1+1 = 13.
    expect(index.codePointLength).toBe(9);
    expect(index.utf16Length).toBe(13);
    expect(index.toUtf16(8)).toBe(12);
    expect(index.toCodePoint(12)).toBe(8);
    expect(index.toUtf16(9)).toBe(13);
    for (let cp = 0; cp <= 9; cp++) expect(index.toCodePoint(index.toUtf16(cp))).toBe(cp);
  });

  it('an index inside a surrogate pair throws, or snaps when asked', () => {
    const index = new PositionIndex('a😀b');
    expect(() => index.toCodePoint(2)).toThrow(RangeError);
    expect(index.toCodePoint(2, 'down')).toBe(1);
    expect(index.toCodePoint(2, 'up')).toBe(2);
    // A browser selection from inside the emoji to its end covers the whole emoji.
    expect(index.rangeToCodePoints({ start: 2, end: 3 })).toEqual({ start: 1, end: 2 });
    expect(index.rangeToUtf16({ start: 1, end: 2 })).toEqual({ start: 1, end: 3 });
  });

  it('combining marks count after NFC: e + U+0301 becomes é, one code point', () => {
    const decomposed = 'Cafe\u0301 på Ærø';
    expect(codePointLength(decomposed)).toBe(12);
    const nfc = decomposed.normalize('NFC');
    expect(codePointLength(nfc)).toBe(11);
    expect(sliceCodePoints(nfc, 0, 4)).toBe('Café');
    // å written as a + U+030A COMBINING RING ABOVE is the same letter after NFC.
    expect('pa\u030a'.normalize('NFC')).toBe('på');
    // A mark with no precomposed letter stays two code points: q + U+0307.
    expect(codePointLength('q\u0307'.normalize('NFC'))).toBe(2);
  });

  it('positions outside the text are refused', () => {
    const index = new PositionIndex('abc');
    expect(() => index.toUtf16(4)).toThrow(RangeError);
    expect(() => index.toUtf16(-1)).toThrow(RangeError);
    expect(() => index.toCodePoint(1.5)).toThrow(RangeError);
    expect(isRangeInside({ start: 0, end: 3 }, 3)).toBe(true);
    expect(isRangeInside({ start: 2, end: 2 }, 3)).toBe(false);
    expect(isRangeInside({ start: 2, end: 4 }, 3)).toBe(false);
  });

  it('a lone surrogate counts as one code point, as in the string', () => {
    const text = 'a\ud800b';
    expect(codePointLength(text)).toBe(3);
    expect(codePointToUtf16(text, 2)).toBe(2);
  });

  it('agrees with Array.from on a long mixed text', () => {
    const text = 'Æbler 🍎 og pærer 🍐\nØjebliksbillede: å 👩‍👩‍👧 slut'.repeat(50);
    const points = Array.from(text);
    const index = new PositionIndex(text);
    expect(index.codePointLength).toBe(points.length);
    let unit = 0;
    for (let cp = 0; cp < points.length; cp++) {
      expect(index.toUtf16(cp)).toBe(unit);
      expect(index.toCodePoint(unit)).toBe(cp);
      unit += points[cp]!.length;
    }
  });
});
