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
 * A process-evaluation study in the browser: start it, add three cases (one from a cell of the
 * case-selection helper), record a focus group with participants and consent, import a Danish
 * Windows-1252 transcript with a pseudonym list and see the names replaced, add a code and merge
 * it into another. Every new page is checked with axe in Danish and English.
 */
describe.runIf(chromiumAvailable())('evaluation study', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let studyPath = '';

  const dialog = () => page.getByRole('dialog');
  async function settle() {
    await page.waitForLoadState('networkidle');
  }
  async function pick(label: string, option: string | RegExp, scope = dialog()) {
    const box = scope.getByLabel(label, { exact: true });
    await box.click();
    await page.getByRole('option', { name: option }).first().click();
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await (
      await browser.newContext({ locale: 'da-DK', viewport: { width: 1400, height: 900 } })
    ).newPage();
    page.setDefaultTimeout(10_000);
    await login(page, server.url);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('starts a study and adds three cases, one from the case matrix', async () => {
    await page.goto(`${server.url}/`);
    await page
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Evaluering' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Procesevaluering' }).waitFor();
    // The example study is listed, marked as example data.
    await page.getByRole('row', { name: /Eksempelstudie.*Eksempeldata/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Nyt studie' }).click();
    await dialog().getByLabel('Navn').fill('Samarbejde i tre planer');
    await dialog().getByLabel('Evalueringsspørgsmål').fill('Hvordan samarbejder parterne om helhedsplanen?');
    await dialog().getByRole('button', { name: 'Opret' }).click();
    await page.getByRole('heading', { level: 1, name: 'Samarbejde i tre planer' }).waitFor();
    studyPath = new URL(page.url()).pathname;
    await page.getByText('Hvordan samarbejder parterne om helhedsplanen?').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page
      .getByRole('navigation', { name: 'Studiets dele' })
      .getByRole('link', { name: 'Cases' })
      .click();
    await page.getByRole('heading', { name: 'Casevalg i casematrixen' }).waitFor();
    await settle();
    await page.getByRole('button', { name: 'Tilføj plan', exact: true }).click();
    await pick('Helhedsplan', /Vollsmose/);
    await dialog().getByRole('button', { name: 'Tilføj' }).click();
    await page
      .getByRole('row', { name: /Vollsmose/ })
      .first()
      .waitFor();

    await page.getByRole('button', { name: 'Tilføj områdesekretariat' }).click();
    await dialog().getByLabel('Områdesekretariat', { exact: true }).click();
    await page.getByRole('option').first().click();
    await dialog().getByRole('button', { name: 'Tilføj' }).click();
    await expect
      .poll(() => page.getByRole('table', { name: 'Studiets cases' }).locator('tbody tr').count())
      .toBe(2);

    // The helper names the empty cells; a plan is added from one of them.
    const helper = page.getByRole('region', { name: 'Casevalg i casematrixen' });
    const emptyBefore = await helper.getByText(/felter? uden case/).textContent();
    await helper
      .getByRole('button', { name: /^Tilføj plan fra / })
      .first()
      .click();
    await dialog().getByLabel('Plan i feltet', { exact: true }).click();
    await page.getByRole('option').first().click();
    await dialog().getByRole('button', { name: 'Tilføj' }).click();
    await expect
      .poll(() => page.getByRole('table', { name: 'Studiets cases' }).locator('tbody tr').count())
      .toBe(3);
    await expect
      .poll(() => helper.getByText(/felt(er)? uden case|Alle felter/).textContent())
      .not.toBe(emptyBefore);
    await expect
      .poll(() =>
        helper
          .getByRole('table', { name: 'De valgte cases med deres felt i matrixen' })
          .locator('tbody tr')
          .count(),
      )
      .toBe(2);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'evaluation-cases');
  }, 60_000);

  it('records a focus group with participants and consent', async () => {
    await page.goto(`${server.url}${studyPath}/data-collection`);
    await page.getByRole('heading', { level: 2, name: 'Dataindsamling' }).waitFor();
    await settle();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Ny dataindsamling' }).click();
    await dialog().getByLabel('Titel').fill('Fokusgruppe med medarbejdere');
    await pick('Type', 'Fokusgruppe');
    await dialog().getByLabel('Dato').fill('12-03-2026');
    await dialog().getByLabel('Projektleder', { exact: true }).fill('1');
    await dialog().getByLabel('Projektmedarbejdere', { exact: true }).fill('3');
    await dialog().getByLabel('Samtykke registreret').check();
    await dialog().getByRole('button', { name: 'Gem' }).click();
    const row = page.getByRole('row', { name: /Fokusgruppe med medarbejdere/ });
    await row.waitFor();
    expect(await row.textContent()).toMatch(
      /Fokusgruppe.*12-03-2026.*Projektleder: 1, Projektmedarbejdere: 3.*Ja/,
    );
    expect(await axeViolations(page)).toEqual([]);
  }, 30_000);

  it('imports a Windows-1252 transcript with a pseudonym list and shows the names replaced', async () => {
    await page.goto(`${server.url}${studyPath}/sources`);
    await page.getByRole('heading', { name: 'Ingen kilder endnu' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Importér transskription eller dokument' }).click();
    const text = [
      'Interviewer: Hvordan går samarbejdet med kommunen?',
      'Anne Hansen: Det går godt, men Bo Jensen siger, at møderne i Ærø trækker ud.',
      'Bo Jensen: Ja, og Annes kollega har cpr 010203-1234.',
      '',
    ].join('\r\n');
    await dialog()
      .locator('input[type="file"]')
      .setInputFiles({
        name: 'fokusgruppe.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from(text, 'latin1'),
      });
    await pick('Dataindsamling', 'Fokusgruppe med medarbejdere');
    await dialog()
      .getByLabel('Navne og pseudonymer')
      .fill('Anne Hansen = Projektleder A\nAnne = Projektleder A\nBo Jensen = Medarbejder B');
    await dialog()
      .getByLabel(/Gem ikke listen/)
      .check();
    await dialog().getByRole('button', { name: 'Importér' }).click();
    const report = dialog().getByRole('status');
    await report.getByText('3 taleskift fundet').waitFor();
    const shown = (await report.textContent()) ?? '';
    expect(shown).toContain('Talere: Interviewer, Projektleder A, Medarbejder B');
    expect(shown).toContain('CPR-lignende numre erstattet: 1');
    expect(shown).toContain('Tegnsæt: windows-1252');
    expect(shown).not.toContain('Anne Hansen');
    expect(await axeViolations(page)).toEqual([]);
    await dialog().getByRole('button', { name: 'Luk' }).last().click();
    const row = page.getByRole('row', { name: /fokusgruppe/ });
    await row.waitFor();
    expect(await row.getByRole('link').getAttribute('href')).toMatch(/\/sources\/[0-9a-f-]+$/);
    // The stored text has the pseudonyms, never the names.
    const stored = await page.evaluate(
      async (href) => {
        const id = href!.split('/').pop();
        const study = location.pathname.split('/')[3];
        return (await (
          await fetch(`/api/evaluation/studies/${study}/sources/${id}?purpose=review`)
        ).json()) as {
          text: string;
        };
      },
      await row.getByRole('link').getAttribute('href'),
    );
    expect(stored.text).toContain('Projektleder A: Det går godt, men Medarbejder B siger, at møderne i Ærø');
    expect(stored.text).toContain('[CPR-nummer]');
    expect(stored.text).not.toMatch(/Anne|Bo Jensen|010203/);

    // The speakers are linked to participants, and their turns coded to their case and group.
    await row.getByRole('button', { name: /^Talere i / }).click();
    await pick('Respondentgruppe for Projektleder A', 'Projektleder');
    await pick('Case for Projektleder A', /Vollsmose/);
    expect(await axeViolations(page)).toEqual([]);
    await dialog().getByRole('button', { name: 'Gem' }).click();
    await page.getByText('Talerne er gemt. 2 kodninger tilføjet.').waitFor();
  }, 30_000);

  it('adds a code and merges it into another without losing codings', async () => {
    await page.goto(`${server.url}${studyPath}/codebook`);
    await page.getByRole('heading', { level: 2, name: 'Kodebog' }).waitFor();
    await settle();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Ny kode' }).click();
    await dialog().getByLabel('Navn').fill('Mødekultur');
    await dialog().getByLabel('Beskrivelse').fill('Hvordan møderne holdes.');
    await dialog().getByRole('button', { name: 'Gem' }).click();
    const tree = page.getByRole('list', { name: 'Koderne' });
    await tree.getByText('Mødekultur', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Handlinger for Mødekultur' }).click();
    await page.getByRole('menuitem', { name: 'Læg Mødekultur sammen med en anden kode' }).click();
    await pick('Læg sammen med', 'Samarbejdsformer');
    await dialog().getByRole('button', { name: 'Læg sammen' }).click();
    await expect.poll(() => tree.getByText('Mødekultur', { exact: true }).count()).toBe(0);
    await page.getByText('0 kodninger flyttet til Samarbejdsformer').waitFor();
    // Let the notification finish fading in before contrast is measured.
    await page.waitForTimeout(500);
    expect(await axeViolations(page)).toEqual([]);
  }, 30_000);

  it('has no violations in English', async () => {
    await page.evaluate(() => localStorage.setItem('pejling.locale', 'en'));
    const pages: [string, RegExp][] = [
      ['/evaluation', /^Process evaluation$/],
      [studyPath, /^Samarbejde i tre planer$/],
      [`${studyPath}/cases`, /^Cases: /],
      [`${studyPath}/data-collection`, /^Data collection: /],
      [`${studyPath}/sources`, /^Sources: /],
      [`${studyPath}/codebook`, /^Codebook: /],
    ];
    for (const [url, heading] of pages) {
      await page.goto(`${server.url}${url}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await settle();
      expect(await axeViolations(page)).toEqual([]);
    }
    await page.evaluate(() => localStorage.setItem('pejling.locale', 'da'));
  }, 60_000);
});
