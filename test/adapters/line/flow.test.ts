/**
 * The LINE channel end to end (signed webhooks to /line/webhook, fake Messaging API): what only LINE has —
 * signatures, redelivery, reply tokens that expire, push, acknowledgements one by one, identity — beside the
 * shared guarantees of test/channels/parity.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { lineActorId } from '../../../adapters/line/identity.js';
import {
  followEvent,
  newWebhookEventId,
  postbackEvent,
  signLine,
  stickerEvent,
  TEST_LINE_SECRET,
  textEvent,
  webhookBody,
} from '../../support/line-events.js';
import { type LineDriver, type LineDriverOptions, startLineDriver } from './driver.js';

const CAMERA = 'camera-two@example.com';
const DEVICE_ACKS = ['no-refund', 'license-forfeit', 'data-loss'];
/** A LINE user id as LINE writes them. */
const USER = 'U4af4980629c0f8a8f1a2b3c4d5e6f708';

let driver: LineDriver | undefined;
afterEach(async () => {
  await driver?.close();
  driver = undefined;
});

async function open(options: LineDriverOptions = {}): Promise<LineDriver> {
  driver = await startLineDriver(options);
  return driver;
}

const deletions = (d: LineDriver) => d.testBot.calls.filter((c) => c.operation === 'deleteMiemasuDevice');

/** Up to the acknowledgement card of CameraOA's deletion. */
async function toAcknowledgements(d: LineDriver): Promise<void> {
  await d.say(USER, 'カメラを削除したい');
  await d.say(USER, CAMERA);
  await d.say(USER, d.testBot.codeFor(CAMERA));
  await d.click(USER, 'DEV-0001');
  await d.click(USER, 'delete');
  expect(
    d
      .seen(USER)
      .at(-1)
      ?.acks.map((a) => a.id),
  ).toEqual(DEVICE_ACKS);
}

describe('signature', () => {
  it('a forged, missing or tampered signature is refused with 401 and changes nothing', async () => {
    const d = await open();
    const body = webhookBody([
      textEvent({ userId: USER, replyToken: d.fake.issueReplyToken(USER), text: 'カメラを削除したい' }),
    ]);
    expect(await d.post(body, signLine(body, 'ffffffffffffffffffffffffffffffff'))).toBe(401);
    expect(await d.post(body, null)).toBe(401);
    expect(await d.post(body, 'not base64')).toBe(401);
    const tampered = body.replace('カメラを削除したい', 'カメラを削除したいです');
    expect(await d.post(tampered, signLine(body))).toBe(401);
    expect(d.fake.requests).toEqual([]);
    expect(d.testBot.calls).toEqual([]);
    expect(await d.testBot.context.pipeline.engine.describe(`line:${USER}`)).toBeUndefined();
    // The same body correctly signed is answered.
    expect(await d.post(body, signLine(body, TEST_LINE_SECRET))).toBe(200);
    expect(d.fake.messagesOf(USER)).toHaveLength(1);
  });

  it("a signed body that is not a webhook is 400; an empty event list (the console's Verify) is 200", async () => {
    const d = await open();
    expect(await d.post('not json')).toBe(400);
    expect(await d.post('[]')).toBe(400);
    expect(await d.post(JSON.stringify({ destination: 'U1' }))).toBe(400);
    expect(await d.post(webhookBody([]))).toBe(200);
    expect(d.fake.requests).toEqual([]);
  });

  it('a body over the limit is 413 before anything is read into the bot', async () => {
    const d = await open();
    const body = webhookBody([textEvent({ userId: USER, text: 'x'.repeat(300 * 1024) })]);
    expect(await d.post(body)).toBe(413);
    expect(d.fake.requests).toEqual([]);
  });
});

describe('delivery', () => {
  it('answers with the reply token; a redelivered event (same webhookEventId) is answered once', async () => {
    const d = await open();
    await d.say(USER, 'カメラを削除したい');
    expect(d.fake.sent.map((m) => m.via)).toEqual(['reply']);
    await d.redeliverLast();
    await d.redeliverLast();
    expect(d.fake.sent).toHaveLength(1);
    expect(d.fake.requests).toHaveLength(1);
  });

  it('the same event in two webhooks at once is answered once', async () => {
    const d = await open();
    const event = textEvent({ userId: USER, replyToken: d.fake.issueReplyToken(USER), text: 'ヘルプ' });
    const again = { ...event, deliveryContext: { isRedelivery: true } };
    await Promise.all([d.post(webhookBody([event])), d.post(webhookBody([again]))]);
    expect(d.fake.sent).toHaveLength(1);
  });

  it('an expired reply token: the answer goes by push, once', async () => {
    const d = await open();
    const replyToken = d.fake.issueReplyToken(USER);
    d.fake.expireReplyTokens();
    await d.send([textEvent({ userId: USER, replyToken, text: 'ヘルプ' })]);
    expect(d.fake.requests.map((r) => `${r.path} ${r.status}`)).toEqual([
      '/v2/bot/message/reply 400',
      '/v2/bot/message/push 200',
    ]);
    expect(d.fake.messagesOf(USER).map((m) => m.via)).toEqual(['push']);
    expect(d.fake.requests[1]?.retryKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a turn that took longer than the token lasts goes by push without trying the token', async () => {
    let now = 0;
    // Every read of the clock is a minute later: the turn ends a minute after the webhook arrived.
    const d = await open({ channel: { monotonicNow: () => (now += 60_000) } });
    await d.say(USER, 'ヘルプ');
    expect(d.fake.requests.map((r) => r.path)).toEqual(['/v2/bot/message/push']);
    expect(d.fake.messagesOf(USER)).toHaveLength(1);
  });

  it('a push that fails with a 5xx is retried with the same retry key and delivered once', async () => {
    const d = await open({ channel: { replyBudgetMs: 0 } });
    d.fake.failNext('push', 500);
    await d.say(USER, 'ヘルプ');
    const pushes = d.fake.requests.filter((r) => r.path === '/v2/bot/message/push');
    expect(pushes.map((r) => r.status)).toEqual([500, 200]);
    expect(pushes[0]?.retryKey).toBe(pushes[1]?.retryKey);
    expect(d.fake.messagesOf(USER)).toHaveLength(1);
  });

  it('a sticker is asked to be sent as words; a follow gets the welcome with entry points', async () => {
    const d = await open();
    await d.send([stickerEvent({ userId: USER, replyToken: d.fake.issueReplyToken(USER) })]);
    expect(d.seen(USER).at(-1)?.text).toContain('文字でお送りください');
    await d.send([followEvent({ userId: USER, replyToken: d.fake.issueReplyToken(USER) })]);
    const welcome = d.seen(USER).at(-1);
    expect(welcome?.buttons.map((b) => b.postback)).toContainEqual({ kind: 'start', dialogId: 'menu' });
    await d.press(
      USER,
      welcome?.buttons.find((b) => b.postback.kind === 'start' && b.postback.dialogId === 'menu') ??
        (undefined as never),
    );
    expect(d.seen(USER).at(-1)?.choices.length).toBeGreaterThan(0);
    expect(d.testBot.calls).toEqual([]);
  });

  it('group chats and standby events are not answered', async () => {
    const d = await open();
    await d.send([
      textEvent({
        userId: USER,
        replyToken: d.fake.issueReplyToken(USER),
        text: 'ヘルプ',
        sourceType: 'group',
      }),
      textEvent({ userId: USER, replyToken: d.fake.issueReplyToken(USER), text: 'ヘルプ', mode: 'standby' }),
    ]);
    expect(d.fake.requests).toEqual([]);
  });
});

describe('acknowledgements one by one', () => {
  it('each press re-sends the card with what is acknowledged so far; the last one confirms; the engine is called once', async () => {
    const d = await open();
    await toAcknowledgements(d);
    const before = d.testBot.calls.length;
    await d.acknowledge(USER, ['no-refund']);
    const first = d.seen(USER).at(-1);
    expect(first?.text).toContain('確認済み 1/3');
    expect(first?.text).toContain('✓ 1.');
    expect(first?.acks.map((a) => a.id)).toEqual(['license-forfeit', 'data-loss']);
    expect((await d.testBot.context.pipeline.engine.describe(`line:${USER}`))?.acknowledged).toEqual([]);
    await d.acknowledge(USER, ['license-forfeit', 'data-loss']);
    const final = d.seen(USER).at(-1);
    expect(final?.choices).toContainEqual(expect.objectContaining({ id: 'confirm', style: 'danger' }));
    expect(
      (await d.testBot.context.pipeline.engine.describe(`line:${USER}`))?.acknowledged
        .map((a) => a.id)
        .sort(),
    ).toEqual([...DEVICE_ACKS].sort());
    expect(d.testBot.calls).toHaveLength(before);
    await d.click(USER, 'confirm');
    expect(deletions(d)).toHaveLength(1);
  });

  it('an acknowledgement button of an older card is refused by the engine and counts for nothing', async () => {
    const d = await open();
    await toAcknowledgements(d);
    const oldCard = d.seen(USER).at(-1);
    const oldButton = oldCard?.buttons.find((b) => b.postback.kind === 'ack');
    await d.say(USER, '戻る');
    await d.click(USER, 'delete');
    if (!oldButton) throw new Error('no acknowledgement button');
    await d.press(USER, oldButton);
    expect(d.seen(USER).at(-1)?.text).toContain('以前の画面');
    expect((await d.testBot.context.pipeline.engine.describe(`line:${USER}`))?.acknowledged).toEqual([]);
  });

  it('typing the item numbers works as on every channel', async () => {
    const d = await open();
    await toAcknowledgements(d);
    await d.say(USER, '1 2 3');
    expect(d.seen(USER).at(-1)?.choices).toContainEqual(expect.objectContaining({ id: 'confirm' }));
  });
});

describe('typed confirmation', () => {
  it('the phrase is shown to type, and typing it as a message withdraws', async () => {
    const d = await open();
    await d.send([followEvent({ userId: USER, replyToken: d.fake.issueReplyToken(USER) })]);
    const start = d
      .seen(USER)
      .at(-1)
      ?.buttons.find((b) => b.postback.kind === 'start' && b.postback.dialogId === 'miemasu-withdraw');
    if (!start) throw new Error('no withdraw entry point');
    await d.press(USER, start);
    await d.say(USER, 'camera-empty@example.com');
    await d.say(USER, d.testBot.codeFor('camera-empty@example.com'));
    await d.acknowledge(USER, ['account-deletion']);
    await d.click(USER, 'confirm');
    const typed = d.seen(USER).at(-1);
    expect(typed?.typedConfirmation).toBe('退会します');
    await d.typeConfirmation(USER, '退会しま');
    expect(d.seen(USER).at(-1)?.text).toContain('一致しませんでした');
    await d.typeConfirmation(USER, '退会します');
    expect(
      d
        .seen(USER)
        .map((m) => m.text)
        .join('\n'),
    ).toContain('退会処理完了');
    expect(d.testBot.calls.filter((c) => c.operation === 'withdrawAnnualPack')).toHaveLength(1);
  });
});

describe('exactly once on LINE', () => {
  it('the final button pressed twice at once, and its event redelivered, deletes once', async () => {
    const d = await open();
    await toAcknowledgements(d);
    await d.acknowledge(USER, DEVICE_ACKS);
    const confirm = d
      .seen(USER)
      .at(-1)
      ?.buttons.find((b) => b.postback.kind === 'choice' && b.postback.choiceId === 'confirm');
    if (!confirm) throw new Error('no confirm button');
    const event = postbackEvent({
      userId: USER,
      replyToken: d.fake.issueReplyToken(USER),
      data: confirm.data,
    });
    const other = postbackEvent({
      userId: USER,
      replyToken: d.fake.issueReplyToken(USER),
      data: confirm.data,
      webhookEventId: newWebhookEventId(),
    });
    await Promise.all([d.post(webhookBody([event])), d.post(webhookBody([other]))]);
    await d.post(webhookBody([{ ...event, deliveryContext: { isRedelivery: true } }]));
    expect(deletions(d)).toHaveLength(1);
    expect(
      d
        .seen(USER)
        .map((m) => m.text)
        .join('\n'),
    ).toContain('削除（解約）しました');
  });
});

describe('identity', () => {
  it('a LINE user is a customer known only by a digest of their id, and must verify with the one-time code', async () => {
    const d = await open({ agents: [USER] });
    await d.say(USER, 'カメラを削除したい');
    expect(d.seen(USER).at(-1)?.text).toContain('メールアドレス');
    await d.say(USER, CAMERA);
    expect(d.testBot.outbox.map((m) => m.to)).toEqual([CAMERA]);
    await d.say(USER, d.testBot.codeFor(CAMERA));
    const verify = d.testBot.calls.find((c) => c.operation === 'confirmVerification');
    expect(verify?.outcome).toBe('ok');
    expect(lineActorId(USER)).toMatch(/^line:[0-9a-f]{32}$/);
    expect(lineActorId(USER)).not.toContain(USER.slice(1));
  });
});
