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

/**
 * The portfolio in the browser: filter it and watch the totals follow, carry the filters from tab
 * to tab, read shared indicators summed across plans, compare plans, export to Excel, and see a
 * refused filter as a message. Every new page is checked with axe in Danish and English.
 */
describe.runIf(chromiumAvailable())('portfolio', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let aarhusId: string;
  const editor = { email: 'redaktoer@pejling.example', password: 'kun-en-plan-2026-lang-nok' };

  /** The figure under a label in a row of key figures. */
  const figure = (label: string) =>
    page.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await (
      await browser.newContext({
        locale: 'da-DK',
        acceptDownloads: true,
        viewport: { width: 1400, height: 900 },
      })
    ).newPage();
    await login(page, server.url);
    // Two shared indicators of the fund, linked from the example plans' own indicators of the same
    // name: one count (summed) and one percentage (weighted by denominators).
    aarhusId = await page.evaluate(async (ed) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const send = async (method: string, url: string, body: unknown) => {
        const res = await fetch(url, {
          method,
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: JSON.stringify(body),
        });
        if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
        return (await res.json()) as { id: string };
      };
      const shared = {
        'Fremmøde i lektiecafé': await send('POST', '/api/shared-indicators', {
          name: 'Fremmøde i lektiecafé (alle planer)',
          unit: 'deltagere',
          kind: 'count',
          direction: 'higher_is_better',
          combine: 'sum',
        }),
        'Andel 20-24-årige med ungdomsuddannelse': await send('POST', '/api/shared-indicators', {
          name: 'Andel 20-24-årige med ungdomsuddannelse (alle planer)',
          kind: 'percentage',
          direction: 'higher_is_better',
          combine: 'non_cumulative',
        }),
      } as Record<string, { id: string }>;
      const plans = (await (await fetch('/api/plans')).json()) as { items: { id: string }[] };
      for (const p of plans.items) {
        const results = (await (await fetch(`/api/plans/${p.id}/results`)).json()) as {
          indicators: ({ id: string; name: string } & Record<string, unknown>)[];
        };
        for (const ind of results.indicators) {
          const target = shared[ind.name];
          if (!target) continue;
          const { statuses: _s, earlierVersions: _e, ...rest } = ind;
          await send('PUT', `/api/plans/${p.id}/indicators/${ind.id}`, {
            ...rest,
            sharedIndicatorId: target.id,
          });
        }
      }
      // A user who edits one plan only: no portfolio.
      await send('POST', '/api/users', {
        email: ed.email,
        name: 'Redaktør Rikke',
        password: ed.password,
        roles: [{ role: 'plan_editor', planId: plans.items[0]!.id }],
      });
      const municipalities = (await (await fetch('/api/municipalities')).json()) as {
        id: string;
        name: string;
      }[];
      return municipalities.find((m) => m.name === 'Aarhus Kommune')!.id;
    }, editor);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function settle() {
    await page.waitForLoadState('networkidle');
    await page
      .waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, { timeout: 10_000 })
      .catch(() => {});
  }

  it('filters the portfolio, and the totals and distributions follow', async () => {
    await page.goto(`${server.url}/`);
    await page
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Portefølje' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Portefølje' }).waitFor();
    await expect.poll(() => figure('Planer').textContent()).toBe('13');
    const dwellingsAll = await figure('Lejemål').textContent();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'portfolio-overview');

    const filters = page.getByRole('region', { name: 'Filtre' });
    await filters.getByLabel('Kommune', { exact: true }).selectOption({ label: 'Aarhus Kommune' });
    await expect.poll(() => figure('Planer').textContent()).toBe('2');
    expect(await figure('Lejemål').textContent()).not.toBe(dwellingsAll);
    expect(page.url()).toContain(`municipalityId=${aarhusId}`);
    const plans = page.getByRole('table', { name: /De valgte planer/ });
    await expect.poll(() => plans.locator('tbody tr').count()).toBe(2);
    await page
      .getByRole('table', { name: /fordelt på Kommune/ })
      .getByText('Aarhus Kommune')
      .waitFor();
    // The plan table sorts by a column header, by keyboard too.
    await page.getByRole('button', { name: 'Lejemål', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('sort=dwellings');
    expect(await axeViolations(page)).toEqual([]);
  }, 300_000);

  it('exports the filtered overview to Excel', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Eksporter til Excel' }).click(),
    ]);
    const file = path.join(server.dir, download.suggestedFilename() || 'portfolio.xlsx');
    await download.saveAs(file);
    expect(file.endsWith('.xlsx')).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    const text = wb.worksheets
      .flatMap((ws) => {
        const cells: string[] = [];
        ws.eachRow((r) => cells.push(...(r.values as unknown[]).map((v) => String(v ?? ''))));
        return cells;
      })
      .join('\n');
    expect(text).toContain('Aarhus Kommune');
    expect(text).not.toContain('Odense Kommune');
  });

  it('carries the filters to every tab', async () => {
    const tabs = page.getByRole('navigation', { name: 'Porteføljens visninger' });
    const views: [string, string, string][] = [
      ['Indikatorer', 'Fælles indikatorer på tværs af planer', 'portfolio-indicators'],
      ['Rapportering', 'Rapportering', 'portfolio-compliance'],
      ['Økonomi', 'Økonomi', 'portfolio-grants'],
      ['Casematrix', 'Casematrix', 'portfolio-case-matrix'],
      ['Overblik', 'Portefølje', 'portfolio-overview-filtered'],
    ];
    for (const [tab, heading, shot] of views) {
      await tabs.getByRole('link', { name: tab, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
      expect(page.url()).toContain(`municipalityId=${aarhusId}`);
      await expect
        .poll(() => tabs.getByRole('link', { name: tab, exact: true }).getAttribute('aria-current'))
        .toBe('page');
      await settle();
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, shot);
    }
  }, 300_000);

  it('shows shared indicators across plans, with plans without a value counted apart', async () => {
    await page.goto(`${server.url}/portfolio/indicators?groupBy=pool`);
    const table = page.getByRole('table', { name: /^Fremmøde i lektiecafé \(alle planer\): værdi/ });
    await table.waitFor();
    // Every row names the plans with a value and those without, never a missing value as 0.
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(1);
    const header = await table.locator('thead th').allTextContents();
    expect(header).toEqual(
      expect.arrayContaining(['Værdi', 'Planer med værdi', 'Uden værdi', 'Undertrykt', 'Måltal', 'Status']),
    );
    await page.getByRole('img', { name: /Fremmøde i lektiecafé \(alle planer\) pr\. periode/ }).waitFor();
    await page.getByText('Procent: vægtet efter nævnerne').first().waitFor();
    await page
      .getByRole('region', { name: 'Vis' })
      .getByLabel('Periode', { exact: true })
      .selectOption({ label: 'Halvår' });
    await table
      .getByText(/halvår/)
      .first()
      .waitFor();
    await settle();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'portfolio-indicators-values');
  }, 300_000);

  it('compares plans side by side, each value beside its number of observations', async () => {
    await page.goto(`${server.url}/portfolio/compare`);
    await page.getByRole('heading', { name: 'Vælg mindst to planer' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // The plan picker works from the keyboard: type, arrow down to the option, Enter.
    const plans = page.getByRole('combobox', { name: 'Planer', exact: true });
    await plans.focus();
    await page.keyboard.type('Vollsmose');
    const wanted = page.getByRole('option', { name: /Vollsmose/ });
    await wanted.waitFor();
    for (let i = 0; i < 40 && (await wanted.getAttribute('data-combobox-selected')) === null; i++)
      await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await expect.poll(() => new URL(page.url()).searchParams.get('planIds')).toBeTruthy();
    // The comparison itself is read from its address, as a user who shares the link sees it.
    const ids = await page.evaluate(async () => {
      const plans = (await (await fetch('/api/plans')).json()) as { items: { id: string; name: string }[] };
      const list = (await (await fetch('/api/shared-indicators')).json()) as {
        items: { id: string; name: string }[];
      };
      return {
        plans: ['Vollsmose', 'Bispehaven', 'Akacieparken'].map(
          (n) => plans.items.find((p) => p.name.includes(n))!.id,
        ),
        shared: list.items.find((i) => i.name === 'Fremmøde i lektiecafé (alle planer)')!.id,
      };
    });
    expect(new URL(page.url()).searchParams.get('planIds')).toBe(ids.plans[0]);
    const chosen = new URL(page.url());
    chosen.searchParams.set('planIds', ids.plans.join(','));
    chosen.searchParams.set('sharedIndicatorIds', ids.shared);
    chosen.searchParams.set('year', '2011');
    await page.goto(chosen.toString());
    const side = page.getByRole('table', { name: /Planerne side om side/ });
    await side.waitFor();
    await expect.poll(() => side.locator('thead th').count()).toBe(4);
    await side
      .getByText(/^n = \d+ observation/)
      .first()
      .waitFor();
    const ranking = page.getByRole('table', { name: /Fremmøde i lektiecafé \(alle planer\): placering/ });
    await ranking.locator('thead th').first().waitFor();
    const header = await ranking.locator('thead th').allTextContents();
    // The number of observations stands right beside the value.
    expect(header.indexOf('Observationer (n)')).toBe(header.indexOf('Værdi') + 1);
    await page.getByRole('table', { name: /Huller i sammenhængen pr\. plan/ }).waitFor();
    await page.getByRole('table', { name: /De fem pejlemærker pr\. plan/ }).waitFor();
    expect(page.url()).toMatch(/planIds=[^&]+%2C[^&]+%2C|planIds=[^&]+,[^&]+,/);
    await settle();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'portfolio-compare');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Eksporter til Excel' }).click(),
    ]);
    expect(fs.statSync((await download.path())!).size).toBeGreaterThan(1000);
  });

  it('lists the plans late with their reporting, the latest first', async () => {
    await page.goto(`${server.url}/portfolio/compliance`);
    const table = page.getByRole('table', { name: /Forsinkede registreringer og statusrapporter/ });
    await table.waitFor();
    const days = (await table.locator('tbody tr td:first-child').allTextContents()).map((d) =>
      Number(d.replace(/\D/g, '')),
    );
    expect(days.length).toBeGreaterThan(1);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    await expect.poll(() => figure('Planer bagud').textContent()).toMatch(/^\d+ af 13$/);
  });

  it('shows a filter the server refuses as a message, not a crash', async () => {
    await page.goto(`${server.url}/portfolio?municipalityId=00000000-0000-7000-8000-000000000000`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/\S/);
    await page.getByRole('heading', { level: 1, name: 'Portefølje' }).waitFor();
    // The filters stay, so the user can fix it.
    await page.getByRole('button', { name: 'Nulstil filtre' }).click();
    await expect.poll(() => figure('Planer').textContent()).toBe('13');
  });

  it('has no violations in English', async () => {
    await page.evaluate(() => localStorage.setItem('pejling.locale', 'en'));
    const pages: [string, string][] = [
      ['/portfolio', 'Portfolio'],
      ['/portfolio/indicators', 'Shared indicators across plans'],
      ['/portfolio/compliance', 'Reporting'],
      ['/portfolio/grants', 'Finances'],
      ['/portfolio/compare', 'Compare plans'],
    ];
    for (const [url, heading] of pages) {
      await page.goto(`${server.url}${url}`);
      await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
      await settle();
      expect(await axeViolations(page)).toEqual([]);
    }
    await page.evaluate(() => localStorage.setItem('pejling.locale', 'da'));
    await page.reload();
  }, 300_000);

  it('says so when every plan is up to date with its reporting', async () => {
    // A new draft plan without activities or a period owes nothing yet.
    await page.evaluate(async () => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const first = async (url: string) => ((await (await fetch(url)).json()) as { id: string }[])[0]!.id;
      const res = await fetch('/api/plans', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({
          name: 'Helhedsplan Nyvej',
          poolId: await first('/api/pools'),
          municipalityId: await first('/api/municipalities'),
          housingOrganisationId: await first('/api/housing-organisations'),
          status: 'draft',
        }),
      });
      if (!res.ok) throw new Error(await res.text());
    });
    await page.goto(`${server.url}/portfolio/compliance?q=Nyvej`);
    await page.getByRole('heading', { name: 'Alle planer er ajour' }).waitFor();
    await expect.poll(() => figure('Planer bagud').textContent()).toBe('0 af 1');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'portfolio-compliance-up-to-date');
  });

  it('is not offered to the editor of a single plan', async () => {
    await page.evaluate(() => localStorage.setItem('pejling.locale', 'da'));
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'Log ud' }).click();
    await login(page, server.url, editor.email, editor.password);
    const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
    await nav.getByRole('link', { name: 'Helhedsplaner' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Portefølje' }).count()).toBe(0);
    await page.goto(`${server.url}/portfolio`);
    await page.getByRole('heading', { name: 'Ingen adgang' }).waitFor();
  });
});
