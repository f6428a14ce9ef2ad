/**
 * Events the engine reports after a turn is stored (audit trail, receipts). Reported once per stored change.
 */
import type { OperationOutcome } from './operations.js';
import type { ConfirmationRecord } from './state.js';
import type { Actor, Fact, Locale } from './turn.js';

interface EventBase {
  conversationKey: string;
  channel: string;
  actor: Actor;
  locale: Locale;
  dialogId: string;
  at: string;
}

export type EngineEvent =
  /**
   * A confirmation's consequences were put in front of the user (the confirm node was entered): the facts and
   * acknowledgement texts exactly as rendered. Reported whether or not the user goes on to confirm.
   */
  | (EventBase & {
      kind: 'disclosed';
      nodeId: string;
      target: string;
      targetValue: unknown;
      facts: Fact[];
      acknowledgements: { id: string; text: string }[];
    })
  | (EventBase & {
      kind: 'confirmed';
      nodeId: string;
      target: string;
      targetValue: unknown;
      record: ConfirmationRecord;
    })
  | (EventBase & {
      kind: 'call-completed';
      operation: string;
      destructive: boolean;
      idempotencyKey: string;
      args: Record<string, unknown>;
      sentAt: string;
      outcome: OperationOutcome;
      confirmation?: ConfirmationRecord | undefined;
      /** The confirmed item, for destructive calls. */
      target?: unknown;
    })
  | (EventBase & { kind: 'dialog-ended'; outcome: string });
