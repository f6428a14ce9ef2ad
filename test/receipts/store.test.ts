import { randomUUID } from 'node:crypto';
import KeyvRedis from '@keyv/redis';
import Keyv from 'keyv';
import { afterAll, describe, expect, it } from 'vitest';
import { canRead, listReceipts, readReceipt } from '../../src/receipts/access.js';
import { ReceiptConflictError, ReceiptStore } from '../../src/receipts/store.js';
import { deviceDeletionDraft, withId } from './fixtures.js';

const first = withId(deviceDeletionDraft(), 'RC-AAAAAAAAA1', '2026-11-23T01:03:00.000Z');
const second = withId(
  deviceDeletionDraft({ item: { kind: 'device', id: 'dev-002', label: 'CameraOB' } }),
  'RC-AAAAAAAAA2',
  '2026-11-23T01:10:00.000Z',
);
const otherCustomers = withId(
  deviceDeletionDraft({ customerId: 'cust-7', actor: { kind: 'agent', id: 'agent-3' } }),
  'RC-AAAAAAAAA3',
  '2026-11-23T01:20:00.000Z',
);

function newStore(): ReceiptStore {
  return new ReceiptStore(new Keyv<string>());
}

/** The same contract on Redis (127.0.0.1:6379), each store in a fresh namespace that is cleared afterwards. */
const redisKeyvs: Keyv<string>[] = [];
function newRedisStore(): ReceiptStore {
  const keyv = new Keyv<string>(new KeyvRedis('redis://127.0.0.1:6379'), {
    namespace: `test-receipts-${randomUUID()}`,
  });
  redisKeyvs.push(keyv);
  return new ReceiptStore(keyv);
}
afterAll(async () => {
  for (const keyv of redisKeyvs) {
    await keyv.clear();
    await keyv.disconnect();
  }
});

describe.each([
  ['memory', newStore],
  ['redis', newRedisStore],
])('ReceiptStore on %s', (_backend, newStore) => {
  it('saves and returns a receipt deep-equal to what was saved', async () => {
    const store = newStore();
    expect(await store.save(first)).toBe('created');
    expect(await store.get(first.receiptId)).toEqual(first);
    expect(await store.get('RC-ZZZZZZZZZZ')).toBeUndefined();
  });

  it('keeps no reference to the caller’s object', async () => {
    const store = newStore();
    const copy = structuredClone(first);
    await store.save(copy);
    copy.shown.facts.push({ label: 'added later', value: 'x' });
    expect((await store.get(first.receiptId))?.shown.facts).toHaveLength(2);
  });

  it('is idempotent on receiptId and lists a receipt once however often it is saved', async () => {
    const store = newStore();
    expect(await store.save(first)).toBe('created');
    expect(await store.save(structuredClone(first))).toBe('unchanged');
    expect(await store.listForCustomer('cust-42')).toHaveLength(1);
  });

  it('refuses to overwrite a receipt with different content', async () => {
    const store = newStore();
    await store.save(first);
    const altered = { ...first, operation: { ...first.operation, outcome: 'refused' as const } };
    await expect(store.save(altered)).rejects.toBeInstanceOf(ReceiptConflictError);
    expect((await store.get(first.receiptId))?.operation.outcome).toBe('succeeded');
  });

  it('lists a customer’s receipts newest first and nobody else’s', async () => {
    const store = newStore();
    await store.save(first);
    await store.save(otherCustomers);
    await store.save(second);
    expect((await store.listForCustomer('cust-42')).map((r) => r.receiptId)).toEqual([
      second.receiptId,
      first.receiptId,
    ]);
    expect((await store.listForCustomer('cust-7')).map((r) => r.receiptId)).toEqual([
      otherCustomers.receiptId,
    ]);
    expect(await store.listForCustomer('nobody')).toEqual([]);
  });

  it('loses no index entry when many receipts for one customer are saved concurrently', async () => {
    const store = newStore();
    const receipts = Array.from({ length: 20 }, (_, i) =>
      withId(deviceDeletionDraft(), `RC-BBBBBBBB${String(i).padStart(2, '0')}`, '2026-11-23T01:03:00.000Z'),
    );
    await Promise.all(receipts.map((r) => store.save(r)));
    expect(await store.listForCustomer('cust-42')).toHaveLength(20);
  });

  it('shares a Keyv namespace with other data without clashing', async () => {
    const keyv = new Keyv<string>();
    await keyv.set('RC-AAAAAAAAA1', 'something else');
    const store = new ReceiptStore(keyv);
    await store.save(first);
    expect(await keyv.get('RC-AAAAAAAAA1')).toBe('something else');
    expect(await store.get('RC-AAAAAAAAA1')).toEqual(first);
  });
});

describe('canRead and the reader-aware helpers', () => {
  it('lets a customer read only their own receipts and an agent read any', () => {
    expect(canRead(first, { kind: 'customer', id: 'cust-42' })).toBe(true);
    expect(canRead(first, { kind: 'customer', id: 'cust-7' })).toBe(false);
    expect(canRead(first, { kind: 'agent', id: 'agent-3' })).toBe(true);
  });

  it('hides another customer’s receipt as if it did not exist', async () => {
    const store = newStore();
    await store.save(first);
    expect(await readReceipt(store, first.receiptId, { kind: 'customer', id: 'cust-7' })).toBeUndefined();
    expect(await readReceipt(store, first.receiptId, { kind: 'customer', id: 'cust-42' })).toEqual(first);
    expect(await listReceipts(store, 'cust-42', { kind: 'customer', id: 'cust-7' })).toEqual([]);
    expect(await listReceipts(store, 'cust-42', { kind: 'agent', id: 'agent-3' })).toHaveLength(1);
  });
});

describe('ReceiptStore failures', () => {
  it('throws when the underlying store fails to write, instead of losing the receipt silently', async () => {
    const failing = new Map<string, unknown>();
    failing.set = () => {
      throw new Error('disk full');
    };
    const keyv = new Keyv<string>({ store: failing });
    keyv.on('error', () => undefined);
    await expect(new ReceiptStore(keyv).save(first)).rejects.toThrow(/Could not store receipt:RC-AAAAAAAAA1/);
  });
});
