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

interface Framework {
  activities: { id: string; name: string; registrationCount: number }[];
  indicators: {
    id: string;
    name: string;
    statuses: { period: string; value: number | null; status: string }[];
  }[];
  coherence: { flagCounts: Record<string, number> };
}

/**
 * Registrations in the browser: a running activity whose registrations are overdue, the flag
 * followed to the registration form, a registration that moves the computed indicator, and a
 * participant whose CPR-shaped code is refused.
 */
describe.runIf(chromiumAvailable())('registrations and participants', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let planId: string;
  let activityId: string;
  const year = new Date().getUTCFullYear();

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
  const dialog = () => page.getByRole('dialog');

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await (await browser.newContext({ locale: 'da-DK' })).newPage();
    await login(page, server.url);
    const list = await api<{ items: { id: string }[] }>('/api/plans');
    const example = await api<
      Record<string, unknown> & { areas: { id: string }[]; focusAreas: { id: string }[] }
    >(`/api/plans/${list.items[0]!.id}`);
    const plan = await post<{ id: string; focusAreas: { id: string }[] }>('/api/plans', {
      name: 'Helhedsplan Registrering E2E',
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
      baselineValue: 0,
      targets: [{ period: String(year), value: 30 }],
    });
    const activity = await post<{ id: string }>(`/api/plans/${planId}/activities`, {
      name: 'Lektiecafé',
      goalIds: [goal.id],
      status: 'running',
      periodStart: `${year - 1}-01-01`,
      periodEnd: `${year + 2}-12-31`,
      registrationFrequency: 'monthly',
    });
    activityId = activity.id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('follows the overdue flag to the registration form, and the registration moves the indicator', async () => {
    await page.goto(`${server.url}/plans/${planId}`);
    await page.getByText('Aktiviteter med forsinkede registreringer: 1').waitFor();
    await page
      .locator('section[aria-labelledby="coherence"]')
      .getByRole('link', { name: 'Lektiecafé' })
      .click();
    await dialog().getByRole('heading', { name: 'Ny registrering: Lektiecafé' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await dialog().getByLabel('Deltagere', { exact: true }).fill('12');
    await dialog().getByLabel('Kvinde').fill('9');
    await dialog().getByLabel('Mand').fill('5');
    await dialog().getByRole('button', { name: 'Gem' }).click();
    await dialog()
      .getByText('Fordelt på "Køn" er der talt 14 deltagere, men registreringen har kun 12.')
      .waitFor();
    await dialog().getByLabel('Kvinde').fill('7');
    await dialog().getByRole('button', { name: 'Gem' }).click();
    await dialog().waitFor({ state: 'detached' });
    await page.getByText('1 registrering, 12 deltagere i alt, 0 timer').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'registrations-activity');

    const f = await api<Framework>(`/api/plans/${planId}/results`);
    expect(f.coherence.flagCounts.registrations_overdue).toBe(0);
    const s = f.indicators[0]!.statuses.find((x) => x.period === String(year))!;
    expect(s).toMatchObject({ value: 12, status: 'behind' });
    await page.goto(`${server.url}/plans/${planId}/goals`);
    const card = page.locator('[id^="indicator-"]', { hasText: 'Fremmøde i lektiecaféen' });
    await card.getByText('Bagud').first().waitFor();
    await card.getByText('Værdierne beregnes af registreringerne og kan ikke indtastes.').waitFor();

    // The dashboard on the Overblik tab: the value against its target, as a chart and a table.
    await page.goto(`${server.url}/plans/${planId}`);
    const progress = page.locator('section[aria-labelledby="dashboard-progress"]');
    await progress.getByRole('img', { name: /Fremmøde i lektiecaféen: værdi og måltal/ }).waitFor();
    const row = progress.getByRole('row', { name: new RegExp(`^${year}`) });
    await row.getByText('Bagud').waitFor();
    expect(await row.textContent()).toContain('12');
    await page.locator('section[aria-labelledby="dashboard-registrations"]').getByRole('table').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'registrations-dashboard');
  });

  it('refuses a participant code shaped like a CPR number and keeps what was typed', async () => {
    await page.goto(`${server.url}/plans/${planId}/activities/participants`);
    await page.getByRole('heading', { name: 'Planen har ingen deltagere endnu' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Tilføj deltager' }).click();
    await dialog().getByLabel('Kode').fill('010203-1234');
    await dialog().getByLabel('Fødselsår').fill('2009');
    await dialog().getByRole('button', { name: 'Tilføj tilmelding' }).click();
    await dialog().getByRole('button', { name: 'Gem' }).click();
    await dialog()
      .getByText(/Koden ligner et CPR-nummer/)
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await dialog().getByLabel('Fødselsår').inputValue()).toBe('2009');
    await dialog().getByLabel('Kode').fill('LC-0001');
    await dialog().getByRole('button', { name: 'Gem' }).click();
    await dialog().waitFor({ state: 'detached' });
    await page
      .getByRole('row', { name: /LC-0001/ })
      .getByText(/Lektiecafé: /)
      .waitFor();
    await screenshot(page, 'registrations-participants');
  });

  it('has no violations in English', async () => {
    await page.evaluate(() => localStorage.setItem('pejling.locale', 'en'));
    for (const path of [
      `/plans/${planId}/activities`,
      `/plans/${planId}/activities/${activityId}`,
      `/plans/${planId}/activities/participants`,
    ]) {
      await page.goto(`${server.url}${path}`);
      await page.waitForLoadState('networkidle');
      await page
        .getByRole('heading', { name: /Activities|Lektiecafé|Participants/ })
        .first()
        .waitFor();
      expect(await axeViolations(page), path).toEqual([]);
    }
    await page.evaluate(() => localStorage.setItem('pejling.locale', 'da'));
  });
});
