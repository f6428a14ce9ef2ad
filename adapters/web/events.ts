/**
 * `GET /chat/api/events`: the page's Server-Sent Events stream of messages arriving outside its turns (an agent
 * joined, the agent's words, back to the bot and the question shown again). The web delivery (delivery.ts)
 * appends them to the transcript and publishes the new entries to the customer feed (src/live-desk/feed.ts); the
 * instance holding this connection is woken by the feed, whichever instance published, and sends them on.
 *
 * - Each event is `id: <feed id>` + `data: {"entries":[…]}` (transcript entries, numbered as in the history, so
 *   the page shows each once). Resume: the browser's `Last-Event-ID` header (or `?after=<id>` on the first
 *   connection, from the history answer's `events`) — only messages after it are sent, none twice, none skipped
 *   while the feed keeps them; anything older the page reads from the history on (re)connecting.
 * - A comment every `heartbeatMs` keeps proxies from closing an idle connection, and re-reads the feed (a lost
 *   wake-up then costs at most one heartbeat).
 * - Only an existing session (its cookie, checked as for every API call) gets a stream: 403 otherwise, 404 when
 *   live desk is not configured. At most `maxPerSession` streams per session in this instance (a few tabs):
 *   one more is 429 with `Retry-After`, and the page falls back to fetching the history.
 * - `drain()` (shutdown) ends every stream; browsers reconnect with their `Last-Event-ID`, to another instance.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type CustomerFeed, isFeedId } from '../../src/live-desk/feed.js';
import { orUnavailable } from '../../src/storage/unavailable.js';
import type { WebDeps } from './deps.js';
import { sendProblem } from './http.js';
import type { Entry } from './transcript.js';

/** What the web delivery publishes to the customer feed. */
export interface WebFeedBody {
  entries: Entry[];
}

export interface EventStreamOptions {
  /** Default 15 s. */
  heartbeatMs?: number;
  /** Open streams per session in this instance; default 3. */
  maxPerSession?: number;
  /** Milliseconds a browser waits before reconnecting (the stream's `retry:`); default 3000. */
  retryMs?: number;
}

export const DEFAULT_HEARTBEAT_MS = 15_000;
export const DEFAULT_STREAMS_PER_SESSION = 3;

/** Whether a feed message is what the web delivery publishes (the feed is shared; check before sending). */
function isWebFeedBody(body: unknown): body is WebFeedBody {
  return (
    typeof body === 'object' &&
    body !== null &&
    Array.isArray((body as { entries?: unknown }).entries) &&
    (body as { entries: unknown[] }).entries.every(
      (entry) => typeof (entry as { seq?: unknown } | null)?.seq === 'number',
    )
  );
}

/** The resume point: `Last-Event-ID` (a reconnection) before `?after=` (the page's first connection). */
function resumeFrom(request: IncomingMessage): string | undefined {
  const header = request.headers['last-event-id'];
  const fromHeader = typeof header === 'string' ? header.trim() : undefined;
  if (fromHeader && isFeedId(fromHeader)) return fromHeader;
  const param = new URL(request.url ?? '/', 'http://local').searchParams.get('after') ?? '';
  return isFeedId(param) ? param : undefined;
}

export class EventStreams {
  readonly #open = new Map<string, Set<() => void>>();
  readonly #heartbeatMs: number;
  readonly #maxPerSession: number;
  readonly #retryMs: number;
  #draining = false;

  /** `headers`: the web chat's security headers, sent with every stream as with every other answer. */
  constructor(
    private readonly deps: WebDeps,
    private readonly feed: CustomerFeed<unknown> | undefined,
    private readonly headers: Record<string, string>,
    options: EventStreamOptions = {},
  ) {
    this.#heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
    this.#maxPerSession = options.maxPerSession ?? DEFAULT_STREAMS_PER_SESSION;
    this.#retryMs = options.retryMs ?? 3000;
  }

  /** Open streams in this instance (all sessions). */
  get size(): number {
    let n = 0;
    for (const set of this.#open.values()) n += set.size;
    return n;
  }

  /** Ends every open stream and refuses new ones (503): the instance is stopping. */
  drain(): void {
    this.#draining = true;
    for (const set of [...this.#open.values()]) for (const end of [...set]) end();
  }

  readonly handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const { deps, feed } = this;
    const session = await deps.sessions.find(request);
    if (!session) {
      sendProblem(deps.send, response, 403, 'forbidden', 'ja');
      return;
    }
    if (!feed) {
      sendProblem(deps.send, response, 404, 'not-found', session.locale);
      return;
    }
    const conversationKey = `web:${session.id}`;
    // No resume point: from the newest message now (the page reads anything older from the history). Awaited
    // before the checks below, so checking the bound and taking a place in it happen without a pause between.
    let after =
      resumeFrom(request) ??
      (await orUnavailable('live-desk feed', () => feed.latest(conversationKey))) ??
      '0-0';
    if (this.#draining) {
      sendProblem(deps.send, response, 503, 'internal', session.locale, { 'retry-after': '1' });
      return;
    }
    const streams = this.#open.get(session.id) ?? new Set<() => void>();
    if (streams.size >= this.#maxPerSession) {
      sendProblem(deps.send, response, 429, 'rate-limited', session.locale, { 'retry-after': '30' });
      return;
    }
    response.writeHead(200, {
      ...this.headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
    });
    response.write(`retry: ${this.#retryMs}\n\n`);

    let ended = false;
    let reading: Promise<void> = Promise.resolve();
    const pump = () => {
      reading = reading.then(async () => {
        while (!ended) {
          const messages = await feed.read(conversationKey, after);
          for (const message of messages) {
            after = message.id;
            if (!isWebFeedBody(message.body)) continue;
            response.write(
              `id: ${message.id}\ndata: ${JSON.stringify({ entries: message.body.entries })}\n\n`,
            );
          }
          if (messages.length === 0) return;
        }
      });
      reading = reading.catch((error: unknown) => {
        // The feed's store did not answer: the next heartbeat tries again.
        deps.context.onError(error, { channel: 'web', phase: 'event stream read' });
      });
    };
    const unwatch = feed.watch(conversationKey, pump);
    const heartbeat = setInterval(() => {
      response.write(': keep-alive\n\n');
      pump();
    }, this.#heartbeatMs);
    heartbeat.unref();
    const end = () => {
      if (ended) return;
      ended = true;
      clearInterval(heartbeat);
      unwatch();
      streams.delete(end);
      if (streams.size === 0 && this.#open.get(session.id) === streams) this.#open.delete(session.id);
      response.end();
    };
    streams.add(end);
    this.#open.set(session.id, streams);
    request.once('close', end);
    response.once('close', end);
    pump();
    await reading;
  };
}
