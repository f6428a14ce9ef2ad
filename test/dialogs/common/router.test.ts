import { describe, expect, it } from 'vitest';
import { requestRouter } from '../../../dialogs/common/router.js';

describe('routing free text to a procedure', () => {
  it.each([
    ['カメラを削除したい', 'miemasu-delete-device'],
    ['登録した機器を解約したいです', 'miemasu-delete-device'],
    ['delete my camera', 'miemasu-delete-device'],
    ['みえますねっとを退会したい', 'miemasu-withdraw'],
    ['退会したい', 'miemasu-withdraw'],
    ['HOMEを解約したい', 'csps-cancel'],
    ['ＨＯＭＥ　type-M をやめたい', 'csps-cancel'],
    ['cancel my uniFLOW contract', 'csps-cancel'],
    ['Thereforeの契約を解約', 'csps-cancel'],
    ['自分で手続きしたい', 'walkthrough'],
    ['how do I cancel it myself?', 'walkthrough'],
    ['解約したい', 'menu'],
    ['I want to cancel', 'menu'],
    ['代理対応', 'agent-session'],
    ['代理で解約したい', 'agent-session'],
    ['act for a customer', 'agent-session'],
    ['agent mode', 'agent-session'],
    ['代理終了', 'agent-end'],
    ['代理対応を終了します', 'agent-end'],
    ['end acting', 'agent-end'],
  ])('%s → %s', (text, dialog) => {
    expect(requestRouter.route(text, 'ja')).toBe(dialog);
  });

  it.each([
    '返金はありますか？',
    'When does the cancellation take effect?',
    'こんにちは',
    'ありがとう',
    // issue 15 item 4: a monthly-plan customer is told by the FAQ, not led to the annual-pack walkthrough
    '月額プランなんですが年間パックと同じやり方で解約できますか',
    'I pay monthly - how do I cancel it myself?',
  ])('%s is not routed (questions go to the FAQ, greetings to the menu)', (text) => {
    expect(requestRouter.route(text, 'ja')).toBeUndefined();
  });
});
