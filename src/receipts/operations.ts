/**
 * Receipts as engine operations (local, not backend calls), so dialogs can show the receipt of the procedure
 * just completed and list a customer's receipts later. Reading follows `canRead`: a customer sees only their own
 * (their id comes from identity verification, never from typed text); an agent sees the customer they act for.
 */
import type {
  Operation,
  OperationCatalog,
  OperationContext,
  OperationRegistry,
} from '../engine/operations.js';
import { VERIFIED_CUSTOMER_ID } from '../identity/credentials.js';
import { listReceipts, type Reader, readReceipt } from './access.js';
import { formatReceipt } from './format.js';
import type { ReceiptRecorder } from './recorder.js';
import type { ReceiptStore } from './store.js';

/** The reader: an agent, or the customer whose id identity verification established (a credential). */
function readerFor(ctx: OperationContext): Reader | undefined {
  if (ctx.actor.kind === 'agent') return { kind: 'agent', id: ctx.actor.id };
  const verified = ctx.credentials?.[VERIFIED_CUSTOMER_ID];
  return verified ? { kind: 'customer', id: verified } : undefined;
}

/** Whose receipts: the customer an agent acts for, or the verified customer. */
function customerFor(ctx: OperationContext): string | undefined {
  return ctx.actor.kind === 'agent' ? ctx.actor.onBehalfOf : ctx.credentials?.[VERIFIED_CUSTOMER_ID];
}

const read = (run: Operation['run']): Operation => ({ destructive: false, consequences: [], run });

/** Both receipt operations only read. */
export const RECEIPT_OPERATION_METADATA: OperationCatalog = {
  latestReceipt: { destructive: false, consequences: [] },
  listReceipts: { destructive: false, consequences: [] },
};

export function receiptOperations(store: ReceiptStore, recorder: ReceiptRecorder): OperationRegistry {
  return {
    /** The receipt recorded last in this conversation: `{ receiptId, text }`. */
    latestReceipt: read(async (_args, ctx) => {
      const reader = readerFor(ctx);
      const id = await recorder.latestFor(ctx.conversationKey);
      const receipt = id && reader ? await readReceipt(store, id, reader) : undefined;
      if (!receipt) return { ok: false, kind: 'refused', code: 'not-found' };
      return {
        ok: true,
        data: { receiptId: receipt.receiptId, text: formatReceipt(receipt, ctx.locale).join('\n') },
      };
    }),
    /** Every receipt of the verified customer (or of the customer an agent acts for), newest first. */
    listReceipts: read(async (_args, ctx) => {
      const reader = readerFor(ctx);
      const customerId = customerFor(ctx);
      if (!reader || !customerId) return { ok: false, kind: 'refused', code: 'not-found' };
      const receipts = await listReceipts(store, customerId, reader);
      return {
        ok: true,
        data: {
          count: receipts.length,
          text: receipts.map((r) => formatReceipt(r, ctx.locale).join('\n')).join('\n\n'),
        },
      };
    }),
  };
}
