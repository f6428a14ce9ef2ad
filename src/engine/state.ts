/**
 * The persisted conversation snapshot. Plain JSON: it round-trips through every store unchanged.
 */
import type { Fact, Locale } from './turn.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Slots = Record<string, Json>;

/** A confirmation the user completed; a destructive call consumes it. */
export interface Confirmation {
  /** Unique within the conversation; the idempotency key of the call it authorises derives from it. */
  id: string;
  nodeId: string;
  target: string;
  /** JSON of the target slot's value when confirmed: the call must act on exactly that item. */
  targetValue: string;
  consequences: string[];
  confirmedAt: string;
  /** Exactly what was shown and acknowledged, for the receipt. */
  record: ConfirmationRecord;
}

/** What the user saw and acknowledged at a confirm node, kept for the receipt. */
export interface ConfirmationRecord {
  facts: Fact[];
  acknowledgements: { id: string; text: string; acknowledgedAt: string }[];
  finalQuestion: string;
  /** The label of the button that confirmed (e.g. 「削除する」), as shown; absent in records made before it was kept. */
  confirmLabel?: string | undefined;
  typedPhrase?: string | undefined;
  confirmedAt: string;
}

export type ConfirmPhase = 'ack' | 'final' | 'typed';

/**
 * One answered question, for "back" (see `core/history.ts`): the values of the slots and confirmations written
 * after the answer, as they were when it was given. Names absent then are listed in `unset` / `unconfirmed`.
 * Only what changed is kept, so an entry is small whatever the frame holds.
 */
export interface DeltaHistoryEntry {
  nodeId: string;
  was?: Slots | undefined;
  unset?: string[] | undefined;
  wasConfirmed?: Record<string, Confirmation> | undefined;
  unconfirmed?: string[] | undefined;
}

/** The entry of conversations stored before deltas: full copies of the slots and confirmations. Still read. */
export interface SnapshotHistoryEntry {
  nodeId: string;
  slots: Slots;
  confirmations: Record<string, Confirmation>;
}

export type HistoryEntry = DeltaHistoryEntry | SnapshotHistoryEntry;

export interface Frame {
  dialogId: string;
  /** Content hash of the dialog when this frame last ran, and of its current node. */
  dialogHash: string;
  nodeHash: string;
  nodeId: string;
  slots: Slots;
  confirmations: Record<string, Confirmation>;
  /** Interactive nodes passed, for "back"; cleared when a destructive call completes. */
  history: HistoryEntry[];
  /** True once a destructive call in this frame has completed: stop/back then say so honestly. */
  committed: boolean;
  /** True once any backend write (destructive or not) succeeded in this frame. */
  changed?: boolean | undefined;
  phase?: ConfirmPhase | undefined;
  acknowledged?: string[] | undefined;
  /**
   * When the acknowledgements were given (ISO time; every item is ticked in the one submit the engine accepts):
   * the receipt and the audit log record it for each item, not the later time of the final confirmation.
   */
  acknowledgedAt?: string | undefined;
  attempts: number;
}

/** A backend call written to the store before it is sent; reconciled with the same key, never re-keyed. */
export interface PendingCall {
  operation: string;
  args: Record<string, Json>;
  idempotencyKey: string;
  destructive: boolean;
  /** The frame depth and node that issued it. */
  depth: number;
  nodeId: string;
  sentAt: string;
  /** `unknown` once an attempt ended without a definite answer. */
  status: 'sending' | 'unknown';
  confirmation?: ConfirmationRecord | undefined;
  /** The confirmed item (destructive calls): the target slot's value when the user confirmed. */
  target?: Json | undefined;
  /** The read of node `nodeId`'s `reconcile`: its write's outcome was unknown (see tree/schema.ts). */
  reconciling?: true | undefined;
}

export interface ConversationState {
  locale: Locale;
  /** Increases whenever the position or the question changes; actions must echo it. */
  step: number;
  /**
   * Set while the bot's last interactive message is not the current node's question but its own escape prompt
   * (too many unclear answers: retry / person / stop). See `core/interpret.ts`.
   */
  prompt?: 'escape' | 'satisfaction' | undefined;
  /**
   * The satisfaction question (`core/satisfaction.ts`): the procedure it was asked about, once asked — it is never
   * asked again in this conversation.
   */
  satisfactionAsked?: string | undefined;
  /**
   * A handoff to a person ended (`core/desk-notice.ts`) and the satisfaction question is still to be asked: at
   * once when nothing was in progress, else once the conversation is back to nothing in progress. `dialogId`: the
   * procedure of the handoff, when there was one.
   */
  satisfactionDue?: { handoff: 'live' | 'request'; dialogId?: string | undefined } | undefined;
  /** The satisfaction question on screen followed this kind of handoff (its answer's event says so). */
  satisfactionAfter?: 'live' | 'request' | undefined;
  /**
   * The FAQ answer given in the last turn (`core/faq-feedback.ts`): the next turn may say it did not help or ask
   * for a person. Cleared by the next turn, whatever it is. `notHelpful`: the last turn said it did not help (and
   * offered a person), so only a person asked for now still counts (as escalated).
   */
  faqAnswered?: { dialogId: string; entry: string; notHelpful?: true | undefined } | undefined;
  stack: Frame[];
  pending?: PendingCall | undefined;
  /** Ids of the most recent turns handled (platform retries are recognised by them). */
  recentTurnIds?: string[] | undefined;
  /** Credentials gathered in the conversation (e.g. a customer token). Never rendered or logged. */
  credentials: Record<string, string>;
  /**
   * The conversation expired idle while the compensation it started needs the credentials (core/step.ts): the
   * runtime clears `credentials` (and this flag) when a turn ends with no call pending.
   */
  credentialsExpired?: true | undefined;
  updatedAt: string;
}

/**
 * A new conversation. Its step counter starts from the clock (seconds), not 0, so a button from an earlier
 * conversation under the same key (expired or deleted from the store) can never carry a current version.
 */
export function emptyState(locale: Locale, now: Date): ConversationState {
  return {
    locale,
    step: Math.floor(now.getTime() / 1000),
    stack: [],
    credentials: {},
    updatedAt: now.toISOString(),
  };
}
