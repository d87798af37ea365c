import { describe, expect, it } from 'vitest';
import { Positions, splitLines, splitUnits } from './positions';

describe('positions in the browser', () => {
  const text = 'Æbler på Ærø 😀 er gode. Ø-folk 👍🏽 spiser dem!\nNæste linje.';

  it('are the same for æ, ø, å and shift by one for each emoji before them', () => {
    const p = new Positions(text);
    expect(p.codePointLength).toBe([...text].length);
    const at = text.indexOf('er gode');
    expect(p.toCodePoint(at, 'down')).toBe(at - 1);
    expect(p.toUnit(at - 1)).toBe(at);
    const ø = text.indexOf('Ø-folk');
    expect(p.toCodePoint(ø, 'down')).toBe(ø - 1);
    const after = text.indexOf('spiser');
    // 👍🏽 is two code points, four units; 😀 one code point, two units.
    expect(p.toCodePoint(after, 'down')).toBe(after - 3);
    expect(p.toUnit(after - 3)).toBe(after);
  });

  it('widen a selection that cuts an emoji to cover it', () => {
    const p = new Positions(text);
    const emoji = text.indexOf('😀');
    const r = p.toCodePoints(emoji + 1, emoji + 1);
    expect([...text].slice(r.start, r.end).join('')).toBe('😀');
    const units = p.toUnits(r.start, r.end);
    expect(text.slice(units.start, units.end)).toBe('😀');
  });

  it('split lines and sentences', () => {
    const lines = splitLines(text + '\n\nSidste.\n');
    expect(lines.map((l) => l.text)).toEqual([text.split('\n')[0], 'Næste linje.', '', 'Sidste.']);
    const units = splitUnits(lines).map((u) => (text + '\n\nSidste.\n').slice(u.start, u.end));
    expect(units).toEqual(['Æbler på Ærø 😀 er gode.', 'Ø-folk 👍🏽 spiser dem!', 'Næste linje.', 'Sidste.']);
  });
});
