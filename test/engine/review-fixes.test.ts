/**
 * Regression tests for faults found in review; each failed before its fix.
 */
import { describe, expect, it } from 'vitest';
import { deleteDialog, menuDialog } from '../../dialogs/sample/sample-dialog.js';
import { setup, toFinal } from './sample-setup.js';

describe('review fixes', () => {
  it('idempotency keys never repeat when a forgotten conversation is replayed under the same key', async () => {
    const { h, backend } = setup();
    await toFinal(h);
    await h.click('confirm');
    await h.type('削除');
    await h.store.delete('test:conversation'); // the store forgot it; the clock did not move
    await toFinal(h, 'CameraOB');
    await h.click('confirm');
    await h.type('削除');
    expect(backend.effects.map((e) => e.id)).toEqual(['d1', 'd2']);
    expect(backend.items.has('d2')).toBe(false);
  });

  it('going back never revives a confirmation a call already used', async () => {
    const tree = structuredClone(deleteDialog);
    (tree.nodes.confirm as { next: string }).next = 'note';
    tree.nodes.note = {
      kind: 'ask',
      slot: 'note',
      prompt: 'menu.count',
      reprompt: 'menu.count.reprompt',
      input: { type: 'number' },
      next: 'delete',
    };
    (tree.nodes.delete as { next: { errors: Record<string, string> } }).next.errors = {
      'not-found': 'again',
    };
    tree.nodes.again = {
      kind: 'ask',
      slot: 'again',
      prompt: 'menu.date',
      reprompt: 'menu.date.reprompt',
      input: { type: 'date' },
      next: 'gone',
    };
    const { h, backend } = setup({ dialogs: [menuDialog, tree] });
    await toFinal(h);
    await h.click('confirm');
    await h.type('削除');
    backend.items.delete('d1'); // refused as not found
    await h.say('1');
    expect(h.lastText()).toContain('日付を入力してください');
    await h.say('戻る');
    await h.say('2');
    expect(backend.calls.filter((c) => c.operation === 'deleteItem')).toHaveLength(1);
    expect(h.lastText()).toContain('確認が取れていないため');
  });

  it('while an outcome is unknown, a person is reachable and stop is honest, without re-sending', async () => {
    const { h, backend } = setup();
    await toFinal(h);
    await h.click('confirm');
    backend.faults.deleteTimeoutsLeft = 5;
    await h.type('削除');
    expect(h.lastText()).toContain('結果を確認できませんでした');
    const sent = backend.calls.length;
    await h.click('__human');
    expect(h.lastText()).toContain('お問い合わせ先');
    await h.say('やめる');
    expect(h.lastText()).toContain('取り消されない可能性があります');
    expect(h.lastText()).not.toContain('何も変更していません');
    expect(backend.calls.length).toBe(sent);
  });

  it('a turn arriving while a destructive call is in flight does not send it again', async () => {
    const { h, backend } = setup();
    await toFinal(h);
    await h.click('confirm');
    let release: () => void = () => {};
    let entered: () => void = () => {};
    const sending = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const original = backend.operations.deleteItem.run;
    backend.operations.deleteItem.run = async (args, ctx) => {
      entered();
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return original(args, ctx);
    };
    const first = h.type('削除');
    await sending; // the pending call is stored and the request is on its way
    const second = await h.say('やめる');
    expect(second.map((r) => r.text).join()).toContain('処理中です。このままお待ちください。');
    release();
    await first;
    expect(backend.calls.filter((c) => c.operation === 'deleteItem')).toHaveLength(1);
    expect(backend.effects).toHaveLength(1);
  });

  it('stop works at the typed-phrase prompt, and いいです is not a yes', async () => {
    const { h, backend } = setup();
    await toFinal(h);
    await h.say('いいです');
    expect(h.lastText()).not.toContain('と入力してください');
    await h.click('confirm');
    await h.type('やめる');
    expect(h.lastText()).toContain('中止しました。何も変更していません。');
    expect(backend.effects).toHaveLength(0);
  });

  it('after stop, a button from before it is refused as stale', async () => {
    const { h } = setup();
    await toFinal(h);
    const before = h.last[0]!.stateVersion;
    await h.say('やめる');
    await h.click('confirm', before);
    expect(h.lastText()).toContain('以前の画面のもの');
  });
});

describe('platform retries', () => {
  it('a turn whose id was already handled changes nothing and says nothing', async () => {
    const { h, backend } = setup();
    await h.say('hello');
    await h.click('delete');
    const turn = {
      id: 'Ev012345',
      conversationKey: 'test:conversation',
      channel: 'test',
      actor: { kind: 'customer' as const, id: 'c-1' },
      input: { kind: 'text' as const, text: 'CameraOA' },
    };
    const first = await h.engine.handle(turn);
    expect(first.map((r) => r.text).join()).toContain('CameraOA');
    const before = await h.store.get('test:conversation');
    expect(await h.engine.handle(turn)).toEqual([]);
    expect((await h.store.get('test:conversation'))?.version).toBe(before?.version);
    expect(backend.effects).toHaveLength(0);
  });
});
