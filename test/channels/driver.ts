/**
 * What the channel-parity suite needs from each chat channel's test driver. A driver runs the full bot behind
 * the real adapter (signed HTTP to a real Bolt app with a fake Slack Web API; activities to /api/messages with a
 * fake Bot Connector; signed webhooks to /line/webhook with a fake Messaging API) and reads back what the user would see, parsed from the platform payloads the fake
 * recorded — so the same conversation can be asserted on both channels.
 */
import type { ChoiceStyle } from '../../src/engine/turn.js';
import type { ChannelTestBot } from '../support/channel-bot.js';

/** One bot message as the user currently sees it (after any update that replaced it). */
export interface SeenMessage {
  /** The platform message id (Slack `ts`, Teams activity id). */
  id: string;
  /** All visible text, joined (headline, body, fact rows), for `toContain` checks. */
  text: string;
  facts: { label: string; value: string }[];
  /** Buttons still shown; `id` is the engine choice id carried in the action payload. */
  choices: { id: string; label: string; style: ChoiceStyle }[];
  /** Checkboxes still shown (engine acknowledgement ids). */
  acks: { id: string; label: string }[];
  /** The phrase to type, when the message asks for one. */
  typedConfirmation?: string;
}

export interface ChannelDriver {
  readonly name: 'slack' | 'teams' | 'line';
  /**
   * Whether the platform lets the bot edit a sent message (Slack, Teams: an answered question loses its buttons).
   * LINE cannot: an old message keeps its buttons, and pressing one is refused by the engine as stale.
   */
  readonly editsMessages: boolean;
  /** The bot behind the channel: backend calls, outbox, clock. */
  readonly testBot: ChannelTestBot;
  /** A direct (personal) message from this platform user. */
  say(userId: string, text: string): Promise<void>;
  /** Messages shown in this user's direct conversation, oldest first, as currently displayed. */
  messages(userId: string): SeenMessage[];
  /**
   * Presses a button of a shown message (default: the newest message that has it), ticking the given
   * acknowledgement ids first when the message has checkboxes.
   */
  click(userId: string, choiceId: string, options?: { ticks?: string[]; messageId?: string }): Promise<void>;
  /**
   * Ticks these acknowledgement checkboxes of the newest message that has them and presses that message's
   * submit button (the one the adapter adds to send the ticks).
   */
  acknowledge(userId: string, ackIds: string[]): Promise<void>;
  /** Submits the typed confirmation phrase of the newest message asking for one. */
  typeConfirmation(userId: string, text: string): Promise<void>;
  /** Delivers the last inbound request again exactly as a platform retry/redelivery would. */
  redeliverLast(): Promise<void>;
  /** Sends the last click again at once (a double click): both copies in flight together. */
  doubleClick(userId: string, choiceId: string, options?: { ticks?: string[] }): Promise<void>;
  /** Agent mode entry point: Slack slash command / Teams message, naming the customer by e-mail or contract no. */
  actFor(agentUserId: string, query: string): Promise<void>;
  close(): Promise<void>;
}

export interface DriverOptions {
  /** Platform user ids configured as agents. */
  agents?: string[];
}

export type DriverFactory = (options?: DriverOptions) => Promise<ChannelDriver>;
