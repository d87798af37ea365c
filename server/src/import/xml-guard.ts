import { StringDecoder } from 'node:string_decoder';
import type { ImportProblem } from './problems.js';
import { columnNumber } from './values.js';

/** Excel's widest sheet: column XFD. */
export const EXCEL_MAX_COLUMNS = 16_384;
/** Longest tag (with its attributes) the guard reads before calling the part unreadable. */
const MAX_TAG_CHARS = 64 * 1024;

export interface FormulaCell {
  cell: string;
  row: number;
  column: number;
}

export interface GuardLimits {
  maxColumns: number;
  maxCellChars: number;
  maxFormulas: number;
  /** Sheets only: data rows allowed. */
  maxRows?: number;
}

/**
 * A streaming scan of a sheet's (or the shared strings') XML before exceljs parses it, in
 * memory bounded by one tag, looking only at what can make a parser spend unbounded time or
 * memory, or what import must refuse:
 * - `<dimension ref="A1:XFD1">` or a cell `<c r="…">` past `maxColumns` (exceljs makes one
 *   column object per column up to a cell's column) → `too_many_columns`;
 * - a `<col max="…">` past Excel's 16,384 columns (exceljs loops to `max`) → `too_many_columns`;
 * - a text run far longer than `maxCellChars` (the XML parser would hold it whole) → `cell_too_long`;
 * - a DOCTYPE (entity expansion) or a tag longer than 64 KiB → `xlsx_unreadable`;
 * - `<f>` inside a cell: a formula, collected with its address;
 * - more rows holding values than `maxRows` and a header → `too_many_rows`.
 * Element names are compared without a namespace prefix. The first refusal stops the scan.
 */
export class XmlGuard {
  readonly formulas: FormulaCell[] = [];
  problem: ImportProblem | null = null;
  private carry = '';
  private textRun = 0;
  private cell: { ref: string; row: number; column: number } | null = null;
  private readonly decoder = new StringDecoder('utf8');
  private readonly maxTextRun: number;
  private rowHasValue = false;
  private rowsWithValues = 0;

  constructor(private readonly limits: GuardLimits) {
    // Entities make raw text at most ten times longer than the text they stand for.
    this.maxTextRun = limits.maxCellChars * 10 + 1024;
  }

  /** Feeds one chunk of the part; returns false once the scan has refused. */
  write(chunk: Buffer): boolean {
    if (this.problem) return false;
    const s = this.carry + this.decoder.write(chunk);
    this.carry = '';
    let i = 0;
    while (i < s.length) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        this.text(s.length - i);
        break;
      }
      this.text(lt - i);
      if (this.problem) return false;
      const end = this.tagEnd(s, lt);
      if (end < 0) {
        this.carry = s.slice(lt);
        if (this.carry.length > MAX_TAG_CHARS) this.refuse('xlsx_unreadable', { reason: 'tag_too_long' });
        break;
      }
      this.tag(s, lt, end);
      if (this.problem) return false;
      i = end + 1;
    }
    return this.problem === null;
  }

  private text(length: number) {
    this.textRun += length;
    if (this.textRun > this.maxTextRun) {
      this.problem = {
        code: 'cell_too_long',
        ...(this.cell ? { row: this.cell.row, column: this.cell.ref.replace(/\d+$/, '') } : {}),
        detail: { maxChars: this.limits.maxCellChars, ...(this.cell ? { cell: this.cell.ref } : {}) },
      };
    }
  }

  /** Index of the `>` that closes the markup starting at `lt`, or -1 if not in `s` yet. */
  private tagEnd(s: string, lt: number): number {
    if (s.startsWith('<!--', lt)) {
      const k = s.indexOf('-->', lt + 4);
      return k < 0 ? -1 : k + 2;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      const k = s.indexOf(']]>', lt + 9);
      if (k < 0) return -1; // (spreadsheets do not write CDATA; one above 64 KiB is refused)
      this.text(k - lt - 9);
      return k + 2;
    }
    let quote = 0;
    for (let j = lt + 1; j < s.length; j++) {
      const c = s.charCodeAt(j);
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === 34 || c === 39) quote = c;
      else if (c === 62) return j;
    }
    return -1;
  }

  /**
   * Rows holding a value: one more than `maxRows + 1` (the header and the rows allowed) is
   * refused here, so a sheet of millions of rows is not also parsed by exceljs.
   */
  private endRow() {
    if (!this.rowHasValue) return;
    this.rowHasValue = false;
    this.rowsWithValues++;
    if (this.limits.maxRows !== undefined && this.rowsWithValues > this.limits.maxRows + 1) {
      this.problem = { code: 'too_many_rows', detail: { maxRows: this.limits.maxRows } };
    }
  }

  private refuse(code: ImportProblem['code'], detail: Record<string, string | number>, row?: number) {
    this.problem = { code, ...(row !== undefined ? { row } : {}), detail };
  }

  private tag(s: string, lt: number, end: number) {
    const second = s[lt + 1];
    if (second === '!') {
      if (s.startsWith('<!DOCTYPE', lt) || s.startsWith('<!ENTITY', lt)) {
        this.refuse('xlsx_unreadable', { reason: 'doctype' });
      }
      return;
    }
    if (second === '?') return;
    this.textRun = 0;
    const closing = second === '/';
    // The local name: after any namespace prefix, up to a space, `/` or `>`.
    let from = lt + (closing ? 2 : 1);
    let to = from;
    for (; to < end; to++) {
      const c = s.charCodeAt(to);
      if (c === 58)
        from = to + 1; // ':'
      else if (c === 32 || c === 47 || c === 9 || c === 10 || c === 13) break;
    }
    const name = s.slice(from, to);
    if (closing) {
      if (name === 'c') this.cell = null;
      else if (name === 'row') this.endRow();
      return;
    }
    const selfClosing = s.charCodeAt(end - 1) === 47;
    if (name === 'v' || name === 'is' || name === 'f') this.rowHasValue = true;
    if (name === 'row') {
      this.rowHasValue = false;
      if (selfClosing) this.endRow();
      return;
    }
    if (name !== 'c' && name !== 'f' && name !== 'dimension' && name !== 'col') return;
    const body = s.slice(lt, end);
    switch (name) {
      case 'dimension': {
        const ref = attribute(body, 'ref');
        const last = ref?.split(':').pop();
        const letters = last ? /^\$?([A-Za-z]+)/.exec(last)?.[1] : undefined;
        const found = letters ? columnNumber(letters) : 0;
        if (found > this.limits.maxColumns) {
          this.refuse('too_many_columns', {
            found: Number.isFinite(found) ? found : ref!,
            maxColumns: this.limits.maxColumns,
            declared: ref!,
          });
        }
        return;
      }
      case 'col': {
        const max = Number(attribute(body, 'max') ?? '0');
        if (!Number.isFinite(max) || max > EXCEL_MAX_COLUMNS) {
          this.refuse('too_many_columns', { found: max, maxColumns: this.limits.maxColumns });
        }
        return;
      }
      case 'c': {
        const ref = attribute(body, 'r');
        const m = ref ? /^([A-Za-z]{1,10})(\d{1,10})$/.exec(ref) : null;
        if (ref !== undefined && !m) {
          this.refuse('xlsx_unreadable', { reason: 'cell_reference', cell: ref.slice(0, 20) });
          return;
        }
        if (m) {
          const column = columnNumber(m[1]!);
          const row = Number(m[2]);
          if (column > this.limits.maxColumns) {
            this.refuse(
              'too_many_columns',
              {
                found: Number.isFinite(column) ? column : ref!,
                maxColumns: this.limits.maxColumns,
                cell: ref!,
              },
              row,
            );
            return;
          }
          this.cell = selfClosing ? null : { ref: m[0].toUpperCase(), row, column };
        }
        return;
      }
      case 'f':
        if (this.cell && this.formulas.length < this.limits.maxFormulas) {
          if (this.formulas[this.formulas.length - 1]?.cell !== this.cell.ref) {
            this.formulas.push({ cell: this.cell.ref, row: this.cell.row, column: this.cell.column });
          }
        }
        return;
      default:
        return;
    }
  }
}

function attribute(tagText: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tagText);
  return m ? (m[2] ?? m[3]) : undefined;
}
