import fs from 'node:fs';
import JSZip from 'jszip';
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
 * Axe once the "saved" notifications have closed: a notification fading in or out is measured
 * mid-animation, at a contrast it never has when readable.
 */
async function settledAxe(page: Page): Promise<string[]> {
  const notes = page.locator('.mantine-Notification-root');
  for (let waited = 0; waited < 8000 && (await notes.count()) > 0; waited += 250)
    await page.waitForTimeout(250);
  return axeViolations(page);
}

/** Build a steering group and a secretariat, watch the types and reasons change; the typology across plans. */
describe.runIf(chromiumAvailable())('project organisation and typologies', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let planId: string;
  let vollsmoseId: string;
  let secretariatId: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await (await browser.newContext({ locale: 'da-DK', acceptDownloads: true })).newPage();
    await login(page, server.url);
    // A new, empty plan copied from an example plan's registry facts (through the API).
    const ids = await page.evaluate(async () => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const list = (await (await fetch('/api/plans')).json()) as { items: { id: string; name: string }[] };
      const vollsmose = list.items.find((p) => p.name === 'Helhedsplan Vollsmose')!;
      const p = (await (await fetch(`/api/plans/${vollsmose.id}`)).json()) as Record<string, unknown> & {
        areas: { id: string }[];
        focusAreas: { id: string }[];
      };
      // An area secretariat of its own, without the organisation the example secretariats have.
      const secretariat = (await (
        await fetch('/api/area-secretariats', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: JSON.stringify({ name: 'Områdesekretariat E2E', municipalityId: p.municipalityId }),
        })
      ).json()) as { id: string };
      const res = await fetch('/api/plans', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({
          areaSecretariatId: secretariat.id,
          name: 'Helhedsplan Organisering E2E',
          poolId: p.poolId,
          municipalityId: p.municipalityId,
          housingOrganisationId: p.housingOrganisationId,
          areaIds: p.areas.map((a) => a.id),
          focusAreaIds: p.focusAreas.map((f) => f.id),
          status: 'active',
          grants: [],
        }),
      });
      return {
        plan: ((await res.json()) as { id: string }).id,
        vollsmose: vollsmose.id,
        secretariat: secretariat.id,
      };
    });
    secretariatId = ids.secretariat;
    planId = ids.plan;
    vollsmoseId = ids.vollsmose;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const dialog = () => page.getByRole('dialog');
  const typologyCard = (title: string) =>
    page.locator('section#typology, section[aria-labelledby="typology"]').locator('div', {
      has: page.getByRole('heading', { name: title, exact: true }),
    });

  it('shows an empty organisation with what to do first, and "Ikke afgjort"', async () => {
    await page.goto(`${server.url}/plans/${planId}/organisation`);
    await page.getByRole('heading', { name: 'Ingen fora endnu' }).waitFor();
    expect(await page.getByText('Ikke afgjort').count()).toBeGreaterThanOrEqual(3);
    expect(await settledAxe(page)).toEqual([]);
  });

  it('builds a steering group and a one-person secretariat, and the types follow', async () => {
    await page.getByRole('button', { name: 'Tilføj forum' }).click();
    await dialog().getByLabel('Navn', { exact: true }).fill('Styregruppen');
    expect(await settledAxe(page)).toEqual([]);
    await dialog().getByRole('button', { name: 'Gem' }).click();
    await page.getByRole('heading', { name: 'Styregruppen', exact: true }).waitFor();

    const people: [string, boolean][] = [
      ['Direktør, kommunen', false],
      ['Direktør, boligorganisationen', false],
      ['Projektleder', true],
    ];
    for (const [name, staff] of people) {
      await page.getByRole('button', { name: 'Tilføj person' }).click();
      await dialog().getByLabel('Navn', { exact: true }).fill(name);
      if (staff) {
        await dialog().getByLabel('Medarbejder i projektsekretariatet').check();
        await dialog().getByLabel('Ansat af').selectOption({ label: 'Boligorganisationen' });
        await dialog().getByLabel('Timer om ugen').fill('37');
        await dialog().getByLabel('Opgave').selectOption({ label: 'Koordinerer' });
      }
      await dialog().getByRole('button', { name: 'Gem' }).click();
      await dialog().waitFor({ state: 'detached' });
    }
    await expect
      .poll(() => page.locator('section[aria-labelledby="typology"]').innerText())
      .toContain('En-mands-projektsekretariat');

    const seats: [string, string][] = [
      ['Direktør, kommunen', 'Kommunen'],
      ['Direktør, boligorganisationen', 'Boligorganisationen'],
    ];
    for (const [name, side] of seats) {
      await page.getByRole('button', { name: 'Tilføj plads i Styregruppen' }).click();
      await dialog().getByLabel('Person').selectOption({ label: name });
      await dialog().getByLabel('Repræsenterer').selectOption({ label: 'Øverste administrative ledelse' });
      await dialog().getByLabel('Fra').selectOption({ label: side });
      await dialog().getByRole('button', { name: 'Gem' }).click();
      await dialog().waitFor({ state: 'detached' });
    }
    const typology = page.locator('section[aria-labelledby="typology"]');
    await expect
      .poll(() => typology.innerText())
      .toContain('Centralt forankret professionel projektorganisering');
    expect(await typology.innerText()).toContain('2 af 2 medlemmer af styregruppen');
    expect(await typologyCard('Projektsekretariat').count()).toBeGreaterThan(0);

    // The same person twice in one forum: refused, with what to do.
    await page.getByRole('button', { name: 'Tilføj plads i Styregruppen' }).click();
    await dialog().getByLabel('Person').selectOption({ label: 'Direktør, kommunen' });
    await dialog().getByRole('button', { name: 'Gem' }).click();
    await dialog().getByText('Direktør, kommunen sidder allerede i Styregruppen').first().waitFor();
    await dialog().getByRole('button', { name: 'Annuller' }).click();

    // The chart and its list
    const chart = page.getByRole('img', { name: /Organisationsdiagram for Helhedsplan Organisering E2E/ });
    expect(await chart.count()).toBe(1);
    expect(await settledAxe(page)).toEqual([]);
    await screenshot(page, 'organisation-journey');
  });

  it('exports the chart as SVG and PNG', async () => {
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Hent SVG' }).click(),
    ]);
    expect(svg.suggestedFilename()).toMatch(/\.svg$/);
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Hent PNG' }).click(),
    ]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    const pngBytes = fs.readFileSync((await png.path())!);
    expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
  });

  it("generates the steering group's kommissorium as a Word document and opens it", async () => {
    const [doc] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Kommissorium (Word) (Styregruppen)' }).click(),
    ]);
    expect(doc.suggestedFilename()).toBe('kommissorium-styregruppen.docx');
    const zip = await JSZip.loadAsync(fs.readFileSync((await doc.path())!));
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, ' ');
    expect(text).toContain('Kommissorium for Styregruppen');
    expect(text).toContain('Direktør, boligorganisationen');
    expect(text).toContain('Øverste administrative ledelse fra boligorganisationen');
  });

  it('records a collaboration agreement and flags unclear responsibility', async () => {
    await page.getByRole('link', { name: 'Samarbejdsaftale og ansvarsmatrix' }).click();
    await page.getByRole('heading', { name: 'Samarbejdsaftale', level: 2 }).waitFor();
    expect(await settledAxe(page)).toEqual([]);
    const parties: [string, string, string][] = [
      ['Odense Kommune', 'Kommune', 'Chef for Børn og Unge'],
      ['Boligselskabet', 'Boligorganisation', ''],
    ];
    for (const [i, [name, kind, contact]] of parties.entries()) {
      await page.getByRole('button', { name: 'Tilføj part' }).click();
      const group = page.getByRole('group', { name: `Part ${i + 1}` });
      await group.getByLabel('Part', { exact: true }).fill(name);
      await group.getByLabel('Slags').selectOption({ label: kind });
      await group.getByLabel('Kontaktperson').fill(contact);
    }
    const cells = page.locator('section[aria-labelledby="agreement-matrix"] select');
    const n = await cells.count();
    expect(n).toBeGreaterThanOrEqual(4);
    // Both parties responsible for the first focus area; the municipality for the rest.
    await cells.nth(0).selectOption({ label: 'Ansvarlig' });
    await cells.nth(1).selectOption({ label: 'Ansvarlig' });
    for (let i = 2; i < n; i += 2) await cells.nth(i).selectOption({ label: 'Ansvarlig' });
    await page
      .getByRole('button', { name: /^Tilføj forpligtelse/ })
      .first()
      .click();
    const commitments = page.locator('section[aria-labelledby="agreement-commitments"]');
    await commitments.getByLabel('Part', { exact: true }).selectOption({ label: 'Boligselskabet' });
    await commitments.getByLabel('Forpligtelse', { exact: true }).fill('Stiller lokaler til lektiecafé');
    await page.getByRole('button', { name: 'Tilføj kommunalt tilbud' }).click();
    const service = page.getByRole('group', { name: 'Kommunalt tilbud 1' });
    await service
      .getByLabel('Tilbud', { exact: true })
      .selectOption({ label: 'Nyt tilbud i kommunens katalog …' });
    await service.getByLabel('Tilbuddets navn').fill('Familiehuset');
    await service.getByLabel('Forvaltning').fill('Børn og Unge');
    await page.getByRole('button', { name: 'Gem aftale' }).click();
    const flags = page.locator('section[aria-labelledby="agreement-flags"]');
    await expect.poll(() => flags.innerText()).toContain('2 parter er ansvarlige for');
    expect(await flags.innerText()).toContain('Boligselskabet har 1 forpligtelse, men ingen kontaktperson');
    const services = page.locator('section[aria-labelledby="agreement-services"] table');
    expect(await services.innerText()).toContain('Familiehuset, Børn og Unge');
    // Let the "saved" notification finish fading in: axe measures contrast mid-animation otherwise.
    await page.getByText('Samarbejdsaftalen er gemt.').waitFor();
    await page.waitForTimeout(500);
    expect(await settledAxe(page)).toEqual([]);
    await screenshot(page, 'organisation-agreement');
  });

  it("records an area secretariat's organisation and shows which plans sit in its steering group", async () => {
    await page.goto(`${server.url}/secretariats/${secretariatId}`);
    await page.getByRole('heading', { name: 'Sekretariatets organisering' }).waitFor();
    expect(await page.locator('main').innerText()).toContain('ingen registreret styregruppe');
    await page.getByRole('button', { name: 'Rediger organiseringen' }).click();
    await page.getByRole('button', { name: 'Tilføj funktion' }).click();
    const fn = page.getByRole('group', { name: 'Funktion 1' });
    await fn.getByLabel('Hvem udfører den').fill('Koordinator');
    await page.getByRole('button', { name: 'Tilføj forum' }).click();
    await page.getByRole('group', { name: 'Forum 1' }).getByLabel('Navn').fill('Styregruppen');
    await page.getByRole('button', { name: 'Tilføj medlem' }).click();
    const member = page.getByRole('group', { name: 'Medlem 1' });
    await member.getByLabel('Navn').fill('Formand, afdelingsbestyrelsen');
    const planSelect = member.getByLabel('Helhedsplan');
    const firstPlan = await planSelect.locator('option').nth(1).textContent();
    await planSelect.selectOption({ index: 1 });
    // The member may be one of the plan's people: the name then comes from the person record.
    const personSelect = member.getByLabel('Person i planens organisering');
    await expect.poll(() => personSelect.locator('option').count()).toBeGreaterThan(1);
    const label = (await personSelect.locator('option').nth(1).textContent())!;
    await personSelect.selectOption({ index: 1 });
    // The option reads "name, organisation".
    const person = await member.getByLabel('Navn').inputValue();
    expect(person).not.toBe('Formand, afdelingsbestyrelsen');
    expect(label.startsWith(person)).toBe(true);
    expect(await member.getByLabel('Navn').isDisabled()).toBe(true);
    expect(await settledAxe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Gem organiseringen' }).click();
    const steering = page.locator('section[aria-labelledby="secretariat-steering"]');
    await expect.poll(() => steering.innerText()).toMatch(/^[\s\S]*1 af \d+ helhedsplaner/);
    expect(await steering.innerText()).toContain(firstPlan!);
    expect(await steering.innerText()).toContain(person);
    expect(await page.locator('main').innerText()).toContain('Koordinering');
    await page.getByText('Sekretariatets organisering er gemt.').waitFor();
    await page.waitForTimeout(500);
    expect(await settledAxe(page)).toEqual([]);
    await screenshot(page, 'organisation-secretariat');
  });

  it('shows an example plan with its chart and list', async () => {
    await page.goto(`${server.url}/plans/${vollsmoseId}/organisation`);
    await page.getByRole('heading', { name: 'Organisationsdiagram' }).waitFor();
    expect(await page.locator('main').innerText()).toContain('Stort boligorganisatorisk projektteam');
    expect(await settledAxe(page)).toEqual([]);
    await screenshot(page, 'organisation-example');
  });

  it("shows an example plan's activities as rows of the responsibility matrix", async () => {
    const id = await page.evaluate(async () => {
      const list = (await (await fetch('/api/plans')).json()) as { items: { id: string; name: string }[] };
      return list.items.find((p) => p.name === 'Helhedsplan Aalborg Øst')!.id;
    });
    await page.goto(`${server.url}/plans/${id}/organisation/agreement`);
    await page.getByRole('button', { name: 'Tilføj part' }).click();
    await page
      .getByRole('group', { name: 'Part 1' })
      .getByLabel('Part', { exact: true })
      .fill('Aalborg Kommune');
    const matrix = page.locator('section[aria-labelledby="agreement-matrix"]');
    await expect.poll(() => matrix.innerText()).toContain('Aktivitet: ');
    expect(await settledAxe(page)).toEqual([]);
    await screenshot(page, 'organisation-agreement-activities');
  });

  it('lists the types across plans with each plan’s reasons one click away', async () => {
    await page.goto(`${server.url}/portfolio/typology`);
    await page.getByRole('heading', { name: 'Typologier', level: 1 }).waitFor();
    const counts = page.locator('section[aria-labelledby="counts"]');
    expect(await counts.innerText()).toContain('Centralt forankret professionel projektorganisering');
    const button = page.getByRole('button', { name: /begrundelser \(Helhedsplan Aalborg Øst\)/ });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await button.click();
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('main').innerText()).toContain('styregruppen');
    expect(await settledAxe(page)).toEqual([]);
    await screenshot(page, 'organisation-portfolio');
  });
});
