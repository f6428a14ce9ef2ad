/**
 * "Back" on a multi-step flow through the whole engine: after each "back" the stored conversation is exactly
 * what it was before that answer (what the old full-copy history restored) — with a call result and a
 * sub-dialog result written after an answer, and a confirmation. Also for a conversation stored before history
 * entries became deltas (full copies of every slot), alone or followed by newer entries.
 */
import { describe, expect, it } from 'vitest';
import type { ConversationState, HistoryEntry } from '../../src/engine/state.js';
import type { Harness } from './harness.js';
import { setupPlan, stored, walk } from './plan-dialog.js';

/** What "back" must restore: where each frame is and the values it holds (not counters, phases or clocks). */
function position(state: ConversationState | undefined) {
  return state?.stack.map((f) => ({
    dialogId: f.dialogId,
    nodeId: f.nodeId,
    slots: f.slots,
    confirmations: f.confirmations,
    history: f.history.length,
  }));
}

/** Each "back" from the date question, and the stored state whose position it must restore. */
const BACKS = [
  { to: 'confirm', equals: 5 },
  { to: 'count', equals: 3 },
  { to: 'pick', equals: 1 },
  { to: 'name', equals: 0 },
];

async function expectBacks(h: Harness, states: ConversationState[]): Promise<void> {
  for (const back of BACKS) {
    await h.say('戻る');
    const now = await stored(h);
    expect(now.stack.at(-1)?.nodeId).toBe(back.to);
    expect(position(now)).toEqual(position(states[back.equals]));
  }
  await h.say('戻る');
  expect(h.lastText()).toContain('契約番号を入力してください');
  expect(position(await stored(h))).toEqual(position(states[0]));
}

/** The history the engine stored before deltas: at each answer, full copies of the frame's values then. */
function asStoredBeforeTheChange(state: ConversationState, states: ConversationState[], upTo = Infinity) {
  const copy = structuredClone(state);
  for (const [depth, frame] of copy.stack.entries()) {
    frame.history = frame.history.map((entry, i): HistoryEntry => {
      if (i >= upTo) return entry;
      // The last stored state that was waiting at this entry's node is what the old engine copied.
      const before = states.findLast((s) => s.stack[depth]?.nodeId === entry.nodeId)?.stack[depth];
      if (!before) throw new Error(`no stored state at ${entry.nodeId}`);
      return { nodeId: entry.nodeId, slots: before.slots, confirmations: before.confirmations };
    });
  }
  return copy;
}

describe('back restores exactly the state before the answer', () => {
  it('on a flow with a call result, a sub-dialog result and a confirmation', async () => {
    const { h } = setupPlan();
    const states = await walk(h);
    expect(states[6]?.stack).toHaveLength(1);
    expect(Object.keys(states[6]?.stack[0]?.slots ?? {}).sort()).toEqual([
      'count',
      'item',
      'items',
      'name',
      'note',
    ]);
    await expectBacks(h, states);
  });

  it('from the first question of a sub-dialog: back to the question before it in the caller', async () => {
    const { h } = setupPlan();
    await h.say('こんにちは');
    await h.say('HMAO-061322');
    const atPick = await stored(h);
    await h.say('CameraOA');
    expect((await stored(h)).stack.map((f) => f.dialogId)).toEqual(['plan', 'plan-note']);
    await h.say('戻る');
    expect(position(await stored(h))).toEqual(position(atPick));
  });

  it('an entry stores what its answer changed, not a copy of every slot (the item list is not repeated)', async () => {
    const { h } = setupPlan();
    const states = await walk(h);
    const history = JSON.stringify(states[6]?.stack[0]?.history);
    expect(history).not.toContain('CameraOB'); // the list of items is in the slots once, not in the history
    expect(states[6]?.stack[0]?.history.map((e) => e.nodeId)).toEqual(['name', 'pick', 'count', 'confirm']);
  });

  it.each([
    ['all old full copies', Infinity],
    ['old full copies followed by newer entries', 2],
  ])('a conversation stored before the change (%s) goes back the same way', async (_name, upTo) => {
    const { h } = setupPlan();
    const states = await walk(h);
    const last = states[6];
    if (!last) throw new Error('walk incomplete');
    const old = asStoredBeforeTheChange(last, states, upTo);
    expect(old.stack[0]?.history[0]).toHaveProperty('slots');
    const version = (await h.store.get('test:conversation'))?.version ?? 0;
    expect((await h.store.compareAndSet('test:conversation', version, old)).ok).toBe(true);
    await expectBacks(h, states);
  });
});
