/**
 * The bot's HTTP surface as a table of routes: channels (web chat, Slack, Teams) each contribute routes and the
 * server dispatches. Node's own `http` types, no framework.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Exact path, or a prefix when it ends with `/*` (e.g. `/chat/assets/*`). */
  path: string;
  handle(request: IncomingMessage, response: ServerResponse): void | Promise<void>;
}

export function matches(route: Route, method: string | undefined, pathname: string): boolean {
  if (route.method !== method) return false;
  if (route.path.endsWith('/*')) return pathname.startsWith(route.path.slice(0, -1));
  return route.path === pathname;
}

export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
}

/** Reads the whole body as text; rejects with {@link BodyTooLargeError} past `limitBytes` (the rest is dropped). */
export function readBody(request: IncomingMessage, limitBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? '0');
    if (declared > limitBytes) {
      request.resume();
      reject(new BodyTooLargeError(`Body larger than ${limitBytes} bytes`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        request.removeAllListeners('data');
        request.resume();
        reject(new BodyTooLargeError(`Body larger than ${limitBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}
