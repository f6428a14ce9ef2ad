/**
 * In a real browser: the annual-pack withdrawal asks for a typed phrase after the final confirmation. A wrong
 * phrase withdraws nothing; the right one does. (camera-empty@example.com has no devices left.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type BrowserRun, chromiumAvailable, current, openChat, say, waitForText } from './support.js';

const EMAIL = 'camera-empty@example.com';

let run: BrowserRun | undefined;
afterEach(async () => {
  await run?.close();
  run = undefined;
});

describe.skipIf(!chromiumAvailable)('browser: typed confirmation', () => {
  it('withdraws only after the exact phrase is typed', { timeout: 90_000 }, async () => {
    run = await openChat('withdraw-typed');
    const { page, web } = run;
    await page.goto(web.url);
    await waitForText(page, 'ご用件をお選びください');
    await current(page).getByRole('button', { name: 'みえますねっと：年間パックを退会する' }).click();
    await waitForText(page, 'メールアドレスを入力してください');
    await say(page, EMAIL);
    await waitForText(page, '確認コードをお送りしました');
    await say(page, web.testBot.codeFor(EMAIL));
    await waitForText(page, '退会する前に、次の内容をご確認ください');
    await current(page).getByRole('checkbox').check();
    await current(page).getByRole('button', { name: '確認しました' }).click();
    await waitForText(page, 'を退会します。よろしいですか？');
    await current(page).getByRole('button', { name: '退会する' }).click();
    await waitForText(page, '「退会します」と入力してください');

    const phrase = current(page).getByLabel('確認の文言（「退会します」）');
    expect(await phrase.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
    await phrase.fill('退会');
    await run.shot('typed-wrong');
    await phrase.press('Enter');
    await waitForText(page, '入力が一致しませんでした');
    expect(web.testBot.calls.map((c) => c.operation)).not.toContain('withdrawAnnualPack');

    await current(page).getByLabel('確認の文言（「退会します」）').fill('退会します');
    await current(page).getByRole('button', { name: '入力して確定' }).click();
    await waitForText(page, '退会処理完了');
    expect(web.testBot.calls.filter((c) => c.operation === 'withdrawAnnualPack')).toHaveLength(1);
    await run.shot('withdrawn');
  });
});
