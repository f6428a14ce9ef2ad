/**
 * Events the engine reports after a turn is stored (audit trail, receipts). Reported once per stored change.
 */
import type { OperationOutcome } from './operations.js';
import type { ConfirmationRecord } from './state.js';
import type { Actor, Locale } from './turn.js';

interface EventBase {
  conversationKey: string;
  channel: string;
  actor: Actor;
  locale: Locale;
  dialogId: string;
  at: string;
}

export type EngineEvent =
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
