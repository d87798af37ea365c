import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  axeViolations,
  chromiumAvailable,
  launchBrowser,
  login,
  screenshot,
  startServer,
  type RunningServer,
} from './harness.js';

const PLAN = 'Helhedsplan Testparken E2E';

describe.runIf(chromiumAvailable())('a plan from creation to export', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const context = await browser.newContext({ acceptDownloads: true, locale: 'da-DK' });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('logs in', async () => {
    await login(page, server.url);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).count(), { timeout: 15_000 }).toBe(1);
  });

  it('creates a plan with two focus areas and two grants', async () => {
    await page.goto(`${server.url}/plans`);
    await page.getByRole('link', { name: 'Opret helhedsplan' }).first().click();
    await page.waitForURL(/\/plans\/new$/);
    await page.getByLabel('Navn', { exact: true }).fill(PLAN);
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Aktiv' });
    await page.getByLabel('Periode start').fill('01-01-2024');
    await page.getByLabel('Periode slut').fill('31-12-2027');
    await page.getByLabel('Pulje', { exact: true }).first().selectOption({ label: '2019-2026' });
    await page.getByRole('checkbox', { name: 'Beskæftigelse', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Kriminalitetsforebyggelse', exact: true }).check();
    await page.getByLabel('Kommune', { exact: true }).selectOption({ label: 'Odense Kommune' });
    await page
      .getByLabel('Boligorganisation', { exact: true })
      .selectOption({ label: 'Boligselskabet Vollsmose (eksempel)' });
    const areas = page.getByRole('combobox', { name: 'Boligområder' });
    await areas.click();
    await areas.fill('Vollsmose');
    await page.getByRole('option', { name: 'Vollsmose (Odense Kommune)' }).click();
    await page.keyboard.press('Escape');

    const grants: [string, string, string][] = [
      ['9.000.000', '01-01-2024', '31-12-2025'],
      ['8.500.000', '01-01-2026', '31-12-2027'],
    ];
    for (const [i, [amount, start, end]] of grants.entries()) {
      await page.getByRole('button', { name: 'Tilføj bevilling' }).click();
      const grant = page.getByRole('group', { name: `Bevilling ${i + 1}` });
      await grant.getByLabel('Pulje').selectOption({ label: '2019-2026' });
      await grant.getByLabel('Beløb (kr.)').fill(amount);
      await grant.getByLabel('Start').fill(start);
      await grant.getByLabel('Slut').fill(end);
    }
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Gem helhedsplan' }).click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(PLAN);
    const body = await page.locator('main').innerText();
    expect(body).toContain('17,5 mio. kr.');
    expect(body).toContain('Beskæftigelse');
    expect(body).toContain('Kriminalitetsforebyggelse');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'journey-plan-detail');
  });

  it('finds the plan in the case matrix cell for large areas over 15 mio. kr.', async () => {
    await page.goto(`${server.url}/portfolio/case-matrix`);
    const table = page.getByRole('table');
    await expect.poll(() => table.count()).toBe(1);
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /1\.500\+/ }) });
    const cell = row.getByRole('cell').nth(2);
    await expect.poll(() => cell.getByRole('link', { name: PLAN }).count()).toBe(1);
    expect(await cell.innerText()).toContain('Helhedsplan Vollsmose');
    await cell.getByRole('link', { name: PLAN }).click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    await screenshot(page, 'journey-case-matrix-link');
  });

  it('exports the plan list to .xlsx and reads it back', async () => {
    await page.goto(`${server.url}/plans`);
    await expect.poll(() => page.getByRole('link', { name: PLAN }).count()).toBe(1);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Eksporter til Excel' }).click(),
    ]);
    const file = path.join(server.dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(file.endsWith('.xlsx')).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('Helhedsplan');
    const rows: unknown[][] = [];
    ws.eachRow((r, n) => {
      if (n > 1) rows.push((r.values as unknown[]).slice(1));
    });
    expect(rows).toHaveLength(14);
    const ours = rows.find((r) => r[0] === PLAN)!;
    expect(ours).toBeTruthy();
    const col = (name: string) => header.indexOf(name);
    expect(ours[col('Kommune')]).toBe('Odense Kommune');
    expect(ours[col('Bevilget (kr.)')]).toBe(17_500_000);
    expect(ours[col('Bevillinger')]).toBe(2);
    expect(ours[col('Bevillingsstørrelse')]).toBe('over 15 mio. kr.');
    expect(ours[col('Størrelse (lejemål)')]).toBe('1.500+');
  });

  it('keeps a search typed just before a sort, both in the address', async () => {
    await page.goto(`${server.url}/plans`);
    await page.getByRole('columnheader').first().waitFor();
    // The search waits for typing to pause; a sort clicked meanwhile must not undo it, nor it the sort.
    await page.getByRole('searchbox', { name: 'Søg' }).fill('Vollsmose');
    await page.getByRole('button', { name: /Kommune/ }).click();
    await expect
      .poll(() => {
        const u = new URL(page.url());
        return `${u.searchParams.get('q')} ${u.searchParams.get('sort')}`;
      })
      .toBe('Vollsmose municipality');
    await page.waitForTimeout(800);
    const u = new URL(page.url());
    expect([u.searchParams.get('q'), u.searchParams.get('sort')]).toEqual(['Vollsmose', 'municipality']);
  });
});
