/**
 * The operations dashboard in Chromium at 360 and 1280 px: sign in with the token, see the funnel, filter, download
 * the CSV; axe-core finds no violation (WCAG 2.x A/AA); no console error (a CSP refusal would be one); nothing
 * wider than the screen. Screenshots under docs/dashboard/ are rewritten only with UPDATE_SCREENSHOTS=1.
 */
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, type AdminHarness, startAdmin } from '../admin/support.js';
import { CHROMIUM, chromiumAvailable } from './support.js';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const DOCS = fileURLToPath(new URL('../../docs/dashboard/', import.meta.url));

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

/** Every axe-core violation (WCAG 2.x A/AA rules) of the page as it is now. */
async function violations(page: Page): Promise<string[]> {
  // Through the DevTools protocol, which the page's CSP (script-src 'self') does not apply to.
  if (!(await page.evaluate('typeof window.axe !== "undefined"')))
    await page.evaluate(`${AXE_SOURCE}\n;true`);
  const found = await page.evaluate<AxeViolation[]>(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target })) })))`,
  );
  return found.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

let admin: AdminHarness | undefined;
let context: BrowserContext | undefined;
let profile: string | undefined;
afterEach(async () => {
  await context?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
  await admin?.close();
  admin = undefined;
  context = undefined;
  profile = undefined;
});

describe.skipIf(!chromiumAvailable)('browser: the operations dashboard', () => {
  it.each([
    [360, 780],
    [1280, 900],
  ])('at %i px: sign in, funnel, filter, CSV, axe', { timeout: 120_000 }, async (width, height) => {
    admin = await startAdmin();
    profile = await mkdtemp(join(tmpdir(), 'admin-browser-'));
    context = await chromium.launchPersistentContext(profile, {
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
      viewport: { width, height },
      locale: 'ja-JP',
      acceptDownloads: true,
      timeout: 30_000,
    });
    context.setDefaultTimeout(10_000);
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });

    // Refused without the token: the sign-in form.
    const refused = await page.goto(`${admin.url}/admin`);
    expect(refused?.status()).toBe(401);
    expect(await violations(page)).toEqual([]);
    await page.getByLabel('管理用トークン').fill('wrong-token-wrong-token');
    await page.getByRole('button', { name: 'サインイン' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('トークンが正しくありません');
    errors.length = 0; // the 401 answers are logged by Chromium as failed resources: expected here
    await page.getByLabel('管理用トークン').fill(ADMIN_TOKEN);
    await page.getByRole('button', { name: 'サインイン' }).click();

    // The funnel: both procedures by name, containment and the steps.
    await page.getByRole('heading', { name: '手続きごとのファネル' }).waitFor();
    await page.getByRole('heading', { name: '機器の削除の確認 miemasu-delete-one' }).waitFor();
    const del = page.locator('article.procedure', { hasText: '機器の削除の確認' });
    await expect(del.locator('.kpis').textContent()).resolves.toMatch(/自己完結率.*10%.*放置率.*20%/s);
    await expect(del.locator('table.funnel').textContent()).resolves.toContain(
      '注意事項の表示（confirm-delete）',
    );
    await page.waitForFunction(
      'document.querySelectorAll("canvas").length > 0 && window.Chart !== undefined',
    );
    expect(await page.evaluate('Object.keys(window.Chart.instances).length')).toBeGreaterThanOrEqual(4);
    const wide = await page.evaluate<number>('document.documentElement.scrollWidth');
    expect(wide).toBeLessThanOrEqual(width);
    expect(await violations(page)).toEqual([]);
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      await mkdir(DOCS, { recursive: true });
      await page.screenshot({ path: join(DOCS, `dashboard-${width}.png`), fullPage: true });
    }

    // Filter: English conversations only.
    await page.getByLabel('言語').selectOption('en');
    await page.getByRole('button', { name: '絞り込む' }).click();
    await page.waitForURL(/language=en/);
    const cancel = page.locator('article.procedure', { hasText: 'クラウドサービスの解約お申込' });
    await expect(cancel.locator('table.funnel').textContent()).resolves.toMatch(/開始\s*1/);
    expect(
      await page
        .locator('article.procedure', { hasText: '機器の削除の確認' })
        .locator('table.funnel tbody tr')
        .first()
        .textContent(),
    ).toMatch(/開始\s*1/);

    // CSV of the filtered funnel.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'ファネルを CSV でダウンロード' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^funnel-\d{4}-\d{2}-\d{2}_2026-11-30\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv).toContain('csps-cancel,クラウドサービスの解約お申込,started,,,1,1');
    expect(csv).toContain('miemasu-delete-one,機器の削除の確認,abandoned,,,1,1');
    expect(await violations(page)).toEqual([]);

    // English.
    await page.goto(`${admin.url}/admin?lang=en`);
    await page.getByRole('heading', { name: 'Funnel per procedure' }).waitFor();
    await page.getByRole('heading', { name: 'Confirm the device deletion miemasu-delete-one' }).waitFor();
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
