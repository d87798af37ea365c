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
    // The first example plan's theory of change.
    ids.theory = ((await get(`/api/plans/${ids.plan}/theories`)) as { items: { id: string }[] }).items[0]!.id;
    // The example study, with this administrator put on its team so its pages show their content.
    ids.study = ((await get('/api/evaluation/studies')) as { items: { id: string }[] }).items[0]!.id;
    await page.evaluate(async (studyId) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string; user: { id: string } };
      const study = (await (await fetch(`/api/evaluation/studies/${studyId}`)).json()) as {
        name: string;
        question: string | null;
        version: number;
        members: { userId: string }[];
      };
      const res = await fetch(`/api/evaluation/studies/${studyId}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({
          name: study.name,
          question: study.question,
          version: study.version,
          memberIds: [...study.members.map((m) => m.userId), me.user.id],
        }),
      });
      if (!res.ok) throw new Error(`joining the example study: ${res.status} ${await res.text()}`);
    }, ids.study);
    ids.source = (
      (await get(`/api/evaluation/studies/${ids.study}/sources?purpose=analysis`)) as {
        items: { id: string }[];
      }
    ).items[0]!.id;
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
    ['plan-markers', `/plans/${ids.plan}/markers?period=2011`],
    ['portfolio-markers', '/portfolio/markers?period=2011'],
    ['plan-theories', `/plans/${ids.plan}/theory-of-change`],
    ['plan-theory', `/plans/${ids.plan}/theory-of-change/${ids.theory}`],
    ['theory-search', '/theories/search?fromText=lektie&toText=uddannelse'],
    ['evaluation', '/evaluation'],
    ['study', `/evaluation/studies/${ids.study}`],
    ['study-cases', `/evaluation/studies/${ids.study}/cases`],
    ['study-sources', `/evaluation/studies/${ids.study}/sources`],
    ['study-codebook', `/evaluation/studies/${ids.study}/codebook`],
    ['study-coding', `/evaluation/studies/${ids.study}/sources/${ids.source}`],
    ['study-analysis', `/evaluation/studies/${ids.study}/analysis`],
    ['study-framework', `/evaluation/studies/${ids.study}/analysis/framework`],
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
