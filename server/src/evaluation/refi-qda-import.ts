/**
 * Reads REFI-QDA files written by any tool (.qdpx projects and .qdc codebooks) into the study
 * model, leniently: the quirks in docs/evaluation-exchange.md are accepted, every position is
 * checked against the source's text, and whatever cannot be mapped is skipped and reported.
 * A file that cannot be read safely at all is refused with a reason, and then nothing of it is
 * returned.
 */
import { randomUUID } from 'node:crypto';
import { PositionIndex } from '../domain/qda/positions.js';
import { normaliseText } from '../domain/qda/transcript.js';
import type { NormalisedText } from '../domain/qda/transcript.js';
import type { Archive, ArchiveLimits } from './archive.js';
import { openArchive, unsafeEntryName } from './archive.js';
import type {
  StudyCase,
  StudyCode,
  StudyCoding,
  StudyMemo,
  StudyModel,
  StudySource,
  StudyUser,
  MemoTarget,
} from './model.js';
import { fileProblem } from './problems.js';
import type { FileProblem, SkipReason } from './problems.js';
import { CODEBOOK_NS, PROJECT_NS } from './refi-qda-export.js';
import { decodeTranscriptText } from './transcript-file.js';
import { childrenNamed, firstChild, parseXml } from './xml.js';
import type { XmlElement } from './xml.js';

/** Appends `value` to the list under `key`, making the list when it is missing. */
function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export interface ImportOptions {
  limits: ArchiveLimits;
  /** Makes ids for what has none (the study; a coding whose GUID is unusable). */
  newId: () => string;
}

export const DEFAULT_IMPORT_OPTIONS: ImportOptions = {
  limits: {
    maxEntries: 10_000,
    // Pictures, PDFs, audio and video are never unpacked; only their declared sizes count here.
    maxDeclaredBytes: 4 * 1024 * 1024 * 1024 - 1,
    maxEntryBytes: 64 * 1024 * 1024,
    maxReadBytes: 256 * 1024 * 1024,
  },
  newId: randomUUID,
};

export interface SkippedItem {
  kind: 'user' | 'code' | 'case' | 'source' | 'selection' | 'coding' | 'note' | 'reference';
  guid: string | null;
  name: string | null;
  reason: SkipReason;
  /** The source a selection or coding belongs to. */
  sourceGuid?: string;
}

export interface ImportWarning {
  code:
    | 'positions_unverified'
    | 'crlf_counted_as_one'
    | 'source_in_several_cases'
    | 'whole_source_codings'
    | 'code_without_name'
    | 'unknown_user';
  detail: Record<string, string | number>;
}

export interface ImportReport {
  /** The project or codebook entry that was read. */
  file: string;
  imported: { users: number; codes: number; cases: number; sources: number; codings: number; memos: number };
  skipped: SkippedItem[];
  /** Parts of the standard Pejling does not keep, by element name, with how many there were. */
  ignored: Record<string, number>;
  warnings: ImportWarning[];
}

type Result<T> = { ok: true; report: ImportReport } & T;

const GUID =
  /^(?:\{([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}|([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}))$/;

/** A GUID as Pejling keeps it (lower case, no braces), or null when it is not one. */
export function normaliseGuid(value: string | undefined): string | null {
  const m = GUID.exec((value ?? '').trim());
  return m ? (m[1] ?? m[2]!).toLowerCase() : null;
}

function normaliseColor(value: string | undefined): string | null {
  const v = (value ?? '').trim();
  if (/^#[0-9a-fA-F]{6}$/.test(v)) return v.toUpperCase();
  if (/^#[0-9a-fA-F]{3}$/.test(v)) return `#${[...v.slice(1)].map((ch) => ch + ch).join('')}`.toUpperCase();
  return null;
}

function bool(value: string | undefined, fallback: boolean): boolean {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return fallback;
}

function date(value: string | undefined): string | null {
  if (!value || Number.isNaN(Date.parse(value))) return null;
  return new Date(value).toISOString();
}

/** The `item` elements inside `parent`'s `container` child (none when it is missing). */
function listIn(parent: XmlElement, container: string, item: string): XmlElement[] {
  const c = firstChild(parent, container);
  return c ? childrenNamed(c, item) : [];
}

function textOf(el: XmlElement, child: string): string | null {
  const c = firstChild(el, child);
  return c ? c.text : null;
}

/** For comparing a selection's name with the text at its positions. */
function comparable(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function nameMatches(name: string, slice: string): boolean {
  const n = comparable(name);
  const s = comparable(slice);
  if (n === s) return true;
  const cut = /(?:…|\.\.\.)$/.exec(n);
  if (cut) {
    const prefix = n.slice(0, n.length - cut[0].length).trimEnd();
    return prefix.length > 0 && s.startsWith(prefix);
  }
  return false;
}

class Collector {
  readonly skipped: SkippedItem[] = [];
  readonly ignored: Record<string, number> = {};
  readonly warnings: ImportWarning[] = [];
  skip(item: SkippedItem) {
    this.skipped.push(item);
  }
  ignore(what: string, n = 1) {
    if (n > 0) this.ignored[what] = (this.ignored[what] ?? 0) + n;
  }
  warn(code: ImportWarning['code'], detail: Record<string, string | number>) {
    this.warnings.push({ code, detail });
  }
}

/** Reads codes (nested) from a Codes element. */
function readCodes(
  codesEl: XmlElement | undefined,
  out: Collector,
  noteRefsOf?: Map<string, string[]>,
): StudyCode[] {
  const codes: StudyCode[] = [];
  const seen = new Set<string>();
  const walk = (el: XmlElement, parentId: string | null, position: number) => {
    const guid = normaliseGuid(el.attrs.guid);
    let id = parentId;
    let childPosition = 0;
    if (!guid)
      out.skip({
        kind: 'code',
        guid: el.attrs.guid ?? null,
        name: el.attrs.name ?? null,
        reason: 'bad_guid',
      });
    else if (seen.has(guid))
      out.skip({ kind: 'code', guid, name: el.attrs.name ?? null, reason: 'duplicate_guid' });
    else {
      seen.add(guid);
      let name = (el.attrs.name ?? '').trim();
      if (!name) {
        out.warn('code_without_name', { guid });
        name = guid;
      }
      codes.push({
        id: guid,
        parentId,
        name,
        description: textOf(el, 'Description'),
        color: normaliseColor(el.attrs.color),
        codable: bool(el.attrs.isCodable, true),
        position,
      });
      id = guid;
      if (noteRefsOf) {
        for (const ref of childrenNamed(el, 'NoteRef')) {
          const note = normaliseGuid(ref.attrs.targetGUID);
          if (note) pushTo(noteRefsOf, note, guid);
        }
      }
    }
    // The children of a skipped code move up to its parent.
    for (const child of childrenNamed(el, 'Code'))
      walk(child, id, id === parentId ? position + ++childPosition : childPosition++);
  };
  let position = 0;
  for (const el of codesEl ? childrenNamed(codesEl, 'Code') : []) walk(el, null, position++);
  return codes;
}

/** Finds the project document: `project.qde`, else the only (or first) `.qde` in the archive. */
function findProjectFile(archive: Archive): string | null {
  const exact = archive.find('project.qde');
  if (exact) return exact;
  const qde = archive.names.filter((n) => n.toLowerCase().endsWith('.qde'));
  qde.sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
  return qde[0] ?? null;
}

function decodeXmlBytes(data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
  const text = new TextDecoder('utf-8').decode(data);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function parseDocument(
  data: Buffer,
  entry: string,
  expected: 'project' | 'codebook',
): { ok: true; root: XmlElement } | { ok: false; problem: FileProblem } {
  const xml = parseXml(decodeXmlBytes(data));
  if (!xml.ok) {
    if (xml.failure === 'doctype') return fileProblem('xml_doctype', { entry });
    if (xml.failure === 'too_deep' || xml.failure === 'too_many_elements')
      return fileProblem('xml_too_large', { entry, reason: xml.detail });
    return fileProblem('not_xml', { entry, reason: xml.detail });
  }
  const root = xml.root;
  if (expected === 'project') {
    if (root.name !== 'Project')
      return fileProblem('not_refi_qda', {
        entry,
        expected,
        reason: `the root element is <${root.name}>, not <Project>`,
      });
    if (root.uri !== PROJECT_NS) {
      return fileProblem('not_refi_qda', {
        entry,
        expected,
        reason: root.uri
          ? `its namespace is ${root.uri}, not ${PROJECT_NS}`
          : `it declares no namespace (${PROJECT_NS})`,
      });
    }
  } else {
    if (root.name !== 'CodeBook')
      return fileProblem('not_refi_qda', {
        entry,
        expected,
        reason: `the root element is <${root.name}>, not <CodeBook>`,
      });
    // A codebook written under the project namespace (as some tools do) is accepted.
    if (root.uri !== CODEBOOK_NS && root.uri !== PROJECT_NS) {
      return fileProblem('not_refi_qda', {
        entry,
        expected,
        reason: root.uri
          ? `its namespace is ${root.uri}, not ${CODEBOOK_NS}`
          : `it declares no namespace (${CODEBOOK_NS})`,
      });
    }
  }
  return { ok: true, root };
}

/** The archive entry a source's `plainTextPath` names, or why it cannot be read. */
function resolveSourcePath(archive: Archive, path: string): { entry: string } | { reason: SkipReason } {
  const internal = /^internal:\/\/(.*)$/i.exec(path);
  if (!internal && /^[a-z][a-z0-9+.-]*:/i.test(path)) return { reason: 'external_source' }; // relative://, file://, C:\
  if (!internal && path.startsWith('/')) return { reason: 'external_source' };
  const rel = decodeURIComponent((internal ? internal[1]! : path).replace(/^\.?\//, ''));
  if (unsafeEntryName(rel)) return { reason: 'source_text_unreadable' };
  const found = archive.find(`sources/${rel}`) ?? archive.find(rel);
  return found ? { entry: found } : { reason: 'source_text_missing' };
}

interface Interpretation {
  map: NormalisedText;
  label: 'raw' | 'crlf_as_one';
}

/**
 * Imports a .qdpx project. The result's ids are the file's GUIDs (lower case, no braces), so a
 * Pejling export imported again keeps every id.
 */
export async function importQdpx(
  bytes: Uint8Array,
  options: ImportOptions = DEFAULT_IMPORT_OPTIONS,
): Promise<Result<{ model: StudyModel }> | { ok: false; problem: FileProblem }> {
  if (bytes.length === 0) return fileProblem('empty_file');
  const opened = openArchive(bytes, options.limits);
  if (!opened.ok) return { ok: false, problem: opened.problem };
  const archive = opened.archive;
  const projectFile = findProjectFile(archive);
  if (!projectFile) return fileProblem('no_project_file');
  const read = await archive.read(projectFile);
  if (!read.ok) {
    if (read.reason === 'zip_bomb')
      return fileProblem('zip_bomb', { entry: projectFile, reason: 'entry_larger_than_declared' });
    if (read.reason === 'too_large')
      return fileProblem('xml_too_large', { entry: projectFile, reason: 'size' });
    return fileProblem('not_zip', { entry: projectFile, reason: read.reason });
  }
  const parsed = parseDocument(read.data, projectFile, 'project');
  if (!parsed.ok) return parsed;
  const root = parsed.root;
  const out = new Collector();

  // Users
  const users: StudyUser[] = [];
  const userIds = new Set<string>();
  for (const el of listIn(root, 'Users', 'User')) {
    const guid = normaliseGuid(el.attrs.guid);
    if (!guid)
      out.skip({
        kind: 'user',
        guid: el.attrs.guid ?? null,
        name: el.attrs.name ?? null,
        reason: 'bad_guid',
      });
    else if (userIds.has(guid))
      out.skip({ kind: 'user', guid, name: el.attrs.name ?? null, reason: 'duplicate_guid' });
    else {
      userIds.add(guid);
      users.push({ id: guid, name: (el.attrs.name ?? el.attrs.id ?? '').trim() || guid });
    }
  }
  const unknownUsers = new Set<string>();
  const userRef = (value: string | undefined): string | null => {
    const g = normaliseGuid(value);
    if (!g) return null;
    if (userIds.has(g)) return g;
    unknownUsers.add(g);
    return null;
  };

  // Notes referenced from codes, sources, codings and the project: note guid → targets.
  const noteTargets = new Map<string, MemoTarget[]>();
  const noteCodes = new Map<string, string[]>();
  const addNoteRefs = (el: XmlElement, target: MemoTarget) => {
    for (const ref of childrenNamed(el, 'NoteRef')) {
      const note = normaliseGuid(ref.attrs.targetGUID);
      if (note) pushTo(noteTargets, note, target);
    }
  };

  // Codebook
  const codes = readCodes(firstChild(firstChild(root, 'CodeBook') ?? root, 'Codes'), out, noteCodes);
  const codeIds = new Set(codes.map((c) => c.id));
  out.ignore('Variables', listIn(root, 'Variables', 'Variable').length);

  // Sources
  const sources: StudySource[] = [];
  const codings: StudyCoding[] = [];
  const usedIds = new Set<string>([...codeIds, ...userIds]);
  const sourcesEl = firstChild(root, 'Sources');
  for (const el of sourcesEl?.children ?? []) {
    const name = el.attrs.name ?? null;
    if (el.name !== 'TextSource') {
      out.skip({
        kind: 'source',
        guid: normaliseGuid(el.attrs.guid),
        name,
        reason: 'unsupported_source_kind',
      });
      continue;
    }
    const guid = normaliseGuid(el.attrs.guid);
    if (!guid) {
      out.skip({ kind: 'source', guid: el.attrs.guid ?? null, name, reason: 'bad_guid' });
      continue;
    }
    if (usedIds.has(guid)) {
      out.skip({ kind: 'source', guid, name, reason: 'duplicate_guid' });
      continue;
    }
    // The text: inline, or a file in the archive.
    let raw: string | null = textOf(el, 'PlainTextContent');
    if (raw === null) {
      const path = el.attrs.plainTextPath;
      if (!path) {
        out.skip({ kind: 'source', guid, name, reason: 'source_text_missing' });
        continue;
      }
      const resolved = resolveSourcePath(archive, path);
      if ('reason' in resolved) {
        out.skip({ kind: 'source', guid, name, reason: resolved.reason });
        continue;
      }
      const data = await archive.read(resolved.entry);
      if (!data.ok) {
        if (data.reason === 'zip_bomb')
          return fileProblem('zip_bomb', { entry: resolved.entry, reason: 'entry_larger_than_declared' });
        out.skip({ kind: 'source', guid, name, reason: 'source_text_unreadable' });
        continue;
      }
      const decoded = decodeTranscriptText(data.data);
      if (!decoded.ok) {
        out.skip({ kind: 'source', guid, name, reason: 'source_text_unreadable' });
        continue;
      }
      raw = decoded.text;
    } else if (raw.charCodeAt(0) === 0xfeff) {
      raw = raw.slice(1);
    }
    usedIds.add(guid);
    const interpretations: Interpretation[] = [{ map: normaliseText(raw), label: 'raw' }];
    if (raw.includes('\r\n'))
      interpretations.push({ map: normaliseText(raw.replace(/\r\n/g, '\n')), label: 'crlf_as_one' });
    const text = interpretations[0]!.map.text;
    const index = new PositionIndex(text);
    const source: StudySource = {
      id: guid,
      caseId: null,
      name: (name ?? '').trim() || guid,
      description: textOf(el, 'Description'),
      text,
      createdBy: userRef(el.attrs.creatingUser),
      createdAt: date(el.attrs.creationDateTime),
    };
    sources.push(source);
    addNoteRefs(el, { kind: 'source', id: guid });
    out.ignore('VariableValue', childrenNamed(el, 'VariableValue').length);

    // Selections: check each against the text under each way of counting.
    const selections = childrenNamed(el, 'PlainTextSelection').map((sel) => {
      const start = Number(sel.attrs.startPosition);
      const end = Number(sel.attrs.endPosition);
      const fits = interpretations.map(({ map }) => {
        if (
          !Number.isInteger(start) ||
          !Number.isInteger(end) ||
          start < 0 ||
          end > map.originalLength ||
          start >= end
        )
          return null;
        const range = { start: map.mapStart(start), end: map.mapEnd(end) };
        if (range.end <= range.start) return null;
        const slice = text.slice(index.toUtf16(range.start), index.toUtf16(range.end));
        const label = sel.attrs.name ?? '';
        return { range, matches: label.trim() !== '' && nameMatches(label, slice) };
      });
      return { sel, start, end, fits };
    });
    const named = selections.filter((s) => (s.sel.attrs.name ?? '').trim() !== '');
    const anyMatch = named.some((s) => s.fits.some((f) => f?.matches));
    // Names are excerpts in this file when at least one matches; otherwise they are labels and
    // positions cannot be verified.
    const votes = interpretations.map((_, i) => named.filter((s) => s.fits[i]?.matches).length);
    const preferred = votes.length > 1 && votes[1]! > votes[0]! ? 1 : 0;
    if (preferred === 1) out.warn('crlf_counted_as_one', { source: guid });
    if (named.length > 0 && !anyMatch)
      out.warn('positions_unverified', { source: guid, selections: named.length });
    for (const { sel, start, end, fits } of selections) {
      const selGuid = normaliseGuid(sel.attrs.guid);
      const selName = sel.attrs.name ?? null;
      const skipSel = (reason: SkipReason) =>
        out.skip({
          kind: 'selection',
          guid: selGuid ?? sel.attrs.guid ?? null,
          name: null,
          reason,
          sourceGuid: guid,
        });
      let chosen = fits.findIndex((f) => f?.matches);
      if (chosen < 0) {
        if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0) {
          skipSel('position_outside_text');
          continue;
        }
        if (end <= start) {
          skipSel('empty_selection');
          continue;
        }
        // Inside the text under the preferred counting, else under the other one.
        const inside = fits[preferred] ? preferred : fits.findIndex((f) => f !== null);
        if (inside < 0) {
          skipSel('position_outside_text');
          continue;
        }
        if (anyMatch && (selName ?? '').trim() !== '') {
          skipSel('text_mismatch');
          continue;
        }
        chosen = inside;
      }
      const range = fits[chosen]!.range;
      const selCodings = childrenNamed(sel, 'Coding');
      for (const codingEl of selCodings) {
        const codeId = normaliseGuid(firstChild(codingEl, 'CodeRef')?.attrs.targetGUID);
        let id = normaliseGuid(codingEl.attrs.guid);
        if (!codeId || !codeIds.has(codeId)) {
          out.skip({ kind: 'coding', guid: id, name: null, reason: 'unknown_code', sourceGuid: guid });
          continue;
        }
        if (!id || usedIds.has(id)) id = options.newId();
        usedIds.add(id);
        codings.push({
          id,
          sourceId: guid,
          codeId,
          start: range.start,
          end: range.end,
          userId: userRef(codingEl.attrs.creatingUser ?? sel.attrs.creatingUser),
          createdAt: date(codingEl.attrs.creationDateTime ?? sel.attrs.creationDateTime),
        });
        addNoteRefs(codingEl, { kind: 'coding', id });
        if (codingEl === selCodings[0]) addNoteRefs(sel, { kind: 'coding', id });
      }
    }
    // Codings of the whole source.
    const whole = childrenNamed(el, 'Coding');
    if (whole.length > 0 && index.codePointLength > 0) {
      out.warn('whole_source_codings', { source: guid, count: whole.length });
      for (const codingEl of whole) {
        const codeId = normaliseGuid(firstChild(codingEl, 'CodeRef')?.attrs.targetGUID);
        let id = normaliseGuid(codingEl.attrs.guid);
        if (!codeId || !codeIds.has(codeId)) {
          out.skip({ kind: 'coding', guid: id, name: null, reason: 'unknown_code', sourceGuid: guid });
          continue;
        }
        if (!id || usedIds.has(id)) id = options.newId();
        usedIds.add(id);
        codings.push({
          id,
          sourceId: guid,
          codeId,
          start: 0,
          end: index.codePointLength,
          userId: userRef(codingEl.attrs.creatingUser),
          createdAt: date(codingEl.attrs.creationDateTime),
        });
      }
    }
  }
  const sourceById = new Map(sources.map((s) => [s.id, s]));

  // Cases
  const cases: StudyCase[] = [];
  const caseIds = new Set<string>();
  for (const el of listIn(root, 'Cases', 'Case')) {
    const guid = normaliseGuid(el.attrs.guid);
    const name = el.attrs.name ?? null;
    if (!guid) {
      out.skip({ kind: 'case', guid: el.attrs.guid ?? null, name, reason: 'bad_guid' });
      continue;
    }
    if (caseIds.has(guid) || usedIds.has(guid)) {
      out.skip({ kind: 'case', guid, name, reason: 'duplicate_guid' });
      continue;
    }
    caseIds.add(guid);
    usedIds.add(guid);
    cases.push({
      id: guid,
      name: (name ?? '').trim() || guid,
      description: textOf(el, 'Description'),
      subject: null,
    });
    for (const ref of childrenNamed(el, 'SourceRef')) {
      const sourceId = normaliseGuid(ref.attrs.targetGUID);
      const source = sourceId ? sourceById.get(sourceId) : undefined;
      if (!source) {
        out.skip({ kind: 'reference', guid: sourceId, name, reason: 'unknown_source' });
        continue;
      }
      if (source.caseId && source.caseId !== guid)
        out.warn('source_in_several_cases', { source: source.id, keptCase: source.caseId, case: guid });
      else source.caseId = guid;
    }
    out.ignore('Case/CodeRef', childrenNamed(el, 'CodeRef').length);
    out.ignore('Case/VariableValue', childrenNamed(el, 'VariableValue').length);
    out.ignore('Case/SelectionRef', childrenNamed(el, 'SelectionRef').length);
  }

  // Project-level note references, and links between a note and a case.
  addNoteRefs(root, { kind: 'study' });
  const caseOfNote = new Map<string, string>();
  let otherLinks = 0;
  for (const link of listIn(root, 'Links', 'Link')) {
    const a = normaliseGuid(link.attrs.originGUID);
    const b = normaliseGuid(link.attrs.targetGUID);
    if (a && b && caseIds.has(b)) caseOfNote.set(a, b);
    else if (a && b && caseIds.has(a)) caseOfNote.set(b, a);
    else otherLinks++;
  }

  // Notes
  const memos: StudyMemo[] = [];
  for (const el of listIn(root, 'Notes', 'Note')) {
    const guid = normaliseGuid(el.attrs.guid);
    const name = el.attrs.name ?? null;
    if (!guid) {
      out.skip({ kind: 'note', guid: el.attrs.guid ?? null, name, reason: 'bad_guid' });
      continue;
    }
    if (usedIds.has(guid)) {
      out.skip({ kind: 'note', guid, name, reason: 'duplicate_guid' });
      continue;
    }
    let text = textOf(el, 'PlainTextContent');
    if (text === null && el.attrs.plainTextPath) {
      const resolved = resolveSourcePath(archive, el.attrs.plainTextPath);
      if ('entry' in resolved) {
        const data = await archive.read(resolved.entry);
        const decoded = data.ok ? decodeTranscriptText(data.data) : null;
        if (decoded?.ok) text = decoded.text;
      }
    }
    if (text === null) {
      out.skip({ kind: 'note', guid, name, reason: 'source_text_missing' });
      continue;
    }
    usedIds.add(guid);
    const caseId = caseOfNote.get(guid);
    const themes = noteCodes.get(guid) ?? [];
    const targets = noteTargets.get(guid) ?? [];
    let target: MemoTarget = { kind: 'study' };
    let kind: StudyMemo['kind'] = 'memo';
    let themeCodeId: string | null = null;
    if (caseId) {
      target = { kind: 'case', id: caseId };
      if (themes.length > 0) {
        kind = 'framework_summary';
        themeCodeId = themes[0]!;
      }
    } else if (targets.find((t) => t.kind === 'coding')) target = targets.find((t) => t.kind === 'coding')!;
    else if (targets.find((t) => t.kind === 'source')) target = targets.find((t) => t.kind === 'source')!;
    else if (themes.length > 0) target = { kind: 'code', id: themes[0]! };
    memos.push({
      id: guid,
      kind,
      target,
      themeCodeId,
      title: (name ?? '').trim(),
      text: normaliseText(text).text,
      userId: userRef(el.attrs.creatingUser),
      createdAt: date(el.attrs.creationDateTime),
    });
  }
  out.ignore('Links', otherLinks);
  out.ignore('Sets', listIn(root, 'Sets', 'Set').length);
  out.ignore('Graphs', listIn(root, 'Graphs', 'Graph').length);
  if (unknownUsers.size > 0) out.warn('unknown_user', { users: unknownUsers.size });

  const model: StudyModel = {
    study: {
      id: options.newId(),
      name: (root.attrs.name ?? '').trim() || 'REFI-QDA',
      description: textOf(root, 'Description'),
      createdAt: date(root.attrs.creationDateTime),
    },
    users,
    codes,
    cases,
    sources,
    codings,
    memos,
  };
  return {
    ok: true,
    model,
    report: {
      file: projectFile,
      imported: {
        users: users.length,
        codes: codes.length,
        cases: cases.length,
        sources: sources.length,
        codings: codings.length,
        memos: memos.length,
      },
      skipped: out.skipped,
      ignored: out.ignored,
      warnings: out.warnings,
    },
  };
}

/** Imports a .qdc codebook (an XML document; a zip holding one .qdc is accepted too). */
export async function importQdc(
  bytes: Uint8Array,
  options: ImportOptions = DEFAULT_IMPORT_OPTIONS,
): Promise<Result<{ codes: StudyCode[] }> | { ok: false; problem: FileProblem }> {
  if (bytes.length === 0) return fileProblem('empty_file');
  let data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let entry = 'codebook.qdc';
  if (data[0] === 0x50 && data[1] === 0x4b) {
    const opened = openArchive(bytes, options.limits);
    if (!opened.ok) return { ok: false, problem: opened.problem };
    const name = opened.archive.names.find((n) => n.toLowerCase().endsWith('.qdc'));
    if (!name) return fileProblem('no_project_file');
    const read = await opened.archive.read(name);
    if (!read.ok)
      return fileProblem(read.reason === 'zip_bomb' ? 'zip_bomb' : 'xml_too_large', {
        entry: name,
        reason: read.reason,
      });
    data = read.data;
    entry = name;
  } else if (data.length > options.limits.maxEntryBytes) {
    return fileProblem('file_too_large', { maxBytes: options.limits.maxEntryBytes });
  }
  const parsed = parseDocument(data, entry, 'codebook');
  if (!parsed.ok) return parsed;
  const out = new Collector();
  const codes = readCodes(firstChild(parsed.root, 'Codes'), out);
  out.ignore('Sets', listIn(parsed.root, 'Sets', 'Set').length);
  return {
    ok: true,
    codes,
    report: {
      file: entry,
      imported: { users: 0, codes: codes.length, cases: 0, sources: 0, codings: 0, memos: 0 },
      skipped: out.skipped,
      ignored: out.ignored,
      warnings: out.warnings,
    },
  };
}
