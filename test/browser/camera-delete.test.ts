/**
 * In a real browser (Chromium, 360 px wide): a customer deletes a camera device by clicking, identifying with
 * the one-time code from the outbox, ticking the acknowledgements with the keyboard, and confirming; then
 * reloads and sees the conversation again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  type BrowserRun,
  chromiumAvailable,
  current,
  focusedText,
  openChat,
  say,
  waitForText,
} from './support.js';

const EMAIL = 'camera-two@example.com';

let run: BrowserRun | undefined;
afterEach(async () => {
  await run?.close();
  run = undefined;
});

describe.skipIf(!chromiumAvailable)('browser: deleting a camera device', () => {
  it('clicks through identification, acknowledgements and the final confirmation', {
    timeout: 90_000,
  }, async () => {
    run = await openChat('camera-delete');
    const { page, web } = run;
    await page.goto(web.url);
    await waitForText(page, 'ご用件をお選びください');
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('ja');
    expect(await page.getByRole('log').count()).toBe(1);
    expect(await page.locator('#demo').isVisible()).toBe(false);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await run.shot('menu');

    await current(page).getByRole('button', { name: 'みえますねっと：機器を削除（解約）する' }).click();
    await waitForText(page, 'メールアドレスを入力してください');
    await say(page, EMAIL);
    await waitForText(page, '確認コードをお送りしました');
    await say(page, web.testBot.codeFor(EMAIL));
    await waitForText(page, '削除（解約）する機器をお選びください');
    // The code is not shown back; old buttons are disabled.
    expect(await page.locator('.msg.user').allTextContents()).toContain('あなた:••••••');
    expect(
      await page.getByRole('button', { name: 'みえますねっと：機器を削除（解約）する' }).isDisabled(),
    ).toBe(true);
    await run.shot('devices');

    await current(page)
      .getByRole('button', { name: /^CameraOA/ })
      .click();
    await waitForText(page, '機器の交換');
    await current(page).getByRole('button', { name: 'この機器を削除（解約）したい' }).click();
    await waitForText(page, '次の内容をご確認ください');
    const acks = current(page);
    expect(await acks.locator('table.facts th').allTextContents()).toContain('ライセンスの残り期間');
    expect(await acks.getByText('ご注意ください').count()).toBe(1);
    const submit = acks.getByRole('button', { name: '確認しました' });
    expect(await submit.isDisabled()).toBe(true);

    // Keyboard only: the first checkbox has the focus; Space ticks, Tab moves on.
    expect(await page.evaluate<string | undefined>('document.activeElement?.type')).toBe('checkbox');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await submit.isDisabled()).toBe(true);
    await run.shot('acknowledgements-partly-ticked');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await submit.isDisabled()).toBe(false);
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('確認しました');
    expect(web.testBot.calls.map((c) => c.operation)).not.toContain('deleteMiemasuDevice');
    await page.keyboard.press('Enter');

    await waitForText(page, 'を削除（解約）します。よろしいですか？');
    const confirm = page.locator('.msg.bot', { hasText: 'よろしいですか？' }).last();
    const danger = confirm.getByRole('button', { name: '削除する' });
    expect(await danger.getAttribute('class')).toContain('danger');
    expect(await confirm.getByText('重要：元に戻せない操作です').count()).toBe(1);
    // Never the focused-first control: the safe way out is.
    expect(await focusedText(page)).toBe('やめる');
    await run.shot('final-confirmation');
    await danger.click();

    await waitForText(page, 'を削除（解約）しました');
    const deletions = web.testBot.calls.filter((c) => c.operation === 'deleteMiemasuDevice');
    expect(deletions.map((c) => c.args.deviceId)).toEqual(['DEV-0001']);
    const receipt = page.getByRole('link', { name: /控えを表示（RC-[0-9A-Z]{10}）/ });
    await receipt.waitFor();
    expect(await danger.isDisabled()).toBe(true);
    await run.shot('deleted');

    await page.reload();
    await waitForText(page, 'を削除（解約）しました');
    expect(await page.locator('.msg.bot', { hasText: 'ご用件をお選びください' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '削除する' }).isDisabled()).toBe(true);
    await run.shot('after-reload');
  });
});
