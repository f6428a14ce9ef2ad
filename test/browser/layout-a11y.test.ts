/**
 * The web chat at phone (360 px) and desktop (1280 px) widths in Chromium: a header saying whose service this
 * is, its hours (and the privacy link when configured); the page starts at its top; a solid danger button; no
 * terminal hints; after completion a next step and a focus that is not the text box (no phone keyboard).
 * axe-core checks the page at each key step: no serious or critical violations. Screenshots are committed
 * under test/browser/screenshots/layout-<width>/.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { type BrowserRun, chromiumAvailable, current, openChat, say, waitForText } from './support.js';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const EMAIL = 'camera-two@example.com';

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

/** Serious and critical axe-core violations of the page as it is now (WCAG 2.x A/AA rules). */
async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP (script-src 'self') does not apply to.
  if (!(await page.evaluate('typeof window.axe !== "undefined"')))
    await page.evaluate(`${AXE_SOURCE}\n;true`);
  const violations = await page.evaluate<AxeViolation[]>(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target })) })))`,
  );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

let run: BrowserRun | undefined;
afterEach(async () => {
  await run?.close();
  run = undefined;
});

describe.skipIf(!chromiumAvailable)('browser: layout and accessibility', () => {
  it.each([
    [360, 780],
    [1280, 900],
  ])(
    'at %i px: header, top of page, solid danger button, next step, focus, axe',
    {
      timeout: 120_000,
    },
    async (width, height) => {
      run = await openChat(`layout-${width}`, { viewport: { width, height } });
      const { page, web } = run;
      await page.goto(web.url);
      await waitForText(page, 'ご用件をお選びください');
      const header = await page.locator('header.top').textContent();
      expect(header).toContain('みえますねっと');
      expect(header).toContain('キヤノンマーケティングジャパン');
      expect(header).toContain('平日 9:00〜18:00');
      // Starts at the top: the title is visible, not scrolled away.
      expect(await page.evaluate<number>('window.scrollY')).toBe(0);
      expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      await run.shot('start');

      await current(page).getByRole('button', { name: 'みえますねっと：機器を削除（解約）する' }).click();
      await waitForText(page, 'メールアドレスを入力してください');
      await say(page, EMAIL);
      await waitForText(page, '確認コードをお送りしました');
      await say(page, web.testBot.codeFor(EMAIL));
      await waitForText(page, '削除（解約）する機器をお選びください');
      await current(page)
        .getByRole('button', { name: /^CameraOA/ })
        .click();
      await current(page).getByRole('button', { name: 'この機器を削除（解約）したい' }).click();
      await waitForText(page, '次の内容をご確認ください');
      // No terminal hint on the web card.
      expect(await current(page).textContent()).not.toMatch(/例: 1 2 3|文字でお答えの場合/);
      expect(await seriousViolations(page)).toEqual([]);
      await run.shot('acknowledgements');
      for (const box of await current(page).getByRole('checkbox').all()) await box.check();
      await current(page).getByRole('button', { name: '確認しました' }).click();

      await waitForText(page, 'を削除（解約）します。よろしいですか？');
      const danger = current(page).getByRole('button', { name: '削除する' });
      expect(await danger.count()).toBe(1);
      const style = await page.evaluate<{ border: string; background: string }>(
        "(() => { const s = getComputedStyle([...document.querySelectorAll('.msg.bot')].at(-1).querySelector('button.danger')); return { border: s.borderTopStyle, background: s.backgroundColor }; })()",
      );
      expect(style.border).toBe('solid');
      expect(style.background).toBe('rgb(179, 38, 30)');
      expect(await seriousViolations(page)).toEqual([]);
      await run.shot('final-confirmation');
      await danger.click();

      await waitForText(page, 'を削除（解約）しました');
      const next = page.locator('.next-step').last();
      await next.waitFor();
      expect(await next.getByRole('button', { name: 'メニューに戻る' }).isVisible()).toBe(true);
      // The focus is not the text box: a phone's keyboard does not open by itself.
      expect(await page.evaluate<string | undefined>('document.activeElement?.tagName')).not.toBe('TEXTAREA');
      expect(await seriousViolations(page)).toEqual([]);
      await run.shot('completed');

      await next.getByRole('button', { name: '終了する' }).click();
      await page.getByText('ご利用ありがとうございました').waitFor();
      expect(await page.evaluate<string | undefined>('document.activeElement?.tagName')).not.toBe('TEXTAREA');
      await run.shot('done');
    },
  );
});
