/**
 * Live desk with a LINE customer, end to end over HTTP: the whole bot as the server wires it (Slack agents'
 * room on a fake Web API, LINE on a fake Messaging API). The customer asks for a person in LINE, the ticket appears
 * in the Slack room (with the LINE user named only by its digest), the agent claims it, and the two talk —
 * the agent's words reach LINE by push — until the agent hands back and the question is shown again in LINE.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { lineActorId } from '../../../adapters/line/identity.js';
import { DESK_CHOICES } from '../../../src/live-desk/index.js';
import {
  AGENT,
  blocksText,
  buttonIn,
  click,
  type LiveDeskHarness,
  rootPost,
  startLiveDeskHarness,
  threadReply,
} from '../../live-desk-e2e/harness.js';
import { type FakeLine, startFakeLine } from '../../support/fake-line.js';
import {
  postbackEvent,
  signLine,
  TEST_LINE_SECRET,
  TEST_LINE_TOKEN,
  textEvent,
  webhookBody,
} from '../../support/line-events.js';
import { parseMessage } from './seen.js';

const USER = 'U7d1c2b3a4f5e6d7c8b9a0f1e2d3c4b5a';

let h: LiveDeskHarness | undefined;
let line: FakeLine | undefined;
afterEach(async () => {
  await h?.close();
  await line?.close();
  h = undefined;
  line = undefined;
});

/** Waits (bounded) until `done` holds: LINE events are handled after the webhook's 200. */
async function until(done: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('live desk: LINE customer ↔ Slack agents’ room', () => {
  it('relays both ways after a claim, by push to LINE, until hand-back shows the question again', {
    timeout: 60_000,
  }, async () => {
    line = await startFakeLine({ accessToken: TEST_LINE_TOKEN });
    h = await startLiveDeskHarness({
      env: {
        LINE_CHANNEL_SECRET: TEST_LINE_SECRET,
        LINE_CHANNEL_ACCESS_TOKEN: TEST_LINE_TOKEN,
        LINE_API_URL: line.url,
      },
    });
    const fake = line;
    const harness = h;
    const seen = () => fake.messagesOf(USER).map((m) => parseMessage(m.id, m.message));
    const send = async (event: Record<string, unknown>) => {
      const shown = fake.messagesOf(USER).length;
      const body = webhookBody([event]);
      const response = await fetch(`${harness.url}/line/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-line-signature': signLine(body) },
        body,
      });
      expect(response.status).toBe(200);
      await until(() => fake.messagesOf(USER).length > shown, 'the answer in LINE');
    };
    const say = (text: string) =>
      send(textEvent({ userId: USER, replyToken: fake.issueReplyToken(USER), text }));

    await say('ポータルの契約を解約したい');
    expect(seen().at(-1)?.text).toContain('メールアドレス');
    await say('オペレーター');
    const offer = seen().findLast((m) => m.choices.some((c) => c.id === DESK_CHOICES.live));
    const live = offer?.buttons.find(
      (b) => b.postback.kind === 'choice' && b.postback.choiceId === DESK_CHOICES.live,
    );
    if (!live) throw new Error('No live-chat offer in LINE');
    await send(postbackEvent({ userId: USER, replyToken: fake.issueReplyToken(USER), data: live.data }));
    expect(seen().at(-1)?.text).toMatch(/受付番号: HK-/);

    // The ticket in the Slack room: channel line, the user only as a digest.
    const root = rootPost(harness);
    expect(root.text).toContain('チャネル: line / ja');
    expect(root.text).not.toContain(USER);
    expect(JSON.stringify(harness.fake.calls)).not.toContain(USER);
    expect(root.text).toContain(lineActorId(USER));

    // The agent claims: the LINE customer is told, by push.
    const before = fake.sent.length;
    await harness.slack(click(AGENT, 'handoff.claim', root));
    await until(() => fake.sent.length > before, 'the claim notice');
    expect(fake.sent.at(-1)?.via).toBe('push');
    expect(seen().at(-1)?.text).toContain('担当者がチャットに参加しました');

    // The agent's thread reply reaches LINE; the customer's words reach the thread.
    await harness.slack(threadReply(AGENT, root.ts, 'お問い合わせありがとうございます。ご用件を伺います。'));
    await until(() => seen().at(-1)?.text.includes('ご用件を伺います') === true, 'the agent’s words');
    const relayedBefore = harness.roomCalls('chat.postMessage').length;
    const body = webhookBody([
      textEvent({ userId: USER, replyToken: fake.issueReplyToken(USER), text: '料金を確認したいです' }),
    ]);
    await fetch(`${harness.url}/line/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-line-signature': signLine(body) },
      body,
    });
    await until(
      () => harness.roomCalls('chat.postMessage').length > relayedBefore,
      'the relay to the thread',
    );
    const relayed = harness
      .roomCalls('chat.postMessage')
      .filter((c) => c.body.thread_ts === root.ts)
      .map((c) => String(c.body.text));
    expect(relayed.some((text) => text.includes('料金を確認したいです'))).toBe(true);

    // Hand back: the customer is told and sees the question again, with buttons of the new version.
    const controls = harness
      .roomCalls('chat.postMessage')
      .find((c) => c.body.thread_ts === root.ts && buttonIn(c.body.blocks, 'handoff.hand-back'));
    if (!controls) throw new Error('no controls');
    const shown = fake.sent.length;
    await harness.slack(
      click(AGENT, 'handoff.hand-back', {
        ts: String(controls.response.ts),
        text: String(controls.body.text),
        blocks: controls.body.blocks,
        threadTs: root.ts,
      } as { ts: string; text: string; blocks: unknown }),
    );
    await until(() => seen().some((m) => m.text.includes('ボットのご案内に戻しました')), 'the hand-back');
    await until(
      () => fake.sent.length > shown && (seen().at(-1)?.text.includes('メールアドレス') ?? false),
      'the question again',
    );
    expect(blocksText(harness.roomCalls('chat.update').at(-1)?.body.blocks)).toContain('ボットに戻しました');
    await say('portal@example.com');
    expect(seen().at(-1)?.text).toContain('確認コードをお送りしました');
    expect(harness.testBot.errors).toEqual([]);
  });
});
