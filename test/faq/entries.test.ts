import { describe, expect, it } from 'vitest';
import { FAQ_ENTRIES } from '../../dialogs/faq/entries.js';
import { FAQ_SOURCE_DOCS, parseFaqEntries } from '../../src/faq/schema.js';

const allText = (): string => FAQ_ENTRIES.map((entry) => `${entry.ja.answer}\n${entry.en.answer}`).join('\n');

describe('FAQ entries', () => {
  it('load through the zod schema with 25–40 entries and unique ids', () => {
    expect(FAQ_ENTRIES.length).toBeGreaterThanOrEqual(25);
    expect(FAQ_ENTRIES.length).toBeLessThanOrEqual(40);
    expect(new Set(FAQ_ENTRIES.map((entry) => entry.id)).size).toBe(FAQ_ENTRIES.length);
    expect(parseFaqEntries(FAQ_ENTRIES)).toEqual(FAQ_ENTRIES);
  });

  it.each(FAQ_ENTRIES.map((entry) => [entry.id, entry] as const))(
    '%s has both locales and cites a source section',
    (_id, entry) => {
      expect(FAQ_SOURCE_DOCS).toContain(entry.source.doc);
      expect(entry.source.section.trim()).not.toBe('');
      for (const locale of ['ja', 'en'] as const) {
        expect(entry[locale].question.trim()).not.toBe('');
        expect(entry[locale].answer.trim()).not.toBe('');
      }
    },
  );

  it.each(FAQ_ENTRIES.map((entry) => [entry.id, entry.ja.answer] as const))(
    '%s answers in Japanese in 2–4 polite sentences',
    (_id, answer) => {
      const sentences = answer.split('。').filter((sentence) => sentence.trim() !== '');
      expect(sentences.length).toBeGreaterThanOrEqual(2);
      expect(sentences.length).toBeLessThanOrEqual(4);
      expect(answer.trim()).toMatch(/[。」]$/);
      expect(answer).toMatch(/(です|ます|ください|ません)/);
      expect(answer).not.toMatch(/(だよ|じゃない|である。)/);
    },
  );

  it('covers both source documents and cites the sections the brief names', () => {
    const sections = new Set(FAQ_ENTRIES.map((entry) => `${entry.source.doc}:${entry.source.section}`));
    for (const expected of ['miemasu:お知らせ', 'miemasu:STEP1', 'csps:<付録>', 'csps:お問い合わせ']) {
      expect(sections).toContain(expected);
    }
    expect([...sections].some((section) => section.startsWith('csps:5. 「解約理由」を入力します'))).toBe(
      true,
    );
  });

  it('quotes the contacts and URLs of the sources exactly', () => {
    const text = allText();
    for (const fact of [
      '03-6631-2540',
      '03-6631-1138',
      '03-6719-9532',
      'home-support@canon-mj.co.jp',
      'contract-csps@canon-mj.co.jp',
      '9:00〜18:00',
      '9:30〜12:00・13:00〜17:00',
      'https://panasonic.biz/cns/miemasu/guide/exchange01.html',
      'https://panasonic.biz/cns/miemasu/support/operation/1-3.html',
      'https://www.miemasu.net',
      'https://cmj-crmsystem.my.site.com/3Cs/',
    ]) {
      expect(text).toContain(fact);
    }
  });
});

describe('parseFaqEntries', () => {
  const valid = FAQ_ENTRIES[0]!;

  it('rejects an entry missing a locale, naming it', () => {
    const { en: _dropped, ...withoutEnglish } = valid;
    expect(() => parseFaqEntries([withoutEnglish])).toThrow(/entry #0 \("miemasu\.refund"\): en/);
  });

  it('rejects an entry without a source or with an unknown document', () => {
    const { source: _dropped, ...withoutSource } = valid;
    expect(() => parseFaqEntries([withoutSource])).toThrow(/source/);
    expect(() => parseFaqEntries([{ ...valid, source: { doc: 'other', section: 'x' } }])).toThrow(
      /source\.doc/,
    );
  });

  it('rejects duplicate ids and unknown fields', () => {
    expect(() => parseFaqEntries([valid, valid])).toThrow(/duplicate entry id "miemasu\.refund"/);
    expect(() => parseFaqEntries([{ ...valid, extra: true }])).toThrow(/Invalid FAQ entries/);
  });
});
