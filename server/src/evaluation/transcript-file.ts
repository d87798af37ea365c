/**
 * Reads a transcript file (.txt or .docx) into the stored normal form: NFC text with LF line
 * endings. A .txt is UTF-8 (with or without a byte order mark), UTF-16 with a byte order mark,
 * or Windows-1252; anything else is refused with a reason. A .docx is checked as a zip within
 * limits (see archive.ts) and for linked external images before mammoth reads its text.
 */
import mammoth from 'mammoth';
import { normaliseTranscript } from '../domain/qda/transcript.js';
import { decodeWindows1252 } from '../import/decode.js';
import { openArchive } from './archive.js';
import type { Archive, ArchiveLimits } from './archive.js';
import { parseXml, childrenNamed } from './xml.js';
import { fileProblem } from './problems.js';
import type { FileProblem } from './problems.js';

export type TranscriptEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'docx';

export interface TranscriptFileOptions {
  maxBytes: number;
  docx: ArchiveLimits;
}

export const DEFAULT_TRANSCRIPT_OPTIONS: TranscriptFileOptions = {
  maxBytes: 20 * 1024 * 1024,
  docx: {
    maxEntries: 2_000,
    maxDeclaredBytes: 200 * 1024 * 1024,
    maxEntryBytes: 50 * 1024 * 1024,
    maxReadBytes: 100 * 1024 * 1024,
  },
};

export type TranscriptFileResult =
  | { ok: true; text: string; encoding: TranscriptEncoding; warnings: string[] }
  | { ok: false; problem: FileProblem };

/** Bytes Windows-1252 leaves undefined: text holding them was written in another code page. */
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * Decodes a .txt transcript. A byte order mark decides; otherwise valid UTF-8 is UTF-8; NUL
 * bytes mean binary data or UTF-16 without a mark (refused as `not_text`); the rest is read as
 * Windows-1252 unless it holds bytes that code page leaves undefined or control characters
 * (refused as `unknown_encoding`: an old DOS code page such as CP850 writes Ø as 0x9D).
 */
export function decodeTranscriptText(
  bytes: Uint8Array,
):
  | { ok: true; text: string; encoding: Exclude<TranscriptEncoding, 'docx'> }
  | { ok: false; problem: FileProblem } {
  if (bytes.length === 0) return fileProblem('empty_file');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decodeUtf8(bytes.subarray(3));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe && !(bytes[2] === 0 && bytes[3] === 0)) {
    return checked(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le');
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return checked(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'utf-16be');
  }
  if (bytes.includes(0)) return fileProblem('not_text', { reason: 'nul_bytes' });
  const utf8 = decodeUtf8(bytes);
  if (utf8.ok) return utf8;
  let undefinedBytes = 0;
  for (const b of bytes) if (CP1252_UNDEFINED.has(b)) undefinedBytes++;
  if (undefinedBytes > 0) return fileProblem('unknown_encoding', { undefinedBytes });
  const text = decodeWindows1252(bytes);
  const result = checked(text, 'windows-1252');
  if (!result.ok) return fileProblem('unknown_encoding', { reason: 'control_characters' });
  return result;
}

function decodeUtf8(bytes: Uint8Array) {
  try {
    return checked(new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'utf-8');
  } catch {
    return fileProblem('unknown_encoding', { reason: 'invalid_utf8' });
  }
}

/** Refuses text with control characters other than tab, LF, CR and form feed (binary data). */
function checked<E extends Exclude<TranscriptEncoding, 'docx'>>(
  text: string,
  encoding: E,
): { ok: true; text: string; encoding: E } | { ok: false; problem: FileProblem } {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || (c >= 0x7f && c <= 0x9f))
      controls++;
  }
  if (controls > 0) return fileProblem('not_text', { reason: 'control_characters', count: controls });
  return { ok: true, text, encoding };
}

/** Linked (not embedded) images in a .docx: relationships of an image type with TargetMode External. */
async function externalImages(archive: Archive): Promise<string[] | FileProblem> {
  const targets: string[] = [];
  for (const name of archive.names) {
    if (!/^word\/_rels\/[^/]+\.rels$/i.test(name)) continue;
    const read = await archive.read(name);
    if (!read.ok)
      return {
        code: read.reason === 'zip_bomb' ? 'zip_bomb' : 'docx_unreadable',
        detail: { reason: read.reason },
      };
    const xml = parseXml(read.data.toString('utf8'));
    if (!xml.ok) {
      if (xml.failure === 'doctype') return { code: 'xml_doctype', detail: { entry: name } };
      return { code: 'docx_unreadable', detail: { reason: `${name}: ${xml.detail}` } };
    }
    for (const rel of childrenNamed(xml.root, 'Relationship')) {
      if (rel.attrs.TargetMode === 'External' && /\/image$/.test(rel.attrs.Type ?? '')) {
        targets.push(rel.attrs.Target ?? '');
      }
    }
  }
  return targets;
}

/** Reads a .docx's text with mammoth, after the checks above. */
export async function readDocx(bytes: Uint8Array, limits: ArchiveLimits): Promise<TranscriptFileResult> {
  const opened = openArchive(bytes, limits);
  if (!opened.ok) return { ok: false, problem: opened.problem };
  const archive = opened.archive;
  if (!archive.find('word/document.xml')) return fileProblem('not_docx');
  // mammoth unpacks with JSZip, which trusts declared sizes: prove them first.
  const bomb = await archive.verifySizes();
  if (bomb) return { ok: false, problem: bomb };
  for (const name of archive.names) {
    if (!/\.(xml|rels)$/i.test(name)) continue;
    // Anywhere in the part, not only near its start: a prolog can be padded with comments.
    if (await archive.contains(name, /<!DOCTYPE|<!ENTITY/i))
      return fileProblem('xml_doctype', { entry: name });
  }
  const images = await externalImages(archive);
  if (!Array.isArray(images)) return { ok: false, problem: images };
  if (images.length > 0) {
    return fileProblem('docx_external_image', { count: images.length, target: images[0]!.slice(0, 200) });
  }
  let raw: string;
  const warnings: string[] = [];
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    raw = result.value;
    for (const m of result.messages) warnings.push(m.message);
  } catch (err) {
    return fileProblem('docx_unreadable', { reason: err instanceof Error ? err.message : String(err) });
  }
  // mammoth ends every paragraph with a blank line; a transcript has one paragraph per line.
  const text = normaliseTranscript(raw).replace(/\n\n/g, '\n').replace(/\s+$/, '');
  return { ok: true, text, encoding: 'docx', warnings };
}

/** Reads a transcript by its file name's extension: .txt or .docx. */
export async function readTranscriptFile(
  file: { bytes: Uint8Array; filename: string },
  options: TranscriptFileOptions = DEFAULT_TRANSCRIPT_OPTIONS,
): Promise<TranscriptFileResult> {
  const { bytes, filename } = file;
  if (bytes.length === 0) return fileProblem('empty_file');
  if (bytes.length > options.maxBytes) return fileProblem('file_too_large', { maxBytes: options.maxBytes });
  const ext = filename.toLowerCase().split('.').pop();
  if (ext === 'docx') return readDocx(bytes, options.docx);
  if (ext !== 'txt') return fileProblem('unsupported_file_type', { extension: ext ?? '' });
  const decoded = decodeTranscriptText(bytes);
  if (!decoded.ok) return decoded;
  return { ok: true, text: normaliseTranscript(decoded.text), encoding: decoded.encoding, warnings: [] };
}
