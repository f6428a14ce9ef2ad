/** Why a request got no HTTP answer at all. */
export type TransportFailure = 'network' | 'timeout' | 'aborted';

/**
 * Thrown by the resilient fetch when no HTTP response was obtained (after any retries).
 * Carries no request headers or body, so it is safe to log.
 */
export class TransportError extends Error {
  override readonly name = 'TransportError';

  constructor(
    readonly reason: TransportFailure,
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super(`backend ${reason} after ${attempts} attempt(s)`, options);
  }
}
