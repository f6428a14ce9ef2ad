/**
 * Issue 15 items 9 and 12 (the part in dialog catalogs): the code validity is told as the backend contract states
 * it, and the wording the issue found is gone from every message the bot can say.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { procedureBundle } from '../../dialogs/index.js';

const catalogs = procedureBundle().catalogs;
const all = (locale: 'ja' | 'en') => Object.values(catalogs[locale]).join('\n');

describe('dialog wording (issue 15)', () => {
  it('item 9: the one-time code validity is the one the backend contract states', () => {
    const spec = readFileSync(new URL('../../src/backend/openapi.yaml', import.meta.url), 'utf8');
    const minutes = /Codes are 6 digits and expire after (\d+) minutes/.exec(spec)?.[1];
    expect(minutes).toBeDefined();
    expect(catalogs.ja['identify.code.wrong']).toContain(`有効期限（${minutes}分）`);
    expect(catalogs.en['identify.code.wrong']).toContain(`codes last ${minutes} minutes`);
    expect(all('ja')).not.toMatch(/有効期限（(?!\d+分）)|30分/);
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
