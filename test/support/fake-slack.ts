/**
 * A local fake of Slack's Web API for adapter tests: answers the methods the Slack adapter uses and records every
 * call (`{ method, body, response }`, form fields with JSON values such as `blocks` and `view` parsed). Listens on
 * 127.0.0.1 on a free port; start it before `new App()` (Bolt may call `auth.test` at once).
 */
import { createServer, type IncomingMessage } from 'node:http';

export interface FakeSlackCall {
  method: string;
  body: Record<string, unknown>;
  /** What the fake answered (e.g. the `ts` of a posted message). */
  response: Record<string, unknown>;
}

export interface FakeSlack {
  /** The Web API base URL (ends with `/api/`), for SLACK_API_URL. */
  url: string;
  calls: FakeSlackCall[];
  /** Members `usergroups.users.list` answers per user group id. */
  usergroups: Map<string, string[]>;
  /** The next call of `method` answers `{ ok: false, error }`. */
  failNext(method: string, error?: string): void;
  /** Every call of `method` is answered `ms` later (recorded when answered); 0 clears it. */
  slowDown(method: string, ms: number): void;
  close(): Promise<void>;
}

export const FAKE_BOT_USER_ID = 'UBOTFAKE';
export const FAKE_BOT_ID = 'BBOTFAKE';
export const FAKE_TEAM_ID = 'T0FAKE';

/** The direct-message channel `conversations.open` answers for a user. */
export function directChannelOf(userId: string): string {
  return `D${userId}`;
}

function parseValue(value: string): unknown {
  if (!/^[[{]/.test(value)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  if ((request.headers['content-type'] ?? '').includes('application/json'))
    return raw === '' ? {} : (JSON.parse(raw) as Record<string, unknown>);
  return Object.fromEntries([...new URLSearchParams(raw)].map(([key, value]) => [key, parseValue(value)]));
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: FakeSlackCall[] = [];
  const usergroups = new Map<string, string[]>();
  const failures = new Map<string, string>();
  const delays = new Map<string, number>();
  let sequence = 0;
  const nextTs = () => `1700000000.${String(++sequence).padStart(6, '0')}`;

  const answer = (method: string, body: Record<string, unknown>): Record<string, unknown> => {
    const failure = failures.get(method);
    if (failure !== undefined) {
      failures.delete(method);
      return { ok: false, error: failure };
    }
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          user_id: FAKE_BOT_USER_ID,
          bot_id: FAKE_BOT_ID,
          team_id: FAKE_TEAM_ID,
          team: 'Fake',
          user: 'helpdesk',
        };
      case 'chat.postMessage': {
        const ts = nextTs();
        return {
          ok: true,
          channel: body.channel,
          ts,
          message: { type: 'message', ts, text: body.text, blocks: body.blocks },
        };
      }
      case 'chat.update':
        return { ok: true, channel: body.channel, ts: body.ts, text: body.text };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: nextTs() };
      case 'conversations.open':
        return { ok: true, channel: { id: directChannelOf(String(body.users ?? '')) } };
      case 'views.publish':
      case 'views.open':
        return { ok: true, view: { id: `V${++sequence}` } };
      case 'usergroups.users.list':
        return { ok: true, users: usergroups.get(String(body.usergroup)) ?? [] };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  };

  const server = createServer((request, response) => {
    const method = new URL(request.url ?? '/', 'http://fake').pathname.replace(/^\/api\//, '');
    readBody(request)
      .then(async (body) => {
        const delayMs = delays.get(method) ?? 0;
        if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
        const answered = answer(method, body);
        calls.push({ method, body, response: answered });
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(answered));
      })
      .catch(() => {
        response.writeHead(400);
        response.end();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/api/`,
    calls,
    usergroups,
    failNext(method, error = 'internal_error') {
      failures.set(method, error);
    },
    slowDown(method, ms) {
      if (ms > 0) delays.set(method, ms);
      else delays.delete(method);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
