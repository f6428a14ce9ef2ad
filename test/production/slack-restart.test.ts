/**
 * Old buttons come off after a restart (invariant 3 across processes): a built bot process on Redis
 * (STORE=redis) posts a question with buttons in a Slack direct message and is stopped (SIGTERM); a new process
 * on the same Redis takes the user's next message and updates that old message without its buttons. Before, the
 * last question per place was kept in process memory, so the new process did not know it.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FAKE_BOT_ID,
  FAKE_BOT_USER_ID,
  FAKE_TEAM_ID,
  type FakeSlack,
  type FakeSlackCall,
  startFakeSlack,
} from '../support/fake-slack.js';
import { directMessage, sendSlack } from '../support/slack-requests.js';
import { build, startBuilt } from './built.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SECRET = 'restart-signing-secret-0123456789';
const dir = mkdtempSync(join(tmpdir(), 'slack-restart-'));
let slack: FakeSlack;

beforeAll(async () => {
  build();
  slack = await startFakeSlack();
}, 660_000);
afterAll(async () => {
  await slack.close();
  rmSync(dir, { recursive: true, force: true });
});

const start = () =>
  startBuilt({
    PORT: '0',
    STORE: 'redis',
    REDIS_URL,
    SQLITE_PATH: join(dir, 'conversations.sqlite'),
    SANDBOX_PATH: join(dir, 'sandbox.sqlite'),
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: 'xoxb-restart-test',
    SLACK_API_URL: slack.url,
    SLACK_BOT_ID: FAKE_BOT_ID,
    SLACK_BOT_USER_ID: FAKE_BOT_USER_ID,
  });

/** Waits (bounded) until the fake Web API has a call matching `accept`. */
async function callMatching(
  accept: (call: FakeSlackCall) => boolean,
  timeoutMs = 15_000,
): Promise<FakeSlackCall> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = slack.calls.find(accept);
    if (found) return found;
    if (Date.now() > deadline) throw new Error('the bot made no such Slack call in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const hasActions = (blocks: unknown): boolean =>
  Array.isArray(blocks) && blocks.some((block) => (block as { type?: unknown }).type === 'actions');

describe('Slack after a restart, on Redis', () => {
  it("the next turn removes the old question's buttons, posted by the previous process", async () => {
    // Unique per run: the Redis server is shared with other test runs.
    const user = `U${randomBytes(5).toString('hex').toUpperCase()}`;
    const channel = `D${user}`;
    const first = await start();
    let question: FakeSlackCall;
    try {
      expect(
        (
          await sendSlack(
            `${first.url}/slack/events`,
            SECRET,
            directMessage(FAKE_TEAM_ID, channel, user, 'こんにちは'),
          )
        ).status,
      ).toBe(200);
      question = await callMatching(
        (call) =>
          call.method === 'chat.postMessage' && call.body.channel === channel && hasActions(call.body.blocks),
      );
    } finally {
      first.child.kill('SIGTERM');
    }
    expect(await first.exited).toBe(0);
    const ts = question.response.ts;

    const second = await start();
    try {
      await sendSlack(
        `${second.url}/slack/events`,
        SECRET,
        directMessage(FAKE_TEAM_ID, channel, user, 'メニュー'),
      );
      const update = await callMatching((call) => call.method === 'chat.update' && call.body.ts === ts);
      expect(update.body.channel).toBe(channel);
      expect(hasActions(update.body.blocks)).toBe(false);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  }, 120_000);
});
