/**
 * The rate-limit stage: turns per user (`<platform>:<user id>`) through the channel's limiter (the limiter's
 * implementation lives in `src/channels/rate-limit.ts`). Over the limit, nothing runs and one reply says so and
 * when to try again. A turn without a platform user (`handleTurn`) is not counted here.
 */
import type { RateLimiter } from '../../channels/rate-limit.js';
import { createTranslator } from '../../engine/text/catalog.js';
import type { Locale, Reply } from '../../engine/turn.js';
import { pipelineMessages } from '../messages.js';
import type { NamedStage } from '../types.js';

/** What a user over the limit is told instead of the turn being run: nothing was done, try again shortly. */
export function rateLimitedReply(locale: Locale, retryAfterMs: number): Reply {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return {
    text: createTranslator(pipelineMessages, locale).t('pipeline.rate-limited', { seconds }),
    tone: 'warning',
    stateVersion: -1,
    locale,
  };
}

export function rateLimitStage(limiter: RateLimiter | undefined): NamedStage {
  return {
    name: 'rate-limit',
    async run(ctx, next) {
      const user = ctx.inbound.user;
      if (!limiter || !user) return next();
      const admission = await limiter.take(`${user.platform}:${user.userId}`);
      if (admission.ok) return next();
      ctx.outcome = 'rate-limited';
      return [rateLimitedReply(ctx.inbound.locale ?? 'ja', admission.retryAfterMs)];
    },
  };
}
