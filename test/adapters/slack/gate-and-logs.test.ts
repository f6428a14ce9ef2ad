/**
 * Items 4 and 11 of the outside probe, on the Slack side: a signed request stamped more than five minutes in the
 * future is refused before anything runs (Bolt refuses only old ones); Bolt's debug lines never carry a payload
 * (customer names, messages) or a Slack id.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { MAX_FUTURE_SKEW_MS, slackEventsRoute } from '../../../adapters/slack/http-gate.js';
import { boltLogger, debugLine } from '../../../adapters/slack/logger.js';
import { serve } from '../../../src/http/serve.js';
import { slackSignature } from '../../support/slack-requests.js';

const SECRET = 'test-signing-secret-0123456789';
const NOW_MS = Date.parse('2026-11-23T01:00:00.000Z');

async function post(timestampS: number) {
  const reached: string[] = [];
  const receiver = {
    requestListener(_request: IncomingMessage, response: ServerResponse) {
      reached.push('bolt');
      response.writeHead(200);
      response.end();
    },
  };
  const route = slackEventsRoute(receiver, {
    path: '/slack/events',
    signingSecret: SECRET,
    limitBytes: 1024,
    now: () => NOW_MS,
  });
  const served = await serve([route], { host: '127.0.0.1', port: 0 });
  try {
    const body = JSON.stringify({ type: 'event_callback', event: { type: 'message' } });
    const response = await fetch(`${served.url}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': String(timestampS),
        'x-slack-signature': slackSignature(SECRET, timestampS, body),
      },
      body,
    });
    return { status: response.status, reached };
  } finally {
    await served.close();
  }
}

describe('Slack request timestamps', () => {
  it('a correctly signed request from more than five minutes in the future is refused before Bolt', async () => {
    const future = Math.floor((NOW_MS + MAX_FUTURE_SKEW_MS + 60_000) / 1000);
    expect(await post(future)).toEqual({ status: 401, reached: [] });
  });

  it('a request within the skew goes on to Bolt', async () => {
    const slightlyAhead = Math.floor((NOW_MS + 60_000) / 1000);
    expect(await post(slightlyAhead)).toEqual({ status: 200, reached: ['bolt'] });
  });
});

describe("Bolt's debug lines", () => {
  it('keep what the line is about, never the payload or a Slack id', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = boltLogger('debug', sink);
    logger.debug("apiCall('users.info') end", { user: { id: 'U0123ABCDE', real_name: '山田 太郎' } });
    logger.debug('http request body: {"user":"U0123ABCDE","text":"山田 太郎です","team":"T0456FGHIJ"}');
    logger.debug('initialized conversation store for user U0123ABCDE');
    const output = lines.join('');
    expect(lines).toHaveLength(3);
    expect(output).not.toMatch(/山田|太郎|U0123ABCDE|T0456FGHIJ|real_name/);
    expect(output).toContain("apiCall('users.info') end [payload omitted]");
    expect(output).toContain('[slack-id]');
  });

  it('debugLine cuts at the first payload', () => {
    expect(debugLine(['event', { a: 1 }])).toBe('event [payload omitted]');
    expect(debugLine(['plain words'])).toBe('plain words');
  });
});
