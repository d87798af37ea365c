import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  PortfolioIndicators,
  ResultsFramework,
  SharedGoalRollup,
  SharedIndicator,
} from '@pejling/contracts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { exportPortfolio } from '../src/cli/export.js';
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

describe('example portfolio', () => {
  it('links the example plans’ common indicators to the fund’s shared indicators, marked as example data', async () => {
    const { items } = (await admin.get('/api/shared-indicators')).json() as { items: SharedIndicator[] };
    const fund = items.filter((s) => s.areaSecretariatId === null);
    expect(fund.length).toBeGreaterThan(5);
    expect(fund.every((s) => s.isExample && s.linkedIndicators >= 2)).toBe(true);
  });

  it('rolls the fund’s count up to the sum of what each plan itself shows', async () => {
    const { items } = (await admin.get('/api/shared-indicators')).json() as { items: SharedIndicator[] };
    const shared = items.find((s) => s.name === 'Antal lektiecaféforløb')!;
    const r = (
      await admin.get(
        `/api/portfolio/indicators?groupBy=none&sharedIndicatorId=${shared.id}&fromYear=2009&toYear=2009`,
      )
    ).json() as PortfolioIndicators;
    const whole = r.indicators[0]!.total[0]!;
    // The same period read from each plan's own results framework.
    const linked = await t.db
      .selectFrom('indicators')
      .select(['id', 'planId'])
      .where('sharedIndicatorId', '=', shared.id)
      .execute();
    let sum = 0;
    let n = 0;
    for (const l of linked) {
      const f = (await admin.get(`/api/plans/${l.planId}/results`)).json() as ResultsFramework;
      const s = f.indicators.find((i) => i.id === l.id)!.statuses.find((x) => x.period === '2009');
      if (s?.state === 'value') {
        sum += s.value!;
        n += 1;
      }
    }
    expect(n).toBeGreaterThan(0);
    expect(whole).toMatchObject({ value: sum, n });
  });

  it('gives the example area secretariats a shared goal over their plans’ attendance', async () => {
    const goals = await t.db
      .selectFrom('sharedGoals')
      .select(['id', 'areaSecretariatId', 'isExample'])
      .execute();
    expect(goals.length).toBeGreaterThan(0);
    let withParts = 0;
    for (const g of goals) {
      const r = (
        await admin.get(`/api/area-secretariats/${g.areaSecretariatId}/shared-goals/${g.id}/rollup`)
      ).json() as SharedGoalRollup;
      expect(r.goal.isExample).toBe(true);
      if (r.indicators[0]!.plans.length) withParts += 1;
    }
    expect(withParts).toBeGreaterThan(0);
  });

  it('records expenditure for the example plans, and is seeded once', async () => {
    const n = async () => (await t.db.selectFrom('planExpenditures').select('planId').execute()).length;
    const before = await n();
    expect(before).toBeGreaterThan(13);
    expect(await seedDemo(t.db)).toBe(false);
    expect(await n()).toBe(before);
  });

  it('exports the whole portfolio from the command line: an .xlsx sheet per view, or one view as CSV', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pejling-portfolio-'));
    const xlsx = path.join(dir, 'portefolje.xlsx');
    const line = await exportPortfolio(t.db, { format: 'xlsx', out: xlsx, locale: 'da' });
    expect(line).toContain('Planer: 13');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Planer',
      'Fælles indikatorer',
      'Rapportering',
      'Bevillinger',
    ]);
    expect(wb.worksheets[0]!.rowCount).toBe(14);
    const csv = path.join(dir, 'grants.csv');
    await exportPortfolio(t.db, { format: 'csv', out: csv, view: 'grants', locale: 'en' });
    const text = fs.readFileSync(csv, 'utf8');
    expect(text.split('\r\n')[0]).toContain('Granted (DKK)');
    expect(text.split('\r\n').filter((l) => l.length > 0)).toHaveLength(14);
  });
});
