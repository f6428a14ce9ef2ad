/**
 * The FAQ retriever: answers a customer's question from the knowledge base, asks which service it is about,
 * says our guides do not cover it (naming the right desk), declines, or says it is not sure.
 *
 * Order of decisions (see scope.ts for what is read from the question):
 * 1. a bare fragment (「1」, "OK", thanks) → `decline`; a Canon portal service the guidebook does not cover →
 *    `not-covered` (portal); a product neither guide is about, or a topic outside cancellation → `decline`;
 *    a contact question about みえますねっと → `not-covered` (Panasonic: its guide names no phone number, and
 *    Canon's desks do not serve it).
 * 2. retrieval: one BM25F index per locale built from each entry's question, keywords and answer (weighted in
 *    that order), restricted to the document (and services) the question or the procedure in progress names.
 *    The best entry must be confident enough (absolute threshold) AND clearly ahead of the best entry of another
 *    topic (relative margin); otherwise `unsure` with the closest candidates.
 * 3. an entry whose answer depends on the service (`topic`) is given only when the service is known; otherwise
 *    `clarify` (ask which service), or `not-covered` when the named service has no entry on that topic.
 */
import type { Locale } from '../engine/turn.js';
import { type Bm25Index, createBm25Index } from './bm25.js';
import { extractFeatures, featureWeight } from './features.js';
import { normaliseText } from './normalise.js';
import type { FaqEntry, FaqLocalizedEntry, FaqService, FaqSourceDoc } from './schema.js';
import { docOfService, type QuestionScope, readScope } from './scope.js';

export interface FaqCandidate {
  entry: FaqEntry;
  /** Confidence in [0, 1): how much of the question the entry covers, weighted by rarity. */
  score: number;
}

/**
 * Where to send a question our guides do not answer: `panasonic` (みえますねっと's own web site; its guide names
 * no phone number), `portal` (the Canon portal's 「お問合せ」 button), `home` (HOME コンタクトセンター),
 * `contract-center` (ソリューションサービス契約センター, Therefore/uniFLOW), `canon` (both Canon application desks).
 */
export type FaqDesk = 'panasonic' | 'portal' | 'home' | 'contract-center' | 'canon';

export type FaqResult =
  | { kind: 'answer'; entry: FaqEntry; score: number; runnerUp: FaqCandidate | undefined }
  /** The answer depends on the service and the question does not say which: ask among `services`. */
  | { kind: 'clarify'; topic: string; services: FaqService[] }
  /** The company/service is known but our guides do not answer this: say so and name `desk`. */
  | { kind: 'not-covered'; desk: FaqDesk }
  /** Not a question about these procedures (out of scope), or not a question at all (a fragment). */
  | { kind: 'decline'; reason: 'fragment' | 'out-of-scope' }
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
   * The procedure the customer is in. Product names in the question ("みえますねっと", "HOME", "Therefore"…) take
   * precedence; without either, the question's vocabulary decides, if it points to one guide.
   */
  doc?: FaqSourceDoc | undefined;
}

export interface Faq {
  /** Answers `text` in `locale`, or returns `unsure` with candidates. Pure and deterministic. */
  ask(text: string, locale: Locale, context?: AskContext): FaqResult;
  /**
   * The entries of the question's document and services ranked by confidence, best first (ties keep
   * knowledge-base order). For tools and tests.
   */
  rank(text: string, locale: Locale, context?: AskContext): FaqCandidate[];
}

export const DEFAULT_FAQ_OPTIONS: Required<FaqOptions> = {
  minScore: 0.2,
  minMargin: 0.06,
  maxCandidates: 3,
  candidateFloor: 0.1,
  fieldWeights: { question: 3, keywords: 2, answer: 1 },
};

const ALL_SERVICES: readonly FaqService[] = ['miemasu', 'home', 'therefore', 'uniflow'];
const DOC_SERVICES: Record<FaqSourceDoc, readonly FaqService[]> = {
  miemasu: ['miemasu'],
  csps: ['home', 'therefore', 'uniflow'],
};

/** The services an entry's answer is true for. */
export function servicesOf(entry: FaqEntry): readonly FaqService[] {
  return entry.services ?? DOC_SERVICES[entry.source.doc];
}

/** What the question (and the procedure in progress) tells about its subject. */
interface Subject {
  scope: QuestionScope;
  doc: FaqSourceDoc | undefined;
  /** The services the question may be about: those named, else those of its document, else all. */
  possible: readonly FaqService[];
}

function subjectOf(text: string, context: AskContext): Subject {
  const scope = readScope(normaliseText(text));
  const doc = scope.namedDoc ?? context.doc ?? scope.vocabularyDoc;
  const named = [...scope.services].filter((service) => doc === undefined || docOfService(service) === doc);
  const possible = named.length > 0 ? named : doc ? DOC_SERVICES[doc] : ALL_SERVICES;
  return { scope, doc, possible };
}

/** Builds both locale indexes once. Throws if `entries` is empty. */
export function createFaq(entries: readonly FaqEntry[], options: FaqOptions = {}): Faq {
  if (entries.length === 0) throw new Error('createFaq needs at least one entry');
  const settings = { ...DEFAULT_FAQ_OPTIONS, ...options };
  const indexes: Record<Locale, Bm25Index> = {
    ja: buildIndex(entries, 'ja', settings.fieldWeights),
    en: buildIndex(entries, 'en', settings.fieldWeights),
  };

  const rankFor = (text: string, locale: Locale, subject: Subject): FaqCandidate[] => {
    const scores = indexes[locale].score(extractFeatures(text, locale), featureWeight);
    return entries
      .map((entry, index) => ({ entry, score: scores[index] ?? 0, index }))
      .filter(({ entry }) => fits(entry, subject))
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .map(({ entry, score }) => ({ entry, score }));
  };

  return {
    rank: (text, locale, context = {}) => rankFor(text, locale, subjectOf(text, context)),
    ask(text, locale, context = {}) {
      const subject = subjectOf(text, context);
      const { scope } = subject;
      if (scope.fragment) return { kind: 'decline', reason: 'fragment' };
      if (scope.uncoveredPortalService) return { kind: 'not-covered', desk: 'portal' };
      if (scope.offTopic || (scope.foreignProduct && scope.services.size === 0)) {
        return { kind: 'decline', reason: 'out-of-scope' };
      }
      if (subject.doc === 'miemasu' && scope.asksContact) return { kind: 'not-covered', desk: 'panasonic' };
      const ranked = rankFor(text, locale, subject);
      const [top] = ranked;
      const runnerUp = ranked.find((candidate) => !sameTopic(candidate.entry, top?.entry));
      if (top === undefined || !isConfident(top, runnerUp, settings)) {
        // Close candidates that each depend on the service, for a question naming none: ask which one.
        if (top?.entry.topic !== undefined && top.score >= settings.minScore && subject.doc === undefined) {
          return { kind: 'clarify', topic: top.entry.topic, services: [...subject.possible] };
        }
        const candidates = ranked
          .filter((candidate) => candidate.score >= settings.candidateFloor)
          .slice(0, settings.maxCandidates);
        return { kind: 'unsure', candidates };
      }
      if (top.entry.topic === undefined) {
        return { kind: 'answer', entry: top.entry, score: top.score, runnerUp };
      }
      return resolveTopic(top, runnerUp, subject, entries);
    },
  };
}

/** Whether an entry may answer for this subject: its document, and one of the services named. */
function fits(entry: FaqEntry, subject: Subject): boolean {
  if (subject.doc !== undefined && entry.source.doc !== subject.doc) return false;
  if (subject.scope.services.size === 0) return true;
  return servicesOf(entry).some((service) => subject.possible.includes(service));
}

function sameTopic(a: FaqEntry, b: FaqEntry | undefined): boolean {
  if (b === undefined) return false;
  if (a.id === b.id) return true;
  return a.topic !== undefined && a.topic === b.topic;
}

/**
 * A topic answered differently per service: the one entry covering every service the question may be about,
 * or a question back when several (or only some) do, or "not covered" when none does.
 */
function resolveTopic(
  top: FaqCandidate,
  runnerUp: FaqCandidate | undefined,
  subject: Subject,
  entries: readonly FaqEntry[],
): FaqResult {
  const topic = top.entry.topic ?? '';
  const siblings = entries.filter((entry) => entry.topic === topic);
  const covering = siblings.filter((entry) => servicesOf(entry).some((s) => subject.possible.includes(s)));
  const [only] = covering;
  if (covering.length === 1 && only && subject.possible.every((s) => servicesOf(only).includes(s))) {
    return { kind: 'answer', entry: only, score: top.score, runnerUp };
  }
  if (covering.length === 0) return { kind: 'not-covered', desk: deskFor(subject.possible) };
  return { kind: 'clarify', topic, services: [...subject.possible] };
}

/** The desk for questions our guides do not answer about these services. */
export function deskFor(services: readonly FaqService[]): FaqDesk {
  if (services.every((service) => service === 'miemasu')) return 'panasonic';
  if (services.every((service) => service === 'home')) return 'home';
  if (services.every((service) => service === 'therefore' || service === 'uniflow')) return 'contract-center';
  return 'canon';
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

/** A one-line description of a result, for evaluation logs: `entry.id (score)`, `clarify`, `not-covered:desk`… */
export function describeFaqResult(result: FaqResult): string {
  switch (result.kind) {
    case 'answer':
      return `${result.entry.id} (${result.score.toFixed(2)})`;
    case 'clarify':
      return `clarify ${result.topic} [${result.services.join(', ')}]`;
    case 'not-covered':
      return `not-covered:${result.desk}`;
    case 'decline':
      return `decline (${result.reason})`;
    case 'unsure':
      return `unsure [${result.candidates.map((c) => `${c.entry.id} ${c.score.toFixed(2)}`).join(', ')}]`;
  }
}
