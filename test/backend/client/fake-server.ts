/**
 * A scripted HTTP server on 127.0.0.1 (port 0) for client tests: records every request and answers each with
 * the next scripted reply (the last one repeats).
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type Reply =
  | { status: number; headers?: Record<string, string>; json?: unknown; problem?: unknown; text?: string }
  /** Never answers (until the server closes): for timeouts. */
  | { hang: true }
  /** Destroys the socket without answering: a network error. */
  | { drop: true };

export interface FakeServer {
  baseUrl: string;
  requests: RecordedRequest[];
  /** Replaces the script; the next request gets its first reply. */
  script(...replies: Reply[]): void;
  close(): Promise<void>;
}

export async function startFakeServer(...initial: Reply[]): Promise<FakeServer> {
  let replies: Reply[] = initial.length > 0 ? initial : [{ status: 204 }];
  let scriptStart = 0;
  const requests: RecordedRequest[] = [];
  const hanging = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const reply = replies[Math.min(requests.length - 1 - scriptStart, replies.length - 1)] ?? {
        status: 500,
      };
      if ('hang' in reply) {
        hanging.add(res);
        return;
      }
      if ('drop' in reply) {
        req.socket.destroy();
        return;
      }
      const headers: Record<string, string> = { ...reply.headers };
      let body: string | undefined;
      if (reply.problem !== undefined) {
        headers['content-type'] = 'application/problem+json';
        body = JSON.stringify(reply.problem);
      } else if (reply.json !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(reply.json);
      } else if (reply.text !== undefined) {
        headers['content-type'] = 'text/plain';
        body = reply.text;
      }
      res.writeHead(reply.status, headers);
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    script(...next) {
      replies = next;
      scriptStart = requests.length;
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A problem+json body as the contract defines it. */
export function problem(status: number, code: string, extra: Record<string, unknown> = {}): unknown {
  return { type: `https://errors.helpdesk.example/${code}`, title: code, status, code, ...extra };
}
