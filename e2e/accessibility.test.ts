import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  axeViolations,
  chromiumAvailable,
  launchBrowser,
  login,
  screenshot,
  settled,
  startServer,
  trackRequests,
  type RunningServer,
} from './harness.js';

/** Every page of the web app, in Danish and English, checked with axe for WCAG 2.1 A and AA. */
describe.runIf(chromiumAvailable())('accessibility of every page', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await (await browser.newContext({ locale: 'da-DK' })).newPage();
    await login(page, server.url);
    const get = async (url: string) =>
      page.evaluate(async (u) => (await fetch(u)).json(), `${server.url}${url}`);
    const plans = ((await get('/api/plans')) as { items: { id: string }[] }).items;
    ids.plan = plans[0]!.id;
    ids.plan2 = plans[1]!.id;
    ids.area = ((await get('/api/areas')) as { id: string }[])[0]!.id;
    ids.pool = ((await get('/api/pools')) as { id: string }[])[0]!.id;
    ids.secretariat = ((await get('/api/area-secretariats')) as { id: string }[])[0]!.id;
    ids.user = ((await get('/api/users')) as { id: string }[])[0]!.id;
    // An area secretariat with a shared goal (the example data gives each one that serves plans).
    for (const { id } of (await get('/api/area-secretariats')) as { id: string }[]) {
      const goals = (await get(`/api/area-secretariats/${id}/shared-goals`)) as { items: { id: string }[] };
      if (goals.items[0] && !ids.sharedGoal) [ids.goalSecretariat, ids.sharedGoal] = [id, goals.items[0].id];
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const pages = (): [string, string][] => [
    ['overview', '/'],
    ['plans', '/plans'],
    ['plans-filtered-empty', '/plans?q=findes-ikke'],
    ['plan-new', '/plans/new'],
    ['plan-detail', `/plans/${ids.plan}`],
    ['plan-edit', `/plans/${ids.plan}/edit`],
    ['plan-goals', `/plans/${ids.plan}/goals`],
    ['plan-goals-table', `/plans/${ids.plan}/goals?view=table`],
    ['plan-activities', `/plans/${ids.plan}/activities`],
    ['case-matrix', '/portfolio/case-matrix'],
    ['plan-organisation', `/plans/${ids.plan}/organisation`],
    ['plan-agreement', `/plans/${ids.plan}/organisation/agreement`],
    ['typology-portfolio', '/portfolio/typology'],
    ['portfolio', '/portfolio'],
    ['portfolio-indicators', '/portfolio/indicators'],
    ['portfolio-compliance', '/portfolio/compliance'],
    ['portfolio-grants', '/portfolio/grants'],
    ['portfolio-compare-empty', '/portfolio/compare'],
    ['portfolio-compare', `/portfolio/compare?planIds=${ids.plan},${ids.plan2}&year=2011`],
    ['secretariats', '/secretariats'],
    ['secretariat-detail', `/secretariats/${ids.secretariat}`],
    ['shared-goal-rollup', `/secretariats/${ids.goalSecretariat}/shared-goals/${ids.sharedGoal}`],
    ['shared-indicators', '/portfolio/shared-indicators'],
    ['admin', '/admin'],
    ['admin-municipalities', '/admin/municipalities'],
    ['admin-housing-organisations', '/admin/housing-organisations'],
    ['admin-areas', '/admin/areas'],
    ['admin-area-new', '/admin/areas/new'],
    ['admin-area-edit', `/admin/areas/${ids.area}`],
    ['admin-pools', '/admin/pools'],
    ['admin-pool-detail', `/admin/pools/${ids.pool}`],
    ['admin-area-secretariats', '/admin/area-secretariats'],
    ['admin-municipal-services', '/admin/municipal-services'],
    ['admin-users', '/admin/users'],
    ['admin-user-new', '/admin/users/new'],
    ['admin-user-edit', `/admin/users/${ids.user}`],
    ['admin-audit', '/admin/audit'],
    ['not-found', '/findes/ikke'],
  ];

  it('has no violations on the login page', async () => {
    const anon = await (await browser.newContext({ locale: 'da-DK' })).newPage();
    await anon.goto(`${server.url}/login`);
    await anon.waitForLoadState('networkidle');
    expect(await axeViolations(anon)).toEqual([]);
    await anon.close();
  });

  /** Visits every page in one language in its own tab; returns what is wrong. */
  async function sweep(locale: 'da' | 'en'): Promise<string[]> {
    const context = await browser.newContext({
      locale: locale === 'da' ? 'da-DK' : 'en-GB',
      storageState: await page.context().storageState(),
    });
    await trackRequests(context);
    await context.addInitScript((l) => localStorage.setItem('pejling.locale', l), locale);
    const tab = await context.newPage();
    const failures: string[] = [];
    for (const [name, url] of pages()) {
      await tab.goto(`${server.url}${url}`);
      await settled(tab);
      const lang = await tab.evaluate(() => document.documentElement.lang);
      if (lang !== locale) failures.push(`${name}: <html lang="${lang}">, expected ${locale}`);
      if (!(await tab.title())) failures.push(`${name}: no document title`);
      if ((await tab.locator('h1').count()) !== 1) failures.push(`${name}: not exactly one h1`);
      for (const v of await axeViolations(tab)) failures.push(`${name}: ${v}`);
      // A picture of every page for people to look at; CI skips them, they cost a minute.
      if (locale === 'da' && !process.env.CI) await screenshot(tab, `page-${name}`);
    }
    await context.close();
    return failures.map((f) => `[${locale}] ${f}`);
  }

  // Both languages at once, each in its own tab: the machine's two cores share the work.
  it('has no violations on any page in Danish and English', async () => {
    const [da, en] = await Promise.all([sweep('da'), sweep('en')]);
    expect([...da, ...en]).toEqual([]);
  }, 540_000);
});
