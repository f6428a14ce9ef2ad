/**
 * The customer feed's contract (src/live-desk/feed.ts), one suite for both implementations: in memory (one
 * instance: both "instances" are the same feed) and on Redis (two feeds on separate connections, as two bot
 * processes have). Messages published on one are read, in order and by id, on the other; a watcher there is woken;
 * reading after an id never repeats nor skips; retention is bounded. Each run uses its own Redis key prefix.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type CustomerFeed,
  compareFeedIds,
  FEED_KEEP,
  isFeedId,
  memoryFeed,
} from '../../src/live-desk/feed.js';
import { createRedisFeed } from '../../src/live-desk/feed-redis.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `test-feed-${randomBytes(6).toString('hex')}:`;
const TTL_MS = 60_000;

type Body = { n: number; text: string };
const opened: CustomerFeed<Body>[] = [];
afterAll(async () => {
  for (const feed of opened) await feed.close();
});

async function pair(kind: 'memory' | 'redis'): Promise<[CustomerFeed<Body>, CustomerFeed<Body>]> {
  if (kind === 'memory') {
    const feed = memoryFeed<Body>({ ttlMs: TTL_MS });
    opened.push(feed);
    return [feed, feed];
  }
  const a = await createRedisFeed<Body>({ url: REDIS_URL, prefix: PREFIX, ttlMs: TTL_MS });
  const b = await createRedisFeed<Body>({ url: REDIS_URL, prefix: PREFIX, ttlMs: TTL_MS });
  opened.push(a, b);
  return [a, b];
}

const conversation = () => `web:${randomBytes(8).toString('hex')}`;

/** Resolves once `wake` has been called (bounded). */
function woken(feed: CustomerFeed<Body>, key: string): { done: Promise<void>; stop: () => void } {
  let stop = () => {};
  const done = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no wake-up within 5 s')), 5_000);
    const unwatch = feed.watch(key, () => {
      clearTimeout(timer);
      resolve();
    });
    stop = () => {
      clearTimeout(timer);
      unwatch();
    };
  });
  return { done, stop };
}

describe.each(['memory', 'redis'] as const)('customer feed: %s', (kind) => {
  it('reads on one instance, in order and by id, what the other published', async () => {
    const [a, b] = await pair(kind);
    const key = conversation();
    expect(await b.read(key)).toEqual([]);
    expect(await b.latest(key)).toBeUndefined();
    const ids: string[] = [];
    for (let n = 1; n <= 5; n++) ids.push(await a.publish(key, { n, text: `message ${n}` }));
    for (const id of ids) expect(isFeedId(id)).toBe(true);
    expect([...ids].sort(compareFeedIds)).toEqual(ids);
    const all = await b.read(key);
    expect(all.map((m) => m.body.n)).toEqual([1, 2, 3, 4, 5]);
    expect(all.map((m) => m.id)).toEqual(ids);
    expect(await b.latest(key)).toBe(ids[4]);
    // After an id: exactly what follows it, never the id itself.
    expect((await b.read(key, ids[1])).map((m) => m.body.n)).toEqual([3, 4, 5]);
    expect(await b.read(key, ids[4])).toEqual([]);
    expect((await b.read(key, undefined, 2)).map((m) => m.body.n)).toEqual([1, 2]);
    // Other conversations see nothing of it.
    expect(await b.read(conversation())).toEqual([]);
  });

  it('wakes a watcher on the other instance, and no longer once it stopped watching', async () => {
    const [a, b] = await pair(kind);
    const key = conversation();
    const first = woken(b, key);
    // Give the subscription a moment; a wake-up on subscribing is allowed (spurious), a missed one is not.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const id = await a.publish(key, { n: 1, text: 'an agent wrote' });
    await first.done;
    first.stop();
    expect((await b.read(key)).map((m) => m.id)).toEqual([id]);

    let late = 0;
    const unwatch = b.watch(key, () => {
      late += 1;
    });
    unwatch();
    await a.publish(key, { n: 2, text: 'nobody watches' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(late).toBe(0);
  });

  it('loses nothing published between reading and watching: read after the last id once woken', async () => {
    const [a, b] = await pair(kind);
    const key = conversation();
    const seen: number[] = [];
    let last: string | undefined;
    let reading = Promise.resolve();
    const catchUp = () => {
      reading = reading.then(async () => {
        for (const m of await b.read(key, last)) {
          seen.push(m.body.n);
          last = m.id;
        }
      });
    };
    const unwatch = b.watch(key, catchUp);
    catchUp();
    for (let n = 1; n <= 20; n++) await a.publish(key, { n, text: `m${n}` });
    const deadline = Date.now() + 5_000;
    while (seen.length < 20 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      await reading;
    }
    unwatch();
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it(`keeps at least the latest ${FEED_KEEP} messages of a conversation, and not unboundedly many`, async () => {
    const [a, b] = await pair(kind);
    const key = conversation();
    const total = FEED_KEEP * 3;
    let lastId = '';
    for (let n = 1; n <= total; n++) lastId = await a.publish(key, { n, text: '' });
    const kept = await b.read(key, undefined, total);
    expect(kept.length).toBeGreaterThanOrEqual(FEED_KEEP);
    expect(kept.length).toBeLessThan(total);
    expect(kept.at(-1)?.id).toBe(lastId);
    expect(kept.at(-1)?.body.n).toBe(total);
  });
});

describe('feed ids', () => {
  it('accept only <number>-<number>, as a Last-Event-ID must be checked', () => {
    for (const good of ['0-1', '1733500000000-0', '1733500000000-12']) expect(isFeedId(good)).toBe(true);
    for (const bad of ['', '1', '1-', '-1', 'a-1', '1-1 ', '1-1\n2-2', `${'9'.repeat(21)}-0`])
      expect(isFeedId(bad)).toBe(false);
    expect(compareFeedIds('1-10', '1-9')).toBe(1);
    expect(compareFeedIds('2-0', '10-0')).toBe(-1);
    expect(compareFeedIds('5-5', '5-5')).toBe(0);
  });
});
