/**
 * Issue 16 end to end: when an agent ends a live chat from the Slack agents' room, the customer's own chat (the
 * web chat, a Slack direct message) gets the same one satisfaction question as after a procedure, rendered like
 * every engine question, answered in one tap; and it is never asked twice in the conversation.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Entry } from '../../adapters/web/transcript.js';
import { DESK_CHOICES } from '../../src/live-desk/index.js';
import type { WebClient } from '../adapters/web/support.js';
import { directChannelOf } from '../support/fake-slack.js';
import { blockActions, directMessage } from '../support/slack-requests.js';
import {
  AGENT,
  botTexts,
  buttonIn,
  click,
  type LiveDeskHarness,
  ROOM,
  rootPost,
  startLiveDeskHarness,
  TEAM,
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

/** The button in recorded blocks whose value names `choiceId` (the customer's own buttons carry JSON values). */
function buttonWithValue(blocks: unknown, choiceId: string): Record<string, unknown> | undefined {
  if (!Array.isArray(blocks)) return undefined;
  for (const block of blocks as { type?: string; elements?: Record<string, unknown>[] }[]) {
    const found = block.elements?.find((e) => String(e.value ?? '').includes(`"${choiceId}"`));
    if (block.type === 'actions' && found) return found;
  }
  return undefined;
}
