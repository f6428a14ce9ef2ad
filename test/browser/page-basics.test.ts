/**
 * In a real browser: the support site's token (a bad one is told politely and removed from the address bar),
 * the demo sign-in picker (demo mode only) and the language switch.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type BrowserRun, chromiumAvailable, openChat, waitForText } from './support.js';

let run: BrowserRun | undefined;
afterEach(async () => {
  await run?.close();
  run = undefined;
});

describe.skipIf(!chromiumAvailable)('browser: sign-in and language', () => {
  it('a bad token is told politely, removed from the address bar, and the visitor continues', {
    timeout: 60_000,
  }, async () => {
    run = await openChat('bad-token');
    const { page, web } = run;
    await page.goto(`${web.url}/?token=not.a.valid-token`);
    await waitForText(page, 'ご用件をお選びください');
    const notice = page.locator('#identity-notice');
    expect(await notice.textContent()).toContain('ログイン情報を確認できませんでした');
    expect(await notice.isVisible()).toBe(true);
    expect(new URL(page.url()).search).toBe('');
    expect(await page.locator('#identity-state').textContent()).toContain('ログインしていません');
    expect(web.turns.every((turn) => turn.credentials?.siteAssertion === undefined)).toBe(true);
    await run.shot('bad-token');
  });

  it('demo mode: pick a demo customer, the page says who is signed in', { timeout: 60_000 }, async () => {
    run = await openChat('demo-sign-in', { demo: true });
    const { page, web } = run;
    await page.goto(web.url);
    await waitForText(page, 'ご用件をお選びください');
    const picker = page.getByLabel('デモ: お客様を選んでログイン');
    expect(await picker.isVisible()).toBe(true);
    await picker.selectOption('CUS-2001');
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await page.getByText('ポータル 太郎 様としてログインしています。').waitFor();
    await run.shot('signed-in');
    await page.reload();
    await page.getByText('ポータル 太郎 様としてログインしています。').waitFor();
  });

  it('the language switch turns the page and the conversation to English and back', {
    timeout: 60_000,
  }, async () => {
    run = await openChat('language');
    const { page, web } = run;
    await page.goto(web.url);
    await waitForText(page, 'ご用件をお選びください');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: '日本語' }).waitFor();
    await page.locator('#busy').waitFor({ state: 'hidden' });
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('en');
    expect(await page.getByLabel('Message', { exact: true }).isVisible()).toBe(true);
    expect(web.turns.at(-1)?.input).toEqual({ kind: 'text', text: 'English' });
    await run.shot('english');
    await page.reload();
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('en');
    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByRole('button', { name: 'English' }).waitFor();
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('ja');
  });
});
