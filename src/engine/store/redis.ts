import { createHash } from 'node:crypto';
import KeyvRedis, { createClient } from '@keyv/redis';
import { createPlainKeyv } from './plain-keyv.js';
import { decodeRecord, encodeRecord, resolveOptions, storageKey } from './record.js';
import type { CasResult, ConversationStore, StoreOptions, Versioned } from './types.js';

export interface RedisStoreOptions extends StoreOptions {
  /** `redis://[user:password@]host:port[/db]`. Credentials are never included in error messages. */
  url: string;
  /** How long the first connection may take before creation fails, in ms. Default 2000. */
  connectTimeoutMs?: number;
}

/**
 * Compare-and-set, atomic on the server. KEYS[1] = key; ARGV = expected version, new record, ttl ms.
 * The stored version is the record's `value.version` (0 when absent or unreadable, as `decodeRecord` reads it).
 * Returns {1, newVersion} when written, {0, currentVersion} when not. The write and its expiry (PX) are one SET.
 */
const CAS_SCRIPT = `
local current = 0
local raw = redis.call('GET', KEYS[1])
if raw then
  local ok, record = pcall(cjson.decode, raw)
  if ok and type(record) == 'table' and type(record.value) == 'table' and type(record.value.version) == 'number' then
    current = record.value.version
  end
end
if current ~= tonumber(ARGV[1]) then
  return {0, current}
end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return {1, current + 1}
`;

/** The script's SHA-1, as Redis names it in its script cache (EVALSHA). */
const CAS_SHA = createHash('sha1').update(CAS_SCRIPT).digest('hex');

/** Redis answers EVALSHA with NOSCRIPT when its script cache lacks the script (restart, failover, SCRIPT FLUSH). */
function isNoScript(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('NOSCRIPT');
}

/** The URL with any password replaced, safe to put in messages and logs. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable Redis URL)';
  }
}

/**
 * A `ConversationStore` on `@keyv/redis` (several bot processes sharing one Redis). Records expire natively
 * (PX), so they carry no `expires` field. Compare-and-set is one Lua script, which Redis runs atomically: loaded
 * once when the store is created and then run by its hash (EVALSHA), so its text is not sent with every write;
 * when Redis has lost it (restart, failover, SCRIPT FLUSH) the write is sent with the text (EVAL), which caches it again.
 * Creation fails within `connectTimeoutMs` when Redis is unreachable; after the first connection the client
 * reconnects with backoff, and commands issued while it is down fail instead of waiting.
 */
/**
 * A Redis client that fails fast: commands issued while disconnected are rejected at once (no offline queue, so a
 * Redis outage never makes a turn hang), the first connection is not retried (a wrong URL fails at start), later
 * reconnections back off up to 2 s. `purpose` names the user in the error; the URL's password is never shown.
 */
export async function connectRedisClient(url: string, purpose: string, connectTimeoutMs = 2000) {
  const where = redactRedisUrl(url);
  let connectedOnce = false;
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: connectTimeoutMs,
      reconnectStrategy: (retries: number) => (connectedOnce ? Math.min(50 * 2 ** retries, 2000) : false),
    },
  });
  // Errors reach callers through rejected commands; without a listener node-redis would crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
    connectedOnce = true;
  } catch (error) {
    if (client.isOpen) client.destroy();
    throw new Error(`Could not connect to Redis at ${where} for ${purpose}.`, {
      cause: error instanceof Error ? new Error(error.message.replaceAll(url, where)) : undefined,
    });
  }
  return client;
}

export async function createRedisStore<T>(opts: RedisStoreOptions): Promise<ConversationStore<T>> {
  const { namespace, ttlMs } = resolveOptions(opts);
  const where = redactRedisUrl(opts.url);
  const client = await connectRedisClient(opts.url, 'the conversation store', opts.connectTimeoutMs);
  const adapter = new KeyvRedis(client, { throwOnErrors: true, throwOnConnectError: true });
  const keyv = createPlainKeyv<Versioned<T>>(adapter);
  // Best effort: a Redis that refuses SCRIPT LOAD still gets every write, through the EVAL fallback below.
  await client.scriptLoad(CAS_SCRIPT).catch(() => undefined);
  let closed = false;
  const ensureOpen = (): void => {
    if (closed) throw new Error(`The Redis conversation store at ${where} is closed; create a new one.`);
  };

  return {
    async get(key) {
      ensureOpen();
      return decodeRecord<T>(await adapter.get(storageKey(namespace, key)), Date.now());
    },

    async compareAndSet(key, expectedVersion, value): Promise<CasResult> {
      ensureOpen();
      const record = encodeRecord(value, expectedVersion + 1);
      const options = {
        keys: [storageKey(namespace, key)],
        arguments: [String(expectedVersion), record, String(ttlMs)],
      };
      let reply: unknown;
      try {
        reply = await client.evalSha(CAS_SHA, options);
      } catch (error) {
        // Not run at all (the script is unknown): sending it with its text cannot apply the write twice.
        if (!isNoScript(error)) throw error;
        reply = await client.eval(CAS_SCRIPT, options);
      }
      if (!Array.isArray(reply) || typeof reply[0] !== 'number' || typeof reply[1] !== 'number') {
        throw new Error(`Unexpected reply from the Redis compare-and-set script: ${JSON.stringify(reply)}.`);
      }
      return reply[0] === 1 ? { ok: true, version: reply[1] } : { ok: false, currentVersion: reply[1] };
    },

    async delete(key) {
      ensureOpen();
      await keyv.delete(storageKey(namespace, key));
    },

    async close() {
      if (closed) return;
      closed = true;
      await keyv.disconnect();
    },
  };
}
