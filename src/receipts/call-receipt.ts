/**
 * Which completed calls get a receipt, with which outcome and which id: the one definition used by the receipt
 * recorder (`recorder.ts`) and by the audit log's `action` entry (`src/audit-log/derive.ts`), so the number a
 * customer is told and the number in the compliance log are the same by construction.
 *
 * A call gets a receipt when it is destructive and followed a confirmation. Its id is derived from the call's
 * idempotency key and outcome: the same call reported again (a retried turn re-sends the same key and gets the
 * same answer) yields the same id, and the store keeps one receipt; a different outcome of the same key (an
 * unknown outcome later reconciled) is a different receipt.
 */
import type { EngineEvent } from '../engine/events.js';
import type { OperationOutcome } from '../engine/operations.js';
import { type Receipt, receiptIdFor } from './receipt.js';

type CallCompleted = Extract<EngineEvent, { kind: 'call-completed' }>;

/** `bug`: our request was refused as malformed, so nothing was carried out; only `unreachable` is unknown. */
export function receiptOutcomeOf(outcome: OperationOutcome): Receipt['operation']['outcome'] {
  if (outcome.ok) return 'succeeded';
  return outcome.kind === 'unreachable' ? 'unknown' : 'refused';
}

/** The receipt id of this call, or `undefined` when the call gets no receipt (not destructive, not confirmed). */
export function receiptIdOf(event: CallCompleted): string | undefined {
  if (!event.destructive || !event.confirmation) return undefined;
  return receiptIdFor(`${event.idempotencyKey}\u0000${receiptOutcomeOf(event.outcome)}`);
}
