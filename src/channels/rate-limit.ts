/**
 * A sliding-window rate limit per key (a web session, a Slack or Teams user), kept in this process's memory only:
 * each instance enforces its own window, and a restart forgets it. That bounds what one user can make the bot do;
 * a limit across instances or per network address belongs in the reverse proxy.
 */
import type { Locale, Reply } from '../engine/turn.js';
export interface RateLimit {
  max: number;
  windowMs: number;
}

export type Admission = { ok: true } | { ok: false; retryAfterMs: number };

export interface RateLimiter {
  take(key: string): Admission;
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
    take(key) {
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

/** Turns per user per window on Slack and Teams (the web chat has its own, per session). */
export const USER_RATE_LIMIT: RateLimit = { max: 20, windowMs: 10_000 };

/** What a user over the limit is told instead of the turn being run: nothing was done, try again shortly. */
export function rateLimitedReply(locale: Locale, retryAfterMs: number): Reply {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return {
    text:
      locale === 'en'
        ? `Too many messages in a short time. Nothing was done with the last one; please send it again in ${seconds} seconds.`
        : `短い間に多くのメッセージが届きました。最後のメッセージは処理していません（何も変更していません）。${seconds}秒ほどおいてから、もう一度お送りください。`,
    tone: 'warning',
    stateVersion: -1,
  };
}
