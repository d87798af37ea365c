/**
 * Why an evaluation file (a transcript, a .qdpx or a .qdc) is refused, and why a part of an
 * imported project is skipped: stable codes with Danish and English messages. `{name}` in a
 * message is filled from the problem's detail.
 */

export type FileProblemCode =
  | 'empty_file'
  | 'file_too_large'
  | 'unsupported_file_type'
  | 'not_text'
  | 'unknown_encoding'
  | 'not_zip'
  | 'encrypted_or_old_format'
  | 'zip_bomb'
  | 'too_many_entries'
  | 'unsafe_entry_name'
  | 'not_docx'
  | 'docx_external_image'
  | 'docx_unreadable'
  | 'no_project_file'
  | 'not_xml'
  | 'xml_doctype'
  | 'xml_too_large'
  | 'not_refi_qda';

export interface FileProblem {
  code: FileProblemCode;
  detail: Record<string, string | number>;
}

export type SkipReason =
  | 'position_outside_text'
  | 'empty_selection'
  | 'text_mismatch'
  | 'unknown_code'
  | 'unknown_source'
  | 'source_text_missing'
  | 'source_text_unreadable'
  | 'external_source'
  | 'unsupported_source_kind'
  | 'duplicate_guid'
  | 'bad_guid'
  | 'missing_name';

const fileMessages: Record<FileProblemCode, { da: string; en: string }> = {
  empty_file: { da: 'Filen er tom.', en: 'The file is empty.' },
  file_too_large: {
    da: 'Filen er større end {maxBytes} bytes og kan ikke indlæses.',
    en: 'The file is larger than {maxBytes} bytes and cannot be imported.',
  },
  unsupported_file_type: {
    da: 'Filtypen understøttes ikke. Brug .txt eller .docx (udskrifter) eller .qdpx eller .qdc (REFI-QDA).',
    en: 'This file type is not supported. Use .txt or .docx (transcripts) or .qdpx or .qdc (REFI-QDA).',
  },
  not_text: {
    da: 'Filen er ikke tekst (den indeholder binære data eller er UTF-16 uden byte order mark). Gem den som UTF-8-tekst.',
    en: 'The file is not text (it holds binary data or is UTF-16 without a byte order mark). Save it as UTF-8 text.',
  },
  unknown_encoding: {
    da: 'Filens tegnsæt er hverken UTF-8 eller Windows-1252 (fx en gammel DOS-fil). Gem den som UTF-8-tekst.',
    en: 'The file is neither UTF-8 nor Windows-1252 (an old DOS file, for example). Save it as UTF-8 text.',
  },
  not_zip: {
    da: 'Filen er ikke en gyldig zip-fil, som .qdpx og .docx skal være.',
    en: 'The file is not a valid zip file, as .qdpx and .docx files must be.',
  },
  encrypted_or_old_format: {
    da: 'Filen er beskyttet med adgangskode eller i et gammelt format (.doc). Gem den som .docx uden adgangskode.',
    en: 'The file is protected with a password or in an old format (.doc). Save it as .docx without a password.',
  },
  zip_bomb: {
    da: 'Filen pakker ud til langt mere, end den fylder, og afvises af sikkerhedshensyn.',
    en: 'The file unpacks to far more than its size and is refused for safety.',
  },
  too_many_entries: {
    da: 'Zip-filen har flere end {maxEntries} filer og afvises.',
    en: 'The zip file holds more than {maxEntries} files and is refused.',
  },
  unsafe_entry_name: {
    da: 'Zip-filen har et filnavn, der peger uden for arkivet ({entry}), og afvises.',
    en: 'The zip file has an entry name that points outside the archive ({entry}) and is refused.',
  },
  not_docx: {
    da: 'Zip-filen er ikke et Word-dokument (der er ingen word/document.xml).',
    en: 'The zip file is not a Word document (it has no word/document.xml).',
  },
  docx_external_image: {
    da: 'Dokumentet henviser til {count} billede(r) uden for filen ({target}). Fjern de linkede billeder i Word og gem igen.',
    en: 'The document links to {count} image(s) outside the file ({target}). Remove the linked images in Word and save again.',
  },
  docx_unreadable: {
    da: 'Word-dokumentet kunne ikke læses: {reason}.',
    en: 'The Word document could not be read: {reason}.',
  },
  no_project_file: {
    da: '.qdpx-filen har ingen projektfil (.qde).',
    en: 'The .qdpx file has no project file (.qde).',
  },
  not_xml: {
    da: '{entry} er ikke gyldig XML: {reason}.',
    en: '{entry} is not valid XML: {reason}.',
  },
  xml_doctype: {
    da: '{entry} erklærer en DOCTYPE; det tillader REFI-QDA ikke, og filen afvises af sikkerhedshensyn.',
    en: '{entry} declares a DOCTYPE; REFI-QDA does not use one, and the file is refused for safety.',
  },
  xml_too_large: {
    da: '{entry} er for stor eller for dybt indlejret ({reason}).',
    en: '{entry} is too large or nested too deeply ({reason}).',
  },
  not_refi_qda: {
    da: '{entry} er ikke et REFI-QDA-{expected}: {reason}.',
    en: '{entry} is not a REFI-QDA {expected}: {reason}.',
  },
};

const skipMessages: Record<SkipReason, { da: string; en: string }> = {
  position_outside_text: {
    da: 'Markeringen ligger uden for kildens tekst.',
    en: "The selection lies outside the source's text.",
  },
  empty_selection: { da: 'Markeringen er tom.', en: 'The selection is empty.' },
  text_mismatch: {
    da: 'Markeringens tekst passer ikke med kildens tekst på de angivne positioner.',
    en: "The selection's text does not match the source's text at its positions.",
  },
  unknown_code: { da: 'Kodningen henviser til en ukendt kode.', en: 'The coding refers to an unknown code.' },
  unknown_source: {
    da: 'Henvisningen peger på en ukendt kilde.',
    en: 'The reference points to an unknown source.',
  },
  source_text_missing: {
    da: 'Kildens tekst findes ikke i filen.',
    en: "The source's text is not in the file.",
  },
  source_text_unreadable: {
    da: 'Kildens tekst kunne ikke læses.',
    en: "The source's text could not be read.",
  },
  external_source: {
    da: 'Kilden ligger uden for filen (en sti på den anden brugers computer).',
    en: "The source lies outside the file (a path on the other user's computer).",
  },
  unsupported_source_kind: {
    da: 'Kun tekstkilder indlæses; billeder, PDF, lyd og video springes over.',
    en: 'Only text sources are imported; pictures, PDF, audio and video are skipped.',
  },
  duplicate_guid: { da: "Id'et findes allerede i filen.", en: 'The id occurs twice in the file.' },
  bad_guid: { da: "Id'et er ikke et gyldigt GUID.", en: 'The id is not a valid GUID.' },
  missing_name: { da: 'Navnet mangler.', en: 'The name is missing.' },
};

function fill(template: string, detail: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    detail[key] === undefined ? whole : String(detail[key]),
  );
}

export function describeFileProblem(problem: FileProblem, locale: 'da' | 'en'): string {
  // A reason that ends with its own full stop gets no second one.
  return fill(fileMessages[problem.code][locale], problem.detail).replace(/([.!?])\.$/, '$1');
}

export function describeSkip(reason: SkipReason, locale: 'da' | 'en'): string {
  return skipMessages[reason][locale];
}

export function fileProblem(
  code: FileProblemCode,
  detail: Record<string, string | number> = {},
): { ok: false; problem: FileProblem } {
  return { ok: false, problem: { code, detail } };
}
