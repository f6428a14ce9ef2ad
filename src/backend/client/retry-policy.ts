/**
 * Pure retry rules: which requests may be repeated, which answers are worth repeating, and how long to wait.
 * Kept free of I/O so the rules are tested directly; `resilient-fetch.ts` applies them.
 */
import { IDEMPOTENCY_KEY_HEADER, isStateChanging } from './headers.js';

export interface RetryOptions {
  /** Total attempts including the first; `1` disables retries. */
  maxAttempts: number;
  /** Backoff ceiling of the first retry; doubles each retry (full jitter draws uniformly below it). */
  baseDelayMs: number;
  /** Upper bound of the backoff ceiling. */
  maxDelayMs: number;
  /**
   * The longest `Retry-After` we wait. A server asking for longer gets no retry: the answer is returned as it
   * is (waiting less than asked would not honour it; waiting longer would stall the conversation).
   */
  maxRetryAfterMs: number;
  /** Statuses that mean "try again later". */
  retryableStatuses: ReadonlySet<number>;
}

export const DEFAULT_RETRY_OPTIONS: RetryOptions = {
  maxAttempts: 3,
  baseDelayMs: 200,
  maxDelayMs: 2_000,
  maxRetryAfterMs: 10_000,
  retryableStatuses: new Set([429, 502, 503, 504]),
};

/**
 * The longest one call can take, all attempts and waits included: the engine treats a call younger than this as
 * possibly still in flight (never sending it a second time meanwhile).
 */
export function worstCaseCallMs(timeoutMs: number, options: RetryOptions = DEFAULT_RETRY_OPTIONS): number {
  const waits = (options.maxAttempts - 1) * Math.max(options.maxDelayMs, options.maxRetryAfterMs);
  return options.maxAttempts * timeoutMs + waits;
}

/**
 * A request may be repeated when it cannot change state (GET/HEAD) or when it carries an `Idempotency-Key`
 * (the backend then answers a repeat with the first outcome). Any other write is sent exactly once.
 */
export function isRetryableRequest(method: string, headers: Headers): boolean {
  return !isStateChanging(method) || Boolean(headers.get(IDEMPOTENCY_KEY_HEADER));
}

/**
 * Full-jitter exponential backoff: a uniform draw in `[0, min(maxDelayMs, baseDelayMs · 2^(retry−1)))`.
 * @param retry 1 for the first retry, 2 for the second, …
 * @param random a source of numbers in `[0, 1)`, injectable for deterministic tests.
 */
export function backoffDelayMs(retry: number, options: RetryOptions, random: () => number): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}

const DELAY_SECONDS = /^\d+$/;
/** Every HTTP-date form (IMF-fixdate, RFC 850, asctime) starts with a day name. */
const HTTP_DATE_START = /^[A-Za-z]{3}/;

/**
 * Parses `Retry-After` (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. A date in the past means 0.
 * @returns milliseconds to wait, or `undefined` when the header is absent or malformed.
 */
export function parseRetryAfterMs(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (DELAY_SECONDS.test(trimmed)) return Number(trimmed) * 1000;
  const at = HTTP_DATE_START.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
