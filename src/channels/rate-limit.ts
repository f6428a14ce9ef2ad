/**
 * Rate limits per key (a web session, a Slack or Teams user): at most `max` turns per `windowMs`.
 *
 * - {@link flexibleLimiter} (what the server runs): `rate-limiter-flexible`, in Redis when `STORE=redis` — one
 *   count per key shared by every instance, surviving a restart — otherwise in this process's memory. Fixed
 *   windows of `windowMs` (whole seconds). If Redis fails, the limit falls back to this process's memory for
 *   that call (an outage never blocks customers, nor lets one user go unlimited).
 * - {@link slidingWindow}: an exact sliding window in memory with an injected clock, for tests and harnesses that
 *   must not read the machine's clock.
 *
 * `take` is asynchronous because a shared count lives in Redis.
 */
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
export interface RateLimit {
  max: number;
  windowMs: number;
}

export type Admission = { ok: true } | { ok: false; retryAfterMs: number };

export interface RateLimiter {
  /** Counts one turn for `key`; refused (with how long to wait) when the window is full. */
  take(key: string): Promise<Admission>;
}

/** What `rate-limiter-flexible` needs of a node-redis client (the one `connectRedisClient` returns). */
export type LimiterRedisClient = object;

/**
 * A limit on `rate-limiter-flexible`: in Redis (keys `<prefix>:<key>`) when `redis` is given, else in memory.
 * Keys are hashed by nothing here: callers pass platform ids, never personal data.
 */
export function flexibleLimiter(
  limit: RateLimit,
  options: { prefix: string; redis?: LimiterRedisClient | undefined },
): RateLimiter {
  const shape = { points: limit.max, duration: Math.max(1, Math.round(limit.windowMs / 1000)) };
  const memory = new RateLimiterMemory({ ...shape, keyPrefix: options.prefix });
  const limiter = options.redis
    ? new RateLimiterRedis({
        ...shape,
        keyPrefix: options.prefix,
        storeClient: options.redis,
        useRedisPackage: true,
        insuranceLimiter: memory,
      })
    : memory;
  return {
    async take(key) {
      try {
        await limiter.consume(key, 1);
        return { ok: true };
      } catch (refusal) {
        if (refusal instanceof RateLimiterRes) return { ok: false, retryAfterMs: refusal.msBeforeNext };
        throw refusal;
      }
    },
  };
}

export function slidingWindow(limit: RateLimit, now: () => number = Date.now): RateLimiter {
  const hits = new Map<string, number[]>();
  let sinceSweep = 0;
  const sweep = (at: number) => {
    for (const [key, times] of hits) {
      if ((times.at(-1) ?? 0) <= at - limit.windowMs) hits.delete(key);
    }
  };
  return {
    async take(key) {
      const at = now();
      if (++sinceSweep >= 1000) {
        sinceSweep = 0;
        sweep(at);
      }
      const recent = (hits.get(key) ?? []).filter((time) => time > at - limit.windowMs);
      if (recent.length >= limit.max) {
        hits.set(key, recent);
        return { ok: false, retryAfterMs: (recent[0] ?? at) + limit.windowMs - at };
      }
      recent.push(at);
      hits.set(key, recent);
      return { ok: true };
    },
  };
}

/** Turns per user per window (the turn pipeline's rate-limit stage; the web chat also limits its requests per session). */
export const USER_RATE_LIMIT: RateLimit = { max: 20, windowMs: 10_000 };
