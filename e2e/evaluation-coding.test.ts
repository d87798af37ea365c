import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
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
 * Coding a Danish transcript in the browser: two passages by mouse and one by keyboard, seen in
 * the margin and in the case × code matrix; a framework-matrix cell written; the study exported
 * as .qdpx. Every new page is checked with axe in Danish and English.
 */
const TRANSCRIPT = [
  'Interviewer: Hvordan fungerer samarbejdet i boligområdet?',
  'Søren Ærø: Styregruppen mødes hver måned 😀 og det giver en god rytme. Beboerne på Åbjergvej føler sig hørt.',
  'Interviewer: Hvad er svært?',
  'Søren Ærø: Rollefordelingen mellem kommunen og boligorganisationen er uklar. Økonomien er også usikker.',
  '',
].join('\n');

describe.runIf(chromiumAvailable())('evaluation coding', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let ids: { studyId: string; caseId: string; sourceId: string; steering: string };

  const settle = async () => {
    await page.waitForLoadState('networkidle');
    await page
      .waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, { timeout: 5_000 })
      .catch(() => {});
  };
  const base = () => `${server.url}/evaluation/studies/${ids.studyId}`;

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
    ids = await page.evaluate(async (text) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const send = async (url: string, body: unknown) => {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: JSON.stringify(body),
        });
        if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
        return (await res.json()) as { id: string };
      };
      const study = await send('/api/evaluation/studies', { name: 'Procesevaluering Åparken' });
      const s = `/api/evaluation/studies/${study.id}`;
      const c = await send(`${s}/cases`, { name: 'Åparken' });
      const bytes = new TextEncoder().encode(text);
      const source = await send(`${s}/sources`, {
        caseId: c.id,
        name: 'Interview med projektlederen',
        filename: 'interview.txt',
        contentBase64: btoa(String.fromCharCode(...bytes)),
      });
      const codes = (await (await fetch(`${s}/codes`)).json()) as { items: { id: string; role: string }[] };
      return {
        studyId: study.id,
        caseId: c.id,
        sourceId: source.id,
        steering: codes.items.find((x) => x.role === 'theme:steering')!.id,
      };
    }, TRANSCRIPT);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Drags the mouse over `needle` in the transcript, from its first to its last character. */
  async function dragOver(needle: string) {
    const box = await page.evaluate((n) => {
      const root = document.querySelector('[data-testid="transcript"]')!;
      for (const line of root.querySelectorAll<HTMLElement>('[data-line-start]')) {
        const at = (line.textContent ?? '').indexOf(n);
        if (at < 0) continue;
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        const nodes: { node: Text; from: number }[] = [];
        let from = 0;
        for (let x = walker.nextNode(); x; x = walker.nextNode()) {
          nodes.push({ node: x as Text, from });
          from += (x as Text).length;
        }
        const place = (i: number) => {
          const hit = [...nodes].reverse().find((k) => k.from <= i)!;
          return { node: hit.node, offset: i - hit.from };
        };
        const rectOf = (i: number, len: number) => {
          const a = place(i);
          const r = document.createRange();
          r.setStart(a.node, a.offset);
          r.setEnd(a.node, a.offset + len);
          return r.getBoundingClientRect();
        };
        const first = rectOf(at, 1);
        const last = rectOf(at + n.length - 1, 1);
        return {
          x1: first.left + 1,
          y1: first.top + first.height / 2,
          x2: last.right - 1,
          y2: last.top + last.height / 2,
        };
      }
      throw new Error(`not in view: ${n}`);
    }, needle);
    await page.mouse.move(box.x1, box.y1);
    await page.mouse.down();
    await page.mouse.move(box.x2, box.y2, { steps: 6 });
    await page.mouse.up();
  }

  async function tick(code: string) {
    await page.getByRole('textbox', { name: 'Find kode' }).fill(code);
    await page.getByRole('checkbox', { name: code, exact: true }).first().check();
  }

  const margin = () => page.locator('[data-testid="transcript"] [data-coding]').allTextContents();

  it('codes two passages by mouse and one by keyboard, and shows them in the margin', async () => {
    await page.goto(`${base()}/sources/${ids.sourceId}`);
    await page.getByRole('heading', { level: 1, name: 'Interview med projektlederen' }).waitFor();
    await settle();

    // 1. By mouse, with two codes; the passage holds an emoji, so code points and UTF-16 differ.
    await dragOver('Styregruppen mødes hver måned 😀');
    await expect
      .poll(() => page.getByTestId('passage').textContent())
      .toBe('Styregruppen mødes hver måned 😀');
    await tick('Styring');
    await tick('Drivkraft');
    await page.getByRole('button', { name: 'Kod passagen' }).click();
    await page.getByText('Passagen er kodet med 2 koder.').first().waitFor();

    // 2. By mouse, after the emoji on the same line.
    await dragOver('Beboerne på Åbjergvej føler sig hørt');
    await expect
      .poll(() => page.getByTestId('passage').textContent())
      .toBe('Beboerne på Åbjergvej føler sig hørt');
    await tick('Samarbejdsformer');
    await page.getByRole('button', { name: 'Kod passagen' }).click();
    await page.getByText('Passagen er kodet med 1 kode.').first().waitFor();

    // 3. By keyboard: into the text, six sentences down, Enter to the codes, tick, code.
    await page.getByRole('application', { name: /^Transskription/ }).focus();
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByTestId('passage').textContent()).toBe('Økonomien er også usikker.');
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Passage, sætning 6' }).count())
      .toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
    await page.keyboard.type('Barriere');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect
      .poll(() => page.getByRole('checkbox', { name: 'Barriere', exact: true }).isChecked())
      .toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    await expect
      .poll(async () => (await margin()).sort())
      .toEqual(['Barriere', 'Drivkraft', 'Samarbejdsformer', 'Styring'].sort());
    // The server has exactly the chosen text, æ, ø, å and the emoji included.
    const texts = await page.evaluate(
      async (u) =>
        ((await (await fetch(u)).json()) as { items: { text: string }[] }).items.map((c) => c.text),
      `/api/evaluation/studies/${ids.studyId}/codings?sourceId=${ids.sourceId}`,
    );
    expect(texts.sort()).toEqual(
      [
        'Styregruppen mødes hver måned 😀',
        'Styregruppen mødes hver måned 😀',
        'Beboerne på Åbjergvej føler sig hørt',
        'Økonomien er også usikker.',
      ].sort(),
    );
    // A bar in the margin selects its coding.
    await page.locator('[data-testid="transcript"] [data-coding]', { hasText: 'Barriere' }).click();
    await page.getByRole('heading', { name: 'Valgt kodning' }).waitFor();
    // A memo on the selected segment.
    await page.getByRole('tab', { name: 'Den valgte kodning' }).click();
    await page.getByRole('textbox', { name: 'Titel' }).fill('Økonomi som barriere');
    await page.getByRole('textbox', { name: 'Notat' }).fill('Nævnes af flere på Åbjergvej.');
    await page.getByRole('button', { name: 'Tilføj notat' }).click();
    await page.getByRole('heading', { name: 'Økonomi som barriere' }).waitFor();
    await screenshot(page, 'evaluation-coding');
  }, 60_000);

  it('shows the codings in the case × code matrix with the text behind a cell', async () => {
    await page.goto(`${base()}/analysis`);
    await page.getByRole('heading', { level: 1, name: 'Case × kode' }).waitFor();
    await settle();
    const cell = page.getByRole('button', { name: '1 kodning: Åparken, Styring' });
    await cell.click();
    await page.getByTestId('coded-text').getByText('Styregruppen mødes hver måned 😀').waitFor();
    // From the cell back to the text, at the coding.
    await page.getByTestId('coded-text').getByRole('link', { name: 'Vis i teksten' }).click();
    await page.getByRole('heading', { name: 'Valgt kodning' }).waitFor();
    expect(await page.locator('[data-coding][aria-pressed="true"]').textContent()).toBe('Styring');
  }, 30_000);

  it('writes a framework-matrix cell with a supporting quote', async () => {
    await page.goto(`${base()}/analysis/framework`);
    await page.getByRole('heading', { level: 1, name: 'Framework-matrix' }).waitFor();
    await page.getByRole('button', { name: 'Skriv resumé: Åparken, Styring' }).click();
    await page.getByRole('textbox', { name: 'Resumé' }).fill('Styregruppen mødes fast; det skaber rytme.');
    await page
      .getByRole('checkbox', { name: /Styregruppen mødes hver måned/ })
      .first()
      .check();
    await page.getByRole('button', { name: 'Gem resumé' }).click();
    await page.getByTestId('framework').getByText('Styregruppen mødes fast; det skaber rytme.').waitFor();
    await page.getByTestId('framework').getByText('1 citat').waitFor();
  }, 30_000);

  it('shows agreement per code for a transcript and two coders', async () => {
    await page.goto(`${base()}/agreement`);
    await page.getByRole('heading', { level: 1, name: 'Interkoder-enighed' }).waitFor();
    const choose = async (label: string, option: string) => {
      await page.getByLabel(label, { exact: true }).first().click();
      await page.getByRole('option', { name: option }).first().click();
    };
    await choose('Transskription', 'Interview med projektlederen');
    await choose('Koder A', 'E2E Administrator');
    await choose('Koder B', 'E2E Administrator');
    const table = page.getByTestId('agreement');
    await table.getByRole('rowheader', { name: 'Barriere' }).waitFor();
    expect(await table.getByRole('row', { name: /Barriere/ }).textContent()).toMatch(/100(,0)? %/);
    await page.getByText('Koderne er enige om hele teksten.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  }, 30_000);

  it('exports the study as .qdpx', async () => {
    await page.goto(`${base()}/analysis/framework`);
    await page.getByRole('heading', { level: 1, name: 'Framework-matrix' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Eksporter projekt (.qdpx)' }).click(),
    ]);
    const file = path.join(server.dir, download.suggestedFilename() || 'study.qdpx');
    await download.saveAs(file);
    const entries = unzipSync(new Uint8Array(fs.readFileSync(file)));
    expect(Object.keys(entries)).toContain('project.qde');
    expect(new TextDecoder().decode(entries['project.qde'])).toContain('Styregruppen mødes hver måned 😀');
  }, 30_000);

  it('opens a 250,000-character transcript with only the lines in view in the page', async () => {
    const sourceId = await page.evaluate(async (s) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      let text = '';
      for (let i = 1; text.length < 250_000; i++)
        text += `${i % 2 ? 'Interviewer' : 'Søren Ærø'}: Afsnit ${i}. Styregruppen på Ærø 😀 mødes hver måned, og økonomien er usikker.\n`;
      const bytes = new TextEncoder().encode(text);
      let bin = '';
      for (let k = 0; k < bytes.length; k += 8192) bin += String.fromCharCode(...bytes.subarray(k, k + 8192));
      const res = await fetch(`/api/evaluation/studies/${s}/sources`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ name: 'Langt interview', filename: 'langt.txt', contentBase64: btoa(bin) }),
      });
      return ((await res.json()) as { id: string }).id;
    }, ids.studyId);
    const started = Date.now();
    await page.goto(`${base()}/sources/${sourceId}`);
    await page.getByRole('heading', { level: 1, name: 'Langt interview' }).waitFor();
    await page.locator('[data-line-start]').first().waitFor();
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await page.locator('[data-line-start]').count()).toBeLessThan(80);
    // End takes the keyboard passage to the last sentence, and the text scrolls to it.
    await page.getByRole('application', { name: /^Transskription/ }).focus();
    await page.keyboard.press('End');
    await page
      .getByText(/Afsnit \d{4}\. Styregruppen/)
      .last()
      .waitFor();
    await expect.poll(() => page.getByTestId('passage').textContent()).toMatch(/økonomien er usikker\.$/);
    expect(await page.locator('[data-line-start]').count()).toBeLessThan(80);
  }, 30_000);

  it('has no axe violations on the new pages in Danish and English', async () => {
    const pages = (l: 'da' | 'en'): [string, string][] => [
      [`/sources/${ids.sourceId}`, 'Interview med projektlederen'],
      ['/analysis', l === 'da' ? 'Case × kode' : 'Case × code'],
      ['/analysis/drivers-barriers', l === 'da' ? 'Drivkræfter og barrierer' : 'Drivers and barriers'],
      ['/analysis/co-occurrence', l === 'da' ? 'Samforekomst' : 'Co-occurrence'],
      ['/analysis/quotes', l === 'da' ? 'Citater' : 'Quotes'],
      ['/analysis/framework', l === 'da' ? 'Framework-matrix' : 'Framework matrix'],
      ['/agreement', l === 'da' ? 'Interkoder-enighed' : 'Inter-coder agreement'],
    ];
    for (const l of ['da', 'en'] as const) {
      await page.evaluate((x) => localStorage.setItem('pejling.locale', x), l);
      for (const [url, heading] of pages(l)) {
        await page.goto(`${base()}${url}`);
        await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
        await settle();
        expect(await axeViolations(page), `${l} ${url}`).toEqual([]);
      }
    }
    await page.evaluate(() => localStorage.setItem('pejling.locale', 'da'));
  }, 60_000);
});
