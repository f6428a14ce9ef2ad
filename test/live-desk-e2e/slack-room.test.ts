/**
 * Live desk end to end over HTTP: a web-chat customer asks for a person, the ticket appears in the Slack
 * agents' room (fake Web API), agents act through signed Slack requests, and what they write reaches the
 * customer's chat history; the customer's words reach the ticket's thread; handing back resumes the bot.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Entry } from '../../adapters/web/transcript.js';
import { DESK_CHOICES } from '../../src/live-desk/index.js';
import type { WebClient } from '../adapters/web/support.js';
import { directChannelOf } from '../support/fake-slack.js';
import { blockActions, directMessage, eventCallback, nextSlackTs } from '../support/slack-requests.js';
import {
  AGENT,
  blocksText,
  botTexts,
  buttonIn,
  click,
  type LiveDeskHarness,
  NOT_AGENT,
  OTHER_AGENT,
  ROOM,
  rootPost,
  startLiveDeskHarness,
  TEAM,
  threadReply,
} from './harness.js';

let h: LiveDeskHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

interface HistoryWithDeskState {
  entries: Entry[];
  handoff?: 'live' | 'request';
}

async function history(client: WebClient, after = 0): Promise<HistoryWithDeskState> {
  const response = await client.request<HistoryWithDeskState>(`/chat/api/history?after=${after}`);
  expect(response.status).toBe(200);
  return response.json;
}

function lastSeq(entries: readonly Entry[]): number {
  return entries.at(-1)?.seq ?? 0;
}

/** Portal cancellation up to the e-mail question, then 「オペレーター」 and the live-chat button. */
async function askForPerson(harness: LiveDeskHarness, client: WebClient): Promise<{ ticketId: string }> {
  await client.turn({ kind: 'start', dialogId: 'menu' }, 'turn-start-0001');
  const asked = await client.turn({ kind: 'text', text: 'ポータルの契約を解約したい' }, 'turn-cancel-0001');
  expect(botTexts(asked.json.entries).join('\n')).toContain('メールアドレス');
  const offered = await client.turn({ kind: 'text', text: 'オペレーター' }, 'turn-person-0001');
  const offer = offered.json.entries.find(
    (e) => e.from === 'bot' && e.reply.choices?.some((c) => c.id === DESK_CHOICES.live),
  );
  if (offer?.from !== 'bot') throw new Error(`No live-chat offer: ${botTexts(offered.json.entries)}`);
  expect(offer.reply.choices?.[0]?.label).toBe('チャットで担当者と話す');
  const live = await client.turn(
    { kind: 'choice', choiceId: DESK_CHOICES.live, stateVersion: offer.reply.stateVersion },
    'turn-live-0001',
  );
  const waiting = botTexts(live.json.entries).join('\n');
  const ticketId = /受付番号: (HK-[0-9A-Z]+)/.exec(waiting)?.[1];
  if (!ticketId) throw new Error(`No ticket number in: ${waiting}`);
  expect(harness.fake.calls.length).toBeGreaterThan(0);
  return { ticketId };
}

describe('live desk: web customer ↔ Slack agents’ room', () => {
  it('posts the summary with a claim button, refuses a non-agent, and relays both ways after a claim until hand-back', {
    timeout: 60_000,
  }, async () => {
    h = await startLiveDeskHarness();
    const client = h.web();
    const { ticketId } = await askForPerson(h, client);

    // The ticket in the agents' room: summary and 「対応する」 carrying the ticket id.
    const root = rootPost(h);
    expect(root.text).toContain('【チャット対応のご依頼】');
    expect(root.text).toContain(`受付番号: ${ticketId}`);
    expect(root.text).toContain('チャネル: web / ja');
    expect(buttonIn(root.blocks, 'handoff.claim')).toMatchObject({ value: ticketId });
    let seen = await history(client);
    expect(seen.handoff).toBe('live');

    // Someone in the channel who is not an agent: told so, only them; nothing changes.
    await h.slack(click(NOT_AGENT, 'handoff.claim', root));
    const ephemeral = h.roomCalls('chat.postEphemeral');
    expect(ephemeral).toHaveLength(1);
    expect(ephemeral[0]?.body).toMatchObject({ user: NOT_AGENT });
    expect(String(ephemeral[0]?.body.text)).toContain('担当者として登録されていない');
    expect(h.roomCalls('chat.update')).toHaveLength(0);
    expect((await h.testBot.bot.liveDesk?.desk.ticket(ticketId))?.status).toBe('waiting');

    // The agent claims: the root loses its button and says who handles it; the customer is told.
    await h.slack(click(AGENT, 'handoff.claim', root));
    const rootUpdate = h.roomCalls('chat.update').find((c) => c.body.ts === root.ts);
    expect(rootUpdate).toBeDefined();
    expect(buttonIn(rootUpdate?.body.blocks, 'handoff.claim')).toBeUndefined();
    expect(blocksText(rootUpdate?.body.blocks)).toContain(`<@${AGENT}> さんが対応中です。`);
    const controls = h
      .roomCalls('chat.postMessage')
      .find((c) => c.body.thread_ts === root.ts && buttonIn(c.body.blocks, 'handoff.hand-back'));
    expect(controls).toBeDefined();
    const fresh = await history(client, lastSeq(seen.entries));
    expect(botTexts(fresh.entries).join('\n')).toContain('担当者がチャットに参加しました');
    seen = { entries: [...seen.entries, ...fresh.entries] };

    // A second agent cannot take it.
    await h.slack(click(OTHER_AGENT, 'handoff.claim', root));
    expect(String(h.roomCalls('chat.postEphemeral').at(-1)?.body.text)).toContain(
      'すでに別の担当者が対応しています',
    );

    // The claimer's thread reply reaches the customer; another agent's stays in the thread.
    await h.slack(threadReply(OTHER_AGENT, root.ts, '（社内メモ）契約番号を確認します'));
    await h.slack(threadReply(AGENT, root.ts, 'お問い合わせありがとうございます。ご用件を伺います。'));
    const fromAgent = await history(client, lastSeq(seen.entries));
    expect(botTexts(fromAgent.entries)).toEqual([
      '担当者：お問い合わせありがとうございます。ご用件を伺います。',
    ]);
    expect(fromAgent.handoff).toBe('live');
    seen = { entries: [...seen.entries, ...fromAgent.entries] };

    // The customer's words go to the thread, not to the bot; they stay in their own transcript.
    const said = await client.turn(
      { kind: 'text', text: '解約の前に料金を確認したいです' },
      'turn-relay-0001',
    );
    expect(said.json.duplicate).toBeUndefined();
    expect(said.json.entries.map((e) => (e.from === 'user' ? e.text : 'bot'))).toEqual([
      '解約の前に料金を確認したいです',
    ]);
    const relayed = h
      .roomCalls('chat.postMessage')
      .filter((c) => c.body.thread_ts === root.ts)
      .map((c) => String(c.body.text));
    expect(relayed.some((text) => text.includes('解約の前に料金を確認したいです'))).toBe(true);
    seen = { entries: [...seen.entries, ...said.json.entries] };

    // Hand back: the customer is told and sees the question they were at again; the bot answers again.
    if (!controls) throw new Error('no controls');
    await h.slack(
      click(AGENT, 'handoff.hand-back', {
        ts: String(controls.response.ts),
        text: String(controls.body.text),
        blocks: controls.body.blocks,
        threadTs: root.ts,
      } as { ts: string; text: string; blocks: unknown }),
    );
    const back = await history(client, lastSeq(seen.entries));
    const backTexts = botTexts(back.entries);
    expect(backTexts[0]).toContain('担当者からボットのご案内に戻しました');
    expect(backTexts.at(-1)).toContain('メールアドレス');
    expect(back.handoff).toBeUndefined();
    expect((await h.testBot.bot.liveDesk?.desk.ticket(ticketId))?.status).toBe('closed');
    const closedRoot = h
      .roomCalls('chat.update')
      .filter((c) => c.body.ts === root.ts)
      .at(-1);
    expect(blocksText(closedRoot?.body.blocks)).toContain('ボットに戻しました');

    const resumed = await client.turn({ kind: 'text', text: 'portal@example.com' }, 'turn-email-0001');
    expect(botTexts(resumed.json.entries).join('\n')).toContain('確認コードをお送りしました');
    expect(h.testBot.errors).toEqual([]);
  });

  it('ignores the agents’ own chatter at the channel’s top level and in threads of no ticket', async () => {
    h = await startLiveDeskHarness();
    const client = h.web();
    await askForPerson(h, client);
    const before = (await history(client)).entries.length;
    const ts = nextSlackTs();
    await h.slack(
      eventCallback(TEAM, {
        type: 'message',
        channel: ROOM,
        channel_type: 'group',
        user: AGENT,
        text: 'おはようございます',
        ts,
        event_ts: ts,
      }),
    );
    await h.slack(threadReply(AGENT, '1700000999.000001', 'どのチケット？'));
    expect((await history(client)).entries).toHaveLength(before);
    expect(h.roomCalls('chat.postEphemeral')).toHaveLength(0);
  });

  it('tells an agent who writes in the thread before claiming that the customer did not get it', async () => {
    h = await startLiveDeskHarness();
    const client = h.web();
    await askForPerson(h, client);
    const root = rootPost(h);
    const before = (await history(client)).entries.length;
    await h.slack(threadReply(AGENT, root.ts, 'こんにちは'));
    expect((await history(client)).entries).toHaveLength(before);
    expect(String(h.roomCalls('chat.postEphemeral').at(-1)?.body.text)).toContain(
      'まず「対応する」を押してください',
    );
  });
});

describe('live desk: Slack customer in direct messages', () => {
  /** The last button in the customer's DM whose value names `choiceId`, with the message it is on. */
  function dmButton(harness: LiveDeskHarness, channel: string, choiceId: string) {
    const posts = harness.fake.calls.filter(
      (c) => c.method === 'chat.postMessage' && c.body.channel === channel,
    );
    for (const post of posts.reverse()) {
      for (const block of (post.body.blocks ?? []) as {
        type?: string;
        elements?: Record<string, unknown>[];
      }[]) {
        const button = block.elements?.find((e) => String(e.value ?? '').includes(`"${choiceId}"`));
        if (block.type === 'actions' && button)
          return {
            button,
            message: {
              channel,
              ts: String(post.response.ts),
              text: String(post.body.text),
              blocks: post.body.blocks as unknown[],
            },
          };
      }
    }
    throw new Error(`No ${choiceId} button in ${channel}`);
  }

  function dmTexts(harness: LiveDeskHarness, channel: string): string[] {
    return harness.fake.calls
      .filter((c) => c.method === 'chat.postMessage' && c.body.channel === channel)
      .map((c) => String(c.body.text));
  }

  it('shows the agent’s words in the customer’s direct messages, and the customer’s in the ticket’s thread', {
    timeout: 60_000,
  }, async () => {
    h = await startLiveDeskHarness();
    const customer = 'UCUSTOMER';
    const dm = directChannelOf(customer);
    await h.slack(directMessage(TEAM, dm, customer, 'オペレーター'));
    const live = dmButton(h, dm, DESK_CHOICES.live);
    await h.slack(blockActions({ teamId: TEAM, user: customer, action: live.button, message: live.message }));
    expect(dmTexts(h, dm).join('\n')).toContain('担当者にお知らせしました');

    const root = rootPost(h);
    expect(root.text).toContain('チャネル: slack / ja');
    await h.slack(click(AGENT, 'handoff.claim', root));
    expect(dmTexts(h, dm).at(-1)).toContain('担当者がチャットに参加しました');

    await h.slack(threadReply(AGENT, root.ts, 'ご用件をお聞かせください。'));
    expect(dmTexts(h, dm).at(-1)).toBe('担当者：ご用件をお聞かせください。');

    await h.slack(directMessage(TEAM, dm, customer, 'カメラの削除について相談したいです'));
    const thread = h
      .roomCalls('chat.postMessage')
      .filter((c) => c.body.thread_ts === root.ts)
      .map((c) => String(c.body.text));
    expect(thread.at(-1)).toContain('カメラの削除について相談したいです');

    await h.slack(directMessage(TEAM, dm, customer, 'ボットに戻る'));
    expect(dmTexts(h, dm).join('\n')).toContain('ボットのご案内に戻りました');
    const closedRoot = h
      .roomCalls('chat.update')
      .filter((c) => c.body.ts === root.ts)
      .at(-1);
    expect(blocksText(closedRoot?.body.blocks)).toContain('お客様がボットのご案内に戻りました');
    expect(h.testBot.errors).toEqual([]);
  });
});
