/**
 * Per-user rate limit on Slack and Teams: past the limit a user is told nothing was done, and the turn never
 * reaches the engine (the conversation does not move); other users are unaffected.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { USER_RATE_LIMIT } from '../../src/channels/rate-limit.js';
import { createSlackDriver } from '../adapters/slack/driver.js';
import { createTeamsDriver } from '../adapters/teams/driver.js';
import type { ChannelDriver, DriverFactory } from './driver.js';

const channels: [string, DriverFactory][] = [
  ['slack', createSlackDriver],
  ['teams', createTeamsDriver],
];

let driver: ChannelDriver | undefined;
afterEach(async () => {
  await driver?.close();
  driver = undefined;
});

describe.each(channels)('%s', (_name, factory) => {
  it(`answers the ${USER_RATE_LIMIT.max + 1}th message within the window with a polite refusal`, async () => {
    driver = await factory();
    for (let i = 0; i < USER_RATE_LIMIT.max; i++) await driver.say('U1', 'ヘルプ');
    const before = driver.messages('U1').length;
    await driver.say('U1', 'カメラを削除したい');
    const last = driver.messages('U1').at(-1);
    expect(driver.messages('U1').length).toBe(before + 1);
    expect(last?.text).toContain('処理していません');
    expect(last?.text).not.toContain('メールアドレス'); // the request did not reach the engine
    await driver.say('U2', 'カメラを削除したい');
    expect(driver.messages('U2').at(-1)?.text).toContain('メールアドレス');
  }, 60_000);
});
