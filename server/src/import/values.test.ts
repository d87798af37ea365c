import { describe, expect, it } from 'vitest';
import {
  columnLetter,
  columnNumber,
  detectNumberConvention,
  isAmbiguousNumber,
  normaliseHeader,
  parseDanishBoolean,
  parseDanishDate,
  parseDanishNumber,
} from './values.js';

describe('parseDanishNumber', () => {
  it.each([
    ['1.234,5', 1234.5],
    ['1234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['1234.5', 1234.5],
    ['1,5', 1.5],
    ['1.5', 1.5],
    ['0,125', 0.125],
    ['12', 12],
    ['-3,25', -3.25],
    ['+7', 7],
    ['\u22124,5', -4.5],
    ['1.234.567', 1234567],
    ['1,234,567', 1234567],
    ['1.234.567,89', 1234567.89],
    ['1 234,5', 1234.5],
    ['1\u00a0234\u00a0567', 1234567],
    ['  42  ', 42],
    [',5', 0.5],
    ['1,5E-07', 1.5e-7],
    ['2e3', 2000],
  ])('reads %j as %d', (text, value) => {
    expect(parseDanishNumber(text)).toBeCloseTo(value, 12);
  });

  it.each([
    '',
    '  ',
    'abc',
    '12abc',
    '1.2.3',
    '12,34,567',
    '1.23,5',
    '1,234.567,8',
    '5,',
    '5.',
    '1 23',
    '1e',
    '--1',
    '1-',
    'kr. 100',
    '50 %',
    'NaN',
    'Infinity',
    '0x10',
    '1'.repeat(80),
  ])('rejects %j', (text) => {
    expect(parseDanishNumber(text)).toBeNull();
  });

  it('reads the ambiguous shape by the convention', () => {
    expect(isAmbiguousNumber('1,234')).toBe(true);
    expect(isAmbiguousNumber('0,125')).toBe(false);
    expect(isAmbiguousNumber('1,5')).toBe(false);
    expect(parseDanishNumber('1,234')).toBe(1.234);
    expect(parseDanishNumber('1,234', 'da')).toBe(1.234);
    expect(parseDanishNumber('1.234', 'da')).toBe(1234);
    expect(parseDanishNumber('1,234', 'en')).toBe(1234);
    expect(parseDanishNumber('1.234', 'en')).toBe(1.234);
    // Unambiguous shapes do not depend on it.
    expect(parseDanishNumber('1,5', 'en')).toBe(1.5);
    expect(parseDanishNumber('1.234,5', 'en')).toBe(1234.5);
    expect(parseDanishNumber('1,234.5', 'da')).toBe(1234.5);
  });
});

describe('detectNumberConvention', () => {
  it('lets unambiguous values vote and falls back on ties', () => {
    expect(detectNumberConvention(['1,234', '2,5', 'x'], 'en')).toBe('da');
    expect(detectNumberConvention(['1,234', '2.5'], 'da')).toBe('en');
    expect(detectNumberConvention(['1.234.567', '7'], 'en')).toBe('da');
    expect(detectNumberConvention(['1,234', 'abc', '12'], 'en')).toBe('en');
    expect(detectNumberConvention([], 'da')).toBe('da');
    expect(detectNumberConvention(['1,5', '2.5'], 'da')).toBe('da');
  });
});

describe('parseDanishDate', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['05-03-2024', '2024-03-05'],
    ['5/3/2024', '2024-03-05'],
    ['05.03.2024', '2024-03-05'],
    ['5.3.2024', '2024-03-05'],
    [' 29-02-2024 ', '2024-02-29'],
    ['2024-03-05T00:00:00', '2024-03-05'],
    ['31.12.1999', '1999-12-31'],
  ])('reads %j as %s', (text, iso) => {
    expect(parseDanishDate(text)).toBe(iso);
  });

  it.each([
    '',
    '31-02-2024',
    '29-02-2023',
    '2024-13-01',
    '2024-00-10',
    '00.01.2024',
    '5/3/24',
    '05-03/2024',
    '2024-3-5',
    '2024-03-05T12:30:00',
    'i går',
    '1.1.1800',
    '45000',
  ])('rejects %j', (text) => {
    expect(parseDanishDate(text)).toBeNull();
  });
});

describe('parseDanishBoolean', () => {
  it('reads Danish, English and spreadsheet yes/no', () => {
    for (const t of ['ja', 'Ja', ' SAND ', 'true', 'x', '1', 'yes']) expect(parseDanishBoolean(t)).toBe(true);
    for (const t of ['nej', 'FALSK', 'false', '0', 'no']) expect(parseDanishBoolean(t)).toBe(false);
    for (const t of ['', 'måske', '2']) expect(parseDanishBoolean(t)).toBeNull();
  });
});

describe('headers and columns', () => {
  it('normalises header names', () => {
    expect(normaliseHeader('\uFEFF  Antal   Deltagere ')).toBe('antal deltagere');
    expect(normaliseHeader('ÆBLE\u00a0Ø')).toBe('æble ø');
    expect(normaliseHeader('Dato')).toBe(normaliseHeader(' dato'));
  });

  it('converts column letters', () => {
    expect(columnLetter(1)).toBe('A');
    expect(columnLetter(27)).toBe('AA');
    expect(columnLetter(16384)).toBe('XFD');
    expect(columnNumber('XFD')).toBe(16384);
    expect(columnNumber('bdwgn')).toBe(1_000_000);
    expect(columnNumber('AAAAAAAA')).toBe(Infinity);
  });
});
