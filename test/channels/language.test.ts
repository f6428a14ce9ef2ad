/**
 * Issue 15 item 5 on the chat channels: an English question typed into Slack or Teams is answered in English,
 * and "help" names both languages — the engine decides, each adapter only passes the text. (Teams' activity
 * locale is not English here: the written language alone decides.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackDriver } from '../adapters/slack/driver.js';
import { createTeamsDriver } from '../adapters/teams/driver.js';
import type { ChannelDriver, DriverFactory } from './driver.js';

const open: ChannelDriver[] = [];
afterEach(async () => {
  for (const d of open.splice(0)) await d.close();
});

const channels: [string, DriverFactory][] = [
  ['slack', createSlackDriver],
  ['teams', createTeamsDriver],
];

describe.each(channels)('%s follows the written language', (_name, factory) => {
  it('answers an English question in English and English help mentions Japanese', async () => {
    const d = await factory();
    open.push(d);
    await d.say('U1', 'こんにちは');
    await d.say('U1', 'Do I get a refund if I delete my camera?');
    const text = d
      .messages('U1')
      .map((m) => m.text)
      .join('\n');
    expect(text).toContain('You wrote in English');
    expect(text).toContain('There is no refund');
    await d.say('U1', 'help');
    expect(d.messages('U1').at(-1)?.text).toContain('日本語');
  });
});
