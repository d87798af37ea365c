/**
 * Zip archives for .qdpx (and the .docx check), read within limits and written plainly.
 *
 * Reading uses the import module's zip reader (server/src/import/zip.ts): it reads the central
 * directory and checks every declared size, entry count and compression ratio before a byte is
 * unpacked, and stops unpacking an entry the moment it yields more than it declared (a zip bomb
 * with lying sizes). This module adds entry-name safety (no absolute paths, drive letters,
 * backslashes or `..` segments), a per-entry and a total limit on what is actually unpacked,
 * and case-insensitive look-up for tools that write `Sources/` rather than `sources/`.
 * Writing uses fflate.
 */
import { StringDecoder } from 'node:string_decoder';
import { zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import type { ZipEntry } from '../import/zip.js';
import { inflateEntry, isCompoundFile, isZip, readZipDirectory } from '../import/zip.js';

export interface ArchiveLimits {
  /** Entries in the central directory. */
  maxEntries: number;
  /** All entries' declared sizes together (what is not read is never unpacked). */
  maxDeclaredBytes: number;
  /** One entry that is read. */
  maxEntryBytes: number;
  /** All entries that are read, together. */
  maxReadBytes: number;
}

export type ArchiveProblemCode =
  'not_zip' | 'encrypted_or_old_format' | 'zip_bomb' | 'too_many_entries' | 'unsafe_entry_name';

export interface ArchiveProblem {
  code: ArchiveProblemCode;
  detail: Record<string, string | number>;
}

/** Why an entry name is unsafe, or null. Names are compared as the zip stores them (UTF-8, `/`). */
export function unsafeEntryName(name: string): string | null {
  if (name.length === 0) return 'empty';
  if (name.includes('\u0000')) return 'nul';
  if (name.includes('\\')) return 'backslash';
  if (name.startsWith('/')) return 'absolute';
  if (/^[A-Za-z]:/.test(name)) return 'drive_letter';
  if (name.split('/').some((part) => part === '..')) return 'parent_segment';
  return null;
}

export class Archive {
  private readBytes = 0;
  private readonly byName = new Map<string, ZipEntry>();
  private readonly byLowerName = new Map<string, ZipEntry>();

  constructor(
    private readonly bytes: Uint8Array,
    entries: ZipEntry[],
    private readonly limits: ArchiveLimits,
  ) {
    for (const e of entries) {
      this.byName.set(e.name, e);
      if (!this.byLowerName.has(e.name.toLowerCase())) this.byLowerName.set(e.name.toLowerCase(), e);
    }
  }

  /** Entry names (files only, not folders), in the archive's order. */
  get names(): string[] {
    return [...this.byName.keys()].filter((n) => !n.endsWith('/'));
  }

  /** The entry's stored name for `name`, exactly or else ignoring letter case. */
  find(name: string): string | null {
    return this.byName.get(name)?.name ?? this.byLowerName.get(name.toLowerCase())?.name ?? null;
  }

  /** The entry's declared (uncompressed) size. */
  size(name: string): number | null {
    return this.byName.get(name)?.uncompressedSize ?? null;
  }

  /**
   * Unpacks one entry within the limits. `too_large` when it declares or yields more than the
   * per-entry limit or the total left, `corrupt` when its data is broken, `zip_bomb` when it
   * yields more than it declared.
   */
  async read(
    name: string,
  ): Promise<
    { ok: true; data: Buffer } | { ok: false; reason: 'missing' | 'too_large' | 'corrupt' | 'zip_bomb' }
  > {
    const entry = this.byName.get(name);
    if (!entry) return { ok: false, reason: 'missing' };
    if (entry.uncompressedSize > this.limits.maxEntryBytes) return { ok: false, reason: 'too_large' };
    if (this.readBytes + entry.uncompressedSize > this.limits.maxReadBytes)
      return { ok: false, reason: 'too_large' };
    const chunks: Buffer[] = [];
    const outcome = await inflateEntry(this.bytes, entry, (chunk) => {
      chunks.push(chunk);
    });
    if (outcome === 'too_large') return { ok: false, reason: 'zip_bomb' };
    if (outcome !== 'ok') return { ok: false, reason: 'corrupt' };
    this.readBytes += entry.uncompressedSize;
    return { ok: true, data: Buffer.concat(chunks) };
  }

  /**
   * Whether an entry's text contains `pattern` anywhere (a DOCTYPE hidden after a long prolog
   * too): the entry is unpacked chunk by chunk, keeping only the last `overlap` characters
   * between chunks; null when it cannot be unpacked.
   */
  async contains(name: string, pattern: RegExp, overlap = 64): Promise<boolean | null> {
    const entry = this.byName.get(name);
    if (!entry) return null;
    const decoder = new StringDecoder('utf8');
    let tail = '';
    let found = false;
    const outcome = await inflateEntry(this.bytes, entry, (chunk) => {
      const text = tail + decoder.write(chunk);
      if (pattern.test(text)) {
        found = true;
        return false;
      }
      tail = text.slice(-overlap);
    });
    if (found) return true;
    return outcome === 'ok' ? pattern.test(tail + decoder.end()) : null;
  }

  /** Unpacks every entry without keeping it, to prove no entry yields more than it declares. */
  async verifySizes(): Promise<ArchiveProblem | null> {
    for (const entry of this.byName.values()) {
      const outcome = await inflateEntry(this.bytes, entry);
      if (outcome === 'too_large') {
        return { code: 'zip_bomb', detail: { reason: 'entry_larger_than_declared', entry: entry.name } };
      }
      if (outcome === 'corrupt')
        return { code: 'not_zip', detail: { reason: 'corrupt_entry', entry: entry.name } };
    }
    return null;
  }
}

/** Opens a zip within limits, or says why it is refused. Nothing is unpacked yet. */
export function openArchive(
  bytes: Uint8Array,
  limits: ArchiveLimits,
): { ok: true; archive: Archive } | { ok: false; problem: ArchiveProblem } {
  if (isCompoundFile(bytes)) return { ok: false, problem: { code: 'encrypted_or_old_format', detail: {} } };
  if (!isZip(bytes))
    return { ok: false, problem: { code: 'not_zip', detail: { reason: 'no_zip_signature' } } };
  const dir = readZipDirectory(bytes, {
    maxEntries: limits.maxEntries,
    maxUncompressedBytes: limits.maxDeclaredBytes,
  });
  if (!dir.ok) {
    const { code, detail } = dir.problem;
    const d = (detail ?? {}) as Record<string, string | number>;
    if (code === 'zip_bomb') return { ok: false, problem: { code: 'zip_bomb', detail: d } };
    if (code === 'zip_too_many_entries')
      return { ok: false, problem: { code: 'too_many_entries', detail: d } };
    return { ok: false, problem: { code: 'not_zip', detail: d } };
  }
  for (const entry of dir.entries) {
    const why = unsafeEntryName(entry.name);
    if (why)
      return {
        ok: false,
        problem: { code: 'unsafe_entry_name', detail: { entry: entry.name, reason: why } },
      };
  }
  return { ok: true, archive: new Archive(bytes, dir.entries, limits) };
}

/** Writes a zip of the given files (UTF-8 names, deflated, all dated `mtime`). */
export function writeArchive(files: { name: string; data: Uint8Array | string }[], mtime: Date): Buffer {
  const zippable: Zippable = {};
  for (const f of files) {
    const data = typeof f.data === 'string' ? new TextEncoder().encode(f.data) : f.data;
    zippable[f.name] = [data, { level: 6, mtime }];
  }
  return Buffer.from(zipSync(zippable));
}
