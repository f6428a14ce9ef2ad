import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../src/faq/normalise.js';

describe('normaliseText', () => {
  it('applies NFKC, lower-cases and turns punctuation and symbols into single spaces', () => {
    expect(normaliseText('ＨＯＭＥの解約は？！')).toBe('homeの解約は');
    expect(normaliseText('ｽﾏﾎ、ﾀﾌﾞﾚｯﾄ')).toBe('スマホ タブレット');
    expect(normaliseText('  「解約」  ですか？  ')).toBe('解約 ですか');
  });

  it('folds product type names into single tokens', () => {
    expect(normaliseText('HOME type-M/W/D の場合')).toBe('home typem typew typed の場合');
    expect(normaliseText('タイプＭ')).toBe('typem');
    expect(normaliseText('type u2 pro')).toBe('typeu2 pro');
    expect(normaliseText('what type of plan')).toBe('what type of plan');
  });

  it('folds okurigana variants', () => {
    expect(normaliseText('申し込み')).toBe(normaliseText('申込み'));
    expect(normaliseText('問い合わせ先')).toBe('問合せ先');
    expect(normaliseText('取り消し')).toBe('取消し');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const once = normaliseText(text);
        expect(normaliseText(once)).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});
