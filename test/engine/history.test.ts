/**
 * "Back" history as reverse deltas (src/engine/core/history.ts) against a model of the behaviour it replaced:
 * every answer kept full copies of the frame's slots and confirmations, and "back" restored that copy.
 * Random sequences of answers, writes, tree-update drops and backs must give exactly the same values, also when
 * part of the history was stored in the old full-copy shape (a conversation stored before the change).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deleteConfirmation,
  keepHistory,
  remember,
  setConfirmation,
  setSlot,
  valuesBefore,
} from '../../src/engine/core/history.js';
import type { Confirmation, Frame, HistoryEntry, Json, Slots } from '../../src/engine/state.js';

type Confirmations = Record<string, Confirmation>;
interface OldEntry {
  nodeId: string;
  slots: Slots;
  confirmations: Confirmations;
}

function confirmation(id: string, target: string): Confirmation {
  const record = { facts: [], acknowledgements: [], finalQuestion: `q${id}`, confirmedAt: 'now' };
  return { id, nodeId: 'c', target, targetValue: '"x"', consequences: [], confirmedAt: 'now', record };
}

function frameWith(slots: Slots): Frame {
  const base = { dialogId: 'd', dialogHash: 'h', nodeHash: 'n', nodeId: 'n0' };
  return { ...base, slots, confirmations: {}, history: [], committed: false, attempts: 0 };
}

/** The old engine: a full copy at each answer; "back" restores it. */
class OldFrame {
  slots: Slots;
  confirmations: Confirmations = {};
  history: OldEntry[] = [];
  constructor(slots: Slots) {
    this.slots = structuredClone(slots);
  }
  remember(nodeId: string) {
    const copy = { slots: structuredClone(this.slots), confirmations: structuredClone(this.confirmations) };
    this.history.push({ nodeId, ...copy });
  }
}

const names = fc.constantFrom('a', 'b', 'c', 'list');
const list: Json = [{ id: 'd1' }, { id: 'd2' }];
const value: fc.Arbitrary<Json> = fc.oneof(
  fc.constant<Json>(null),
  fc.integer({ min: 0, max: 3 }),
  fc.constantFrom('x', 'y'),
  fc.constant(list),
);
const op = fc.oneof(
  {
    arbitrary: fc.record({ kind: fc.constant('answer' as const), node: fc.constantFrom('p', 'q', 'r') }),
    weight: 3,
  },
  { arbitrary: fc.record({ kind: fc.constant('set' as const), name: names, value }), weight: 4 },
  {
    arbitrary: fc.record({ kind: fc.constant('confirm' as const), target: fc.constantFrom('a', 'b') }),
    weight: 1,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('unconfirm' as const), target: fc.constantFrom('a', 'b') }),
    weight: 1,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('drop' as const), node: fc.constantFrom('p', 'q', 'r') }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant('back' as const) }), weight: 2 },
);

/**
 * Replaces entries by the full copies the old engine would have stored: the first `count`, or (with `mask`) those
 * whose bit is set — old entries come first in real conversations, any mix here.
 */
function storedBeforeTheChange(frame: Frame, old: OldFrame, count: number, mask = 2 ** count - 1): void {
  frame.history = frame.history.map((entry, i): HistoryEntry => {
    const copy = old.history[i];
    if (i >= count || (mask & (1 << i)) === 0 || !copy) return entry;
    return {
      nodeId: copy.nodeId,
      ...structuredClone({ slots: copy.slots, confirmations: copy.confirmations }),
    };
  });
}

describe('history deltas restore what full copies restored', () => {
  it('random answers, writes, drops and backs (some entries in the old stored shape)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(names, value, { maxKeys: 2 }),
        fc.array(op, { maxLength: 40 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 2 ** 30 - 1 }),
        (initial, ops, legacyAt, legacyCount, legacyMask) => {
          const frame = frameWith(structuredClone(initial));
          const old = new OldFrame(initial);
          let n = 0;
          ops.forEach((o, i) => {
            if (i === legacyAt) storedBeforeTheChange(frame, old, legacyCount, legacyMask);
            switch (o.kind) {
              case 'answer':
                frame.nodeId = o.node;
                remember(frame);
                old.remember(o.node);
                break;
              case 'set':
                setSlot(frame, o.name, o.value);
                old.slots[o.name] = structuredClone(o.value);
                break;
              case 'confirm': {
                const c = confirmation(`c${n++}`, o.target);
                setConfirmation(frame, o.target, c);
                old.confirmations[o.target] = structuredClone(c);
                break;
              }
              case 'unconfirm':
                deleteConfirmation(frame, o.target);
                delete old.confirmations[o.target];
                break;
              case 'drop':
                keepHistory(frame, (e) => e.nodeId !== o.node);
                old.history = old.history.filter((e) => e.nodeId !== o.node);
                break;
              case 'back': {
                const entry = frame.history.pop();
                const copy = old.history.pop();
                expect(entry?.nodeId).toBe(copy?.nodeId);
                if (!entry || !copy) break;
                const restored = valuesBefore(frame, entry);
                expect(restored).toEqual({ slots: copy.slots, confirmations: copy.confirmations });
                frame.slots = restored.slots;
                frame.confirmations = restored.confirmations;
                old.slots = copy.slots;
                old.confirmations = copy.confirmations;
                break;
              }
            }
            expect(frame.slots).toEqual(old.slots);
            expect(frame.history.map((e) => e.nodeId)).toEqual(old.history.map((e) => e.nodeId));
          });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('an entry keeps only what was written after its answer, not a copy of every slot', () => {
    const list: Json = Array.from({ length: 20 }, (_, i) => ({ id: `C-${i}`, name: `契約 ${i}` }));
    const frame = frameWith({ contracts: list });
    frame.nodeId = 'pick';
    remember(frame);
    setSlot(frame, 'contract', { id: 'C-3' });
    setSlot(frame, 'contract', { id: 'C-4' }); // a second write keeps the value from before the answer
    expect(frame.history).toEqual([{ nodeId: 'pick', unset: ['contract'] }]);
    frame.nodeId = 'reason';
    remember(frame);
    setSlot(frame, 'contract', { id: 'C-5' });
    expect(frame.history[1]).toEqual({ nodeId: 'reason', was: { contract: { id: 'C-4' } } });
    expect(JSON.stringify(frame.history).length).toBeLessThan(100);
  });

  it.each([
    ['a delta', 0],
    ['an old full copy after another', 0b11],
    ['an old full copy after a delta', 0b10],
  ])(
    'dropping %s (a node removed from the tree) folds its changes into the entry before it',
    (_name, legacy) => {
      const frame = frameWith({ x: 0 });
      const old = new OldFrame({ x: 0 });
      const answer = (node: string, name: string) => {
        frame.nodeId = node;
        remember(frame);
        old.remember(node);
        setSlot(frame, name, 1);
        old.slots[name] = 1;
      };
      answer('p', 'a');
      answer('q', 'b');
      storedBeforeTheChange(frame, old, 2, legacy);
      answer('r', 'c');
      keepHistory(frame, (e) => e.nodeId !== 'q');
      for (const expected of [{ x: 0, a: 1, b: 1 }, { x: 0 }]) {
        const entry = frame.history.pop();
        if (!entry) throw new Error('history ended early');
        frame.slots = valuesBefore(frame, entry).slots;
        expect(frame.slots).toEqual(expected);
      }
    },
  );

  it('restoring an old full copy gives objects of its own, so later writes never change the stored entry', () => {
    const entry = { nodeId: 'p', slots: { a: 1 }, confirmations: {} };
    const frame = frameWith({ a: 2 });
    frame.history = [entry];
    const restored = valuesBefore(frame, entry);
    restored.slots.b = 3;
    expect(entry.slots).toEqual({ a: 1 });
  });
});
