/**
 * Receipt storage on any Keyv store (memory in tests, SQLite or Redis in production).
 *
 * Contract:
 * - `save` is idempotent on `receiptId`: saving the same receipt again changes nothing and answers `unchanged`;
 *   saving a *different* receipt under an existing id throws {@link ReceiptConflictError} (receipts are
 *   immutable). The receipt is written before the customer index, and a repeated save repairs the index.
 * - `get` returns the validated receipt or `undefined`.
 * - `listForCustomer` returns that customer's receipts, newest `createdAt` first.
 * - A write the store reports as failed throws (nothing is silently lost). Records never expire. Values are stored as JSON text, so the store holds no live references to callers'
 *   objects, and are validated again on every read.
 *
 * Limitation: index updates are serialised per customer within one process only. Two processes saving receipts
 * for the same customer in the same instant could drop one id from that customer's list (the receipt itself
 * stays retrievable by id, and saving it again restores the list entry).
 */
import type Keyv from 'keyv';
import type { ConversationStore } from '../engine/store/types.js';
import { type Receipt, ReceiptSchema } from './receipt.js';

/** A different receipt already exists under this id. */
export class ReceiptConflictError extends Error {
  override readonly name = 'ReceiptConflictError';
  constructor(readonly receiptId: string) {
    super(`A different receipt is already stored as ${receiptId}; receipts cannot be changed once saved.`);
  }
}

export type SaveResult = 'created' | 'unchanged';

export class ReceiptStore {
  readonly #keyv: Keyv<string>;
  readonly #indexLocks = new Map<string, Promise<unknown>>();

  readonly #index: ConversationStore<string[]> | undefined;

  /**
   * `keyv` may be shared with other data: keys are prefixed `receipt:` and `receipts-of:`.
   * `index`, when given, keeps each customer's list of receipt ids with compare-and-set, so several processes
   * saving receipts for the same customer at once never drop one; without it the list is safe within one process.
   */
  constructor(keyv: Keyv<string>, index?: ConversationStore<string[]>) {
    this.#keyv = keyv;
    this.#index = index;
  }

  async save(receipt: Receipt): Promise<SaveResult> {
    const valid = ReceiptSchema.parse(receipt);
    const text = JSON.stringify(valid);
    const existing = await this.get(valid.receiptId);
    if (existing && JSON.stringify(existing) !== text) throw new ReceiptConflictError(valid.receiptId);
    if (!existing) await this.#write(receiptKey(valid.receiptId), text);
    await this.#addToIndex(valid.customerId, valid.receiptId);
    return existing ? 'unchanged' : 'created';
  }

  async get(receiptId: string): Promise<Receipt | undefined> {
    const text = await this.#keyv.get(receiptKey(receiptId));
    return text === undefined ? undefined : ReceiptSchema.parse(JSON.parse(text));
  }

  async listForCustomer(customerId: string): Promise<Receipt[]> {
    const ids = await this.#readIndex(customerId);
    const receipts = await Promise.all(ids.map((id) => this.get(id)));
    return receipts
      .filter((r): r is Receipt => r !== undefined && r.customerId === customerId)
      .sort(
        (a, b) =>
          Date.parse(b.createdAt) - Date.parse(a.createdAt) ||
          (a.receiptId < b.receiptId ? 1 : a.receiptId > b.receiptId ? -1 : 0),
      );
  }

  /** Keyv reports store failures as `false` (plus an `error` event); a receipt must never vanish silently. */
  async #write(key: string, text: string): Promise<void> {
    if (!(await this.#keyv.set(key, text)))
      throw new Error(`Could not store ${key}: the receipt store refused it.`);
  }

  async #readIndex(customerId: string): Promise<string[]> {
    if (this.#index) return (await this.#index.get(indexKey(customerId)))?.value ?? [];
    const text = await this.#keyv.get(indexKey(customerId));
    if (text === undefined) return [];
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  }

  async #addToIndex(customerId: string, receiptId: string): Promise<void> {
    if (this.#index) return this.#addToSharedIndex(this.#index, customerId, receiptId);
    const previous = this.#indexLocks.get(customerId) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(async () => {
        const ids = await this.#readIndex(customerId);
        if (ids.includes(receiptId)) return;
        await this.#write(indexKey(customerId), JSON.stringify([...ids, receiptId]));
      });
    this.#indexLocks.set(customerId, next);
    try {
      await next;
    } finally {
      if (this.#indexLocks.get(customerId) === next) this.#indexLocks.delete(customerId);
    }
  }

  async #addToSharedIndex(
    index: ConversationStore<string[]>,
    customerId: string,
    receiptId: string,
  ): Promise<void> {
    const key = indexKey(customerId);
    for (let attempt = 0; attempt < MAX_INDEX_ATTEMPTS; attempt++) {
      const current = await index.get(key);
      const ids = current?.value ?? [];
      if (ids.includes(receiptId)) return;
      const written = await index.compareAndSet(key, current?.version ?? 0, [...ids, receiptId]);
      if (written.ok) return;
    }
    throw new Error(
      `Could not add receipt ${receiptId} to its customer's list: too many concurrent writers.`,
    );
  }
}

/** Attempts before giving up on a customer list that other writers keep changing (each attempt is one CAS). */
const MAX_INDEX_ATTEMPTS = 20;

function receiptKey(receiptId: string): string {
  return `receipt:${receiptId}`;
}

function indexKey(customerId: string): string {
  return `receipts-of:${customerId}`;
}
