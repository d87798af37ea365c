/** Danish collation: æ, ø, å sort after z; numbers inside names sort by value. */
export const danishCollator = new Intl.Collator('da', { sensitivity: 'base', numeric: true });

export function sortDanish<T>(items: T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => danishCollator.compare(key(a), key(b)));
}
