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

/**
 * The Data tab: download a plan's registrations template, fill it in, check it (a refused file
 * lists its problems by row and column), import it with the progress bar reaching "Færdig", and
 * see the registrations and the computed indicator on the activity's page.
 */
describe.runIf(chromiumAvailable())('imports on the Data tab', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let planId: string;
  let activityId: string;
  const now = new Date();
  const year = now.getUTCFullYear();
  const daysAgo = (n: number) => {
    const d = new Date(now.getTime() - n * 86_400_000);
    return `${String(d.getUTCDate()).padStart(2, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${d.getUTCFullYear()}`;
  };

  const api = <T>(url: string) => page.evaluate(async (u) => (await fetch(u)).json(), url) as Promise<T>;
  const post = <T>(url: string, body: unknown) =>
    page.evaluate(
      async ([u, b]) => {
        const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
        const res = await fetch(u as string, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: JSON.stringify(b),
        });
        return res.json();
      },
      [url, body] as const,
    ) as Promise<T>;
  const section = () => page.locator('section[aria-labelledby="import-registrations"]');

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await (await browser.newContext({ locale: 'da-DK', acceptDownloads: true })).newPage();
    await login(page, server.url);
    const list = await api<{ items: { id: string }[] }>('/api/plans');
    const example = await api<
      Record<string, unknown> & { areas: { id: string }[]; focusAreas: { id: string }[] }
    >(`/api/plans/${list.items[0]!.id}`);
    const plan = await post<{ id: string; focusAreas: { id: string }[] }>('/api/plans', {
      name: 'Helhedsplan Import E2E',
      poolId: example.poolId,
      municipalityId: example.municipalityId,
      housingOrganisationId: example.housingOrganisationId,
      areaIds: example.areas.map((a) => a.id),
      focusAreaIds: example.focusAreas.map((f) => f.id),
      status: 'active',
      periodStart: `${year - 1}-01-01`,
      periodEnd: `${year + 2}-12-31`,
      grants: [],
    });
    planId = plan.id;
    const goal = await post<{ id: string }>(`/api/plans/${planId}/goals`, {
      level: 'activity',
      focusAreaId: plan.focusAreas[0]!.id,
      title: 'Lektiecafé hver uge',
    });
    await post(`/api/plans/${planId}/indicators`, {
      goalId: goal.id,
      name: 'Fremmøde i lektiecaféen',
      kind: 'count',
      direction: 'higher_is_better',
      dataSource: 'registrations',
      registrationMeasure: 'participants',
      combine: 'sum',
      breakdowns: [{ key: 'gender', label: 'Køn', categories: ['Kvinde', 'Mand'] }],
      targets: [{ period: String(year), value: 30 }],
    });
    const activity = await post<{ id: string }>(`/api/plans/${planId}/activities`, {
      name: 'Lektiecafé',
      goalIds: [goal.id],
      status: 'running',
      periodStart: `${year - 1}-01-01`,
      periodEnd: `${year + 2}-12-31`,
    });
    activityId = activity.id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('downloads the template, refuses a bad file by row and column, imports a good one with progress', async () => {
    await page.goto(`${server.url}/plans/${planId}/data`);
    await section().getByRole('heading', { name: 'Registreringer' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section().getByRole('link', { name: 'Skabelon som CSV: Registreringer' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('skabelon-registreringer.csv');
    const template = fs.readFileSync((await download.path())!, 'utf8');
    const [header] = template.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe('Aktivitet;Dato;Deltagere;Timer;Note;Køn: Kvinde;Køn: Mand');

    const input = section().getByLabel('Fil (CSV eller .xlsx, højst 20 MB): Registreringer');
    const bad = `${header}\r\nSvømning;${daysAgo(3)};5;;;;\r\n`;
    await input.setInputFiles({ name: 'forkert.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await section().getByRole('button', { name: 'Kontrollér filen' }).click();
    const problems = section().getByRole('table');
    await problems.getByRole('row', { name: /2 Aktivitet Aktiviteten "Svømning" findes ikke/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const good = [
      header,
      `Lektiecafé;${daysAgo(3)};12;2,5;Første gang;7;5`,
      `Lektiecafé;${daysAgo(2)};9;2;;4;5`,
    ].join('\r\n');
    await input.setInputFiles({
      name: 'lektiecafe.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(good, 'latin1'),
    });
    await section().getByRole('button', { name: 'Kontrollér filen' }).click();
    await section().getByText('Filen er i orden: 2 rækker. 2 tilføjes, 0 ændres').waitFor();
    await section().getByRole('button', { name: 'Indlæs 2 rækker' }).click();
    await section()
      .getByText(/Indlæst fra lektiecafe.csv: 2 rækker. 2 tilføjet, 0 ændret, 0 uændret/)
      .waitFor();
    const bar = section().getByRole('progressbar', { name: 'Fremskridt for Registreringer' });
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    await section().getByRole('status').getByText('Færdig').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'imports-data-tab');

    await section().getByRole('link', { name: 'Se aktiviteterne' }).click();
    await page.waitForURL(`**/plans/${planId}/activities`);
    await page.goto(`${server.url}/plans/${planId}/activities/${activityId}`);
    await page.getByText('2 registreringer, 21 deltagere i alt, 4,5 timer').waitFor();
    const f = await api<{ indicators: { statuses: { period: string; value: number | null }[] }[] }>(
      `/api/plans/${planId}/results`,
    );
    expect(f.indicators[0]!.statuses.find((s) => s.period === String(year))?.value).toBe(21);
    await screenshot(page, 'imports-activity');

    // The dashboard on the Overblik tab: the imported value against the year's target.
    await page.goto(`${server.url}/plans/${planId}`);
    const progress = page.locator('section[aria-labelledby="dashboard-progress"]');
    const row = progress.getByRole('row', { name: new RegExp(`^${year}`) });
    await row.getByText('Bagud').waitFor();
    expect(await row.textContent()).toContain('21');

    // The same file again adds nothing.
    await page.goto(`${server.url}/plans/${planId}/data`);
    await input.setInputFiles({
      name: 'lektiecafe.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(good, 'latin1'),
    });
    await section().getByRole('button', { name: 'Kontrollér filen' }).click();
    await section()
      .getByText('Filen er i orden: 2 rækker. 0 tilføjes, 0 ændres, og 2 findes allerede')
      .waitFor();
  });

  it('has no violations in English', async () => {
    await page.evaluate(() => localStorage.setItem('pejling.locale', 'en'));
    await page.goto(`${server.url}/plans/${planId}/data`);
    await section().getByRole('heading', { name: 'Registrations' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page)).toEqual([]);
    await page.evaluate(() => localStorage.setItem('pejling.locale', 'da'));
  });
});
