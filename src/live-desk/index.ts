/**
 * The live desk (live chat with an agent), platform-neutral. Wiring (composition root):
 *
 * ```ts
 * const store = await createStore<DeskRecord>({ ...backend, namespace: 'handoff', ttlMs: LIVE_DESK_TTL_MS });
 * const hours = calendarHours(closures);
 * const registry = new DeskRegistry(directory);             // channels register rooms / deliveries into it
 * const desk = createLiveDesk({ store, engine, rooms: registry.rooms, customers: registry,
 *   directory: registry.directory, ...hours, now: () => clock.now() });
 * // the turn pipeline's live-desk stage (src/pipeline) routes customers to the desk
 * ```
 * Rooms (Slack / Teams agents' channels) implement `AgentRoom` and call `desk.claim / fromAgent / handBack /
 * close` from their buttons and thread replies; channels implement `CustomerDelivery`. `src/bot.ts` does this
 * wiring; channels reach the registry and the desk through `ChannelContext.liveDesk`.
 */

export { DESK_CHOICES, type DeskChoice, isDeskChoice, isLeavePhrase } from './choices.js';
export type {
  AgentActionResult,
  ClaimResult,
  ConversationDeskState,
  CustomerRelay,
  CustomerText,
  HandoffEvent,
  LeaveResult,
  LiveDesk,
  LiveDeskOptions,
  NewOffer,
  OpenTicketResult,
  TicketRequest,
} from './desk-types.js';
export { calendarHours, type LiveHours } from './hours.js';
export { createLiveDesk } from './live-desk.js';
export {
  type CustomerTexts,
  customerTexts,
  formatOpening,
  LEAVE_PHRASES,
  type RoomTexts,
  roomTexts,
} from './messages.js';
export type { ConversationDesk, DeskOffer, DeskRecord, DeskStore } from './records.js';
export { DeskRegistry } from './registry.js';
export type { AgentRoom, CustomerDelivery, DeliveryContext, ErrorSink, RelayAuthor } from './rooms.js';
export { formatPostedSummary, formatSummary, recentTexts, replyAsText } from './summary.js';
export {
  type AgentRef,
  type CloseReason,
  isLive,
  type Ticket,
  type TicketStatus,
  type TicketSummary,
} from './ticket.js';

/** A sensible time to keep tickets and live desk state: two weeks after their last change. */
export const LIVE_DESK_TTL_MS = 14 * 24 * 3600_000;
