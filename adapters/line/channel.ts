/**
 * The LINE channel (Messaging API): `POST /line/webhook` (signature checked before parsing, http.ts) → each event
 * parsed (inbound.ts) → handled by the turn logic (bot.ts) after the 200, one user's events strictly in order
 * (a queue per user), different users in parallel. Replies go by reply token or push through the official SDK
 * (api.ts, outbound.ts), to LINE_API_URL.
 *
 * On only with LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN (see src/channels/enabled.ts). Our faults go to
 * `context.onError`, never to LINE (which already has its 200).
 *
 * Live desk (when `context.liveDesk` is set): LINE customers receive the desk's messages by push
 * (live-desk-delivery.ts). There is no agents' room on LINE: agents work in Slack or Teams.
 */
import type { Channel, ChannelContext } from '../../src/channels/channel.js';
import { openKeyv } from '../../src/storage/open-keyv.js';
import { type OpenQuestion, OpenQuestions } from './acknowledgements.js';
import { type LineApi, lineApi } from './api.js';
import { CHANNEL_NAME, createLineBot } from './bot.js';
import { lineWebhookRoute } from './http.js';
import { parseEvent } from './inbound.js';
import { lineDelivery } from './live-desk-delivery.js';
import { Outbound, type OutboundOptions } from './outbound.js';

/** How long `close()` waits for events still being handled. */
const CLOSE_GRACE_MS = 10_000;

export interface LineChannel extends Channel {
  /** Resolves once every accepted event has been handled (replies sent). */
  idle(): Promise<void>;
}

export interface LineChannelOptions extends OutboundOptions {
  /** Replaces the SDK client (tests of delivery faults). */
  api?: LineApi;
}

/** Runs each key's jobs one after another; tracks every job until it settles. */
class KeyedQueue {
  readonly #tails = new Map<string, Promise<void>>();
  readonly #running = new Set<Promise<void>>();

  run(key: string, job: () => Promise<void>): void {
    const tail = this.#tails.get(key) ?? Promise.resolve();
    const next = tail.then(job);
    this.#tails.set(key, next);
    this.#running.add(next);
    void next.finally(() => {
      this.#running.delete(next);
      if (this.#tails.get(key) === next) this.#tails.delete(key);
    });
  }

  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.allSettled([...this.#running]);
  }
}

export async function createLineChannel(
  context: ChannelContext,
  options: LineChannelOptions = {},
): Promise<LineChannel> {
  const { config } = context;
  const secret = config.LINE_CHANNEL_SECRET;
  const token = config.LINE_CHANNEL_ACCESS_TOKEN;
  if (!secret || !token)
    throw new Error('LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN are required for the LINE channel');
  const report = (phase: string) => (error: unknown) =>
    context.onError(error, { channel: CHANNEL_NAME, phase });
  const api = options.api ?? lineApi({ channelAccessToken: token, baseURL: config.LINE_API_URL });
  const outbound = new Outbound(api, options);
  const questionsKeyv = await openKeyv<OpenQuestion>(config, 'line-questions');
  const questions = new OpenQuestions(questionsKeyv, config.CONVERSATION_IDLE_HOURS * 3600_000);
  const bot = createLineBot({ context, outbound, questions });
  context.liveDesk?.registry.addDelivery('line', lineDelivery(bot));

  const queue = new KeyedQueue();
  const route = lineWebhookRoute({
    channelSecret: secret,
    now: () => outbound.now(),
    onEvents(events, receivedAt) {
      for (const raw of events) {
        const inbound = parseEvent(raw);
        if (inbound.kind === 'ignore') continue;
        queue.run(inbound.userId, () => bot.handle(inbound, receivedAt).catch(report('event')));
      }
    },
  });

  return {
    name: CHANNEL_NAME,
    routes: [route],
    idle: () => queue.idle(),
    async close() {
      await Promise.race([
        queue.idle(),
        new Promise<void>((resolve) => setTimeout(resolve, CLOSE_GRACE_MS).unref()),
      ]);
      await questionsKeyv.disconnect().catch(report('close'));
    },
  };
}
