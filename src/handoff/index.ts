/**
 * Live handoff to a person, platform-neutral. Wiring (composition root):
 *
 * ```ts
 * const store = await createStore<HandoffRecord>({ ...backend, namespace: 'handoff', ttlMs: HANDOFF_TTL_MS });
 * const hours = calendarHours(closures);
 * const registry = new HandoffRegistry(directory);             // channels register rooms / deliveries into it
 * const desk = createLiveDesk({ store, engine, rooms: registry.rooms, customers: registry,
 *   directory: registry.directory, ...hours, now: () => clock.now() });
 * // the turn pipeline's live-handoff stage (src/pipeline) routes customers to the desk
 * ```
 * Rooms (Slack / Teams agents' channels) implement `AgentRoom` and call `desk.claim / fromAgent / handBack /
 * close` from their buttons and thread replies; channels implement `CustomerDelivery`. `src/bot.ts` does this
 * wiring; channels reach the registry and the desk through `ChannelContext.handoff`.
 */

export { HANDOFF_CHOICES, type HandoffChoice, isHandoffChoice, isLeavePhrase } from './choices.js';
export type {
  AgentActionResult,
  ClaimResult,
  ConversationHandoffState,
  CustomerRelay,
  CustomerText,
  HandoffEvent,
  HandoffRequest,
  LeaveResult,
  LiveDesk,
  LiveDeskOptions,
  NewOffer,
  RequestResult,
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
export type { ConversationHandoff, HandoffOffer, HandoffRecord, HandoffStore } from './records.js';
export { HandoffRegistry } from './registry.js';
export type { AgentRoom, CustomerDelivery, DeliveryContext, ErrorSink, RelayAuthor } from './rooms.js';
export { formatSummary, recentTexts, replyAsText } from './summary.js';
export {
  type AgentRef,
  type CloseReason,
  isLive,
  type Ticket,
  type TicketStatus,
  type TicketSummary,
} from './ticket.js';

/** A sensible time to keep tickets and handoff state: two weeks after their last change. */
export const HANDOFF_TTL_MS = 14 * 24 * 3600_000;
