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

/** Axe once the "saved" notifications have closed (one fading is measured mid-animation). */
async function settledAxe(page: Page): Promise<string[]> {
  const notes = page.locator('.mantine-Notification-root');
  for (let waited = 0; waited < 8000 && (await notes.count()) > 0; waited += 250)
    await page.waitForTimeout(250);
  return axeViolations(page);
}

/** Administration › Kommunale tilbud: list, add, edit and delete catalogue entries. */
describe.runIf(chromiumAvailable())('the catalogue of municipal services', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await (await browser.newContext({ locale: 'da-DK' })).newPage();
    await login(page, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const dialog = () => page.getByRole('dialog');

  it('lists the example entries with the plans whose agreements link them', async () => {
    await page.goto(`${server.url}/admin/municipal-services`);
    await page.getByRole('heading', { level: 1, name: 'Kommunale tilbud' }).waitFor();
    const row = page.getByRole('row', { name: /Familiehuset.*Odense Kommune/ });
    await row.waitFor();
    expect(await row.getByText('Eksempeldata').count()).toBe(1);
    expect(await row.getByRole('link', { name: 'Helhedsplan Vollsmose' }).count()).toBe(1);
    expect(await settledAxe(page)).toEqual([]);
  });

  it('adds an entry and edits it, with axe on the form', async () => {
    await page.getByRole('button', { name: 'Opret tilbud' }).click();
    await dialog().waitFor();
    await dialog().getByRole('combobox', { name: 'Kommune' }).selectOption({ label: 'Odense Kommune' });
    await dialog().getByRole('textbox', { name: 'Tilbud' }).fill('Biblioteket i Vollsmose');
    await dialog().getByRole('textbox', { name: 'Forvaltning' }).fill('Kultur og Fritid');
    expect(await axeViolations(page)).toEqual([]);
    await dialog().getByRole('button', { name: 'Gem' }).click();
    await dialog().waitFor({ state: 'hidden' });
    const row = page.getByRole('row', { name: /Biblioteket i Vollsmose/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Kultur og Fritid');

    await page.getByRole('button', { name: 'Rediger Biblioteket i Vollsmose (Odense Kommune)' }).click();
    await dialog().waitFor();
    await dialog().getByRole('textbox', { name: 'Målgruppe' }).fill('Skolebørn og forældre');
    await dialog().getByRole('button', { name: 'Gem' }).click();
    await dialog().waitFor({ state: 'hidden' });
    await page.getByRole('row', { name: /Skolebørn og forældre/ }).waitFor();
    expect(await settledAxe(page)).toEqual([]);
  });

  it('refuses to delete an entry an agreement links, saying which plans, and deletes one that is unused', async () => {
    await page.getByRole('button', { name: 'Slet Familiehuset (Odense Kommune)' }).click();
    await dialog().getByRole('button', { name: 'Ja, slet' }).click();
    const alert = dialog().getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(
      'Tilbuddet kan ikke slettes, fordi det indgår i samarbejdsaftalen for Helhedsplan Vollsmose.',
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'municipal-service-in-use');
    await dialog().getByRole('button', { name: 'Annuller' }).click();
    await dialog().waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'Slet Biblioteket i Vollsmose (Odense Kommune)' }).click();
    await dialog().getByRole('button', { name: 'Ja, slet' }).click();
    await dialog().waitFor({ state: 'hidden' });
    await page.getByRole('row', { name: /Biblioteket i Vollsmose/ }).waitFor({ state: 'detached' });
  });

  it("is one click from a plan's agreement, filtered to the plan's municipality", async () => {
    const list = (await page.evaluate(async () => (await fetch('/api/plans?q=Vollsmose')).json())) as {
      items: { id: string; name: string }[];
    };
    const vollsmose = list.items.find((p) => p.name === 'Helhedsplan Vollsmose')!;
    await page.goto(`${server.url}/plans/${vollsmose.id}/organisation/agreement`);
    await page.getByRole('link', { name: 'Rediger kataloget over tilbud i Odense Kommune' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kommunale tilbud' }).waitFor();
    await page.getByRole('row', { name: /Familiehuset.*Odense Kommune/ }).waitFor();
    expect(await page.getByRole('row', { name: /Aarhus Kommune/ }).count()).toBe(0);
  });
});
