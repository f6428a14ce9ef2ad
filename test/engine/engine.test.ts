import { describe, expect, it } from 'vitest';
import {
  createFakeBackend,
  deleteDialog,
  menuDialog,
  sampleBehaviour,
  sampleCatalogs,
} from '../../dialogs/sample/sample-dialog.js';
import type { ConversationState } from '../../src/engine/state.js';
import { createHarness } from './harness.js';
import { setup, toFinal } from './sample-setup.js';

describe('a destructive procedure end to end', () => {
  it('shows facts, needs every acknowledgement, the final confirmation and the typed phrase, then deletes once', async () => {
    const { h, backend } = setup();
    await h.say('こんにちは');
    expect(h.lastText()).toContain('ご用件をお選びください');
    await h.click('delete');
    expect(h.last[0]?.choices?.map((c) => c.label)).toEqual(['CameraOA', 'CameraOB', 'Locked']);
    await h.say('ｃａｍｅｒａｏａ');
    const ack = h.last[0]!;
    expect(ack.tone).toBe('warning');
    expect(ack.acknowledgements?.map((a) => a.id)).toEqual(['no-refund', 'data-loss']);
    expect(ack.facts).toEqual([
      { label: '項目名', value: 'CameraOA' },
      { label: '有効期限', value: expect.stringContaining('2027年3月31日') },
    ]);
    await h.tick(['no-refund']);
    expect(h.lastText()).toContain('まだ確認されていない項目があります');
    await h.say('1 2');
    expect(h.lastText()).toContain('「CameraOA」を削除します。よろしいですか？');
    await h.click('confirm');
    expect(h.last[0]?.typedConfirmation).toBe('削除');
    await h.type('さくじょ');
    expect(h.lastText()).toContain('入力が一致しませんでした');
    expect(backend.effects).toHaveLength(0);
    await h.type('削除');
    expect(h.lastText()).toContain('「CameraOA」を削除しました。');
    expect(backend.effects).toEqual([{ id: 'd1', key: expect.any(String) }]);
    expect(backend.items.has('d1')).toBe(false);
  });

  it('routes a business refusal to its branch', async () => {
    const { h, backend } = setup();
    await toFinal(h);
    backend.items.delete('d1'); // someone else deleted it meanwhile
    await h.click('confirm');
    await h.type('削除');
    expect(h.lastText()).toContain('その項目はすでにありません');
  });

  it('re-asks with the same question when a choice is not understood, then offers a person', async () => {
    const { h } = setup();
    await h.say('hello');
    await h.say('banana');
    expect(h.lastText()).toContain('番号でお選びください');
    await h.say('banana');
    await h.say('banana');
    expect(h.lastText()).toContain('担当者におつなぎすることもできます');
    await h.click('__human');
    expect(h.lastText()).toContain('お問い合わせ先');
    expect(h.lastText()).toContain('ご用件をお選びください');
  });
});

describe('always a way out (invariant 5)', () => {
  it.each([['やめる'], ['中止'], ['キャンセル'], ['stop'], ['やめたいです']])(
    '"%s" at the final confirmation stops and changes nothing',
    async (word) => {
      const { h, backend } = setup();
      await toFinal(h);
      const finalQuestion = h.last[0]!.stateVersion;
      await h.say(word);
      expect(h.lastText()).toContain('中止しました。何も変更していません。');
      expect(backend.effects).toHaveLength(0);
      // The confirm button of the final question no longer works.
      await h.click('confirm', finalQuestion);
      expect(h.lastText()).toContain('以前の画面のもの');
      expect(backend.effects).toHaveLength(0);
    },
  );

  it('a request containing キャンセル is not a stop command', async () => {
    const { h } = setup();
    await h.say('hello');
    await h.say('HOMEをキャンセルしたい');
    expect(h.lastText()).not.toContain('中止しました');
  });

  it('goes back one question and forward again', async () => {
    const { h } = setup();
    await h.say('hello');
    await h.click('ask');
    await h.say('HMAO-061322');
    expect(h.lastText()).toContain('台数を入力してください');
    await h.say('戻る');
    expect(h.lastText()).toContain('契約番号を入力してください');
    await h.say('ＨＭＭＨ０６１５３０');
    await h.say('２台');
    await h.say('2026年12月31日');
    expect(h.lastText()).toContain('契約番号 HMMH061530、2 台、2026年12月31日');
  });

  it('start over, help and a person are available mid-flow and keep or reset the question as said', async () => {
    const { h } = setup();
    await h.say('hello');
    await h.click('ask');
    await h.say('ヘルプ');
    expect(h.lastText()).toContain('「やめる」');
    expect(h.lastText()).toContain('契約番号を入力してください');
    await h.say('人と話したい');
    expect(h.lastText()).toContain('お問い合わせ先');
    expect(h.lastText()).toContain('契約番号を入力してください');
    await h.say('最初から');
    expect(h.lastText()).toContain('最初からやり直します');
    expect(h.lastText()).toContain('ご用件をお選びください');
  });

  it('answers a question asked mid-flow, then asks the same question again', async () => {
    const { h } = setup({
      faq: { answer: (text) => (text.includes('返金') ? { text: '払い戻しはありません。' } : undefined) },
    });
    await toFinal(h);
    await h.say('返金はありますか？');
    expect(h.last.map((r) => r.text)).toEqual([
      '払い戻しはありません。',
      '「CameraOA」を削除します。よろしいですか？',
    ]);
  });

  it('switches to English on request', async () => {
    const { h } = setup();
    await h.say('hello');
    await h.say('English');
    expect(h.lastText()).toContain('What can I help you with?');
  });
});

describe('input normalisation and bad input', () => {
  it.each([
    ['empty', '', '空のよう'],
    ['blank', '   ', '空のよう'],
    ['huge', 'a'.repeat(5000), '長すぎます'],
    ['control characters', 'abc\u0000def', '読み取れない文字'],
  ])('%s input gets a polite re-prompt and changes nothing', async (_name, input, expected) => {
    const { h } = setup();
    await h.say('hello');
    await h.click('ask');
    const before = await h.store.get('test:conversation');
    await h.say(input);
    expect(h.lastText()).toContain(expected);
    expect(h.lastText()).toContain('契約番号を入力してください');
    const after = await h.store.get('test:conversation');
    expect(after?.value.stack).toEqual(before?.value.stack);
  });

  it('refuses numbers and dates out of range', async () => {
    const { h } = setup();
    await h.say('hello');
    await h.click('ask');
    await h.say('hmao 061322');
    await h.say('13');
    expect(h.lastText()).toContain('1から12の数字');
    await h.say('3');
    await h.say('2026-02-30');
    expect(h.lastText()).toContain('2026-12-31 のように');
  });
});

describe('no stale clicks (invariant 3)', () => {
  it('refuses a confirmation rendered from an older state and never calls the backend', async () => {
    const { h, backend } = setup();
    await toFinal(h);
    const finalVersion = h.last[0]!.stateVersion;
    await h.say('戻る'); // back to the item choice: the conversation moved on
    await h.click('confirm', finalVersion);
    expect(h.lastText()).toContain('以前の画面のもの');
    expect(backend.calls.filter((c) => c.operation === 'deleteItem')).toHaveLength(0);
  });
});

describe('exactly once (invariant 2)', () => {
  it('stores the pending call before sending it', async () => {
    const { h, backend } = setup();
    await toFinal(h);
    await h.click('confirm');
    let seenPending: ConversationState['pending'];
    const original = backend.operations.deleteItem.run;
    backend.operations.deleteItem.run = async (args, ctx) => {
      seenPending = (await h.store.get('test:conversation'))?.value.pending;
      return original(args, ctx);
    };
    await h.type('削除');
    expect(seenPending?.operation).toBe('deleteItem');
    expect(seenPending?.idempotencyKey).toBe(backend.calls.at(-1)?.ctx.idempotencyKey);
    expect((await h.store.get('test:conversation'))?.value.pending).toBeUndefined();
  });

  it('reconciles an unknown outcome with the same key and never performs the effect twice', async () => {
    const { h, backend } = setup();
    await toFinal(h);
    await h.click('confirm');
    backend.faults.deleteTimeoutsLeft = 1;
    backend.faults.deleteFailsAfterEffect = true; // the delete happens, the answer is lost
    await h.type('削除');
    expect(h.lastText()).toContain('結果を確認できませんでした');
    expect(backend.effects).toHaveLength(1);
    await h.click('__recheck');
    expect(h.lastText()).toContain('先ほどのお手続きの結果を確認できました');
    expect(h.lastText()).toContain('「CameraOA」を削除しました。');
    const keys = backend.calls.filter((c) => c.operation === 'deleteItem').map((c) => c.ctx.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
    expect(backend.effects).toHaveLength(1);
  });

  it('after a crash between storing and sending, the next turn sends with the stored key', async () => {
    const { h, backend } = setup();
    await toFinal(h);
    await h.click('confirm');
    const original = backend.operations.deleteItem.run;
    backend.operations.deleteItem.run = async () => {
      throw new Error('process died');
    };
    await h.type('削除');
    const pendingKey = (await h.store.get('test:conversation'))?.value.pending?.idempotencyKey;
    expect(pendingKey).toBeDefined();
    backend.operations.deleteItem.run = original;
    await h.say('どうなりましたか');
    expect(backend.calls.at(-1)?.ctx.idempotencyKey).toBe(pendingKey);
    expect(backend.effects).toEqual([{ id: 'd1', key: pendingKey }]);
    expect(h.lastText()).toContain('削除しました');
  });

  it('a second deletion needs a second confirmation and gets a different key', async () => {
    const { h, backend } = setup();
    await toFinal(h);
    await h.click('confirm');
    await h.type('削除');
    await h.say('hello');
    await h.click('delete');
    await h.say('CameraOB');
    await h.say('1 2');
    await h.say('はい');
    await h.say('削除');
    expect(backend.effects.map((e) => e.id)).toEqual(['d1', 'd2']);
    expect(backend.effects[0]?.key).not.toBe(backend.effects[1]?.key);
  });

  it('refuses at run time when the confirmed item was swapped in the stored state', async () => {
    // A legal tree with a question between the confirmation and the call gives a turn boundary to tamper at.
    const withNote = structuredClone(deleteDialog);
    (withNote.nodes.confirm as { next: string }).next = 'note';
    withNote.nodes.note = {
      kind: 'ask',
      slot: 'note',
      prompt: 'menu.contract',
      reprompt: 'menu.contract.reprompt',
      input: { type: 'text' },
      next: 'delete',
    };
    const { h, backend } = setup({ dialogs: [menuDialog, withNote] });
    await toFinal(h);
    await h.click('confirm');
    await h.type('削除');
    expect(h.lastText()).toContain('契約番号を入力してください');
    const stored = (await h.store.get('test:conversation'))!;
    const tampered = structuredClone(stored.value);
    tampered.stack.at(-1)!.slots.item = { id: 'd2', name: 'CameraOB', expiry: '2027-06-30' };
    await h.store.compareAndSet('test:conversation', stored.version, tampered);
    await h.say('memo');
    expect(h.lastText()).toContain('確認が取れていないため');
    expect(backend.calls.filter((c) => c.operation === 'deleteItem')).toHaveLength(0);
    expect(backend.items.has('d2')).toBe(true);
  });
});

describe('nothing lost (invariant 4)', () => {
  it('two engine instances on one store never overwrite each other', async () => {
    const { h, backend } = setup();
    const other = createHarness({
      dialogs: [menuDialog, deleteDialog],
      rootDialog: 'menu',
      catalogs: sampleCatalogs,
      behaviour: sampleBehaviour,
      operations: backend.operations,
      store: h.store,
    });
    await h.say('hello');
    const version = h.last[0]!.stateVersion;
    // Both instances get a click from the same rendered menu at once: one wins, the other sees it as stale.
    const [a, b] = await Promise.all([h.click('delete', version), other.click('ask', version)]);
    const texts = [a, b].map((r) => r.map((x) => x.text).join(' '));
    expect(texts.filter((t) => t.includes('以前の画面のもの'))).toHaveLength(1);
    const stored = await h.store.get('test:conversation');
    expect(stored?.version).toBeGreaterThan(1);
  });

  it('resumes where it was after a restart (a new engine on the same store)', async () => {
    const { h, backend } = setup();
    await h.say('hello');
    await h.click('ask');
    const restarted = createHarness({
      dialogs: [menuDialog, deleteDialog],
      rootDialog: 'menu',
      catalogs: sampleCatalogs,
      behaviour: sampleBehaviour,
      operations: backend.operations,
      store: h.store,
    });
    await restarted.say('HMAO061322');
    expect(restarted.lastText()).toContain('台数を入力してください');
  });

  it('an idle conversation expires: says nothing changed and starts over', async () => {
    const { h } = setup();
    await h.say('hello');
    await h.click('ask');
    h.clock.advance(24 * 3600_000 + 1);
    await h.say('HMAO061322');
    expect(h.lastText()).toContain('時間が経ったため終了しました。何も変更していません。');
    expect(h.lastText()).toContain('ご用件をお選びください');
  });

  it('a fault in our code answers politely and keeps the conversation', async () => {
    const { h } = setup({
      behaviour: {
        ...sampleBehaviour,
        validators: {
          contractNumber: () => {
            throw new Error('bug');
          },
        },
      },
    });
    await h.say('hello');
    await h.click('ask');
    await h.say('HMAO061322');
    expect(h.lastText()).toContain('問題が発生しました');
    const stored = await h.store.get('test:conversation');
    expect(stored?.value.stack.at(-1)?.nodeId).toBe('askName');
  });
});

describe('tree versions', () => {
  const changedPrompt = structuredClone(menuDialog);
  (changedPrompt.nodes.askCount as { prompt: string }).prompt = 'menu.date';

  it('continues when the current node is unchanged', async () => {
    const { h, backend } = setup();
    await h.say('hello');
    await h.click('ask');
    const edited = structuredClone(menuDialog);
    (edited.nodes.askCount as { prompt: string }).prompt = 'menu.date'; // another node changed
    const next = createHarness({
      dialogs: [edited, deleteDialog],
      rootDialog: 'menu',
      catalogs: sampleCatalogs,
      behaviour: sampleBehaviour,
      operations: backend.operations,
      store: h.store,
    });
    await next.say('HMAO061322');
    expect(next.lastText()).not.toContain('更新');
    expect(next.lastText()).toContain('日付を入力してください');
  });

  it('restarts, saying nothing changed, when the current node changed', async () => {
    const { h, backend } = setup();
    await h.say('hello');
    await h.click('ask');
    await h.say('HMAO061322');
    const next = createHarness({
      dialogs: [changedPrompt, deleteDialog],
      rootDialog: 'menu',
      catalogs: sampleCatalogs,
      behaviour: sampleBehaviour,
      operations: backend.operations,
      store: h.store,
    });
    await next.say('3');
    expect(next.lastText()).toContain(
      'お手続きの内容が更新されたため、最初からご案内します。何も変更していません。',
    );
    expect(next.lastText()).toContain('ご用件をお選びください');
  });
});

describe('stop after a non-destructive write', () => {
  it('does not claim that nothing changed once a mutating call succeeded', async () => {
    const backend = createFakeBackend();
    const draft = { ...backend.operations.listItems, mutates: true };
    const { h } = setup({ operations: { ...backend.operations, listItems: draft } });
    await h.say('hello');
    await h.click('delete');
    await h.say('やめる');
    expect(h.lastText()).toContain('すでに完了したお手続きは取り消されません');
    expect(h.lastText()).not.toContain('何も変更していません');
  });
});

describe('a button from an earlier conversation under the same key', () => {
  it('is stale even after the store forgot that conversation, and never confirms the new one', async () => {
    const { h, backend } = setup();
    await toFinal(h); // the final confirmation for CameraOA
    const oldConfirm = h.last[0]!.stateVersion;
    await h.store.delete('test:conversation'); // expired from the store
    h.clock.advance(60_000);
    // A new conversation reaches the same kind of screen for another device, as many steps in.
    await h.say('hello');
    await h.click('delete');
    await h.say('CameraOB');
    await h.tick(['no-refund', 'data-loss']);
    expect(h.lastText()).toContain('「CameraOB」を削除します');
    await h.click('confirm', oldConfirm);
    expect(h.lastText()).toContain('以前の画面のもの');
    expect(h.last.some((r) => r.typedConfirmation !== undefined)).toBe(false);
    expect(backend.effects).toHaveLength(0);
  });
});
