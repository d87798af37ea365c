/** Reads "Name = Pseudonym" lines; returns the entries or the first bad line (1-based). */
export function parsePseudonyms(text: string): {
  entries: { name: string; pseudonym: string }[];
  badLine: number | null;
} {
  const entries: { name: string; pseudonym: string }[] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const at = line.indexOf('=');
    if (at <= 0 || !line.slice(at + 1).trim()) return { entries, badLine: i + 1 };
    entries.push({ name: line.slice(0, at).trim(), pseudonym: line.slice(at + 1).trim() });
  }
  return { entries, badLine: null };
}
