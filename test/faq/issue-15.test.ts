/**
 * Issue 15, items 1–4 and 11: the FAQ tells which service and company a question is about, never gives one
 * company's contacts for the other's service, never answers what the sources do not say, asks when it cannot
 * tell, never answers a fragment, and cites the exact source section.
 */
import { describe, expect, it } from 'vitest';
import { FAQ_ENTRIES } from '../../dialogs/faq/entries.js';
import { createFaqAnswerer } from '../../src/faq/answerer.js';
import { createFaq } from '../../src/faq/faq.js';

const faq = createFaq(FAQ_ENTRIES);
const answerer = createFaqAnswerer(faq);
const CANON_PHONES = /03-6631-2540|03-6631-1138|03-6719-9532|canon-mj\.co\.jp/;
const say = (text: string, locale: 'ja' | 'en' = 'ja', dialogId?: string) =>
  answerer.answer(text, locale, dialogId ? { dialogId } : undefined)?.text;

describe('item 1: Panasonic questions never get Canon contacts', () => {
  it.each([
    ['みえますねっとの電話番号を教えて', 'ja'],
    ['パナソニックの問い合わせ窓口は？', 'ja'],
    ['What is the phone number for Miemasu support?', 'en'],
  ] as const)('%s', (text, locale) => {
    expect(faq.ask(text, locale)).toEqual({ kind: 'not-covered', desk: 'panasonic' });
    const reply = say(text, locale) ?? '';
    expect(reply).not.toMatch(CANON_PHONES);
    expect(reply).toMatch(locale === 'ja' ? /パナソニック/ : /Panasonic/);
  });

  it('not even inside a Canon procedure, and no desk hours either', () => {
    const reply = say('みえますねっとのサポートの受付時間は？', 'ja', 'csps-cancel') ?? '';
    expect(reply).not.toMatch(CANON_PHONES);
    expect(reply).not.toMatch(/9:00〜18:00/);
  });
});

describe('item 2: an accepted cancellation is not said to be undoable', () => {
  it('「解約申込のあと取り消しはできますか」 says the guide describes no way, and names the desks', () => {
    const result = faq.ask('解約申込のあと取り消しはできますか', 'ja');
    expect(result.kind === 'answer' && result.entry.id).toBe('csps.undo-accepted');
    const reply = say('解約申込のあと取り消しはできますか') ?? '';
    expect(reply).toContain('ガイドに記載がありません');
    expect(reply).toContain('03-6631-2540');
    expect(reply).toContain('03-6719-9532');
  });
});

describe('item 3: no confident answer to what we do not cover', () => {
  it.each([
    'カメラの映像が映らなくなりました',
    'Office 365のパスワードをリセットしたい',
    'HOMEの料金を値下げしてもらえますか',
  ])('%s is declined as out of scope', (text) => {
    expect(faq.ask(text, 'ja')).toEqual({ kind: 'decline', reason: 'out-of-scope' });
    expect(say(text)).toContain('対象外');
  });

  it.each(['1', '2', 'はい', 'OK', '？'])('the fragment %s is not answered at all', (text) => {
    expect(faq.ask(text, 'ja')).toEqual({ kind: 'decline', reason: 'fragment' });
    expect(say(text)).toBeUndefined();
    expect(say(text, 'ja', 'walkthrough-csps')).toBeUndefined();
  });
});

describe('item 4: ambiguity is asked about, and every named service is recognised', () => {
  it('「解約はいつ反映されますか」 asks which service, naming both companies', () => {
    const result = faq.ask('解約はいつ反映されますか', 'ja');
    expect(result.kind).toBe('clarify');
    const reply = say('解約はいつ反映されますか') ?? '';
    expect(reply).toContain('パナソニック');
    expect(reply).toContain('キヤノンマーケティングジャパン');
    expect(reply).not.toContain('35日前');
  });

  it('in the Canon procedure it still asks between HOME/uniFLOW and Therefore', () => {
    const result = faq.ask('解約はいつ反映されますか', 'ja', { doc: 'csps' });
    expect(result).toEqual({
      kind: 'clarify',
      topic: 'effective',
      services: ['home', 'therefore', 'uniflow'],
    });
  });

  it('naming the service answers it', () => {
    const therefore = faq.ask('Thereforeの解約はいつ反映されますか', 'ja');
    expect(therefore.kind === 'answer' && therefore.entry.id).toBe('csps.effective-therefore');
    const home = faq.ask('HOMEの解約はいつ反映されますか', 'ja');
    expect(home.kind === 'answer' && home.entry.id).toBe('csps.effective-home-uniflow');
  });

  it('a monthly-plan customer is told this procedure is not theirs', () => {
    const result = faq.ask('月額プランなんですが年間パックと同じやり方で解約できますか', 'ja');
    expect(result.kind === 'answer' && result.entry.id).toBe('miemasu.monthly-plan');
  });

  it.each([
    ['VisualStageを解約したい', 'csps.nvs'],
    ['Canonetの解約はどうすれば', 'not-covered:portal'],
    ['AOSBOXの最低利用期間は？', 'csps.minimum-term-home-12'],
    ['セレクトシリーズの最低利用期間は？', 'csps.minimum-term-home-short'],
  ])('%s → %s', (text, expected) => {
    const result = faq.ask(text, 'ja');
    const label =
      result.kind === 'answer'
        ? result.entry.id
        : result.kind === 'not-covered'
          ? `not-covered:${result.desk}`
          : result.kind;
    expect(label).toBe(expected);
  });
});

describe('item 11: citations name the section the seed puts the fact in', () => {
  it.each([
    ['みえますねっとのパスワードを忘れました', 'STEP2'],
    ['みえますねっとのEメールアドレスを記憶するって何？', 'STEP2'],
  ])('%s cites %s', (text, section) => {
    const reply = say(text) ?? '';
    expect(reply).toContain(`「${section}」）`);
    expect(reply).not.toContain('「STEP1」');
  });
});

describe('item 6 and DOMAIN §2f: interpretations are labelled in FAQ answers', () => {
  const answerOf = (id: string, locale: 'ja' | 'en') =>
    FAQ_ENTRIES.find((e) => e.id === id)?.[locale].answer ?? '';

  it('the Therefore deadline quotes the source and labels the computed date an estimate', () => {
    const ja = answerOf('csps.effective-therefore', 'ja');
    expect(ja).toContain('解約希望月の35日前まで');
    expect(ja).toContain('目安');
    expect(ja).not.toContain('初日の35日前');
    expect(answerOf('csps.effective-therefore', 'en')).toMatch(/estimate/);
  });

  it('the merged-cell 12-month reading and the billing count are labelled as our reading', () => {
    expect(answerOf('csps.minimum-term-home-12', 'ja')).toContain('当方の解釈');
    expect(answerOf('csps.minimum-term-home-12', 'en')).toContain('our interpretation');
    expect(answerOf('csps.minimum-term', 'ja')).toMatch(/当方の目安/);
    expect(answerOf('csps.minimum-term', 'en')).toMatch(/our own count/);
  });

  it('no FAQ answer states what DOMAIN §2e/§2d/item 10 say the sources do not', () => {
    const all = FAQ_ENTRIES.map((e) => `${e.ja.answer}\n${e.en.answer}`).join('\n');
    expect(all).not.toContain('パスワードはログインのたびに入力');
    expect(all).not.toContain('担当窓口にお問い合わせ');
    expect(all).not.toMatch(/取り消せないため/);
    const miemasu = FAQ_ENTRIES.filter((e) => e.source.doc === 'miemasu')
      .map((e) => `${e.ja.answer}\n${e.en.answer}`)
      .join('\n');
    expect(miemasu).not.toMatch(CANON_PHONES);
  });
});
