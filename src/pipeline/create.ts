/**
 * `createTurnPipeline(options)`: the one way every channel (web, Slack, Teams, the terminal, …) hands a turn to
 * the engine. The stages run in this order, each wrapping everything after it:
 *
 *   metrics → correlation → dedupe → rate-limit → speaker → live-desk → receipt-notices → engine.handle
 *
 * - metrics: every turn's channel, outcome and duration (the bot's Prometheus registry, src/metrics);
 * - correlation: the turn's W3C trace (the caller's `traceparent` or a new one); its trace id is the correlation
 *   id of every log line and is sent in `traceparent` on every backend call of the turn;
 * - dedupe: a delivery id seen before ends the turn (outcome `duplicate`, no replies);
 * - rate-limit: turns per platform user (outcome `rate-limited`, one reply);
 * - speaker: customer / agent / agent acting for a customer → conversation key, actor, credentials;
 * - live-desk: a person offered where the engine tells how to reach one; while a ticket is live the text goes
 *   to that person (outcome `relayed`);
 * - receipt-notices: the number of every receipt recorded during the turn.
 *
 * A stage whose dependency is not given passes the turn on unchanged, so a channel without agents (the terminal)
 * runs the same list. Adapters translate their platform into an `InboundTurn` and the replies back; they run no
 * stage of their own.
 */
import type { Deduper } from '../channels/dedupe.js';
import type { RateLimiter } from '../channels/rate-limit.js';
import type { SpeakerDeps } from '../channels/speaker.js';
import type { Engine } from '../engine/runtime.js';
import type { Turn } from '../engine/turn.js';
import type { LiveDesk } from '../live-desk/desk-types.js';
import { compose } from './compose.js';
import { tellEngine } from './desk-notices.js';
import { correlationStage } from './stages/correlation.js';
import { dedupeStage } from './stages/dedupe.js';
import { liveDeskStage } from './stages/live-desk.js';
import { type MetricsHook, metricsStage } from './stages/metrics.js';
import { rateLimitStage } from './stages/rate-limit.js';
import { type ReceiptSource, receiptNoticesStage } from './stages/receipt-notices.js';
import { speakerStage } from './stages/speaker.js';
import type { InboundTurn, NamedStage, TurnContext, TurnResult } from './types.js';

export interface TurnPipelineOptions {
  /** The engine (`createEngine`), unwrapped: the pipeline is the only thing in front of it. */
  engine: Engine;
  deduper?: Deduper | undefined;
  limiter?: RateLimiter | undefined;
  speakers?: SpeakerDeps | undefined;
  /** The live desk, when agents' rooms are configured. */
  desk?: LiveDesk | undefined;
  receipts?: ReceiptSource | undefined;
  metrics?: MetricsHook | undefined;
  /** Faults of the stages (the desk), for the operator's log; never includes message text. */
  onError?: (error: unknown, context: { conversationKey: string; phase: string }) => void;
}

export interface TurnPipeline {
  /** Runs one inbound turn through every stage and the engine. */
  handle(inbound: InboundTurn): Promise<TurnResult>;
  /**
   * The same stages for a Turn whose speaker is already decided (no platform user: the speaker and rate-limit
   * stages pass it on; a `Turn.id` is de-duplicated like a delivery id).
   */
  handleTurn(turn: Turn): Promise<TurnResult>;
  /** The stage names, in the order they run. */
  readonly stages: readonly string[];
  /** The same pipeline with some dependencies replaced (e.g. Slack adds its user-group agents; tests an engine). */
  with(overrides: Partial<TurnPipelineOptions>): TurnPipeline;
  /**
   * The engine behind the pipeline, for read-only questions (`describe`, `definition`) and for tests that watch
   * what the engine receives. Channels never call its `handle`: that would skip every stage.
   */
  readonly engine: Engine;
}

/** The stage list, in order (exported so the order is tested and documented from one place). */
export function turnStages(options: TurnPipelineOptions): NamedStage[] {
  return [
    metricsStage(options.metrics),
    correlationStage(),
    dedupeStage(options.deduper),
    rateLimitStage(options.limiter),
    speakerStage(options.speakers),
    liveDeskStage(options.desk, {
      describe: (key) => options.engine.describe(key),
      notify: (turn, notice, dialogId) =>
        tellEngine(options.engine, { ...turn, actorId: turn.actor.id }, notice, dialogId),
      ...(options.onError ? { onError: options.onError } : {}),
    }),
    receiptNoticesStage(options.receipts),
  ];
}

function initialTurn(inbound: InboundTurn): Turn {
  return {
    conversationKey: inbound.baseKey,
    ...(inbound.deliveryId !== undefined ? { id: inbound.deliveryId } : {}),
    channel: inbound.channel,
    actor: {
      kind: 'customer',
      id: inbound.user ? `${inbound.user.platform}:${inbound.user.userId}` : inbound.baseKey,
    },
    ...(inbound.locale !== undefined ? { locale: inbound.locale } : {}),
    input: inbound.input,
    ...(inbound.credentials !== undefined ? { credentials: inbound.credentials } : {}),
  };
}

export function createTurnPipeline(options: TurnPipelineOptions): TurnPipeline {
  const stages = turnStages(options);
  const run = compose(stages, (ctx) => options.engine.handle(ctx.turn));
  const execute = async (ctx: TurnContext): Promise<TurnResult> => {
    const replies = await run(ctx);
    return { replies, outcome: ctx.outcome, conversationKey: ctx.turn.conversationKey, turn: ctx.turn };
  };
  return {
    stages: stages.map((stage) => stage.name),
    engine: options.engine,
    handle: (inbound) => execute({ inbound, turn: initialTurn(inbound), outcome: 'answered' }),
    handleTurn: (turn) =>
      execute({
        inbound: {
          channel: turn.channel,
          baseKey: turn.conversationKey,
          deliveryId: turn.id,
          locale: turn.locale,
          input: turn.input,
          credentials: turn.credentials,
        },
        turn,
        outcome: 'answered',
      }),
    with: (overrides) => createTurnPipeline({ ...options, ...overrides }),
  };
}
