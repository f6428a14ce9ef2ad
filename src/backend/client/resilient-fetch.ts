/**
 * The `fetch` handed to openapi-fetch: per-attempt timeout and bounded retries.
 *
 * Why a wrapping fetch and not an `onResponse` middleware: openapi-fetch runs middleware once per call and
 * offers no way to re-send from `onResponse`, and by then the request body has been consumed. Wrapping fetch
 * sees every attempt, runs after all `onRequest` middleware (so auth and `Idempotency-Key` headers are already
 * set and are resent unchanged), and can buffer the body once so every attempt sends identical bytes.
 *
 * Each attempt's response body is read completely inside the attempt's timeout, so a server that stalls
 * mid-body times out too, and the buffered response handed back can be read by openapi-fetch at leisure.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { RETRY_AFTER_HEADER } from './headers.js';
import { type BackendLogger, redactPath, silentLogger } from './logger.js';
import {
  backoffDelayMs,
  DEFAULT_RETRY_OPTIONS,
  isRetryableRequest,
  parseRetryAfterMs,
  type RetryOptions,
} from './retry-policy.js';
import { TransportError } from './transport-error.js';

export type FetchLike = (request: Request) => Promise<Response>;
/** Waits `ms`; must reject when `signal` aborts. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export interface ResilientFetchOptions {
  /** The underlying fetch (default `globalThis.fetch`). */
  fetch?: FetchLike | undefined;
  /** Per-attempt timeout covering the whole exchange, headers and body (default 5000 ms). */
  timeoutMs?: number | undefined;
  retry?: Partial<RetryOptions> | undefined;
  /** Uniform source in `[0, 1)` for backoff jitter (default `Math.random`). */
  random?: (() => number) | undefined;
  sleep?: Sleep | undefined;
  /** Clock for HTTP-date `Retry-After` values (default `Date.now`). */
  now?: (() => number) | undefined;
  logger?: BackendLogger | undefined;
}

export const DEFAULT_TIMEOUT_MS = 5_000;

const defaultSleep: Sleep = (ms, signal) => delay(ms, undefined, { signal });
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

type AttemptResult = { response: Response } | { failure: TransportError };

/**
 * Creates a fetch that times out each attempt and retries GET/HEAD and `Idempotency-Key`-carrying writes on
 * network errors, timeouts and retryable statuses, honouring `Retry-After`.
 * Resolves with the last HTTP response (possibly an error status); rejects with {@link TransportError} when no
 * response was obtained. A caller's own abort (the request's signal) is never retried.
 */
export function createResilientFetch(options: ResilientFetchOptions = {}): FetchLike {
  const baseFetch: FetchLike = options.fetch ?? ((request) => globalThis.fetch(request));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retry: RetryOptions = { ...DEFAULT_RETRY_OPTIONS, ...options.retry };
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;
  const logger = options.logger ?? silentLogger;

  return async (request) => {
    const body = request.body ? await request.clone().arrayBuffer() : undefined;
    const retryable = isRetryableRequest(request.method, request.headers);
    const maxAttempts = retryable ? Math.max(1, retry.maxAttempts) : 1;
    const where = { method: request.method, path: redactPath(request.url) };

    for (let attempt = 1; ; attempt++) {
      const result = await attemptOnce(baseFetch, request, body, timeoutMs, attempt);
      const last = attempt >= maxAttempts;
      let waitMs: number;
      if ('response' in result) {
        const { response } = result;
        if (last || !retry.retryableStatuses.has(response.status)) return response;
        const retryAfterMs = parseRetryAfterMs(response.headers.get(RETRY_AFTER_HEADER), now());
        if (retryAfterMs !== undefined && retryAfterMs > retry.maxRetryAfterMs) {
          logger.warn(
            { ...where, status: response.status, attempt, retryAfterMs },
            'backend asked to wait too long',
          );
          return response;
        }
        waitMs = retryAfterMs ?? backoffDelayMs(attempt, retry, random);
        logger.warn({ ...where, status: response.status, attempt, waitMs }, 'backend call will be retried');
      } else {
        const { failure } = result;
        if (last || failure.reason === 'aborted') throw failure;
        waitMs = backoffDelayMs(attempt, retry, random);
        logger.warn({ ...where, reason: failure.reason, attempt, waitMs }, 'backend call will be retried');
      }
      try {
        await sleep(waitMs, request.signal);
      } catch (cause) {
        throw new TransportError('aborted', attempt, { cause });
      }
    }
  };
}

/** One attempt with its own timeout; the caller's signal aborts it too. Never rejects. */
async function attemptOnce(
  baseFetch: FetchLike,
  request: Request,
  body: ArrayBuffer | undefined,
  timeoutMs: number,
  attempt: number,
): Promise<AttemptResult> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onCallerAbort = () => controller.abort();
  if (request.signal.aborted) controller.abort();
  request.signal.addEventListener('abort', onCallerAbort, { once: true });
  try {
    const response = await baseFetch(
      new Request(request.url, {
        method: request.method,
        headers: request.headers,
        body: body ?? null,
        redirect: request.redirect,
        signal: controller.signal,
      }),
    );
    return { response: await buffered(response) };
  } catch (cause) {
    const reason = request.signal.aborted ? 'aborted' : timedOut ? 'timeout' : 'network';
    return { failure: new TransportError(reason, attempt, { cause }) };
  } finally {
    clearTimeout(timer);
    request.signal.removeEventListener('abort', onCallerAbort);
  }
}

/** Reads the whole body now and returns an equivalent response whose body is in memory. */
async function buffered(response: Response): Promise<Response> {
  const bytes = await response.arrayBuffer();
  const headers = new Headers(response.headers);
  const nullBody = NULL_BODY_STATUSES.has(response.status);
  if (!nullBody) {
    // fetch already decoded any content-encoding: describe the bytes we actually hold.
    headers.delete('content-encoding');
    headers.set('content-length', String(bytes.byteLength));
  }
  return new Response(nullBody ? null : bytes, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
