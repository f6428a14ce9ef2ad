import { describe, expect, it } from 'vitest';
import {
  walkthroughBehaviour,
  walkthroughDialog,
  walkthroughDialogs,
  walkthroughMessages,
} from '../../../dialogs/walkthrough/index.js';
import { checkDialogs } from '../../../src/engine/checker/index.js';
import { edgesOf } from '../../../src/engine/tree/edges.js';

const twoSteps = [
  { id: 'step1', prompt: 'p.1', trouble: 't.1' },
  { id: 'step2', prompt: 'p.2', trouble: 't.2', detour: { dialog: 'other', label: 'd.label' } },
];

describe('walkthroughDialog (steps → dialog)', () => {
  it('builds ask/trouble/recover per step, chaining 次へ to the next step and the last one to done', () => {
    const dialog = walkthroughDialog('wt', 'wt.title', twoSteps, { done: 'wt.done', intro: 'wt.intro' });
    expect(dialog.start).toBe('intro');
    expect(Object.keys(dialog.nodes).sort()).toEqual(
      [
        'intro',
        'step1',
        'step1-trouble',
        'step1-recover',
        'step2',
        'step2-trouble',
        'step2-recover',
        'step2-detour',
        'contact',
        'stopped',
        'done',
        'detour-stopped',
      ].sort(),
    );
    const edges = (id: string) => {
      const node = dialog.nodes[id];
      if (!node) throw new Error(`no node ${id}`);
      return edgesOf(node).map((e) => `${e.label ?? e.kind}→${e.to}`);
    };
    expect(edges('intro')).toEqual(['next→step1']);
    expect(edges('step1')).toEqual(['next→step2', 'cannot→step1-trouble']);
    expect(edges('step2')).toEqual(['next→done', 'cannot→step2-trouble']);
    expect(edges('step1-trouble')).toEqual(['next→step1-recover']);
    expect(edges('step1-recover')).toEqual(['retry→step1', 'contact→contact', 'stop→stopped']);
    expect(edges('step2-recover')).toEqual([
      'retry→step2',
      'detour→step2-detour',
      'contact→contact',
      'stop→stopped',
    ]);
    expect(dialog.nodes['step2-detour']).toMatchObject({
      kind: 'sub',
      dialog: 'other',
      next: 'step2',
      outcomes: { stopped: 'detour-stopped' },
    });
    expect(dialog.nodes.contact).toEqual({ kind: 'handoff', reason: 'walkthrough.contact' });
    expect(dialog.nodes.done).toMatchObject({
      kind: 'end',
      text: 'wt.done',
      tone: 'success',
      outcome: 'completed',
    });
    expect(dialog.nodes.stopped).toMatchObject({ kind: 'end', outcome: 'stopped' });
  });

  it('starts at the first step without an intro, and adds no detour end without a detour', () => {
    const dialog = walkthroughDialog('wt', 'wt.title', [{ id: 'only', prompt: 'p', trouble: 't' }], {
      done: 'd',
    });
    expect(dialog.start).toBe('only');
    expect(dialog.nodes).not.toHaveProperty('intro');
    expect(dialog.nodes).not.toHaveProperty('detour-stopped');
  });

  it('refuses no steps, repeated step ids and ids that collide with generated nodes', () => {
    expect(() => walkthroughDialog('wt', 't', [], { done: 'd' })).toThrow(/at least one step/);
    const dup = [twoSteps[0]!, { ...twoSteps[0]! }];
    expect(() => walkthroughDialog('wt', 't', dup, { done: 'd' })).toThrow(/"step1" is repeated or reserved/);
    for (const id of ['done', 'contact', 'step1-trouble']) {
      expect(() => walkthroughDialog('wt', 't', [{ id, prompt: 'p', trouble: 't' }], { done: 'd' })).toThrow(
        id,
      );
    }
  });
});

describe('the walkthrough dialogs', () => {
  it('pass the static checker with no operations at all (no backend call anywhere)', () => {
    const { problems } = checkDialogs({
      dialogs: walkthroughDialogs,
      catalogs: walkthroughMessages,
      operations: {},
      behaviour: walkthroughBehaviour,
    });
    expect(problems).toEqual([]);
    const kinds = new Set(walkthroughDialogs.flatMap((d) => Object.values(d.nodes).map((n) => n.kind)));
    expect([...kinds].sort()).toEqual(['ask', 'end', 'handoff', 'say', 'sub']);
  });

  it('say at every end with a text, in both languages, that the chat changed nothing', () => {
    for (const dialog of walkthroughDialogs) {
      for (const node of Object.values(dialog.nodes)) {
        const key = node.kind === 'end' ? node.text : node.kind === 'handoff' ? node.reason : undefined;
        if (!key) continue;
        expect(walkthroughMessages.ja[key], key).toContain('何も変更していません');
        expect(walkthroughMessages.en[key], key).toMatch(/Nothing (has been|was) changed/);
      }
    }
  });

  it('name the buttons and screens exactly as the source guides write them', () => {
    const ja = Object.values(walkthroughMessages.ja).join('\n');
    for (const name of [
      '[設定]',
      '[詳細]',
      '[機器削除(機器の解約)]',
      '[削除]',
      '[キャンセル]',
      '[契約者情報設定]',
      '[退会手続き]',
      '[退会]',
      '「退会処理完了」',
      '「ご契約一覧」',
      '「お申込一覧」',
      '「解約お申込」',
      '「保存して次へ」',
      '「解約」',
      '「OK」',
      '「取消」',
      '「「変更お申込作成中」の文書は削除されました。」',
      '「解約のお申込を承りました。」',
      'https://www.miemasu.net',
      'https://panasonic.biz/cns/miemasu/support/operation/1-3.html',
      'https://panasonic.biz/cns/miemasu/guide/exchange01.html',
      'https://cmj-crmsystem.my.site.com/3Cs/',
    ]) {
      expect(ja, name).toContain(name);
    }
  });
});
