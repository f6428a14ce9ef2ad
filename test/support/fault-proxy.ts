/**
 * A loopback HTTP proxy between the bot and the backend that records every exchange and injects faults into
 * chosen ones. Reliability tests use it to make "the backend did the work but the bot never heard back" happen
 * for real: the request is forwarded, the backend commits and answers, and then the answer is held back (for
 * ever, while the test kills the bot) or delivered too late (after the client's timeout).
 *
 * Contract:
 * - Every request is forwarded unchanged (method, path, query, headers except `host`, body) to `target`.
 * - `log` lists one entry per request in arrival order, filled in as the exchange progresses.
 * - Faults: `hold` (forward, let the backend answer, run a hook, never answer), `lose` (run a hook, never
 *   forward, never answer), `delay` (forward, deliver the answer after a delay).
 * - A fault is armed for the next `times` requests matching `method` and `path` (regex on the path without the
 *   query); requests that match no armed fault are answered as soon as the backend answers.
 * - `close()` drops held and delayed answers (their sockets are destroyed) and stops listening; it never waits
 *   for a client.
 */
import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ProxiedExchange {
  /** Arrival order, from 1. */
  seq: number;
  method: string;
  /** Path and query as the client sent them. */
  path: string;
  idempotencyKey: string | undefined;
  /** The backend's status; undefined until it answered (or when it could not be reached). */
  status?: number;
  /** True when the backend said it replayed a stored answer (`Idempotency-Replayed: true`). */
  replayed?: boolean;
  /** What the proxy did with the backend's answer. */
  delivery: 'pending' | 'forwarded' | 'held' | 'lost' | 'delayed' | 'dropped' | 'backend-unreachable';
}

export interface RequestMatch {
  method: string;
  path: RegExp;
}

/** Let the backend answer, then run `afterAnswer` (e.g. kill the bot) and never deliver the answer. */
export interface HoldFault {
  kind: 'hold';
  afterAnswer?: (exchange: ProxiedExchange) => void | Promise<void>;
}

/** The request never reaches the backend: run `onArrival` (e.g. kill the bot) and never answer. */
export interface LoseFault {
  kind: 'lose';
  onArrival?: (exchange: ProxiedExchange) => void | Promise<void>;
}

/** Deliver the backend's answer only after `ms` (beyond the client's timeout the client has gone). */
export interface DelayFault {
  kind: 'delay';
  ms: number;
}

export type Fault = HoldFault | LoseFault | DelayFault;

export interface FaultProxy {
  readonly url: string;
  readonly log: readonly ProxiedExchange[];
  /** Arms `fault` for the next `times` (default 1) matching requests. */
  inject(match: RequestMatch, fault: Fault, times?: number): void;
  /** Exchanges matching `method` and `path` (regex on the path without the query). */
  matching(match: RequestMatch): ProxiedExchange[];
  /** Resolves once `count` requests matching `match` have arrived (rejects after `timeoutMs`). */
  waitForRequests(match: RequestMatch, count: number, timeoutMs?: number): Promise<void>;
  /** Resolves with the first exchange whose hold or lose fault has run its hook (rejects after `timeoutMs`). */
  waitForHook(timeoutMs?: number): Promise<ProxiedExchange>;
  close(): Promise<void>;
}

interface Armed {
  match: RequestMatch;
  fault: Fault;
  remaining: number;
}

function pathOnly(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

function firstHeader(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function readAll(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

interface BackendAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function forward(
  agent: Agent,
  target: URL,
  incoming: IncomingMessage,
  body: Buffer,
  timeoutMs: number,
): Promise<BackendAnswer> {
  const headers: IncomingHttpHeaders = { ...incoming.headers, host: target.host };
  delete headers.connection;
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers,
        agent,
        timeout: timeoutMs,
      },
      (answer) => {
        readAll(answer).then(
          (answerBody) =>
            resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: answerBody }),
          reject,
        );
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error('backend timed out')));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** Starts the proxy on 127.0.0.1 (port 0) in front of `target` (e.g. the sandbox's URL). */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const backend = new URL(target);
  // Our own connections to the backend, closed with the proxy.
  const agent = new Agent({ keepAlive: false });
  const log: ProxiedExchange[] = [];
  const armed: Armed[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const hookWaiters: ((exchange: ProxiedExchange) => void)[] = [];
  const hooked: ProxiedExchange[] = [];

  const takeFault = (method: string, path: string): Fault | undefined => {
    const entry = armed.find((a) => a.match.method === method && a.match.path.test(path) && a.remaining > 0);
    if (!entry) return undefined;
    entry.remaining -= 1;
    return entry.fault;
  };

  const runHook = async (
    exchange: ProxiedExchange,
    hook: ((exchange: ProxiedExchange) => void | Promise<void>) | undefined,
  ): Promise<void> => {
    try {
      await hook?.(exchange);
    } finally {
      hooked.push(exchange);
      for (const wake of hookWaiters.splice(0)) wake(exchange);
    }
  };

  const deliver = (response: ServerResponse, answer: BackendAnswer): void => {
    const headers = { ...answer.headers };
    delete headers['transfer-encoding'];
    delete headers.connection;
    response.writeHead(answer.status, { ...headers, 'content-length': String(answer.body.length) });
    response.end(answer.body);
  };

  const onRequest = async (incoming: IncomingMessage, response: ServerResponse): Promise<void> => {
    const method = incoming.method ?? 'GET';
    const url = incoming.url ?? '/';
    const exchange: ProxiedExchange = {
      seq: log.length + 1,
      method,
      path: url,
      idempotencyKey: firstHeader(incoming.headers, 'idempotency-key'),
      delivery: 'pending',
    };
    log.push(exchange);
    const body = await readAll(incoming);
    const fault = takeFault(method, pathOnly(url));
    if (fault?.kind === 'lose') {
      exchange.delivery = 'lost';
      await runHook(exchange, fault.onArrival);
      return; // never forwarded, never answered; close() destroys the socket
    }
    let answer: BackendAnswer;
    try {
      answer = await forward(agent, backend, incoming, body, 30_000);
    } catch {
      exchange.delivery = 'backend-unreachable';
      if (!response.destroyed) response.destroy();
      return;
    }
    exchange.status = answer.status;
    exchange.replayed = firstHeader(answer.headers, 'idempotency-replayed') === 'true';
    if (!fault) {
      exchange.delivery = response.destroyed ? 'dropped' : 'forwarded';
      if (!response.destroyed) deliver(response, answer);
      return;
    }
    if (fault.kind === 'hold') {
      exchange.delivery = 'held';
      await runHook(exchange, fault.afterAnswer);
      return; // never answered; close() destroys the socket
    }
    exchange.delivery = 'delayed';
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (response.destroyed || response.socket?.destroyed) {
        exchange.delivery = 'dropped';
        return;
      }
      deliver(response, answer);
    }, fault.ms);
    timers.add(timer);
  };

  const server = createServer((incoming, response) => {
    onRequest(incoming, response).catch(() => {
      if (!response.destroyed) response.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  const matching = (match: RequestMatch): ProxiedExchange[] =>
    log.filter((e) => e.method === match.method && match.path.test(pathOnly(e.path)));

  return {
    url: `http://127.0.0.1:${port}`,
    log,
    inject(match, fault, times = 1) {
      armed.push({ match, fault, remaining: times });
    },
    matching,
    async waitForRequests(match, count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (matching(match).length < count) {
        if (Date.now() > deadline)
          throw new Error(
            `Fewer than ${count} ${match.method} ${match.path} requests within ${timeoutMs} ms`,
          );
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    waitForHook(timeoutMs = 15_000) {
      const done = hooked[0];
      if (done) return Promise.resolve(done);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`No fault hook ran within ${timeoutMs} ms`)),
          timeoutMs,
        );
        hookWaiters.push((exchange) => {
          clearTimeout(timer);
          resolve(exchange);
        });
      });
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const socket of sockets) socket.destroy();
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
