import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, formatNumber, parseDateInput, parseKronerToOre, sortBy } from './format';

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

describe('dates typed by a person', () => {
  it('reads Danish and ISO forms', () => {
    expect(parseDateInput('24-12-2026')).toBe('2026-12-24');
    expect(parseDateInput('1.2.2026')).toBe('2026-02-01');
    expect(parseDateInput('2026-12-24')).toBe('2026-12-24');
    expect(parseDateInput('')).toBe('');
  });
  it('refuses dates that do not exist', () => {
    expect(parseDateInput('31-02-2026')).toBeNull();
    expect(parseDateInput('tomorrow')).toBeNull();
  });
});
