/**
 * Problems an import file can have, as stable machine codes with Danish and English messages.
 * A problem names the row (the spreadsheet row number a person sees, the header being row 1 in
 * a file that starts with its header) and the column (the header's name when it is known, else
 * the column letter) where there is one; `detail` carries the numbers the message quotes.
 */

export type ImportProblemCode =
  | 'file_too_large'
  | 'empty_file'
  | 'not_text'
  | 'xls_or_encrypted'
  | 'not_xlsx'
  | 'zip_bomb'
  | 'zip_too_many_entries'
  | 'xlsx_unreadable'
  | 'no_sheet'
  | 'no_header'
  | 'no_rows'
  | 'empty_header'
  | 'duplicate_header'
  | 'too_many_columns'
  | 'too_many_rows'
  | 'wrong_cell_count'
  | 'cell_outside_header'
  | 'unclosed_quote'
  | 'bad_quote'
  | 'cell_too_long'
  | 'formula_cell'
  | 'error_cell'
  | 'too_many_problems';

export interface ImportProblem {
  code: ImportProblemCode;
  /** Spreadsheet row number (1 = the first line or row of the file). */
  row?: number;
  /** The header's name when known, else the column letter (A, B, …). */
  column?: string;
  detail?: Record<string, string | number>;
}

type Text = { da: string; en: string };

/**
 * One message per code, Danish first, each saying what to fix. `{row}`, `{column}` and the keys
 * of `detail` are placeholders that {@link describeProblem} fills.
 */
export const messages: Record<ImportProblemCode, Text> = {
  file_too_large: {
    da: 'Filen fylder {bytes} byte, men højst {maxBytes} byte er tilladt. Del filen op i flere mindre filer.',
    en: 'The file is {bytes} bytes, but at most {maxBytes} bytes are allowed. Split it into smaller files.',
  },
  empty_file: {
    da: 'Filen er tom. Vælg filen med dine data, og gem den som CSV eller .xlsx.',
    en: 'The file is empty. Choose the file with your data, saved as CSV or .xlsx.',
  },
  not_text: {
    da: 'Filen er hverken en CSV-fil eller et Excel-regneark (.xlsx). Gem den fra regnearket som "CSV (semikolonsepareret)" eller "Excel-projektmappe (.xlsx)".',
    en: 'The file is neither a CSV file nor an Excel workbook (.xlsx). Save it from the spreadsheet as "CSV" or "Excel Workbook (.xlsx)".',
  },
  xls_or_encrypted: {
    da: 'Filen er en gammel Excel-fil (.xls) eller er beskyttet med adgangskode. Fjern adgangskoden, og gem den som "Excel-projektmappe (.xlsx)" eller CSV.',
    en: 'The file is an old Excel file (.xls) or is password-protected. Remove the password and save it as "Excel Workbook (.xlsx)" or CSV.',
  },
  not_xlsx: {
    da: 'Filen er ikke et gyldigt Excel-regneark (.xlsx), eller den er beskadiget. Åbn den i regnearket, og gem den igen som .xlsx eller CSV.',
    en: 'The file is not a valid Excel workbook (.xlsx), or it is damaged. Open it in the spreadsheet and save it again as .xlsx or CSV.',
  },
  zip_bomb: {
    da: 'Regnearket pakker sig ud til langt mere end et almindeligt regneark og afvises af sikkerhedshensyn. Gem kun de data, der skal indlæses, i et nyt regneark.',
    en: 'The workbook unpacks to far more than an ordinary spreadsheet and is refused for safety. Save only the data to import in a new workbook.',
  },
  zip_too_many_entries: {
    da: 'Regnearket består af {entries} dele, men højst {maxEntries} er tilladt. Gem kun arket med data i et nyt regneark.',
    en: 'The workbook consists of {entries} parts, but at most {maxEntries} are allowed. Save only the sheet with data in a new workbook.',
  },
  xlsx_unreadable: {
    da: 'Regnearket kunne ikke læses. Åbn det i regnearket, og gem det igen som .xlsx eller CSV.',
    en: 'The workbook could not be read. Open it in the spreadsheet and save it again as .xlsx or CSV.',
  },
  no_sheet: {
    da: 'Regnearket har intet ark. Læg dine data i det første ark.',
    en: 'The workbook has no sheet. Put your data in the first sheet.',
  },
  no_header: {
    da: 'Filen har ingen overskriftsrække. Første række skal indeholde kolonnernes navne.',
    en: 'The file has no header row. The first row must hold the column names.',
  },
  no_rows: {
    da: 'Filen har kun overskrifter og ingen rækker med data. Tilføj data under overskrifterne.',
    en: 'The file has only headers and no rows of data. Add data below the headers.',
  },
  empty_header: {
    da: 'Kolonne {column} har ingen overskrift. Skriv kolonnens navn i første række, eller slet kolonnen.',
    en: 'Column {column} has no header. Write the column name in the first row, or delete the column.',
  },
  duplicate_header: {
    da: 'Overskriften "{column}" står der mere end én gang. Hver kolonne skal have sit eget navn.',
    en: 'The header "{column}" appears more than once. Each column must have a name of its own.',
  },
  too_many_columns: {
    da: 'Filen har {found} kolonner, men højst {maxColumns} er tilladt. Slet de overflødige kolonner, også tomme kolonner med formatering, til højre for dine data.',
    en: 'The file has {found} columns, but at most {maxColumns} are allowed. Delete the extra columns, including empty formatted columns, to the right of your data.',
  },
  too_many_rows: {
    da: 'Filen har mere end {maxRows} rækker med data. Del den op i flere filer med højst {maxRows} rækker hver.',
    en: 'The file has more than {maxRows} rows of data. Split it into files of at most {maxRows} rows each.',
  },
  wrong_cell_count: {
    da: 'Række {row} har {found} celler, men overskriften har {expected}. Ret rækken, så den har en celle for hver kolonne (tjek skilletegn og anførselstegn).',
    en: 'Row {row} has {found} cells, but the header has {expected}. Correct the row so it has one cell per column (check separators and quotes).',
  },
  cell_outside_header: {
    da: 'Celle {cell} i række {row} har en værdi, men kolonnen har ingen overskrift. Flyt værdien ind under en overskrift, eller slet den.',
    en: 'Cell {cell} in row {row} has a value, but its column has no header. Move the value under a header, or delete it.',
  },
  unclosed_quote: {
    da: 'Et anførselstegn, der begynder i række {row}, bliver aldrig lukket. Filen kan være afkortet; ret anførselstegnet, eller gem filen igen.',
    en: 'A quote that starts in row {row} is never closed. The file may be truncated; correct the quote, or save the file again.',
  },
  bad_quote: {
    da: 'Række {row} har tekst efter et afsluttende anførselstegn. Et anførselstegn i en celle skal skrives som to ("").',
    en: 'Row {row} has text after a closing quote. A quote inside a cell must be written as two ("").',
  },
  cell_too_long: {
    da: 'Cellen i række {row}, kolonne {column} har mere end {maxChars} tegn. Forkort teksten.',
    en: 'The cell in row {row}, column {column} has more than {maxChars} characters. Shorten the text.',
  },
  formula_cell: {
    da: 'Celle {cell} (række {row}, kolonne {column}) indeholder en formel. Erstat formlerne med deres værdier (Kopiér, Indsæt speciel, Værdier), og prøv igen.',
    en: 'Cell {cell} (row {row}, column {column}) holds a formula. Replace formulas with their values (Copy, Paste Special, Values) and try again.',
  },
  error_cell: {
    da: 'Celle {cell} (række {row}, kolonne {column}) indeholder fejlværdien {value}. Ret cellen.',
    en: 'Cell {cell} (row {row}, column {column}) holds the error value {value}. Correct the cell.',
  },
  too_many_problems: {
    da: 'Der er flere end {maxProblems} fejl i filen; kun de første vises. Ret dem, og prøv igen.',
    en: 'The file has more than {maxProblems} problems; only the first are shown. Correct them and try again.',
  },
};

/** The problem's message in the given language, with its placeholders filled. */
export function describeProblem(problem: ImportProblem, locale: 'da' | 'en'): string {
  const params: Record<string, string | number> = { ...problem.detail };
  if (problem.row !== undefined) params.row = problem.row;
  if (problem.column !== undefined) params.column = problem.column;
  return messages[problem.code][locale].replace(/\{(\w+)\}/g, (whole, key: string) =>
    params[key] === undefined ? whole : String(params[key]),
  );
}

/** Collects problems up to a limit; past it, one `too_many_problems` closes the list. */
export class ProblemList {
  readonly items: ImportProblem[] = [];
  private full = false;

  constructor(private readonly max: number) {}

  add(problem: ImportProblem): void {
    if (this.full) return;
    if (this.items.length >= this.max) {
      this.items.push({ code: 'too_many_problems', detail: { maxProblems: this.max } });
      this.full = true;
      return;
    }
    this.items.push(problem);
  }

  get isFull(): boolean {
    return this.full;
  }

  get length(): number {
    return this.items.length;
  }
}
