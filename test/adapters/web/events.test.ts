/**
 * The web chat's event stream (`GET /chat/api/events`, adapters/web/events.ts) with live desk through the
 * Slack agents' room: the agent's messages are pushed as they arrive, with increasing ids; a reconnection with
 * `Last-Event-ID` gets exactly what it missed (no duplicate, no loss); heartbeats keep it open; only the session's
 * own cookie opens it; a session gets a bounded number of streams; shutdown ends them and refuses new ones.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createWebChannel } from '../../../adapters/web/channel.js';
import type { Entry } from '../../../adapters/web/transcript.js';
import type { Channel } from '../../../src/channels/channel.js';
import { type Served, serve } from '../../../src/http/serve.js';
import { DESK_CHOICES } from '../../../src/live-desk/index.js';
import {
  AGENT,
  botTexts,
  click,
  type LiveDeskHarness,
  rootPost,
  startLiveDeskHarness,
  threadReply,
} from '../../live-desk-e2e/harness.js';
import { openSse, type SseEvent } from '../../support/sse.js';
import { WebClient } from './support.js';

let h: LiveDeskHarness | undefined;
let web: { channel: Channel; served: Served } | undefined;
afterEach(async () => {
  await web?.served.close();
  await web?.channel.close();
  web = undefined;
  await h?.close();
  h = undefined;
});

/** The harness's bot with a web chat of our own (short heartbeat, two streams per session). */
async function start(): Promise<{ h: LiveDeskHarness; url: string; channel: Channel }> {
  h = await startLiveDeskHarness();
  const context = h.context;
  // Registers its own web delivery with the desk, replacing the harness's web chat's.
  const channel = await createWebChannel(context, {
    demo: false,
    receipts: context.receipts,
    now: () => context.now(),
    events: { heartbeatMs: 100, maxPerSession: 2 },
  });
  const served = await serve(channel.routes, { host: '127.0.0.1', port: 0 });
  web = { channel, served };
  return { h, url: served.url, channel };
}

const turnId = () => `turn-${randomBytes(6).toString('hex')}`;

async function liveChat(client: WebClient): Promise<void> {
  await client.turn({ kind: 'start', dialogId: 'menu' }, turnId());
  await client.turn({ kind: 'text', text: 'ポータルの契約を解約したい' }, turnId());
  const offered = await client.turn({ kind: 'text', text: 'オペレーター' }, turnId());
  const offer = offered.json.entries.find(
    (e) => e.from === 'bot' && e.reply.choices?.some((c) => c.id === DESK_CHOICES.live),
  );
  if (offer?.from !== 'bot') throw new Error(`No live-chat offer: ${botTexts(offered.json.entries)}`);
  const live = await client.turn(
    { kind: 'choice', choiceId: DESK_CHOICES.live, stateVersion: offer.reply.stateVersion },
    turnId(),
  );
  expect(botTexts(live.json.entries).join('\n')).toContain('担当者にお知らせしました');
}

const entriesOf = (event: SseEvent): Entry[] => (JSON.parse(event.data) as { entries: Entry[] }).entries;
const textsOf = (events: readonly SseEvent[]) => events.flatMap((e) => botTexts(entriesOf(e)));

describe('web chat event stream', () => {
  it('pushes the agent’s messages as they arrive and resumes after Last-Event-ID without repeats or gaps', {
    timeout: 60_000,
  }, async () => {
    const { h, url } = await start();
    const client = new WebClient(url);
    await liveChat(client);
    const history = await client.history();
    expect(history.handoff).toBe('live');
    expect(history.events).toMatch(/^\d+-\d+$/);

    const stream = await openSse(`${url}/chat/api/events?after=${history.events}`, {
      cookie: client.cookie ?? '',
    });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(stream.headers.get('cache-control')).toBe('no-store');
    expect(stream.headers.get('x-content-type-options')).toBe('nosniff');

    const root = rootPost(h);
    await h.slack(click(AGENT, 'handoff.claim', root));
    await h.slack(threadReply(AGENT, root.ts, 'ご用件を伺います。'));
    const first = await stream.waitFor(2);
    expect(textsOf(first).join('\n')).toContain('担当者がチャットに参加しました');
    expect(textsOf(first).join('\n')).toContain('担当者：ご用件を伺います。');
    // The entries are the transcript's, numbered after what the history showed.
    const lastShown = history.entries.at(-1)?.seq ?? 0;
    expect(entriesOf(first[0] as SseEvent)[0]?.seq).toBe(lastShown + 1);
    const lastId = first.at(-1)?.id ?? '';
    stream.close();

    // Disconnected: two more messages; the reconnection gets exactly those, in order.
    await h.slack(threadReply(AGENT, root.ts, '一つ目です。'));
    await h.slack(threadReply(AGENT, root.ts, '二つ目です。'));
    const resumed = await openSse(`${url}/chat/api/events`, {
      cookie: client.cookie ?? '',
      'last-event-id': lastId,
    });
    const missed = await resumed.waitFor(2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(resumed.events).toHaveLength(2);
    expect(textsOf(missed)).toEqual(['担当者：一つ目です。', '担当者：二つ目です。']);
    const ids = [...first, ...missed].map((e) => e.id ?? '');
    expect(new Set(ids).size).toBe(ids.length);
    const seqs = [...first, ...missed].flatMap((e) => entriesOf(e).map((entry) => entry.seq));
    expect(seqs).toEqual(seqs.map((_, i) => lastShown + 1 + i));
    // Heartbeats keep the idle stream open.
    await resumed.waitForComments(2);
    resumed.close();
  });

  it('opens only for the session’s own cookie, and at most two streams per session', {
    timeout: 60_000,
  }, async () => {
    const { url } = await start();
    const client = new WebClient(url);
    await client.history();
    expect((await openSse(`${url}/chat/api/events`)).status).toBe(403);
    const forged = await openSse(`${url}/chat/api/events`, { cookie: 'helpdesk_chat=not-a-session' });
    expect(forged.status).toBe(403);
    const cookie = { cookie: client.cookie ?? '' };
    const one = await openSse(`${url}/chat/api/events`, cookie);
    const two = await openSse(`${url}/chat/api/events`, cookie);
    const three = await openSse(`${url}/chat/api/events`, cookie);
    expect([one.status, two.status, three.status]).toEqual([200, 200, 429]);
    expect(three.headers.get('retry-after')).toMatch(/^\d+$/);
    one.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const again = await openSse(`${url}/chat/api/events`, cookie);
    expect(again.status).toBe(200);
    two.close();
    again.close();
  });

  it('ends every stream on shutdown and refuses new ones', { timeout: 60_000 }, async () => {
    const { url, channel } = await start();
    const client = new WebClient(url);
    await client.history();
    const stream = await openSse(`${url}/chat/api/events`, { cookie: client.cookie ?? '' });
    expect(stream.status).toBe(200);
    channel.drain?.();
    await stream.ended;
    const refused = await openSse(`${url}/chat/api/events`, { cookie: client.cookie ?? '' });
    expect(refused.status).toBe(503);
  });
});
