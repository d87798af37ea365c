import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { buildZip } from '../import/test-files.js';
import { exampleStudy, ids } from './fixtures.js';
import { describeFileProblem } from './problems.js';
import { buildProject, exportQdc, exportQdpx, guidFor } from './refi-qda-export.js';
import { importQdc, importQdpx, normaliseGuid } from './refi-qda-import.js';

const schema = (name: string) => ({
  fileName: name,
  contents: readFileSync(new URL(`./schemas/${name}`, import.meta.url), 'utf8'),
});

async function validate(xml: string, xsd: 'Project.xsd' | 'Codebook.xsd') {
  const result = await validateXML({
    xml: [{ fileName: 'document.xml', contents: xml }],
    schema: [schema(xsd)],
  });
  return result.errors.map((e) => e.message);
}

const exportedAt = new Date('2026-04-01T12:00:00.000Z');

function unzip(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, new TextDecoder().decode(v)]));
}

describe('REFI-QDA export', () => {
  it('writes a .qdpx whose project.qde validates against Project.xsd, with each source as sources/<guid>.txt', async () => {
    const model = exampleStudy();
    const { bytes, warnings } = exportQdpx(model, exportedAt);
    const files = unzip(bytes);
    expect(Object.keys(files).sort()).toEqual([
      'project.qde',
      `sources/${ids.fg1}.txt`,
      `sources/${ids.fg2}.txt`,
      `sources/${ids.fg3}.txt`,
    ]);
    expect(await validate(files['project.qde']!, 'Project.xsd')).toEqual([]);
    expect(files[`sources/${ids.fg1}.txt`]).toBe(model.sources[0]!.text);
    expect(files[`sources/${ids.fg1}.txt`]).not.toContain('\r');
    expect(warnings).toEqual([
      { code: 'framework_summaries_as_notes', count: 1 },
      { code: 'case_memos_as_linked_notes', count: 1 },
    ]);
  });

  it('writes code-point positions: after the emoji a selection starts one lower than its UTF-16 index', () => {
    const model = exampleStudy();
    const { qde } = buildProject(model, exportedAt);
    const text = model.sources[0]!.text;
    const utf16 = text.indexOf(' – det er en styrke.');
    const coding = model.codings[1]!; // "Vi mødes … 😀 – det er en styrke."
    expect(coding.end).toBe(
      Array.from(text.slice(0, utf16)).length + Array.from(' – det er en styrke.').length,
    );
    expect(qde).toContain(`endPosition="${coding.end}"`);
    expect(coding.end).toBe(utf16 + ' – det er en styrke.'.length - 1);
  });

  it('keeps element order, omits empty containers and escapes names', () => {
    const { qde } = buildProject(exampleStudy(), exportedAt);
    // Top-level elements are indented by two spaces.
    const order = [
      '<Users>',
      '<CodeBook>',
      '<Cases>',
      '<Sources>',
      '<Notes>',
      '<Links>',
      '<Description>',
      '<NoteRef',
    ];
    const at = order.map((tag) => qde.indexOf(`\n  ${tag}`));
    expect(at.every((n) => n > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(qde).toContain('name="Netværk &amp; partnerskaber"');
    expect(qde).toContain('<Description>Møder med "SSP" &lt;og&gt; skoler</Description>');
    const empty = buildProject({ ...exampleStudy(), memos: [], cases: [] }, exportedAt).qde;
    expect(empty).not.toContain('<Notes');
    expect(empty).not.toContain('<Cases');
  });

  it('leaves out codings it cannot place, and says how many', () => {
    const model = exampleStudy();
    const base = model.codings[0]!;
    model.codings.push(
      { ...base, id: 'x1', start: 5, end: 100_000 },
      { ...base, id: 'x2', codeId: 'no-such-code' },
      { ...base, id: 'x3', sourceId: 'no-such-source' },
    );
    const { qde, warnings } = buildProject(model, exportedAt);
    expect(warnings.filter((w) => w.code.startsWith('coding_'))).toEqual([
      { code: 'coding_outside_text', count: 1 },
      { code: 'coding_of_unknown_code', count: 1 },
      { code: 'coding_of_unknown_source', count: 1 },
    ]);
    expect(qde).not.toContain(guidFor('x1'));
  });

  it('is deterministic for the same model and date', () => {
    const a = exportQdpx(exampleStudy(), exportedAt).bytes;
    const b = exportQdpx(exampleStudy(), exportedAt).bytes;
    expect(a.equals(b)).toBe(true);
  });

  it('writes the codebook as a .qdc valid against Codebook.xsd, hierarchy and colours kept', async () => {
    const qdc = exportQdc(exampleStudy().codes);
    expect(await validate(qdc, 'Codebook.xsd')).toEqual([]);
    expect(qdc).toMatch(
      /<Code guid="[^"]+" name="Samarbejdsformer" isCodable="true" color="#FF7F0E">\s*<Code [^>]*name="Netværk &amp; partnerskaber"/,
    );
    expect(() => exportQdc([])).toThrow(RangeError);
  });

  it("a non-uuid id gets a stable GUID of the schema's pattern", () => {
    expect(guidFor('plan-17')).toBe(guidFor('plan-17'));
    expect(guidFor('plan-17')).not.toBe(guidFor('plan-18'));
    expect(normaliseGuid(guidFor('plan-17'))).toBe(guidFor('plan-17'));
    expect(guidFor(ids.anne)).toBe(ids.anne);
  });

  it('an empty study with a single code is still valid', async () => {
    const model = { ...exampleStudy(), users: [], cases: [], sources: [], codings: [], memos: [] };
    model.study.description = null;
    expect(await validate(buildProject(model, exportedAt).qde, 'Project.xsd')).toEqual([]);
  });
});

describe('REFI-QDA round trip: export → import', () => {
  it('gives identical users, codes, cases, sources, codings (same positions) and memos', async () => {
    const model = exampleStudy();
    const { bytes } = exportQdpx(model, exportedAt);
    const result = await importQdpx(bytes);
    if (!result.ok) throw new Error(describeFileProblem(result.problem, 'en'));
    const back = result.model;
    const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(back.study.name).toBe(model.study.name);
    expect(back.study.description).toBe(model.study.description);
    expect(byId(back.users)).toEqual(byId(model.users));
    expect(byId(back.codes)).toEqual(byId(model.codes));
    expect(byId(back.cases)).toEqual(byId(model.cases));
    expect(byId(back.sources)).toEqual(byId(model.sources));
    expect(byId(back.codings)).toEqual(byId(model.codings));
    expect(byId(back.memos)).toEqual(byId(model.memos));
    expect(result.report.skipped).toEqual([]);
    expect(result.report.warnings).toEqual([]);
    expect(result.report.imported).toEqual({
      users: 2,
      codes: 6,
      cases: 3,
      sources: 3,
      codings: 7,
      memos: 6,
    });
  });

  it('keeps positions of 2,000 codings in a 250,000-character transcript with emoji', async () => {
    const model = exampleStudy();
    const line = 'Deltager A: Vi mødes på Ærø 😀 og taler om styring og samarbejde i området.\n';
    const text = line.repeat(Math.ceil(250_000 / line.length));
    const source = { ...model.sources[0]!, text };
    const length = Array.from(text).length;
    const codings = Array.from({ length: 2_000 }, (_, i) => {
      const start = (i * 997) % (length - 200);
      return {
        id: `0190f5a0-0000-7000-9000-${i.toString().padStart(12, '0')}`,
        sourceId: source.id,
        codeId: model.codes[i % model.codes.length]!.id,
        start,
        end: start + 1 + (i % 150),
        userId: model.users[i % 2]!.id,
        createdAt: null,
      };
    });
    const big = { ...model, sources: [source], codings, memos: [] };
    const result = await importQdpx(exportQdpx(big, exportedAt).bytes);
    if (!result.ok) throw new Error(result.problem.code);
    expect(result.report.skipped).toEqual([]);
    const byId = new Map(result.model.codings.map((c) => [c.id, c]));
    for (const c of codings) expect(byId.get(c.id)).toEqual(c);
  });

  it('imports its own .qdc', async () => {
    const codes = exampleStudy().codes;
    const result = await importQdc(Buffer.from(exportQdc(codes)));
    if (!result.ok) throw new Error(result.problem.code);
    const sort = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(sort(result.codes)).toEqual(sort(codes));
  });
});

// ---------------------------------------------------------------------------------------------
// Files written the way other tools write them.

const G = {
  user: '{6F6C3B0E-1A2B-4C3D-8E9F-0A1B2C3D4E5F}',
  code: '{A1B2C3D4-E5F6-4711-8899-AABBCCDDEEFF}',
  child: 'b1b2c3d4-e5f6-4711-8899-aabbccddeeff',
  source: '{C1B2C3D4-E5F6-4711-8899-AABBCCDDEEFF}',
  pdf: 'd1b2c3d4-e5f6-4711-8899-aabbccddeeff',
  external: 'e1b2c3d4-e5f6-4711-8899-aabbccddeeff',
  caseA: 'f1b2c3d4-e5f6-4711-8899-aabbccddeeff',
  sel: (n: number) => `0000000${n}-0000-4000-8000-000000000000`,
  coding: (n: number) => `1000000${n}-0000-4000-8000-000000000000`,
};

/** A transcript as a Windows tool stores it: BOM, CRLF line endings. */
const OTHER_TEXT = '\ufeffInterviewer: Hvad så?\r\nDeltager: Vi mødes på Ærø 😀 hver uge.\r\nSlut.';

function otherToolProject(selections: string, extra = ''): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Andet værktøj" origin="OtherTool 1.0">
  <Users><User guid="${G.user}" name="Kim"/></Users>
  <CodeBook><Codes>
    <Code guid="${G.code}" name="Samarbejde" isCodable="true" color="#f80">
      <Code guid="${G.child}" name="Møder" isCodable="1"/>
    </Code>
  </Codes></CodeBook>
  <Variables><Variable guid="${G.sel(9)}" name="Alder" typeOfVariable="Integer"/></Variables>
  <Cases><Case guid="${G.caseA}" name="Område A"><SourceRef targetGUID="${G.source.toLowerCase()}"/><SourceRef targetGUID="${G.pdf}"/></Case></Cases>
  <Sources>
    <TextSource guid="${G.source}" name="Interview 1" plainTextPath="internal://${G.source}.txt">
${selections}
    </TextSource>
    <PDFSource guid="${G.pdf}" name="Rapport.pdf" path="internal://${G.pdf}.pdf"/>
    <TextSource guid="${G.external}" name="Ekstern" plainTextPath="relative://../transcripts/x.txt"/>
  </Sources>
  ${extra}
</Project>`;
}

const selection = (n: number, start: number, end: number, name: string | null, code = G.child) =>
  `      <PlainTextSelection guid="${G.sel(n)}"${name === null ? '' : ` name="${name}"`} startPosition="${start}" endPosition="${end}" creatingUser="${G.user}">
        <Coding guid="${G.coding(n)}" creatingUser="${G.user}"><CodeRef targetGUID="${code}"/></Coding>
      </PlainTextSelection>`;

function otherToolQdpx(qde: string, qdeName = 'Project.qde', folder = 'Sources') {
  return buildZip([
    { name: qdeName, data: qde },
    { name: `${folder}/${G.source}.txt`, data: OTHER_TEXT },
    { name: `${folder}/${G.pdf}.pdf`, data: '%PDF-1.4 not really' },
  ]);
}

describe('REFI-QDA import of files written by other tools', () => {
  // Raw (after the BOM): "Interviewer: Hvad så?" is 0-21, CR 21, LF 22, "Deltager: …" from 23.
  // "Vi mødes" starts at 23 + 10 = 33 counting CRLF as two, at 32 counting it as one.
  it('accepts braces and upper-case GUIDs, Sources/, another .qde name, #RGB colours, a BOM, CRLF counted as two', async () => {
    const qde = otherToolProject(selection(1, 33, 41, 'Vi mødes'));
    const result = await importQdpx(otherToolQdpx(qde));
    if (!result.ok) throw new Error(describeFileProblem(result.problem, 'en'));
    const { model, report } = result;
    expect(report.file).toBe('Project.qde');
    expect(model.codes.map((c) => [c.id, c.name, c.parentId, c.color, c.codable])).toEqual([
      [normaliseGuid(G.code), 'Samarbejde', null, '#FF8800', true],
      [G.child, 'Møder', normaliseGuid(G.code), null, true],
    ]);
    const source = model.sources[0]!;
    expect(source.text).toBe('Interviewer: Hvad så?\nDeltager: Vi mødes på Ærø 😀 hver uge.\nSlut.');
    expect(source.caseId).toBe(G.caseA);
    // Stored positions are code points in the LF text: "Vi mødes" at 32.
    expect(model.codings).toEqual([
      expect.objectContaining({
        id: G.coding(1),
        codeId: G.child,
        start: 32,
        end: 40,
        userId: normaliseGuid(G.user),
      }),
    ]);
    expect(report.skipped).toEqual([
      { kind: 'source', guid: G.pdf, name: 'Rapport.pdf', reason: 'unsupported_source_kind' },
      { kind: 'source', guid: G.external, name: 'Ekstern', reason: 'external_source' },
      { kind: 'reference', guid: G.pdf, name: 'Område A', reason: 'unknown_source' },
    ]);
    expect(report.ignored).toEqual({ Variables: 1 });
  });

  it("tries again with CRLF counted as one when the selection's text does not match", async () => {
    // "Ærø 😀 hver" counted with CRLF as one: 32 + 12 = 44 to 54 ("Ærø 😀 hver" is 10 code points).
    const qde = otherToolProject(selection(1, 44, 54, 'Ærø 😀 hver'));
    const result = await importQdpx(otherToolQdpx(qde));
    if (!result.ok) throw new Error(result.problem.code);
    expect(result.model.codings[0]).toMatchObject({ start: 44, end: 54 });
    expect(result.report.warnings).toContainEqual({
      code: 'crlf_counted_as_one',
      detail: { source: normaliseGuid(G.source) },
    });
  });

  it('skips selections outside the text, empty ones, mismatching ones and unknown codes, and reports each', async () => {
    const qde = otherToolProject(
      [
        selection(1, 33, 41, 'Vi mødes'),
        selection(2, 60, 500, 'langt ude'),
        selection(3, 10, 10, ''),
        selection(4, 0, 11, 'Noget andet'),
        selection(5, 33, 41, 'Vi mødes', '99999999-0000-4000-8000-000000000000'),
        selection(6, 0, 11, null),
      ].join('\n'),
    );
    const result = await importQdpx(otherToolQdpx(qde));
    if (!result.ok) throw new Error(result.problem.code);
    const source = normaliseGuid(G.source)!;
    expect(result.report.skipped.filter((s) => s.kind === 'selection' || s.kind === 'coding')).toEqual([
      { kind: 'selection', guid: G.sel(2), name: null, reason: 'position_outside_text', sourceGuid: source },
      { kind: 'selection', guid: G.sel(3), name: null, reason: 'empty_selection', sourceGuid: source },
      { kind: 'selection', guid: G.sel(4), name: null, reason: 'text_mismatch', sourceGuid: source },
      { kind: 'coding', guid: G.coding(5), name: null, reason: 'unknown_code', sourceGuid: source },
    ]);
    // A selection without a name cannot be checked and is kept at its positions: "Interviewer".
    expect(result.model.codings.map((c) => [c.id, c.start, c.end])).toEqual([
      [G.coding(1), 32, 40],
      [G.coding(6), 0, 11],
    ]);
  });

  it('accepts positions it cannot verify when the tool names selections with labels, and says so', async () => {
    const qde = otherToolProject(
      [selection(1, 33, 41, 'Markering 1'), selection(2, 0, 11, 'Markering 2')].join('\n'),
    );
    const result = await importQdpx(otherToolQdpx(qde));
    if (!result.ok) throw new Error(result.problem.code);
    expect(result.model.codings).toHaveLength(2);
    expect(result.report.warnings).toContainEqual({
      code: 'positions_unverified',
      detail: { source: normaliseGuid(G.source), selections: 2 },
    });
  });

  it('moves positions counted on decomposed letters onto the NFC text', async () => {
    // The other tool kept "Cafe\u0301en" decomposed: C0 a1 f2 e3 ◌́4 e5 n6, then " er åben" 7-14.
    // Stored as NFC "Caféen er åben": C0 a1 f2 é3 e4 n5 ' '6 …, so "Caféen" moves from 0-7 to 0-6
    // and "er åben" (a + U+030A) from 8-16 to 7-14.
    const qde = `<?xml version="1.0"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="NFC">
  <CodeBook><Codes><Code guid="${G.code}" name="Alt" isCodable="true"/></Codes></CodeBook>
  <Sources><TextSource guid="${G.source}" name="T"><PlainTextContent>Cafe\u0301en er a\u030aben</PlainTextContent>
    ${selection(1, 8, 16, 'er åben', G.code)}
    ${selection(2, 0, 7, 'Caféen', G.code)}
  </TextSource></Sources>
</Project>`;
    const result = await importQdpx(buildZip([{ name: 'project.qde', data: qde }]));
    if (!result.ok) throw new Error(result.problem.code);
    expect(result.model.sources[0]!.text).toBe('Caféen er åben');
    expect(result.model.codings.map((c) => [c.start, c.end])).toEqual([
      [7, 14],
      [0, 6],
    ]);
    expect(result.report.skipped).toEqual([]);
  });

  it('reads inline PlainTextContent and codings of a whole source', async () => {
    const qde = `<?xml version="1.0"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Inline">
  <CodeBook><Codes><Code guid="${G.code}" name="Alt" isCodable="true"/></Codes></CodeBook>
  <Sources><TextSource guid="${G.source}" name="Note"><PlainTextContent>Kort tekst på dansk.</PlainTextContent>
    <Coding guid="${G.coding(1)}"><CodeRef targetGUID="${G.code}"/></Coding></TextSource></Sources>
</Project>`;
    const result = await importQdpx(buildZip([{ name: 'project.qde', data: qde }]));
    if (!result.ok) throw new Error(result.problem.code);
    expect(result.model.sources[0]!.text).toBe('Kort tekst på dansk.');
    expect(result.model.codings[0]).toMatchObject({ start: 0, end: 20 });
    expect(result.report.warnings[0]!.code).toBe('whole_source_codings');
  });

  it("reads the specification's Example 1 codebook (braces, lower-case colours, empty codes)", async () => {
    const qdc = `<?xml version="1.0" encoding="UTF-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" xmlns:qda="urn:QDA-XML:codebook:1.0"
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:QDA-XML:codebook:1.0 http://schema.qdasoftware.org/versions/Codebook/v1.0/Codebook.xsd">
<Codes>
<Code guid="{5215cc69-b628-4e02-afb9-9beeaee55808}" name="Topics" isCodable="false">
</Code>
<Code guid="{d7aa29da-519b-4946-9b90-253b6db8fd0a}" name="Economy" isCodable="true"
color="#ffff00">
<Description>Anything about jobs or taxes or business</Description>
</Code> <Code guid="{0dcef2f5-e55c-49da-8c33-9b0803c7aeb4}" name="Health care"
isCodable="true" color="#33cc33">
<Description>Health care issues, doctor, patients, etc.</Description>
</Code>
<Code guid="9fa9bcb7-5b59-47a9-8c3e-f65cffdc7520" name="Values" isCodable="false">
</Code>
</Codes>
</CodeBook>`;
    expect(await validate(qdc, 'Codebook.xsd')).toEqual([]);
    const result = await importQdc(Buffer.from(qdc));
    if (!result.ok) throw new Error(result.problem.code);
    expect(result.codes.map((c) => [c.id, c.name, c.color, c.codable, c.description])).toEqual([
      ['5215cc69-b628-4e02-afb9-9beeaee55808', 'Topics', null, false, null],
      [
        'd7aa29da-519b-4946-9b90-253b6db8fd0a',
        'Economy',
        '#FFFF00',
        true,
        'Anything about jobs or taxes or business',
      ],
      [
        '0dcef2f5-e55c-49da-8c33-9b0803c7aeb4',
        'Health care',
        '#33CC33',
        true,
        'Health care issues, doctor, patients, etc.',
      ],
      ['9fa9bcb7-5b59-47a9-8c3e-f65cffdc7520', 'Values', null, false, null],
    ]);
  });

  it('accepts a codebook under the project namespace and nested codes with three-digit colours', async () => {
    const qdc = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:project:1.0"><Codes><Code guid="${G.code}" name="A" isCodable="false" color="#abc"><Code guid="${G.child}" name="B" isCodable="true"/></Code></Codes></CodeBook>`;
    const result = await importQdc(Buffer.from(qdc));
    if (!result.ok) throw new Error(result.problem.code);
    expect(result.codes.map((c) => [c.name, c.color, c.codable, c.parentId])).toEqual([
      ['A', '#AABBCC', false, null],
      ['B', null, true, normaliseGuid(G.code)],
    ]);
  });
});

describe('REFI-QDA import refuses unsafe or foreign files with a reason', () => {
  const refusal = async (bytes: Uint8Array) => {
    const result = await importQdpx(bytes);
    if (result.ok) throw new Error('accepted');
    return result.problem;
  };

  it('not a zip', async () => {
    const problem = await refusal(Buffer.from('Interviewer: Hej\n'));
    expect(problem.code).toBe('not_zip');
    expect(describeFileProblem(problem, 'da')).toContain('zip');
  });

  it('a DOCTYPE with entities', async () => {
    const qde = `<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><Project xmlns="urn:QDA-XML:project:1.0" name="&b;"/>`;
    expect((await refusal(buildZip([{ name: 'project.qde', data: qde }]))).code).toBe('xml_doctype');
  });

  it('a project.qde against no schema (no namespace), or not a Project', async () => {
    const none = await refusal(buildZip([{ name: 'project.qde', data: '<Project name="x"/>' }]));
    expect(none).toEqual({
      code: 'not_refi_qda',
      detail: {
        entry: 'project.qde',
        expected: 'project',
        reason: 'it declares no namespace (urn:QDA-XML:project:1.0)',
      },
    });
    const other = await refusal(buildZip([{ name: 'project.qde', data: '<html/>' }]));
    expect(other.code).toBe('not_refi_qda');
  });

  it('an entry name that climbs out of the archive', async () => {
    const problem = await refusal(
      buildZip([
        { name: 'project.qde', data: '<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>' },
        { name: 'sources/../../evil.txt', data: 'x' },
      ]),
    );
    expect(problem).toEqual({
      code: 'unsafe_entry_name',
      detail: { entry: 'sources/../../evil.txt', reason: 'parent_segment' },
    });
  });

  it('a zip without a .qde, and malformed XML', async () => {
    expect((await refusal(buildZip([{ name: 'x.txt', data: 'x' }]))).code).toBe('no_project_file');
    expect((await refusal(buildZip([{ name: 'project.qde', data: '<Project' }]))).code).toBe('not_xml');
  });

  it('a .qdc that is no codebook', async () => {
    const result = await importQdc(Buffer.from('<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>'));
    expect(result.ok ? null : result.problem.code).toBe('not_refi_qda');
  });
});
