/**
 * Read-only calls (`Operation.readOnly`) are sent without first storing them as the pending call: exactly-once
 * concerns only writes. The turn's final compare-and-set is still made against the version loaded, so a write by
 * someone else while the read was in flight is detected and the turn re-applied; calls that are not read-only
 * (even `mutates: false` ones, which may send an e-mail) are stored before they are sent, as before.
 */
import { describe, expect, it } from 'vitest';
import { createFakeBackend } from '../../dialogs/sample/sample-dialog.js';
import type { Operation } from '../../src/engine/operations.js';
import type { ConversationState } from '../../src/engine/state.js';
import { createMemoryStore } from '../../src/engine/store/memory.js';
import type { ConversationStore } from '../../src/engine/store/types.js';
import { setup } from './sample-setup.js';

const KEY = 'test:conversation';

function countingStore() {
  const inner = createMemoryStore<ConversationState>({ ttlMs: 3600_000 });
  const counts = { cas: 0 };
  const store: ConversationStore<ConversationState> = {
    get: (key) => inner.get(key),
    compareAndSet: (key, expected, value) => {
      counts.cas += 1;
      return inner.compareAndSet(key, expected, value);
    },
    delete: (key) => inner.delete(key),
    close: () => inner.close(),
  };
  return { store, counts };
}

/** The sample backend with `listItems` marked read-only or not, and a hook run while it is in flight. */
function backendWith(readOnly: boolean, whileInFlight: () => Promise<void> = async () => undefined) {
  const backend = createFakeBackend();
  const listItems: Operation = {
    ...backend.operations.listItems,
    readOnly,
    run: async (args, ctx) => {
      await whileInFlight();
      return backend.operations.listItems.run(args, ctx);
    },
  };
  return { backend, operations: { ...backend.operations, listItems } };
}

describe('read-only calls', () => {
  it.each([
    [true, 1],
    [false, 2],
  ])('readOnly %s: a turn that makes the call writes the store %i time(s)', async (readOnly, writes) => {
    const { store, counts } = countingStore();
    const { operations } = backendWith(readOnly);
    const { h } = setup({ store, operations });
    await h.say('こんにちは');
    counts.cas = 0;
    await h.click('delete');
    expect(h.lastText()).toContain('削除する項目をお選びください');
    expect(counts.cas).toBe(writes);
    expect((await store.get(KEY))?.value.pending).toBeUndefined();
  });

  it('a call that is not read-only (mutates: false, e.g. sending a code) is stored before it is sent', async () => {
    const { store } = countingStore();
    let pendingSeen: unknown;
    const { operations } = backendWith(false, async () => {
      pendingSeen = (await store.get(KEY))?.value.pending?.operation;
    });
    const { h } = setup({
      store,
      operations: { ...operations, listItems: { ...operations.listItems, mutates: false } },
    });
    await h.say('こんにちは');
    await h.click('delete');
    expect(pendingSeen).toBe('listItems');
  });

  it('a read-only call in flight is not stored as pending', async () => {
    const { store } = countingStore();
    let pendingSeen: unknown = 'not called';
    const { operations } = backendWith(true, async () => {
      pendingSeen = (await store.get(KEY))?.value.pending;
    });
    const { h } = setup({ store, operations });
    await h.say('こんにちは');
    await h.click('delete');
    expect(pendingSeen).toBeUndefined();
  });

  it('a write by someone else while the read was in flight is detected: the turn is re-applied, nothing lost', async () => {
    const { store, counts } = countingStore();
    let interfere = true;
    const { backend, operations } = backendWith(true, async () => {
      if (!interfere) return;
      interfere = false;
      // Another instance handles a message of the same conversation meanwhile and stores its state.
      const current = await store.get(KEY);
      if (!current) throw new Error('nothing stored');
      const theirs = { ...current.value, locale: 'en' as const };
      expect((await store.compareAndSet(KEY, current.version, theirs)).ok).toBe(true);
    });
    const { h } = setup({ store, operations });
    await h.say('こんにちは');
    const versionBefore = (await store.get(KEY))?.version ?? 0;
    counts.cas = 0;
    await h.click('delete');
    const after = await store.get(KEY);
    expect(backend.calls.filter((c) => c.operation === 'listItems')).toHaveLength(2); // sent again after the conflict
    expect(counts.cas).toBe(3); // the other instance's write, the conflicting one, the re-applied one
    expect(after?.version).toBe(versionBefore + 2);
    expect(after?.value.locale).toBe('en'); // the other write was not overwritten
    expect(after?.value.stack.at(-1)?.nodeId).toBe('pick');
    expect(h.lastText()).toContain('Which item should be deleted?');
  });

  it('refuses an operation marked both read-only and destructive or mutating', () => {
    const { operations } = backendWith(true);
    const deleteItem = { ...operations.deleteItem, readOnly: true };
    expect(() => setup({ operations: { ...operations, deleteItem } })).toThrow(
      'Operation "deleteItem" is marked readOnly and also destructive',
    );
    const listItems = { ...operations.listItems, mutates: true };
    expect(() => setup({ operations: { ...operations, listItems } })).toThrow('also mutating');
  });
});
