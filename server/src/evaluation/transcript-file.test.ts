import { describe, expect, it } from 'vitest';
import { buildZip } from '../import/test-files.js';
import { describeFileProblem } from './problems.js';
import { decodeTranscriptText, readTranscriptFile } from './transcript-file.js';
import { docxParts, minimalDocx } from './bad-files.js';

const txt = (bytes: Uint8Array | string) =>
  readTranscriptFile({
    bytes: typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes,
    filename: 'fokusgruppe.txt',
  });

describe('transcript .txt', () => {
  it('reads UTF-8 with and without a byte order mark, normalised to NFC with LF', async () => {
    const plain = await txt('Interviewer: Hvordan går det?\r\nDeltager: Godt på Ærø 😀\r\n');
    expect(plain).toEqual({
      ok: true,
      text: 'Interviewer: Hvordan går det?\nDeltager: Godt på Ærø 😀\n',
      encoding: 'utf-8',
      warnings: [],
    });
    const bom = await txt(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Cafe\u0301', 'utf8')]),
    );
    expect(bom.ok && bom.text).toBe('Café');
  });

  it('reads Windows-1252 (æ ø å and the € sign)', async () => {
    // "Rød grød – 5 €" in Windows-1252: ø = F8, – = 96, € = 80.
    const bytes = Buffer.from([
      0x52, 0xf8, 0x64, 0x20, 0x67, 0x72, 0xf8, 0x64, 0x20, 0x96, 0x20, 0x35, 0x20, 0x80,
    ]);
    const result = await txt(bytes);
    expect(result).toMatchObject({ ok: true, text: 'Rød grød – 5 €', encoding: 'windows-1252' });
  });

  it('reads UTF-16 with a byte order mark', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Åben dør', 'utf16le')]);
    expect(await txt(bytes)).toMatchObject({ ok: true, text: 'Åben dør', encoding: 'utf-16le' });
  });

  it('refuses UTF-16 without a byte order mark and binary data as not text', async () => {
    expect(decodeTranscriptText(Buffer.from('Hej med dig', 'utf16le'))).toEqual({
      ok: false,
      problem: { code: 'not_text', detail: { reason: 'nul_bytes' } },
    });
    const garbage = Buffer.from(
      Array.from({ length: 512 }, (_, i) => (i * 37 + 11) % 256).filter((b) => b !== 0),
    );
    const result = decodeTranscriptText(garbage);
    expect(result.ok).toBe(false);
  });

  it('refuses an old DOS code page (CP850: Ø is 0x9D, undefined in Windows-1252) as an unknown encoding', async () => {
    // "ØSTERBRO" in CP850.
    const result = await txt(Buffer.from([0x9d, 0x53, 0x54, 0x45, 0x52, 0x42, 0x52, 0x4f]));
    expect(result).toEqual({
      ok: false,
      problem: { code: 'unknown_encoding', detail: { undefinedBytes: 1 } },
    });
    if (!result.ok)
      expect(describeFileProblem(result.problem, 'en')).toContain('neither UTF-8 nor Windows-1252');
  });

  it('refuses an empty file, a file too large and another extension', async () => {
    expect(await txt('')).toMatchObject({ ok: false, problem: { code: 'empty_file' } });
    const big = await readTranscriptFile(
      { bytes: Buffer.alloc(11, 0x41), filename: 'a.txt' },
      { maxBytes: 10, docx: { maxEntries: 1, maxDeclaredBytes: 1, maxEntryBytes: 1, maxReadBytes: 1 } },
    );
    expect(big).toMatchObject({ ok: false, problem: { code: 'file_too_large' } });
    expect(await readTranscriptFile({ bytes: Buffer.from('x'), filename: 'a.pdf' })).toMatchObject({
      ok: false,
      problem: { code: 'unsupported_file_type' },
    });
  });
});

describe('transcript .docx', () => {
  it('reads the paragraphs as lines with mammoth', async () => {
    const result = await readTranscriptFile({
      bytes: minimalDocx(['Interviewer: Hvordan samarbejder I?', 'Deltager A: Vi mødes på Ærø hver uge 😀']),
      filename: 'fg.docx',
    });
    expect(result).toMatchObject({
      ok: true,
      text: 'Interviewer: Hvordan samarbejder I?\nDeltager A: Vi mødes på Ærø hver uge 😀',
      encoding: 'docx',
    });
  });

  it('refuses a linked external image, naming it', async () => {
    const bytes = minimalDocx(['Tekst'], { externalImage: 'http://127.0.0.1/spor.png' });
    const result = await readTranscriptFile({ bytes, filename: 'fg.docx' });
    expect(result).toEqual({
      ok: false,
      problem: { code: 'docx_external_image', detail: { count: 1, target: 'http://127.0.0.1/spor.png' } },
    });
  });

  it('refuses a zip that is no Word document, a DOCTYPE, and text under a .docx name', async () => {
    expect(
      await readTranscriptFile({ bytes: buildZip([{ name: 'a.txt', data: 'x' }]), filename: 'a.docx' }),
    ).toMatchObject({
      ok: false,
      problem: { code: 'not_docx' },
    });
    const doctype = minimalDocx(['x'], { doctype: true });
    expect(await readTranscriptFile({ bytes: doctype, filename: 'a.docx' })).toMatchObject({
      ok: false,
      problem: { code: 'xml_doctype', detail: { entry: 'word/document.xml' } },
    });
    // A DOCTYPE after a prolog of 100 KB of comment is found too.
    const padded = docxParts(['x']).map((part) =>
      part.name === 'word/document.xml'
        ? {
            ...part,
            data: String(part.data).replace('?>', `?><!--${' '.repeat(100_000)}--><!DOCTYPE w:document>`),
          }
        : part,
    );
    expect(await readTranscriptFile({ bytes: buildZip(padded), filename: 'a.docx' })).toMatchObject({
      ok: false,
      problem: { code: 'xml_doctype', detail: { entry: 'word/document.xml' } },
    });
    expect(
      await readTranscriptFile({ bytes: Buffer.from('Interviewer: hej'), filename: 'a.docx' }),
    ).toMatchObject({
      ok: false,
      problem: { code: 'not_zip' },
    });
  });
});
