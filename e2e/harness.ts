import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ADMIN_EMAIL = 'e2e-admin@pejling.example';
export const ADMIN_PASSWORD = 'e2e-password-long-enough';

/** Browser tests need Debian's Chromium; outside CI they are skipped with a notice when it is missing. */
export function chromiumAvailable(): boolean {
  if (fs.existsSync(CHROMIUM)) return true;
  if (process.env.CI)
    throw new Error(`Chromium not found at ${CHROMIUM}; .ci/run installs it (apt-get install chromium).`);
  console.warn(
    `Skipping browser tests: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH).`,
  );
  return false;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface RunningServer {
  url: string;
  dir: string;
  stop(): Promise<void>;
}

/** Starts the built product exactly as a user would: `pejling serve --demo` on a fresh SQLite file. */
export async function startServer(): Promise<RunningServer> {
  const bin = path.join(ROOT, 'server/bin/pejling.js');
  if (
    !fs.existsSync(path.join(ROOT, 'server/dist/pejling.js')) ||
    !fs.existsSync(path.join(ROOT, 'web/dist/index.html'))
  ) {
    throw new Error('Build first: npm run build');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pejling-e2e-'));
  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: path.join(dir, 'pejling.sqlite'),
    PORT: String(port),
    LOG_LEVEL: 'warn',
  };
  execFileSync(
    process.execPath,
    [
      bin,
      'user',
      'create',
      '--admin',
      '--email',
      ADMIN_EMAIL,
      '--password',
      ADMIN_PASSWORD,
      '--name',
      'E2E Administrator',
    ],
    { env, stdio: 'pipe' },
  );
  const child: ChildProcess = spawn(process.execPath, [bin, 'serve', '--demo'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    dir,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export async function login(
  page: Page,
  baseUrl: string,
  email = ADMIN_EMAIL,
  password = ADMIN_PASSWORD,
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByRole('textbox', { name: /^e-mail$/i }).fill(email);
  await page.locator('input[type="password"]').fill(password);
  await page.getByRole('button', { name: /^(log ind|log in)$/i }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/**
 * Counts the page's requests in flight, so `settled` can tell when a page has its data without
 * waiting out `networkidle`'s fixed half second. Call once per browser context, before any page.
 */
export async function trackRequests(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __pejlingInflight: number };
    w.__pejlingInflight = 0;
    const original = window.fetch.bind(window);
    window.fetch = async (...args: Parameters<typeof fetch>) => {
      w.__pejlingInflight++;
      try {
        return await original(...args);
      } finally {
        w.__pejlingInflight--;
      }
    };
  });
}

/**
 * Waits until a page has rendered its heading, no request is in flight, nothing is loading or
 * busy, and that has held for a tenth of a second (a context with `trackRequests`).
 */
export async function settled(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForLoadState('load');
  await page
    .waitForFunction(
      () => {
        const w = window as unknown as { __pejlingInflight?: number; __pejlingQuietSince?: number };
        const quiet =
          (w.__pejlingInflight ?? 0) === 0 &&
          document.querySelector('h1') !== null &&
          !document.querySelector('[aria-busy="true"], .mantine-Loader-root');
        if (!quiet) {
          w.__pejlingQuietSince = undefined;
          return false;
        }
        w.__pejlingQuietSince ??= performance.now();
        return performance.now() - w.__pejlingQuietSince >= 100;
      },
      undefined,
      { timeout, polling: 25 },
    )
    .catch(() => {});
}

/** WCAG 2.1 A and AA: returns the violations, formatted for a readable failure. */
export async function axeViolations(page: Page): Promise<string[]> {
  // A toast or dialog still fading in has blended colours that axe would judge mid-way.
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
      undefined,
      { timeout: 3_000, polling: 50 },
    )
    .catch(() => {});
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 5)
        .join(' | ')}`,
  );
}

export const ARTIFACTS = path.join(ROOT, 'e2e/artifacts');
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
