/**
 * Delivers one request's messages to a LINE user: with the event's reply token while it is fresh, by push when
 * there is none (live desk), when the turn took longer than the token lasts (a backend call may), or when LINE
 * says the token is no longer valid. Exactly one request per delivery: messages are never sent twice on purpose —
 * a reply that failed for another reason (network, LINE down) is reported, not pushed again, since LINE may have
 * delivered it. A push that failed on the network or with a 5xx is retried (at most {@link PUSH_ATTEMPTS} times)
 * with the SAME `X-Line-Retry-Key`, so LINE delivers it at most once (a repeat is refused with 409).
 *
 * LINE documents the reply token as usable for about one minute after the webhook; {@link REPLY_TOKEN_BUDGET_MS}
 * keeps a margin. Time is measured on an injected monotonic clock (tests pass their own).
 */
import { randomUUID } from 'node:crypto';
import { isDuplicatePush, isInvalidReplyToken, isRetryable, type LineApi, type LineMessage } from './api.js';

/** How long after the webhook arrived the reply token is still tried. */
export const REPLY_TOKEN_BUDGET_MS = 50_000;
export const PUSH_ATTEMPTS = 3;
const PUSH_RETRY_DELAY_MS = 200;

export interface Target {
  userId: string;
  replyToken?: string | undefined;
  /** When the webhook arrived, on the monotonic clock. */
  receivedAt?: number | undefined;
}

export type Delivered = 'reply' | 'push';

export interface OutboundOptions {
  monotonicNow?: () => number;
  replyBudgetMs?: number;
}

export class Outbound {
  readonly #api: LineApi;
  readonly #now: () => number;
  readonly #budget: number;

  constructor(api: LineApi, options: OutboundOptions = {}) {
    this.#api = api;
    this.#now = options.monotonicNow ?? (() => performance.now());
    this.#budget = options.replyBudgetMs ?? REPLY_TOKEN_BUDGET_MS;
  }

  /** Monotonic time now: pass it as `receivedAt` when a webhook arrives. */
  now(): number {
    return this.#now();
  }

  async send(target: Target, messages: LineMessage[]): Promise<Delivered> {
    if (messages.length === 0) return 'reply';
    const fresh =
      target.replyToken !== undefined &&
      target.receivedAt !== undefined &&
      this.#now() - target.receivedAt < this.#budget;
    if (fresh && target.replyToken) {
      try {
        await this.#api.reply(target.replyToken, messages);
        return 'reply';
      } catch (error) {
        if (!isInvalidReplyToken(error)) throw error;
      }
    }
    await this.#push(target.userId, messages);
    return 'push';
  }

  async #push(userId: string, messages: LineMessage[]): Promise<void> {
    const retryKey = randomUUID();
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.#api.push(userId, messages, retryKey);
        return;
      } catch (error) {
        if (isDuplicatePush(error)) return; // an earlier attempt was delivered
        if (attempt >= PUSH_ATTEMPTS || !isRetryable(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, PUSH_RETRY_DELAY_MS * attempt));
      }
    }
  }
}
