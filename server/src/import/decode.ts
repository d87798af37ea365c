/**
 * Text encodings of CSV files. Danish spreadsheets save CSV as UTF-8 (with or without a byte
 * order mark) or as Windows-1252; "Unicode text" is UTF-16 with a byte order mark.
 */

export type TextEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/**
 * Windows-1252's bytes 0x80-0x9F (the rest is ISO-8859-1, byte = code point). Implemented here
 * because Node 20's `TextDecoder('windows-1252')` decodes these bytes as ISO-8859-1 (0x80 gives
 * U+0080, not €). The five bytes Windows-1252 leaves undefined map to the C1 control of the same
 * number, as the WHATWG Encoding Standard has it.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\x9f]/g, (ch) => String.fromCharCode(CP1252_HIGH[ch.charCodeAt(0) - 0x80]!));
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/**
 * Decodes a CSV file's bytes: a byte order mark decides (and is dropped); otherwise valid UTF-8
 * is UTF-8, and anything else is read as Windows-1252 (every byte sequence is valid there).
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/**
 * True when decoded text is not plausibly a text file: it holds a NUL, or more than one in 200
 * of its characters are control characters other than tab, line feed and carriage return
 * (random binary data read as Windows-1252 has about one in eight).
 */
export function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const sample = text.length > 1_000_000 ? text.slice(0, 1_000_000) : text;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f) || c === 0xfffd) {
      controls++;
    }
  }
  return controls > sample.length / 200;
}
