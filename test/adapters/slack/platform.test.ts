/**
 * The Slack platform surface of the adapter through a real Bolt app: request signing, acknowledgement before
 * handling, retries, message filtering, mentions in threads, the slash command, the Home tab and its buttons.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSlackChannel } from '../../../adapters/slack/channel.js';
import type { TurnInput } from '../../../src/engine/turn.js';
import { createChannelTestBot } from '../../support/channel-bot.js';
import { directChannelOf, FAKE_BOT_USER_ID, startFakeSlack } from '../../support/fake-slack.js';
import {
  appHomeOpened,
  blockActions,
  directMessage,
  eventCallback,
  mention,
  nextSlackTs,
  sendSlack,
  slashCommand,
} from '../../support/slack-requests.js';
import { SIGNING_SECRET, type SlackHarness, startSlackHarness, TEAM } from './harness.js';
import { buttonsOf, choiceButton, seenOf } from './seen.js';

const open: SlackHarness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
});

async function harness(env: Record<string, string> = {}): Promise<SlackHarness> {
  const h = await startSlackHarness(env);
  open.push(h);
  return h;
}

function posts(h: SlackHarness) {
  return h.fake.calls.filter((c) => c.method === 'chat.postMessage');
}

/** The engine inputs handled, with their conversation keys. */
function spyTurns(h: SlackHarness) {
  const spy = vi.spyOn(h.testBot.context.pipeline.engine, 'handle');
  return () =>
    spy.mock.calls.map(([turn]) => ({ key: turn.conversationKey, input: turn.input, id: turn.id }));
}

describe('request verification', () => {
  it('a bad signature gets 401 and nothing runs', async () => {
    const h = await harness();
    const turns = spyTurns(h);
    const response = await h.send(directMessage(TEAM, 'DU1', 'U1', 'カメラを削除したい'), {
      signWith: 'not-the-secret-000',
    });
    expect(response.status).toBe(401);
    expect(turns()).toEqual([]);
    expect(posts(h)).toEqual([]);
  });

  it('a request signed more than five minutes ago gets 401', async () => {
    const h = await harness();
    const turns = spyTurns(h);
    const old = Math.floor(Date.now() / 1000) - 600;
    const response = await h.send(directMessage(TEAM, 'DU1', 'U1', 'こんにちは'), { timestamp: old });
    expect(response.status).toBe(401);
    expect(turns()).toEqual([]);
  });

  it('a body over 1 MB gets 413 and nothing runs', async () => {
    const h = await harness();
    const turns = spyTurns(h);
    const response = await h.send(directMessage(TEAM, 'DU1', 'U1', 'あ'.repeat(400_000)));
    expect(response.status).toBe(413);
    expect(turns()).toEqual([]);
  });
});

describe('deliveries', () => {
  it('acknowledges Slack before the engine has answered', async () => {
    const h = await harness();
    const engine = h.testBot.context.pipeline.engine;
    const original = engine.handle.bind(engine);
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    vi.spyOn(engine, 'handle').mockImplementation(async (turn) => {
      await gate;
      return original(turn);
    });
    const response = await sendSlack(h.url, SIGNING_SECRET, directMessage(TEAM, 'DU1', 'U1', 'こんにちは'));
    expect(response.status).toBe(200);
    expect(posts(h)).toEqual([]);
    release();
    await h.channel.idle();
    expect(posts(h)).toHaveLength(1);
  });

  it('a retried event (same event_id, x-slack-retry-num: 1) is answered once and passed on with its id', async () => {
    const h = await harness();
    const turns = spyTurns(h);
    const request = directMessage(TEAM, 'DU1', 'U1', 'カメラを削除したい');
    await h.send(request);
    const retry = await h.send(request, { retryNum: 1 });
    expect(retry.status).toBe(200);
    expect(posts(h)).toHaveLength(1);
    expect(turns()).toHaveLength(1);
    expect(turns()[0]?.id).toMatch(/^slack:event:Ev/);
  });

  it('ignores bot messages, edits and other subtypes', async () => {
    const h = await harness();
    const turns = spyTurns(h);
    const ts = nextSlackTs();
    await h.send(
      eventCallback(TEAM, {
        type: 'message',
        channel_type: 'im',
        channel: 'DU1',
        bot_id: 'B2',
        text: 'hi',
        ts,
      }),
    );
    await h.send(
      eventCallback(TEAM, {
        type: 'message',
        subtype: 'message_changed',
        channel_type: 'im',
        channel: 'DU1',
        message: { user: 'U1', text: 'edited', ts },
        ts: nextSlackTs(),
      }),
    );
    await h.send(
      eventCallback(TEAM, {
        type: 'message',
        channel_type: 'channel',
        channel: 'C1',
        user: 'U1',
        text: 'hi',
        ts: nextSlackTs(),
      }),
    );
    expect(turns()).toEqual([]);
    expect(posts(h)).toEqual([]);
  });

  it('reads Slack markup as the user typed it (a mailto link is the e-mail address)', async () => {
    const h = await harness();
    const turns = spyTurns(h);
    await h.send(directMessage(TEAM, 'DU1', 'U1', 'カメラを削除したい'));
    await h.send(directMessage(TEAM, 'DU1', 'U1', '<mailto:camera-two@example.com|camera-two@example.com>'));
    expect(turns()[1]?.input).toEqual({ kind: 'text', text: 'camera-two@example.com' });
    expect(h.testBot.outbox.map((mail) => mail.to)).toEqual(['camera-two@example.com']);
  });
});

describe('mentions in channels', () => {
  it('are answered in the thread, one conversation per thread and user, without the mention', async () => {
    const h = await harness();
    const turns = spyTurns(h);
    const first = mention(TEAM, 'C1', 'U1', 'カメラを削除したい', { botUserId: FAKE_BOT_USER_ID });
    await h.send(first);
    const threadTs = (JSON.parse(first.body) as { event: { ts: string } }).event.ts;
    expect(turns()[0]).toMatchObject({
      key: `slack:${TEAM}:C1:${threadTs}:U1`,
      input: { kind: 'text', text: 'カメラを削除したい' },
    });
    const answer = posts(h).at(-1);
    expect(answer?.body).toMatchObject({ channel: 'C1', thread_ts: threadTs });
    expect(String(answer?.body.text)).toContain('メールアドレス');

    // The same user goes on in the thread; someone else in it has a conversation of their own.
    await h.send(
      mention(TEAM, 'C1', 'U1', 'camera-two@example.com', { botUserId: FAKE_BOT_USER_ID, threadTs }),
    );
    expect(h.testBot.outbox).toHaveLength(1);
    await h.send(
      mention(TEAM, 'C1', 'U2', 'camera-two@example.com', { botUserId: FAKE_BOT_USER_ID, threadTs }),
    );
    expect(turns()[2]?.key).toBe(`slack:${TEAM}:C1:${threadTs}:U2`);
    expect(h.testBot.outbox).toHaveLength(1);
    expect(posts(h).every((call) => call.body.thread_ts === threadTs)).toBe(true);
  });

  it("buttons in a thread answer that thread's conversation", async () => {
    const h = await harness();
    const turns = spyTurns(h);
    const first = mention(TEAM, 'C1', 'U1', '', { botUserId: FAKE_BOT_USER_ID });
    await h.send(first);
    const threadTs = (JSON.parse(first.body) as { event: { ts: string } }).event.ts;
    expect(turns()[0]?.input).toEqual({ kind: 'start', dialogId: 'menu' });
    const menu = h.shown('C1', threadTs).at(-1);
    const firstChoice = menu ? seenOf(menu).choices[0] : undefined;
    const button = menu && firstChoice ? choiceButton(menu.blocks, firstChoice.id) : undefined;
    expect(button).toBeDefined();
    if (!menu || !button) return;
    await h.send(
      blockActions({
        teamId: TEAM,
        user: 'U1',
        action: button.button,
        message: { channel: 'C1', ts: menu.ts, text: menu.text, blocks: menu.blocks, threadTs },
      }),
    );
    expect(turns()[1]?.key).toBe(`slack:${TEAM}:C1:${threadTs}:U1`);
    expect(turns()[1]?.input.kind).toBe('choice');
    expect(posts(h).at(-1)?.body.thread_ts).toBe(threadTs);
  });
});

describe('the slash command', () => {
  async function command(h: SlackHarness, user: string, text: string) {
    return h.send(slashCommand({ teamId: TEAM, user, command: '/helpdesk', text }));
  }

  it('translates its arguments into entry points and text, answering in the direct messages', async () => {
    const h = await harness();
    const turns = spyTurns(h);
    const ack = await command(h, 'U1', '');
    expect(ack.status).toBe(200);
    expect(JSON.parse(ack.body)).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining('ダイレクトメッセージ'),
    });
    await command(h, 'U1', 'end');
    await command(h, 'U1', 'カメラを削除したい');
    const inputs: TurnInput[] = turns().map((t) => t.input);
    expect(inputs).toEqual([
      { kind: 'start', dialogId: 'menu' },
      { kind: 'start', dialogId: 'agent-end' },
      { kind: 'text', text: 'カメラを削除したい' },
    ]);
    expect(turns().every((t) => t.key === `slack:${TEAM}:${directChannelOf('U1')}:U1`)).toBe(true);
    expect(h.fake.calls.filter((c) => c.method === 'conversations.open')).toHaveLength(1);
    expect(posts(h).every((call) => call.body.channel === directChannelOf('U1'))).toBe(true);
  });

  it('`act` by someone who is not an agent is refused, and no customer is looked up', async () => {
    const h = await harness({ SLACK_AGENT_USERS: 'AGENT1' });
    const turns = spyTurns(h);
    await command(h, 'U1', 'act portal@example.com');
    expect(turns()[0]?.input).toEqual({
      kind: 'start',
      dialogId: 'agent-session',
      text: 'portal@example.com',
    });
    const shown = h
      .shown(directChannelOf('U1'))
      .map((m) => seenOf(m).text)
      .join('\n');
    expect(shown).toContain('担当者のみ');
    expect(h.testBot.calls.map((c) => c.operation)).not.toContain('findCustomer');
  });
});

describe('the Home tab', () => {
  function published(h: SlackHarness) {
    return h.fake.calls.filter((c) => c.method === 'views.publish');
  }

  it('publishes entry-point buttons; agents also see how to act for a customer', async () => {
    const h = await harness({ SLACK_AGENT_USERS: 'AGENT1' });
    await h.send(appHomeOpened(TEAM, 'U1'));
    await h.send(appHomeOpened(TEAM, 'AGENT1'));
    const [customer, agent] = published(h);
    expect(customer?.body.user_id).toBe('U1');
    const customerView = JSON.stringify(customer?.body.view);
    for (const dialog of ['menu', 'miemasu-delete-device', 'miemasu-withdraw', 'csps-cancel', 'walkthrough'])
      expect(customerView).toContain(`helpdesk.start.${dialog}`);
    expect(customerView).not.toContain('/helpdesk act');
    expect(JSON.stringify(agent?.body.view)).toContain('/helpdesk act');
  });

  it('members of the agent user group are agents (the group is read once and cached)', async () => {
    const h = await harness({ SLACK_AGENT_USERGROUP: 'S0AGENTS' });
    h.fake.usergroups.set('S0AGENTS', ['UAGENT']);
    await h.send(appHomeOpened(TEAM, 'UAGENT'));
    await h.send(appHomeOpened(TEAM, 'U1'));
    const [member, other] = published(h);
    expect(JSON.stringify(member?.body.view)).toContain('/helpdesk act');
    expect(JSON.stringify(other?.body.view)).not.toContain('/helpdesk act');
    expect(h.fake.calls.filter((c) => c.method === 'usergroups.users.list')).toHaveLength(1);
  });

  it('a Home button starts its dialog in the direct messages', async () => {
    const h = await harness();
    const turns = spyTurns(h);
    await h.send(appHomeOpened(TEAM, 'U1'));
    const view = published(h)[0]?.body.view as { blocks: unknown[] };
    const button = buttonsOf(view.blocks).find((b) => b.button.action_id === 'helpdesk.start.csps-cancel');
    expect(button).toBeDefined();
    await h.send(blockActions({ teamId: TEAM, user: 'U1', action: button?.button ?? {} }));
    expect(turns()).toEqual([
      expect.objectContaining({
        key: `slack:${TEAM}:${directChannelOf('U1')}:U1`,
        input: { kind: 'start', dialogId: 'csps-cancel' },
      }),
    ]);
    expect(posts(h).at(-1)?.body.channel).toBe(directChannelOf('U1'));
  });
});

describe('Socket Mode', () => {
  it('has no HTTP routes and connects only when started', async () => {
    const fake = await startFakeSlack();
    const bot = await createChannelTestBot({
      SLACK_APP_TOKEN: 'xapp-1-A0-test',
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_API_URL: fake.url,
      SLACK_BOT_ID: 'B1',
      SLACK_BOT_USER_ID: 'UB1',
    });
    try {
      const channel = await createSlackChannel(bot.context);
      expect(channel.name).toBe('slack');
      expect(channel.routes).toEqual([]);
      expect(channel.start).toBeTypeOf('function');
      await channel.close();
      expect(fake.calls.map((c) => c.method)).not.toContain('apps.connections.open');
    } finally {
      await bot.close();
      await fake.close();
    }
  });
});

describe('Web API', () => {
  it('calls auth.test once when the bot ids are not configured, not at all when they are', async () => {
    const unknown = await harness();
    await unknown.send(directMessage(TEAM, 'DU1', 'U1', 'こんにちは'));
    expect(unknown.fake.calls.filter((c) => c.method === 'auth.test')).toHaveLength(1);
    const known = await harness({ SLACK_BOT_ID: 'B1', SLACK_BOT_USER_ID: 'UB1' });
    await known.send(directMessage(TEAM, 'DU1', 'U1', 'こんにちは'));
    expect(known.fake.calls.filter((c) => c.method === 'auth.test')).toHaveLength(0);
    expect(posts(known)).toHaveLength(1);
  });

  it('a failed post is reported to onError, never thrown at Slack', async () => {
    const h = await harness();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    h.fake.failNext('chat.postMessage', 'channel_not_found');
    const response = await h.send(directMessage(TEAM, 'DU1', 'U1', 'こんにちは'));
    expect(response.status).toBe(200);
    expect(h.testBot.errors.map(String).join('\n')).toContain('channel_not_found');
    errors.mockRestore();
  });
});
