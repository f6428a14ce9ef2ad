/**
 * The rate limiters the channels use, on one store: with `STORE=redis` every limit is counted in Redis (one
 * connection for all of them), so N instances admit what one would; otherwise in this process's memory.
 */
import type { Config } from '../config.js';
import { connectRedisClient } from '../engine/store/redis.js';
import { flexibleLimiter, type RateLimit, type RateLimiter } from './rate-limit.js';

export interface RateLimiters {
  /** A limit named `name` (its keys are `rate:<name>:<key>` in Redis). Names: lower-case letters and dashes. */
  limiter(name: string, limit: RateLimit): RateLimiter;
  close(): Promise<void>;
}

export async function openRateLimiters(config: Pick<Config, 'STORE' | 'REDIS_URL'>): Promise<RateLimiters> {
  const redis =
    config.STORE === 'redis'
      ? await connectRedisClient(config.REDIS_URL ?? '', 'the rate limits')
      : undefined;
  return {
    limiter(name, limit) {
      if (!/^[a-z][a-z-]*$/.test(name)) throw new Error(`Invalid rate limit name "${name}"`);
      return flexibleLimiter(limit, { prefix: `rate:${name}`, redis });
    },
    async close() {
      if (redis?.isOpen) await redis.close();
    },
  };
}
