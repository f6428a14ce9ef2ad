/**
 * The production way of running the bot, on real processes: `npm run build` output run by plain `node`
 * (no tsx), answering /healthz; NODE_ENV=production refusing the embedded sandbox in one line with exit 2; and
 * SIGTERM with a Slack turn in flight — the turn's reply is still posted, then the process exits 0.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_BOT_ID, FAKE_BOT_USER_ID, FAKE_TEAM_ID, startFakeSlack } from '../support/fake-slack.js';
import { directMessage, sendSlack } from '../support/slack-requests.js';
import { build, runBuilt, startBuilt } from './built.js';

const dir = mkdtempSync(join(tmpdir(), 'built-'));
const files = (name: string) => ({
  SQLITE_PATH: join(dir, name, 'conversations.sqlite'),
  SANDBOX_PATH: join(dir, name, 'sandbox.sqlite'),
});

beforeAll(() => build(), 660_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the built bot (node dist/src/server.js)', { timeout: 120_000 }, () => {
  it('starts without tsx and answers /healthz; SIGTERM when idle exits 0', async () => {
    const server = await startBuilt({ PORT: '0', ...files('idle') });
    try {
      const response = await fetch(`${server.url}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'alive', readiness: '/readyz' });
      expect((await fetch(`${server.url}/`)).status).toBe(200); // the web chat's static page was copied
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toBe(0);
    expect(server.stderr()).toContain('stopped');
  });

  it('npm run start:prod passes SIGTERM on: the server stops gracefully, nothing is left running', async () => {
    const server = await startBuilt({ PORT: '0', ...files('npm') }, 60_000, ['npm', 'run', 'start:prod']);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    server.child.kill('SIGTERM'); // npm's own process, as an orchestrator or a terminal would signal it
    expect(await server.exited).toBe(0);
    expect(server.stderr()).toContain('stopped');
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });

  it('refuses NODE_ENV=production on the embedded sandbox: one line names BACKEND_URL, exit 2', async () => {
    const result = await runBuilt({ PORT: '0', NODE_ENV: 'production', ...files('refused') });
    expect(result.code).toBe(2);
    const named = result.stderr.split('\n').filter((line) => line.includes('BACKEND_URL'));
    expect(named).toHaveLength(1);
    expect(named[0]).toMatch(/required when NODE_ENV=production.*ALLOW_SANDBOX_IN_PRODUCTION=1/);
    expect(result.stdout).not.toContain('listening');
  });

  it('runs a demo in production only when asked for (ALLOW_SANDBOX_IN_PRODUCTION=1)', async () => {
    const server = await startBuilt({
      PORT: '0',
      NODE_ENV: 'production',
      ALLOW_SANDBOX_IN_PRODUCTION: '1',
      ...files('allowed'),
    });
    try {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toBe(0);
  });

  it('SIGTERM with a Slack turn in flight: stops accepting, posts the reply, then exits 0', async () => {
    const slack = await startFakeSlack();
    const secret = 'built-signing-secret-0123456789';
    const server = await startBuilt({
      PORT: '0',
      ...files('slack'),
      SLACK_SIGNING_SECRET: secret,
      SLACK_BOT_TOKEN: 'xoxb-built-test',
      SLACK_API_URL: slack.url,
      SLACK_BOT_ID: FAKE_BOT_ID,
      SLACK_BOT_USER_ID: FAKE_BOT_USER_ID,
    });
    try {
      // Every reply takes 1.5 s to post: the turn is still in flight when the signal arrives.
      slack.slowDown('chat.postMessage', 1500);
      const acked = await sendSlack(
        `${server.url}/slack/events`,
        secret,
        directMessage(FAKE_TEAM_ID, 'DUSER1', 'U0CUSTOMER', 'こんにちは'),
      );
      expect(acked.status).toBe(200);
      const signalled = Date.now();
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      const posted = slack.calls.filter((call) => call.method === 'chat.postMessage');
      expect(posted.length).toBeGreaterThan(0);
      expect(Date.now() - signalled).toBeGreaterThanOrEqual(1000);
      // Once stopping, nothing new is accepted.
      await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    } finally {
      server.child.kill('SIGKILL');
      await slack.close();
    }
  });
});
