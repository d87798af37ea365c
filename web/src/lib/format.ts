import type { Locale } from '../api/types';

const numberLocale = (locale: Locale) => (locale === 'en' ? 'en-GB' : 'da-DK');

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(
  locale: Locale,
  maximumFractionDigits: number,
  minimumFractionDigits = 0,
): Intl.NumberFormat {
  const key = `${locale}:${maximumFractionDigits}:${minimumFractionDigits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(numberLocale(locale), { maximumFractionDigits, minimumFractionDigits });
    numberFormats.set(key, f);
  }
  return f;
}

/** `1.234,5` in Danish, `1,234.5` in English. */
export function formatNumber(value: number, locale: Locale = 'da', maximumFractionDigits = 1): string {
  return numberFormat(locale, maximumFractionDigits).format(value);
}

/** `24-12-2026` from `2026-12-24` (or an ISO timestamp, shown in local time). Empty input gives ''. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) return `${m[3]}-${m[2]}-${m[1]}`;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return `${pad(d.getDate())}-${pad(d.getMonth() + 1)}-${d.getFullYear()}`;
}

/** `24-12-2026 14:05` in local time from an ISO timestamp. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return `${formatDate(value)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A period `01-01-2008 – 31-12-2011`; open ends are left out. */
export function formatPeriod(start: string | null | undefined, end: string | null | undefined): string {
  if (!start && !end) return '';
  return `${formatDate(start)} – ${formatDate(end)}`.trim();
}

/**
 * Money from øre: `12,5 mio. kr.` from a million up, `850.000 kr.` below, `2,2 mia. kr.` from a billion.
 * English: `DKK 12.5 million`, `DKK 850,000`.
 */
export function formatMoney(ore: number, locale: Locale = 'da'): string {
  const kr = ore / 100;
  const abs = Math.abs(kr);
  if (abs >= 1_000_000_000) {
    const v = formatNumber(kr / 1_000_000_000, locale, 1);
    return locale === 'en' ? `DKK ${v} billion` : `${v} mia. kr.`;
  }
  if (abs >= 1_000_000) {
    const v = formatNumber(kr / 1_000_000, locale, 1);
    return locale === 'en' ? `DKK ${v} million` : `${v} mio. kr.`;
  }
  const v = formatNumber(Math.round(kr), locale, 0);
  return locale === 'en' ? `DKK ${v}` : `${v} kr.`;
}

/** The exact amount in kroner with øre when there are any: `12.500.000 kr.`. */
export function formatKroner(ore: number, locale: Locale = 'da'): string {
  const v = numberFormat(locale, 2, ore % 100 === 0 ? 0 : 2).format(ore / 100);
  return locale === 'en' ? `DKK ${v}` : `${v} kr.`;
}

const collators = new Map<string, Intl.Collator>();
/** Danish sort order (æ, ø, å after z) whichever UI language; names are Danish. */
export function collator(): Intl.Collator {
  let c = collators.get('da');
  if (!c) {
    c = new Intl.Collator('da', { sensitivity: 'base', numeric: true });
    collators.set('da', c);
  }
  return c;
}

export const compareText = (a: string | null | undefined, b: string | null | undefined): number =>
  collator().compare(a ?? '', b ?? '');

/** Sorts a copy of `items` by `key` in Danish order (text) or numerically. */
export function sortBy<T>(
  items: readonly T[],
  key: (item: T) => string | number | null | undefined,
  dir: 'asc' | 'desc',
): T[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...items].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === y) return 0;
    if (x === null || x === undefined || x === '') return 1;
    if (y === null || y === undefined || y === '') return -1;
    if (typeof x === 'number' && typeof y === 'number') return (x - y) * sign;
    return compareText(String(x), String(y)) * sign;
  });
}

/** Kroner typed by a person (`12.500.000`, `12500000,50`) to øre; null when it is not a number. */
export function parseKronerToOre(
  value: string | number | null | undefined,
  locale: Locale = 'da',
): number | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? Math.round(value * 100) : null;
  let s = value.replace(/\s|kr\.?|dkk/gi, '');
  s = locale === 'da' ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  return Math.round(Number(s) * 100);
}

/** Does `text` contain `query`, ignoring case and accents the Danish way? */
export function matchesSearch(query: string, ...texts: (string | null | undefined)[]): boolean {
  const q = query.trim().toLocaleLowerCase('da');
  if (!q) return true;
  return texts.some((t) => (t ?? '').toLocaleLowerCase('da').includes(q));
}

/**
 * A date typed by a person to `YYYY-MM-DD`: accepts `24-12-2026`, `24.12.2026`, `24/12/2026`, `2026-12-24`.
 * Returns '' for empty input and null when it is not a real date.
 */
export function parseDateInput(value: string): string | null {
  const s = value.trim();
  if (!s) return '';
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const dk = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(s);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dk) [d, m, y] = [Number(dk[1]), Number(dk[2]), Number(dk[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Today's date where the person is (YYYY-MM-DD). */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
