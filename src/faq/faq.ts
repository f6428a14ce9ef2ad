/**
 * The FAQ retriever: answers a customer's question from the knowledge base, or says it is not sure.
 *
 * One BM25F index per locale is built once from each entry's question, keywords and answer (weighted in that
 * order). A question is answered only when the best entry is confident enough (absolute threshold) AND clearly
 * ahead of the runner-up (relative margin); otherwise the result is `unsure` with the closest candidates, and the
 * caller should say it is not sure and offer a person instead of guessing.
 */
import type { Locale } from '../engine/turn.js';
import { type Bm25Index, createBm25Index } from './bm25.js';
import { extractFeatures, featureWeight, inferSourceDoc } from './features.js';
import type { FaqEntry, FaqLocalizedEntry, FaqSourceDoc } from './schema.js';

export interface FaqCandidate {
  entry: FaqEntry;
  /** Confidence in [0, 1): how much of the question the entry covers, weighted by rarity. */
  score: number;
}

export type FaqResult =
  | { kind: 'answer'; entry: FaqEntry; score: number; runnerUp: FaqCandidate | undefined }
  | { kind: 'unsure'; candidates: FaqCandidate[] };

export interface FaqOptions {
  /** Below this confidence the best entry is not trusted. */
  minScore?: number;
  /** The best entry must lead the runner-up by this fraction of its own score: (top − second) / top. */
  minMargin?: number;
  /** How many candidates an `unsure` result offers (only those scoring at least `candidateFloor`). */
  maxCandidates?: number;
  candidateFloor?: number;
  /** Field weights for question, keywords and answer. */
  fieldWeights?: { question: number; keywords: number; answer: number };
}

export interface AskContext {
  /**
   * The procedure the customer is in; entries from the other source are down-weighted. When not given, it is
   * inferred from product names in the question ("みえますねっと", "HOME", "Therefore"…), if any.
   */
  doc?: FaqSourceDoc | undefined;
}

export interface Faq {
  /** Answers `text` in `locale`, or returns `unsure` with candidates. Pure and deterministic. */
  ask(text: string, locale: Locale, context?: AskContext): FaqResult;
  /** Every entry ranked by confidence, best first (ties keep knowledge-base order). For tools and tests. */
  rank(text: string, locale: Locale, context?: AskContext): FaqCandidate[];
}

export const DEFAULT_FAQ_OPTIONS: Required<FaqOptions> = {
  minScore: 0.2,
  minMargin: 0.06,
  maxCandidates: 3,
  candidateFloor: 0.1,
  fieldWeights: { question: 3, keywords: 2, answer: 1 },
};

/** Score factor for entries of the other procedure when the customer's current procedure is known. */
const OTHER_DOC_FACTOR = 0.85;

/** Builds both locale indexes once. Throws if `entries` is empty. */
export function createFaq(entries: readonly FaqEntry[], options: FaqOptions = {}): Faq {
  if (entries.length === 0) throw new Error('createFaq needs at least one entry');
  const settings = { ...DEFAULT_FAQ_OPTIONS, ...options };
  const indexes: Record<Locale, Bm25Index> = {
    ja: buildIndex(entries, 'ja', settings.fieldWeights),
    en: buildIndex(entries, 'en', settings.fieldWeights),
  };

  const rank = (text: string, locale: Locale, context: AskContext = {}): FaqCandidate[] => {
    const scores = indexes[locale].score(extractFeatures(text, locale), featureWeight);
    const doc = context.doc ?? inferSourceDoc(text);
    return entries
      .map((entry, index) => {
        const raw = scores[index] ?? 0;
        const factor = doc !== undefined && entry.source.doc !== doc ? OTHER_DOC_FACTOR : 1;
        return { entry, score: raw * factor, index };
      })
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .map(({ entry, score }) => ({ entry, score }));
  };

  return {
    rank,
    ask(text, locale, context) {
      const ranked = rank(text, locale, context);
      const [top, runnerUp] = ranked;
      if (top !== undefined && isConfident(top, runnerUp, settings)) {
        return { kind: 'answer', entry: top.entry, score: top.score, runnerUp };
      }
      const candidates = ranked
        .filter((candidate) => candidate.score >= settings.candidateFloor)
        .slice(0, settings.maxCandidates);
      return { kind: 'unsure', candidates };
    },
  };
}

function isConfident(
  top: FaqCandidate,
  runnerUp: FaqCandidate | undefined,
  settings: Required<FaqOptions>,
): boolean {
  if (top.score < settings.minScore) return false;
  if (runnerUp === undefined) return true;
  return (top.score - runnerUp.score) / top.score >= settings.minMargin;
}

function buildIndex(
  entries: readonly FaqEntry[],
  locale: Locale,
  weights: Required<FaqOptions>['fieldWeights'],
): Bm25Index {
  return createBm25Index(
    entries.map((entry) => {
      const localized: FaqLocalizedEntry = entry[locale];
      return {
        fields: [
          { features: extractFeatures(localized.question, locale), weight: weights.question },
          {
            features: extractFeatures((localized.keywords ?? []).join(' '), locale),
            weight: weights.keywords,
          },
          { features: extractFeatures(localized.answer, locale), weight: weights.answer },
        ],
      };
    }),
  );
}
