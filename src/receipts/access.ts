/**
 * Who may read a receipt. The whole rule: a customer reads only their own receipts; an agent reads any
 * customer's. A customer reader's `id` must be their verified customer id (as established by identity), never a
 * value typed into the chat.
 */
import type { Receipt } from './receipt.js';
import type { ReceiptStore } from './store.js';

export type Reader = { kind: 'customer'; id: string } | { kind: 'agent'; id: string };

export function canRead(receipt: Receipt, reader: Reader): boolean {
  switch (reader.kind) {
    case 'agent':
      return true;
    case 'customer':
      return reader.id === receipt.customerId;
  }
}

/** The receipt when it exists and `reader` may read it; `undefined` otherwise (existence is not revealed). */
export async function readReceipt(
  store: ReceiptStore,
  receiptId: string,
  reader: Reader,
): Promise<Receipt | undefined> {
  const receipt = await store.get(receiptId);
  return receipt && canRead(receipt, reader) ? receipt : undefined;
}

/** A customer's receipts, newest first, filtered by {@link canRead} (a customer asking for another's gets none). */
export async function listReceipts(
  store: ReceiptStore,
  customerId: string,
  reader: Reader,
): Promise<Receipt[]> {
  const receipts = await store.listForCustomer(customerId);
  return receipts.filter((receipt) => canRead(receipt, reader));
}
