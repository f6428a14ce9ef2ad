/**
 * Serves a route table over HTTP: the bot's server and the channel tests use the same dispatcher. Unknown paths
 * get 404, a handler's unexpected error 500 (logged by the caller's `onError`, never sent to the client).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { matches, type Route, sendJson } from './routes.js';

export interface Served {
  url: string;
  server: Server;
  close(): Promise<void>;
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
  const server = createServer(dispatch(routes, options.onError ?? (() => {})));
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
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
