/**
 * What a chat channel (web, Slack, Teams) gets from the composition root and gives back. A channel translates
 * platform events into Turns for `engine.handle` and Replies into platform messages; it decides nothing about a
 * procedure.
 */
import type { Bot, BotLiveDesk } from '../bot.js';
import type { Config } from '../config.js';
import type { Route } from '../http/routes.js';
import type { TurnPipeline } from '../pipeline/index.js';
import type { Deduper } from './dedupe.js';
import type { RateLimit, RateLimiter } from './rate-limit.js';
import type { SpeakerDeps } from './speaker.js';

export interface ChannelContext {
  config: Config;
  /**
   * The one turn pipeline (de-duplication, rate limit, speaker, correlation id, live desk, receipt notices) in
   * front of the engine: a channel hands it an `InboundTurn` and renders the replies; it runs no stage itself.
   */
  pipeline: TurnPipeline;
  /** Who is an agent (the home tab / welcome card differ for agents); the pipeline resolves speakers itself. */
  speakers: SpeakerDeps;
  /** Delivery ids already handled, for deliveries that are not turns (agents' rooms of the live desk). */
  deduper: Deduper;
  /** The bot's clock (fixed by BOT_NOW in demos and tests), for token expiry and message times. */
  now(): Date;
  /** Reads a receipt by number; the channel decides who may see it (see `Bot.receipts`). */
  receipts: Bot['receipts'];
  /**
   * The live desk (`Bot.liveDesk`), when an agents' room is configured: channels register their customer delivery
   * (and, for the configured room, the agents' room) in `liveDesk.registry` when created, and pass agents' clicks
   * and thread replies to `liveDesk.desk`.
   */
  liveDesk?: BotLiveDesk | undefined;
  /**
   * Further limits a channel keeps (e.g. the web chat's per session), on the same store as `limiter` (Redis with
   * STORE=redis). Absent in harnesses: the channel then limits in its own memory.
   */
  limiterFor?: (name: string, limit: RateLimit) => RateLimiter;
  /** Our own faults, logged redacted; never shown to users. */
  onError(error: unknown, context: { channel: string; phase: string }): void;
}

export interface Channel {
  name: string;
  /** HTTP routes mounted on the bot's server (none for Socket Mode). */
  routes: Route[];
  /** Starts background connections (Socket Mode); resolves when ready. */
  start?(): Promise<void>;
  /**
   * Shutdown has begun (new connections are refused): end long-lived responses now (the web chat's event
   * streams), so they neither hold the grace period for requests in flight nor keep clients on this instance.
   */
  drain?(): void;
  close(): Promise<void>;
}
