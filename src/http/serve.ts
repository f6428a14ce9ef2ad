/**
 * Serves a route table over HTTP: the bot's server and the channel tests use the same dispatcher. Unknown paths
 * get 404, a handler's unexpected error 500 (logged by the caller's `onError`, never sent to the client).
 *
 * Shutdown (`close(graceMs)`): the listening socket closes and idle keep-alive connections with it; requests
 * already being handled may finish for up to `graceMs`, while a new request arriving on a still-open connection
 * is answered 503 with `connection: close`. Then every remaining connection is closed. `close()` (no grace) is
 * the old immediate close.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { matches, type Route, sendJson } from './routes.js';

export interface Served {
  url: string;
  server: Server;
  /** Requests being handled now (received, response not yet finished). */
  inFlight(): number;
  /** True once `close` was called: the server accepts nothing new. */
  draining(): boolean;
  close(graceMs?: number): Promise<void>;
}

export function dispatch(
  routes: readonly Route[],
  onError: (error: unknown) => void,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://local').pathname;
    const route = routes.find((candidate) => matches(candidate, request.method, pathname));
    if (!route) {
      const known = routes.some((candidate) => matches({ ...candidate, method: 'GET' }, 'GET', pathname));
      sendJson(response, known ? 405 : 404, { error: known ? 'method not allowed' : 'not found' });
      return;
    }
    Promise.resolve()
      .then(() => route.handle(request, response))
      .catch((error: unknown) => {
        onError(error);
        if (!response.headersSent) sendJson(response, 500, { error: 'internal error' });
        else response.end();
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
      response.setHeader('connection', 'close');
      sendJson(response, 503, { error: 'shutting down' });
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
