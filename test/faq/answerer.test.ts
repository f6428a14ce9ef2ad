import { describe, expect, it } from 'vitest';
import { FAQ_ENTRIES } from '../../dialogs/faq/entries.js';
import { createFaqAnswerer, docOfDialog } from '../../src/faq/answerer.js';
import { createFaq } from '../../src/faq/faq.js';

const answerer = createFaqAnswerer(createFaq(FAQ_ENTRIES));
const question = 'パスワードを忘れたらどうすればいいですか？';

describe('the FAQ as the engine answerer', () => {
  it('does not guess between two services when nothing says which: it asks', () => {
    const text = answerer.answer(question, 'ja')?.text ?? '';
    expect(text).toContain('サービス名を添えて');
    expect(text).toContain('みえますねっと年間パック（パナソニック）');
    expect(text).not.toContain('https://');
  });

  it('reads a question in the context of the procedure in progress, and cites the source', () => {
    expect(answerer.answer(question, 'ja', { dialogId: 'csps-cancel' })?.text).toContain(
      '※パスワードを忘れた方はこちら',
    );
    const miemasu = answerer.answer(question, 'ja', { dialogId: 'miemasu-delete-device' })?.text ?? '';
    expect(miemasu).toContain('https://panasonic.biz/cns/miemasu/support/operation/1-3.html');
    expect(miemasu).toContain('出典: みえますねっと');
  });

  it('maps dialogs and their walkthroughs to their source document', () => {
    expect(docOfDialog('walkthrough-csps-draft')).toBe('csps');
    expect(docOfDialog('miemasu-withdraw')).toBe('miemasu');
    expect(docOfDialog('menu')).toBeUndefined();
  });
});
