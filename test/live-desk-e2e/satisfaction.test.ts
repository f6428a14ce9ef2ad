/**
 * Issue 16 end to end: when an agent ends a live chat from the agents' room (Slack, Teams), the customer's own
 * chat (the web chat, a Slack direct message, a Teams personal chat as an Adaptive Card) gets the same one satisfaction question as after a procedure, rendered like
 * every engine question, answered in one tap; and it is never asked twice in the conversation.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Entry } from '../../adapters/web/transcript.js';
import { DESK_CHOICES } from '../../src/live-desk/index.js';
import type { WebClient } from '../adapters/web/support.js';
import { directChannelOf } from '../support/fake-slack.js';
import { blockActions, directMessage } from '../support/slack-requests.js';
import { messageActivity, personalConversationId, submitActivity } from '../support/teams-activities.js';
import {
  AGENT,
  botTexts,
  buttonIn,
  cardOf,
  click,
  type LiveDeskHarness,
  ROOM,
  rootPost,
  startLiveDeskHarness,
  TEAM,
  TEAMS_AGENT,
  TEAMS_ROOM,
} from './harness.js';

let h: LiveDeskHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const SCORE_IDS = [
  '__satisfaction-1',
  '__satisfaction-2',
  '__satisfaction-3',
  '__satisfaction-4',
  '__satisfaction-5',
];

/** The agent claims the room's newest ticket, then presses 「終了」 in its thread controls. */
async function claimAndClose(harness: LiveDeskHarness, index = 0): Promise<void> {
  const root = rootPost(harness, index);
  await harness.slack(click(AGENT, 'handoff.claim', root));
  const controls = harness
    .roomCalls('chat.postMessage')
    .filter((c) => c.body.thread_ts === root.ts && buttonIn(c.body.blocks, 'handoff.close'))
    .at(-1);
  if (!controls) throw new Error('no thread controls');
  await harness.slack(
    click(AGENT, 'handoff.close', {
      ts: String(controls.response.ts),
      text: String(controls.body.text),
      blocks: controls.body.blocks,
    }),
  );
  expect(harness.roomCalls('chat.update').some((c) => c.body.channel === ROOM)).toBe(true);
}

async function history(client: WebClient, after = 0): Promise<Entry[]> {
  const response = await client.request<{ entries: Entry[] }>(`/chat/api/history?after=${after}`);
  expect(response.status).toBe(200);
  return response.json.entries;
}

async function webLiveChat(client: WebClient, n: number): Promise<void> {
  const offered = await client.turn({ kind: 'text', text: 'オペレーター' }, `turn-person-${n}000`);
  const offer = offered.json.entries.find(
    (e) => e.from === 'bot' && e.reply.choices?.some((c) => c.id === DESK_CHOICES.live),
  );
  if (offer?.from !== 'bot') throw new Error(`No live-chat offer: ${botTexts(offered.json.entries)}`);
  await client.turn(
    { kind: 'choice', choiceId: DESK_CHOICES.live, stateVersion: offer.reply.stateVersion },
    `turn-live-${n}0000`,
  );
}

describe('satisfaction after the live desk', () => {
  it('web chat: the agent closes the chat in the Slack room; the question follows, one tap answers it, never again', {
    timeout: 60_000,
  }, async () => {
    h = await startLiveDeskHarness();
    const client = h.web();
    await client.turn({ kind: 'start', dialogId: 'menu' }, 'turn-start-0001');
    await webLiveChat(client, 1);
    const before = (await history(client)).length;
    await claimAndClose(h);

    const after = (await history(client)).slice(before);
    const texts = botTexts(after);
    expect(texts.join('\n')).toContain('終了');
    const question = after.at(-1);
    if (question?.from !== 'bot') throw new Error(`no question: ${texts.join(' / ')}`);
    expect(question.reply.text).toContain('1（不満）〜5（満足）');
    expect(question.reply.choices?.map((c) => c.id)).toEqual([...SCORE_IDS, '__satisfaction-skip']);

    const answered = await client.turn(
      { kind: 'choice', choiceId: '__satisfaction-4', stateVersion: question.reply.stateVersion },
      'turn-score-0001',
    );
    expect(botTexts(answered.json.entries).join('\n')).toContain('ご回答ありがとうございました');

    // A second live chat in the same conversation, closed the same way: no second question.
    await webLiveChat(client, 2);
    const again = (await history(client)).length;
    await claimAndClose(h, 1);
    const later = (await history(client)).slice(again);
    expect(botTexts(later).join('\n')).toContain('終了');
    expect(
      later.some((e) => e.from === 'bot' && e.reply.choices?.some((c) => c.id.startsWith('__satisfaction'))),
    ).toBe(false);
    expect(h.testBot.errors).toEqual([]);
  });

  it('Slack direct messages: the question arrives as buttons in the DM after the agent closes, one tap answers it', {
    timeout: 60_000,
  }, async () => {
    h = await startLiveDeskHarness();
    const customer = 'UCUSTSAT';
    const dm = directChannelOf(customer);
    const dmPosts = () =>
      h?.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === dm) ?? [];
    await h.slack(directMessage(TEAM, dm, customer, 'オペレーター'));
    const offer = dmPosts()
      .map((post) => ({ post, button: buttonWithValue(post.body.blocks, DESK_CHOICES.live) }))
      .find((found) => found.button);
    if (!offer?.button) throw new Error('no live-chat offer in the DM');
    await h.slack(
      blockActions({
        teamId: TEAM,
        user: customer,
        action: offer.button,
        message: {
          channel: dm,
          ts: String(offer.post.response.ts),
          text: String(offer.post.body.text),
          blocks: offer.post.body.blocks as unknown[],
        },
      }),
    );
    await claimAndClose(h);

    const asked = dmPosts().at(-1);
    expect(String(asked?.body.text)).toContain('1（不満）〜5（満足）');
    const score = buttonWithValue(asked?.body.blocks, '__satisfaction-2');
    if (!asked || !score) throw new Error('no score buttons in the DM');
    const labels = SCORE_IDS.map((id) => buttonWithValue(asked.body.blocks, id)).filter(Boolean);
    expect(labels).toHaveLength(5);
    await h.slack(
      blockActions({
        teamId: TEAM,
        user: customer,
        action: score,
        message: {
          channel: dm,
          ts: String(asked.response.ts),
          text: String(asked.body.text),
          blocks: asked.body.blocks as unknown[],
        },
      }),
    );
    expect(
      dmPosts()
        .map((c) => String(c.body.text))
        .join('\n'),
    ).toContain('ご回答ありがとうございました');
    expect(h.testBot.errors).toEqual([]);
  });
});

describe('satisfaction after a live chat kept as a callback request', () => {
  it('web chat: nobody claimed the chat before the hours ended; the next text keeps it as a request, and the question follows in that turn', {
    timeout: 60_000,
  }, async () => {
    h = await startLiveDeskHarness();
    h.testBot.clock.set('2026-11-24T17:55:00+09:00'); // five minutes before the desk closes
    const client = h.web();
    await client.turn({ kind: 'start', dialogId: 'menu' }, 'turn-start-0001');
    await webLiveChat(client, 1);
    expect(h.roomCalls('chat.postMessage').length).toBeGreaterThan(0);
    h.testBot.clock.set('2026-11-24T18:05:00+09:00');
    const kept = await client.turn({ kind: 'text', text: 'まだですか？' }, 'turn-after-hours-01');
    const texts = botTexts(kept.json.entries);
    expect(texts.join('\n')).toContain('受付時間が終了したため');
    const question = kept.json.entries.at(-1);
    if (question?.from !== 'bot') throw new Error(`no question: ${texts.join(' / ')}`);
    expect(question.reply.choices?.map((c) => c.id)).toEqual([...SCORE_IDS, '__satisfaction-skip']);
    const answered = await client.turn(
      { kind: 'choice', choiceId: '__satisfaction-2', stateVersion: question.reply.stateVersion },
      'turn-score-0002',
    );
    expect(botTexts(answered.json.entries).join('\n')).toContain('ご回答ありがとうございました');
    expect(h.testBot.errors).toEqual([]);
  });
});

describe('satisfaction after the live desk, Teams', () => {
  it('Teams personal chat: the agent closes the chat in the Teams room; the question arrives as an Adaptive Card, one tap answers it', {
    timeout: 60_000,
  }, async () => {
    h = await startLiveDeskHarness({ slackRoom: false, teamsRoom: true });
    const harness = h;
    const customer = 'aad-customer-sat';
    const personal = personalConversationId(customer);
    const base = { serviceUrl: harness.connector.url, aadObjectId: customer };
    const personalCards = () =>
      harness.connector.activities
        .filter((a) => a.conversationId === personal)
        .map((a) => ({ a, card: cardOf(a) }));
    await harness.teams(messageActivity({ ...base, text: 'オペレーター' }));
    const offer = personalCards().find(({ card }) =>
      card.actions.some((d) => d.choiceId === DESK_CHOICES.live),
    );
    const live = offer?.card.actions.find((d) => d.choiceId === DESK_CHOICES.live);
    if (!offer || !live) throw new Error('no live-chat offer card in the personal chat');
    await harness.teams(submitActivity({ ...base, value: live, replyToId: offer.a.id }));

    // The Teams agent claims the ticket in the Teams room, then presses 「終了」 in its thread controls.
    const root = harness.connector.activities.find((a) => a.conversationId === TEAMS_ROOM);
    const claim = cardOf(root).actions.find((d) => d.hh === 'claim');
    if (!root || !claim) throw new Error('no ticket card in the Teams room');
    const thread = `${TEAMS_ROOM};messageid=${root.id}`;
    const agent = {
      serviceUrl: harness.connector.url,
      aadObjectId: TEAMS_AGENT,
      conversationType: 'channel' as const,
    };
    await harness.teams(
      submitActivity({ ...agent, conversationId: thread, value: claim, replyToId: root.id }),
    );
    const controls = harness.connector.activities
      .filter((a) => a.conversationId === thread)
      .find((a) => cardOf(a).actions.some((d) => d.hh === 'close'));
    const close = cardOf(controls).actions.find((d) => d.hh === 'close');
    if (!controls || !close) throw new Error('no thread controls in the Teams room');
    const before = personalCards().length;
    await harness.teams(
      submitActivity({ ...agent, conversationId: thread, value: close, replyToId: controls.id }),
    );

    const after = personalCards().slice(before);
    expect(after.map(({ card }) => card.text).join('\n')).toContain('終了');
    const question = after.at(-1);
    expect(question?.a.activity.attachments?.[0]?.contentType).toBe(
      'application/vnd.microsoft.card.adaptive',
    );
    expect(question?.card.text).toContain('1（不満）〜5（満足）');
    const scores = question?.card.actions.filter((d) => String(d.choiceId).startsWith('__satisfaction'));
    expect(scores?.map((d) => d.choiceId)).toEqual([...SCORE_IDS, '__satisfaction-skip']);
    const four = scores?.find((d) => d.choiceId === '__satisfaction-4');
    if (!question || !four) throw new Error('no score actions on the question card');

    // One tap: the card's own submit data, as Teams posts it back.
    await harness.teams(submitActivity({ ...base, value: four, replyToId: question.a.id }));
    expect(
      personalCards()
        .slice(before + after.length)
        .map(({ card }) => card.text)
        .join('\n'),
    ).toContain('ご回答ありがとうございました');
    expect(harness.testBot.errors).toEqual([]);
  });
});

/** The button in recorded blocks whose value names `choiceId` (the customer's own buttons carry JSON values). */
function buttonWithValue(blocks: unknown, choiceId: string): Record<string, unknown> | undefined {
  if (!Array.isArray(blocks)) return undefined;
  for (const block of blocks as { type?: string; elements?: Record<string, unknown>[] }[]) {
    const found = block.elements?.find((e) => String(e.value ?? '').includes(`"${choiceId}"`));
    if (block.type === 'actions' && found) return found;
  }
  return undefined;
}
