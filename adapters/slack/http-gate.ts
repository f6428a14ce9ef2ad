/**
 * The gate in front of Bolt's HTTPReceiver on `POST /slack/events`. Bolt trusts that a correctly signed body is a
 * Slack envelope: a signed JSON `null` (or `payload=null`) makes its request listener throw outside any handler
 * (an unhandled rejection, and the request is never answered), and an envelope with fields missing makes
 * `App#processEvent` throw (Bolt answers 500). This gate:
 *
 * 1. reads the body itself, limited to `limitBytes` (over it: 413, nothing runs), and refuses a request timestamp
 *    more than five minutes in the future (401; Bolt refuses only old ones);
 * 2. when — and only when — the request carries a valid Slack signature, answers 400 unless the body parses, as
 *    Bolt parses it, to a JSON object (a JSON body, the form field `payload`, or a form without `payload` such
 *    as a slash command). Unsigned requests are left to Bolt, which answers 401 (or its `ssl_check`), so nothing
 *    about the body is revealed before the signature is checked;
 * 3. hands the request to Bolt with the body already buffered as `rawBody`, which Bolt's
 *    `HTTPModuleFunctions.bufferIncomingMessage` uses as is (it checks `Buffer.isBuffer(req.rawBody)`); Bolt
 *    verifies the signature over that same body.
 *
 * {@link envelopeErrorHandler} is the receiver's `processEventErrorHandler`: what reaches it was thrown while Bolt
 * read the envelope, before any listener (listeners' failures go to `app.error`), so it is reported and, if
 * nothing was answered yet, answered 400 rather than 500.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseForm } from 'node:querystring';
import { isValidSlackRequest, type ReceiverProcessEventErrorHandlerArgs } from '@slack/bolt';
import { BodyTooLargeError, type Route, readBody } from '../../src/http/routes.js';

/** The one member of Bolt's HTTPReceiver the gate calls. */
export interface SlackRequestListener {
  requestListener(request: IncomingMessage, response: ServerResponse): void;
}

export interface SlackGateOptions {
  path: string;
  signingSecret: string;
  limitBytes: number;
  /** The clock request timestamps are compared with (default `Date.now`, as Bolt's own check). */
  now?: () => number;
}

/**
 * How far ahead of our clock a request timestamp may be (clock skew). Bolt refuses timestamps more than five
 * minutes old but accepts any in the future, which would let a captured request be replayed until then.
 */
export const MAX_FUTURE_SKEW_MS = 5 * 60_000;

/** Whether the request's `X-Slack-Request-Timestamp` lies more than {@link MAX_FUTURE_SKEW_MS} in the future. */
export function isFromTheFuture(headers: IncomingHttpHeaders, nowMs: number): boolean {
  const raw = headers['x-slack-request-timestamp'];
  if (typeof raw !== 'string' || !/^\d{1,12}$/.test(raw)) return false;
  return Number(raw) * 1000 - nowMs > MAX_FUTURE_SKEW_MS;
}

/** Whether the request carries a valid, fresh Slack signature of `body` (Bolt's own check). */
export function isSignedBySlack(body: string, headers: IncomingHttpHeaders, signingSecret: string): boolean {
  const signature = headers['x-slack-signature'];
  const timestamp = headers['x-slack-request-timestamp'];
  if (typeof signature !== 'string' || typeof timestamp !== 'string') return false;
  return isValidSlackRequest({
    signingSecret,
    body,
    headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': Number(timestamp) },
  });
}

const isObject = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Whether Bolt's `parseHTTPRequestBody` would make a JSON object of this body: a form body is parsed as a query
 * string and, when it has exactly one `payload` field, that field as JSON; anything else is parsed as JSON.
 */
export function parsesToSlackObject(body: string, contentType: string | undefined): boolean {
  try {
    if (contentType === 'application/x-www-form-urlencoded') {
      const { payload } = parseForm(body);
      return typeof payload === 'string' ? isObject(JSON.parse(payload)) : true;
    }
    return isObject(JSON.parse(body));
  } catch {
    return false;
  }
}

function answer(response: ServerResponse, status: number): void {
  response.writeHead(status);
  response.end();
}

/** The `POST` route that gates requests as described above, then hands them to `receiver`. */
export function slackEventsRoute(receiver: SlackRequestListener, options: SlackGateOptions): Route {
  return {
    method: 'POST',
    path: options.path,
    async handle(request, response) {
      let body: string;
      try {
        body = await readBody(request, options.limitBytes);
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error;
        answer(response, 413);
        return;
      }
      if (isFromTheFuture(request.headers, (options.now ?? Date.now)())) {
        answer(response, 401); // a timestamp from the future is refused like a stale one, before anything runs
        return;
      }
      const signed = isSignedBySlack(body, request.headers, options.signingSecret);
      if (signed && !parsesToSlackObject(body, request.headers['content-type'])) {
        answer(response, 400);
        return;
      }
      // Bolt reads an already-buffered body from `rawBody` instead of the (consumed) stream.
      Object.assign(request, { rawBody: Buffer.from(body, 'utf8') });
      receiver.requestListener(request, response);
    },
  };
}

/**
 * Thrown by the channel instead of acknowledging a delivery it cannot take now (queue full, or shutting down):
 * answered 503 with `Retry-After`, not reported as a fault. Slack retries unacknowledged deliveries.
 */
export class SlackBusyError extends Error {
  override name = 'SlackBusyError';
  constructor() {
    super('The Slack queue is full or closing; the delivery was not acknowledged and Slack will retry it.');
  }
}

/**
 * The receiver's `processEventErrorHandler`: a {@link SlackBusyError} is answered 503 (Slack retries); anything else
 * is reported and answers 400 when nothing was answered yet and
 * returns `true` (Bolt then stops its "not acknowledged" timer); `false` when a listener had already acknowledged.
 */
export function envelopeErrorHandler(
  report: (error: unknown) => void,
): (args: ReceiverProcessEventErrorHandlerArgs) => Promise<boolean> {
  return async ({ error, response }) => {
    if (error instanceof SlackBusyError) {
      if (response.headersSent) return false;
      response.writeHead(503, { 'retry-after': '1' });
      response.end();
      return true;
    }
    report(error);
    if (response.headersSent) return false;
    answer(response, 400);
    return true;
  };
}
