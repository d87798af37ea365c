import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StudyDetail } from '@pejling/contracts';
import { describeCliError, exportCommand, importCommand, listStudiesCommand } from '../src/cli/evaluation.js';
import { buildUser } from './factories.js';
import { createTestApp, type TestApp, type TestClient } from './test-app.js';

let t: TestApp;
let anne: TestClient;
let anneEmail: string;
let study: StudyDetail;
let dir: string;

function capture() {
  const parts: string[] = [];
  return { write: (s: string) => void parts.push(s), text: () => parts.join('') };
}
const lastLine = (s: string) => s.trim().split('\n').at(-1)!;

beforeAll(async () => {
  t = await createTestApp();
  const u = await buildUser(t.db, { name: 'Anne Evaluator', roles: [{ role: 'evaluator' }] });
  anneEmail = u.email;
  anne = await t.sessionClient(u.id);
  study = (await anne.post('/api/evaluation/studies', { name: 'CLI-undersøgelse' })).json();
  const base = `/api/evaluation/studies/${study.id}`;
  const kase = (await anne.post(`${base}/cases`, { name: 'Solbakken' })).json();
  const source = (
    await anne.post(`${base}/sources`, {
      caseId: kase.id,
      filename: 'i.txt',
      contentBase64: Buffer.from('Interviewer: Hvordan går det på Ærø?\nDeltager: Godt 😀 tak.\n').toString(
        'base64',
      ),
    })
  ).json();
  const codes = (await anne.get(`${base}/codes`)).json().items as { id: string; role: string }[];
  const driver = codes.find((c) => c.role === 'driver')!.id;
  expect(
    (await anne.post(`${base}/codings`, { sourceId: source.id, codeIds: [driver], start: 47, end: 57 }))
      .statusCode,
  ).toBe(201);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pejling-evaluation-'));
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await t?.close();
});

describe('pejling evaluation', () => {
  it('lists studies, exports .qdpx and .qdc, and imports them with the study id as the last line', async () => {
    const list = capture();
    await listStudiesCommand(t.db, list);
    expect(list.text()).toContain(`${study.id}\tCLI-undersøgelse\n`);

    const qdpx = path.join(dir, 'u.qdpx');
    const qdc = path.join(dir, 'u.qdc');
    const out = capture();
    expect(await exportCommand(t.db, { studyId: study.id, out: qdpx, format: 'qdpx' }, out)).toBe(0);
    expect(await exportCommand(t.db, { studyId: study.id, out: qdc, format: 'qdc' }, out)).toBe(0);
    expect(out.text()).toContain('1 sources');

    const imported = capture();
    await importCommand(t.db, { file: qdpx, format: 'qdpx', members: [anneEmail], locale: 'da' }, imported);
    const newId = lastLine(imported.text());
    expect(newId).toMatch(/^[0-9a-f-]{36}$/);
    expect(newId).not.toBe(study.id);
    expect(imported.text()).toContain('1 sources, 1 codings');
    const codings = (await anne.get(`/api/evaluation/studies/${newId}/codings`)).json().items;
    expect(
      codings.map((c: { text: string; start: number; end: number }) => [c.start, c.end, c.text]),
    ).toEqual([[47, 57, 'Godt 😀 tak']]);

    const added = capture();
    await importCommand(t.db, { file: qdc, format: 'qdc', studyId: newId, locale: 'da' }, added);
    expect(lastLine(added.text())).toBe(newId);
    expect(added.text()).toContain('imported: 0 codes');

    const into = capture();
    await importCommand(t.db, { file: qdpx, format: 'qdpx', studyId: newId, locale: 'da' }, into);
    expect(lastLine(into.text())).toBe(newId);
  });

  it('refuses a file that is not a zip with the reason, and an unknown study', async () => {
    const bad = path.join(dir, 'bad.qdpx');
    fs.writeFileSync(bad, 'ikke en zip');
    const err = await importCommand(t.db, { file: bad, format: 'qdpx', locale: 'da' }, capture()).catch(
      (e: unknown) => e,
    );
    expect(describeCliError(err, 'da')).toMatch(/^Filen blev afvist: .*zip/i);
    const missing = await exportCommand(
      t.db,
      { studyId: '0190f5a0-0000-7000-8000-000000000999', out: path.join(dir, 'x.qdpx'), format: 'qdpx' },
      capture(),
    ).catch((e: unknown) => e);
    expect(describeCliError(missing, 'en')).toBe('The study does not exist.');
  });
});
