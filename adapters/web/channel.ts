/**
 * The customer web chat: a small accessible page at `/` and a JSON API under `/chat/api/`, translating the
 * page's actions into Turns for `engine.handle` and Replies into transcript entries the page renders. It decides
 * nothing about a procedure.
 *
 * Routes: `GET /` (page), `GET /chat/assets/*`, `GET /chat/api/history[?after=<seq>]`, `GET /chat/api/events`
 * (Server-Sent Events: messages from a person, see events.ts), `POST /chat/api/turn`,
 * `POST /chat/api/session` (support-site token), `GET /chat/api/receipts/<id>`, and in demo mode only
 * `GET /chat/api/demo/customers` + `POST /chat/api/demo/sign-in`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Channel, ChannelContext } from '../../src/channels/channel.js';
import { type RateLimit, slidingWindow } from '../../src/channels/rate-limit.js';
import { createStore } from '../../src/engine/store/index.js';
import type { Route } from '../../src/http/routes.js';
import { openKeyv } from '../../src/storage/open-keyv.js';
import { storeBackendFor } from '../../src/storage/store-backend.js';
import { demoCustomersHandler, demoSignInHandler, historyHandler, siteTokenHandler } from './api.js';
import { webDelivery } from './delivery.js';
import type { WebDeps } from './deps.js';
import { type EventStreamOptions, EventStreams } from './events.js';
import { checkFrameAncestors, isHttps, securityHeaders, sender, sendProblem } from './http.js';
import { KeyedLocks } from './locks.js';
import { RECEIPTS_PATH, type ReceiptReader, receiptHandler } from './receipts.js';
import { type CookieSecurity, Sessions, type WebSession } from './session.js';
import { DEFAULT_SITE, siteHandler } from './site.js';
import { ASSET_PREFIX, loadStatic, sendAsset } from './static.js';
import { type Entry, Transcripts } from './transcript.js';
import { turnHandler } from './turns.js';

export interface WebOptions {
  /** Demo conveniences (the demo-customer sign-in picker); `demoMode(config)`. Never in production. */
  demo: boolean;
  receipts: ReceiptReader;
  /** CSP `frame-ancestors` (who may embed the chat); default `'self'`. */
  frameAncestors?: string;
  /** The bot's clock, for token expiry and transcript times (default: real time). */
  now?: () => Date;
  /** Turns (and sign-ins) per session; default 20 per 10 s. */
  rateLimit?: RateLimit;
  /** New sessions per client address and window (default {@link DEFAULT_SESSION_CREATION_LIMIT}). */
  sessionCreationLimit?: RateLimit;
  /** `Secure` cookie: `auto` (default) when the request came over HTTPS (directly or per X-Forwarded-Proto). */
  cookieSecurity?: CookieSecurity;
  /** The event stream's heartbeat and bounds (`GET /chat/api/events`). */
  events?: EventStreamOptions;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { max: 20, windowMs: 10_000 };
/** New sessions per client address: requests without a known cookie cannot bypass the per-session limit. */
export const DEFAULT_SESSION_CREATION_LIMIT: RateLimit = { max: 60, windowMs: 60_000 };

export async function createWebChannel(context: ChannelContext, options: WebOptions): Promise<Channel> {
  const { config } = context;
  const ttlMs = config.CONVERSATION_IDLE_HOURS * 3600_000;
  const now = options.now ?? (() => new Date());
  const security = { frameAncestors: checkFrameAncestors(options.frameAncestors ?? "'self'") };
  const send = sender(security);
  const files = await loadStatic(new URL('./public/', import.meta.url));
  // Both throw when their store fails: an outage answers 503, never a new session or an empty transcript.
  const sessionKeyv = await openKeyv<WebSession>(config, 'web-sessions', { throwOnErrors: true });
  // Versioned (compare-and-set): instances appending to one session's transcript never overwrite each other.
  const transcripts = new Transcripts(
    await createStore<Entry[]>({ ...storeBackendFor(config), namespace: 'web-transcript', ttlMs }),
  );
  const sessions = new Sessions(sessionKeyv, {
    ttlMs,
    creation: {
      limiter:
        context.limiterFor?.(
          'web-new-session',
          options.sessionCreationLimit ?? DEFAULT_SESSION_CREATION_LIMIT,
        ) ?? slidingWindow(options.sessionCreationLimit ?? DEFAULT_SESSION_CREATION_LIMIT),
      // The peer's address: behind a reverse proxy that is the proxy's, which must then limit per client itself.
      addressOf: (request) => request.socket.remoteAddress ?? 'unknown',
    },
    cookieSecurity: options.cookieSecurity ?? 'auto',
    isHttps,
  });
  const deps: WebDeps = {
    context,
    sessions,
    transcripts,
    locks: new KeyedLocks(),
    limiter:
      context.limiterFor?.('web', options.rateLimit ?? DEFAULT_RATE_LIMIT) ??
      slidingWindow(options.rateLimit ?? DEFAULT_RATE_LIMIT),
    send,
    tokens: { secret: config.WEB_TOKEN_SECRET, audience: config.WEB_TOKEN_AUDIENCE, now },
    demo: options.demo,
    now,
  };
  // Live desk: messages from a person reach this chat's transcripts and, through the feed, its event streams.
  const feed = context.liveDesk?.feed;
  context.liveDesk?.registry.addDelivery('web', webDelivery(deps, feed));
  const events = new EventStreams(deps, feed, securityHeaders(security), options.events);

  const page = async (request: IncomingMessage, response: ServerResponse) => {
    const session = await sessions.find(request);
    sendAsset(send, request, response, files.page(session?.locale ?? 'ja'));
  };
  const asset = (request: IncomingMessage, response: ServerResponse) => {
    const name = new URL(request.url ?? '/', 'http://local').pathname.slice(ASSET_PREFIX.length);
    const file = files.asset(name);
    if (file) sendAsset(send, request, response, file);
    else sendProblem(send, response, 404, 'not-found', 'ja');
  };

  const routes: Route[] = [
    { method: 'GET', path: '/', handle: page },
    { method: 'GET', path: `${ASSET_PREFIX}*`, handle: asset },
    { method: 'GET', path: '/chat/api/history', handle: historyHandler(deps) },
    { method: 'GET', path: '/chat/api/events', handle: events.handle },
    { method: 'POST', path: '/chat/api/turn', handle: turnHandler(deps) },
    { method: 'POST', path: '/chat/api/session', handle: siteTokenHandler(deps) },
    {
      method: 'GET',
      path: '/chat/api/site',
      handle: siteHandler(
        {
          serviceName: config.WEB_SERVICE_NAME ?? DEFAULT_SITE.serviceName,
          hours: config.WEB_HOURS ?? DEFAULT_SITE.hours,
          privacyUrl: config.WEB_PRIVACY_URL,
        },
        send,
      ),
    },
    {
      method: 'GET',
      path: `${RECEIPTS_PATH}*`,
      handle: receiptHandler({ sessions, reader: options.receipts, send }),
    },
  ];
  if (options.demo) {
    routes.push(
      { method: 'GET', path: '/chat/api/demo/customers', handle: demoCustomersHandler(deps) },
      { method: 'POST', path: '/chat/api/demo/sign-in', handle: demoSignInHandler(deps) },
    );
  }

  return {
    name: 'web',
    routes,
    drain: () => events.drain(),
    async close() {
      events.drain();
      await sessionKeyv.disconnect();
      await transcripts.close();
    },
  };
}
