/**
 * The wiring of live desk: configuration, the late-bound registry (rooms and deliveries registered by the
 * channels after the bot is built), and the keys deliveries route by.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { placeOfKey } from '../../adapters/slack/live-desk-delivery.js';
import { parseThreadRef, threadRefOf } from '../../adapters/slack/live-desk-room.js';
import { sessionOfKey } from '../../adapters/web/delivery.js';
import { staticAgentDirectory } from '../../src/channels/agent-directory.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import type { Reply } from '../../src/engine/turn.js';
import { DESK_CHOICES, DeskRegistry } from '../../src/live-desk/index.js';
import { FakeRoom } from '../live-desk/fakes.js';
import { type ChannelTestBot, createChannelTestBot } from '../support/channel-bot.js';
import { OPEN_NOW } from './harness.js';

let bot: ChannelTestBot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

const choiceIds = (replies: readonly Reply[]) => replies.flatMap((r) => (r.choices ?? []).map((c) => c.id));

describe('configuration', () => {
  it('takes a Slack channel id and a Teams conversation with its service URL', () => {
    const config = loadConfig({
      SLACK_HANDOFF_CHANNEL: 'G0AGENTS1',
      TEAMS_HANDOFF_CONVERSATION: '19:abc@thread.tacv2',
      TEAMS_HANDOFF_SERVICE_URL: 'https://smba.trafficmanager.net/apac/',
    });
    expect(config.SLACK_HANDOFF_CHANNEL).toBe('G0AGENTS1');
    expect(config.TEAMS_HANDOFF_CONVERSATION).toBe('19:abc@thread.tacv2');
  });

  it('refuses a channel name instead of an id, and a Teams conversation without its service URL', () => {
    expect(() => loadConfig({ SLACK_HANDOFF_CHANNEL: '#agents' })).toThrow(/SLACK_HANDOFF_CHANNEL/);
    expect(() => loadConfig({ TEAMS_HANDOFF_CONVERSATION: '19:abc@thread.tacv2' })).toThrow(ConfigError);
    expect(() => loadConfig({ TEAMS_HANDOFF_CONVERSATION: '19:abc@thread.tacv2' })).toThrow(
      /TEAMS_HANDOFF_SERVICE_URL/,
    );
  });
});

describe('the bot', () => {
  it('has no desk without an agents’ room configured, and offers no live chat', async () => {
    bot = await createChannelTestBot();
    bot.clock.set(OPEN_NOW);
    expect(bot.bot.liveDesk).toBeUndefined();
    const replies = await bot.bot.engine.handle({
      conversationKey: 'web:no-desk',
      channel: 'web',
      actor: { kind: 'customer', id: 'web:no-desk' },
      input: { kind: 'text', text: 'オペレーター' },
    });
    expect(replies.some((r) => r.contactsShown !== undefined)).toBe(true);
    expect(choiceIds(replies)).not.toContain(DESK_CHOICES.live);
  });

  it('offers a live chat only once a channel has registered a room', async () => {
    bot = await createChannelTestBot({ SLACK_HANDOFF_CHANNEL: 'G0AGENTS' });
    bot.clock.set(OPEN_NOW);
    const liveDesk = bot.bot.liveDesk;
    if (!liveDesk) throw new Error('no desk');
    const ask = (key: string) =>
      bot?.bot.engine.handle({
        conversationKey: key,
        channel: 'web',
        actor: { kind: 'customer', id: key },
        input: { kind: 'text', text: 'オペレーター' },
      }) ?? [];
    expect(liveDesk.desk.available).toBe(false);
    expect(choiceIds(await ask('web:before'))).not.toContain(DESK_CHOICES.live);
    liveDesk.registry.addRoom(new FakeRoom('slack', 'slack'));
    expect(liveDesk.desk.available).toBe(true);
    expect(choiceIds(await ask('web:after'))).toContain(DESK_CHOICES.live);
  });
});

describe('DeskRegistry', () => {
  const reply: Reply = { text: 'hello', tone: 'info', stateVersion: 1 };
  const context = { channel: 'web', ticketId: 'HK-1', locale: 'ja' as const };

  it('routes a delivery by the conversation key’s platform, and refuses a platform nobody registered', async () => {
    const registry = new DeskRegistry(staticAgentDirectory({}));
    const got: string[] = [];
    registry.addDelivery('web', { deliver: async (key) => void got.push(`web ${key}`) });
    registry.addDelivery('slack', { deliver: async (key) => void got.push(`slack ${key}`) });
    await registry.deliver('web:abc', [reply], context);
    await registry.deliver('slack:T:D:U', [reply], context);
    expect(got).toEqual(['web web:abc', 'slack slack:T:D:U']);
    await expect(registry.deliver('teams:t:c:u', [reply], context)).rejects.toThrow(
      /No customer delivery for "teams" conversations; registered: web, slack/,
    );
  });

  it('replaces a room registered again under the same name, in place', () => {
    const registry = new DeskRegistry(staticAgentDirectory({}));
    const rooms = registry.rooms;
    registry.addRoom(new FakeRoom('slack', 'slack'));
    registry.addRoom(new FakeRoom('teams', 'teams'));
    const again = new FakeRoom('slack', 'slack');
    registry.addRoom(again);
    expect(registry.rooms).toBe(rooms);
    expect(rooms.map((r) => r.name)).toEqual(['slack', 'teams']);
    expect(rooms[0]).toBe(again);
  });

  it('counts the configured agents and every registered platform directory', async () => {
    const registry = new DeskRegistry(staticAgentDirectory({ slack: ['U1'] }));
    const group = staticAgentDirectory({ slack: ['U2'] });
    expect(await registry.directory.isAgent({ platform: 'slack', userId: 'U2' })).toBe(false);
    registry.addDirectory(group);
    expect(await registry.directory.isAgent({ platform: 'slack', userId: 'U1' })).toBe(true);
    expect(await registry.directory.isAgent({ platform: 'slack', userId: 'U2' })).toBe(true);
    expect(await registry.directory.isAgent({ platform: 'slack', userId: 'U3' })).toBe(false);
  });
});

describe('delivery keys', () => {
  it('reads a Slack place back from a direct-message key and a thread key', () => {
    expect(placeOfKey('slack:T1:D1:U1')).toEqual({ teamId: 'T1', channelId: 'D1', userId: 'U1' });
    expect(placeOfKey('slack:T1:C1:1700000000.000100:U1')).toEqual({
      teamId: 'T1',
      channelId: 'C1',
      threadTs: '1700000000.000100',
      userId: 'U1',
    });
    // An agent's conversation about a customer is never a customer's place.
    expect(placeOfKey('slack:T1:D1:U1|for:CUS-1')).toBeUndefined();
    expect(placeOfKey('web:abc')).toBeUndefined();
    expect(placeOfKey('slack:T1:C1:notats:U1')).toBeUndefined();
    expect(placeOfKey('slack:T1::U1')).toBeUndefined();
  });

  it('reads a web session id only from a web key', () => {
    expect(sessionOfKey('web:AbC_12-x')).toBe('AbC_12-x');
    expect(sessionOfKey('web:')).toBeUndefined();
    expect(sessionOfKey('web:a/b')).toBeUndefined();
    expect(sessionOfKey('slack:T:D:U')).toBeUndefined();
  });

  it('round-trips a Slack thread reference', () => {
    expect(parseThreadRef(threadRefOf('G0AGENTS', '1700000000.000001'))).toEqual({
      channel: 'G0AGENTS',
      ts: '1700000000.000001',
    });
    expect(() => parseThreadRef('nonsense')).toThrow(/Not a Slack thread reference/);
  });
});
