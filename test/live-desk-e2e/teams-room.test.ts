/**
 * Live desk with Teams: the agents' room as a Teams channel (cards over a fake Bot Connector, activities in
 * through /api/messages), and a Teams customer reached proactively while a Slack agent answers (the agent's words
 * mirrored into the Teams room's thread).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DESK_CHOICES } from '../../src/live-desk/index.js';
import {
  channelMentionActivity,
  messageActivity,
  personalConversationId,
  submitActivity,
} from '../support/teams-activities.js';
import {
  AGENT,
  botTexts,
  cardOf,
  click,
  type LiveDeskHarness,
  rootPost,
  startLiveDeskHarness,
  TEAMS_AGENT,
  TEAMS_ROOM,
  threadReply,
} from './harness.js';

let h: LiveDeskHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const thread = (rootId: string) => `${TEAMS_ROOM};messageid=${rootId}`;

async function webCustomerAsksForPerson(
  harness: LiveDeskHarness,
): Promise<ReturnType<LiveDeskHarness['web']>> {
  const client = harness.web();
  await client.turn({ kind: 'start', dialogId: 'menu' }, 'turn-start-0001');
  await client.turn({ kind: 'text', text: 'ポータルの契約を解約したい' }, 'turn-cancel-0001');
  const offered = await client.turn({ kind: 'text', text: 'オペレーター' }, 'turn-person-0001');
  const offer = offered.json.entries.find(
    (e) => e.from === 'bot' && e.reply.choices?.some((c) => c.id === DESK_CHOICES.live),
  );
  if (offer?.from !== 'bot') throw new Error('no live-chat offer');
  await client.turn(
    { kind: 'choice', choiceId: DESK_CHOICES.live, stateVersion: offer.reply.stateVersion },
    'turn-live-0001',
  );
  return client;
}

describe('live desk: Teams agents’ room', () => {
  it('posts the ticket as a card, lets only an agent claim, relays both ways in the thread, and hands back', {
    timeout: 60_000,
  }, async () => {
    h = await startLiveDeskHarness({ slackRoom: false, teamsRoom: true });
    const harness = h;
    const client = await webCustomerAsksForPerson(harness);
    const root = harness.connector.activities.find((a) => a.conversationId === TEAMS_ROOM);
    const rootCard = cardOf(root);
    expect(rootCard.text).toContain('【チャット対応のご依頼】');
    const claim = rootCard.actions.find((a) => a.hh === 'claim');
    expect(claim?.ticketId).toMatch(/^HK-/);
    const rootId = root?.id ?? '';
    const base = { serviceUrl: harness.connector.url, conversationType: 'channel' as const };
    const inThread = () => harness.connector.activities.filter((a) => a.conversationId === thread(rootId));

    // Not an agent: a note in the thread, nothing claimed.
    await harness.teams(
      submitActivity({
        ...base,
        aadObjectId: 'aad-stranger',
        conversationId: thread(rootId),
        value: claim ?? {},
        replyToId: rootId,
      }),
    );
    expect(cardOf(inThread().at(-1)).text).toContain('担当者として登録されていない');
    expect(harness.connector.updates).toHaveLength(0);

    // The agent claims: the root card loses its button, the controls appear, the customer is told.
    await harness.teams(
      submitActivity({
        ...base,
        aadObjectId: TEAMS_AGENT,
        conversationId: thread(rootId),
        value: claim ?? {},
        replyToId: rootId,
      }),
    );
    const rootUpdate = harness.connector.updates.find((u) => u.activityId === rootId);
    expect(cardOf({ id: rootId, conversationId: '', activity: rootUpdate?.activity ?? {} }).actions).toEqual(
      [],
    );
    expect(JSON.stringify(rootUpdate?.activity)).toContain(`User ${TEAMS_AGENT} さんが対応中です。`);
    const controls = inThread().find((a) => cardOf(a).actions.some((d) => d.hh === 'handBack'));
    expect(controls).toBeDefined();
    expect(botTexts((await client.history()).entries).join('\n')).toContain('担当者がチャットに参加しました');

    // The claimer writes in the thread (mentioning the bot): it reaches the customer.
    await harness.teams(
      channelMentionActivity({
        ...base,
        aadObjectId: TEAMS_AGENT,
        conversationId: thread(rootId),
        text: 'ご用件を伺います。',
      }),
    );
    expect(botTexts((await client.history()).entries).at(-1)).toBe('担当者：ご用件を伺います。');

    // The customer's words appear in the thread.
    await client.turn({ kind: 'text', text: '料金を確認したいです' }, 'turn-relay-0001');
    expect(cardOf(inThread().at(-1)).text).toContain('料金を確認したいです');

    // Hand back from the controls.
    const handBack = cardOf(controls).actions.find((d) => d.hh === 'handBack') ?? {};
    await harness.teams(
      submitActivity({
        ...base,
        aadObjectId: TEAMS_AGENT,
        conversationId: thread(rootId),
        value: handBack,
        replyToId: controls?.id ?? '',
      }),
    );
    const texts = botTexts((await client.history()).entries);
    expect(texts.join('\n')).toContain('担当者からボットのご案内に戻しました');
    expect(texts.at(-1)).toContain('メールアドレス');
    expect(harness.testBot.errors).toEqual([]);
    // Nothing of the room ever reached the engine as a conversation of its own.
    expect(harness.connector.unknown).toEqual([]);
  });
});

describe('live desk: a Teams customer answered from Slack', () => {
  it('reaches the customer’s personal chat proactively and mirrors the Slack agent into the Teams room', {
    timeout: 60_000,
  }, async () => {
    h = await startLiveDeskHarness({ slackRoom: true, teamsRoom: true });
    const harness = h;
    const customer = 'aad-customer-1';
    const personal = personalConversationId(customer);
    const base = { serviceUrl: harness.connector.url, aadObjectId: customer };
    await harness.teams(messageActivity({ ...base, text: 'オペレーター' }));
    const offerCard = harness.connector.activities
      .filter((a) => a.conversationId === personal)
      .map((a) => ({ a, card: cardOf(a) }))
      .find(({ card }) => card.actions.some((d) => d.choiceId === DESK_CHOICES.live));
    const live = offerCard?.card.actions.find((d) => d.choiceId === DESK_CHOICES.live) ?? {};
    await harness.teams(submitActivity({ ...base, value: live, replyToId: offerCard?.a.id ?? '' }));
    const personalTexts = () =>
      harness.connector.activities.filter((a) => a.conversationId === personal).map((a) => cardOf(a).text);
    expect(personalTexts().at(-1)).toContain('担当者にお知らせしました');

    // Both rooms got the ticket; a Slack agent claims: the Teams room shows it too.
    const slackRoot = rootPost(harness);
    expect(slackRoot.text).toContain('チャネル: teams / ja');
    const teamsRoot = harness.connector.activities.find((a) => a.conversationId === TEAMS_ROOM);
    await harness.slack(click(AGENT, 'handoff.claim', slackRoot));
    expect(JSON.stringify(harness.connector.updates.find((u) => u.activityId === teamsRoot?.id))).toContain(
      'さんが対応中です。',
    );
    expect(personalTexts().at(-1)).toContain('担当者がチャットに参加しました');

    await harness.slack(threadReply(AGENT, slackRoot.ts, 'ご用件をお聞かせください。'));
    expect(personalTexts().at(-1)).toContain('担当者：ご用件をお聞かせください。');
    const mirrored = harness.connector.activities.filter(
      (a) => a.conversationId === thread(teamsRoot?.id ?? ''),
    );
    expect(cardOf(mirrored.at(-1)).text).toContain('ご用件をお聞かせください。');
    expect(cardOf(mirrored.at(-1)).text).toContain('担当者（');

    // The customer's reply in Teams reaches the Slack thread.
    await harness.teams(messageActivity({ ...base, text: 'カメラを削除したいです' }));
    const slackThread = harness
      .roomCalls('chat.postMessage')
      .filter((c) => c.body.thread_ts === slackRoot.ts)
      .map((c) => String(c.body.text));
    expect(slackThread.at(-1)).toContain('カメラを削除したいです');
    expect(harness.testBot.errors).toEqual([]);
  });
});
