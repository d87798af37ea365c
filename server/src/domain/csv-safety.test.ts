import { describe, expect, it } from 'vitest';
import { neutraliseCell } from './csv-safety.js';

describe('neutraliseCell', () => {
  it.each([
    ['=HYPERLINK("http://x","klik")', '\'=HYPERLINK("http://x","klik")'],
    ['+45 12 34 56 78', "'+45 12 34 56 78"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
  ])('prefixes %j with an apostrophe', (input, output) => {
    expect(neutraliseCell(input)).toBe(output);
  });

  it.each([
    'Vollsmose',
    'Helhedsplan Aalborg Øst',
    '',
    ' =leading space',
    "'allerede citeret",
    'a=b',
    '12-15',
  ])('leaves %j alone', (input) => {
    expect(neutraliseCell(input)).toBe(input);
  });

  it('leaves numbers, including negative numbers, booleans and null untouched', () => {
    expect(neutraliseCell(-1500)).toBe(-1500);
    expect(neutraliseCell(0)).toBe(0);
    expect(neutraliseCell(3.5)).toBe(3.5);
    expect(neutraliseCell(true)).toBe(true);
    expect(neutraliseCell(null)).toBeNull();
    expect(neutraliseCell(undefined)).toBeUndefined();
  });
});
