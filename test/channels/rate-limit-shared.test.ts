/**
 * Rate limits on rate-limiter-flexible: in memory without Redis; in Redis with STORE=redis, where two limiter
 * instances (two bot processes) share one count per key. Keys are unique per run (the Redis server is shared).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { openRateLimiters, type RateLimiters } from '../../src/channels/limiters.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const opened: RateLimiters[] = [];
afterAll(async () => {
  await Promise.all(opened.map((limiters) => limiters.close()));
});
const open = async (store: 'redis' | 'memory') => {
  const limiters = await openRateLimiters({ STORE: store, REDIS_URL });
  opened.push(limiters);
  return limiters;
};

describe('rate limits (rate-limiter-flexible)', () => {
  it('in memory: admits max per window for a key, then tells how long to wait; keys are separate', async () => {
    const limiter = (await open('memory')).limiter('sample', { max: 2, windowMs: 60_000 });
    const key = randomUUID();
    expect(await limiter.take(key)).toEqual({ ok: true });
    expect(await limiter.take(key)).toEqual({ ok: true });
    const refused = await limiter.take(key);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.retryAfterMs).toBeGreaterThan(50_000);
    expect(await limiter.take(randomUUID())).toEqual({ ok: true });
  });

  it('in memory: two processes count separately (what STORE=redis fixes)', async () => {
    const key = randomUUID();
    const [a, b] = [await open('memory'), await open('memory')].map((l) =>
      l.limiter('sample', { max: 2, windowMs: 60_000 }),
    );
    for (const limiter of [a, b, a, b]) expect((await limiter?.take(key))?.ok).toBe(true);
  });

  it('in Redis: two instances share one count per key', async () => {
    const key = `test-${randomUUID()}`;
    const [a, b] = [await open('redis'), await open('redis')].map((l) =>
      l.limiter('sample', { max: 3, windowMs: 60_000 }),
    );
    if (!a || !b) throw new Error('two limiters expected');
    expect(await a.take(key)).toEqual({ ok: true });
    expect(await b.take(key)).toEqual({ ok: true });
    expect(await a.take(key)).toEqual({ ok: true });
    expect((await b.take(key)).ok).toBe(false);
    expect((await a.take(key)).ok).toBe(false);
    expect(await b.take(`test-${randomUUID()}`)).toEqual({ ok: true });
  });
});
