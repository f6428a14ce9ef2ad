/**
 * `POST /chat/api/turn`: one user action → the one turn pipeline (src/pipeline: de-duplication by the request id,
 * rate limit, speaker, live desk, receipt notices) → the new transcript entries (the user's echo and the
 * bot's replies). Refused before the engine sees anything, with a polite JSON message and nothing changed:
 * a body over 8 KB (413), text over 1000 characters or a malformed body (400), too many turns (429), a
 * non-JSON or cross-origin post (415 / 403).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, readBody } from '../../src/http/routes.js';
import { SITE_ASSERTION_CREDENTIAL } from '../../src/identity/site-assertion.js';
import type { WebDeps } from './deps.js';
import { postProblem, sendApiJson, sendProblem } from './http.js';
import { echoOf, MAX_BODY_BYTES, type TurnRequest, tooLong, toTurnInput, turnRequest } from './input.js';
import type { WebSession } from './session.js';
import { liveSiteToken } from './token.js';
import type { Entry } from './transcript.js';

export interface TurnResponse {
  locale: WebSession['locale'];
  entries: Entry[];
  /** The same request (by its id) was already handled; its entries are in the history. */
  duplicate?: true;
}

/**
 * Common front of every state-changing API call: origin/content checks, the session (created if needed), the
 * rate limit and the size-limited JSON body. Answers the problem itself and resolves undefined when refused.
 */
export async function admitPost(
  deps: WebDeps,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<{ session: WebSession; body: unknown } | undefined> {
  const problem = postProblem(request);
  if (problem) {
    request.resume();
    const locale = (await deps.sessions.find(request))?.locale ?? 'ja';
    sendProblem(deps.send, response, problem === 'forbidden' ? 403 : 415, problem, locale);
    return undefined;
  }
  const session = await deps.sessions.open(request, response);
  const admission = await deps.limiter.take(session.id);
  if (!admission.ok) {
    request.resume();
    const retryAfter = String(Math.max(1, Math.ceil(admission.retryAfterMs / 1000)));
    sendProblem(deps.send, response, 429, 'rate-limited', session.locale, { 'retry-after': retryAfter });
    return undefined;
  }
  let raw: string;
  try {
    raw = await readBody(request, MAX_BODY_BYTES);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    sendProblem(deps.send, response, 413, 'too-large', session.locale, { connection: 'close' });
    return undefined;
  }
  try {
    return { session, body: JSON.parse(raw) as unknown };
  } catch {
    sendProblem(deps.send, response, 400, 'bad-request', session.locale);
    return undefined;
  }
}

export function turnHandler(deps: WebDeps) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const admitted = await admitPost(deps, request, response);
    if (!admitted) return;
    const { session } = admitted;
    const parsed = turnRequest.safeParse(admitted.body);
    if (!parsed.success) {
      sendProblem(deps.send, response, 400, 'bad-request', session.locale);
      return;
    }
    if (tooLong(parsed.data.input)) {
      sendProblem(deps.send, response, 400, 'too-long', session.locale);
      return;
    }
    let result: TurnResponse;
    try {
      const traceparent = request.headers.traceparent;
      result = await deps.locks.run(session.id, () =>
        runTurn(deps, session.id, parsed.data, typeof traceparent === 'string' ? traceparent : undefined),
      );
    } catch (error) {
      deps.context.onError(error, { channel: 'web', phase: 'turn' });
      sendProblem(deps.send, response, 500, 'internal', session.locale);
      return;
    }
    sendApiJson(deps.send, response, 200, result);
  };
}

async function runTurn(
  deps: WebDeps,
  sessionId: string,
  request: TurnRequest,
  traceparent: string | undefined,
): Promise<TurnResponse> {
  const { context, sessions, transcripts } = deps;
  // Re-read under the lock: a sign-in or another turn may have changed the record since admission.
  const session = (await sessions.get(sessionId)) ?? { id: sessionId, locale: 'ja', receipts: [] };
  const turnId = request.id === undefined ? undefined : `web:${session.id}:${request.id}`;
  const { input } = request;
  if (input.kind === 'locale') session.locale = input.locale;
  const now = deps.now();
  const siteToken = liveSiteToken(session.site, now);
  if (!siteToken) session.site = undefined;
  const shown = await transcripts.read(session.id);
  const { replies, outcome } = await context.pipeline.handle({
    channel: 'web',
    user: { platform: 'web', userId: session.id },
    baseKey: `web:${session.id}`,
    deliveryId: turnId,
    locale: session.locale,
    input: toTurnInput(input),
    ...(traceparent ? { traceparent } : {}),
    ...(siteToken ? { credentials: { [SITE_ASSERTION_CREDENTIAL]: siteToken } } : {}),
  });
  // A request id already handled (the pipeline's de-duplication, or the engine's own check when a retry raced
  // past it) is answered with nothing; a text passed to a person in a live chat is kept, as sent.
  if (outcome === 'duplicate' || (turnId !== undefined && replies.length === 0 && outcome !== 'relayed'))
    return { locale: session.locale, entries: [], duplicate: true };
  const echo = echoOf(input, shown, session.locale);
  const entries = await transcripts.append(
    session.id,
    [
      ...(echo === undefined ? [] : [{ from: 'user' as const, text: echo }]),
      ...replies.map((reply) => ({ from: 'bot' as const, reply })),
    ],
    now,
  );
  sessions.rememberReceipts(
    session,
    replies.flatMap((reply) => (reply.receipt ? [reply.receipt.id] : [])),
  );
  await sessions.save(session);
  return { locale: session.locale, entries };
}
