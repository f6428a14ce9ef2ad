/**
 * In a real browser: a customer cancels a HOME type-M portal contract inside its minimum term by clicking —
 * contract, reason, domain handling — and sees the quoted charge as facts before the draft, then acknowledges and confirms.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type BrowserRun, chromiumAvailable, current, openChat, say, waitForText } from './support.js';

const EMAIL = 'portal@example.com';

let run: BrowserRun | undefined;
afterEach(async () => {
  await run?.close();
  run = undefined;
});

describe.skipIf(!chromiumAvailable)('browser: cancelling a portal contract', () => {
  it('shows the charge estimate as facts, then submits after both acknowledgements', {
    timeout: 90_000,
  }, async () => {
    run = await openChat('portal-cancel');
    const { page, web } = run;
    await page.goto(web.url);
    await waitForText(page, 'ご用件をお選びください');
    await current(page)
      .getByRole('button', { name: /^クラウドサービス/ })
      .click();
    await waitForText(page, 'メールアドレスを入力してください');
    await say(page, EMAIL);
    await waitForText(page, '確認コードをお送りしました');
    await say(page, web.testBot.codeFor(EMAIL));
    await waitForText(page, '解約するご契約をお選びください');
    await run.shot('contracts');

    await current(page)
      .getByRole('button', { name: /^HMMH061530/ })
      .click();
    await waitForText(page, '解約の理由をお選びください');
    await current(page).getByRole('button', { name: '費用を見直すため' }).click();
    await waitForText(page, 'ドメインの扱い');
    await current(page).getByRole('button', { name: 'ドメインを他社サービスへ移行する' }).click();
    // Invariant 10: the terms are shown before anything is written (no draft yet).
    await waitForText(page, '解約のお申込（下書きの作成）を始める前に');
    expect(web.testBot.calls.map((c) => c.operation)).not.toContain('createCancellationApplication');

    const quote = current(page);
    const facts = await quote
      .locator('table.facts tr')
      .evaluateAll((rows) =>
        rows.map((row) => [row.querySelector('th')?.textContent, row.querySelector('td')?.textContent]),
      );
    expect(facts).toContainEqual([
      'まとめて請求される金額（目安）',
      '￥13,200（標準価格による目安の金額です）',
    ]);
    expect(facts).toContainEqual(['解約日（サービス最終日）', '2026年12月31日(木)']);
    expect(facts).toContainEqual(['最低利用期間までの残りの請求回数', '4回']);
    expect(web.testBot.calls.map((c) => c.operation)).not.toContain('submitCancellationApplication');
    await run.shot('quote-with-charge');

    // Shown as statements, not ticked here: the acknowledgements are asked once, for the application.
    expect(await quote.getByRole('checkbox').count()).toBe(0);
    await waitForText(page, '残り4回分、￥13,200');
    await waitForText(page, '下書き）を作成し、最終確認に進みますか');
    await quote.getByRole('button', { name: '下書きを作成して最終確認へ' }).click();

    // The draft exists now; the terms are acknowledged, once, for that application before it is submitted.
    await waitForText(page, 'まだ解約は確定していません');
    const application = current(page);
    const submit = application.getByRole('button', { name: '確認しました' });
    await application.getByRole('checkbox', { name: /サービスが終了し/ }).check();
    expect(await submit.isDisabled()).toBe(true);
    await application.getByRole('checkbox', { name: /残り4回分、￥13,200/ }).check();
    expect(await submit.isDisabled()).toBe(false);
    await submit.click();

    await waitForText(page, 'ご契約 HMMH061530 の解約を申し込みます');
    const confirm = page.locator('.msg.bot', { hasText: 'の解約を申し込みます' }).last();
    await run.shot('final-confirmation');
    await confirm.getByRole('button', { name: '解約を申し込む' }).click();

    await waitForText(page, '解約のお申込を承りました');
    const submitted = web.testBot.calls.filter((c) => c.operation === 'submitCancellationApplication');
    expect(submitted).toHaveLength(1);
    const done = page.locator('.msg.bot', { hasText: '解約のお申込を承りました' });
    expect(await done.getByText('完了').first().isVisible()).toBe(true);
    expect(await done.locator('table.facts').textContent()).toContain('解約お申込受付中');
    await page.getByRole('link', { name: /控えを表示/ }).waitFor();
    await run.shot('submitted');
  });
});
