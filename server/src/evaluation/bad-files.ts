/**
 * Builders of small .docx files and of the hostile evaluation files in bench/bad-files/ (written
 * by bench/bad-files/generate-evaluation.ts, checked by bad-files.test.ts). Zips are written by
 * hand (server/src/import/test-files.ts) so sizes can lie.
 */
import { buildZip, deflatedZeros } from '../import/test-files.js';
import type { ZipFile } from '../import/test-files.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The parts of a minimal Word document with one paragraph per string. */
export function docxParts(
  paragraphs: string[],
  options: { externalImage?: string; doctype?: boolean } = {},
): ZipFile[] {
  const body = paragraphs
    .map((p) => `<w:p><w:r><w:t xml:space="preserve">${escape(p)}</w:t></w:r></w:p>`)
    .join('');
  const doctype = options.doctype
    ? '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    : '';
  const picture = options.externalImage
    ? `<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:imagedata r:id="rIdImg"/></v:shape></w:pict></w:r></w:p>`
    : '';
  const rels = options.externalImage
    ? `<Relationship Id="rIdImg" Type="${R}/image" Target="${escape(options.externalImage)}" TargetMode="External"/>`
    : '';
  return [
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '</Types>',
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`,
    },
    {
      name: 'word/document.xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${doctype}<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}${picture}</w:body></w:document>`,
    },
    {
      name: 'word/_rels/document.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${PKG}">${rels}</Relationships>`,
    },
  ];
}

export function minimalDocx(
  paragraphs: string[],
  options: { externalImage?: string; doctype?: boolean } = {},
): Buffer {
  return buildZip(docxParts(paragraphs, options));
}

const CODE = 'a1b2c3d4-e5f6-4711-8899-aabbccddeeff';
const SOURCE = 'c1b2c3d4-e5f6-4711-8899-aabbccddeeff';

function project(body: string, ns = ' xmlns="urn:QDA-XML:project:1.0"'): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<Project${ns} name="Fjendtlig fil">${body}</Project>\n`;
}

const codebook = `<CodeBook><Codes><Code guid="${CODE}" name="Samarbejde" isCodable="true"/></Codes></CodeBook>`;

function sourceWith(selections: string): string {
  return `<Sources><TextSource guid="${SOURCE}" name="Interview" plainTextPath="internal://${SOURCE}.txt">${selections}</TextSource></Sources>`;
}

const TEXT = 'Interviewer: Hvordan går det?\nDeltager: Vi mødes hver uge på Ærø.';

function sel(n: number, start: number, end: number): string {
  return `<PlainTextSelection guid="0000000${n}-0000-4000-8000-000000000000" startPosition="${start}" endPosition="${end}"><Coding guid="1000000${n}-0000-4000-8000-000000000000"><CodeRef targetGUID="${CODE}"/></Coding></PlainTextSelection>`;
}

export interface BadFile {
  name: string;
  bytes: Buffer;
  /** The refusal code, or `skipped:<reason>` for a file imported with that part skipped. */
  expected: string;
  what: string;
}

/** The hostile evaluation files, each under 100 KB. */
export function evaluationBadFiles(): BadFile[] {
  const goodSource = { name: `sources/${SOURCE}.txt`, data: TEXT };
  return [
    {
      name: 'qdpx-not-a-zip.qdpx',
      bytes: Buffer.from(project(codebook), 'utf8'),
      expected: 'not_zip',
      what: 'a bare project.qde (XML) under a .qdpx name',
    },
    {
      name: 'qdpx-zip-bomb.qdpx',
      bytes: buildZip([
        {
          name: 'project.qde',
          data: Buffer.alloc(0),
          compressed: deflatedZeros(90),
          declaredSize: 90 * 1024 * 1024,
        },
      ]),
      expected: 'zip_bomb',
      what: 'project.qde of 90 MiB of zeros deflated to 92 KiB, size declared honestly: refused by the declared ratio',
    },
    {
      name: 'qdpx-zip-bomb-lying-size.qdpx',
      bytes: buildZip([
        { name: 'project.qde', data: Buffer.alloc(0), compressed: deflatedZeros(90), declaredSize: 100_000 },
      ]),
      expected: 'zip_bomb',
      what: 'the same data declaring 100,000 bytes: refused when unpacking passes the declared size',
    },
    {
      name: 'qdpx-no-namespace.qdpx',
      bytes: buildZip([
        { name: 'project.qde', data: project(codebook + sourceWith(sel(1, 0, 11)), '') },
        goodSource,
      ]),
      expected: 'not_refi_qda',
      what: 'a project.qde against no schema: <Project> without the REFI-QDA namespace',
    },
    {
      name: 'qdpx-doctype-entities.qdpx',
      bytes: buildZip([
        {
          name: 'project.qde',
          data: '<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><Project xmlns="urn:QDA-XML:project:1.0" name="&c;"/>',
        },
      ]),
      expected: 'xml_doctype',
      what: 'a DOCTYPE declaring nested entities (entity expansion)',
    },
    {
      name: 'qdpx-path-traversal.qdpx',
      bytes: buildZip([
        { name: 'project.qde', data: project(codebook) },
        { name: 'sources/../../../etc/cron.d/pejling', data: '* * * * * root true' },
      ]),
      expected: 'unsafe_entry_name',
      what: 'an entry named sources/../../../etc/cron.d/pejling',
    },
    {
      name: 'qdpx-positions-outside-text.qdpx',
      bytes: buildZip([
        {
          name: 'project.qde',
          data: project(codebook + sourceWith(sel(1, 0, 11) + sel(2, 60, 5000) + sel(3, -4, 2))),
        },
        goodSource,
      ]),
      expected: 'skipped:position_outside_text',
      what: 'two selections outside the 67-character text (60-5000, -4-2) beside a good one: those two are skipped and reported',
    },
    {
      name: 'docx-external-image.docx',
      bytes: minimalDocx(['Interviewer: Hej', 'Deltager: Hej'], {
        externalImage: 'http://127.0.0.1:9/spor.png',
      }),
      expected: 'docx_external_image',
      what: 'a Word document linking an image outside the file (TargetMode="External")',
    },
    {
      name: 'docx-zip-bomb-lying-size.docx',
      bytes: buildZip([
        ...docxParts(['x']).filter((p) => p.name !== 'word/document.xml'),
        {
          name: 'word/document.xml',
          data: Buffer.alloc(0),
          compressed: deflatedZeros(90),
          declaredSize: 100_000,
        },
      ]),
      expected: 'zip_bomb',
      what: 'word/document.xml of 90 MiB of zeros declaring 100,000 bytes (mammoth would trust the declared size)',
    },
    {
      name: 'transcript-unknown-encoding.txt',
      // "Interviewer: Hvordan går det på Østerbro?" in CP850 (DOS): å = 0x86, Ø = 0x9D.
      bytes: Buffer.from([
        ...Buffer.from('Interviewer: Hvordan g', 'latin1'),
        0x86,
        ...Buffer.from('r det p', 'latin1'),
        0x86,
        0x20,
        0x9d,
        ...Buffer.from('sterbro?\r\n', 'latin1'),
      ]),
      expected: 'unknown_encoding',
      what: 'a transcript in the DOS code page CP850, whose Ø (0x9D) Windows-1252 leaves undefined',
    },
    {
      name: 'transcript-utf16-no-bom.txt',
      bytes: Buffer.from('Interviewer: Hvordan går det?\r\n', 'utf16le'),
      expected: 'not_text',
      what: 'UTF-16 without a byte order mark (every other byte NUL)',
    },
  ];
}
