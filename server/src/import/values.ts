/**
 * Reading the text of one cell: header names, numbers in Danish or English notation, Danish
 * dates and yes/no. Pure functions; each returns null for text it does not accept.
 */

/** The normal form headers are compared in: no BOM, trimmed, spaces collapsed, lower case. */
export function normaliseHeader(name: string): string {
  return name
    .normalize('NFC')
    .replace(/\uFEFF/g, '')
    .replace(/[\s\u00A0\u202F]+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Which mark a file uses for decimals: `da` writes 1.234,5 (comma for decimals, period for
 * thousands), `en` writes 1,234.5.
 */
export type NumberConvention = 'da' | 'en';

const SPACES = /[ \u00A0\u202F]/g;
const SIGN = /^[+\-\u2212]/;
const EXPONENT = /[eE][+-]?\d{1,3}$/;

/**
 * True when the text has the one shape whose meaning depends on the convention: one to three
 * digits, then a single comma or period, then exactly three digits (`1,234`, `12.500`). Every
 * other shape means the same in both conventions.
 */
export function isAmbiguousNumber(text: string): boolean {
  return /^[+\-\u2212]?[1-9]\d{0,2}[.,]\d{3}$/.test(text.replace(SPACES, '').trim());
}

/**
 * Parses a number written the Danish or the English way; null for anything else.
 *
 * The rule, the same for every file:
 * - With both marks, the last one is the decimal mark: `1.234,5` and `1,234.5` are 1234.5; the
 *   other mark must then group thousands correctly (`1.23,5` is rejected).
 * - A mark repeated (`1.234.567`, `1,234,567`) groups thousands.
 * - A single mark followed by anything but exactly three digits is a decimal mark: `1,5`,
 *   `1234,56`, `0,125` and `1.5` are 1.5, 1234.56, 0.125 and 1.5 in every file. So a `,`-separated
 *   file's quoted `"1,5"` is 1.5 as it is in a `;`-separated file.
 * - Only `d,ddd` / `dd,ddd` / `ddd,ddd` (and the same with a period) depend on the convention:
 *   with `da` (the default) `1,234` is 1.234 and `1.234` is 1234; with `en` the reverse. A reader
 *   decides the convention per file with {@link detectNumberConvention}.
 * - Spaces (also non-breaking) may group thousands (`1 234,5`); a leading + or − sign and an
 *   exponent (`1,5E-07`, as Excel writes in CSV) are accepted. Anything else (letters, currency,
 *   percent signs, empty text) is rejected.
 */
export function parseDanishNumber(text: string, convention: NumberConvention = 'da'): number | null {
  let s = text.trim();
  if (s === '' || s.length > 64) return null;
  let sign = 1;
  const signMatch = SIGN.exec(s);
  if (signMatch) {
    if (signMatch[0] !== '+') sign = -1;
    s = s.slice(1);
  }
  let exponent = '';
  const expMatch = EXPONENT.exec(s);
  if (expMatch) {
    exponent = expMatch[0];
    s = s.slice(0, -exponent.length);
  }
  if (/[ \u00A0\u202F]/.test(s)) {
    // Space grouping: groups of exactly three digits after the first.
    if (!/^\d{1,3}([ \u00A0\u202F]\d{3})+([.,]\d+)?$/.test(s)) return null;
    s = s.replace(SPACES, '');
  }
  if (!/^[\d.,]+$/.test(s) || !/^\d|^[.,]\d/.test(s)) return null;

  const lastComma = s.lastIndexOf(',');
  const lastPeriod = s.lastIndexOf('.');
  let intPart: string;
  let fraction: string | null = null;
  let groupMark: string | null = null;

  if (lastComma >= 0 && lastPeriod >= 0) {
    const decimalMark = lastComma > lastPeriod ? ',' : '.';
    groupMark = decimalMark === ',' ? '.' : ',';
    const at = s.lastIndexOf(decimalMark);
    intPart = s.slice(0, at);
    fraction = s.slice(at + 1);
    if (intPart.includes(decimalMark)) return null;
  } else if (lastComma >= 0 || lastPeriod >= 0) {
    const mark = lastComma >= 0 ? ',' : '.';
    const count = s.split(mark).length - 1;
    if (count > 1) {
      groupMark = mark;
      intPart = s;
    } else if (isAmbiguousNumber(s)) {
      const decimalMark = convention === 'da' ? ',' : '.';
      if (mark === decimalMark) {
        [intPart, fraction] = s.split(mark) as [string, string];
      } else {
        groupMark = mark;
        intPart = s;
      }
    } else {
      [intPart, fraction] = s.split(mark) as [string, string];
    }
  } else {
    intPart = s;
  }

  if (groupMark !== null && intPart.includes(groupMark)) {
    if (!new RegExp(`^\\d{1,3}(\\${groupMark}\\d{3})+$`).test(intPart)) return null;
    intPart = intPart.split(groupMark).join('');
  }
  // A decimal mark needs digits after it: `5,` and `5.` are rejected.
  if (fraction === '' || !/^\d*$/.test(intPart) || !/^\d*$/.test(fraction ?? '')) return null;
  if (intPart === '' && fraction === null) return null;
  const value = sign * Number(`${intPart || '0'}.${fraction ?? '0'}${exponent}`);
  return Number.isFinite(value) ? value : null;
}

/**
 * Decides a file's convention from its cells: the values that can only be read one way vote
 * (`1,5` and `1.234,5` for `da`; `1.5` and `1,234.5` for `en`); the majority wins. When nothing
 * votes, or the vote ties, `fallback` decides: readers pass `en` for a `,`-separated CSV file
 * and `da` otherwise.
 */
export function detectNumberConvention(
  texts: Iterable<string>,
  fallback: NumberConvention,
): NumberConvention {
  let da = 0;
  let en = 0;
  for (const raw of texts) {
    const t = raw.trim();
    if (t === '' || t.length > 64 || !/^[+\-\u2212]?[\d.,\s\u00A0\u202F]+([eE][+-]?\d+)?$/.test(t)) continue;
    if (isAmbiguousNumber(t)) continue;
    if (parseDanishNumber(t, 'da') === null) continue;
    const s = t.replace(/[eE][+-]?\d+$/, '');
    const lastComma = s.lastIndexOf(',');
    const lastPeriod = s.lastIndexOf('.');
    if (lastComma < 0 && lastPeriod < 0) continue;
    const commaCount = s.split(',').length - 1;
    const periodCount = s.split('.').length - 1;
    if (lastComma >= 0 && lastPeriod >= 0) {
      if (lastComma > lastPeriod) da++;
      else en++;
    } else if (lastComma >= 0 && commaCount === 1) da++;
    else if (lastPeriod >= 0 && periodCount === 1) en++;
    else if (commaCount > 1) en++;
    else if (periodCount > 1) da++;
  }
  if (da > en) return 'da';
  if (en > da) return 'en';
  return fallback;
}

/**
 * Parses a date written `2024-03-05` (ISO), or day first the Danish way: `05-03-2024`,
 * `5/3/2024`, `05.03.2024`, `5.3.2024`. Returns `YYYY-MM-DD`, or null for other shapes, two-digit
 * years, years outside 1900-2199 and dates that do not exist (31-02-2024, 29-02-2023). An ISO
 * date with a time of exactly midnight (`2024-03-05T00:00:00`, as a spreadsheet date reads) is
 * accepted as that date.
 */
export function parseDanishDate(text: string): string | null {
  const t = text.trim();
  let year: number;
  let month: number;
  let day: number;
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$/.exec(t);
  if (m) {
    year = Number(m[1]);
    month = Number(m[2]);
    day = Number(m[3]);
  } else {
    m = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/.exec(t);
    if (!m) return null;
    day = Number(m[1]);
    month = Number(m[3]);
    year = Number(m[4]);
  }
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Yes or no as people and spreadsheets write it: ja/nej, j/n, sand/falsk (Danish Excel),
 * true/false, yes/no, y/n, 1/0, x for yes. Case and surrounding spaces do not matter; an empty
 * cell is null, as is anything else.
 */
export function parseDanishBoolean(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (['ja', 'j', 'sand', 'true', 'yes', 'y', '1', 'x'].includes(t)) return true;
  if (['nej', 'n', 'falsk', 'false', 'no', '0'].includes(t)) return false;
  return null;
}

/** Spreadsheet column letters: 1 → A, 27 → AA, 16384 → XFD. */
export function columnLetter(index: number): string {
  let n = index;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Column number of spreadsheet letters (A → 1, XFD → 16384); Infinity past 7 letters. */
export function columnNumber(letters: string): number {
  if (letters.length > 7) return Infinity;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
