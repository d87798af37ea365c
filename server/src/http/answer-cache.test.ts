import { describe, expect, it } from 'vitest';
import { AnswerCache } from './answer-cache.js';

describe('the answer cache', () => {
  it('answers only for the same revision and day', () => {
    const c = new AnswerCache();
    c.set('p', 3, '2026-11-27', '{"a":1}');
    expect(c.get('p', 3, '2026-11-27')).toBe('{"a":1}');
    expect(c.get('p', 4, '2026-11-27')).toBeNull();
    expect(c.get('p', 3, '2026-11-28')).toBeNull();
    expect(c.get('q', 3, '2026-11-27')).toBeNull();
  });

  it('lets the least recently used go first when full', () => {
    const c = new AnswerCache(10);
    c.set('a', 1, 'd', '1234');
    c.set('b', 1, 'd', '1234');
    expect(c.get('a', 1, 'd')).toBe('1234'); // a is now the most recent
    c.set('c', 1, 'd', '1234'); // 12 bytes: b goes
    expect(c.get('b', 1, 'd')).toBeNull();
    expect(c.get('a', 1, 'd')).toBe('1234');
    expect(c.get('c', 1, 'd')).toBe('1234');
    c.set('big', 1, 'd', '12345678901'); // larger than the whole cache: not kept
    expect(c.get('big', 1, 'd')).toBeNull();
  });
});
