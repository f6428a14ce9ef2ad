/**
 * The reference backend: a node:http server implementing openapi.yaml over the sandbox state.
 *
 * Requests are handled one at a time (a promise queue), so every write sees the previous one and the state is
 * saved before its response is sent.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../clock.js';
import { cspsRoutes } from './api/csps.js';
import { customerRoutes } from './api/customers.js';
import { identityRoutes } from './api/identity.js';
import { miemasuRoutes } from './api/miemasu.js';
import type { HandlerResult, OutboxMail, Route, SiteAssertionCheck } from './api/route.js';
import { siteSessionRoutes } from './api/site-sessions.js';
import { authenticate, authenticateAgent } from './auth.js';
import { demoState } from './demo-data.js';
import {
  idempotencyScope,
  requestFingerprint,
  requireIdempotencyKey,
  storedResponse,
} from './idempotency.js';
import { emptyState, type SandboxState } from './model.js';
import { ProblemError, problem } from './problem.js';
import { openStore, type StateStore, type StoreOption } from './store.js';

export interface SandboxOptions {
  store: StoreOption;
  clock: Clock;
  /** Load the demo data when the store is empty (default true). */
  seed?: boolean;
  /** Called with each mail once it is sent (main.ts prints codes in demo mode). */
  onMail?: (mail: OutboxMail) => void;
  /**
   * The secret the support site signs site assertions with (HS256, shared with the bot's web chat). Without it,
   * `exchangeSiteAssertion` refuses every assertion.
   */
  siteTokenSecret?: string | undefined;
  /** When set, a site assertion must name this audience (`aud`). */
  siteTokenAudience?: string | undefined;
}

export interface Sandbox {
  listen(port?: number, host?: string): Promise<{ url: string }>;
  close(): Promise<void>;
  /** Every mail sent, oldest first: where tests read one-time codes. */
  readonly outbox: readonly OutboxMail[];
  /** A read-only snapshot of the state (tests, audit inspection). */
  snapshot(): SandboxState;
  /** Handle one request without a socket (for embedding). */
  handle(request: IncomingMessage, response: ServerResponse): void;
}

const ROUTES: Route[] = [
  ...identityRoutes,
  ...siteSessionRoutes,
  ...customerRoutes,
  ...miemasuRoutes,
  ...cspsRoutes,
];

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  names: string[];
}

const COMPILED: CompiledRoute[] = ROUTES.map((route) => {
  const names: string[] = [];
  const source = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, pattern: new RegExp(`^${source}$`), names };
});

function matchRoute(
  method: string,
  pathname: string,
): { route: Route | undefined; params: Record<string, string> } {
  for (const { route, pattern, names } of COMPILED) {
    const match = pattern.exec(pathname);
    if (!match || route.method !== method) continue;
    const params: Record<string, string> = {};
    names.forEach((name, index) => {
      params[name] = decodeURIComponent(match[index + 1] ?? '');
    });
    return { route, params };
  }
  return { route: undefined, params: {} };
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) throw new ProblemError('validation-failed', 'The body is larger than 64 KiB.');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ProblemError('validation-failed', 'The body is not valid JSON.');
  }
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Writes one answer. `Date` is the sandbox's own clock (which may be fixed), not the host's: a client comparing
 * times in a body (token expiries) with the server's notion of now reads it from there, as with any backend.
 */
function send(
  response: ServerResponse,
  now: Date,
  result: HandlerResult,
  extraHeaders: Record<string, string> = {},
): void {
  const isProblem = result.status >= 400;
  response.writeHead(result.status, {
    'content-type': isProblem ? 'application/problem+json' : 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    date: now.toUTCString(),
    ...extraHeaders,
  });
  response.end(JSON.stringify(result.body));
}

export async function createSandbox(options: SandboxOptions): Promise<Sandbox> {
  const store: StateStore = await openStore(options.store);
  let state =
    (await store.load()) ?? (options.seed === false ? emptyState() : demoState(options.clock.today()));
  await store.save(state);
  const outbox: OutboxMail[] = [];
  const siteAssertions: SiteAssertionCheck | undefined = options.siteTokenSecret
    ? {
        secret: new TextEncoder().encode(options.siteTokenSecret),
        audience: options.siteTokenAudience,
      }
    : undefined;
  let queue: Promise<void> = Promise.resolve();

  async function processRequest(
    request: IncomingMessage,
  ): Promise<{ result: HandlerResult; headers: Record<string, string> }> {
    const url = new URL(request.url ?? '/', 'http://sandbox.invalid');
    const method = request.method ?? 'GET';
    const { route, params } = matchRoute(method, url.pathname);
    if (!route) {
      return {
        result: { status: 404, body: problem('not-found', `No operation ${method} ${url.pathname}.`) },
        headers: {},
      };
    }
    const body = route.write ? await readBody(request) : undefined;
    // Re-read the saved state: another process on the same file (e.g. `npm start` and `npm run chat` side by side)
    // may have changed it. Writes within this process are already serialised by the queue.
    state = (await store.load()) ?? state;
    const now = options.clock.now();
    const actor =
      route.auth === 'acting'
        ? authenticate(state, header(request, 'authorization'), header(request, 'on-behalf-of'), now)
        : undefined;
    const agent =
      route.auth === 'agent' ? authenticateAgent(state, header(request, 'authorization')) : undefined;
    let recordKey: string | undefined;
    let fingerprint = '';
    if (route.write) {
      const key = requireIdempotencyKey(header(request, 'idempotency-key'));
      recordKey = `${idempotencyScope(actor)}\n${key}`;
      fingerprint = requestFingerprint(method, url.pathname, body);
      const stored = storedResponse(state, recordKey, fingerprint);
      if (stored)
        return {
          result: { status: stored.status, body: stored.body },
          headers: { 'idempotency-replayed': 'true' },
        };
    }
    const working: SandboxState = structuredClone(state);
    const mails: OutboxMail[] = [];
    const result = await route.handle({
      state: working,
      clock: options.clock,
      params,
      query: url.searchParams,
      body,
      actor,
      agent,
      siteAssertions,
      sendMail: (mail) => mails.push(mail),
    });
    if (route.write) {
      if (recordKey && result.status < 300) {
        working.idempotency[recordKey] = {
          fingerprint,
          status: result.status,
          body: result.body,
          storedAt: now.toISOString(),
        };
      }
      await store.save(working);
      state = working;
      for (const mail of mails) {
        outbox.push(mail);
        options.onMail?.(mail);
      }
    }
    return { result, headers: {} };
  }

  function handle(request: IncomingMessage, response: ServerResponse): void {
    const turn = queue.then(async () => {
      try {
        const { result, headers } = await processRequest(request);
        send(response, options.clock.now(), result, headers);
      } catch (error) {
        if (error instanceof ProblemError) {
          send(response, options.clock.now(), { status: error.problem.status, body: error.problem });
        } else {
          send(response, options.clock.now(), {
            status: 500,
            body: problem('internal-error', 'The sandbox failed; see its log.'),
          });
          console.error('sandbox: unexpected error', error instanceof Error ? error.message : error);
        }
      }
    });
    queue = turn.catch(() => {});
  }

  let server: Server | undefined;
  return {
    outbox,
    snapshot: () => structuredClone(state),
    handle,
    async listen(port = 0, host = '127.0.0.1') {
      server = createServer(handle);
      const listening = server;
      await new Promise<void>((resolve, reject) => {
        listening.once('error', reject);
        listening.listen(port, host, () => resolve());
      });
      const address = listening.address() as AddressInfo;
      return { url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}` };
    },
    async close() {
      const running = server;
      if (running) {
        await new Promise<void>((resolve) => {
          running.close(() => resolve());
          running.closeAllConnections();
        });
      }
      await queue;
      await store.close();
    },
  };
}
