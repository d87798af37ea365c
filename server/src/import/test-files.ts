/**
 * Builders of good and hostile import files for the tests and for `bench/bad-files/`: zips
 * written by hand (so sizes, ratios and headers can lie), minimal .xlsx packages around a sheet's
 * XML, and a deflate stream of many zeros made without holding them.
 */
import zlib from 'node:zlib';

export interface ZipFile {
  name: string;
  data: Buffer | string;
  /** Compressed bytes to write instead of compressing `data` (with `method` 'deflate'). */
  compressed?: Buffer;
  method?: 'store' | 'deflate';
  /** Sizes to declare instead of the real ones (a lying zip). */
  declaredSize?: number;
  declaredCompressedSize?: number;
  /** CRC-32 to write instead of the one of `data` (for `compressed` data built elsewhere). */
  crc?: number;
}

/** A zip with the given entries: local headers, data, central directory, end record. */
export function buildZip(files: ZipFile[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const data = typeof f.data === 'string' ? Buffer.from(f.data, 'utf8') : f.data;
    const method = f.method ?? 'deflate';
    const compressed = f.compressed ?? (method === 'deflate' ? zlib.deflateRawSync(data) : data);
    const size = f.declaredSize ?? data.length;
    const compressedSize = f.declaredCompressedSize ?? compressed.length;
    const name = Buffer.from(f.name, 'utf8');
    const crc = f.crc ?? zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(method === 'deflate' ? 8 : 0, 8);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressedSize, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x800, 8);
    header.writeUInt16LE(method === 'deflate' ? 8 : 0, 10);
    header.writeUInt16LE(0x21, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(compressedSize, 20);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    central.push(header, name);
    offset += 30 + name.length + compressed.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/**
 * Raw deflate data of `mebibytes` MiB of zero bytes, about 1 KiB per MiB, built from one
 * compressed MiB repeated (each copy ends on a full flush, so copies chain) and a final empty
 * block: 200 MiB of zeros come to about 200 KiB without ever being held.
 */
export function deflatedZeros(mebibytes: number): Buffer {
  const one = zlib.deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: zlib.constants.Z_FULL_FLUSH });
  const last = zlib.deflateRawSync(Buffer.alloc(0));
  return Buffer.concat([...Array.from({ length: mebibytes }, () => one), last]);
}

/**
 * A zip entry from text made piece by piece: each piece is compressed on its own and ends on a
 * full flush, so the pieces chain into one deflate stream and the whole text is never held.
 */
export function deflatedEntry(name: string, pieces: Iterable<string>): ZipFile {
  const parts: Buffer[] = [];
  let size = 0;
  let crc = 0;
  for (const piece of pieces) {
    const data = Buffer.from(piece, 'utf8');
    size += data.length;
    crc = zlib.crc32(data, crc);
    parts.push(zlib.deflateRawSync(data, { level: 1, finishFlush: zlib.constants.Z_FULL_FLUSH }));
  }
  parts.push(zlib.deflateRawSync(Buffer.alloc(0)));
  return { name, data: Buffer.alloc(0), compressed: Buffer.concat(parts), declaredSize: size, crc };
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts of a minimal .xlsx around one sheet's XML (and optional shared strings). */
export function xlsxParts(sheetXml: string, sharedStringsXml?: string): ZipFile[] {
  return [
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '</Types>',
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
        (sharedStringsXml
          ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`
          : '') +
        `</Relationships>`,
    },
    ...(sharedStringsXml ? [{ name: 'xl/sharedStrings.xml', data: sharedStringsXml }] : []),
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml },
  ];
}

/** A sheet's XML with the given `<sheetData>` content and optional parts before it. */
export function sheetXml(sheetData: string, before = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}">${before}<sheetData>${sheetData}</sheetData></worksheet>`;
}

/** A row of inline-string cells starting at column A. */
export function inlineRow(row: number, values: string[]): string {
  const cells = values
    .map((v, i) => {
      let n = i + 1;
      let col = '';
      while (n > 0) {
        col = String.fromCharCode(65 + ((n - 1) % 26)) + col;
        n = Math.floor((n - 1) / 26);
      }
      return `<c r="${col}${row}" t="inlineStr"><is><t>${v}</t></is></c>`;
    })
    .join('');
  return `<row r="${row}">${cells}</row>`;
}
