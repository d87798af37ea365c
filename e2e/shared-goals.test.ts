import fs from 'node:fs';
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

interface Secretariat {
  id: string;
  name: string;
  plans: { id: string; name: string }[];
}
interface Framework {
  indicators: {
    id: string;
    name: string;
    kind: string;
    statuses: { period: string; state: string; value: number | null; complete: boolean }[];
  }[];
}

/**
 * An area secretariat's shared goal in the browser: the administrator goes from the portfolio to
 * an example area secretariat, creates a shared goal with a shared indicator, links an example
 * plan's own indicator to it from the plan's goals tab, opens the goal's roll-up, finds the plan's
 * part there as the plan itself shows it, and exports the roll-up.
 */
describe.runIf(chromiumAvailable())('shared goals of an area secretariat', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let secretariat: Secretariat;
  let plan: { id: string; name: string };
  let indicator: Framework['indicators'][number];
  let year: string;
  let value: number;
  let rollupUrl: string;
  const goalTitle = 'Flere unge i job og uddannelse';
  const sharedName = 'Forløb for unge ledige';

  const api = <T>(url: string) => page.evaluate(async (u) => (await fetch(u)).json(), url) as Promise<T>;
  const dialog = () => page.getByRole('dialog');

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await (await browser.newContext({ locale: 'da-DK', acceptDownloads: true })).newPage();
    await login(page, server.url);
    // An example secretariat with several plans, and one of its plans with a counted value in a year.
    const secretariats = sortedBySize(await api<Secretariat[]>('/api/area-secretariats'));
    for (const s of secretariats) {
      for (const p of s.plans) {
        const f = await api<Framework>(`/api/plans/${p.id}/results`);
        for (const i of f.indicators) {
          const st =
            i.kind === 'count' && i.statuses.find((x) => /^\d{4}$/.test(x.period) && x.state === 'value');
          if (st && !indicator) [secretariat, plan, indicator, year, value] = [s, p, i, st.period, st.value!];
        }
      }
      if (indicator) break;
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('creates a shared goal with a shared indicator on the area secretariat’s page', async () => {
    expect(indicator).toBeDefined();
    await page.goto(`${server.url}/portfolio`);
    await page.locator('h1').waitFor();
    await page
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Områdesekretariater' })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Områdesekretariater', level: 1 }).waitFor();
    await page.getByRole('link', { name: secretariat.name }).first().click();
    await page.getByRole('heading', { name: secretariat.name, level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Fælles mål', exact: true }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Nyt fælles mål' }).first().click();
    await dialog().getByLabel('Titel').fill(goalTitle);
    await dialog().getByLabel('Beskrivelse').fill('Planerne i byen får sammen flere unge ledige i gang.');
    await dialog().getByRole('button', { name: 'Gem' }).click();
    await dialog().waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: goalTitle }).waitFor();

    await page.getByRole('button', { name: `Tilføj fælles indikator til ${goalTitle}` }).click();
    await dialog().getByLabel('Navn').fill(sharedName);
    await dialog().getByLabel('Type').selectOption('count');
    await dialog().getByLabel('Enhed').fill('forløb');
    expect(await axeViolations(page)).toEqual([]);
    await dialog().getByRole('button', { name: 'Gem' }).click();
    await dialog().waitFor({ state: 'detached' });
    const table = page.getByRole('table', { name: `Fælles indikatorer under ${goalTitle}` });
    await table.getByRole('rowheader', { name: sharedName }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'shared-goals-secretariat');
  });

  it('links a plan’s own indicator to the shared indicator from the plan’s goals tab', async () => {
    await page
      .getByRole('region', { name: 'Planer, der betjenes' })
      .getByRole('link', { name: plan.name })
      .click();
    await page.getByRole('heading', { name: plan.name, level: 1 }).waitFor();
    await page.getByRole('tab', { name: 'Mål og indikatorer' }).click();
    await page.getByRole('button', { name: `Rediger ${indicator.name}` }).click();
    const select = dialog().getByLabel('Fælles indikator');
    await select.selectOption({ label: `${sharedName} (forløb)` });
    expect(await axeViolations(page)).toEqual([]);
    await dialog().getByRole('button', { name: 'Gem' }).click();
    await dialog().waitFor({ state: 'detached' });
    await page.locator(`#indicator-${indicator.id}`).getByText(`Fælles indikator: ${sharedName}`).waitFor();
  });

  it('shows the plan’s part in the goal’s roll-up, as the plan shows it, and exports it', async () => {
    await page.goto(`${server.url}/secretariats/${secretariat.id}`);
    await page.getByRole('link', { name: `Se opsamling for ${goalTitle}` }).click();
    await page.getByRole('heading', { name: goalTitle, level: 1 }).waitFor();
    await page.getByLabel('Fra år').selectOption(year);
    await page.getByLabel('Til år').selectOption(year);
    await page.waitForURL(new RegExp(`toYear=${year}`));
    rollupUrl = page.url();

    const parts = page.getByRole('table', {
      name: `${sharedName}: hver plans værdi, måltal og status pr. periode`,
    });
    await parts.getByRole('link', { name: plan.name }).waitFor();
    const figure = `${value.toLocaleString('da-DK')} forløb`;
    await parts
      .getByRole('cell', { name: new RegExp(`^${figure}`) })
      .first()
      .waitFor();
    // With one plan linked the whole is that plan's value; the other plans are listed as not linked.
    const whole = page.getByRole('table', { name: `${sharedName}: helheden pr. periode` });
    await whole
      .getByRole('cell', { name: new RegExp(`^${figure}`) })
      .first()
      .waitFor();
    for (const other of secretariat.plans.filter((p) => p.id !== plan.id))
      await page.getByRole('link', { name: `${other.name}: mål og indikatorer` }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'shared-goals-rollup');

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Eksporter til CSV' }).click(),
    ]);
    const text = fs.readFileSync((await csv.path())!, 'utf8');
    expect(text).toContain(plan.name);
    expect(text).toContain(sharedName);
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Eksporter til Excel' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(
      fs
        .readFileSync((await xlsx.path())!)
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });

  it('lists the shared indicators of the fund and the secretariats, and creates one of the fund’s', async () => {
    await page.goto(`${server.url}/portfolio/shared-indicators`);
    await page.getByRole('heading', { name: 'Fælles indikatorer', level: 1 }).waitFor();
    await page
      .getByRole('table', { name: 'Områdesekretariaternes fælles indikatorer' })
      .getByText(sharedName)
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Ny fælles indikator' }).first().click();
    await dialog().getByLabel('Navn').fill('Beboere i job eller uddannelse');
    await dialog().getByLabel('Type').selectOption('percentage');
    await dialog().getByRole('button', { name: 'Gem' }).click();
    await dialog().waitFor({ state: 'detached' });
    await page
      .getByRole('table', { name: 'Landsbyggefondens fælles indikatorer' })
      .getByRole('rowheader', { name: 'Beboere i job eller uddannelse', exact: true })
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'shared-indicators-fund');
  });

  it('records a plan’s spending per year beside its grant', async () => {
    await page.goto(`${server.url}/plans/${plan.id}`);
    const section = page.getByRole('region', { name: 'Økonomi' });
    await section.getByText('Bevilget', { exact: true }).waitFor();
    await section.getByRole('button', { name: 'Ret forbrug' }).click();
    // A year outside the plan's grants is refused beside the field, and nothing typed is lost.
    await dialog().getByRole('button', { name: 'Tilføj år' }).click();
    await dialog()
      .getByLabel(/^År \d+$/)
      .last()
      .fill('2031');
    await dialog()
      .getByLabel(/^Forbrug \d+ \(kr\.\)$/)
      .last()
      .fill('10.000');
    await dialog().getByRole('button', { name: 'Gem' }).click();
    await dialog().getByText(/2031/).first().waitFor();
    await dialog()
      .getByRole('button', { name: /^Fjern år \d+$/ })
      .last()
      .click();
    // The first year's spending is corrected.
    await dialog().getByLabel('Forbrug 1 (kr.)', { exact: true }).fill('1.250.000');
    await dialog().getByLabel('Note 1', { exact: true }).fill('Jobcafé og lektiecafé');
    expect(await axeViolations(page)).toEqual([]);
    await dialog().getByRole('button', { name: 'Gem' }).click();
    await dialog().waitFor({ state: 'detached' });
    await section.getByRole('table', { name: 'Forbrug pr. år' }).getByText('1.250.000 kr.').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('gives a user the area secretariat role in the admin user form', async () => {
    await page.goto(`${server.url}/admin/users/new`);
    await page.getByLabel('Navn').fill('Sekretariatsmedarbejder Sara');
    await page.getByLabel('E-mail').fill('sara@pejling.example');
    await page.getByLabel('Adgangskode', { exact: true }).fill('sekretariat-sara-2026');
    await page.getByRole('button', { name: 'Tilføj rolle' }).click();
    await page.getByLabel('Rolle', { exact: true }).selectOption('secretariat_member');
    await page.getByLabel('Områdesekretariat').selectOption({ label: secretariat.name });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Opret bruger' }).click();
    await page.waitForURL((u) => u.pathname === '/admin/users');
    await page
      .getByRole('row', { name: /Sekretariatsmedarbejder Sara/ })
      .getByText(`Områdesekretariat: ${secretariat.name}`)
      .waitFor();
  });

  it('has no violations on the new pages in English', async () => {
    await page.evaluate(() => localStorage.setItem('pejling.locale', 'en'));
    await page.goto(`${server.url}/secretariats/${secretariat.id}`);
    await page.getByRole('heading', { name: 'Shared goals', exact: true }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(rollupUrl);
    await page.getByRole('heading', { name: "The plans' parts" }).first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${server.url}/portfolio/shared-indicators`);
    await page.getByRole('heading', { name: "The fund's shared indicators" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${server.url}/plans/${plan.id}`);
    await page
      .getByRole('region', { name: 'Finances' })
      .getByRole('table', { name: 'Spending per year' })
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${server.url}/plans/${plan.id}/goals?editIndicator=${indicator.id}`);
    await dialog().getByLabel('Shared indicator').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.evaluate(() => localStorage.setItem('pejling.locale', 'da'));
  });
});

/** Secretariats serving the most plans first, so the roll-up has plans that are not linked too. */
function sortedBySize(list: Secretariat[]): Secretariat[] {
  return [...list].sort((a, b) => b.plans.length - a.plans.length);
}
