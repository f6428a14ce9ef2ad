/**
 * Issue 15 items 9 and 12 (the part in dialog catalogs): the code validity is told as the backend contract states
 * it, and the wording the issue found is gone from every message the bot can say.
 */
import { describe, expect, it } from 'vitest';
import { procedureBundle } from '../../dialogs/index.js';

const catalogs = procedureBundle().catalogs;
const all = (locale: 'ja' | 'en') => Object.values(catalogs[locale]).join('\n');

describe('dialog wording (issue 15)', () => {
  it('item 9: the one-time code validity is the backend expiry, never a constant of ours', () => {
    // The time comes from the verification's `expiresAt` (test/dialogs/common/identify.test.ts shows two backends
    // with different expiries told apart); no message states a fixed number of minutes.
    expect(catalogs.ja['identify.code.wrong']).toContain('{verification.expiresAt|time}');
    expect(catalogs.en['identify.code.wrong']).toContain('{verification.expiresAt|time}');
    expect(all('ja')).not.toMatch(/有効期限（\d+分）|30分/);
  });

  it.each([
    'お申し込んだ日',
    'いちばん早くて',
    'お客さま',
    'データは引き継ぐ',
    '（最低利用期間を経過しておりません。）',
    '初日の35日前',
  ])('item 12: no message says 「%s」', (phrase) => {
    expect(all('ja')).not.toContain(phrase);
  });

  it('item 6: the Therefore month prompt quotes the source and labels the computed month', () => {
    expect(catalogs.ja['csps.month.prompt']).toContain('解約希望月の35日前までにお申し込みが必要');
    expect(catalogs.ja['csps.month.prompt']).toContain('目安');
    expect(catalogs.ja['csps.fact.deadline']).toContain('目安');
  });
});
