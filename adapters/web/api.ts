/**
 * The page's other API calls: `GET /chat/api/history` (the session's transcript and sign-in state, so a reload
 * or restart shows the conversation again; `?after=<seq>` returns only later entries, `handoff` says whether
 * messages from a person may arrive outside the page's turns — see delivery.ts — and `events` is where the page's
 * event stream starts, see events.ts), `POST /chat/api/session` (the support site's `?token=`), and in demo
 * mode only `GET /chat/api/demo/customers` + `POST /chat/api/demo/sign-in` (mints a token server-side). The
 * token itself never leaves the server again: responses say only whether, and as whom, the visitor is signed in.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { LOCALES, type Locale } from '../../src/engine/turn.js';
import { DEMO_CUSTOMERS } from '../../src/sandbox/demo-data.js';
import { deskStateOf } from './delivery.js';
import type { WebDeps } from './deps.js';
import { sendApiJson, sendProblem } from './http.js';
import { problemMessage } from './messages.js';
import type { SiteIdentity, WebSession } from './session.js';
import { liveSiteToken, mintSiteToken, verifySiteToken } from './token.js';
import { admitPost } from './turns.js';

interface SignInState {
  signedIn: boolean;
  /** The name the token carries, when it carries one. */
  signedInAs?: string;
}

function signInState(session: WebSession, now: Date): SignInState {
  const live = liveSiteToken(session.site, now) !== undefined;
  return live && session.site?.name ? { signedIn: true, signedInAs: session.site.name } : { signedIn: live };
}

function localeHint(request: IncomingMessage): Locale | undefined {
  const lang = new URL(request.url ?? '/', 'http://local').searchParams.get('lang');
  return LOCALES.find((locale) => locale === lang);
}

/** `?after=<seq>`: a non-negative integer, else 0 (everything). */
function afterParam(request: IncomingMessage): number {
  const raw = new URL(request.url ?? '/', 'http://local').searchParams.get('after') ?? '';
  return /^\d{1,15}$/.test(raw) ? Number(raw) : 0;
}

/** Where the page's event stream starts (`?after=`); `undefined` without live desk or when the feed fails. */
async function eventsCursor(deps: WebDeps, sessionId: string): Promise<string | undefined> {
  const feed = deps.context.liveDesk?.feed;
  if (!feed) return undefined;
  try {
    return (await feed.latest(`web:${sessionId}`)) ?? '0-0';
  } catch (error) {
    deps.context.onError(error, { channel: 'web', phase: 'event stream cursor' });
    return undefined;
  }
}

export function historyHandler(deps: WebDeps) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const session = await deps.sessions.open(request, response, localeHint(request));
    const after = afterParam(request);
    // Read before the transcript: an event stream opened from this id repeats at most what the entries already
    // hold (the page shows an entry number once), and misses nothing published after the transcript was read.
    const events = await eventsCursor(deps, session.id);
    const entries = (await deps.transcripts.read(session.id)).filter((entry) => entry.seq > after);
    const deskState = await deskStateOf(deps.context.liveDesk?.desk, session.id, (error) =>
      deps.context.onError(error, { channel: 'web', phase: 'live desk state' }),
    );
    sendApiJson(deps.send, response, 200, {
      locale: session.locale,
      demo: deps.demo,
      ...signInState(session, deps.now()),
      entries,
      // The page reads it as `handoff` (the wire name, kept for pages already loaded).
      ...(deskState ? { handoff: deskState } : {}),
      ...(events ? { events } : {}),
    });
  };
}

/** Changes the session's site identity under its lock and answers the new sign-in state. */
async function setIdentity(
  deps: WebDeps,
  response: ServerResponse,
  sessionId: string,
  identity: SiteIdentity | undefined,
  failed: boolean,
): Promise<void> {
  const session = await deps.locks.run(sessionId, async () => {
    const current = await deps.sessions.get(sessionId);
    if (!current) return undefined;
    current.site = identity;
    await deps.sessions.save(current);
    return current;
  });
  if (!session) {
    sendProblem(deps.send, response, 400, 'bad-request', 'ja');
    return;
  }
  sendApiJson(deps.send, response, 200, {
    ...signInState(session, deps.now()),
    ...(failed ? { message: problemMessage('bad-token', session.locale) } : {}),
  });
}

const tokenBody = z.object({ token: z.string().min(1).max(4096) });

export function siteTokenHandler(deps: WebDeps) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const admitted = await admitPost(deps, request, response);
    if (!admitted) return;
    const parsed = tokenBody.safeParse(admitted.body);
    const identity = parsed.success ? await verifySiteToken(parsed.data.token, deps.tokens) : undefined;
    // An invalid token signs the visitor out: they continue anonymously, as the page tells them.
    await setIdentity(deps, response, admitted.session.id, identity, identity === undefined);
  };
}

const demoCustomers = Object.values(DEMO_CUSTOMERS);

export function demoCustomersHandler(deps: WebDeps) {
  return (_request: IncomingMessage, response: ServerResponse): void => {
    sendApiJson(deps.send, response, 200, {
      customers: demoCustomers.map(({ customerId, name, email }) => ({ customerId, name, email })),
    });
  };
}

const demoBody = z.object({ customerId: z.string().min(1).max(50) });

export function demoSignInHandler(deps: WebDeps) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const admitted = await admitPost(deps, request, response);
    if (!admitted) return;
    const parsed = demoBody.safeParse(admitted.body);
    const customer = parsed.success
      ? demoCustomers.find((c) => c.customerId === parsed.data.customerId)
      : undefined;
    const secret = deps.tokens.secret;
    if (!customer || !secret) {
      sendProblem(deps.send, response, 400, 'bad-request', admitted.session.locale);
      return;
    }
    const token = await mintSiteToken(customer.customerId, { ...deps.tokens, secret });
    const verified = await verifySiteToken(token, deps.tokens);
    const identity = verified && { ...verified, name: customer.name };
    await setIdentity(deps, response, admitted.session.id, identity, identity === undefined);
  };
}
