import { OrganisationFile, validationMessage, type Locale, type Typology } from '@pejling/contracts';
import { classifyFile } from './organisation.service.js';

/** One problem in a classify file, with where it is. */
export interface FileProblem {
  line: number;
  column: number;
  /** The field as a dotted path (forums.0.kind); empty for the file as a whole. */
  path: string;
  message: string;
}

export type ClassifyFileResult = { ok: true; typology: Typology } | { ok: false; problems: FileProblem[] };

interface Place {
  line: number;
  column: number;
}

function placeAt(text: string, offset: number): Place {
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      column = 1;
    } else column++;
  }
  return { line, column };
}

/** A JSON syntax error at a character offset. */
export class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    readonly expected: { da: string; en: string },
  ) {
    super(expected.en);
  }
}

const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/;

/**
 * Where each value (and each object key, as `path.key#key`) starts in a JSON text, checking the
 * syntax on the way: JSON.parse forgets positions, and on Node 20 its errors do not say where.
 * @throws JsonSyntaxError
 */
export function locateJson(text: string): Map<string, number> {
  const at = new Map<string, number>();
  let i = 0;
  const fail = (da: string, en: string): never => {
    throw new JsonSyntaxError(Math.min(i, text.length), { da, en });
  };
  const ws = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const expect = (c: string, da: string, en: string) => {
    ws();
    if (text[i] !== c) fail(da, en);
    i++;
  };
  const str = (): string => {
    if (text[i] !== '"') fail('forventede tekst i anførselstegn', 'expected a double-quoted string');
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\n') fail('teksten slutter ikke på linjen', 'the string does not end on its line');
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) fail('teksten slutter aldrig', 'the string never ends');
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return fail('ugyldig tegnkode i teksten', 'invalid escape in the string');
    }
  };
  const value = (path: string): void => {
    ws();
    at.set(path, i);
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        const keyAt = i;
        const key = str();
        const child = path ? `${path}.${key}` : key;
        at.set(`${child}#key`, keyAt);
        expect(':', "forventede ':' efter feltnavnet", "expected ':' after the field name");
        value(child);
        ws();
        if (text[i] === '}') {
          i++;
          return;
        }
        expect(',', "forventede ',' eller '}'", "expected ',' or '}'");
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let n = 0; ; n++) {
        value(path ? `${path}.${n}` : String(n));
        ws();
        if (text[i] === ']') {
          i++;
          return;
        }
        expect(',', "forventede ',' eller ']'", "expected ',' or ']'");
      }
    } else if (c === '"') str();
    else {
      const word =
        /^(true|false|null)/.exec(text.slice(i, i + 5))?.[0] ?? NUMBER.exec(text.slice(i, i + 400))?.[0];
      if (!word) fail('forventede en værdi', 'expected a value');
      i += word!.length;
    }
  };
  value('');
  ws();
  if (i < text.length) fail('uventet tekst efter slutningen', 'unexpected text after the end');
  return at;
}

const SYNTAX: Record<Locale, string> = {
  da: 'Filen er ikke gyldig JSON',
  en: 'The file is not valid JSON',
};

/**
 * Reads an organisation in the classify file format (docs/typology.md) and classifies it, or
 * says for each problem the line, column and field, in the chosen language.
 */
export function classifyFileText(text: string, locale: Locale = 'da'): ClassifyFileResult {
  let at: Map<string, number>;
  try {
    at = locateJson(text);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    return {
      ok: false,
      problems: [
        { ...placeAt(text, e.offset), path: '', message: `${SYNTAX[locale]}: ${e.expected[locale]}.` },
      ],
    };
  }
  const data: unknown = JSON.parse(text);
  const parsed = OrganisationFile.safeParse(data);
  if (parsed.success) return { ok: true, typology: classifyFile(parsed.data) };
  const problems = parsed.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const { code, message, path: _p, ...params } = issue as typeof issue & Record<string, unknown>;
    let offset: number | undefined;
    let shownPath = path;
    if (code === 'unrecognized_keys' && Array.isArray(params.keys) && params.keys.length) {
      shownPath = path ? `${path}.${String(params.keys[0])}` : String(params.keys[0]);
      offset = at.get(`${shownPath}#key`);
    }
    // A missing field has no place of its own: point at the object that lacks it.
    for (let p = issue.path.map(String); offset === undefined && p.length >= 0; p = p.slice(0, -1)) {
      offset = at.get(p.join('.'));
      if (p.length === 0) break;
    }
    const text2 = validationMessage({ keyword: code, params, message }, locale);
    // A field that is not there at all: say so before the allowed values.
    const absent = code !== 'unrecognized_keys' && !at.has(path) && path !== '';
    const required = locale === 'da' ? 'Skal udfyldes.' : 'Required.';
    return {
      ...placeAt(text, offset ?? 0),
      path: shownPath,
      message: absent && text2 !== required ? `${required} ${text2}` : text2,
    };
  });
  return { ok: false, problems };
}
