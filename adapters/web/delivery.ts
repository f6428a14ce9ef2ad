/**
 * Live desk → the web chat: messages from the desk (an agent joined, the agent's words, "back to the bot" and
 * the question shown again) are appended to the session's transcript as bot entries, under the session's lock so
 * they never interleave with a turn within this instance (across instances the transcript's compare-and-set keeps
 * both). The new entries are then published to the customer feed: whichever instance holds the page's event
 * stream (`GET /chat/api/events`, events.ts) is woken and pushes them. Nothing is decided here.
 */
import type { CustomerFeed } from '../../src/live-desk/feed.js';
import type { CustomerDelivery, LiveDesk } from '../../src/live-desk/index.js';
import type { WebDeps } from './deps.js';
import type { WebFeedBody } from './events.js';

const PREFIX = 'web:';

/** The session id of a web conversation key (`web:<session id>`), or `undefined` for any other key. */
export function sessionOfKey(conversationKey: string): string | undefined {
  if (!conversationKey.startsWith(PREFIX)) return undefined;
  const id = conversationKey.slice(PREFIX.length);
  return /^[A-Za-z0-9_-]+$/.test(id) ? id : undefined;
}

/** Rejects when the key is not a web session's or the session is gone (expired): nobody would see the messages. */
export function webDelivery(
  deps: Pick<WebDeps, 'sessions' | 'transcripts' | 'locks' | 'now'>,
  feed: CustomerFeed<unknown> | undefined,
): CustomerDelivery {
  return {
    async deliver(conversationKey, replies) {
      const sessionId = sessionOfKey(conversationKey);
      if (sessionId === undefined) throw new Error('Not a web chat conversation key.');
      await deps.locks.run(sessionId, async () => {
        if (!(await deps.sessions.get(sessionId))) throw new Error('The web chat session has expired.');
        const entries = await deps.transcripts.append(
          sessionId,
          replies.map((reply) => ({ from: 'bot' as const, reply })),
          deps.now(),
        );
        // In the transcript already: a page that misses this push reads them from the history.
        const body: WebFeedBody = { entries };
        await feed?.publish(conversationKey, body);
      });
    },
  };
}

/**
 * What the page needs to know to fetch messages arriving outside its turns: `live` (a person is joining or
 * talking: poll often), `request` (a request left for later, which an agent may answer: poll rarely), or nothing.
 */
export type DeskState = 'live' | 'request' | undefined;

export async function deskStateOf(
  desk: LiveDesk | undefined,
  sessionId: string,
  onError: (error: unknown) => void,
): Promise<DeskState> {
  if (!desk?.available) return undefined;
  try {
    const ticket = await desk.currentTicket(`${PREFIX}${sessionId}`);
    if (!ticket) return undefined;
    return ticket.status === 'request' ? 'request' : 'live';
  } catch (error) {
    onError(error);
    return undefined;
  }
}
