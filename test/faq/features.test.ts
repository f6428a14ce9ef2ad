import { describe, expect, it } from 'vitest';
import {
  detectConcepts,
  extractFeatures,
  featureWeight,
  inferSourceDoc,
  stemEnglish,
} from '../../src/faq/features.js';
import { normaliseText } from '../../src/faq/normalise.js';

const conceptIds = (text: string): string[] =>
  detectConcepts(normaliseText(text)).map((concept) => concept.id);

describe('concept detection (synonym table)', () => {
  it('maps customer paraphrases of one idea to the same concept', () => {
    for (const text of ['返金はありますか', '払い戻しは？', 'お金は返ってきますか', 'Do I get a refund?']) {
      expect(conceptIds(text)).toContain('refund');
    }
    for (const text of ['解約したい', 'もうやめたい', 'cancellation please']) {
      expect(conceptIds(text)).toContain('cancel');
    }
    for (const text of ['スマホから', 'スマートフォンで', '携帯では', 'on my phone']) {
      expect(conceptIds(text)).toContain('smartphone');
    }
    for (const text of ['いつ終わりますか', '何日に', '解約の日付']) {
      expect(conceptIds(text)).toContain('when');
    }
  });

  it('matches ASCII forms on word boundaries only', () => {
    expect(conceptIds('my phone')).toContain('smartphone');
    expect(conceptIds('megaphone')).not.toContain('smartphone');
    expect(conceptIds('ok')).toContain('dialog');
    expect(conceptIds('token')).not.toContain('dialog');
  });
});

describe('extractFeatures', () => {
  it('gives Japanese character bigrams, kanji unigrams, segmenter words and concepts', () => {
    const features = extractFeatures('解約したい', 'ja');
    expect(features.has('b:解約')).toBe(true);
    expect(features.has('u:解')).toBe(true);
    expect(features.has('w:解約')).toBe(true);
    expect(features.has('@cancel')).toBe(true);
  });

  it('gives English stemmed words and typo-tolerant trigrams, without stop words', () => {
    const features = extractFeatures('The devices were deleted', 'en');
    expect(features.has('w:devic')).toBe(true);
    expect(features.has('w:delet')).toBe(true);
    expect(features.has('w:the')).toBe(false);
    expect(features.has('t:^de')).toBe(true);
  });

  it('weights hiragana-only fragments below content features', () => {
    expect(featureWeight('b:ます')).toBeLessThan(featureWeight('b:解約'));
    expect(featureWeight('w:ください')).toBeLessThan(featureWeight('w:解約'));
    expect(featureWeight('@refund')).toBeGreaterThan(featureWeight('w:解約'));
  });

  it('is deterministic', () => {
    const text = 'みえますねっとのカメラを削除したら録画は消えますか';
    expect([...extractFeatures(text, 'ja')]).toEqual([...extractFeatures(text, 'ja')]);
  });
});

describe('stemEnglish', () => {
  it('folds common inflections to one stem', () => {
    expect(stemEnglish('deleted')).toBe(stemEnglish('delete'));
    expect(stemEnglish('deleting')).toBe(stemEnglish('delete'));
    expect(stemEnglish('devices')).toBe(stemEnglish('device'));
    expect(stemEnglish('policies')).toBe('policy');
  });
});

describe('inferSourceDoc', () => {
  it('recognises the procedure from product names, and stays undecided otherwise', () => {
    expect(inferSourceDoc('みえますねっとのパスワード')).toBe('miemasu');
    expect(inferSourceDoc('HOME type-M を解約')).toBe('csps');
    expect(inferSourceDoc('Therefore Online')).toBe('csps');
    expect(inferSourceDoc('パスワードを忘れました')).toBeUndefined();
    expect(inferSourceDoc('みえますねっととHOMEの両方')).toBeUndefined();
  });
});
