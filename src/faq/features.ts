/**
 * Turns text into retrieval features. Japanese is written without spaces and customers paraphrase, so a text
 * yields several overlapping views, each a prefixed feature name:
 *
 * - `@concept`  a synonym-table concept whose surface form occurs (see concepts.ts)
 * - `w:word`    an Intl.Segmenter word (ASCII words are stop-listed and lightly stemmed)
 * - `b:xy`      a character bigram of a non-ASCII run (robust to segmentation and conjugation)
 * - `u:x`       a single kanji (catches short compounds split differently)
 * - `t:abc`     a character trigram of an ASCII word (robust to English typos)
 *
 * Contract: pure and deterministic; the same text and locale always give the same multiset of features.
 */
import type { Locale } from '../engine/turn.js';
import { CONCEPTS, type Concept } from './concepts.js';
import { normaliseText } from './normalise.js';

/** Feature name → number of occurrences. */
export type FeatureCounts = Map<string, number>;

const HIRAGANA_ONLY = /^[\u3041-\u309f]+$/;
const KANJI = /[\u4e00-\u9fff\u3005]/;
const ASCII_WORD = /^[a-z0-9]+$/;
const SCRIPT_RUNS = /[a-z0-9]+|[^a-z0-9\s]+/g;

const EN_STOPWORDS = new Set(
  (
    'a an the i im me my mine we our us you your it its is are was were be been being am do does did doing to ' +
    'of for on in at by with from as and or but if so this that these those there here can could will would ' +
    'should shall may might must have has had what which who whom how just please hi hello thanks thank any ' +
    'some get got about into than then also very too'
  ).split(' '),
);

const segmenters: Record<Locale, Intl.Segmenter> = {
  ja: new Intl.Segmenter('ja', { granularity: 'word' }),
  en: new Intl.Segmenter('en', { granularity: 'word' }),
};

/** The relative importance of one occurrence of a feature in a query, by feature kind. */
export function featureWeight(feature: string): number {
  if (feature.startsWith('@')) return 1.5;
  if (feature.startsWith('w:')) return HIRAGANA_ONLY.test(feature.slice(2)) ? 0.3 : 1;
  if (feature.startsWith('b:')) return HIRAGANA_ONLY.test(feature.slice(2)) ? 0.1 : 0.5;
  if (feature.startsWith('u:')) return 0.2;
  if (feature.startsWith('t:')) return 0.15;
  return 0;
}

/** Extracts the features of `text` as written in `locale` (the locale picks the word segmenter). */
export function extractFeatures(text: string, locale: Locale): FeatureCounts {
  const normalised = normaliseText(text);
  const counts: FeatureCounts = new Map();
  const add = (feature: string): void => {
    counts.set(feature, (counts.get(feature) ?? 0) + 1);
  };
  for (const concept of detectConcepts(normalised)) add(`@${concept.id}`);
  for (const run of normalised.match(SCRIPT_RUNS) ?? []) {
    if (ASCII_WORD.test(run)) {
      addAsciiWord(run, add);
    } else {
      addCharacterFeatures(run, add);
    }
  }
  for (const { segment, isWordLike } of segmenters[locale].segment(normalised)) {
    if (!isWordLike || ASCII_WORD.test(segment)) continue;
    if (HIRAGANA_ONLY.test(segment) && segment.length <= 2) continue;
    add(`w:${segment}`);
  }
  return counts;
}

/** The concepts with their forms normalised like texts (a trailing `*` marks an ASCII prefix form). */
const NORMALISED_CONCEPTS: readonly Concept[] = CONCEPTS.map((concept) => ({
  ...concept,
  forms: concept.forms.map((form) =>
    form.endsWith('*') ? `${normaliseText(form.slice(0, -1))}*` : normaliseText(form),
  ),
}));

/** The concepts whose forms occur in already-normalised text, each once, in table order. */
export function detectConcepts(normalised: string): Concept[] {
  const padded = ` ${normalised} `;
  return NORMALISED_CONCEPTS.filter((concept) => concept.forms.some((form) => formOccurs(form, padded)));
}

/**
 * The source document a question is about, judged from the product names it mentions: `undefined` when it
 * names none, or products of both documents.
 */
export function inferSourceDoc(text: string): 'miemasu' | 'csps' | undefined {
  const docs = new Set(detectConcepts(normaliseText(text)).flatMap((concept) => concept.doc ?? []));
  return docs.size === 1 ? [...docs][0] : undefined;
}

const asciiFormPatterns = new Map<string, RegExp>();

function formOccurs(form: string, padded: string): boolean {
  if (!/^[\x20-\x7e]+$/.test(form)) return padded.includes(form);
  let pattern = asciiFormPatterns.get(form);
  if (pattern === undefined) {
    const prefix = form.endsWith('*');
    const body = (prefix ? form.slice(0, -1) : form)
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/ /g, '\\s+');
    pattern = new RegExp(`(?<![a-z0-9])${body}${prefix ? '' : '(?![a-z0-9])'}`);
    asciiFormPatterns.set(form, pattern);
  }
  return pattern.test(padded);
}

function addAsciiWord(word: string, add: (feature: string) => void): void {
  if (EN_STOPWORDS.has(word) || (word.length < 2 && !/[0-9]/.test(word))) return;
  const stem = stemEnglish(word);
  add(`w:${stem}`);
  if (stem.length < 3) return;
  const framed = `^${stem}$`;
  for (let i = 0; i + 3 <= framed.length; i++) add(`t:${framed.slice(i, i + 3)}`);
}

function addCharacterFeatures(run: string, add: (feature: string) => void): void {
  const chars = Array.from(run);
  for (let i = 0; i + 1 < chars.length; i++) add(`b:${chars[i]}${chars[i + 1]}`);
  for (const char of chars) if (KANJI.test(char)) add(`u:${char}`);
}

/** A light English stemmer: folds plurals and -ed/-ing endings and a final -e ("deleted" → "delet"). */
export function stemEnglish(word: string): string {
  let stem = word;
  if (stem.length > 4 && stem.endsWith('ies')) stem = `${stem.slice(0, -3)}y`;
  else if (stem.length > 3 && stem.endsWith('s') && !/(ss|us|is)$/.test(stem)) stem = stem.slice(0, -1);
  if (stem.length > 5 && stem.endsWith('ing')) stem = stem.slice(0, -3);
  else if (stem.length > 4 && stem.endsWith('ed')) stem = stem.slice(0, -2);
  if (stem.length > 3 && stem.endsWith('e')) stem = stem.slice(0, -1);
  return stem;
}
