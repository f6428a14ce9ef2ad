/**
 * Held-out FAQ evaluation: a MEASUREMENT of the retriever on questions written without seeing the entries or
 * the tuned eval set (see held-out-set.ts for provenance). It prints top-1 accuracy per locale, every miss and
 * the confident-answer rate on questions that should come back `unsure`, and fails only below a regression
 * floor. Do not tune the retriever or the entries against these questions; that would make them not held out.
 *
 * Scoring: an in-scope question is correct only when `ask` returns a confident answer whose entry is the label
 * (or one of its `alsoAccepted` ids); `unsure` counts as a miss even if the right entry is the top candidate.
 */
import { describe, expect, it } from 'vitest';
import { FAQ_ENTRIES } from '../../dialogs/faq/entries.js';
import { createFaq, describeFaqResult, type FaqResult } from '../../src/faq/faq.js';
import {
  HELD_OUT_OUT_OF_SCOPE,
  HELD_OUT_QUESTIONS,
  HELD_OUT_UNANSWERABLE,
  type HeldOutLocale,
  type HeldOutNegative,
  type HeldOutQuestion,
} from './held-out-set.js';

/** Regression floor, deliberately below the measured level: this set is not a tuning target. */
const MIN_TOP1_ACCURACY = 0.75;
const MAX_CONFIDENT_OUT_OF_SCOPE = 2;

const faq = createFaq(FAQ_ENTRIES);

const describeResult = (result: FaqResult): string => describeFaqResult(result);

function acceptedIds(question: HeldOutQuestion): string[] {
  return [question.expectedId, ...(question.alsoAccepted ?? [])];
}

function isCorrect(question: HeldOutQuestion, result: FaqResult): boolean {
  return result.kind === 'answer' && acceptedIds(question).includes(result.entry.id);
}

interface Top1Report {
  total: number;
  correct: number;
  accuracy: number;
  misses: string[];
  /** Misses where the right entry was the top candidate but the FAQ was not confident. */
  unsureButRightTop: number;
}

function measureTop1(locale: HeldOutLocale): Top1Report {
  const questions = HELD_OUT_QUESTIONS.filter((question) => question.locale === locale);
  const misses: string[] = [];
  let unsureButRightTop = 0;
  for (const question of questions) {
    const result = faq.ask(question.text, locale);
    if (isCorrect(question, result)) continue;
    const topId = result.kind === 'unsure' ? result.candidates[0]?.entry.id : undefined;
    if (topId !== undefined && acceptedIds(question).includes(topId)) {
      unsureButRightTop++;
    }
    misses.push(
      `[${question.topic}/${question.style}] ${question.text} → ${describeResult(result)}; ` +
        `expected ${question.expectedId}`,
    );
  }
  const correct = questions.length - misses.length;
  return {
    total: questions.length,
    correct,
    accuracy: correct / questions.length,
    misses,
    unsureButRightTop,
  };
}

/** The questions from `set` that the FAQ answers confidently, described for the log. */
function confidentAnswers(set: readonly HeldOutNegative[]): string[] {
  return set.flatMap(({ text, locale }) => {
    const result = faq.ask(text, locale);
    return result.kind === 'answer' ? [`${text} → ${describeResult(result)}`] : [];
  });
}

function percent(part: number, whole: number): string {
  return `${((part / whole) * 100).toFixed(1)} % (${part}/${whole})`;
}

describe('FAQ held-out evaluation', () => {
  it('labels only existing entries and has enough questions', () => {
    const ids = new Set(FAQ_ENTRIES.map((entry) => entry.id));
    for (const question of HELD_OUT_QUESTIONS) {
      for (const id of acceptedIds(question)) expect(ids).toContain(id);
    }
    const inScope = HELD_OUT_QUESTIONS.length + HELD_OUT_UNANSWERABLE.length;
    expect(HELD_OUT_QUESTIONS.filter((q) => q.locale === 'ja').length).toBeGreaterThanOrEqual(35);
    expect(HELD_OUT_QUESTIONS.filter((q) => q.locale === 'en').length).toBeGreaterThanOrEqual(10);
    expect(inScope).toBeGreaterThanOrEqual(50);
    expect(HELD_OUT_OUT_OF_SCOPE.length).toBeGreaterThanOrEqual(10);
  });

  it.each(['ja', 'en'] as const)('stays above the %s top-1 regression floor', (locale) => {
    const report = measureTop1(locale);
    console.log(
      `FAQ held-out ${locale}: top-1 ${percent(report.correct, report.total)}; ` +
        `${report.unsureButRightTop} of ${report.misses.length} misses were unsure with the right top candidate` +
        (report.misses.length > 0 ? `\n  misses:\n  - ${report.misses.join('\n  - ')}` : ''),
    );
    expect(report.accuracy).toBeGreaterThanOrEqual(MIN_TOP1_ACCURACY);
  });

  it('answers few out-of-scope questions confidently (and reports unanswerable ones)', () => {
    const outOfScope = confidentAnswers(HELD_OUT_OUT_OF_SCOPE);
    const unanswerable = confidentAnswers(HELD_OUT_UNANSWERABLE);
    console.log(
      `FAQ held-out out-of-scope: confident ${percent(outOfScope.length, HELD_OUT_OUT_OF_SCOPE.length)}` +
        (outOfScope.length > 0 ? `\n  - ${outOfScope.join('\n  - ')}` : '') +
        `\nFAQ held-out unanswerable: confident ${percent(unanswerable.length, HELD_OUT_UNANSWERABLE.length)}` +
        (unanswerable.length > 0 ? `\n  - ${unanswerable.join('\n  - ')}` : ''),
    );
    expect(outOfScope.length).toBeLessThanOrEqual(MAX_CONFIDENT_OUT_OF_SCOPE);
  });
});
