import type { Middleware } from 'openapi-fetch';
import { currentTrace } from './logger.js';
import { formatTraceparent, TRACEPARENT_HEADER } from './trace-context.js';

/**
 * Sends the turn's W3C `traceparent` on every backend request made inside a turn (the bot's span as the parent),
 * so the backend's logs and traces join the bot's. Outside a turn nothing is sent; a caller's own header is
 * replaced, never forwarded.
 */
export function traceMiddleware(): Middleware {
  return {
    onRequest({ request }) {
      const trace = currentTrace();
      if (trace && /^[0-9a-f]{32}$/.test(trace.traceId) && !/^0+$/.test(trace.traceId)) {
        request.headers.set(TRACEPARENT_HEADER, formatTraceparent(trace));
      } else request.headers.delete(TRACEPARENT_HEADER);
      return request;
    },
  };
}
