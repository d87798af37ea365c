import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { ImportProblem } from './problems.js';

/**
 * Just enough of the zip format to look inside an .xlsx before anything is unpacked: the end
 * of central directory record, the central directory's entries and each entry's local header,
 * all read from the bytes. Sizes are the ones the central directory declares; unpacking
 * ({@link inflateEntry}) stops as soon as an entry yields more than it declared.
 */

export interface ZipEntry {
  name: string;
  method: 0 | 8;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** Where the entry's compressed data starts. */
  dataOffset: number;
}

export interface ZipLimits {
  maxEntries: number;
  maxUncompressedBytes: number;
}

/**
 * Bounds against zip bombs. Ordinary .xlsx parts compress 5 to 50 times (XML of repeated
 * rows); deflate's best is about 1,030 times, which is what bombs use. An entry above 1 MiB
 * unpacked may be at most 200 times its compressed size; all entries together, once above
 * 16 MiB, at most 100 times the file.
 */
export const ENTRY_RATIO_LIMIT = 200;
export const ENTRY_RATIO_FLOOR = 1024 * 1024;
export const TOTAL_RATIO_LIMIT = 100;
export const TOTAL_RATIO_FLOOR = 16 * 1024 * 1024;

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/** An OLE compound file: an old .xls, or any Office file protected with a password. */
export function isCompoundFile(bytes: Uint8Array): boolean {
  const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= 8 && sig.every((b, i) => bytes[i] === b);
}

function notXlsx(reason: string): { ok: false; problem: ImportProblem } {
  return { ok: false, problem: { code: 'not_xlsx', detail: { reason } } };
}

function bomb(
  reason: string,
  detail: Record<string, string | number>,
): { ok: false; problem: ImportProblem } {
  return { ok: false, problem: { code: 'zip_bomb', detail: { reason, ...detail } } };
}

/**
 * Reads the central directory and checks every declared size against the limits before any
 * byte is unpacked: not a zip, zip64, encrypted or unknown compression → `not_xlsx`; too many
 * entries → `zip_too_many_entries`; an absurd ratio or total → `zip_bomb`. Local headers must
 * sit where the directory says, name the same entry, and hold data that ends before the
 * directory.
 */
export function readZipDirectory(
  bytes: Uint8Array,
  limits: ZipLimits,
): { ok: true; entries: ZipEntry[] } | { ok: false; problem: ImportProblem } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 22) return notXlsx('too_short');
  // The end record is 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === EOCD_SIGNATURE && i + 22 + buf.readUInt16LE(i + 20) === buf.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return notXlsx('no_end_record');
  const disk = buf.readUInt16LE(eocd + 4);
  const cdDisk = buf.readUInt16LE(eocd + 6);
  const entriesOnDisk = buf.readUInt16LE(eocd + 8);
  const entryCount = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (entryCount === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) return notXlsx('zip64');
  if (disk !== 0 || cdDisk !== 0 || entriesOnDisk !== entryCount) return notXlsx('multi_disk');
  if (entryCount > limits.maxEntries) {
    return {
      ok: false,
      problem: {
        code: 'zip_too_many_entries',
        detail: { entries: entryCount, maxEntries: limits.maxEntries },
      },
    };
  }
  if (cdOffset + cdSize > eocd) return notXlsx('directory_out_of_bounds');

  const entries: ZipEntry[] = [];
  let total = 0;
  let p = cdOffset;
  for (let k = 0; k < entryCount; k++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL_SIGNATURE) return notXlsx('bad_directory');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc32 = buf.readUInt32LE(p + 16);
    const compressedSize = buf.readUInt32LE(p + 20);
    const uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const localHeaderOffset = buf.readUInt32LE(p + 42);
    if (p + 46 + nameLength > eocd) return notXlsx('bad_directory');
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    p += 46 + nameLength + extraLength + commentLength;

    if (
      compressedSize === 0xffffffff ||
      uncompressedSize === 0xffffffff ||
      localHeaderOffset === 0xffffffff
    ) {
      return notXlsx('zip64');
    }
    if (flags & 0x1) return notXlsx('encrypted');
    if (method !== 0 && method !== 8) return notXlsx('compression_method');
    if (method === 0 && compressedSize !== uncompressedSize) return notXlsx('stored_size');

    if (
      uncompressedSize > ENTRY_RATIO_FLOOR &&
      uncompressedSize > ENTRY_RATIO_LIMIT * Math.max(1, compressedSize)
    ) {
      return bomb('entry_ratio', { entry: name, compressed: compressedSize, uncompressed: uncompressedSize });
    }
    total += uncompressedSize;
    if (total > limits.maxUncompressedBytes) {
      return bomb('total_size', { uncompressed: total, maxUncompressedBytes: limits.maxUncompressedBytes });
    }

    // The local header: where the directory says, for the same name, data inside the file.
    if (localHeaderOffset + 30 > cdOffset || buf.readUInt32LE(localHeaderOffset) !== LOCAL_SIGNATURE) {
      return notXlsx('bad_local_header');
    }
    const localNameLength = buf.readUInt16LE(localHeaderOffset + 26);
    const localExtraLength = buf.readUInt16LE(localHeaderOffset + 28);
    const localName = buf.toString('utf8', localHeaderOffset + 30, localHeaderOffset + 30 + localNameLength);
    if (localName !== name || buf.readUInt16LE(localHeaderOffset + 8) !== method) {
      return notXlsx('local_header_mismatch');
    }
    const dataOffset = localHeaderOffset + 30 + localNameLength + localExtraLength;
    if (dataOffset + compressedSize > cdOffset) return notXlsx('data_out_of_bounds');
    entries.push({
      name,
      method,
      flags,
      crc32,
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
      dataOffset,
    });
  }
  if (total > TOTAL_RATIO_FLOOR && total > TOTAL_RATIO_LIMIT * buf.length) {
    return bomb('total_ratio', { compressed: buf.length, uncompressed: total });
  }
  return { ok: true, entries };
}

export type InflateOutcome = 'ok' | 'stopped' | 'too_large' | 'corrupt';

/**
 * Unpacks one entry chunk by chunk, handing each chunk to `onChunk` (return false to stop), in
 * bounded memory whatever the entry holds. Yielding more bytes than the directory declared
 * gives `too_large` at once; fewer, or broken deflate data, gives `corrupt`.
 */
export async function inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  onChunk: (chunk: Buffer) => boolean | void = () => true,
): Promise<InflateOutcome> {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset + entry.dataOffset, entry.compressedSize);
  const slices = function* () {
    for (let i = 0; i < data.length; i += 64 * 1024) yield data.subarray(i, i + 64 * 1024);
  };
  const source = Readable.from(slices(), { objectMode: false });
  const output = entry.method === 8 ? source.pipe(zlib.createInflateRaw({ chunkSize: 64 * 1024 })) : source;
  let total = 0;
  try {
    for await (const chunk of output as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > entry.uncompressedSize) {
        source.destroy();
        output.destroy();
        return 'too_large';
      }
      if (onChunk(chunk) === false) {
        source.destroy();
        output.destroy();
        return 'stopped';
      }
    }
  } catch {
    source.destroy();
    return 'corrupt';
  }
  return total === entry.uncompressedSize ? 'ok' : 'corrupt';
}

/** Unpacks a small entry whole; null when it is larger than `maxBytes` or broken. */
export async function readEntryText(
  bytes: Uint8Array,
  entry: ZipEntry,
  maxBytes: number,
): Promise<string | null> {
  if (entry.uncompressedSize > maxBytes) return null;
  const chunks: Buffer[] = [];
  const outcome = await inflateEntry(bytes, entry, (chunk) => {
    chunks.push(chunk);
  });
  return outcome === 'ok' ? Buffer.concat(chunks).toString('utf8') : null;
}

function localHeader(name: string, method: number, crc32: number, compressed: number, uncompressed: number) {
  const nameBytes = Buffer.from(name, 'utf8');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(LOCAL_SIGNATURE, 0);
  header.writeUInt16LE(20, 4); // version needed
  header.writeUInt16LE(0x800, 6); // flags: UTF-8 names; sizes are in this header
  header.writeUInt16LE(method, 8);
  header.writeUInt16LE(0, 10); // time
  header.writeUInt16LE(0x21, 12); // date: 1980-01-01
  header.writeUInt32LE(crc32, 14);
  header.writeUInt32LE(compressed, 18);
  header.writeUInt32LE(uncompressed, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  header.writeUInt16LE(0, 28);
  return [header, nameBytes];
}

/**
 * A zip stream of chosen entries in a chosen order, under chosen names, for a reader that
 * reads zips front to back (exceljs's streaming reader): each entry's compressed data is reused
 * as it is behind a new local header that states its sizes, so nothing is recompressed.
 */
export function rebuildZip(
  bytes: Uint8Array,
  parts: ({ entry: ZipEntry; name: string } | { text: string; name: string })[],
): Buffer {
  const out: Buffer[] = [];
  for (const part of parts) {
    if ('entry' in part) {
      const { entry } = part;
      out.push(
        ...localHeader(part.name, entry.method, entry.crc32, entry.compressedSize, entry.uncompressedSize),
        Buffer.from(bytes.buffer, bytes.byteOffset + entry.dataOffset, entry.compressedSize),
      );
    } else {
      const data = Buffer.from(part.text, 'utf8');
      out.push(...localHeader(part.name, 0, zlib.crc32(data), data.length, data.length), data);
    }
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD_SIGNATURE, 0);
  out.push(end);
  return Buffer.concat(out);
}
