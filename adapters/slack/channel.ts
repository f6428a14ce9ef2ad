/**
 * The Slack channel: a Bolt app over the one engine. HTTP mode (SLACK_SIGNING_SECRET) exposes Bolt's own
 * HTTPReceiver behind a gate (http-gate.ts) as the route `POST /slack/events` — events, interactivity and slash
 * commands on that one path; Bolt verifies the signature (a bad one gets 401 and nothing runs), bodies are limited
 * to 1 MB, a signed body that is not a JSON object or an envelope Bolt cannot read gets 400 (never a 500 or a
 * crash), and every delivery is acknowledged before it is handled: Events API deliveries are acknowledged at once
 * and handled from a bounded queue (event-queue.ts); when it is full, or the channel is closing, the delivery is
 * answered 503 without an acknowledgement and Slack retries it. `close()` finishes what was acknowledged. Socket Mode (SLACK_APP_TOKEN) has no routes;
 * `start()` connects.
 *
 * The Web API base URL is SLACK_API_URL; known bot ids (SLACK_BOT_ID + SLACK_BOT_USER_ID) skip `auth.test`.
 * Bolt logs through the redacting logger; Bolt's and our own faults go to `context.onError`. Agents are the
 * configured ones plus, when SLACK_AGENT_USERGROUP is set, that group's members.
 *
 * Live desk (when `context.liveDesk` is set): Slack customers receive the desk's messages in their own
 * conversation, and SLACK_HANDOFF_CHANNEL becomes an agents' room (live-desk-room.ts, live-desk-inbound.ts).
 */
import { App, HTTPReceiver } from '@slack/bolt';
import { anyAgentDirectory } from '../../src/channels/agent-directory.js';
import type { Channel, ChannelContext } from '../../src/channels/channel.js';
import type { SpeakerDeps } from '../../src/channels/speaker.js';
import type { Route } from '../../src/http/routes.js';
import { openKeyv } from '../../src/storage/open-keyv.js';
import { slackUsergroupDirectory } from './agents.js';
import { webClientApi } from './api.js';
import { EventQueue } from './event-queue.js';
import { envelopeErrorHandler, SlackBusyError, slackEventsRoute } from './http-gate.js';
import { InFlight } from './in-flight.js';
import { registerInbound } from './inbound.js';
import { deskSlackApi } from './live-desk-api.js';
import { slackDelivery } from './live-desk-delivery.js';
import { registerDeskInbound } from './live-desk-inbound.js';
import { SlackAgentRoom } from './live-desk-room.js';
import { boltLogger } from './logger.js';
import { keyvQuestions, memoryQuestions, type PostedQuestion } from './open-questions.js';
import { Outbound } from './outbound.js';

export const SLACK_EVENTS_PATH = '/slack/events';
export const SLACK_BODY_LIMIT_BYTES = 1024 * 1024;
/** How long `close()` waits for deliveries still being handled. */
const CLOSE_GRACE_MS = 10_000;

/**
 * The work queue's bounds: deliveries handled at once, and acknowledged ones waiting before Slack is told to retry.
 * Two at once keeps the event loop free to acknowledge during a burst (1000 events/s: ack p99 14.8 ms with 2,
 * 158 ms with 16; bench/RESULTS.md "slack"); 4000 waiting ≈ 7 s of handling at the measured ≈ 1.6 ms per event.
 */
export const SLACK_QUEUE = { concurrency: 2, capacity: 4000 };

export interface SlackChannel extends Channel {
  /** Resolves once every acknowledged delivery has been handled (replies posted). */
  idle(): Promise<void>;
  /** The queue's counters (accepted, refused, handled, largest backlog) and its backlog now. */
  queueStats(options?: { resetHighWater?: boolean }): EventQueue['stats'] & { backlog: number };
}

/**
 * Events API callbacks (the high-volume deliveries: messages, mentions, App Home), when well-formed: their
 * acknowledgement carries nothing, so it can come first. Everything else — clicks, whose listeners acknowledge at
 * once; slash commands, whose acknowledgement carries an answer; envelopes Bolt would refuse — runs as Bolt runs it.
 */
function acknowledgedFirst(body: Record<string, unknown>): boolean {
  return body.type === 'event_callback' && typeof body.event === 'object' && body.event !== null;
}

/** What a delivery is called in logs: Slack's event id, or the kind of payload (never its text). */
function deliveryLabel(body: Record<string, unknown>): string {
  return typeof body.event_id === 'string' ? body.event_id : String(body.type);
}

export async function createSlackChannel(context: ChannelContext): Promise<SlackChannel> {
  const { config } = context;
  const token = config.SLACK_BOT_TOKEN;
  if (!token) throw new Error('SLACK_BOT_TOKEN is required for the Slack channel');
  const socketMode = config.SLACK_APP_TOKEN !== undefined;
  const report = (phase: string) => (error: unknown) => context.onError(error, { channel: 'slack', phase });
  const logger = boltLogger(config.LOG_LEVEL, undefined, [
    config.SLACK_BOT_TOKEN,
    config.SLACK_SIGNING_SECRET,
    config.SLACK_APP_TOKEN,
  ]);
  const options = {
    token,
    logger,
    clientOptions: {
      slackApiUrl: config.SLACK_API_URL,
      retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 5000 },
    },
    ...(config.SLACK_BOT_ID && config.SLACK_BOT_USER_ID
      ? { botId: config.SLACK_BOT_ID, botUserId: config.SLACK_BOT_USER_ID }
      : {}),
  };

  let receiver: HTTPReceiver | undefined;
  let app: App;
  if (socketMode) {
    app = new App({ ...options, appToken: config.SLACK_APP_TOKEN, socketMode: true });
  } else {
    if (!config.SLACK_SIGNING_SECRET)
      throw new Error('SLACK_SIGNING_SECRET is required for the Slack channel over HTTP');
    receiver = new HTTPReceiver({
      signingSecret: config.SLACK_SIGNING_SECRET,
      endpoints: SLACK_EVENTS_PATH,
      processBeforeResponse: false,
      bodyLimit: SLACK_BODY_LIMIT_BYTES,
      logger,
      processEventErrorHandler: envelopeErrorHandler(report('envelope')),
    });
    app = new App({ ...options, receiver });
  }

  // Events: acknowledged first, handled from a bounded queue (event-queue.ts). Anything else runs as Bolt runs it,
  // tracked until done.
  const inFlight = new InFlight();
  const queue = new EventQueue({ ...SLACK_QUEUE, onError: report('queue') });
  const processEvent = app.processEvent.bind(app);
  app.processEvent = async (event) => {
    if (!acknowledgedFirst(event.body)) return inFlight.track(processEvent(event));
    // Busy or closing: not acknowledged, so Slack delivers it again later (here or to another instance).
    if (!queue.offer(deliveryLabel(event.body), () => processEvent({ ...event, ack: async () => {} })))
      throw new SlackBusyError();
    await event.ack();
  };
  app.error(async (error) => report('bolt')(error));

  const api = webClientApi(app.client);
  const usergroup = config.SLACK_AGENT_USERGROUP;
  const groupDirectory =
    usergroup &&
    slackUsergroupDirectory({
      members: () => api.usergroupMembers(usergroup),
      onError: report('usergroup'),
    });
  const speakers: SpeakerDeps = groupDirectory
    ? { ...context.speakers, directory: anyAgentDirectory(context.speakers.directory, groupDirectory) }
    : context.speakers;
  // The last question per place survives a restart and is shared by instances, except on the memory store.
  const questions =
    config.STORE === 'memory'
      ? memoryQuestions()
      : keyvQuestions(
          await openKeyv<PostedQuestion>(config, 'slack-questions'),
          config.CONVERSATION_IDLE_HOURS * 3600_000,
        );
  const outbound = new Outbound(api, (error, phase) => report(phase)(error), questions);
  const pipeline = groupDirectory ? context.pipeline.with({ speakers }) : context.pipeline;
  registerInbound(app, { context, pipeline, speakers, api, outbound });

  // Live desk: Slack customers get the desk's messages; the configured channel is an agents' room.
  const liveDesk = context.liveDesk;
  if (liveDesk) {
    liveDesk.registry.addDelivery('slack', slackDelivery(outbound));
    if (groupDirectory) liveDesk.registry.addDirectory(groupDirectory);
    const roomChannel = config.SLACK_HANDOFF_CHANNEL;
    if (roomChannel) {
      const roomApi = deskSlackApi(app.client);
      liveDesk.registry.addRoom(new SlackAgentRoom(roomApi, roomChannel, 'ja', liveDesk.controls));
      registerDeskInbound(app, { context, desk: liveDesk.desk, api: roomApi, channel: roomChannel });
    }
  }

  const signingSecret = config.SLACK_SIGNING_SECRET;
  const routes: Route[] =
    receiver && signingSecret
      ? [
          slackEventsRoute(receiver, {
            path: SLACK_EVENTS_PATH,
            signingSecret,
            limitBytes: SLACK_BODY_LIMIT_BYTES,
          }),
        ]
      : [];
  const settle = async () => {
    const { abandoned } = await queue.close(CLOSE_GRACE_MS);
    if (abandoned.length > 0)
      report('shutdown')(
        new Error(
          `Stopped with ${abandoned.length} acknowledged Slack deliveries not handled: ${abandoned.join(', ')}`,
        ),
      );
    await Promise.race([
      inFlight.idle(),
      new Promise<void>((resolve) => setTimeout(resolve, CLOSE_GRACE_MS).unref()),
    ]);
  };

  return {
    name: 'slack',
    routes,
    async start() {
      if (socketMode) await app.start();
    },
    async close() {
      await settle();
      if (socketMode) await app.stop();
      await questions.close();
    },
    idle: async () => {
      await queue.idle();
      await inFlight.idle();
    },
    queueStats: (options) => {
      const stats = { ...queue.stats, backlog: queue.backlog };
      if (options?.resetHighWater) queue.resetHighWater();
      return stats;
    },
  };
}
