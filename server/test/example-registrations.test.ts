import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultsFramework } from '@pejling/contracts';
import { seedDemo } from '../src/seed/demo.js';
import { createTestApp, type TestApp, type TestClient } from './test-app.js';

let t: TestApp;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.userClient({ isAdmin: true });
  await seedDemo(t.db);
});
afterAll(async () => t?.close());

const count = async (table: 'registrations' | 'participants' | 'enrolments' | 'outcomeEvents') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('example registrations', () => {
  it('give the example plans registrations, participants and indicators computed from them', async () => {
    expect(await count('registrations')).toBeGreaterThan(300);
    expect(await count('participants')).toBeGreaterThan(100);
    const plans = await t.db.selectFrom('plans').select(['id', 'name']).where('isExample', '=', 1).execute();
    let computed = 0;
    let overdue = 0;
    for (const p of plans) {
      const f = (await admin.get(`/api/plans/${p.id}/results`)).json() as ResultsFramework;
      for (const i of f.indicators.filter((x) => x.dataSource === 'registrations')) {
        const measured = i.statuses.filter((s) => s.state === 'value');
        if (measured.length) computed += 1;
        // a period without registrations is never shown as 0
        expect(i.statuses.every((s) => s.state !== 'value' || s.value !== null)).toBe(true);
      }
      overdue += f.coherence.flagCounts.registrations_overdue;
    }
    expect(computed).toBeGreaterThan(10);
    expect(overdue).toBeGreaterThan(0);
  });

  it('include status reports: an approved one with frozen figures and a draft, for four plans', async () => {
    const reports = await t.db.selectFrom('statusReports').select(['status', 'frozenFiguresJson']).execute();
    expect(reports.filter((r) => r.status === 'sent' && r.frozenFiguresJson !== null)).toHaveLength(4);
    expect(reports.filter((r) => r.status === 'draft' && r.frozenFiguresJson === null)).toHaveLength(4);
  });

  it('are seeded once', async () => {
    const before = await count('registrations');
    const reports = (await t.db.selectFrom('statusReports').select('id').execute()).length;
    expect(await seedDemo(t.db)).toBe(false);
    expect(await count('registrations')).toBe(before);
    expect((await t.db.selectFrom('statusReports').select('id').execute()).length).toBe(reports);
  });
});
