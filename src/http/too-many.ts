/**
 * A request refused by a rate limit before anything ran (e.g. too many new web sessions from one address). The
 * HTTP dispatcher answers it with 429 and `Retry-After`; nothing is logged as a fault.
 */
export class TooManyRequestsError extends Error {
  override readonly name = 'TooManyRequestsError';

  constructor(
    readonly retryAfterMs: number,
    what: string,
  ) {
    super(`Too many ${what}; retry in ${Math.ceil(retryAfterMs / 1000)} s.`);
  }
}
