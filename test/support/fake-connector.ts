/**
 * A fake Bot Connector service (the REST API a bot calls to post and update messages), on 127.0.0.1, port 0.
 * Activities posted to the bot carry `serviceUrl` = this fake's `url`, so botbuilder's connector client sends its
 * replies here. Implements only the routes the Teams adapter uses:
 * - POST /v3/conversations/:conversationId/activities            (send to conversation)
 * - POST /v3/conversations/:conversationId/activities/:replyToId (reply to an activity)
 * - PUT  /v3/conversations/:conversationId/activities/:activityId (update an activity)
 * Each answer is `{ id }` (a new id for posts, the same id for updates). Everything is recorded in order.
 */
import { createServer, type IncomingMessage } from 'node:http';

/** An activity as sent by the bot (only the fields the tests read are typed). */
export interface SentActivity {
  type?: string;
  id?: string;
  text?: string;
  replyToId?: string;
  conversation?: { id?: string };
  attachments?: { contentType: string; content: unknown }[];
  [key: string]: unknown;
}

export interface PostedActivity {
  /** The id this fake gave the activity. */
  id: string;
  conversationId: string;
  /** Set when posted as a reply (`POST …/activities/:replyToId`). */
  replyToId?: string;
  activity: SentActivity;
  authorization?: string;
}

export interface UpdatedActivity {
  activityId: string;
  conversationId: string;
  activity: SentActivity;
}

export interface FakeConnector {
  /** Use as the activities' `serviceUrl` (ends with `/`). */
  url: string;
  activities: PostedActivity[];
  updates: UpdatedActivity[];
  /** Requests to routes this fake does not implement (a test should expect none). */
  unknown: { method: string; path: string }[];
  close(): Promise<void>;
}

const BODY_LIMIT = 1024 * 1024;

function readJson(request: IncomingMessage): Promise<SentActivity> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= BODY_LIMIT) chunks.push(chunk);
    });
    request.on('end', () => {
      try {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve(text === '' ? {} : (JSON.parse(text) as SentActivity));
      } catch (error) {
        reject(error);
      }
    });
    request.on('error', reject);
  });
}

const ROUTE = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;

export async function startFakeConnector(): Promise<FakeConnector> {
  const activities: PostedActivity[] = [];
  const updates: UpdatedActivity[] = [];
  const unknown: { method: string; path: string }[] = [];
  let next = 0;
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://fake').pathname;
    const match = ROUTE.exec(path);
    const method = request.method ?? '';
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (!match?.[1] || (method !== 'POST' && method !== 'PUT') || (method === 'PUT' && !match[2])) {
      unknown.push({ method, path });
      request.resume();
      answer(404, { error: { code: 'NotFound', message: 'not implemented by the fake connector' } });
      return;
    }
    const conversationId = decodeURIComponent(match[1]);
    const targetId = match[2] ? decodeURIComponent(match[2]) : undefined;
    readJson(request).then(
      (activity) => {
        if (method === 'PUT' && targetId) {
          updates.push({ activityId: targetId, conversationId, activity });
          answer(200, { id: targetId });
          return;
        }
        next += 1;
        const id = `fake-activity-${next}`;
        const authorization = request.headers.authorization;
        activities.push({
          id,
          conversationId,
          ...(targetId ? { replyToId: targetId } : {}),
          activity,
          ...(authorization ? { authorization } : {}),
        });
        answer(200, { id });
      },
      () => answer(400, { error: { code: 'BadArgument', message: 'invalid JSON' } }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    activities,
    updates,
    unknown,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
