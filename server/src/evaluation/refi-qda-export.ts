/**
 * Writes a study as REFI-QDA: a .qdpx project (a zip of `project.qde` and `sources/<guid>.txt`)
 * and a .qdc codebook, both valid against the schemas in ./schemas/. See
 * docs/evaluation-exchange.md for the mapping.
 */
import { createHash } from 'node:crypto';
import { PositionIndex } from '../domain/qda/positions.js';
import { writeArchive } from './archive.js';
import type { StudyCode, StudyMemo, StudyModel } from './model.js';
import { attrs, escapeText } from './xml.js';

/** Appends `value` to the list under `key`, making the list when it is missing. */
function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export const PROJECT_NS = 'urn:QDA-XML:project:1.0';
export const CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';
export const ORIGIN = 'Pejling';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The GUID an id is written as: a uuid as it is (lower case); any other id as a stable
 * name-based uuid (version 5 layout over SHA-1 of the id), so the same id always gets the same
 * GUID. `salt` derives further GUIDs from one id (the selection of a coding, a link of a memo).
 */
export function guidFor(id: string, salt = ''): string {
  if (!salt && UUID.test(id)) return id.toLowerCase();
  const h = createHash('sha1').update(`pejling:${salt}:${id}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The longest selection text written as a selection's name; longer ones end with …. */
export const SELECTION_NAME_MAX = 200;

export interface ExportResult {
  bytes: Buffer;
  /** What the other tool will not show as Pejling does, for the person exporting. */
  warnings: {
    code:
      | 'framework_summaries_as_notes'
      | 'case_memos_as_linked_notes'
      | 'coding_outside_text'
      | 'coding_of_unknown_code'
      | 'coding_of_unknown_source';
    count: number;
  }[];
}

function writeCodes(
  codes: readonly StudyCode[],
  noteRefs: Map<string, string[]>,
  withNotes: boolean,
  indent: string,
): string {
  const byParent = new Map<string | null, StudyCode[]>();
  const ids = new Set(codes.map((c) => c.id));
  const sorted = [...codes].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name, 'da'));
  for (const c of sorted) {
    const parent = c.parentId && ids.has(c.parentId) ? c.parentId : null;
    pushTo(byParent, parent, c);
  }
  const written = new Set<string>();
  const write = (code: StudyCode, depth: number): string => {
    written.add(code.id);
    const pad = indent + '  '.repeat(depth);
    const inner: string[] = [];
    if (code.description) inner.push(`${pad}  <Description>${escapeText(code.description)}</Description>`);
    if (withNotes)
      for (const n of noteRefs.get(code.id) ?? [])
        inner.push(`${pad}  <NoteRef${attrs({ targetGUID: n })}/>`);
    for (const child of byParent.get(code.id) ?? [])
      if (!written.has(child.id)) inner.push(write(child, depth + 1));
    const open = `${pad}<Code${attrs({
      guid: guidFor(code.id),
      name: code.name,
      isCodable: code.codable ? 'true' : 'false',
      color: code.color ?? undefined,
    })}`;
    return inner.length > 0 ? `${open}>\n${inner.join('\n')}\n${pad}</Code>` : `${open}/>`;
  };
  const out = (byParent.get(null) ?? []).map((c) => write(c, 0));
  // Codes in a parent cycle are reached from no top-level code: write them at the top level.
  for (const c of sorted) if (!written.has(c.id)) out.push(write(c, 0));
  return out.join('\n');
}

function excerpt(text: string): string {
  const points = Array.from(text);
  return points.length <= SELECTION_NAME_MAX ? text : `${points.slice(0, SELECTION_NAME_MAX).join('')}…`;
}

/** The project document (project.qde) and the source files that go beside it. */
export function buildProject(
  model: StudyModel,
  exportedAt: Date,
): { qde: string; files: { name: string; data: string }[]; warnings: ExportResult['warnings'] } {
  const userIds = new Set(model.users.map((u) => u.id));
  const user = (id: string | null) => (id && userIds.has(id) ? guidFor(id) : undefined);
  const date = (iso: string | null) =>
    iso && !Number.isNaN(Date.parse(iso)) ? new Date(iso).toISOString() : undefined;
  const codeIds = new Set(model.codes.map((c) => c.id));
  const caseIds = new Set(model.cases.map((c) => c.id));

  // Where each memo is referenced from.
  const noteRefs = new Map<string, string[]>(); // target id (code, source, coding, 'study') → note guids
  const links: { guid: string; note: string; target: string }[] = [];
  let frameworkCount = 0;
  let caseMemoCount = 0;
  const addRef = (targetId: string, memo: StudyMemo) => pushTo(noteRefs, targetId, guidFor(memo.id));
  for (const memo of model.memos) {
    const t = memo.target;
    if (t.kind === 'study') addRef('\u0000study', memo);
    else if (t.kind === 'case') {
      if (caseIds.has(t.id))
        links.push({ guid: guidFor(memo.id, 'link-case'), note: guidFor(memo.id), target: guidFor(t.id) });
      if (memo.kind === 'framework_summary') frameworkCount++;
      else caseMemoCount++;
    } else addRef(t.id, memo);
    if (memo.kind === 'framework_summary' && memo.themeCodeId && codeIds.has(memo.themeCodeId))
      addRef(memo.themeCodeId, memo);
  }

  const lines: string[] = ['<?xml version="1.0" encoding="utf-8"?>'];
  lines.push(
    `<Project${attrs({
      xmlns: PROJECT_NS,
      name: model.study.name,
      origin: ORIGIN,
      creationDateTime: date(model.study.createdAt),
      modifiedDateTime: exportedAt.toISOString(),
    })}>`,
  );
  if (model.users.length > 0) {
    lines.push('  <Users>');
    for (const u of model.users) lines.push(`    <User${attrs({ guid: guidFor(u.id), name: u.name })}/>`);
    lines.push('  </Users>');
  }
  if (model.codes.length > 0) {
    lines.push(
      '  <CodeBook>',
      '    <Codes>',
      writeCodes(model.codes, noteRefs, true, '      '),
      '    </Codes>',
      '  </CodeBook>',
    );
  }
  if (model.cases.length > 0) {
    lines.push('  <Cases>');
    for (const c of model.cases) {
      const inner: string[] = [];
      if (c.description) inner.push(`      <Description>${escapeText(c.description)}</Description>`);
      for (const s of model.sources)
        if (s.caseId === c.id) inner.push(`      <SourceRef${attrs({ targetGUID: guidFor(s.id) })}/>`);
      const open = `    <Case${attrs({ guid: guidFor(c.id), name: c.name })}`;
      lines.push(inner.length > 0 ? `${open}>\n${inner.join('\n')}\n    </Case>` : `${open}/>`);
    }
    lines.push('  </Cases>');
  }
  const files: { name: string; data: string }[] = [];
  let outside = 0;
  if (model.sources.length > 0) {
    lines.push('  <Sources>');
    for (const s of model.sources) {
      const guid = guidFor(s.id);
      files.push({ name: `sources/${guid}.txt`, data: s.text });
      const index = new PositionIndex(s.text);
      lines.push(
        `    <TextSource${attrs({
          guid,
          name: s.name,
          plainTextPath: `internal://${guid}.txt`,
          creatingUser: user(s.createdBy),
          creationDateTime: date(s.createdAt),
        })}>`,
      );
      if (s.description) lines.push(`      <Description>${escapeText(s.description)}</Description>`);
      const codings = model.codings
        .filter((c) => c.sourceId === s.id && codeIds.has(c.codeId))
        .sort((a, b) => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id));
      for (const c of codings) {
        if (!(
          Number.isInteger(c.start) &&
          Number.isInteger(c.end) &&
          c.start >= 0 &&
          c.start < c.end &&
          c.end <= index.codePointLength
        )) {
          outside++;
          continue;
        }
        const text = s.text.slice(index.toUtf16(c.start), index.toUtf16(c.end));
        lines.push(
          `      <PlainTextSelection${attrs({
            guid: guidFor(c.id, 'selection'),
            name: excerpt(text),
            startPosition: c.start,
            endPosition: c.end,
            creatingUser: user(c.userId),
            creationDateTime: date(c.createdAt),
          })}>`,
        );
        const refs = noteRefs.get(c.id) ?? [];
        const open = `        <Coding${attrs({ guid: guidFor(c.id), creatingUser: user(c.userId), creationDateTime: date(c.createdAt) })}>`;
        lines.push(open, `          <CodeRef${attrs({ targetGUID: guidFor(c.codeId) })}/>`);
        for (const n of refs) lines.push(`          <NoteRef${attrs({ targetGUID: n })}/>`);
        lines.push('        </Coding>', '      </PlainTextSelection>');
      }
      for (const n of noteRefs.get(s.id) ?? []) lines.push(`      <NoteRef${attrs({ targetGUID: n })}/>`);
      lines.push('    </TextSource>');
    }
    lines.push('  </Sources>');
  }
  if (model.memos.length > 0) {
    lines.push('  <Notes>');
    for (const m of model.memos) {
      lines.push(
        `    <Note${attrs({ guid: guidFor(m.id), name: m.title, creatingUser: user(m.userId), creationDateTime: date(m.createdAt) })}>`,
        `      <PlainTextContent>${escapeText(m.text)}</PlainTextContent>`,
        '    </Note>',
      );
    }
    lines.push('  </Notes>');
  }
  if (links.length > 0) {
    lines.push('  <Links>');
    for (const l of links) {
      lines.push(
        `    <Link${attrs({ guid: l.guid, name: 'memo', direction: 'OneWay', originGUID: l.note, targetGUID: l.target })}/>`,
      );
    }
    lines.push('  </Links>');
  }
  if (model.study.description)
    lines.push(`  <Description>${escapeText(model.study.description)}</Description>`);
  for (const n of noteRefs.get('\u0000study') ?? []) lines.push(`  <NoteRef${attrs({ targetGUID: n })}/>`);
  lines.push('</Project>', '');

  const warnings: ExportResult['warnings'] = [];
  if (frameworkCount > 0) warnings.push({ code: 'framework_summaries_as_notes', count: frameworkCount });
  if (caseMemoCount > 0) warnings.push({ code: 'case_memos_as_linked_notes', count: caseMemoCount });
  if (outside > 0) warnings.push({ code: 'coding_outside_text', count: outside });
  const sourceIds = new Set(model.sources.map((s) => s.id));
  const unknownCode = model.codings.filter((c) => sourceIds.has(c.sourceId) && !codeIds.has(c.codeId)).length;
  const unknownSource = model.codings.filter((c) => !sourceIds.has(c.sourceId)).length;
  if (unknownCode > 0) warnings.push({ code: 'coding_of_unknown_code', count: unknownCode });
  if (unknownSource > 0) warnings.push({ code: 'coding_of_unknown_source', count: unknownSource });
  return { qde: lines.join('\n'), files, warnings };
}

/** The study as a .qdpx file. `exportedAt` dates the project and every zip entry. */
export function exportQdpx(model: StudyModel, exportedAt = new Date()): ExportResult {
  const { qde, files, warnings } = buildProject(model, exportedAt);
  const bytes = writeArchive([{ name: 'project.qde', data: qde }, ...files], exportedAt);
  return { bytes, warnings };
}

/** The codebook as a .qdc document (XML). A codebook needs at least one code. */
export function exportQdc(codes: readonly StudyCode[]): string {
  if (codes.length === 0) throw new RangeError('a REFI-QDA codebook needs at least one code');
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<CodeBook${attrs({ xmlns: CODEBOOK_NS, origin: ORIGIN })}>`,
    '  <Codes>',
    writeCodes(codes, new Map(), false, '    '),
    '  </Codes>',
    '</CodeBook>',
    '',
  ].join('\n');
}
