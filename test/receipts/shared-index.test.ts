import { Keyv } from 'keyv';
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/engine/store/memory.js';
import { buildReceipt } from '../../src/receipts/receipt.js';
import { ReceiptStore } from '../../src/receipts/store.js';
import { deviceDeletionDraft } from './fixtures.js';

/** Two bot processes: separate ReceiptStore objects (no shared in-process lock) over the same storage. */
function twoProcesses(withSharedIndex: boolean) {
  const receiptsMap = new Map<string, unknown>();
  const indexMap = new Map<string, unknown>();
  const open = () =>
    new ReceiptStore(
      new Keyv<string>({ store: receiptsMap }),
      withSharedIndex ? createMemoryStore<string[]>({ ttlMs: 3600_000, map: indexMap }) : undefined,
    );
  return [open(), open()] as const;
}

async function saveConcurrently(a: ReceiptStore, b: ReceiptStore, count: number) {
  const receipts = Array.from({ length: count }, (_, i) =>
    buildReceipt(
      deviceDeletionDraft({ item: { kind: 'device', id: `dev-${i}`, label: `Camera${i}` } }),
      new Date('2026-11-23T01:10:00Z'),
    ),
  );
  await Promise.all(receipts.map((r, i) => (i % 2 === 0 ? a : b).save(r)));
  return receipts;
}

describe('a customer’s receipt list across processes', () => {
  it('keeps every receipt when two processes save for the same customer at once (compare-and-set index)', async () => {
    const [a, b] = twoProcesses(true);
    const saved = await saveConcurrently(a, b, 20);
    const listed = await a.listForCustomer('cust-42');
    expect(listed.map((r) => r.receiptId).sort()).toEqual(saved.map((r) => r.receiptId).sort());
  });

  it('(the per-process lock alone would lose some: the reason for the shared index)', async () => {
    const [a, b] = twoProcesses(false);
    await saveConcurrently(a, b, 20);
    expect((await a.listForCustomer('cust-42')).length).toBeLessThan(20);
  });
});
