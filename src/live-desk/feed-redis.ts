/**
 * The customer feed on Redis (STORE=redis): one stream per conversation for the messages, pub/sub only to wake
 * the instance holding the customer's connection.
 *
 * Why a stream and not pub/sub alone: pub/sub delivers to whoever listens at that instant and keeps nothing, so a
 * message published while the subscriber's connection was being re-established, or while the browser was
 * reconnecting to another instance, would be lost. A stream keeps the messages with ordered ids: a browser's
 * `Last-Event-ID` is a stream id, and whichever instance it reconnects to reads exactly what came after it
 * (`XRANGE key (id +`). Pub/sub carries only "something new on this conversation" (the message's id), so a lost
 * wake-up costs latency (the reader's next heartbeat re-reads), never a message. Blocking `XREAD` would wake
 * readers too, but needs a connection per waiting reader or one multiplexed loop re-issued whenever the set of
 * conversations changes; a subscription per watched conversation on one shared connection is simpler.
 *
 * Keys: `<prefix>feed:<conversation key>` (a stream, trimmed to about {@link FEED_KEEP} entries, expiring `ttlMs`
 * after its last publication); channel `<prefix>feed-wake:<conversation key>`. Publication is one Lua script
 * (XADD, PEXPIRE, PUBLISH), so a message is never kept without its expiry nor announced before it is readable.
 */
import { connectRedisClient } from '../engine/store/redis.js';
import { type CustomerFeed, FEED_KEEP, FEED_READ_LIMIT, type FeedMessage } from './feed.js';

export interface RedisFeedOptions {
  url: string;
  /** Key prefix (tests use a unique one per run); default `handoff:` (a stored spelling, kept). */
  prefix?: string;
  ttlMs: number;
}

const PUBLISH_SCRIPT = `
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'm', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('PUBLISH', ARGV[4], id)
return id
`;

type StreamEntry = [string, string[]];

export async function createRedisFeed<T>(options: RedisFeedOptions): Promise<CustomerFeed<T>> {
  const prefix = options.prefix ?? 'handoff:';
  const client = await connectRedisClient(options.url, 'the live-desk feed');
  const subscriber = client.duplicate();
  subscriber.on('error', () => undefined);
  await subscriber.connect();
  const watchers = new Map<string, Set<() => void>>();
  const streamKey = (key: string) => `${prefix}feed:${key}`;
  const channelOf = (key: string) => `${prefix}feed-wake:${key}`;
  const wakeAll = (key: string) => {
    for (const wake of watchers.get(key) ?? []) wake();
  };
  // After the subscriber reconnects (node-redis subscribes again by itself), wake-ups sent meanwhile are lost:
  // wake every watcher once so each reads what it missed.
  let firstReady = true;
  subscriber.on('ready', () => {
    if (firstReady) {
      firstReady = false;
      return;
    }
    for (const key of watchers.keys()) wakeAll(key);
  });
  const listeners = new Map<string, () => void>();
  let closed = false;

  return {
    async publish(conversationKey, body) {
      const id = await client.eval(PUBLISH_SCRIPT, {
        keys: [streamKey(conversationKey)],
        arguments: [
          String(FEED_KEEP),
          JSON.stringify(body),
          String(options.ttlMs),
          channelOf(conversationKey),
        ],
      });
      return String(id);
    },
    async read(conversationKey, after, limit = FEED_READ_LIMIT) {
      const entries = await client.sendCommand<StreamEntry[]>([
        'XRANGE',
        streamKey(conversationKey),
        after === undefined ? '-' : `(${after}`,
        '+',
        'COUNT',
        String(limit),
      ]);
      return entries.map(([id, fields]): FeedMessage<T> => {
        const at = fields.indexOf('m');
        return { id: String(id), body: JSON.parse(String(fields[at + 1])) as T };
      });
    },
    async latest(conversationKey) {
      const entries = await client.sendCommand<StreamEntry[]>([
        'XREVRANGE',
        streamKey(conversationKey),
        '+',
        '-',
        'COUNT',
        '1',
      ]);
      const id = entries[0]?.[0];
      return id === undefined ? undefined : String(id);
    },
    watch(conversationKey, wake) {
      let set = watchers.get(conversationKey);
      if (!set) {
        set = new Set();
        watchers.set(conversationKey, set);
        const listener = () => wakeAll(conversationKey);
        listeners.set(conversationKey, listener);
        // Once subscribed, one wake-up: a message published while the subscription was on its way announced
        // itself to nobody. A failed subscription leaves the watcher on its own periodic re-reads.
        subscriber.subscribe(channelOf(conversationKey), listener).then(listener, () => undefined);
      }
      set.add(wake);
      const mine = set;
      return () => {
        mine.delete(wake);
        if (mine.size > 0 || watchers.get(conversationKey) !== mine) return;
        watchers.delete(conversationKey);
        const listener = listeners.get(conversationKey);
        listeners.delete(conversationKey);
        if (!closed && listener)
          subscriber.unsubscribe(channelOf(conversationKey), listener).catch(() => undefined);
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      watchers.clear();
      listeners.clear();
      await Promise.allSettled([subscriber.close(), client.close()]);
    },
  };
}
