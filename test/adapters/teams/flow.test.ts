/**
 * Conversations through the real Teams channel (botbuilder CloudAdapter on /api/messages, fake Bot Connector),
 * the full bot behind it: personal chat, card submits, redelivery, double submits, stale cards, answered-card
 * updates, channel mentions, the welcome card and agent commands.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SentActivity } from '../../support/fake-connector.js';
import {
  botAddedActivity,
  channelMentionActivity,
  messageActivity,
  personalConversationId,
  submitActivity,
} from '../../support/teams-activities.js';
import { startTeamsDriver, type TeamsDriver, type TeamsDriverOptions } from './driver.js';
import { cardOf, parseCard } from './seen.js';

const CAMERA = 'camera-two@example.com';
const DEVICE_ACKS = ['no-refund', 'license-forfeit', 'data-loss'];
const USER = 'aad-user-1';

const running: TeamsDriver[] = [];
async function start(options: TeamsDriverOptions = {}): Promise<TeamsDriver> {
  const driver = await startTeamsDriver(options);
  running.push(driver);
  return driver;
}
afterEach(async () => {
  for (const driver of running.splice(0)) await driver.close();
});

const deletions = (d: TeamsDriver) => d.testBot.calls.filter((c) => c.operation === 'deleteMiemasuDevice');
const latest = (d: TeamsDriver, user = USER) => {
  const message = d.messages(user).at(-1);
  if (!message) throw new Error('nothing shown');
  return message;
};

/** Signs in as camera-two and walks to the final (danger) button for CameraOA. */
async function toFinal(d: TeamsDriver): Promise<void> {
  await d.say(USER, 'カメラを削除したい');
  expect(latest(d).text).toContain('メールアドレス');
  await d.say(USER, CAMERA);
  await d.say(USER, d.testBot.codeFor(CAMERA));
  await d.click(USER, 'DEV-0001');
  await d.click(USER, 'delete');
  const acks = latest(d);
  expect(acks.acks.map((a) => a.id)).toEqual(DEVICE_ACKS);
  await d.acknowledge(USER, DEVICE_ACKS);
  expect(latest(d).choices).toContainEqual(expect.objectContaining({ id: 'confirm', style: 'danger' }));
}

describe('personal chat', () => {
  it('deletes a camera device end to end: one-time code, device, toggles, destructive submit', async () => {
    const d = await start();
    await toFinal(d);
    expect(deletions(d)).toEqual([]);
    await d.click(USER, 'confirm');
    expect(
      d
        .messages(USER)
        .map((m) => m.text)
        .join('\n'),
    ).toContain('削除（解約）しました');
    expect(deletions(d)).toHaveLength(1);
    expect(deletions(d)[0]?.outcome).toBe('ok');
    // Replies went to the user's personal conversation, as replies to the activity they answer.
    expect(d.connector.activities.every((a) => a.conversationId === personalConversationId(USER))).toBe(true);
    expect(d.connector.activities.every((a) => a.replyToId !== undefined)).toBe(true);
    expect(d.connector.unknown).toEqual([]);
    expect(d.testBot.errors).toEqual([]);
  });

  it('updates each answered card: no inputs or buttons left, and the answer named', async () => {
    const d = await start();
    await toFinal(d);
    const final = latest(d);
    await d.click(USER, 'confirm');
    const update = d.connector.updates.find((u) => u.activityId === final.id);
    expect(update).toBeDefined();
    if (!update) return;
    const parsed = parseCard(final.id, update.activity);
    expect(parsed.actions).toEqual([]);
    expect(parsed.inputs).toEqual([]);
    expect(parsed.seen.text).toContain('回答済み: 削除する');
    // Every card that had buttons is closed once the conversation moved past it.
    const stillOpen = d
      .messages(USER)
      .slice(0, -1)
      .filter((m) => m.choices.length > 0 || m.acks.length > 0);
    expect(stillOpen).toEqual([]);
    const ackCard = d.connector.updates.find((u) =>
      JSON.stringify(u.activity).includes('回答済み: すべて確認しました'),
    );
    expect(ackCard).toBeDefined();
  });

  it('withdraws with the typed phrase: a wrong phrase is refused and calls nothing, the right one withdraws once', async () => {
    const d = await start();
    const EMPTY = 'camera-empty@example.com';
    await d.say(USER, 'こんにちは');
    await d.click(USER, 'miemasu-withdraw');
    await d.say(USER, EMPTY);
    await d.say(USER, d.testBot.codeFor(EMPTY));
    await d.acknowledge(USER, ['account-deletion']);
    await d.click(USER, 'confirm');
    const typed = latest(d);
    expect(typed.typedConfirmation).toBe('退会します');
    await d.typeConfirmation(USER, '退会');
    const withdrawals = () => d.testBot.calls.filter((c) => c.operation === 'withdrawAnnualPack');
    expect(withdrawals()).toEqual([]);
    expect(latest(d).text).toContain('入力が一致しませんでした');
    // The refused card names the button pressed, never the phrase as if it had been accepted.
    const refused = d.messages(USER).find((m) => m.id === typed.id);
    expect(refused?.text).toContain('回答済み: 送信する');
    expect(refused?.typedConfirmation).toBeUndefined();
    await d.typeConfirmation(USER, '退会します');
    expect(withdrawals()).toHaveLength(1);
    expect(
      d
        .messages(USER)
        .map((m) => m.text)
        .join('\n'),
    ).toContain('退会処理完了');
  });

  it('a redelivered activity (same id) gets one reply and runs once', async () => {
    const d = await start();
    await d.say(USER, 'カメラを削除したい');
    await d.say(USER, CAMERA);
    const shown = d.connector.activities.length;
    const calls = d.testBot.calls.length;
    const mails = d.testBot.outbox.length;
    await d.redeliverLast();
    expect(d.connector.activities).toHaveLength(shown);
    expect(d.testBot.calls).toHaveLength(calls);
    expect(d.testBot.outbox).toHaveLength(mails);
  });

  it('a double submit of the destructive button deletes once', async () => {
    const d = await start();
    await toFinal(d);
    await d.doubleClick(USER, 'confirm');
    expect(deletions(d)).toHaveLength(1);
    expect(
      d
        .messages(USER)
        .map((m) => m.text)
        .join('\n'),
    ).toContain('削除（解約）しました');
  });

  it('a submit from an answered card is refused as stale and calls nothing', async () => {
    const d = await start();
    await d.say(USER, 'カメラを削除したい');
    await d.say(USER, CAMERA);
    await d.say(USER, d.testBot.codeFor(CAMERA));
    const devices = latest(d);
    await d.click(USER, 'DEV-0001');
    expect(d.messages(USER).find((m) => m.id === devices.id)?.choices).toEqual([]);
    const before = d.testBot.calls.length;
    await d.click(USER, 'DEV-0002', { messageId: devices.id });
    expect(latest(d).text).toContain('以前の画面');
    expect(d.testBot.calls).toHaveLength(before);
    expect(deletions(d)).toEqual([]);
  });

  it('a card submit that is not ours is ignored: no engine turn, no reply', async () => {
    const d = await start();
    const status = await d.post(
      submitActivity({
        serviceUrl: d.connector.url,
        aadObjectId: USER,
        value: { hb: 'choice' },
        replyToId: 'x',
      }),
    );
    expect(status).toBe(200);
    expect(d.connector.activities).toEqual([]);
  });

  it('answers in English when Teams says the user is in English', async () => {
    const d = await start();
    await d.post(
      messageActivity({ serviceUrl: d.connector.url, aadObjectId: USER, text: 'hello', locale: 'en-US' }),
    );
    expect(latest(d).text).toContain('Hello');
  });
  it("the adapter's own captions follow the conversation's language after the user switches it", async () => {
    const d = await start();
    await d.say(USER, 'English');
    expect(latest(d).text).toContain('I will continue in English.');
    await d.say(USER, 'hello');
    const closed = d.messages(USER).at(-2);
    expect(closed?.text).toContain('This message is closed.');
    expect(closed?.choices).toEqual([]);
  });
});

describe('channels and installation', () => {
  const CHANNEL = '19:general@thread.tacv2;messageid=1700000000000';

  it('answers a channel message that mentions the bot, in its thread, with the mention removed', async () => {
    const d = await start();
    const activity = channelMentionActivity({
      serviceUrl: d.connector.url,
      aadObjectId: USER,
      conversationId: CHANNEL,
      text: 'カメラを削除したい',
    });
    expect(await d.post(activity)).toBe(200);
    const replies = d.connector.activities.filter((a) => a.conversationId === CHANNEL);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.replyToId).toBe(activity.id);
    expect(parseCard('r', replies[0]?.activity as SentActivity).seen.text).toContain('メールアドレス');
    // The thread is its own conversation: the personal chat has not started.
    await d.say(USER, CAMERA);
    expect(latest(d).text).not.toContain('確認コード');
  });

  it('ignores a channel message that does not mention the bot', async () => {
    const d = await start();
    const activity = channelMentionActivity({
      serviceUrl: d.connector.url,
      aadObjectId: USER,
      conversationId: CHANNEL,
      text: 'カメラを削除したい',
      mention: false,
    });
    expect(await d.post(activity)).toBe(200);
    expect(d.connector.activities).toEqual([]);
  });

  it('welcomes with the entry points when added; a button starts that procedure', async () => {
    const d = await start();
    await d.post(botAddedActivity({ serviceUrl: d.connector.url, aadObjectId: USER }));
    const welcome = d.cards(personalConversationId(USER))[0];
    expect(welcome).toBeDefined();
    if (!welcome) return;
    const starts = welcome.actions.map((a) => a.data);
    expect(starts).toContainEqual({ hb: 'start', dialogId: 'miemasu-delete-device' });
    expect(welcome.seen.text).not.toContain('act');
    const deleteDevice = welcome.actions.find((a) => a.data.dialogId === 'miemasu-delete-device');
    if (!deleteDevice) return;
    await d.press(USER, welcome, deleteDevice);
    expect(latest(d).text).toMatch(/メールアドレス|ご利用いただけません/);
    expect(d.testBot.calls).toEqual([]);
  });

  it('the welcome explains the agent commands to agents only', async () => {
    const d = await start({ agents: ['aad-agent'] });
    await d.post(botAddedActivity({ serviceUrl: d.connector.url, aadObjectId: 'aad-agent' }));
    const card = cardOf(d.connector.activities[0]?.activity ?? {});
    expect(JSON.stringify(card)).toContain('act メールアドレス');
  });
});

describe('agent commands', () => {
  it('`act` by someone who is not an agent is refused and touches no customer', async () => {
    const d = await start({ agents: ['aad-agent'] });
    await d.say(USER, 'act portal@example.com');
    expect(
      d
        .messages(USER)
        .map((m) => m.text)
        .join('\n'),
    ).toContain('担当者のみ');
    expect(d.testBot.calls.map((c) => c.operation)).not.toContain('findCustomer');
    expect(d.testBot.outbox).toEqual([]);
  });

  it('an agent starts acting for a customer with `act` and stops with `end`', async () => {
    const agent = 'aad-agent';
    const d = await start({ agents: [agent] });
    await d.actFor(agent, 'portal@example.com');
    const found = latest(d, agent);
    expect(found.acks).toHaveLength(1);
    await d.acknowledge(
      agent,
      found.acks.map((a) => a.id),
    );
    await d.click(agent, 'confirm');
    expect(
      d
        .messages(agent)
        .map((m) => m.text)
        .join('\n'),
    ).toContain('代理');
    await d.say(agent, 'end');
    expect(latest(d, agent).text).toContain('代理対応を終了しました');
    await d.say(agent, 'end');
    expect(latest(d, agent).text).toContain('代理対応中のお客様はいません');
  });
});
