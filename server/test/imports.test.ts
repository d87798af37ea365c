import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity, ImportResult, Indicator, PlanDetail, ResultsFramework } from '@pejling/contracts';
import { buildZip, deflatedZeros, inlineRow, sheetXml, xlsxParts } from '../src/import/test-files.js';
import { buildPlan } from './factories.js';
import { createTestApp, type TestApp, type TestClient } from './test-app.js';

let t: TestApp;
let admin: TestClient;
let english: TestClient;

async function ok<T>(res: Promise<LightMyRequestResponse>, status = 201): Promise<T> {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
}

interface Upload {
  dryRun?: boolean;
  contentType?: string;
  filename?: string;
  client?: TestClient;
}
function upload(planId: string, kind: string, body: Buffer | string, opts: Upload = {}) {
  const q = new URLSearchParams({ dryRun: String(opts.dryRun ?? false) });
  if (opts.filename) q.set('filename', opts.filename);
  return (opts.client ?? admin).request({
    method: 'POST',
    url: `/api/plans/${planId}/imports/${kind}?${q}`,
    headers: { 'content-type': opts.contentType ?? 'text/csv' },
    payload: body,
  });
}
async function imported(planId: string, kind: string, body: Buffer | string, opts: Upload = {}) {
  return ok<ImportResult>(upload(planId, kind, body, opts), 200);
}
async function refused(planId: string, kind: string, body: Buffer | string, opts: Upload = {}) {
  const res = await upload(planId, kind, body, opts);
  expect(res.statusCode, res.body).toBe(400);
  return res.json() as {
    error: {
      code: string;
      message: string;
      details: { row: number | null; column: string | null; message: string }[];
    };
  };
}
async function count(
  table: 'registrations' | 'participants' | 'enrolments' | 'outcomeEvents' | 'indicatorValues',
) {
  const r = await t.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
async function regCount(planId: string) {
  const r = await t.db
    .selectFrom('registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('planId', '=', planId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * A plan with a homework café serving an activity goal whose indicator counts participants by
 * gender from registrations (target 2024-Q1 = 30), and an indicator entered by hand (share of
 * young people in leisure jobs, a percentage by gender).
 */
async function setup() {
  const p: PlanDetail = await buildPlan(t.db);
  const f0 = p.focusAreas[0]!.id;
  const goal = await ok<{ id: string }>(
    admin.post(`/api/plans/${p.id}/goals`, {
      level: 'activity',
      focusAreaId: f0,
      title: 'Lektiecafé for 40 unge',
    }),
  );
  const cafe = await ok<Activity>(
    admin.post(`/api/plans/${p.id}/activities`, {
      name: 'Lektiecafé',
      focusAreaId: f0,
      goalIds: [goal.id],
      periodStart: '2024-01-01',
      periodEnd: '2026-06-30',
      status: 'running',
    }),
  );
  const club = await ok<Activity>(
    admin.post(`/api/plans/${p.id}/activities`, {
      name: 'Fritidsklub',
      status: 'running',
      goalIds: [goal.id],
    }),
  );
  const attendance = await ok<Indicator>(
    admin.post(`/api/plans/${p.id}/indicators`, {
      goalId: goal.id,
      name: 'Fremmøde i lektiecaféen',
      kind: 'count',
      direction: 'higher_is_better',
      dataSource: 'registrations',
      registrationMeasure: 'participants',
      combine: 'sum',
      breakdowns: [{ key: 'gender', label: 'Køn', categories: ['Kvinde', 'Mand'] }],
      targets: [{ period: '2024-Q1', value: 30 }],
    }),
  );
  const jobs = await ok<Indicator>(
    admin.post(`/api/plans/${p.id}/indicators`, {
      goalId: goal.id,
      name: 'Andel unge i fritidsjob',
      kind: 'percentage',
      direction: 'higher_is_better',
      dataSource: 'manual',
      combine: 'non_cumulative',
      breakdowns: [{ key: 'gender', label: 'Køn', categories: ['Kvinde', 'Mand'] }],
      targets: [{ period: '2025', value: 40 }],
    }),
  );
  return { p, cafe, club, attendance, jobs };
}

const statusOf = async (planId: string, indicatorId: string, period: string) => {
  const f = await ok<ResultsFramework>(admin.get(`/api/plans/${planId}/results`), 200);
  return f.indicators.find((i) => i.id === indicatorId)!.statuses.find((s) => s.period === period);
};

const DANISH_REGISTRATIONS = [
  'Aktivitet;Dato;Deltagere;Timer;Note;Køn: Kvinde;Køn: Mand',
  'Lektiecafé;10-01-2024;12;2,5;Første gang;7;5',
  'lektiecafé;2024-02-07;9;1,5;Æbleskiver og øvelser;;',
  'Lektiecafé;20-03-2024;9;1,5;Æbleskiver og øvelser;;',
  'Lektiecafé;20-03-2024;9;1,5;Æbleskiver og øvelser;;',
].join('\r\n');

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.userClient({ isAdmin: true });
  english = await t.userClient({ isAdmin: true, locale: 'en' });
});
afterAll(async () => t?.close());

describe('registrations import', () => {
  it('imports a Danish UTF-8 file with ; and decimal comma, and the value moves; the same file twice adds nothing', async () => {
    const { p, attendance } = await setup();
    expect((await statusOf(p.id, attendance.id, '2024-Q1'))?.state).toBe('missing');
    const dry = await imported(p.id, 'registrations', `\uFEFF${DANISH_REGISTRATIONS}`, { dryRun: true });
    expect(dry).toMatchObject({ ok: true, dryRun: true, rows: 4, added: 4, unchanged: 0, problems: [] });
    expect(await regCount(p.id)).toBe(0);

    const first = await imported(p.id, 'registrations', `\uFEFF${DANISH_REGISTRATIONS}`, {
      filename: 'lektiecafe.csv',
    });
    expect(first).toMatchObject({
      ok: true,
      dryRun: false,
      rows: 4,
      added: 4,
      updated: 0,
      unchanged: 0,
      format: 'csv',
    });
    expect(first.durationMs).toBeGreaterThanOrEqual(0);
    expect(await regCount(p.id)).toBe(4);
    const s = await statusOf(p.id, attendance.id, '2024-Q1');
    expect(s).toMatchObject({ state: 'value', value: 39, status: 'ahead' });
    expect(s!.categories.find((c) => c.category === 'Kvinde')?.value).toBe(7);
    const regs = await ok<{ items: { hours: number; note: string; source: string }[] }>(
      admin.get(`/api/plans/${p.id}/registrations`),
      200,
    );
    expect(regs.items.every((r) => r.source === 'import')).toBe(true);
    expect(regs.items.map((r) => r.hours).sort()).toEqual([1.5, 1.5, 1.5, 2.5]);

    const again = await imported(p.id, 'registrations', `\uFEFF${DANISH_REGISTRATIONS}`);
    expect(again).toMatchObject({ ok: true, rows: 4, added: 0, unchanged: 4 });
    expect(await regCount(p.id)).toBe(4);

    // One more identical session: only the new third occurrence is added.
    const more = `${DANISH_REGISTRATIONS}\r\nLektiecafé;20-03-2024;9;1,5;Æbleskiver og øvelser;;`;
    expect(await imported(p.id, 'registrations', more)).toMatchObject({ added: 1, unchanged: 4 });

    const audit = await t.db
      .selectFrom('auditLog')
      .select(['action', 'entityType', 'afterJson'])
      .where('planId', '=', p.id)
      .where('action', '=', 'import')
      .execute();
    expect(audit).toHaveLength(3);
    expect(JSON.parse(audit[0]!.afterJson!)).toMatchObject({ file: 'lektiecafe.csv', rows: 4, added: 4 });
  });

  it('imports the same rows from Windows-1252 and from a ,-separated English file as the same rows', async () => {
    const { p } = await setup();
    const cp1252 = Buffer.from(DANISH_REGISTRATIONS, 'latin1');
    expect(cp1252.includes(Buffer.from('Æ', 'utf8'))).toBe(false);
    expect(
      await imported(p.id, 'registrations', cp1252, { contentType: 'application/octet-stream' }),
    ).toMatchObject({
      ok: true,
      added: 4,
    });
    const notes = await t.db.selectFrom('registrations').select('note').where('planId', '=', p.id).execute();
    expect(notes.map((n) => n.note)).toContain('Æbleskiver og øvelser');

    const englishFile = [
      'activity,date,participants,hours,note,køn: kvinde,køn: mand',
      'Lektiecafé,2024-01-10,12,2.5,Første gang,7,5',
      'Lektiecafé,07-02-2024,9,1.5,Æbleskiver og øvelser,,',
      'Lektiecafé,2024-03-20,9,1.5,Æbleskiver og øvelser,,',
      'Lektiecafé,2024-03-20,9,1.5,Æbleskiver og øvelser,,',
    ].join('\n');
    expect(await imported(p.id, 'registrations', englishFile, { client: english })).toMatchObject({
      added: 0,
      unchanged: 4,
    });
  });

  it('imports an .xlsx file', async () => {
    const { p } = await setup();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.addRow(['Aktivitet', 'Dato', 'Deltagere', 'Timer', 'Køn: Kvinde']);
    ws.addRow(['Lektiecafé', new Date(Date.UTC(2024, 0, 10)), 12, 2.5, 7]);
    ws.addRow(['Fritidsklub', '05-02-2024', 20, null, null]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await imported(p.id, 'registrations', bytes, {
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      filename: 'data.xlsx',
    });
    expect(r).toMatchObject({ ok: true, format: 'xlsx', added: 2 });
    const rows = await t.db
      .selectFrom('registrations')
      .select(['date', 'participants', 'hours', 'countsJson'])
      .where('planId', '=', p.id)
      .orderBy('date')
      .execute();
    expect(rows).toEqual([
      { date: '2024-01-10', participants: 12, hours: 2.5, countsJson: '{"gender":{"Kvinde":7}}' },
      { date: '2024-02-05', participants: 20, hours: null, countsJson: '{}' },
    ]);
  });

  it('refuses unknown and missing columns with the expected ones', async () => {
    const { p } = await setup();
    const unknown = await refused(
      p.id,
      'registrations',
      'Aktivitet;Dato;Deltagere;Farve\nLektiecafé;10-01-2024;3;blå',
    );
    expect(unknown.error.code).toBe('import_unknown_columns');
    expect(unknown.error.message).toMatch(/"Farve"/);
    expect(unknown.error.message).toMatch(/Aktivitet, Dato, Deltagere, Timer, Note, Køn: Kvinde, Køn: Mand/);
    expect(unknown.error.details[0]).toMatchObject({ row: 1, column: 'Farve' });
    const missing = await refused(p.id, 'registrations', 'Aktivitet;Deltagere\nLektiecafé;3', {
      client: english,
    });
    expect(missing.error.code).toBe('import_missing_columns');
    expect(missing.error.message).toMatch(/lacks the column "Date"/);
  });

  it('lists every row problem by row and column in Danish, and a row error leaves nothing stored', async () => {
    const { p } = await setup();
    const other = await setup();
    const foreignId = other.cafe.id;
    const file = [
      'Aktivitet;Dato;Deltagere;Timer;Køn: Kvinde',
      'Lektiecafé;10-01-2024;12;2,5;7',
      'Svømning;11-01-2024;3;;',
      `${foreignId};11-01-2024;3;;`,
      'Lektiecafé;31-02-2024;tre;;',
      'Lektiecafé;01-01-2023;4;;',
      'Lektiecafé;01-01-2099;4;;',
      'Lektiecafé;12-01-2024;4;;9',
      ';12-01-2024;;;',
    ].join('\n');
    const dry = await imported(p.id, 'registrations', file, { dryRun: true });
    expect(dry.ok).toBe(false);
    const res = await refused(p.id, 'registrations', file);
    expect(res.error.code).toBe('import_refused');
    expect(res.error.message).toMatch(/fejl skal rettes først. Intet er gemt/);
    const at = (row: number, column: string) =>
      res.error.details.find((d) => d.row === row && d.column === column)?.message;
    expect(at(3, 'Aktivitet')).toMatch(/"Svømning" findes ikke i denne helhedsplan.*Fritidsklub, Lektiecafé/);
    expect(at(4, 'Aktivitet')).toMatch(/findes ikke i denne helhedsplan/);
    expect(at(5, 'Dato')).toMatch(/"31-02-2024" er ikke en dato/);
    expect(at(5, 'Deltagere')).toMatch(/"tre" er ikke et tal/);
    expect(at(6, 'Dato')).toMatch(/uden for aktivitetens periode/);
    expect(at(7, 'Dato')).toMatch(/fremtiden/);
    expect(at(8, 'Køn: Kvinde')).toMatch(/9 deltagere/);
    expect(at(9, 'Aktivitet')).toBe('Skal udfyldes.');
    expect(at(9, 'Deltagere')).toBe('Skal udfyldes.');
    expect(res.error.details.map((d) => d.row)).toEqual([...res.error.details.map((d) => d.row)].sort());
    expect(await regCount(p.id)).toBe(0);
    expect(dry.problems).toHaveLength(res.error.details.length);
  });

  it('refuses formula cells, a zip bomb and an empty file with a clear message; nothing stored', async () => {
    const { p } = await setup();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.addRow(['Aktivitet', 'Dato', 'Deltagere']);
    ws.addRow(['Lektiecafé', '10-01-2024', { formula: '5+7', result: 12 }]);
    const formula = await refused(p.id, 'registrations', Buffer.from(await wb.xlsx.writeBuffer()), {
      contentType: 'application/octet-stream',
    });
    expect(formula.error.code).toBe('import_file_refused');
    expect(formula.error.message).toMatch(/indeholder en formel/);
    expect(formula.error.details[0]).toMatchObject({ row: 2, column: 'Deltagere' });

    const bomb = buildZip([
      ...xlsxParts(sheetXml(inlineRow(1, ['Aktivitet']))).filter((f) => !f.name.startsWith('xl/worksheets')),
      {
        name: 'xl/worksheets/sheet1.xml',
        data: Buffer.alloc(0),
        compressed: deflatedZeros(200),
        declaredSize: 200 * 1024 * 1024,
      },
    ]);
    const b = await refused(p.id, 'registrations', bomb, { contentType: 'application/octet-stream' });
    expect(b.error.message).toMatch(/afvises af sikkerhedshensyn/);
    const empty = await upload(p.id, 'registrations', '', { contentType: 'text/csv' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toMatch(/Filen er tom/);
    expect(await regCount(p.id)).toBe(0);
  });

  it('answers 413 with a Danish message for a body over 20 MB', async () => {
    const { p } = await setup();
    const big = Buffer.alloc(21 * 1024 * 1024, 0x61);
    const res = await upload(p.id, 'registrations', big, { contentType: 'application/octet-stream' });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'import_too_large' });
    expect(res.json().error.message).toMatch(/højst 20 MB/);
  });

  it('gives a template per kind with the plan’s breakdown columns, in CSV and .xlsx, that imports as it is', async () => {
    const { p } = await setup();
    const csv = await admin.get(`/api/plans/${p.id}/imports/registrations/template?format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/skabelon-registreringer.csv/);
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Aktivitet;Dato;Deltagere;Timer;Note;Køn: Kvinde;Køn: Mand');
    expect(lines).toHaveLength(2);
    expect((await imported(p.id, 'registrations', csv.rawPayload, { dryRun: true })).ok).toBe(true);

    for (const kind of ['participants', 'indicator-values']) {
      const x = await admin.get(`/api/plans/${p.id}/imports/${kind}/template?format=xlsx`);
      expect(x.statusCode).toBe(200);
      expect(x.headers['content-type']).toMatch(/spreadsheetml/);
      const dry = await imported(p.id, kind, x.rawPayload, {
        dryRun: true,
        contentType: 'application/octet-stream',
      });
      expect(dry, kind).toMatchObject({ ok: true, rows: 1, added: 1 });
    }
    const en = await english.get(`/api/plans/${p.id}/imports/participants/template?format=csv`);
    expect(en.body).toMatch(/^\uFEFFCode;Birth year;Gender;Postcode;Activity;Enrolled from/);
    const asked = await admin.get(`/api/plans/${p.id}/imports/participants/template?format=csv&lang=en`);
    expect(asked.body).toMatch(/^\uFEFFCode;Birth year/);
    expect(asked.headers['content-disposition']).toMatch(/template-participants.csv/);
  });
});

describe('participants import', () => {
  it('merges rows by code into enrolments and outcomes; the same file twice is a no-op, a changed row updates', async () => {
    const { p, cafe } = await setup();
    const file = [
      'Kode;Fødselsår;Køn;Postnummer;Aktivitet;Tilmeldt fra;Tilmeldt til;Udfald;Udfaldsdato',
      'LC-0001;2008;kvinde;5240;Lektiecafé;10-01-2024;;;',
      'LC-0001;;;;;;;Påbegyndt uddannelse;01-08-2024',
      'LC-0002;2009;M;5220;Lektiecafé;10-01-2024;30-06-2024;;',
      'LC-0003;;;;;;;;',
    ].join('\n');
    expect(await imported(p.id, 'participants', file)).toMatchObject({
      ok: true,
      rows: 4,
      added: 4,
      updated: 0,
    });
    const list = await ok<{
      items: { code: string; gender: string; enrolments: unknown[]; outcomes: unknown[] }[];
    }>(admin.get(`/api/plans/${p.id}/participants`), 200);
    expect(list.items.map((x) => x.code)).toEqual(['LC-0001', 'LC-0002', 'LC-0003']);
    expect(list.items[0]).toMatchObject({
      gender: 'female',
      enrolments: [{ activityId: cafe.id, startedOn: '2024-01-10', endedOn: null }],
      outcomes: [{ kind: 'started_education', date: '2024-08-01' }],
    });
    expect(list.items[1]).toMatchObject({ gender: 'male' });

    expect(await imported(p.id, 'participants', file)).toMatchObject({ added: 0, updated: 0, unchanged: 4 });
    const changed = file.replace(
      'LC-0001;2008;kvinde;5240;Lektiecafé;10-01-2024;;;',
      'LC-0001;2008;kvinde;5240;Lektiecafé;10-01-2024;31-12-2024;;',
    );
    expect(await imported(p.id, 'participants', changed)).toMatchObject({
      added: 0,
      updated: 1,
      unchanged: 3,
    });
    const row = await t.db
      .selectFrom('enrolments')
      .select('endedOn')
      .where('activityId', '=', cafe.id)
      .orderBy('endedOn')
      .execute();
    expect(row.map((r) => r.endedOn)).toEqual(['2024-06-30', '2024-12-31']);
  });

  it('refuses a CPR-shaped code, conflicting facts and an unknown outcome by row and column', async () => {
    const { p } = await setup();
    const before = await count('participants');
    const res = await refused(
      p.id,
      'participants',
      [
        'kode,fødselsår,køn,udfald,udfaldsdato',
        '010203-1234,2008,kvinde,,',
        'LC-9,2008,kvinde,,',
        'LC-9,2010,kvinde,,',
        'LC-10,2008,robot,fik job,01-01-2024',
      ].join('\n'),
    );
    const at = (row: number, column: string) =>
      res.error.details.find((d) => d.row === row && d.column === column)?.message;
    expect(at(2, 'kode')).toMatch(/CPR-nummer/);
    expect(at(4, 'fødselsår')).toMatch(/LC-9 har "2010" her, men "2008" i række 3/);
    expect(at(5, 'køn')).toMatch(/"robot" er ikke et køn/);
    expect(at(5, 'udfald')).toMatch(/Påbegyndt uddannelse/);
    expect(await count('participants')).toBe(before);
  });
});

describe('indicator values import', () => {
  it('adds, then leaves or updates by indicator, period and breakdown; refuses computed indicators', async () => {
    const { p, jobs, attendance } = await setup();
    const file = [
      'Indikator;Periode;Opdeling;Status;Værdi;Tæller;Nævner;Note',
      'Andel unge i fritidsjob;2025;;værdi;;9;20;',
      'Andel unge i fritidsjob;2025;Køn=Kvinde;værdi;;5;10;',
      'Andel unge i fritidsjob;2025;Køn=Mand;undertrykt;;;;Færre end 5',
      'Andel unge i fritidsjob;2024-Q4;;mangler;;;;',
    ].join('\n');
    expect(await imported(p.id, 'indicator-values', file)).toMatchObject({ ok: true, rows: 4, added: 4 });
    const s = await statusOf(p.id, jobs.id, '2025');
    expect(s).toMatchObject({ state: 'value', value: 45 });
    expect(await imported(p.id, 'indicator-values', file)).toMatchObject({
      added: 0,
      updated: 0,
      unchanged: 4,
    });
    const changed = file.replace(';9;20;', ';10;20;');
    expect(await imported(p.id, 'indicator-values', changed)).toMatchObject({
      added: 0,
      updated: 1,
      unchanged: 3,
    });
    expect(await statusOf(p.id, jobs.id, '2025')).toMatchObject({ value: 50, status: 'ahead' });
    const sources = await t.db
      .selectFrom('indicatorValues')
      .select('source')
      .where('indicatorId', '=', jobs.id)
      .execute();
    expect(new Set(sources.map((x) => x.source))).toEqual(new Set(['import']));

    const bad = await refused(
      p.id,
      'indicator-values',
      [
        'Indikator;Periode;Opdeling;Værdi;Tæller;Nævner',
        `${attendance.name};2025;;12;;`,
        'Andel unge i fritidsjob;2025-Q5;;;1;2',
        'Andel unge i fritidsjob;2026;Alder=16;;1;2',
        'Andel unge i fritidsjob;2026;;;30;20',
        'Andel unge i fritidsjob;2031;;;1;2',
      ].join('\n'),
    );
    const at = (row: number, column: string) =>
      bad.error.details.find((d) => d.row === row && d.column === column)?.message;
    expect(at(2, 'Indikator')).toMatch(/beregnes af registreringerne/);
    expect(at(3, 'Periode')).toBeDefined();
    expect(at(4, 'Opdeling')).toMatch(/Køn=Kvinde/);
    expect(at(5, 'Tæller')).toBeDefined();
    expect(at(6, 'Periode')).toMatch(/01-01-2023/);
  });
});
