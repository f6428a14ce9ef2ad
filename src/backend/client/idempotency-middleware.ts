import type { Middleware } from 'openapi-fetch';
import type { CallContext } from './call-context.js';
import { IDEMPOTENCY_KEY_HEADER, isStateChanging } from './headers.js';

/**
 * Sets `Idempotency-Key` on state-changing calls (not GET/HEAD) when the caller supplied a key.
 * The header is what later allows the resilient fetch to retry the write.
 */
export function idempotencyMiddleware(call: CallContext): Middleware {
  return {
    onRequest({ request }) {
      if (call.idempotencyKey && isStateChanging(request.method)) {
        request.headers.set(IDEMPOTENCY_KEY_HEADER, call.idempotencyKey);
      }
      return request;
    },
  };
}
