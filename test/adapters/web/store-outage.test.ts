/**
 * The web chat's own answers when something underneath fails (items 3 and 7 of the outside probe): a session
 * store that does not answer is 503 with Retry-After — never an empty transcript and a new cookie that would cost
 * the visitor their conversation; a malformed receipt path is 400, not a 500 with a stack at error level; the
 * dispatcher's own 404/405 carry the security headers, and HEAD is refused with `Allow`.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FlakyRedis, redisServerAvailable, startFlakyRedis } from '../../support/flaky-redis.js';
import { startWeb, type WebHarness } from './support.js';

let web: WebHarness | undefined;

afterEach(async () => {
  await web?.close();
  web = undefined;
});

describe.runIf(redisServerAvailable())('web sessions in a Redis that stops', () => {
  let redis: FlakyRedis;
  beforeAll(async () => {
    redis = await startFlakyRedis();
  });
  afterAll(async () => {
    await redis.close();
  });
  afterEach(async () => {
    // Close the channel's clients only with Redis answering (closing while they reconnect can hang).
    if (redis.pid === undefined) await redis.start();
  });

  it('answers 503 with Retry-After and keeps the cookie: no new session, no empty transcript', async () => {
    web = await startWeb({ config: { STORE: 'redis', REDIS_URL: redis.url } });
    const browser = web.client();
    await browser.history();
    await browser.turn({ kind: 'text', text: 'こんにちは' });
    const cookie = browser.cookie;
    expect(cookie).toMatch(/^helpdesk_chat=/);
    expect((await browser.history()).entries.length).toBeGreaterThan(0);

    await redis.stop();
    browser.lastSetCookie = undefined;
    const history = await browser.request('/chat/api/history');
    expect(history.status).toBe(503);
    expect(history.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(history.headers.get('set-cookie')).toBeNull();
    expect(history.headers.get('x-content-type-options')).toBe('nosniff');
    expect(history.text).not.toContain('entries');
    const turn = await browser.turn({ kind: 'text', text: 'こんにちは' });
    expect(turn.status).toBe(503);
    expect(turn.headers.get('set-cookie')).toBeNull();
    expect(browser.lastSetCookie).toBeUndefined();
    expect(browser.cookie).toBe(cookie);
  });
});

describe('requests without a session (outside probe, item 6)', () => {
  it('dropping the cookie does not bypass the limit: new sessions per address are limited (429 + Retry-After)', async () => {
    web = await startWeb({ web: { sessionCreationLimit: { max: 5, windowMs: 60_000 } } });
    const regular = web.client();
    await regular.history(); // one session, made before the burst
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let n = 0; n < 8; n++) {
      const cookieless = web.client(); // a fresh client: no cookie, every time
      const answer = await cookieless.turn({ kind: 'text', text: 'こんにちは' });
      statuses.push(answer.status);
      if (answer.status === 429) retryAfter = answer.headers.get('retry-after');
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429, 429, 429]);
    expect(retryAfter).toMatch(/^\d+$/);
    // A visitor with a session goes on as before.
    expect((await regular.turn({ kind: 'text', text: 'こんにちは' })).status).toBe(200);
  });
});

describe("the dispatcher's own answers", () => {
  it('a receipt path that is not valid percent-encoding is 400, logged as no fault', async () => {
    web = await startWeb();
    const browser = web.client();
    await browser.history();
    const errorsBefore = web.testBot.errors.length;
    const answer = await browser.request('/chat/api/receipts/%');
    expect(answer.status).toBe(400);
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.text).not.toMatch(/URIError|at .+:\d+/);
    expect(web.testBot.errors.length).toBe(errorsBefore);
  });

  it('404 and 405 carry the security headers; HEAD gets 405 with Allow', async () => {
    web = await startWeb();
    const browser = web.client();
    const missing = await browser.request('/no/such/path');
    expect(missing.status).toBe(404);
    const head = await browser.request('/chat/api/history', { method: 'HEAD' });
    expect(head.status).toBe(405);
    expect(head.headers.get('allow')).toBe('GET');
    const put = await browser.request('/chat/api/turn', { method: 'PUT' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('POST');
    for (const answer of [missing, head, put]) {
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });
});
