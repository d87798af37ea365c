import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity, PlanDetail } from '@pejling/contracts';
import { importCommand, progressLine, type Output } from '../src/cli/import.js';
import { buildPlan } from './factories.js';
import { createTestApp, type TestApp, type TestClient } from './test-app.js';

let t: TestApp;
let admin: TestClient;
let plan: PlanDetail;
let dir: string;

function capture(isTTY = false): Output & { text: () => string } {
  const parts: string[] = [];
  return { write: (s) => void parts.push(s), isTTY, text: () => parts.join('') };
}
function file(name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.userClient({ isAdmin: true });
  plan = await buildPlan(t.db);
  const res = await admin.post(`/api/plans/${plan.id}/activities`, {
    name: 'Lektiecafé',
    status: 'running',
    periodStart: '2024-01-01',
  });
  expect(res.statusCode).toBe(201);
  expect((res.json() as Activity).name).toBe('Lektiecafé');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pejling-import-'));
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await t?.close();
});

describe('pejling import', () => {
  it('imports a file with a progress line per phase, prints the counts and adds nothing the second time', async () => {
    const csv = file(
      'registreringer.csv',
      Buffer.from(
        'Aktivitet;Dato;Deltagere;Timer\r\nLektiecafé;10-01-2024;12;2,5\r\nLektiecafé;17-01-2024;9;2\r\n',
        'latin1',
      ),
    );
    const out = capture();
    const err = capture();
    const args = { kind: 'registrations', file: csv, planId: plan.id, dryRun: false, locale: 'da' } as const;
    expect(await importCommand(t.db, args, out, err)).toBe(0);
    expect(out.text()).toMatch(/^Indlæst: 2 rækker, 2 tilføjet, 0 ændret, 0 uændret på [\d,]+ s\n$/);
    expect(err.text().split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^\[\.+\] {3}0 % Læser filen$/),
      expect.stringMatching(/% Kontrollerer rækkerne$/),
      expect.stringMatching(/% Gemmer$/),
      expect.stringMatching(/^\[#+\] 100 % Færdig$/),
    ]);
    const again = capture();
    expect(await importCommand(t.db, args, again, capture())).toBe(0);
    expect(again.text()).toMatch(/2 rækker, 0 tilføjet, 0 ændret, 2 uændret/);
  });

  it('redraws the bar in place on a terminal', async () => {
    const csv = file('deltagere.csv', 'Kode;Fødselsår\nLC-1;2008\n');
    const err = capture(true);
    const args = { kind: 'participants', file: csv, planId: plan.id, dryRun: true, locale: 'en' } as const;
    expect(await importCommand(t.db, args, capture(), err)).toBe(0);
    expect(err.text().startsWith('\r[')).toBe(true);
    expect(err.text().endsWith('100 % Done\n')).toBe(true);
    expect(err.text().split('\n')).toHaveLength(2);
  });

  it('exits 1 with the Danish problems by row and column when the file is refused, and stores nothing', async () => {
    const csv = file(
      'forkert.csv',
      'Aktivitet;Dato;Deltagere\nSvømning;10-01-2024;3\nLektiecafé;31-02-2024;x\n',
    );
    const err = capture();
    const before = await t.db.selectFrom('registrations').select('id').execute();
    const args = { kind: 'registrations', file: csv, planId: plan.id, dryRun: false, locale: 'da' } as const;
    expect(await importCommand(t.db, args, capture(), err)).toBe(1);
    const text = err.text();
    expect(text).toMatch(/Filen blev ikke indlæst: 3 fejl skal rettes først/);
    expect(text).toMatch(/række 2, kolonne Aktivitet: Aktiviteten "Svømning" findes ikke/);
    expect(text).toMatch(/række 3, kolonne Dato: "31-02-2024" er ikke en dato/);
    expect(text).toMatch(/række 3, kolonne Deltagere: "x" er ikke et tal/);
    expect(await t.db.selectFrom('registrations').select('id').execute()).toHaveLength(before.length);

    const unknown = capture();
    const cols = file('kolonner.csv', 'Aktivitet;Dato;Deltagere;Farve\nLektiecafé;10-01-2024;3;blå\n');
    expect(await importCommand(t.db, { ...args, file: cols }, capture(), unknown)).toBe(1);
    expect(unknown.text()).toMatch(/kolonner, Pejling ikke kender: "Farve"/);
  });

  it('exits 2 for a missing file or an unknown plan', async () => {
    const err = capture();
    const args = {
      kind: 'registrations',
      file: path.join(dir, 'findes-ikke.csv'),
      planId: plan.id,
      dryRun: false,
      locale: 'da',
    } as const;
    expect(await importCommand(t.db, args, capture(), err)).toBe(2);
    expect(err.text()).toMatch(/filen findes ikke/);
    const csv = file('ok.csv', 'Kode\nLC-2\n');
    const missing = capture();
    expect(
      await importCommand(
        t.db,
        { ...args, kind: 'participants', file: csv, planId: '01890a5d-ac96-774b-bcce-b302099a8057' },
        capture(),
        missing,
      ),
    ).toBe(2);
    expect(missing.text()).toMatch(/01890a5d/);
  });

  it('draws the bar over the whole import', () => {
    expect(progressLine('reading', 0, 'da', 10)).toBe('[..........]   0 % Læser filen');
    expect(progressLine('validating', 0.5, 'da', 10)).toBe('[######....]  55 % Kontrollerer rækkerne');
    expect(progressLine('done', 1, 'en', 10)).toBe('[##########] 100 % Done');
  });
});
