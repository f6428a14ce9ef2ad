/**
 * Wires the bot from configuration: the conversation store, the backend (the embedded sandbox or
 * `BACKEND_URL`), the dialogs and their collaborators (FAQ, desk contacts, live desk, receipts). Used by the HTTP
 * server, the terminal chat and the end-to-end tests, so all three run the same bot.
 */

import { createHash } from 'node:crypto';
import pino, { type DestinationStream } from 'pino';
import {
  createAuditOutbox,
  createAuditTrail,
  DEFAULT_OUTBOX_TTL_MS,
  handoffEntry,
  type OutboxRecord,
  openAuditLog,
  startRetention,
  userTextFacts,
} from './audit-log/index.js';
import { currentCorrelationId, newCorrelationId } from './backend/client/logger.js';
import { worstCaseCallMs } from './backend/client/retry-policy.js';
import { connectBackend } from './backend/connect.js';
import { parseClosures } from './calendar/closures.js';
import { staticAgentDirectory } from './channels/agent-directory.js';
import { agentOperations } from './channels/agent-operations.js';
import { type AgentSession, type AgentSessions, keyvAgentSessions } from './channels/agent-sessions.js';
import { type Deduper, keyvDeduper } from './channels/dedupe.js';
import type { SpeakerDeps } from './channels/speaker.js';
import { type Clock, createClock } from './clock.js';
import { agentRoomsConfigured, type Config } from './config.js';
import type { DialogBehaviour } from './engine/behaviour.js';
import { DEFAULT_IN_FLIGHT_LEASE_MS } from './engine/core/definition.js';
import type { EngineEvent } from './engine/events.js';
import type { DeskContactsProvider, QuestionAnswerer, Router } from './engine/hooks.js';
import { type OperationOutcome, type OperationRegistry, observeOperations } from './engine/operations.js';
import { createEngine, type Engine } from './engine/runtime.js';
import type { ConversationState } from './engine/state.js';
import { createStore } from './engine/store/index.js';
import type { ConversationStore } from './engine/store/types.js';
import type { Catalogs } from './engine/text/catalog.js';
import type { Dialog } from './engine/tree/schema.js';
import type { Locale } from './engine/turn.js';
import { checkReadiness, type Readiness } from './http/health.js';
import { VERIFIED_CUSTOMER_ID } from './identity/credentials.js';
import { type CustomerFeed, memoryFeed } from './live-desk/feed.js';
import { createRedisFeed } from './live-desk/feed-redis.js';
import {
  calendarHours,
  createLiveDesk,
  type DeskRecord,
  DeskRegistry,
  type HandoffEvent,
  LIVE_DESK_TTL_MS,
  type LiveDesk,
} from './live-desk/index.js';
import { keyvControls, memoryControls, type RoomControls } from './live-desk/room-controls.js';
import { type BotMetrics, countStoreErrors, createBotMetrics } from './metrics/bot-metrics.js';
import { tellEngine } from './pipeline/desk-notices.js';
import { createTurnPipeline, type TurnPipeline } from './pipeline/index.js';
import { receiptBody, receiptTitle } from './receipts/format.js';
import { openReceiptKeyv } from './receipts/keyv.js';
import { receiptOperations } from './receipts/operations.js';
import { createReceiptRecorder } from './receipts/recorder.js';
import { ReceiptStore } from './receipts/store.js';
import { createLogger } from './redaction/redact.js';
import type { OutboxMail } from './sandbox/api/route.js';
import { DEMO_AGENT_KEYS } from './sandbox/demo-data.js';
import { openKeyv } from './storage/open-keyv.js';
import { storeBackendFor } from './storage/store-backend.js';

/** A set of dialogs with everything they reference by name. */
export interface DialogBundle {
  dialogs: Dialog[];
  behaviour: DialogBehaviour;
  catalogs: Catalogs;
  rootDialog: string;
  /** Dialogs a channel may start directly (home-tab buttons, slash commands); the root dialog always. */
  entryPoints?: string[];
  router?: Router;
  faq?: QuestionAnswerer;
  deskContacts?: DeskContactsProvider;
  /** Operations that are not backend calls (the sample's fake backend). */
  extraOperations?: OperationRegistry;
}

/** The live desk (live chat with an agent): the desk, and the registry channels add their rooms and deliveries to. */
export interface BotLiveDesk {
  desk: LiveDesk;
  registry: DeskRegistry;
  /**
   * The desk's messages for customers whose chat is a connection held by one instance (the web chat's event
   * stream): in memory, or on Redis with STORE=redis so every instance reads what any published. Bodies are the
   * publishing channel's own (see `adapters/web/events.ts`).
   */
  feed: CustomerFeed<unknown>;
  /** Where agents' rooms remember each ticket's thread controls (shared except on the memory store). */
  controls: RoomControls;
}

export interface Bot {
  /**
   * The one turn pipeline (src/pipeline) in front of the engine: what every channel calls. It has no rate limit;
   * the composition root adds the channels' limiter with `pipeline.with({ limiter })`.
   */
  pipeline: TurnPipeline;
  /**
   * The pipeline for a Turn whose speaker is already decided (`pipeline.handleTurn`), shaped like an engine, for
   * tools and tests that talk to the bot directly: same stages, same replies as a channel gets.
   */
  engine: Engine;
  /**
   * Present when an agents' room is configured (SLACK_HANDOFF_CHANNEL / TEAMS_HANDOFF_CONVERSATION); the front
   * offers a person only once a channel has registered a room.
   */
  liveDesk: BotLiveDesk | undefined;
  /** What chat channels share: who speaks (agent sessions, the agent directory) and delivery de-duplication. */
  channels: { speakers: SpeakerDeps; sessions: AgentSessions; deduper: Deduper };
  /**
   * Reads a receipt by number for a channel that has already decided the reader may see it (e.g. the web chat
   * serves only receipts shown in the same session).
   */
  receipts: {
    /** `title` once, `lines` the body for people, `json` the stored receipt with every id (for machines). */
    read(
      id: string,
      locale: Locale,
    ): Promise<{ id: string; title: string; lines: string[]; json: unknown } | undefined>;
  };
  /** The bot's clock. */
  clock: Clock;
  /** Whether the conversation store, the audit log and the backend answer (`/readyz`). */
  readiness(): Promise<Readiness>;
  /** The audit outbox: `flush` delivers what is queued now (tests, shutdown); `backlog` counts what waits. */
  audit: { flush(): Promise<void>; backlog(): number };
  /** Prometheus metrics of this bot instance (`/metrics`; its own registry). */
  metrics: BotMetrics;
  /** The fault log, for channels' own errors. */
  onError: NonNullable<BotOptions['onError']>;
  /** What is running, for the start-up message. */
  banner: string;
  close(): Promise<void>;
}

export interface BotOptions {
  bundle: DialogBundle;
  clock?: Clock;
  store?: ConversationStore<ConversationState>;
  /** The embedded sandbox keeps its data in memory (tests) instead of `SANDBOX_PATH`. */
  sandboxInMemory?: boolean;
  onMail?: (mail: OutboxMail) => void;
  /** Wraps the operations (tests record calls here). */
  decorateOperations?: (operations: OperationRegistry) => OperationRegistry;
  onEvent?: (event: EngineEvent) => void | Promise<void>;
  trace?: (dialogId: string, nodeId: string) => void;
  onError?: (error: unknown, context: { conversationKey: string; phase: string }) => void;
  /** Where the fault log goes (default stderr); tests pass a collecting stream. */
  logDestination?: DestinationStream;
}

interface FaultLog {
  /** Our own faults (bugs, store or event failures): `BotOptions.onError`'s default. */
  onError: NonNullable<BotOptions['onError']>;
  /** Something the operator should change, not a fault (e.g. the audit log's role owns its table). */
  onWarning(message: string): void;
  /** A backend call that got no usable answer (`unreachable`) or one our side cannot use (`bug`). */
  onBackendFault(operation: string, outcome: OperationOutcome & { ok: false }, conversationKey: string): void;
}

/**
 * The fault log: one line per fault, with the phase or operation, never the turn's text; the conversation key is
 * hashed, since it carries platform user ids. Every line carries the `correlationId` of the turn it happened in
 * (a fresh one outside a turn), which the backend client's lines for that turn share.
 */
function logFaults(config: Config, destination?: DestinationStream): FaultLog {
  // Opened on the first fault: a bot whose faults go elsewhere (`BotOptions.onError`) may never need it.
  let opened: ReturnType<typeof createLogger> | undefined;
  const logger = () =>
    (opened ??= createLogger({
      level: config.LOG_LEVEL,
      name: 'helpdesk-bot',
      // The configured credentials are masked wherever they appear, whatever a fault's message quotes.
      secrets: [
        config.BACKEND_AGENT_KEY,
        config.SLACK_BOT_TOKEN,
        config.SLACK_SIGNING_SECRET,
        config.SLACK_APP_TOKEN,
        config.MicrosoftAppPassword,
        config.WEB_TOKEN_SECRET,
        config.LINE_CHANNEL_SECRET,
        config.LINE_CHANNEL_ACCESS_TOKEN,
      ],
      // To stderr by default, so logs never mix with the terminal chat's replies on stdout.
      destination: destination ?? pino.destination(2),
    }));
  const about = (conversationKey: string) => ({
    correlationId: currentCorrelationId() ?? newCorrelationId(),
    conversation: createHash('sha256').update(conversationKey).digest('hex').slice(0, 12),
  });
  return {
    onError(error, { conversationKey, phase }) {
      logger().error({ err: error, ...about(conversationKey), phase }, 'fault while handling a turn');
    },
    onWarning(message) {
      logger().warn({ correlationId: currentCorrelationId() ?? newCorrelationId() }, message);
    },
    onBackendFault(operation, outcome, conversationKey) {
      const fields = { ...about(conversationKey), operation, kind: outcome.kind, detail: outcome.detail };
      if (outcome.kind === 'bug') logger().error(fields, 'backend call failed');
      else logger().warn(fields, 'backend unavailable');
    },
  };
}

/** Backend operations that report each failed call (not a business refusal) to the fault log once. */
function withFaultLog(operations: OperationRegistry, log: FaultLog): OperationRegistry {
  return observeOperations(operations, (name, outcome, { ctx }) => {
    if (!outcome.ok && outcome.kind !== 'refused') log.onBackendFault(name, outcome, ctx.conversationKey);
  });
}

/** A cheap audit-log query: nothing is that late, so the database answers at once. */
const FAR_FUTURE = new Date('9999-01-01T00:00:00.000Z');

/** Customers' receipt lists are kept (practically) for good: ten years. */
const RECEIPT_INDEX_TTL_MS = 10 * 365 * 24 * 3600_000;

function storeFor(config: Config): Promise<ConversationStore<ConversationState>> {
  // Kept past the idle limit, so an expired conversation can still be told that nothing changed.
  return createStore({ ...storeBackendFor(config), ttlMs: config.CONVERSATION_IDLE_HOURS * 3600_000 * 2 });
}

export async function createBot(config: Config, options: BotOptions): Promise<Bot> {
  const clock = options.clock ?? createClock({ BOT_NOW: config.BOT_NOW });
  const { bundle } = options;
  const metrics = createBotMetrics({
    idleMs: config.CONVERSATION_IDLE_HOURS * 3600_000,
    rootDialog: bundle.rootDialog,
  });
  const store = countStoreErrors(options.store ?? (await storeFor(config)), (operation) =>
    metrics.storeError(operation),
  );
  const backend = await connectBackend(config, {
    clock,
    onBackendCall: (operation, status, outcome) => metrics.backendCall(operation, status, outcome),
    sandboxStore: options.sandboxInMemory ? 'memory' : 'file',
    ...(options.onMail ? { onMail: options.onMail } : {}),
  });
  const receiptKeyv = await openReceiptKeyv(config);
  const receiptIndex = await createStore<string[]>({
    ...storeBackendFor(config),
    namespace: 'receipt-index',
    ttlMs: RECEIPT_INDEX_TTL_MS,
  });
  const receipts = new ReceiptStore(receiptKeyv, receiptIndex);
  const sessionKeyv = await openKeyv<AgentSession>(config, 'agent-sessions');
  const dedupeKeyv = await openKeyv<number>(config, 'deliveries');
  const sessions = keyvAgentSessions(sessionKeyv);
  const speakers: SpeakerDeps = {
    directory: staticAgentDirectory({ slack: config.SLACK_AGENT_USERS, teams: config.TEAMS_AGENT_USERS }),
    sessions,
    // The embedded sandbox knows its demo agent key; a real backend's key must be configured.
    agentKey: config.BACKEND_AGENT_KEY ?? (backend.embedded ? Object.keys(DEMO_AGENT_KEYS)[0] : undefined),
  };
  const faultLog = logFaults(config, options.logDestination);
  const onError = options.onError ?? faultLog.onError;
  const recorder = createReceiptRecorder(receipts, receiptKeyv);
  // The audit log (audit-log/): entries derived from the same events as receipts; purged past the retention.
  const auditFault = (phase: string) => (error: unknown) =>
    onError(error, { conversationKey: 'audit-log', phase });
  const auditLog = await openAuditLog(config, {
    onError: auditFault('audit-log connection'),
    onWarning: (message) => faultLog.onWarning(message),
    onSummaryError: auditFault('audit-log summary'),
  });
  const auditRetention = await startRetention(auditLog, {
    days: config.AUDIT_RETENTION_DAYS,
    now: () => clock.now(),
    onError: auditFault('audit-log retention'),
  });
  // Invariant 9: entries are durable in the conversation storage first (the outbox), then delivered to the log.
  const outboxStore = await createStore<OutboxRecord>({
    ...storeBackendFor(config),
    namespace: 'audit-outbox',
    ttlMs: DEFAULT_OUTBOX_TTL_MS,
  });
  const auditOutbox = createAuditOutbox({
    store: outboxStore,
    log: auditLog,
    now: () => Date.now(),
    onError: (error, phase) => {
      metrics.auditDeliveryError(phase);
      auditFault(`audit-outbox ${phase}`)(error);
    },
  });
  const auditTrail = createAuditTrail(
    { append: (entries) => auditOutbox.enqueue(entries) },
    {
      userText: userTextFacts(bundle.catalogs),
      mutating: (name) => operations[name]?.mutates === true,
    },
  );
  // A promise only when there is something to wait for (a receipt to record, the caller's own listener): the
  // engine awaits what this answers, and the metrics alone cost it no microtask per event.
  const emit = (event: EngineEvent): Promise<void> | undefined => {
    metrics.event(event);
    const recording = recorder.onEvent(event);
    const listener = options.onEvent;
    if (!recording && !listener) return undefined;
    return (async () => {
      await recording;
      await listener?.(event);
    })();
  };
  const operations = {
    ...withFaultLog(backend.operations, faultLog),
    ...receiptOperations(receipts, recorder),
    ...agentOperations(sessions, () => clock.now()),
    ...bundle.extraOperations,
  };
  const engine = createEngine({
    dialogs: bundle.dialogs,
    rootDialog: bundle.rootDialog,
    entryPoints: bundle.entryPoints,
    catalogs: bundle.catalogs,
    behaviour: bundle.behaviour,
    router: bundle.router,
    faq: bundle.faq,
    deskContacts: bundle.deskContacts,
    operations: options.decorateOperations ? options.decorateOperations(operations) : operations,
    store,
    now: () => clock.now(),
    idleTtlMs: config.CONVERSATION_IDLE_HOURS * 3600_000,
    onEvent: emit,
    recordEvents: (events) => auditTrail.record(events),
    trace: options.trace,
    onError,
    describableCredentials: [VERIFIED_CUSTOMER_ID],
    satisfaction: config.SATISFACTION_QUESTION,
    // A call may be in flight for the client's worst case (every attempt and wait), plus a margin.
    inFlightLeaseMs: Math.max(DEFAULT_IN_FLIGHT_LEASE_MS, worstCaseCallMs(config.BACKEND_TIMEOUT_MS) + 5_000),
  });
  const onHandoff = async (event: HandoffEvent) => {
    metrics.handoff(event);
    await auditOutbox.enqueue([handoffEntry(event)]);
  };
  const liveDesk = agentRoomsConfigured(config)
    ? await openLiveDesk(config, engine, speakers, clock, onError, onHandoff)
    : undefined;
  const deduper = keyvDeduper(dedupeKeyv);
  const pipeline = createTurnPipeline({
    engine,
    deduper,
    speakers,
    desk: liveDesk?.desk,
    receipts: recorder,
    metrics: (metric) => metrics.turn(metric),
    onError,
  });
  return {
    pipeline,
    engine: {
      definition: engine.definition,
      describe: (conversationKey) => engine.describe(conversationKey),
      handle: async (turn) => (await pipeline.handleTurn(turn)).replies,
    },
    liveDesk: liveDesk && {
      desk: liveDesk.desk,
      registry: liveDesk.registry,
      feed: liveDesk.feed,
      controls: liveDesk.controls,
    },
    metrics,
    channels: { speakers, sessions, deduper },
    clock,
    audit: { flush: () => auditOutbox.flush(), backlog: () => auditOutbox.backlog() },
    readiness: () =>
      checkReadiness([
        { name: 'conversation-store', check: () => store.get('readiness-probe') },
        { name: 'audit-log', check: () => auditLog.query({ since: FAR_FUTURE, limit: 1 }) },
        // Any HTTP answer (even 404) means the backend is reachable.
        { name: 'backend', check: () => fetch(backend.url, { signal: AbortSignal.timeout(2_000) }) },
      ]),
    receipts: {
      async read(id, locale) {
        const receipt = await receipts.get(id).catch(() => undefined);
        return (
          receipt && {
            id: receipt.receiptId,
            title: receiptTitle(receipt, locale),
            lines: receiptBody(receipt, locale),
            json: receipt,
          }
        );
      },
    },
    onError,
    banner: `backend ${backend.embedded ? `embedded sandbox at ${backend.url}` : backend.url}; conversations in ${config.STORE}`,
    async close() {
      await store.close();
      await backend.close();
      await receiptKeyv.disconnect();
      await receiptIndex.close();
      await sessionKeyv.disconnect();
      await dedupeKeyv.disconnect();
      auditRetention.stop();
      await auditOutbox.close();
      await outboxStore.close();
      await auditLog.close();
      await liveDesk?.store.close();
      await liveDesk?.feed.close();
      await liveDesk?.controls.close();
    },
  };
}

/**
 * The live desk on its own store (namespace `handoff`: a stored name, kept), with a registry for the channels' rooms
 * and deliveries.
 */
async function openLiveDesk(
  config: Config,
  engine: Engine,
  speakers: SpeakerDeps,
  clock: Clock,
  onError: NonNullable<BotOptions['onError']>,
  onHandoff: (event: HandoffEvent) => Promise<void>,
): Promise<BotLiveDesk & { store: ConversationStore<DeskRecord> }> {
  const store = await createStore<DeskRecord>({
    ...storeBackendFor(config),
    namespace: 'handoff',
    ttlMs: LIVE_DESK_TTL_MS,
  });
  const registry = new DeskRegistry(speakers.directory);
  // Kept as long as a web session may be idle: a page reconnecting within that time resumes from its last id.
  const feedTtlMs = config.CONVERSATION_IDLE_HOURS * 3600_000;
  const feed: CustomerFeed<unknown> =
    config.STORE === 'redis'
      ? await createRedisFeed({ url: config.REDIS_URL ?? '', ttlMs: feedTtlMs })
      : memoryFeed({ ttlMs: feedTtlMs });
  const controls =
    config.STORE === 'memory'
      ? memoryControls()
      : keyvControls(await openKeyv<string>(config, 'handoff-controls'), LIVE_DESK_TTL_MS);
  const desk = createLiveDesk({
    store,
    engine,
    rooms: registry.rooms,
    customers: registry,
    directory: registry.directory,
    ...calendarHours(parseClosures(config.BOT_CLOSURES)),
    now: () => clock.now(),
    onHandoff,
    // The satisfaction question after the live chat (src/engine/core/desk-notice.ts).
    afterLiveEnded: (ticket) =>
      tellEngine(
        engine,
        { ...ticket, actorId: ticket.summary.customer.actorId },
        'live-ended',
        ticket.summary.dialogId,
      ),
    onError: (error, { phase, ticketId }) =>
      onError(error, { conversationKey: `live-desk:${ticketId ?? '-'}`, phase: `live desk: ${phase}` }),
  });
  return { desk, registry, store, feed, controls };
}
