/**
 * A small, guarded XML reader and writer helpers for REFI-QDA files. Reading refuses any
 * DOCTYPE (so no entity, internal or external, is ever declared or expanded: saxes knows only
 * the five predefined entities and character references), and bounds depth and element count.
 */
import { SaxesParser } from 'saxes';

export interface XmlElement {
  /** Local name, without prefix. */
  name: string;
  /** Namespace URI ('' for none). */
  uri: string;
  /** Attributes by local name. */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (character data and CDATA directly inside it), joined. */
  text: string;
}

export interface XmlLimits {
  maxDepth: number;
  maxElements: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = { maxDepth: 200, maxElements: 2_000_000 };

export type XmlFailure = 'doctype' | 'too_deep' | 'too_many_elements' | 'malformed' | 'empty';

export type XmlResult = { ok: true; root: XmlElement } | { ok: false; failure: XmlFailure; detail: string };

class Stop extends Error {
  constructor(
    readonly failure: XmlFailure,
    detail: string,
  ) {
    super(detail);
  }
}

/** Parses a whole XML document into a tree, or says why not. */
export function parseXml(text: string, limits: XmlLimits = DEFAULT_XML_LIMITS): XmlResult {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let elements = 0;
  const texts = new Map<XmlElement, string[]>();
  parser.on('doctype', () => {
    throw new Stop('doctype', 'the document declares a DOCTYPE (entities are not allowed)');
  });
  parser.on('opentag', (tag) => {
    elements++;
    if (elements > limits.maxElements)
      throw new Stop('too_many_elements', `more than ${limits.maxElements} elements`);
    if (stack.length >= limits.maxDepth) throw new Stop('too_deep', `nested deeper than ${limits.maxDepth}`);
    const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const attr of Object.values(tag.attributes)) {
      if (attr.prefix === 'xmlns' || attr.name === 'xmlns') continue;
      attrs[attr.local] = attr.value;
    }
    const element: XmlElement = { name: tag.local, uri: tag.uri, attrs, children: [], text: '' };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  const addText = (t: string) => {
    const top = stack[stack.length - 1];
    if (!top) return;
    const list = texts.get(top);
    if (list) list.push(t);
    else texts.set(top, [t]);
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    const top = stack.pop();
    if (top) {
      const list = texts.get(top);
      if (list) {
        top.text = list.join('');
        texts.delete(top);
      }
    }
  });
  try {
    parser.write(text).close();
  } catch (err) {
    if (err instanceof Stop) return { ok: false, failure: err.failure, detail: err.message };
    return { ok: false, failure: 'malformed', detail: err instanceof Error ? err.message : String(err) };
  }
  if (!root) return { ok: false, failure: 'empty', detail: 'no root element' };
  return { ok: true, root };
}

/** Children of `el` with local name `name`. */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

export function firstChild(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

// ---------------------------------------------------------------------------------------------
// Writing

/** Characters XML 1.0 cannot hold at all (C0 controls but tab, LF, CR; lone surrogates; U+FFFE/F). */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- these are the characters to find
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Replaces characters XML 1.0 cannot hold with U+FFFD. */
export function xmlSafe(s: string): string {
  return s.replace(NOT_XML, '\ufffd');
}

/** Text content: & < > escaped (and CR as a reference, so it survives parsing). */
export function escapeText(s: string): string {
  return xmlSafe(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** An attribute value in double quotes: also " and the whitespace a parser would normalise. */
export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/** ` name="value"` for each defined attribute, in the given order. */
export function attrs(list: Record<string, string | number | boolean | null | undefined>): string {
  return Object.entries(list)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => ` ${k}="${escapeAttr(String(v))}"`)
    .join('');
}
