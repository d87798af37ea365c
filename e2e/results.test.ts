import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  ARTIFACTS,
  axeViolations,
  chromiumAvailable,
  launchBrowser,
  login,
  screenshot,
  startServer,
  type RunningServer,
} from './harness.js';

interface Framework {
  goals: { id: string; title: string }[];
  coherence: { flags: { kind: string; name: string }[]; flagCounts: Record<string, number> };
}

/**
 * The results framework in the browser: an example plan's coherence on its Overblik tab, a flag
 * followed to the form that fixes it, and a new plan built from nothing: goals, an indicator
 * with a target, a value with its status, and an activity serving a goal.
 */
describe.runIf(chromiumAvailable())('goals, indicators, activities and coherence', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let gappyId: string;
  let emptyId: string;

  const api = <T>(url: string) => page.evaluate(async (u) => (await fetch(u)).json(), url) as Promise<T>;
  const dialog = () => page.getByRole('dialog');

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await (await browser.newContext({ locale: 'da-DK' })).newPage();
    await login(page, server.url);
    const list = await api<{ items: { id: string; name: string }[] }>('/api/plans');
    for (const p of list.items) {
      const f = await api<Framework>(`/api/plans/${p.id}/results`);
      if ((f.coherence.flagCounts.only_activity_goals_measured ?? 0) > 0 && !gappyId) gappyId = p.id;
    }
    emptyId = await page.evaluate(async (id) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const p = (await (await fetch(`/api/plans/${id}`)).json()) as Record<string, unknown> & {
        areas: { id: string }[];
        focusAreas: { id: string }[];
      };
      const res = await fetch('/api/plans', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({
          name: 'Helhedsplan Mål E2E',
          poolId: p.poolId,
          municipalityId: p.municipalityId,
          housingOrganisationId: p.housingOrganisationId,
          areaIds: p.areas.map((a) => a.id),
          focusAreaIds: p.focusAreas.map((f) => f.id),
          purpose: 'Flere unge i uddannelse og job.',
          status: 'active',
          periodStart: '2025-01-01',
          periodEnd: '2028-12-31',
          grants: [],
        }),
      });
      return ((await res.json()) as { id: string }).id;
    }, gappyId);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the coherence summary first on the Overblik tab, with links to fix each gap', async () => {
    expect(gappyId).toBeDefined();
    await page.goto(`${server.url}/plans/${gappyId}`);
    const summary = page.locator('section[aria-labelledby="coherence"]');
    await summary.getByText('Kun aktivitetsmål måles').first().waitFor();
    const first = await page.locator('main section').first().getAttribute('aria-labelledby');
    expect(first).toBe('coherence');
    expect(
      await summary.getByRole('heading', { name: /Aktiviteter, der ikke tjener et mål: 1/ }).count(),
    ).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'results-overview-coherence');
  });

  it('follows a flag to the activity form, links the activity to a goal, and the flag goes', async () => {
    const summary = page.locator('section[aria-labelledby="coherence"]');
    const flagItem = summary.locator('li[data-flag="activity_without_goal"]').getByRole('link').first();
    const activityName = (await flagItem.textContent())!;
    await flagItem.click();
    await dialog().getByRole('heading', { name: 'Rediger aktivitet' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await dialog().getByRole('checkbox').first().check();
    await dialog().getByRole('button', { name: 'Gem' }).click();
    await dialog().waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: new RegExp(activityName) });
    await row.getByRole('link').first().waitFor();
    const f = await api<Framework>(`/api/plans/${gappyId}/results`);
    expect(f.coherence.flagCounts.activity_without_goal).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'results-activities');
    const csv = await page.evaluate(
      async (u) => (await fetch(u)).text(),
      `/api/plans/${gappyId}/activities/export?format=csv`,
    );
    expect(csv).toContain(activityName);
    expect(await page.getByRole('link', { name: 'Eksporter til Excel' }).getAttribute('href')).toContain(
      '/activities/export?format=xlsx',
    );
  });

  it('shows the goal tree and the table of an example plan', async () => {
    await page.goto(`${server.url}/plans/${gappyId}/goals`);
    await page.getByRole('heading', { name: 'Mål', exact: true }).waitFor();
    await page
      .getByText(/^(I mål|Bagud|Foran)$/)
      .first()
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'results-goals-tree');
    await page
      .locator('article[id^="goal-"]')
      .first()
      .screenshot({ path: `${ARTIFACTS}/results-goal-card.png` });
    await page.getByText('Tabel', { exact: true }).click();
    await page.getByRole('table', { name: /Planens mål/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'results-goals-table');
  });

  it('builds a new plan: goals, an indicator with a target, a value with status, and an activity', async () => {
    await page.goto(`${server.url}/plans/${emptyId}/goals`);
    await page.getByRole('heading', { name: 'Planen har ingen mål endnu' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Tilføj mål' }).first().click();
    await dialog().getByLabel('Mål', { exact: true }).fill('Flere i job');
    await dialog().getByRole('button', { name: 'Gem' }).click();
    await dialog().waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Tilføj mål under Flere i job' }).click();
    await dialog().getByLabel('Mål', { exact: true }).fill('Flere unge i uddannelse');
    await dialog().getByRole('button', { name: 'Gem' }).click();
    await dialog().waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Flere unge i uddannelse' }).waitFor();

    await page.getByRole('button', { name: 'Tilføj indikator til Flere unge i uddannelse' }).click();
    await dialog().getByLabel('Navn', { exact: true }).fill('Andel unge i uddannelse');
    await dialog().getByLabel('Type').selectOption('percentage');
    await dialog().getByLabel('Baselineværdi').fill('40');
    await dialog().getByRole('button', { name: 'Tilføj måltal' }).click();
    await dialog().getByLabel('Periode 1', { exact: true }).fill('2025');
    await dialog().getByLabel('Måltal 1', { exact: true }).fill('120');
    await dialog().getByRole('button', { name: 'Gem' }).click();
    await dialog().getByText('En procent skal ligge mellem 0 og 100, ikke 120.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await dialog().getByLabel('Måltal 1', { exact: true }).fill('60');
    await dialog().getByRole('button', { name: 'Tilføj opdeling' }).click();
    await dialog().getByLabel('Nøgle 1', { exact: true }).fill('gender');
    await dialog().getByLabel('Navn 1', { exact: true }).fill('Køn');
    await dialog().getByLabel('Kategorier 1', { exact: true }).fill('kvinde, mand');
    await dialog().getByRole('button', { name: 'Tilføj måltal' }).click();
    await dialog().getByLabel('Periode 2', { exact: true }).fill('2025');
    await dialog().getByLabel('Måltal 2', { exact: true }).fill('65');
    await dialog().getByLabel('Opdeling 2', { exact: true }).selectOption('gender=kvinde');
    expect(await axeViolations(page)).toEqual([]);
    await dialog().getByRole('button', { name: 'Gem' }).click();
    await dialog().waitFor({ state: 'detached' });
    const saved = await api<{ indicators: { targets: unknown[] }[] }>(`/api/plans/${emptyId}/results`);
    expect(saved.indicators[0]!.targets).toEqual([
      { period: '2025', value: 60, breakdown: null },
      { period: '2025', value: 65, breakdown: { gender: 'kvinde' } },
    ]);

    await page.getByRole('button', { name: 'Indtast værdier: Andel unge i uddannelse' }).click();
    await dialog().getByLabel('I alt: Status').selectOption('value');
    await dialog().getByLabel('I alt: Tæller').fill('50');
    await dialog().getByLabel('I alt: Nævner').fill('40');
    await dialog().getByRole('button', { name: 'Gem værdier' }).click();
    await dialog().getByText('Tælleren (50) må ikke være større end nævneren (40).').waitFor();
    await dialog().getByLabel('I alt: Tæller').fill('30');
    await dialog().getByLabel('I alt: Nævner').fill('50');
    await dialog().getByRole('button', { name: 'Gem værdier' }).click();
    await dialog().getByRole('table').getByText('60 % (30/50)').waitFor();
    await dialog().getByRole('button', { name: 'Annuller' }).click();
    const indicator = page.locator('[id^="indicator-"]', { hasText: 'Andel unge i uddannelse' });
    await indicator.getByText('I mål').waitFor();
    await screenshot(page, 'results-new-plan-goals');

    await page.goto(`${server.url}/plans/${emptyId}/activities`);
    await page.getByRole('heading', { name: 'Planen har ingen aktiviteter endnu' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Tilføj aktivitet' }).click();
    await dialog().getByLabel('Navn', { exact: true }).fill('Lektiecafé');
    await dialog().getByLabel('Resultatmål: Flere unge i uddannelse').check();
    await dialog().getByLabel('Start').fill('01-02-2025');
    await dialog().getByLabel('Slut').fill('31-12-2026');
    await dialog().getByRole('button', { name: 'Gem' }).click();
    await dialog().waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: /Lektiecafé/ });
    await row.getByRole('link', { name: 'Flere unge i uddannelse' }).waitFor();

    const f = await api<Framework>(`/api/plans/${emptyId}/results`);
    expect(f.coherence.flags.map((x) => [x.kind, x.name])).toEqual([
      ['goal_without_indicator', 'Flere i job'],
    ]);
  });

  it('has no violations in English', async () => {
    await page.evaluate(() => localStorage.setItem('pejling.locale', 'en'));
    for (const path of [`/plans/${gappyId}`, `/plans/${gappyId}/goals`, `/plans/${gappyId}/activities`]) {
      await page.goto(`${server.url}${path}`);
      await page.waitForLoadState('networkidle');
      await page
        .getByRole('heading', { name: /Coherence|Activities/ })
        .first()
        .waitFor();
      expect(await axeViolations(page), path).toEqual([]);
    }
    await page.evaluate(() => localStorage.setItem('pejling.locale', 'da'));
  });
});
