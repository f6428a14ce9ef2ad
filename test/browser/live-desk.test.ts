/**
 * In a real browser: a customer in the web chat asks for a person during a cancellation; an agent in the Slack
 * agents' room (signed requests to the bot, fake Slack Web API) claims the ticket, writes, and hands back. The
 * page shows the agent's messages without a reload (pushed over its event stream while a ticket is open, not
 * polled), and the bot resumes at the question the customer was at. Screenshots in `screenshots/live-desk/`.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AGENT,
  click,
  type LiveDeskHarness,
  ROOM,
  rootPost,
  startLiveDeskHarness,
  threadReply,
} from '../live-desk-e2e/harness.js';
import { CHROMIUM, chromiumAvailable, current, say, screenshotDirectory, waitForText } from './support.js';

const SCREENSHOTS = screenshotDirectory('live-desk');

interface Run {
  h: LiveDeskHarness;
  browser: BrowserContext;
  page: Page;
  errors: string[];
  profile: string;
}

let run: Run | undefined;
afterEach(async () => {
  if (!run) return;
  const { h, browser, profile, errors } = run;
  run = undefined;
  await browser.close();
  await rm(profile, { recursive: true, force: true });
  await h.close();
  expect(errors, 'the page reported errors').toEqual([]);
});

async function open(): Promise<Run> {
  const h = await startLiveDeskHarness();
  const profile = await mkdtemp(join(tmpdir(), 'chat-live-desk-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    viewport: { width: 360, height: 780 },
    locale: 'ja-JP',
    timeout: 30_000,
  });
  browser.setDefaultTimeout(10_000);
  const page = browser.pages()[0] ?? (await browser.newPage());
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await rm(SCREENSHOTS, { recursive: true, force: true });
  await mkdir(SCREENSHOTS, { recursive: true });
  return { h, browser, page, errors, profile };
}

/** Whether the newest message with `text` begins in the visible part of the log (scrolled to, not hidden). */
async function startsAboveComposer(page: Page, text: string): Promise<boolean> {
  const message = page.locator('.msg.bot', { hasText: text }).last();
  await page.waitForTimeout(300); // let the smooth scroll, if any, settle
  const composer = await page.locator('#composer').boundingBox();
  const box = await message.boundingBox();
  return box !== null && composer !== null && box.y >= 0 && box.y < composer.y;
}

let shots = 0;
async function shot(page: Page, step: string): Promise<void> {
  shots += 1;
  await page.screenshot({ path: join(SCREENSHOTS, `${String(shots).padStart(2, '0')}-${step}.png`) });
}

describe.skipIf(!chromiumAvailable)('browser: live chat with a person in the Slack agents’ room', () => {
  it('shows the agent joining and writing without a reload, relays the customer, and resumes the bot after hand-back', {
    timeout: 120_000,
  }, async () => {
    run = await open();
    const { h, page } = run;
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(h.url);
    await waitForText(page, 'ご用件をお選びください');
    await say(page, 'ポータルの契約を解約したい');
    await waitForText(page, 'メールアドレスを入力してください');
    await say(page, 'オペレーター');
    await waitForText(page, 'このチャットで担当者とお話しすることもできます');
    await shot(page, 'offer');
    await page
      .locator('.msg.bot', { hasText: 'このチャットで担当者とお話しすることもできます' })
      .getByRole('button', { name: 'チャットで担当者と話す' })
      .click();
    await waitForText(page, '担当者にお知らせしました');
    await shot(page, 'waiting');

    // The agent claims in Slack: the page shows it by itself (no reload, no action of the customer).
    const root = rootPost(h);
    expect(root.text).toContain('【チャット対応のご依頼】');
    const loads: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) loads.push(frame.url());
    });
    await h.slack(click(AGENT, 'handoff.claim', root));
    await waitForText(page, '担当者がチャットに参加しました');
    await h.slack(threadReply(AGENT, root.ts, 'お問い合わせありがとうございます。ご用件を伺います。'));
    await waitForText(page, '担当者：お問い合わせありがとうございます。ご用件を伺います。');
    expect(await startsAboveComposer(page, '担当者：お問い合わせありがとうございます。')).toBe(true);
    // The composer's hint no longer promises the bot's commands while a person is on the line.
    expect(await page.locator('#composer-hint').textContent()).toContain('担当者に届きます');
    await shot(page, 'agent-writes');
    // Pushed, not polled: the page holds an event stream, and fetches nothing while nothing happens.
    expect(requests.some((url) => url.includes('/chat/api/events?after='))).toBe(true);
    const before = requests.length;
    await page.waitForTimeout(2_500);
    expect(requests.slice(before).filter((url) => url.includes('/chat/api/history'))).toEqual([]);

    // The customer's words go to the ticket's thread.
    await say(page, '解約の前に料金を確認したいです');
    await page.locator('.msg.user', { hasText: '解約の前に料金を確認したいです' }).waitFor();
    await expect
      .poll(() =>
        h.fake.calls.some(
          (c) =>
            c.method === 'chat.postMessage' &&
            c.body.channel === ROOM &&
            c.body.thread_ts === root.ts &&
            String(c.body.text).includes('解約の前に料金を確認したいです'),
        ),
      )
      .toBe(true);
    await shot(page, 'customer-writes');

    // Hand back from the thread controls: the bot asks its question again, and answers again.
    const controls = h.fake.calls.find(
      (c) =>
        c.method === 'chat.postMessage' &&
        c.body.thread_ts === root.ts &&
        JSON.stringify(c.body.blocks).includes('handoff.hand-back'),
    );
    if (!controls) throw new Error('no thread controls');
    await h.slack(
      click(AGENT, 'handoff.hand-back', {
        ts: String(controls.response.ts),
        text: String(controls.body.text),
        blocks: controls.body.blocks,
      }),
    );
    await waitForText(page, '担当者からボットのご案内に戻しました');
    expect(await current(page).textContent()).toContain('メールアドレス');
    expect(await startsAboveComposer(page, '担当者からボットのご案内に戻しました')).toBe(true);
    expect(await page.locator('#composer-hint').textContent()).toContain('いつでも使えます');
    await shot(page, 'handed-back');
    expect(loads).toEqual([]);

    await say(page, 'portal@example.com');
    await waitForText(page, '確認コードをお送りしました');
    await shot(page, 'bot-resumes');
    expect(h.testBot.errors).toEqual([]);
  });

  it('falls back to fetching the history when the browser has no EventSource', {
    timeout: 120_000,
  }, async () => {
    run = await open();
    const { h, page } = run;
    await page.addInitScript(() => {
      Reflect.deleteProperty(globalThis, 'EventSource');
    });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(h.url);
    await waitForText(page, 'ご用件をお選びください');
    await say(page, 'ポータルの契約を解約したい');
    await waitForText(page, 'メールアドレスを入力してください');
    await say(page, 'オペレーター');
    await page
      .locator('.msg.bot', { hasText: 'このチャットで担当者とお話しすることもできます' })
      .getByRole('button', { name: 'チャットで担当者と話す' })
      .click();
    await waitForText(page, '担当者にお知らせしました');
    const root = rootPost(h);
    await h.slack(click(AGENT, 'handoff.claim', root));
    await h.slack(threadReply(AGENT, root.ts, 'ポーリングでも届きます。'));
    await waitForText(page, '担当者：ポーリングでも届きます。');
    expect(requests.some((url) => url.includes('/chat/api/events'))).toBe(false);
    expect(requests.filter((url) => url.includes('/chat/api/history?after=')).length).toBeGreaterThan(0);
  });
});
