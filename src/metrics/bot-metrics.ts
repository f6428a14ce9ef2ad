/**
 * The bot's Prometheus metrics (`prom-client`), on a registry of its own per bot instance — never the global
 * default — so two bots in one process (tests) never share or collide. What each metric means, its type and
 * labels: docs/operations.md ("Metrics"). Labels are bounded sets (channel, outcome, operation, status class…):
 * never a user, conversation, item or ticket id.
 *
 * Every recorder here is cheap (a counter increment or a map update) and never throws into a turn.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { EngineEvent } from '../engine/events.js';
import type { ConversationStore } from '../engine/store/types.js';
import type { HandoffEvent } from '../live-desk/desk-types.js';
import type { TurnMetric } from '../pipeline/stages/metrics.js';

/** How a backend call ended, as the `outcome` label says it. */
export type BackendCallOutcome = 'ok' | 'refused' | 'unreachable' | 'off-contract' | 'bug';

export interface BotMetricsOptions {
  /** Idle limit: a conversation with no turn for this long is no longer counted as in progress. */
  idleMs: number;
  /** Monotonic-enough clock for the in-progress window (default `Date.now`). */
  now?: () => number;
  /** The root dialog (the menu): sitting at it is not a procedure in progress. */
  rootDialog?: string;
  /** Most conversations tracked for the in-progress gauge (oldest forgotten first). Default 100,000. */
  maxConversations?: number;
}

export interface BotMetrics {
  readonly registry: Registry;
  /** The pipeline's metrics stage hook: one call per turn. */
  turn(metric: TurnMetric): void;
  /** One backend call: operation id, HTTP status (`undefined`: no answer), how it ended. */
  backendCall(operation: string, status: number | undefined, outcome: BackendCallOutcome): void;
  /** An engine event (conversations in progress). */
  event(event: EngineEvent): void;
  /** A live-desk handoff. */
  handoff(event: HandoffEvent): void;
  /** A refusal by a rate limit (`limit`: the limiter's name, e.g. `users`, `web-sessions`). */
  rateLimited(limit: string): void;
  /** A conversation-store operation failed. */
  storeError(operation: string): void;
  /** The audit outbox could not deliver to (or store for) the audit log. */
  auditDeliveryError(phase: string): void;
  /** The Prometheus text exposition of every metric. */
  scrape(): Promise<{ contentType: string; body: string }>;
}

/** Seconds; from a fast engine turn to a slow backend's worst case. */
const TURN_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Seconds from a live request to a claim: from moments to an hour. */
const CLAIM_BUCKETS = [10, 30, 60, 120, 300, 600, 1200, 1800, 3600];

/** `2xx`, `4xx`, `5xx`… or `none` (no HTTP answer): the status label, bounded. */
export function statusClass(status: number | undefined): string {
  return status === undefined ? 'none' : `${Math.floor(status / 100)}xx`;
}

export function createBotMetrics(options: BotMetricsOptions): BotMetrics {
  const registry = new Registry();
  const now = options.now ?? Date.now;
  const root = options.rootDialog ?? 'menu';
  const max = options.maxConversations ?? 100_000;
  const prefix = 'helpdesk_';

  const turns = new Counter({
    name: `${prefix}turns_total`,
    help: 'Turns handled by the pipeline, by channel and outcome (answered, duplicate, rate-limited, relayed, failed).',
    labelNames: ['channel', 'outcome'] as const,
    registers: [registry],
  });
  const turnSeconds = new Histogram({
    name: `${prefix}turn_duration_seconds`,
    help: 'Wall time of a turn through the whole pipeline (engine and backend calls included), by channel.',
    labelNames: ['channel'] as const,
    buckets: TURN_BUCKETS,
    registers: [registry],
  });
  const backendCalls = new Counter({
    name: `${prefix}backend_calls_total`,
    help: 'Backend operations called, by operation, HTTP status class (none: no answer) and outcome (ok, refused, unreachable, off-contract, bug).',
    labelNames: ['operation', 'status', 'outcome'] as const,
    registers: [registry],
  });
  const storeErrors = new Counter({
    name: `${prefix}store_errors_total`,
    help: 'Conversation-store operations that failed, by operation.',
    labelNames: ['operation'] as const,
    registers: [registry],
  });
  const auditErrors = new Counter({
    name: `${prefix}audit_delivery_errors_total`,
    help: 'Audit outbox failures (delivery to the audit log, or writing the outbox), by phase.',
    labelNames: ['phase'] as const,
    registers: [registry],
  });
  const handoffs = new Counter({
    name: `${prefix}handoffs_total`,
    help: 'Handoffs to a person, by kind (live: live chat asked, request: request left, claimed: an agent took one).',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  const claimWait = new Histogram({
    name: `${prefix}handoff_claim_wait_seconds`,
    help: 'Time from a handoff request to its claim by an agent.',
    buckets: CLAIM_BUCKETS,
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: `${prefix}rate_limit_refusals_total`,
    help: 'Requests or turns refused by a rate limit, by limit name.',
    labelNames: ['limit'] as const,
    registers: [registry],
  });

  // Conversations with a procedure open (a dialog other than the menu), last seen within the idle limit.
  const open = new Map<string, { depth: number; seen: number }>();
  new Gauge({
    name: `${prefix}conversations_in_progress`,
    help: 'Conversations this instance saw with a procedure open and a turn within the idle limit (per instance).',
    registers: [registry],
    collect() {
      const since = now() - options.idleMs;
      let count = 0;
      for (const [key, entry] of open) {
        if (entry.seen < since) open.delete(key);
        else if (entry.depth > 0) count += 1;
      }
      this.set(count);
    },
  });

  return {
    registry,
    turn(metric) {
      turns.inc({ channel: metric.channel, outcome: metric.outcome });
      turnSeconds.observe({ channel: metric.channel }, metric.durationMs / 1000);
      if (metric.outcome === 'rate-limited') rateLimited.inc({ limit: 'users' });
    },
    backendCall(operation, status, outcome) {
      backendCalls.inc({ operation, status: statusClass(status), outcome });
    },
    event(event) {
      if (event.kind !== 'dialog-started' && event.kind !== 'dialog-ended') return;
      if (event.dialogId === root) return;
      const key = event.conversationKey;
      const entry = open.get(key) ?? { depth: 0, seen: 0 };
      entry.depth = Math.max(0, entry.depth + (event.kind === 'dialog-started' ? 1 : -1));
      entry.seen = now();
      open.delete(key);
      if (entry.depth > 0) open.set(key, entry);
      if (open.size > max) open.delete(open.keys().next().value as string);
    },
    handoff(event) {
      handoffs.inc({ kind: event.kind });
      if (event.kind === 'claimed' && event.waitedMs !== undefined) claimWait.observe(event.waitedMs / 1000);
    },
    rateLimited(limit) {
      rateLimited.inc({ limit });
    },
    storeError(operation) {
      storeErrors.inc({ operation });
    },
    auditDeliveryError(phase) {
      auditErrors.inc({ phase });
    },
    async scrape() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}

/** `store` with every failed `get` / `compareAndSet` / `delete` counted (the error is passed on unchanged). */
export function countStoreErrors<T>(
  store: ConversationStore<T>,
  count: (operation: string) => void,
): ConversationStore<T> {
  const counted =
    <A extends unknown[], R>(operation: string, fn: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      fn(...args).then(undefined, (error: unknown) => {
        count(operation);
        throw error;
      });
  return {
    get: counted('get', (key: string) => store.get(key)),
    compareAndSet: counted('compareAndSet', (key: string, version: number, value: T) =>
      store.compareAndSet(key, version, value),
    ),
    delete: counted('delete', (key: string) => store.delete(key)),
    close: () => store.close(),
  };
}
