/**
 * Live desk across two real bot processes (the built server, `node dist/src/server.js`) on one Redis
 * (STORE=redis), with the Slack agents' room at a fake Slack Web API:
 * - a web customer on instance A in a live chat; the agent claims and writes through instance B; the agent's
 *   words arrive on A's event stream (`GET /chat/api/events`), and the thread controls B posted lose their
 *   buttons when the agent hands back through A;
 * - a claim raced from both instances at once (two agents) has exactly one winner: one claimed root post, one
 *   "already taken" to the other agent, one "an agent joined" for the customer.
 * - SIGTERM with a customer's event stream open: the stream ends at once and the process exits 0 (streams do
 *   not hold the grace period for requests in flight).
 * Unique per run: the agents' channel id (thread records in Redis are keyed by it), users, sessions, and every
 * Slack delivery id. Bounded: each wait has a deadline; both processes are stopped in `afterAll`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entry } from '../../adapters/web/transcript.js';
import { DESK_CHOICES } from '../../src/live-desk/index.js';
import { WebClient } from '../adapters/web/support.js';
import { FAKE_BOT_ID, FAKE_BOT_USER_ID, type FakeSlack, startFakeSlack } from '../support/fake-slack.js';
import { blockActions, eventCallback, nextSlackTs, sendSlack } from '../support/slack-requests.js';
import { openSse, type SseEvent } from '../support/sse.js';
import { type BuiltServer, build, startBuilt } from './built.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SECRET = 'two-instances-live-desk-secret-0123456789';
const RUN = randomBytes(5).toString('hex').toUpperCase();
const ROOM = `G${RUN}`;
const TEAM = 'T0FAKE';
const AGENT = `UA${RUN}`;
const OTHER_AGENT = `UB${RUN}`;
const dir = mkdtempSync(join(tmpdir(), 'two-instances-live-desk-'));
const servers: BuiltServer[] = [];
let slack: FakeSlack;

const start = (name: string) =>
  startBuilt({
    PORT: '0',
    STORE: 'redis',
    REDIS_URL,
    SQLITE_PATH: join(dir, name, 'conversations.sqlite'),
    SANDBOX_PATH: join(dir, name, 'sandbox.sqlite'),
    WEB_TOKEN_SECRET: 'two-instances-web-token-secret-0123456789',
    // A Tuesday in business hours (live chat is offered only then).
    BOT_NOW: '2026-11-24T10:00:00+09:00',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: 'xoxb-two-instances',
    SLACK_API_URL: slack.url,
    SLACK_BOT_ID: FAKE_BOT_ID,
    SLACK_BOT_USER_ID: FAKE_BOT_USER_ID,
    SLACK_HANDOFF_CHANNEL: ROOM,
    SLACK_AGENT_USERS: `${AGENT},${OTHER_AGENT}`,
  });

beforeAll(async () => {
  build();
  slack = await startFakeSlack();
  servers.push(await start('a'), await start('b'));
}, 780_000);
afterAll(async () => {
  for (const server of servers) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
  await slack?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function until<T>(what: string, find: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const turnId = () => `turn-${randomBytes(6).toString('hex')}`;
const botTexts = (entries: readonly Entry[]) =>
  entries.flatMap((e) => (e.from === 'bot' ? [e.reply.text] : []));

/** Portal cancellation → 「オペレーター」 → the live-chat button; resolves with the ticket number. */
async function liveChat(client: WebClient): Promise<string> {
  expect((await client.turn({ kind: 'start', dialogId: 'menu' }, turnId())).status).toBe(200);
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
  const ticketId = /受付番号: (HK-[0-9A-Z]+)/.exec(botTexts(live.json.entries).join('\n'))?.[1];
  if (!ticketId) throw new Error(`No ticket number in: ${botTexts(live.json.entries)}`);
  return ticketId;
}

interface Posted {
  ts: string;
  text: string;
  blocks: unknown[];
}

/** The ticket's root post in the agents' room. */
const rootOf = (ticketId: string): Posted | undefined => {
  const call = slack.calls.find(
    (c) =>
      c.method === 'chat.postMessage' &&
      c.body.channel === ROOM &&
      c.body.thread_ts === undefined &&
      String(c.body.text).includes(ticketId),
  );
  return (
    call && {
      ts: String(call.response.ts),
      text: String(call.body.text),
      blocks: call.body.blocks as unknown[],
    }
  );
};

function buttonIn(blocks: unknown, actionId: string): Record<string, unknown> {
  for (const block of blocks as { type?: string; elements?: Record<string, unknown>[] }[]) {
    const found = block.type === 'actions' && block.elements?.find((e) => e.action_id === actionId);
    if (found) return found;
  }
  throw new Error(`No ${actionId} button in ${JSON.stringify(blocks)}`);
}

const clickIn = (server: BuiltServer, user: string, actionId: string, message: Posted, threadTs?: string) =>
  sendSlack(
    `${server.url}/slack/events`,
    SECRET,
    blockActions({
      teamId: TEAM,
      user,
      action: buttonIn(message.blocks, actionId),
      message: {
        channel: ROOM,
        ts: message.ts,
        text: message.text,
        blocks: message.blocks,
        ...(threadTs ? { threadTs } : {}),
      },
    }),
  );

function writeIn(server: BuiltServer, user: string, threadTs: string, text: string) {
  const ts = nextSlackTs();
  return sendSlack(
    `${server.url}/slack/events`,
    SECRET,
    eventCallback(
      TEAM,
      {
        type: 'message',
        channel: ROOM,
        channel_type: 'group',
        user,
        text,
        ts,
        event_ts: ts,
        thread_ts: threadTs,
      },
      `Ev${RUN}${randomBytes(8).toString('hex')}`,
    ),
  );
}

const textsOf = (events: readonly SseEvent[]) =>
  events.flatMap((e) => botTexts((JSON.parse(e.data) as { entries: Entry[] }).entries));

describe('live desk across two bot processes on one Redis', () => {
  it("an agent's reply through instance B reaches the customer's event stream on instance A", async () => {
    const [a, b] = servers;
    if (!a || !b) throw new Error('two servers expected');
    const customer = new WebClient(a.url);
    const ticketId = await liveChat(customer);
    const history = await customer.history();
    expect(history.handoff).toBe('live');
    const stream = await openSse(`${a.url}/chat/api/events?after=${history.events ?? ''}`, {
      cookie: customer.cookie ?? '',
    });
    try {
      expect(stream.status).toBe(200);
      const root = await until('the ticket in the agents’ room', () => rootOf(ticketId));

      expect((await clickIn(b, AGENT, 'handoff.claim', root)).status).toBe(200);
      await writeIn(b, AGENT, root.ts, 'B からお返事します。');
      const events = await stream.waitFor(2, 15_000);
      const texts = textsOf(events).join('\n');
      expect(texts).toContain('担当者がチャットに参加しました');
      expect(texts).toContain('担当者：B からお返事します。');

      // The controls B posted in the thread; handed back through A, they lose their buttons there.
      const controls = await until('thread controls', () =>
        slack.calls.find(
          (c) =>
            c.method === 'chat.postMessage' &&
            c.body.channel === ROOM &&
            c.body.thread_ts === root.ts &&
            JSON.stringify(c.body.blocks).includes('handoff.hand-back'),
        ),
      );
      const controlsMessage: Posted = {
        ts: String(controls.response.ts),
        text: String(controls.body.text),
        blocks: controls.body.blocks as unknown[],
      };
      expect((await clickIn(a, AGENT, 'handoff.hand-back', controlsMessage, root.ts)).status).toBe(200);
      const update = await until('the controls updated without buttons', () =>
        slack.calls.find((c) => c.method === 'chat.update' && c.body.ts === controlsMessage.ts),
      );
      expect(JSON.stringify(update.body.blocks)).not.toContain('handoff.');
      const back = await stream.waitFor(3, 15_000);
      expect(textsOf(back).join('\n')).toContain('担当者からボットのご案内に戻しました');
      // Pushed once each: no event id twice.
      const ids = stream.events.map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      stream.close();
    }
  }, 120_000);

  it('a claim raced from both instances has exactly one winner', async () => {
    const [a, b] = servers;
    if (!a || !b) throw new Error('two servers expected');
    for (let race = 0; race < 3; race++) {
      const customer = new WebClient(race % 2 === 0 ? b.url : a.url);
      const ticketId = await liveChat(customer);
      const root = await until('the ticket in the agents’ room', () => rootOf(ticketId));
      const since = slack.calls.length;
      const answers = await Promise.all([
        clickIn(a, AGENT, 'handoff.claim', root),
        clickIn(b, OTHER_AGENT, 'handoff.claim', root),
      ]);
      expect(answers.map((r) => r.status)).toEqual([200, 200]);
      // The winner's instance marks the root claimed; the loser is told, alone, that it is taken.
      await until('the claimed root post', () =>
        slack.calls.find((c) => c.method === 'chat.update' && c.body.ts === root.ts),
      );
      const refusals = () =>
        slack.calls.slice(since).filter((c) => c.method === 'chat.postEphemeral' && c.body.channel === ROOM);
      await until('the refusal to the other agent', () => refusals()[0]);
      await new Promise((resolve) => setTimeout(resolve, 300)); // anything late would show now
      const claimedUpdates = slack.calls.filter((c) => c.method === 'chat.update' && c.body.ts === root.ts);
      expect(claimedUpdates).toHaveLength(1);
      const controls = slack.calls.filter(
        (c) =>
          c.method === 'chat.postMessage' &&
          c.body.thread_ts === root.ts &&
          JSON.stringify(c.body.blocks).includes('handoff.hand-back'),
      );
      expect(controls).toHaveLength(1);
      const joined = botTexts((await customer.history()).entries).filter((t) =>
        t.includes('担当者がチャットに参加しました'),
      );
      expect(joined).toHaveLength(1);
      expect(refusals()).toHaveLength(1);
      const winner = claimedUpdates[0]?.body.text;
      const loser = refusals()[0]?.body.user;
      expect(String(winner)).not.toContain(String(loser));
    }
  }, 120_000);

  it('SIGTERM ends the open event streams at once: the process exits 0 well within the 20 s grace', async () => {
    const a = servers[0];
    if (!a) throw new Error('a server expected');
    const customer = new WebClient(a.url);
    await customer.history();
    const stream = await openSse(`${a.url}/chat/api/events`, { cookie: customer.cookie ?? '' });
    expect(stream.status).toBe(200);
    const started = Date.now();
    a.child.kill('SIGTERM');
    await stream.ended;
    expect(await a.exited).toBe(0);
    // Without ending the streams, the server would wait out SHUTDOWN_GRACE_MS (20 s) for them.
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 60_000);
});
