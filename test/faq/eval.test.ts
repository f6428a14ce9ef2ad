/**
 * The FAQ evaluation: top-1 accuracy on customer phrasings must reach 90 % in each locale, and out-of-scope
 * questions must come back `unsure`. A question counts as correct only when the FAQ answers it (confidently)
 * with the labelled entry; an `unsure` result counts as a miss.
 */
import { describe, expect, it } from 'vitest';
import { FAQ_ENTRIES } from '../../dialogs/faq/entries.js';
import type { Locale } from '../../src/engine/turn.js';
import { createFaq, describeFaqResult } from '../../src/faq/faq.js';
import { EN_EVAL, JA_EVAL, type LabelledQuestion, OUT_OF_SCOPE } from './eval-set.js';

const REQUIRED_ACCURACY = 0.9;
const faq = createFaq(FAQ_ENTRIES);

function evaluate(set: readonly LabelledQuestion[], locale: Locale) {
  const misses: string[] = [];
  let correct = 0;
  for (const { text, expected } of set) {
    const result = faq.ask(text, locale);
    if (result.kind === 'answer' && result.entry.id === expected) {
      correct++;
      continue;
    }
    const got = describeFaqResult(result);
    misses.push(`${text} → ${got} (expected ${expected})`);
  }
  return { accuracy: correct / set.length, correct, misses };
}

describe('FAQ evaluation set', () => {
  it('is big enough and labels only existing entries', () => {
    expect(JA_EVAL.length).toBeGreaterThanOrEqual(60);
    expect(EN_EVAL.length).toBeGreaterThanOrEqual(15);
    expect(OUT_OF_SCOPE.length).toBeGreaterThanOrEqual(10);
    const ids = new Set(FAQ_ENTRIES.map((entry) => entry.id));
    for (const { expected } of [...JA_EVAL, ...EN_EVAL]) expect(ids).toContain(expected);
  });

  it('does not copy entry questions or keywords verbatim', () => {
    const taken = new Set(
      FAQ_ENTRIES.flatMap((entry) => [
        entry.ja.question,
        entry.en.question,
        ...(entry.ja.keywords ?? []),
        ...(entry.en.keywords ?? []),
      ]),
    );
    for (const { text } of [...JA_EVAL, ...EN_EVAL]) expect(taken).not.toContain(text);
  });

  it.each([
    { locale: 'ja' as const, set: JA_EVAL },
    { locale: 'en' as const, set: EN_EVAL },
  ])('reaches 90 percent top-1 accuracy in $locale', ({ locale, set }) => {
    const { accuracy, correct, misses } = evaluate(set, locale);
    console.log(
      `FAQ eval ${locale}: top-1 ${(accuracy * 100).toFixed(1)} % (${correct}/${set.length})` +
        (misses.length > 0 ? `\n  misses:\n  - ${misses.join('\n  - ')}` : ''),
    );
    expect(accuracy).toBeGreaterThanOrEqual(REQUIRED_ACCURACY);
  });

  it('answers at most one out-of-scope question confidently', () => {
    const confident = OUT_OF_SCOPE.flatMap(({ text, locale }) => {
      const result = faq.ask(text, locale);
      return result.kind === 'answer' ? [`${text} → ${result.entry.id}`] : [];
    });
    console.log(
      `FAQ eval out-of-scope: ${OUT_OF_SCOPE.length - confident.length}/${OUT_OF_SCOPE.length} unsure` +
        (confident.length > 0 ? `; answered: ${confident.join(', ')}` : ''),
    );
    expect(confident.length).toBeLessThanOrEqual(1);
  });
});
