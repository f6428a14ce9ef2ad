import { describe, expect, it } from 'vitest';
import { FAQ_ENTRIES } from '../../dialogs/faq/entries.js';
import { createFaq, DEFAULT_FAQ_OPTIONS, servicesOf } from '../../src/faq/faq.js';
import { type FaqEntry, parseFaqEntries } from '../../src/faq/schema.js';

const faq = createFaq(FAQ_ENTRIES);

function entry(id: string, doc: 'miemasu' | 'csps', ja: string, en: string): FaqEntry {
  return parseFaqEntries([
    {
      id,
      source: { doc, section: 'テスト' },
      ja: { question: ja, answer: `${ja}についてご案内します。` },
      en: { question: en, answer: `About ${en}.` },
    },
  ])[0]!;
}

describe('createFaq', () => {
  it('answers a paraphrased question with the entry that covers it', () => {
    const result = faq.ask('スマホで手続きできますか？', 'ja');
    expect(result.kind).toBe('answer');
    if (result.kind !== 'answer') return;
    expect(result.entry.id).toBe('miemasu.smartphone-login');
    expect(result.score).toBeGreaterThan(0);
    expect(result.runnerUp?.score ?? 0).toBeLessThan(result.score);
  });

  it('answers in English from the English fields', () => {
    const result = faq.ask('Do I get money back when I delete a camera?', 'en');
    expect(result.kind === 'answer' && result.entry.id).toBe('miemasu.refund');
  });

  it('declines what the knowledge base is not about, and text that is no question, without candidates', () => {
    expect(faq.ask('明日の天気は？', 'ja')).toEqual({ kind: 'decline', reason: 'out-of-scope' });
    expect(faq.ask('明日の天気を教えてください', 'ja')).toEqual({ kind: 'decline', reason: 'out-of-scope' });
    expect(faq.ask('', 'ja')).toEqual({ kind: 'decline', reason: 'fragment' });
    const vague = faq.ask('ちょっと質問があります', 'ja');
    expect(vague.kind).toBe('unsure');
    for (const candidate of vague.kind === 'unsure' ? vague.candidates : []) {
      expect(candidate.score).toBeLessThan(DEFAULT_FAQ_OPTIONS.minScore);
    }
  });

  it('asks which service when the answers of two services are the closest', () => {
    const result = faq.ask('パスワードを忘れました', 'ja');
    expect(result).toEqual({
      kind: 'clarify',
      topic: 'password',
      services: ['miemasu', 'home', 'therefore', 'uniflow'],
    });
  });

  it('uses the procedure named in the question, or given as context, to break such ties', () => {
    const named = faq.ask('みえますねっとのパスワードを忘れました', 'ja');
    expect(named.kind === 'answer' && named.entry.id).toBe('miemasu.password-reset');
    const inContext = faq.ask('パスワードを忘れました', 'ja', { doc: 'csps' });
    expect(inContext.kind === 'answer' && inContext.entry.id).toBe('csps.password-reset');
  });

  it('applies the absolute threshold and the margin from the options', () => {
    const entries = [
      entry('a.refund', 'miemasu', '返金について', 'refunds'),
      entry('b.refund-too', 'csps', '返金の時期について', 'refund timing'),
    ];
    const lenient = createFaq(entries, { minScore: 0, minMargin: 0 });
    expect(lenient.ask('返金', 'ja').kind).toBe('answer');
    const strictScore = createFaq(entries, { minScore: 0.99, minMargin: 0 });
    expect(strictScore.ask('返金', 'ja').kind).toBe('unsure');
    const strictMargin = createFaq(entries, { minScore: 0, minMargin: 0.99 });
    const result = strictMargin.ask('返金', 'ja');
    expect(result.kind).toBe('unsure');
    expect(result.kind === 'unsure' && result.candidates.length).toBe(2);
  });

  it('ranks the entries of the service the question names, best first, with scores in [0, 1)', () => {
    const ranked = faq.rank('Thereforeの解約はいつまでに申し込めばいい？', 'ja');
    const forTherefore = FAQ_ENTRIES.filter((e) => servicesOf(e).includes('therefore'));
    expect(ranked.map((c) => c.entry.id).sort()).toEqual(forTherefore.map((e) => e.id).sort());
    expect(ranked[0]?.entry.id).toBe('csps.effective-therefore');
    for (let i = 1; i < ranked.length; i++) {
      expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);
    }
    for (const candidate of ranked) {
      expect(candidate.score).toBeGreaterThanOrEqual(0);
      expect(candidate.score).toBeLessThan(1);
    }
    expect(faq.rank('ほげほげ', 'ja')).toHaveLength(FAQ_ENTRIES.length);
  });

  it('is deterministic', () => {
    const question = '機器を消すと録画はどうなる？';
    expect(faq.ask(question, 'ja')).toEqual(faq.ask(question, 'ja'));
  });

  it('refuses an empty knowledge base', () => {
    expect(() => createFaq([])).toThrow(/at least one entry/);
  });
});
