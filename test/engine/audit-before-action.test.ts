/**
 * Invariant 9, audit before action, in the engine: `recordEvents` gets what was shown, ticked and confirmed before a
 * destructive call is sent; when it cannot record, the call is not sent, the turn is not stored, and the customer
 * is told plainly that nothing changed. Once recording works again, the same confirmation goes through.
 */
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src/engine/events.js';
import { observeOperations } from '../../src/engine/operations.js';
import { setup, toFinal } from './sample-setup.js';

describe('audit before action', () => {
  it('the confirmation is recorded before the destructive call is sent', async () => {
    const order: string[] = [];
    const recorded: EngineEvent[] = [];
    const { backend } = setup();
    // The backend's calls are observed through the registry.
    const wrapped = setup({
      recordEvents: async (events) => {
        recorded.push(...events);
        order.push(...events.map((e) => `record:${e.kind}`));
      },
      operations: observeOperations(backend.operations, (name) => order.push(`done:${name}`)),
    });
    await toFinal(wrapped.h);
    order.length = 0;
    await wrapped.h.click('confirm');
    await wrapped.h.type('削除');
    expect(wrapped.h.lastText()).toContain('「CameraOA」を削除しました。');
    const send = order.indexOf('done:deleteItem');
    expect(send).toBeGreaterThan(-1);
    expect(order.slice(0, send)).toContain('record:confirmed');
    expect(order.slice(send)).toContain('record:call-completed');
    // Every event of the run was recorded exactly once.
    const kinds = recorded.map((e) => e.kind);
    expect(kinds.filter((k) => k === 'confirmed')).toHaveLength(1);
    const deletions = recorded.filter((e) => e.kind === 'call-completed' && e.operation === 'deleteItem');
    expect(deletions).toHaveLength(1);
    expect(backend.effects).toHaveLength(1);
  });

  it('cannot record: nothing is sent, nothing stored, the customer is told; afterwards it goes through', async () => {
    let down = false;
    const { h, backend } = setup({
      recordEvents: async () => {
        if (down) throw new Error('audit outbox unavailable');
      },
    });
    await toFinal(h);
    await h.click('confirm');
    const before = await h.store.get('test:conversation');
    const prompt = h.last.at(-1)?.stateVersion ?? 0;
    down = true;
    await h.type('削除');
    expect(h.lastText()).toContain('記録を保存できない');
    expect(h.lastText()).toContain('何も変更していません');
    expect(backend.effects).toEqual([]);
    expect(backend.items.has('d1')).toBe(true);
    expect((await h.store.get('test:conversation'))?.version).toBe(before?.version);

    down = false;
    // The typed-confirmation prompt is still the question on screen.
    await h.send({ kind: 'typed', text: '削除', stateVersion: prompt });
    expect(h.lastText()).toContain('「CameraOA」を削除しました。');
    expect(backend.effects).toHaveLength(1);
  });
});
