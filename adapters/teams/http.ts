/**
 * Node's `IncomingMessage` / `ServerResponse` → the request/response shapes botbuilder's `CloudAdapter.process`
 * expects (express-like: a parsed `body`, and `status` / `header` / `send` / `end`). The body is read with a size
 * limit; a body over it is 413, and invalid JSON or JSON that is not an object with a string `type` 400, all before
 * botbuilder (and so before authentication) runs — none reaches the engine.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, Response } from 'botbuilder';
import { BodyTooLargeError, readBody, sendJson } from '../../src/http/routes.js';

/** Teams activities are small; 256 KB leaves room for large card submits. */
export const TEAMS_BODY_LIMIT = 256 * 1024;

export function toBotbuilderResponse(response: ServerResponse): Response {
  return {
    socket: response.socket,
    status(code: number) {
      response.statusCode = code;
      return this;
    },
    header(name: string, value: unknown) {
      response.setHeader(name, String(value));
      return this;
    },
    send(...args: unknown[]) {
      const [body] = args;
      if (body === undefined || response.writableEnded) return this;
      if (typeof body === 'string' || Buffer.isBuffer(body)) response.write(body);
      else {
        if (!response.headersSent) response.setHeader('content-type', 'application/json; charset=utf-8');
        response.write(JSON.stringify(body));
      }
      return this;
    },
    end() {
      if (!response.writableEnded) response.end();
      return this;
    },
  };
}

/**
 * Reads and parses the request body; answers 413 / 400 itself and returns `undefined` when the request cannot
 * go on.
 */
export async function toBotbuilderRequest(
  request: IncomingMessage,
  response: ServerResponse,
  limitBytes = TEAMS_BODY_LIMIT,
): Promise<Request | undefined> {
  let text: string;
  try {
    text = await readBody(request, limitBytes);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    sendJson(response, 413, { error: 'request body too large' });
    return undefined;
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    sendJson(response, 400, { error: 'invalid JSON' });
    return undefined;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    sendJson(response, 400, { error: 'an activity must be a JSON object' });
    return undefined;
  }
  const activity = body as Record<string, unknown>;
  if (typeof activity.type !== 'string') {
    sendJson(response, 400, { error: 'an activity must have a string type' });
    return undefined;
  }
  return { body: activity, headers: request.headers, method: request.method };
}
