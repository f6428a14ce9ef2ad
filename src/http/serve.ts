/**
 * Serves a route table over HTTP: the bot's server and the channel tests use the same dispatcher (see
 * {@link dispatch} for its own answers; errors are logged by the caller's `onError`, never sent to the client).
 *
 * Shutdown (`close(graceMs)`): the listening socket closes and idle keep-alive connections with it; requests
 * already being handled may finish for up to `graceMs`, while a new request arriving on a still-open connection
 * is answered 503 with `connection: close`. Then every remaining connection is closed. `close()` (no grace) is
 * the old immediate close.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { STORAGE_RETRY_AFTER_S, StorageUnavailableError } from '../storage/unavailable.js';
import { matches, type Route } from './routes.js';
import { TooManyRequestsError } from './too-many.js';

export interface Served {
  url: string;
  server: Server;
  /** Requests being handled now (received, response not yet finished). */
  inFlight(): number;
  /** True once `close` was called: the server accepts nothing new. */
  draining(): boolean;
  close(graceMs?: number): Promise<void>;
}

/**
 * Headers on the dispatcher's own answers (404, 405, 400, 500, 503): nothing to sniff, frame, cache or refer
 * from. Channels add their own (the web chat's CSP) to the answers they write.
 */
export const DISPATCHER_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

function answer(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    ...DISPATCHER_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    ...headers,
  });
  response.end(JSON.stringify(body));
}

/**
 * Routes a request. Unknown path → 404; a known path with another method → 405 with `Allow` (HEAD included);
 * a path that is not valid percent-encoding → 400; a rate limit's refusal → 429 with `Retry-After`; a store the route needs being down → 503 with `Retry-After`
 * (reported to `onError` as the fault it is); any other error of a handler → 500, reported to `onError`.
 */
export function dispatch(
  routes: readonly Route[],
  onError: (error: unknown) => void,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://local').pathname;
    const route = routes.find((candidate) => matches(candidate, request.method, pathname));
    if (!route) {
      const allowed = [
        ...new Set(
          routes
            .filter((candidate) => matches({ ...candidate, method: 'GET' }, 'GET', pathname))
            .map((candidate) => candidate.method),
        ),
      ];
      if (allowed.length > 0) {
        answer(response, 405, { error: 'method not allowed' }, { allow: allowed.join(', ') });
      } else answer(response, 404, { error: 'not found' });
      return;
    }
    Promise.resolve()
      .then(() => route.handle(request, response))
      .catch((error: unknown) => {
        if (response.headersSent) {
          onError(error);
          response.end();
          return;
        }
        if (error instanceof TooManyRequestsError) {
          const retryAfter = String(Math.max(1, Math.ceil(error.retryAfterMs / 1000)));
          answer(response, 429, { error: 'too many requests' }, { 'retry-after': retryAfter });
          return;
        }
        if (error instanceof URIError) {
          answer(response, 400, { error: 'bad request' }); // a client's malformed path, not our fault
          return;
        }
        onError(error);
        if (error instanceof StorageUnavailableError) {
          answer(
            response,
            503,
            { error: 'temporarily unavailable' },
            { 'retry-after': String(STORAGE_RETRY_AFTER_S) },
          );
        } else answer(response, 500, { error: 'internal error' });
      });
  };
}

export async function serve(
  routes: readonly Route[],
  options: { host: string; port: number; onError?: (error: unknown) => void },
): Promise<Served> {
  const handle = dispatch(routes, options.onError ?? (() => {}));
  let active = 0;
  let draining = false;
  let wakeWhenIdle: (() => void) | undefined;
  const server = createServer((request, response) => {
    if (draining) {
      answer(response, 503, { error: 'shutting down' }, { connection: 'close', 'retry-after': '5' });
      return;
    }
    active++;
    response.once('close', () => {
      active--;
      if (active === 0) wakeWhenIdle?.();
    });
    handle(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    server,
    inFlight: () => active,
    draining: () => draining,
    async close(graceMs = 0) {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (graceMs > 0 && active > 0) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          new Promise<void>((resolve) => {
            wakeWhenIdle = resolve;
          }),
          new Promise<void>((resolve) => {
            timer = setTimeout(resolve, graceMs);
          }),
        ]);
        clearTimeout(timer);
      }
      server.closeAllConnections();
      await closed;
    },
  };
}
