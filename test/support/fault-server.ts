/**
 * A loopback HTTP proxy in front of a backend (the sandbox) that answers chosen requests with a fault instead of,
 * or after, forwarding them. Complements `fault-proxy.ts` (hold / lose / delay) with the faults a backend or
 * the network in between produces: an error status (5xx, 429 with `Retry-After`), a connection reset, a
 * malformed body, and latency beyond the client's timeout.
 *
 * Contract:
 * - Every request is recorded in `exchanges` (arrival order, arrival time, `Idempotency-Key`, the fault applied,
 *   whether it reached the backend, the backend's status).
 * - A fault is armed for the next `times` requests matching `method` + `path` (regex on the path without the
 *   query); `clear()` disarms all. Unmatched requests are forwarded and answered as the backend answers.
 * - `onArrival` runs first; then `forward: true` (always for `pass`) sends the request to the backend first (it may commit) and then replaces its answer with
 *   the fault; otherwise the backend never sees the request.
 * - `close()` destroys open sockets and pending timers and never waits for a client.
 */
import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type ServerFault =
  /** Forward and answer as the backend answers (with `onArrival`: something else breaks meanwhile). */
  (
    | { kind: 'pass'; forward?: true }
    /** Answer with this status (5xx, 429…) and these headers (e.g. `Retry-After`); a problem+json body. */
    | { kind: 'status'; status: number; headers?: Record<string, string>; forward?: boolean }
    /** Reset the connection (TCP RST) without any answer. */
    | { kind: 'reset'; forward?: boolean }
    /** Answer 200 with a JSON content type and a truncated, unparsable body. */
    | { kind: 'malformed'; forward?: boolean }
    /** Answer with this status and this (well-formed, possibly off-contract) JSON body. */
    | { kind: 'body'; status: number; json: unknown; contentType?: string; forward?: boolean }
    /** Answer with this status and these raw bytes (a truncated or otherwise broken body) as JSON. */
    | { kind: 'raw'; status: number; text: string; forward?: boolean }
    /** Answer (with the backend's answer when forwarded) only after `ms`. */
    | { kind: 'delay'; ms: number; forward?: boolean }
  ) & {
    /** Runs when the request arrives, before it is forwarded (e.g. stop the bot's store). */
    onArrival?: () => void | Promise<void>;
  };

export interface RequestMatch {
  method: string;
  path: RegExp;
}

export interface Exchange {
  seq: number;
  method: string;
  path: string;
  /** `performance.now()` at arrival. */
  at: number;
  idempotencyKey: string | undefined;
  fault: ServerFault['kind'] | undefined;
  /** Whether the request reached the backend. */
  forwarded: boolean;
  /** The backend's status, when it answered. */
  backendStatus?: number;
}

export interface FaultServer {
  readonly url: string;
  readonly exchanges: readonly Exchange[];
  inject(match: RequestMatch, fault: ServerFault, times?: number): void;
  clear(): void;
  matching(match: RequestMatch): Exchange[];
  close(): Promise<void>;
}

interface Armed {
  match: RequestMatch;
  fault: ServerFault;
  remaining: number;
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const pathOnly = (url: string): string => url.split('?')[0] ?? url;

async function readAll(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function forward(target: URL, incoming: IncomingMessage, body: Buffer): Promise<Answer> {
  const headers: IncomingHttpHeaders = { ...incoming.headers, host: target.host };
  delete headers.connection;
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers },
      (answer) => {
        readAll(answer).then(
          (data) => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: data }),
          reject,
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

function deliver(response: ServerResponse, answer: Answer): void {
  if (response.destroyed) return;
  const headers = { ...answer.headers };
  delete headers['transfer-encoding'];
  delete headers.connection;
  response.writeHead(answer.status, { ...headers, 'content-length': String(answer.body.length) });
  response.end(answer.body);
}

function faultAnswer(
  fault:
    | { kind: 'malformed' }
    | { kind: 'body'; status: number; json: unknown; contentType?: string }
    | { kind: 'raw'; status: number; text: string }
    | { kind: 'status'; status: number; headers?: Record<string, string> },
): Answer {
  if (fault.kind === 'raw') {
    return {
      status: fault.status,
      headers: { 'content-type': 'application/json' },
      body: Buffer.from(fault.text),
    };
  }
  if (fault.kind === 'body') {
    return {
      status: fault.status,
      headers: { 'content-type': fault.contentType ?? 'application/json' },
      body: Buffer.from(JSON.stringify(fault.json)),
    };
  }
  if (fault.kind === 'malformed') {
    return {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: Buffer.from('{"devices": [{"deviceId": "DEV-00'),
    };
  }
  const problem = { type: 'about:blank', title: 'Injected fault', status: fault.status };
  return {
    status: fault.status,
    headers: { 'content-type': 'application/problem+json', ...fault.headers },
    body: Buffer.from(JSON.stringify(problem)),
  };
}

/** Starts the fault server on 127.0.0.1 (port 0) in front of `target`. */
export async function startFaultServer(target: string): Promise<FaultServer> {
  const backend = new URL(target);
  const exchanges: Exchange[] = [];
  const armed: Armed[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const take = (method: string, path: string): ServerFault | undefined => {
    const entry = armed.find((a) => a.remaining > 0 && a.match.method === method && a.match.path.test(path));
    if (!entry) return undefined;
    entry.remaining -= 1;
    return entry.fault;
  };

  const onRequest = async (incoming: IncomingMessage, response: ServerResponse): Promise<void> => {
    const method = incoming.method ?? 'GET';
    const url = incoming.url ?? '/';
    const key = incoming.headers['idempotency-key'];
    const fault = take(method, pathOnly(url));
    const exchange: Exchange = {
      seq: exchanges.length + 1,
      method,
      path: url,
      at: performance.now(),
      idempotencyKey: Array.isArray(key) ? key[0] : key,
      fault: fault?.kind,
      forwarded: false,
    };
    exchanges.push(exchange);
    const body = await readAll(incoming);
    await fault?.onArrival?.();
    let answer: Answer | undefined;
    if (!fault || fault.kind === 'pass' || fault.forward) {
      exchange.forwarded = true;
      answer = await forward(backend, incoming, body);
      exchange.backendStatus = answer.status;
    }
    if (!fault || fault.kind === 'pass') {
      if (answer) deliver(response, answer);
      return;
    }
    if (fault.kind === 'reset') {
      incoming.socket.resetAndDestroy();
      return;
    }
    if (fault.kind === 'delay') {
      const late = answer ?? faultAnswer({ kind: 'status', status: 503 });
      const timer = setTimeout(() => {
        timers.delete(timer);
        deliver(response, late);
      }, fault.ms);
      timers.add(timer);
      return;
    }
    deliver(response, faultAnswer(fault));
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
  const matching = (match: RequestMatch) =>
    exchanges.filter((e) => e.method === match.method && match.path.test(pathOnly(e.path)));

  return {
    url: `http://127.0.0.1:${port}`,
    exchanges,
    inject(match, fault, times = 1) {
      armed.push({ match, fault, remaining: times });
    },
    clear() {
      armed.length = 0;
    },
    matching,
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
