/**
 * Reads an uploaded import file (CSV or .xlsx) into a header and rows of cell text, or refuses
 * it with problems that name what to fix. Pure of the database and of HTTP: routes and the
 * `pejling import` command call it, then validate the rows for their kind of import.
 *
 * - The format follows the bytes, not the file name: a zip is read as .xlsx, an OLE file (.xls or
 *   a password-protected workbook) is refused, anything else is read as CSV. The file name only
 *   sharpens the message when a file named .xlsx/.xlsm is not a zip.
 * - Cell text is kept verbatim, in both formats: no trimming, and a leading `=`, `+`, `-`, `@` or
 *   `'` stays (this is import, nothing is executed; an export that writes the values out again
 *   neutralises them, `domain/csv-safety.ts`). Header names are trimmed; match them with
 *   {@link normaliseHeader}. .xlsx formula cells are refused, since a formula's stored result
 *   may be stale and the person should see what is imported.
 * - Memory stays bounded: the whole file is `maxBytes` at most; rows stop one past `maxRows`;
 *   an .xlsx is checked against zip bombs before anything is unpacked.
 */
import { readCsv } from './csv.js';
import type { TableResult, ReadTableOptions } from './table.js';
import { resolveOptions } from './table.js';
import { readXlsx } from './xlsx.js';
import { isCompoundFile, isZip } from './zip.js';

export type { ReadTableOptions, TableFailure, TableOk, TableResult, TableRow } from './table.js';
export type { ImportProblem, ImportProblemCode } from './problems.js';
export { describeProblem, messages } from './problems.js';
export type { TextEncoding } from './decode.js';
export type { NumberConvention } from './values.js';
export {
  columnLetter,
  detectNumberConvention,
  normaliseHeader,
  parseDanishBoolean,
  parseDanishDate,
  parseDanishNumber,
} from './values.js';

export interface ImportFile {
  bytes: Uint8Array;
  filename: string;
}

export async function readTable(input: ImportFile, options: ReadTableOptions): Promise<TableResult> {
  const result = await read(input, options);
  options.onProgress?.(1);
  return result;
}

async function read(input: ImportFile, options: ReadTableOptions): Promise<TableResult> {
  const resolved = resolveOptions(options);
  const { bytes, filename } = input;
  if (bytes.length > resolved.maxBytes) {
    return {
      ok: false,
      problems: [{ code: 'file_too_large', detail: { bytes: bytes.length, maxBytes: resolved.maxBytes } }],
    };
  }
  if (bytes.length === 0) return { ok: false, problems: [{ code: 'empty_file' }] };
  if (isCompoundFile(bytes)) return { ok: false, problems: [{ code: 'xls_or_encrypted' }] };
  if (isZip(bytes)) return readXlsx(bytes, resolved);
  if (/\.xls[xm]$/i.test(filename))
    return { ok: false, problems: [{ code: 'not_xlsx', detail: { reason: 'not_zip' } }] };
  return readCsv(bytes, resolved);
}
