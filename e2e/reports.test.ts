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
 * A status report in the browser: the project leader writes and submits it, a member of the
 * steering group (the Approver role) approves it, the figures lock, and the PDF opens.
 */
describe.runIf(chromiumAvailable())('status reports', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let planId: string;
  let period: string;
  let title: string;
  const approver = { email: 'formand@pejling.example', password: 'styregruppe-formand-2026' };

  const dialog = () => page.getByRole('dialog');

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await (await browser.newContext({ locale: 'da-DK', acceptDownloads: true })).newPage();
    await login(page, server.url);
    // An example plan with registrations but no example reports.
    [planId, period] = await page.evaluate(async (a) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const plans = (await (await fetch('/api/plans')).json()) as {
        items: { id: string; name: string; periodStart: string | null }[];
      };
      let plan: (typeof plans.items)[number] | undefined;
      for (const p of plans.items) {
        if (!p.periodStart) continue;
        const reports = (await (await fetch(`/api/plans/${p.id}/reports`)).json()) as { items: unknown[] };
        const regs = (await (await fetch(`/api/plans/${p.id}/registrations`)).json()) as { total: number };
        if (reports.items.length === 0 && regs.total > 0) {
          plan = p;
          break;
        }
      }
      await fetch('/api/users', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({
          email: a.email,
          name: 'Formand Frede',
          password: a.password,
          roles: [{ role: 'plan_approver', planId: plan!.id }],
        }),
      });
      return [plan!.id, String(Number(plan!.periodStart!.slice(0, 4)) + 1)] as const;
    }, approver);
    title = `Statusrapport ${period}`;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('is written, submitted, approved by a steering-group member, and its figures lock', async () => {
    await page.goto(`${server.url}/plans/${planId}/reports`);
    await page.getByRole('heading', { name: 'Planen har ingen statusrapporter endnu' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Ny statusrapport' }).click();
    await dialog().getByLabel('Titel').fill(title);
    await dialog().getByLabel('Periode').fill(period);
    await dialog()
      .getByLabel('Sammenfatning')
      .fill('Lektiecaféen kører stabilt med omkring 15 deltagere hver gang.');
    expect(await axeViolations(page)).toEqual([]);
    await dialog().getByRole('button', { name: 'Gem' }).click();
    await page.getByRole('heading', { name: title }).waitFor();
    await page.getByText('Tallene er foreløbige').waitFor();
    await page.getByRole('table', { name: /Indikatorer pr. mål/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Indsend til godkendelse' }).click();
    await page.getByText('Rapporten venter på godkendelse').waitFor();

    // The steering-group member approves.
    await page.getByRole('button', { name: 'Log ud' }).click();
    await login(page, server.url, approver.email, approver.password);
    // The Overblik page says what waits for the approver, and links to it.
    await page.getByText('1 statusrapport at godkende').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('section[aria-labelledby="agenda"]').getByRole('link', { name: title }).click();
    await page.getByRole('button', { name: 'Godkend' }).click();
    await dialog().getByText('Når rapporten godkendes, låses tallene').waitFor();
    await dialog().getByRole('button', { name: 'Godkend' }).click();
    await dialog().waitFor({ state: 'detached' });
    await page
      .getByText(/Godkendt af Formand Frede den/)
      .first()
      .waitFor();
    await page.getByText(/Tallene er låst pr\./).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'reports-approved');

    // The PDF opens: a real PDF comes back.
    const pdf = await page.evaluate(
      async (href) => {
        const res = await fetch(href);
        const bytes = new Uint8Array(await res.arrayBuffer());
        return {
          type: res.headers.get('content-type'),
          head: String.fromCharCode(...bytes.slice(0, 5)),
          size: bytes.length,
        };
      },
      (await page.getByRole('link', { name: 'Hent PDF' }).getAttribute('href'))!,
    );
    expect(pdf).toMatchObject({ type: 'application/pdf', head: '%PDF-' });
    expect(pdf.size).toBeGreaterThan(2000);
  });

  it('has no violations in English', async () => {
    await page.evaluate(() => localStorage.setItem('pejling.locale', 'en'));
    await page.goto(`${server.url}/plans/${planId}/reports`);
    await page.getByRole('heading', { name: 'Status reports' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.evaluate(() => localStorage.setItem('pejling.locale', 'da'));
  });
});
