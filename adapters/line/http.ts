/**
 * `POST /line/webhook`: the signature is checked on the raw bytes BEFORE anything is parsed, with the SDK's
 * `validateSignature` (HMAC-SHA256 of the body with the channel secret, base64, compared in constant time):
 * - no `x-line-signature` header → 401 without reading the body; a body over {@link LINE_BODY_LIMIT} → 413;
 * - a signature that does not match → 401; nothing is parsed, nothing runs, nothing is stored;
 * - a signed body that is not JSON, or not an object with an `events` array → 400;
 * - otherwise 200 at once, and the events are handed to `onEvents` to be handled after the answer (LINE expects a
 *   quick answer; the reply token, not the HTTP response, carries the bot's answer). An empty `events` list (the
 *   console's "Verify" button) is just answered 200.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { validateSignature } from '@line/bot-sdk';
import { type Route, sendJson } from '../../src/http/routes.js';
import { webhookBodyShape } from './inbound.js';

export const LINE_WEBHOOK_PATH = '/line/webhook';
/** LINE webhook bodies are small (a handful of events); 256 KB leaves ample room. */
export const LINE_BODY_LIMIT = 256 * 1024;
const SIGNATURE = /^[A-Za-z0-9+/]{43}=$/;

class TooLarge extends Error {}

/** The body's bytes, exactly as received (a signature covers bytes, not decoded text). */
function readRaw(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers['content-length'] ?? '0') > limit) {
      request.resume();
      reject(new TooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.removeAllListeners('data');
        request.resume();
        reject(new TooLarge());
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

export interface WebhookOptions {
  channelSecret: string;
  /** Called after the 200 with the events of a verified body (each still unchecked). */
  onEvents(events: unknown[], receivedAt: number): void;
  /** The monotonic time the request arrived (for the reply token's lifetime). */
  now(): number;
  limitBytes?: number;
}

export function lineWebhookRoute(options: WebhookOptions): Route {
  const limit = options.limitBytes ?? LINE_BODY_LIMIT;
  return {
    method: 'POST',
    path: LINE_WEBHOOK_PATH,
    async handle(request: IncomingMessage, response: ServerResponse) {
      const receivedAt = options.now();
      const signature = request.headers['x-line-signature'];
      if (typeof signature !== 'string' || !SIGNATURE.test(signature)) {
        request.resume();
        sendJson(response, 401, { error: 'missing or malformed signature' });
        return;
      }
      let raw: Buffer;
      try {
        raw = await readRaw(request, limit);
      } catch (error) {
        if (!(error instanceof TooLarge)) throw error;
        sendJson(response, 413, { error: 'request body too large' });
        return;
      }
      if (!validateSignature(raw, options.channelSecret, signature)) {
        sendJson(response, 401, { error: 'invalid signature' });
        return;
      }
      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        sendJson(response, 400, { error: 'invalid JSON' });
        return;
      }
      const parsed = webhookBodyShape.safeParse(body);
      if (!parsed.success) {
        sendJson(response, 400, { error: 'a webhook body must be an object with an events array' });
        return;
      }
      sendJson(response, 200, {});
      if (parsed.data.events.length > 0) options.onEvents(parsed.data.events, receivedAt);
    },
  };
}
