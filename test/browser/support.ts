/**
 * Browser tests on Debian's Chromium through playwright-core: the full bot behind the web chat on 127.0.0.1,
 * a fresh profile per test, a phone-sized viewport, screenshots of key steps in `screenshots/<test>/` (written
 * there only with `UPDATE_SCREENSHOTS=1`; see {@link screenshotDirectory}).
 * Without `/usr/bin/chromium` the suites are skipped with a visible message.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { startWeb, type WebHarness } from '../adapters/web/support.js';

export const CHROMIUM = '/usr/bin/chromium';
export const chromiumAvailable = existsSync(CHROMIUM);
if (!chromiumAvailable) {
  console.warn(
    `\n⚠ Browser tests SKIPPED: ${CHROMIUM} is missing (apt-get install -y chromium fonts-ipafont-gothic).\n`,
  );
}

/**
 * Where screenshots go: the committed `screenshots/` folder only when `UPDATE_SCREENSHOTS=1` (refreshing the
 * pictures is a deliberate act), else a folder under the OS temp dir, so a test run never dirties the tree.
 */
export function screenshotDirectory(sub = ''): string {
  const root =
    process.env.UPDATE_SCREENSHOTS === '1'
      ? fileURLToPath(new URL('./screenshots/', import.meta.url))
      : join(tmpdir(), 'helpdesk-browser-screenshots');
  return join(root, sub);
}

export interface BrowserRun {
  web: WebHarness;
  context: BrowserContext;
  page: Page;
  /** Saves what the user sees (the viewport) as `screenshots/<test>/<NN>-<step>.png`. */
  shot(step: string): Promise<void>;
  close(): Promise<void>;
}

export async function openChat(
  test: string,
  options: { demo?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<BrowserRun> {
  const web = await startWeb({ web: { demo: options.demo ?? false } });
  const profile = await mkdtemp(join(tmpdir(), 'chat-browser-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    viewport: options.viewport ?? { width: 360, height: 780 },
    locale: 'ja-JP',
    timeout: 30_000,
  });
  context.setDefaultTimeout(10_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  const directory = screenshotDirectory(test);
  await rm(directory, { recursive: true, force: true });
  await mkdir(directory, { recursive: true });
  let count = 0;
  return {
    web,
    context,
    page,
    async shot(step) {
      count += 1;
      await page.screenshot({ path: join(directory, `${String(count).padStart(2, '0')}-${step}.png`) });
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
      await web.close();
      if (pageErrors.length > 0) throw new Error(`The page reported errors: ${pageErrors.join(' | ')}`);
    },
  };
}

/** The newest bot message: the current question. */
export function current(page: Page): Locator {
  return page.locator('.msg.bot').last();
}

/** Waits until the page is not waiting for a reply and the text is shown. */
export async function waitForText(page: Page, text: string): Promise<void> {
  await page.locator('.msg.bot', { hasText: text }).last().waitFor({ state: 'visible' });
  await page.locator('#busy').waitFor({ state: 'hidden' });
}

/** Types a message in the message box and sends it with Enter. */
export async function say(page: Page, text: string): Promise<void> {
  const box = page.getByLabel('メッセージ', { exact: true });
  await box.fill(text);
  await box.press('Enter');
}

/** The accessible text of the focused element. */
export function focusedText(page: Page): Promise<string> {
  return page.evaluate<string>("document.activeElement?.textContent?.trim() ?? ''");
}
