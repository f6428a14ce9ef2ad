/**
 * A fake LINE Messaging API on 127.0.0.1 (port 0), for LINE_API_URL. It keeps every message it accepted and
 * behaves as LINE documents for what the adapter uses:
 * - `POST /v2/bot/message/reply` `{ replyToken, messages }`: a token is valid once, for the user it was issued to
 *   (`issueReplyToken`), until it expires (`expireReplyTokens`, as LINE does after about a minute);
 *   otherwise 400 "Invalid reply token";
 * - `POST /v2/bot/message/push` `{ to, messages }` with `X-Line-Retry-Key`: a key seen before → 409 (and nothing
 *   delivered twice);
 * - both check the bearer token (401) and the messages against LINE's limits (`lineLimitProblems`, 400 — LINE
 *   refuses the whole request), and can be made to fail (`failNext`) to test delivery faults.
 * Everything else → 404, recorded in `unknown`.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import { lineLimitProblems } from '../../adapters/line/limits.js';

export interface SentMessage {
  /** The fake's id for this message. */
  id: string;
  userId: string;
  via: 'reply' | 'push';
  message: Record<string, unknown>;
}

export interface FakeRequest {
  path: string;
  status: number;
  body: unknown;
  /** What the fake answered (`{ message }` on a refusal). */
  response: unknown;
  retryKey?: string;
}

export interface FakeLine {
  /** LINE_API_URL. */
  url: string;
  /** Every message delivered, in order. */
  sent: SentMessage[];
  /** Every request answered (delivered or refused). */
  requests: FakeRequest[];
  unknown: { method: string; path: string }[];
  /** A new reply token for an event of this user, as LINE puts in a webhook. */
  issueReplyToken(userId: string): string;
  /** Every token issued so far stops working (as after a minute). */
  expireReplyTokens(): void;
  /** The next `count` requests to `path` answer `status` (e.g. 500) without delivering. */
  failNext(path: 'reply' | 'push', status: number, count?: number): void;
  messagesOf(userId: string): SentMessage[];
  close(): Promise<void>;
}

const BODY_LIMIT = 1024 * 1024;

function readJson(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= BODY_LIMIT) chunks.push(chunk);
    });
    request.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch (error) {
        reject(error);
      }
    });
    request.on('error', reject);
  });
}

export async function startFakeLine(options: { accessToken: string }): Promise<FakeLine> {
  const sent: SentMessage[] = [];
  const requests: FakeRequest[] = [];
  const unknown: { method: string; path: string }[] = [];
  const tokens = new Map<string, { userId: string; used: boolean; expired: boolean }>();
  const retryKeys = new Set<string>();
  const failures: Record<'reply' | 'push', { status: number; count: number } | undefined> = {
    reply: undefined,
    push: undefined,
  };
  let next = 0;

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://fake').pathname;
    const answer = (status: number, body: unknown, recorded?: Omit<FakeRequest, 'status' | 'response'>) => {
      if (recorded) requests.push({ ...recorded, status, response: body });
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const kind =
      path === '/v2/bot/message/reply' ? 'reply' : path === '/v2/bot/message/push' ? 'push' : undefined;
    if (request.method !== 'POST' || !kind) {
      unknown.push({ method: request.method ?? '', path });
      request.resume();
      answer(404, { message: 'Not found' });
      return;
    }
    readJson(request).then(
      (body) => {
        const retryKey = request.headers['x-line-retry-key'];
        const recorded = { path, body, ...(typeof retryKey === 'string' ? { retryKey } : {}) };
        if (request.headers.authorization !== `Bearer ${options.accessToken}`) {
          answer(401, { message: 'Authentication failed' }, recorded);
          return;
        }
        const failure = failures[kind];
        if (failure && failure.count > 0) {
          failure.count -= 1;
          answer(failure.status, { message: 'Injected failure' }, recorded);
          return;
        }
        const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
        const messages = Array.isArray(fields.messages) ? (fields.messages as Record<string, unknown>[]) : [];
        const problems = lineLimitProblems(messages);
        if (problems.length > 0) {
          answer(400, { message: 'The request body has 1 error(s)', details: problems }, recorded);
          return;
        }
        let userId: string;
        if (kind === 'reply') {
          const token = tokens.get(String(fields.replyToken));
          if (!token || token.used || token.expired) {
            answer(400, { message: 'Invalid reply token' }, recorded);
            return;
          }
          token.used = true;
          userId = token.userId;
        } else {
          if (typeof retryKey === 'string') {
            if (retryKeys.has(retryKey)) {
              answer(409, { message: 'The retry key is already accepted' }, recorded);
              return;
            }
            retryKeys.add(retryKey);
          }
          userId = String(fields.to);
        }
        const sentMessages = messages.map((message) => {
          next += 1;
          const entry: SentMessage = { id: `line-message-${next}`, userId, via: kind, message };
          sent.push(entry);
          return { id: entry.id };
        });
        answer(200, { sentMessages }, recorded);
      },
      () => answer(400, { message: 'invalid JSON' }, { path, body: undefined }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    requests,
    unknown,
    issueReplyToken(userId) {
      const token = randomBytes(16).toString('hex');
      tokens.set(token, { userId, used: false, expired: false });
      return token;
    },
    expireReplyTokens() {
      for (const token of tokens.values()) token.expired = true;
    },
    failNext(path, status, count = 1) {
      failures[path] = { status, count };
    },
    messagesOf: (userId) => sent.filter((m) => m.userId === userId),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
