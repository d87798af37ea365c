import { describe, expect, it } from 'vitest';
import { decimalText, formatIndicatorNumber, parseDecimal, periodText } from './numbers';

describe('indicator numbers as people type and read them', () => {
  it('reads Danish and English decimals, and says when the text is not a number', () => {
    expect(parseDecimal('62,5', 'da')).toBe(62.5);
    expect(parseDecimal('1.234,5', 'da')).toBe(1234.5);
    expect(parseDecimal('62.5', 'da')).toBe(62.5);
    expect(parseDecimal('1,234.5', 'en')).toBe(1234.5);
    expect(parseDecimal(' ', 'da')).toBeNull();
    expect(parseDecimal('tre', 'da')).toBeNaN();
    expect(decimalText(62.5, 'da')).toBe('62,5');
    expect(decimalText(null, 'da')).toBe('');
  });

  it('shows percentages, counts with their unit and yes/no as words', () => {
    expect(formatIndicatorNumber({ kind: 'percentage', unit: '%' }, 33.333, 'da', 'Ja', 'Nej')).toBe(
      '33,3 %',
    );
    expect(formatIndicatorNumber({ kind: 'count', unit: 'forløb' }, 1234, 'da', 'Ja', 'Nej')).toBe(
      '1.234 forløb',
    );
    expect(formatIndicatorNumber({ kind: 'yes_no', unit: null }, 1, 'da', 'Ja', 'Nej')).toBe('Ja');
    expect(formatIndicatorNumber({ kind: 'count', unit: null }, null, 'da', 'Ja', 'Nej')).toBe('');
  });

  it('names periods in Danish and English', () => {
    expect(periodText('whole', 'da')).toBe('Hele perioden');
    expect(periodText('2025-H1', 'da')).toBe('1. halvår 2025');
    expect(periodText('2025-Q3', 'en')).toBe('Q3 2025');
    expect(periodText('2025', 'en')).toBe('2025');
  });
});
