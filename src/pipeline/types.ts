/**
 * The types of the one turn pipeline: what an adapter hands in (`InboundTurn`), what every stage sees
 * (`TurnContext`), a stage (`Stage`, Koa/grammY style `(ctx, next) => Promise<Reply[]>`), and what the adapter gets
 * back (`TurnResult`). No platform types here: adapters translate into and out of these.
 */
import type { Platform } from '../channels/speaker.js';
import type { Locale, Reply, Turn, TurnInput } from '../engine/turn.js';

/** One input as an adapter translated it, before anyone decided who speaks or whether it runs. */
export interface InboundTurn {
  /** The channel's name (`web`, `slack`, `teams`, `cli`, …), passed on as `Turn.channel`. */
  channel: string;
  /**
   * Who typed or clicked, as the platform names them. The speaker stage decides from it whether this is a
   * customer or an agent acting for one; the rate limit is counted per user. Absent for a turn whose speaker is
   * already decided (`TurnPipeline.handleTurn`).
   */
  user?: { platform: Platform; userId: string } | undefined;
  /** The channel's conversation key (e.g. `slack:T1:C1:U1`); an agent's session scopes it per customer. */
  baseKey: string;
  /** The platform's id of this delivery (Slack event id, Teams activity id…): recognises redeliveries. */
  deliveryId?: string | undefined;
  locale?: Locale | undefined;
  input: TurnInput;
  /**
   * The W3C `traceparent` the platform's request carried (the web chat's HTTP request), if any: the turn joins
   * that trace (its trace id becomes the correlation id). Absent or invalid: the turn starts a trace of its own.
   */
  traceparent?: string | undefined;
  /** Credentials the channel itself vouches for on this turn (e.g. the web chat's signed site token). */
  credentials?: Readonly<Record<string, string>> | undefined;
}

/**
 * What a turn ended as, besides its replies:
 * - `answered`: the engine (or the live desk) answered;
 * - `duplicate`: a delivery already handled (nothing ran, no replies);
 * - `rate-limited`: over the per-user limit (nothing ran; one reply says so);
 * - `relayed`: the text went to a person in a live chat (no replies from the bot).
 */
export type TurnOutcome = 'answered' | 'duplicate' | 'rate-limited' | 'relayed';

/** What every stage sees and may change, like Koa's `ctx`. */
export interface TurnContext {
  readonly inbound: InboundTurn;
  /** The Turn as the engine will receive it; the speaker stage sets the conversation key, actor and credentials. */
  turn: Turn;
  outcome: TurnOutcome;
}

/** One stage: does its part, calls `next()` (at most once) to run the rest, and returns the replies. */
export type Stage = (ctx: TurnContext, next: () => Promise<Reply[]>) => Promise<Reply[]>;

/** A stage with the name it is listed under (`TurnPipeline.stages`, docs, metrics). */
export interface NamedStage {
  name: string;
  run: Stage;
}

export interface TurnResult {
  replies: Reply[];
  outcome: TurnOutcome;
  /** The conversation the turn ran in (customer-scoped for an agent in session). */
  conversationKey: string;
  /** The Turn as the engine received it (or would have). */
  turn: Turn;
}
