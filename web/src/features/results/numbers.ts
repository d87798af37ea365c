import type { Locale } from '../../api/types';
import type { Indicator } from '../../api/results';
import { formatNumber } from '../../lib/format';

/** A number typed by a person: `62,5` or `1.234,5` in Danish, `62.5` or `1,234.5` in English. */
export function parseDecimal(value: string, locale: Locale): number | null {
  let s = value.replace(/\s/g, '');
  if (s === '') return null;
  if (locale === 'da') s = s.includes(',') ? s.replace(/\./g, '').replace(',', '.') : s;
  else s = s.replace(/,/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return Number.NaN;
  return Number(s);
}

/** A number as a person types it back (Danish decimal comma). */
export function decimalText(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined) return '';
  return locale === 'da' ? String(value).replace('.', ',') : String(value);
}

/** An indicator's number for reading: `62,5 %`, `1.234 personer`, `Ja`. */
export function formatIndicatorNumber(
  indicator: Pick<Indicator, 'kind' | 'unit'>,
  value: number | null,
  locale: Locale,
  yes: string,
  no: string,
): string {
  if (value === null) return '';
  if (indicator.kind === 'yes_no') return value === 1 ? yes : no;
  const n = formatNumber(value, locale);
  if (indicator.kind === 'percentage') return `${n} %`;
  return indicator.unit && indicator.unit !== '%' ? `${n} ${indicator.unit}` : n;
}

/** A period key as words: `2025`, `1. halvår 2025`, `3. kvartal 2025`, `Hele perioden`. */
export function periodText(key: string, locale: Locale): string {
  const da = locale === 'da';
  if (key === 'whole') return da ? 'Hele perioden' : 'Whole period';
  const m = /^(\d{4})(?:-(H|Q)(\d))?$/.exec(key);
  if (!m) return key;
  const [, year, kind, n] = m;
  if (!kind) return year!;
  if (kind === 'H') return da ? `${n}. halvår ${year}` : `H${n} ${year}`;
  return da ? `${n}. kvartal ${year}` : `Q${n} ${year}`;
}
