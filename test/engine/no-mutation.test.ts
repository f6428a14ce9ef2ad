/**
 * The core works on a private copy of the state it is given (a cheap copy: containers are new, values shared).
 * Shown here with a store that hands out deeply frozen states: any write into the loaded object, or into anything
 * it holds, throws (ES modules are strict), and the engine would answer with an internal error. Also: an attempt
 * that loses its compare-and-set leaves the object it loaded exactly as it was.
 */
import { describe, expect, it } from 'vitest';
import { deleteDialog, menuDialog } from '../../dialogs/sample/sample-dialog.js';
import type { ConversationState } from '../../src/engine/state.js';
import { createMemoryStore } from '../../src/engine/store/memory.js';
import type { ConversationStore } from '../../src/engine/store/types.js';
import { setupPlan, walk } from './plan-dialog.js';
import { setup, toFinal } from './sample-setup.js';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** A memory store whose `get` returns frozen values, keeping each one it handed out; optionally loses one race. */
function freezingStore() {
  const inner = createMemoryStore<ConversationState>({ ttlMs: 3600_000 });
  const handedOut: { value: ConversationState; copy: ConversationState }[] = [];
  let raceNextWrite = false;
  const store: ConversationStore<ConversationState> = {
    async get(key) {
      const loaded = await inner.get(key);
      if (!loaded) return undefined;
      handedOut.push({ value: loaded.value, copy: structuredClone(loaded.value) });
      return { version: loaded.version, value: deepFreeze(loaded.value) };
    },
    async compareAndSet(key, expected, value) {
      if (raceNextWrite) {
        raceNextWrite = false;
        // Another instance writes first (the same state, one version on): this attempt must lose and retry.
        const current = await inner.get(key);
        if (current) await inner.compareAndSet(key, current.version, current.value);
      }
      return inner.compareAndSet(key, expected, value);
    },
    delete: (key) => inner.delete(key),
    close: () => inner.close(),
  };
  return { store, handedOut, loseNextRace: () => (raceNextWrite = true) };
}

function recordErrors() {
  const errors: unknown[] = [];
  return { errors, onError: (error: unknown) => void errors.push(error) };
}

describe('the loaded state is never changed', () => {
  it('a whole flow with a call, a sub-dialog, a confirmation, backs and stop on frozen states', async () => {
    const frozen = freezingStore();
    const { errors, onError } = recordErrors();
    const { h } = setupPlan({ store: frozen.store, onError });
    await walk(h);
    for (let i = 0; i < 5; i++) await h.say('戻る');
    expect(h.lastText()).toContain('契約番号を入力してください');
    await h.say('やめる');
    expect(errors).toEqual([]);
    expect(frozen.handedOut.length).toBeGreaterThan(10);
  });

  it('a destructive call, an unknown outcome and its reconciliation on frozen states', async () => {
    const frozen = freezingStore();
    const { errors, onError } = recordErrors();
    const { h, backend } = setup({ store: frozen.store, onError });
    await toFinal(h);
    await h.click('confirm');
    backend.faults.deleteTimeoutsLeft = 1;
    backend.faults.deleteFailsAfterEffect = true;
    await h.type('削除');
    h.clock.advance(120_000);
    await h.say('確認');
    expect(h.lastText()).toContain('削除しました');
    expect(backend.effects).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('a tree update that drops answered questions on frozen states', async () => {
    const frozen = freezingStore();
    const { errors, onError } = recordErrors();
    const { h } = setup({ store: frozen.store, onError });
    await toFinal(h);
    const edited = structuredClone(deleteDialog);
    edited.version = 2;
    (edited.nodes.down as { text: string }).text = 'del.cancelled';
    const { h: after } = setup({ store: frozen.store, onError, dialogs: [menuDialog, edited] });
    await after.say('戻る');
    expect(after.lastText()).toContain('削除する項目をお選びください');
    expect(errors).toEqual([]);
  });

  it('an attempt that loses the compare-and-set leaves the object it loaded as it was', async () => {
    const frozen = freezingStore();
    const { errors, onError } = recordErrors();
    const { h } = setup({ store: frozen.store, onError });
    await h.say('こんにちは');
    frozen.loseNextRace();
    const before = frozen.handedOut.length;
    await h.click('delete');
    expect(h.lastText()).toContain('削除する項目をお選びください');
    expect(frozen.handedOut.length).toBeGreaterThan(before + 1); // loaded, lost, loaded again
    for (const { value, copy } of frozen.handedOut) expect(value).toEqual(copy);
    expect(errors).toEqual([]);
  });
});
