/**
 * Turns the engine's `call-completed` events of destructive operations into stored receipts: exactly what was
 * shown and acknowledged, in which locale and channel, with timestamps and the backend's reference.
 */
import type Keyv from 'keyv';
import type { EngineEvent } from '../engine/events.js';
import { receiptIdOf, receiptOutcomeOf } from './call-receipt.js';
import { buildReceipt, type Receipt } from './receipt.js';
import type { ReceiptStore } from './store.js';

type CallCompleted = Extract<EngineEvent, { kind: 'call-completed' }>;

function field(value: unknown, name: string): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const found = (value as Record<string, unknown>)[name];
  return typeof found === 'string' && found !== '' ? found : undefined;
}

/** The item a receipt names: the confirmed target (device, application, contract), else the call's arguments. */
export function receiptItem(event: CallCompleted): Receipt['item'] {
  const target = event.target;
  const id =
    field(target, 'deviceId') ??
    field(target, 'applicationNumber') ??
    field(target, 'contractNumber') ??
    Object.values(event.args).find((v): v is string => typeof v === 'string') ??
    event.operation;
  const kind = field(target, 'deviceId')
    ? 'device'
    : field(target, 'applicationNumber')
      ? 'application'
      : 'account';
  const label = [field(target, 'name'), field(target, 'serviceName'), field(target, 'contractNumber')]
    .filter(Boolean)
    .join(' ');
  const service = serviceOf(event);
  return { kind, id, label: label || id, ...(service ? { service } : {}) };
}

const SERVICE_KINDS = ['home', 'therefore', 'uniflow', 'nvs'] as const;
type ServiceKind = NonNullable<Receipt['item']['service']>['kind'];

/** The service of the item: みえますねっと for its operations, else the contract's family and name from the target. */
function serviceOf(event: CallCompleted): Receipt['item']['service'] {
  if (event.operation === 'deleteMiemasuDevice' || event.operation === 'withdrawAnnualPack') {
    return { kind: 'miemasu', name: 'みえますねっと年間パック' };
  }
  const kind = field(event.target, 'kind');
  if (!kind || !(SERVICE_KINDS as readonly string[]).includes(kind)) return undefined;
  return { kind: kind as ServiceKind, name: field(event.target, 'serviceName') ?? '' };
}

/**
 * The backend's reference number for the customer: the application number (お申込番号) only. A device id is not
 * a reference number; where the backend gives none, the receipt's own number is what the customer quotes.
 */
function reference(event: CallCompleted): string | undefined {
  if (!event.outcome.ok) return undefined;
  return field(event.outcome.data, 'applicationNumber');
}

function customerOf(event: CallCompleted): string {
  const performedBy = event.outcome.ok
    ? (event.outcome.data as { performedBy?: unknown } | null)?.performedBy
    : undefined;
  return (
    field(performedBy, 'customerId') ??
    (event.actor.kind === 'agent' ? event.actor.onBehalfOf : undefined) ??
    event.actor.id
  );
}

export interface ReceiptRecorder {
  /** Records a receipt for a completed call (a promise to wait for); any other event: nothing (`undefined`). */
  onEvent(event: EngineEvent): Promise<void> | undefined;
  /** The receipt id last recorded in this conversation, if any. */
  latestFor(conversationKey: string): Promise<string | undefined>;
  /** Receipts recorded in this process for the conversation since the last call (to tell the user their number). */
  drainNew(conversationKey: string): Receipt[];
}

/**
 * How long a conversation's "latest receipt" pointer is kept: far longer than the conversation itself (idle limit
 * × 2), so "show my receipt" works as long as the conversation could; every key written to Redis expires.
 */
export const LATEST_RECEIPT_TTL_MS = 30 * 24 * 3600_000;

export function createReceiptRecorder(
  store: ReceiptStore,
  index: Keyv<string>,
  latestTtlMs: number = LATEST_RECEIPT_TTL_MS,
): ReceiptRecorder {
  const fresh = new Map<string, Receipt[]>();
  async function record(event: CallCompleted): Promise<void> {
    // One receipt per call and outcome, even when the event is reported again (see `call-receipt.ts`).
    const receiptId = receiptIdOf(event);
    if (!receiptId || !event.confirmation) return;
    const outcome = receiptOutcomeOf(event.outcome);
    if (await store.get(receiptId)) return;
    const ref = reference(event);
    const receipt = buildReceipt(
      {
        procedure: event.dialogId,
        item: receiptItem(event),
        customerId: customerOf(event),
        actor: { kind: event.actor.kind, id: event.actor.id },
        channel: event.channel,
        locale: event.locale,
        shown: event.confirmation,
        operation: {
          name: event.operation,
          idempotencyKey: event.idempotencyKey,
          sentAt: event.sentAt,
          completedAt: event.at,
          outcome,
          ...(ref ? { reference: ref } : {}),
        },
      },
      new Date(event.at),
      receiptId,
    );
    await store.save(receipt);
    await index.set(`latest-receipt:${event.conversationKey}`, receipt.receiptId, latestTtlMs);
    fresh.set(event.conversationKey, [...(fresh.get(event.conversationKey) ?? []), receipt]);
  }
  return {
    onEvent: (event) => (event.kind === 'call-completed' ? record(event) : undefined),
    drainNew(conversationKey) {
      const receipts = fresh.get(conversationKey) ?? [];
      fresh.delete(conversationKey);
      return receipts;
    },
    latestFor: async (conversationKey) => (await index.get(`latest-receipt:${conversationKey}`)) ?? undefined,
  };
}
