/**
 * LINE configuration, validated at start: the channel secret and access token are set together (or the channel is
 * off), the secret has LINE's form, LINE_API_URL is an http(s) URL, and neither secret is ever echoed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel } from '../../../src/channels/channel.js';
import { createChannels, lineEnabled } from '../../../src/channels/enabled.js';
import { ConfigError, loadConfig } from '../../../src/config.js';
import { type ChannelTestBot, createChannelTestBot } from '../../support/channel-bot.js';
import { TEST_LINE_SECRET, TEST_LINE_TOKEN } from '../../support/line-events.js';

const LINE = { LINE_CHANNEL_SECRET: TEST_LINE_SECRET, LINE_CHANNEL_ACCESS_TOKEN: TEST_LINE_TOKEN };

function messageOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
}

describe('LINE configuration', () => {
  it('is off without the secret and token, on with both; the default API is api.line.me', () => {
    expect(lineEnabled(loadConfig({}))).toBe(false);
    const config = loadConfig(LINE);
    expect(lineEnabled(config)).toBe(true);
    expect(config.LINE_API_URL).toBe('https://api.line.me');
  });

  it('refuses one without the other, naming what is missing', () => {
    expect(messageOf({ LINE_CHANNEL_SECRET: TEST_LINE_SECRET })).toMatch(
      /LINE_CHANNEL_ACCESS_TOKEN: .*set together/,
    );
    expect(messageOf({ LINE_CHANNEL_ACCESS_TOKEN: TEST_LINE_TOKEN })).toMatch(/set together/);
  });

  it('refuses a secret that is not LINE’s 32 hex digits and a bad API URL, without echoing secrets', () => {
    const message = messageOf({
      ...LINE,
      LINE_CHANNEL_SECRET: 'not-a-secret-but-a-guess',
      LINE_API_URL: 'ftp://x',
    });
    expect(message).toContain('LINE_CHANNEL_SECRET: must be the 32 hexadecimal digits');
    expect(message).toContain('LINE_API_URL');
    expect(message).not.toContain('not-a-secret-but-a-guess');
    expect(messageOf({ ...LINE, LINE_CHANNEL_ACCESS_TOKEN: 'short' })).not.toContain('"short"');
  });
});

describe('the LINE channel among the channels', () => {
  let bot: ChannelTestBot | undefined;
  let channels: Channel[] = [];
  afterEach(async () => {
    for (const channel of channels) await channel.close();
    await bot?.close();
    channels = [];
    bot = undefined;
  });

  it('runs with the secret and token, mounting POST /line/webhook; not without them', async () => {
    bot = await createChannelTestBot(LINE);
    channels = await createChannels(bot.context);
    const line = channels.find((c) => c.name === 'line');
    expect(line?.routes.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /line/webhook']);
    for (const channel of channels) await channel.close();
    await bot.close();
    bot = await createChannelTestBot();
    channels = await createChannels(bot.context);
    expect(channels.map((c) => c.name)).not.toContain('line');
  });
});
