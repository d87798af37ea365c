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

interface Detail {
  id: string;
  nodes: { id: string; label: string; kind: string }[];
  edges: { id: string; from: string; to: string; rationale: string }[];
}

/**
 * Theories of change in the browser: draft a diagram from an example plan's goals and activities,
 * move a node and draw an arrow by mouse, add a node and connect it from the outline by keyboard,
 * undo and redo, save, export SVG, then find the new node and a pathway through it across plans.
 * The tab, the editor and the search page are checked with axe in Danish and English.
 */
describe.runIf(chromiumAvailable())('theory of change', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let planId: string;
  let theoryUrl: string;

  const api = <T>(url: string) => page.evaluate(async (u) => (await fetch(u)).json(), url) as Promise<T>;
  const nodes = () => page.locator('[data-testid="theory-canvas"] [data-node]');
  const edges = () => page.locator('[data-testid="theory-canvas"] [data-edge]');

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await (
      await browser.newContext({
        locale: 'da-DK',
        acceptDownloads: true,
        viewport: { width: 1500, height: 1000 },
      })
    ).newPage();
    await login(page, server.url);
    const plans = await api<{ items: { id: string }[] }>('/api/plans');
    for (const p of plans.items) {
      const f = await api<{ activities: unknown[]; goals: unknown[] }>(`/api/plans/${p.id}/results`);
      if (f.activities.length > 1 && f.goals.length > 1) {
        planId = p.id;
        break;
      }
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('drafts a diagram, edits it by mouse and keyboard, undoes, saves and exports it', async () => {
    await page.goto(`${server.url}/plans/${planId}/theory-of-change`);
    await page.getByRole('heading', { name: 'Planens forandringsteorier' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Udkast fra mål og aktiviteter' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Titel').fill('Forandringsteori E2E');
    await dialog.getByRole('button', { name: 'Udkast fra mål og aktiviteter' }).click();
    await page.waitForURL(/\/theory-of-change\/[^/]+$/);
    theoryUrl = new URL(page.url()).pathname;
    await nodes().first().waitFor();
    const drafted = await nodes().count();
    expect(drafted).toBeGreaterThan(2);
    expect(await edges().count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);

    // Mouse: drag the first node 120 px right; one drag is one change.
    const first = nodes().first();
    const before = await first.getAttribute('transform');
    const box = (await first.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 30, { steps: 4 });
    await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 60, { steps: 4 });
    await page.mouse.up();
    expect(await first.getAttribute('transform')).not.toBe(before);
    await page.getByText('Ikke gemte ændringer').waitFor();

    // Keyboard: add an activity from the outline and connect it to the first output with a rationale.
    const add = page.getByRole('region', { name: 'Tilføj element' });
    await add.getByLabel('Type').selectOption({ label: 'Aktivitet' });
    await add.getByLabel('Tekst').fill('Forældremøder');
    await add.getByLabel('Tekst').press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: 'Forældremøder er tilføjet under Aktivitet.' })
      .waitFor();
    expect(await nodes().count()).toBe(drafted + 1);
    const detail0 = await api<Detail>(`/api${theoryUrl.replace('/theory-of-change/', '/theories/')}`);
    const output =
      detail0.nodes.find((n) => n.kind === 'output') ?? detail0.nodes.find((n) => n.kind !== 'activity')!;
    const connect = page.getByRole('region', { name: 'Forbind to elementer' });
    await connect.getByLabel('Fra').selectOption({ label: 'Forældremøder' });
    await connect.getByLabel('Til').selectOption({ label: output.label });
    await connect.getByLabel('Begrundelse').fill('Forældre, der kender indsatsen, bakker op');
    await connect.getByRole('button', { name: 'Tilføj pil' }).click();
    const edgesAfterKeyboard = detail0.edges.length + 1;
    await expect.poll(() => edges().count()).toBe(edgesAfterKeyboard);

    // Editing from the outline puts the keyboard in the inspector's first field.
    await page.getByRole('button', { name: 'Rediger Forældremøder', exact: true }).click();
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value))
      .toBe('Forældremøder');

    // Mouse: in connect mode, click the new node and then another node.
    await page.getByRole('button', { name: 'Vis hele diagrammet' }).click();
    await page.getByText('Forbind', { exact: true }).click();
    const newNode = page.locator('[data-testid="theory-canvas"] [data-node]', { hasText: 'Forældremøder' });
    await newNode.click();
    const target = detail0.nodes.find((n) => n.kind === 'impact') ?? detail0.nodes.at(-1)!;
    await page.locator(`[data-testid="theory-canvas"] [data-node="${target.id}"]`).click();
    await expect.poll(() => edges().count()).toBe(edgesAfterKeyboard + 1);

    // Undo by button, redo by Ctrl+Y, undo again by Ctrl+Z, redo by button.
    await page.getByRole('button', { name: 'Fortryd' }).click();
    await expect.poll(() => edges().count()).toBe(edgesAfterKeyboard);
    await page.locator('body').press('Control+y');
    await expect.poll(() => edges().count()).toBe(edgesAfterKeyboard + 1);
    await page.locator('body').press('Control+z');
    await expect.poll(() => edges().count()).toBe(edgesAfterKeyboard);
    await page.getByRole('button', { name: 'Gentag' }).click();
    await expect.poll(() => edges().count()).toBe(edgesAfterKeyboard + 1);

    // Select by mouse and press Delete; undo brings the node and its arrows back.
    await page.getByText('Vælg og flyt', { exact: true }).click();
    await newNode.click();
    await page.keyboard.press('Delete');
    await expect.poll(() => nodes().count()).toBe(drafted);
    await page.getByRole('button', { name: 'Fortryd' }).click();
    await expect.poll(() => nodes().count()).toBe(drafted + 1);
    expect(await edges().count()).toBe(edgesAfterKeyboard + 1);

    // Auto-layout (ELK in a Web Worker) moves the nodes into layers by kind.
    const movedBefore = await newNode.getAttribute('transform');
    await page.getByRole('button', { name: 'Autolayout' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Diagrammet er lagt ud.' })
      .waitFor({ state: 'attached' });
    expect(await newNode.getAttribute('transform')).not.toBe(movedBefore);

    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    await page.getByText('Alt er gemt').waitFor();
    const saved = await api<Detail>(`/api${theoryUrl.replace('/theory-of-change/', '/theories/')}`);
    const parents = saved.nodes.find((n) => n.label === 'Forældremøder')!;
    expect(saved.nodes).toHaveLength(drafted + 1);
    expect(saved.edges).toHaveLength(edgesAfterKeyboard + 1);
    expect(saved.edges.find((e) => e.from === parents.id && e.to === output.id)?.rationale).toBe(
      'Forældre, der kender indsatsen, bakker op',
    );

    // Every arrow, as drawn, ends on its target's border and passes under no other box.
    const routeProblems = await page.evaluate((edgeList) => {
      const canvas = document.querySelector('[data-testid="theory-canvas"]')!;
      const boxOf = (id: string) => {
        const g = canvas.querySelector(`[data-node="${id}"]`)!;
        const [x, y] = g
          .getAttribute('transform')!
          .match(/-?[\d.]+/g)!
          .map(Number);
        const r = g.querySelector('rect')!;
        return { id, x: x!, y: y!, w: Number(r.getAttribute('width')), h: Number(r.getAttribute('height')) };
      };
      const boxes = [...canvas.querySelectorAll('[data-node]')].map((g) =>
        boxOf(g.getAttribute('data-node')!),
      );
      const out: string[] = [];
      for (const e of edgeList) {
        const path = canvas.querySelector<SVGPathElement>(`[data-edge="${e.id}"] path[marker-end]`)!;
        const length = path.getTotalLength();
        const end = path.getPointAtLength(length);
        const t = boxOf(e.to);
        const onX = Math.abs(end.x - t.x) < 0.5 || Math.abs(end.x - t.x - t.w) < 0.5;
        const onY = Math.abs(end.y - t.y) < 0.5 || Math.abs(end.y - t.y - t.h) < 0.5;
        if (!onX && !onY) out.push(`${e.id} does not end on its target's border`);
        for (let at = 0; at <= length; at += 3) {
          const p = path.getPointAtLength(at);
          const under = boxes.find(
            (b) =>
              b.id !== e.from &&
              b.id !== e.to &&
              p.x > b.x &&
              p.x < b.x + b.w &&
              p.y > b.y &&
              p.y < b.y + b.h,
          );
          if (under) {
            out.push(`${e.id} passes under ${under.id}`);
            break;
          }
        }
      }
      return out;
    }, saved.edges);
    expect(routeProblems).toEqual([]);

    // Export SVG: a standalone SVG document with every node.
    await page.getByRole('button', { name: 'Eksportér' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'SVG' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.svg$/);
    const svg = fs.readFileSync((await download.path())!, 'utf8');
    expect(svg).toContain('<svg');
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain('Forældremøder');
    expect(svg.match(/data-node="/g)).toHaveLength(drafted + 1);
    // The arrows are the routed paths drawn on the canvas.
    expect(svg.match(/<path d="M[^"]*" fill="none" stroke-linejoin="round"/g)).toHaveLength(
      edgesAfterKeyboard + 1,
    );

    // PNG: the same drawing as an image.
    await page.getByRole('button', { name: 'Eksportér' }).click();
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'PNG' }).click(),
    ]);
    expect(
      fs
        .readFileSync((await png.path())!)
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    await screenshot(page, 'theory-editor');
  }, 60_000);

  it('finds the new node and a pathway through it across plans', async () => {
    await page.goto(`${server.url}/theories/search`);
    await page.getByRole('heading', { level: 1, name: 'Forandringsteorier på tværs' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Tekst', { exact: true }).fill('Forældremøder');
    await page.getByRole('button', { name: 'Søg' }).click();
    const row = page.getByRole('row', { name: /Forældremøder/ });
    await row.waitFor();
    await expect
      .poll(() => row.getByRole('link', { name: 'Forandringsteori E2E' }).getAttribute('href'))
      .toBe(theoryUrl);

    await page.getByLabel('Tekst', { exact: true }).fill('');
    await page.getByLabel('Fra (tekst)').fill('Forældremøder');
    const saved = await api<Detail>(`/api${theoryUrl.replace('/theory-of-change/', '/theories/')}`);
    const parents = saved.nodes.find((n) => n.label === 'Forældremøder')!;
    const next = saved.nodes.find((n) => n.id === saved.edges.find((e) => e.from === parents.id)!.to)!;
    await page.getByLabel('Til (tekst)').fill(next.label);
    await page.getByRole('button', { name: 'Søg' }).click();
    const path = page.getByRole('list', { name: /^Vej i Forandringsteori E2E/ }).first();
    await path.waitFor();
    expect(await path.getByRole('listitem').first().textContent()).toContain('Forældremøder');
    expect(await axeViolations(page)).toEqual([]);
  }, 30_000);

  it('says when someone else saved first and loads their version', async () => {
    const url = `/api${theoryUrl.replace('/theory-of-change/', '/theories/')}`;
    await page.goto(`${server.url}${theoryUrl}`);
    await nodes().first().waitFor();
    // Someone else renames the diagram meanwhile.
    await page.evaluate(async (u) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const d = (await (await fetch(u)).json()) as Detail & { version: number; title: string };
      const body = {
        version: d.version,
        title: 'Omdøbt af en anden',
        nodes: d.nodes.map(({ live: _l, ...n }: Record<string, unknown>) => n),
        edges: d.edges,
      };
      const res = await fetch(u, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(await res.text());
    }, url);
    await page.getByLabel('Diagrammets titel').fill('Min titel');
    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    await page.getByText('En anden har ændret diagrammet').waitFor();
    await page.getByRole('button', { name: 'Hent den nye udgave' }).click();
    await expect.poll(() => page.getByLabel('Diagrammets titel').inputValue()).toBe('Omdøbt af en anden');
    await page.getByText('Alt er gemt').waitFor();

    // Leaving with unsaved changes asks first; undoing the change makes the diagram saved again.
    await page.getByLabel('Diagrammets titel').fill('Ikke gemt');
    await page.getByRole('link', { name: 'Alle forandringsteorier' }).click();
    const leave = page.getByRole('dialog', { name: 'Forlad diagrammet uden at gemme?' });
    await leave.getByRole('button', { name: 'Annuller' }).click();
    expect(new URL(page.url()).pathname).toBe(theoryUrl);
    await page.getByRole('button', { name: 'Fortryd' }).click();
    await page.getByText('Alt er gemt').waitFor();
  }, 30_000);

  it('has no violations in English', async () => {
    await page.evaluate(() => localStorage.setItem('pejling.locale', 'en'));
    await page.goto(`${server.url}/plans/${planId}/theory-of-change`);
    await page.getByRole('heading', { name: "The plan's theories of change" }).waitFor();
    await page.getByRole('heading', { name: "Coherence with the plan's goals and activities" }).waitFor();
    await page.getByText('Claims without a goal or indicator').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${server.url}${theoryUrl}`);
    await nodes().first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${server.url}/theories/search?text=Forældremøder`);
    await page.getByRole('row', { name: /Forældremøder/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.evaluate(() => localStorage.setItem('pejling.locale', 'da'));
  }, 30_000);
});
