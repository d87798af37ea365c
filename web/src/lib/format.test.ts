import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, formatNumber, parseKronerToOre, sortBy } from './format';

describe('Danish formatting', () => {
  it('formats numbers, dates and money', () => {
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatDate('2026-12-24')).toBe('24-12-2026');
    expect(formatMoney(1_250_000_000)).toBe('12,5 mio. kr.');
    expect(formatMoney(85_000_000)).toBe('850.000 kr.');
    expect(formatMoney(1_250_000_000, 'en')).toBe('DKK 12.5 million');
  });
  it('sorts æ, ø, å after z', () => {
    expect(sortBy(['Ølstykke', 'Zealand', 'Århus', 'Ærø', 'Brøndby'], (x) => x, 'asc')).toEqual([
      'Brøndby',
      'Zealand',
      'Ærø',
      'Ølstykke',
      'Århus',
    ]);
  });
  it('reads kroner typed the Danish way', () => {
    expect(parseKronerToOre('12.500.000')).toBe(1_250_000_000);
    expect(parseKronerToOre('1.234,50')).toBe(123_450);
    expect(parseKronerToOre('abc')).toBeNull();
  });
});
