/**
 * The customer feed: what the live desk delivered to a customer whose chat is a connection held open by one bot
 * instance (the web chat's event stream), as an ordered log per conversation that every instance can read and be
 * woken by. An agent's reply handled on instance B is published here; the instance A holding the customer's
 * connection is woken and reads it. Slack, Teams and LINE customers need no feed: their platforms receive the
 * desk's messages from whichever instance handles the agent's action.
 *
 * Contract (one suite, `test/live-desk/feed.test.ts`, runs against every implementation):
 * - `publish` appends one message and resolves with its id. Ids are `<number>-<number>` strings, increasing within
 *   a conversation in publication order (Redis stream ids; the memory feed uses `0-<n>`).
 * - `read(key, after)` resolves with the kept messages published after id `after` (exclusive; all kept when
 *   absent), oldest first, at most `limit`. Each conversation keeps its latest {@link FEED_KEEP} messages at least,
 *   for `ttlMs` after its last publication; older ones may be gone (readers then fall back to the transcript).
 * - `latest(key)` is the id of the newest kept message, `undefined` when none.
 * - `watch(key, wake)` calls `wake()` (no arguments: the watcher reads what is new itself, after the id it has)
 *   soon after any instance publishes to `key`, until the returned function is called. A wake-up may be missed
 *   (a dropped connection) or spurious; a message is never lost, since readers read by id.
 * - Ids that are not well-formed are refused by {@link isFeedId}: callers check input before passing it.
 */
export interface FeedMessage<T> {
  id: string;
  body: T;
}

export interface CustomerFeed<T> {
  publish(conversationKey: string, body: T): Promise<string>;
  read(conversationKey: string, after?: string, limit?: number): Promise<FeedMessage<T>[]>;
  latest(conversationKey: string): Promise<string | undefined>;
  watch(conversationKey: string, wake: () => void): () => void;
  /** Stops every watch and releases connections. */
  close(): Promise<void>;
}

/** Messages kept per conversation, at least (the web page re-reads its transcript for anything older). */
export const FEED_KEEP = 100;
/** Most messages one `read` returns by default. */
export const FEED_READ_LIMIT = 100;

const FEED_ID = /^\d{1,20}-\d{1,20}$/;

/** Whether `id` has the form of a feed id (a `Last-Event-ID` from a browser is untrusted input). */
export function isFeedId(id: string): boolean {
  return FEED_ID.test(id);
}

/** Orders two well-formed feed ids as Redis orders stream ids. */
export function compareFeedIds(a: string, b: string): number {
  const [aMs = 0n, aSeq = 0n] = a.split('-').map(BigInt);
  const [bMs = 0n, bSeq = 0n] = b.split('-').map(BigInt);
  if (aMs !== bMs) return aMs < bMs ? -1 : 1;
  if (aSeq !== bSeq) return aSeq < bSeq ? -1 : 1;
  return 0;
}

/**
 * The feed in this process's memory (STORE=memory and SQLite: one instance). Bounded: {@link FEED_KEEP} messages
 * per conversation, and conversations idle for `ttlMs` are dropped at the next publication.
 */
export function memoryFeed<T>(options: { ttlMs: number; now?: () => number }): CustomerFeed<T> {
  const now = options.now ?? Date.now;
  const logs = new Map<string, { messages: FeedMessage<T>[]; touched: number }>();
  const watchers = new Map<string, Set<() => void>>();
  let counter = 0;
  const prune = () => {
    for (const [key, log] of logs) if (now() - log.touched > options.ttlMs) logs.delete(key);
  };
  return {
    async publish(conversationKey, body) {
      prune();
      counter += 1;
      const id = `0-${counter}`;
      const log = logs.get(conversationKey) ?? { messages: [], touched: now() };
      log.messages.push({ id, body: structuredClone(body) });
      if (log.messages.length > FEED_KEEP) log.messages.splice(0, log.messages.length - FEED_KEEP);
      log.touched = now();
      logs.set(conversationKey, log);
      for (const wake of watchers.get(conversationKey) ?? []) queueMicrotask(wake);
      return id;
    },
    async read(conversationKey, after, limit = FEED_READ_LIMIT) {
      const messages = logs.get(conversationKey)?.messages ?? [];
      return messages
        .filter((m) => after === undefined || compareFeedIds(m.id, after) > 0)
        .slice(0, limit)
        .map((m) => ({ id: m.id, body: structuredClone(m.body) }));
    },
    async latest(conversationKey) {
      return logs.get(conversationKey)?.messages.at(-1)?.id;
    },
    watch(conversationKey, wake) {
      const set = watchers.get(conversationKey) ?? new Set();
      set.add(wake);
      watchers.set(conversationKey, set);
      return () => {
        set.delete(wake);
        if (set.size === 0 && watchers.get(conversationKey) === set) watchers.delete(conversationKey);
      };
    },
    async close() {
      watchers.clear();
    },
  };
}
