import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  axeViolations,
  chromiumAvailable,
  launchBrowser,
  login,
  startServer,
  type RunningServer,
} from './harness.js';

/**
 * The implementation markers in the browser: an administrator opens an example plan's
 * Pejlemærker tab, creates a questionnaire with links, the links are answered in a browser with
 * no login, a used link is refused, and the questionnaire's level changes on the tab and in the
 * portfolio. Every new page is checked with axe in Danish and English.
 */
describe.runIf(chromiumAvailable())('implementation markers', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let planId: string;
  let planName: string;
  let links: string[] = [];

  const questionnaireCell = (key: string) => page.locator(`[data-testid="questionnaire-${key}"]`);

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await (
      await browser.newContext({ locale: 'da-DK', viewport: { width: 1300, height: 900 } })
    ).newPage();
    await login(page, server.url);
    // The first example plan by name; it has an example questionnaire for its last year.
    ({ id: planId, name: planName } = await page.evaluate(async () => {
      const plans = (await (await fetch('/api/plans')).json()) as { items: { id: string; name: string }[] };
      return [...plans.items].sort((a, b) => a.name.localeCompare(b.name, 'da'))[0]!;
    }));
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the five markers and makes a questionnaire with links shown once', async () => {
    await page.goto(`${server.url}/plans/${planId}`);
    await page.getByRole('tab', { name: 'Pejlemærker' }).click();
    await page.waitForURL(/\/markers/);
    await page.getByRole('heading', { level: 2, name: /^Pejlemærker \d{4}$/ }).waitFor();
    expect(await page.locator('article[data-marker]').count()).toBe(5);
    // The example questionnaire: three groups shown, the resident board has too few answers.
    await page.getByText('For få svar (2 af mindst 5)').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Nyt spørgeskema' }).click();
    const form = page.getByRole('dialog', { name: 'Nyt spørgeskema' });
    await form.getByLabel('Mindst antal svar pr. gruppe').fill('2');
    await form.getByLabel('Projektmedarbejdere').fill('3');
    await form.getByRole('button', { name: 'Opret og lav links' }).click();
    const shown = page.getByRole('dialog', { name: /^Links til Pejlemærker/ });
    await shown.getByText('Linkene vises kun nu og kan ikke vises igen', { exact: false }).waitFor();
    links = await shown.locator('[data-link]').allTextContents();
    expect(links).toHaveLength(3);
    expect(links[0]).toMatch(/\/questionnaire\/[A-Za-z0-9_-]{43}$/);
    expect(await axeViolations(page)).toEqual([]);
    await shown.getByRole('button', { name: 'Jeg har kopieret linkene' }).click();
    await shown.waitFor({ state: 'detached' });

    // The new questionnaire is the year's latest: no group has answered enough yet.
    await expect.poll(() => questionnaireCell('management').textContent()).toContain('Ingen data');
  }, 60_000);

  it('answers the questionnaire without a login, and refuses a second answer from the same link', async () => {
    const guest = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const first = await guest.newPage();
    await first.goto(links[0]!);
    await first.getByRole('heading', { level: 1, name: 'Spørgeskema om helhedsplanen' }).waitFor();
    expect(await first.getByRole('group').count()).toBe(10);
    expect(await axeViolations(first)).toEqual([]);
    // Sending with nothing chosen says what is missing; nothing is stored.
    await first.getByRole('button', { name: 'Send svar' }).click();
    await first.getByText('Svar på alle udsagn: 10 mangler.').waitFor();
    expect(await axeViolations(first)).toEqual([]);

    // The same link open twice: answered in one tab, refused in the other.
    const second = await guest.newPage();
    await second.goto(links[0]!);
    await second.getByRole('button', { name: 'Send svar' }).waitFor();

    // A page in the background draws slowly; the one answered comes to the front.
    await first.bringToFront();
    for (const radio of await first.locator('input[type="radio"][value="5"]').all()) await radio.check();
    await first.getByRole('button', { name: 'Send svar' }).click();
    await first.getByRole('heading', { name: 'Tak for dit svar' }).waitFor();

    await second.bringToFront();
    for (const radio of await second.locator('input[type="radio"][value="4"]').all()) await radio.check();
    await second.getByRole('button', { name: 'Send svar' }).click();
    await second.getByRole('heading', { name: 'Spørgeskemaet er allerede besvaret' }).waitFor();
    // Opening the used link again says so at once, and the API refuses with a clear message.
    await second.reload();
    await second.getByRole('heading', { name: 'Spørgeskemaet er allerede besvaret' }).waitFor();
    const token = links[0]!.split('/').pop()!;
    const refused = await second.evaluate(async (tk) => {
      const scores = Object.fromEntries(
        [
          'm1_priority',
          'm1_backing',
          'm2_goals',
          'm2_role',
          'm3_documentation',
          'm3_follow_up',
          'm4_responsibility',
          'm4_collaboration',
          'm5_acceptance',
          'm5_fit',
        ].map((k) => [k, 6]),
      );
      const res = await fetch(`/api/questionnaire/${tk}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': 'da' },
        body: JSON.stringify({ scores }),
      });
      return { status: res.status, body: (await res.json()) as { error: { code: string } } };
    }, token);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('validation_failed');

    // In English, the second link is answered.
    const other = await guest.newPage();
    await other.goto(links[1]!);
    await other.getByRole('button', { name: 'English' }).click();
    await other.getByRole('heading', { level: 1, name: 'Questionnaire about the master plan' }).waitFor();
    expect(await axeViolations(other)).toEqual([]);
    for (const radio of await other.locator('input[type="radio"][value="5"]').all()) await radio.check();
    await other.getByRole('button', { name: 'Send answers' }).click();
    await other.getByRole('heading', { name: 'Thank you for your answer' }).waitFor();
    // A link that does not exist says so.
    await other.goto(`${server.url}/questionnaire/${'x'.repeat(43)}`);
    await other.getByRole('heading', { name: 'The link does not exist' }).waitFor();
    await guest.close();
  }, 60_000);

  it('shows the answers on the tab and across plans, in Danish and English', async () => {
    await page.reload();
    await expect.poll(() => questionnaireCell('management').textContent()).toContain('Stærk');
    expect(await questionnaireCell('management').textContent()).toContain('Gennemsnit 5 af 5');
    const staff = page
      .getByRole('table', { name: /gennemsnit pr. interessentgruppe/ })
      .locator('tr[data-group="project_staff"]');
    expect(await staff.textContent()).toContain('2 af 3');

    // Closed after a confirmation, the questionnaire refuses the link still unused.
    const surveys = page.getByRole('region', { name: 'Spørgeskemaer' });
    await surveys.getByRole('button', { name: 'Luk spørgeskemaet' }).click();
    await page
      .getByRole('dialog', { name: /^Luk Pejlemærker/ })
      .getByRole('button', { name: 'Ja, luk' })
      .click();
    await surveys.getByText('Lukket').first().waitFor();
    const guest = await browser.newContext();
    const third = await guest.newPage();
    await third.goto(links[2]!);
    await third.getByRole('heading', { name: 'Spørgeskemaet er lukket' }).waitFor();
    await guest.close();

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 2, name: /^Markers \d{4}$/ }).waitFor();
    expect(await questionnaireCell('management').textContent()).toContain('Strong');
    expect(await axeViolations(page)).toEqual([]);

    const year = (await page
      .getByRole('heading', { level: 2, name: /^Markers \d{4}$/ })
      .textContent())!.slice(-4);
    // Filtered to the plan by the portfolio's search, as the other portfolio views are.
    await page.goto(
      `${server.url}/portfolio/markers?period=${year}&q=${encodeURIComponent(planName.split(' ').pop()!)}`,
    );
    await page.getByRole('heading', { level: 1, name: 'Implementation markers' }).waitFor();
    const row = page.locator(`tr[data-plan="${planId}"]`);
    await expect.poll(() => page.locator('tr[data-plan]').count()).toBe(1);
    await expect.poll(() => row.textContent()).toContain('Strong');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Dansk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pejlemærker' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);
});
