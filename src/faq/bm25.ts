/**
 * A small BM25F-style index: each document has weighted fields of feature counts; a query is a set of features
 * with per-feature weights. Built once; scoring is pure.
 *
 * Scores are reported as a coverage-like confidence: the BM25 score divided by the score an ideal document
 * (one matching every query feature with saturated frequency) would reach. A query made of words the index has
 * never seen therefore scores near 0, whatever its length, and a query fully covered by a document nears 1.
 */
import type { FeatureCounts } from './features.js';

export interface Bm25Field {
  features: FeatureCounts;
  /** How much one occurrence in this field counts (e.g. question 3, keywords 2, answer 1). */
  weight: number;
}

export interface Bm25Document {
  fields: readonly Bm25Field[];
}

export interface Bm25Params {
  /** Term-frequency saturation. */
  k1: number;
  /** Length normalisation (0 = none, 1 = full). */
  b: number;
}

export interface Bm25Index {
  /**
   * Scores every document for the query; the result is indexed like the documents, each in [0, 1).
   * `featureWeight` gives the importance of each query feature (features weighted 0 are ignored).
   */
  score(query: FeatureCounts, featureWeight: (feature: string) => number): number[];
}

export const DEFAULT_BM25_PARAMS: Bm25Params = { k1: 1.2, b: 0.5 };

export function createBm25Index(documents: readonly Bm25Document[], params = DEFAULT_BM25_PARAMS): Bm25Index {
  const frequencies = documents.map(mergeFields);
  const lengths = frequencies.map((tf) => [...tf.values()].reduce((sum, value) => sum + value, 0));
  const averageLength = lengths.reduce((sum, value) => sum + value, 0) / Math.max(1, documents.length);
  const documentFrequency = new Map<string, number>();
  for (const tf of frequencies) {
    for (const feature of tf.keys())
      documentFrequency.set(feature, (documentFrequency.get(feature) ?? 0) + 1);
  }
  const total = documents.length;
  const idf = (feature: string): number => {
    const df = documentFrequency.get(feature) ?? 0;
    return Math.log(1 + (total - df + 0.5) / (df + 0.5));
  };
  const { k1, b } = params;

  return {
    score(query, featureWeight) {
      let ideal = 0;
      const weighted: Array<[string, number]> = [];
      for (const feature of query.keys()) {
        const weight = featureWeight(feature) * idf(feature);
        if (weight <= 0) continue;
        weighted.push([feature, weight]);
        ideal += weight * (k1 + 1);
      }
      return frequencies.map((tf, index) => {
        if (ideal === 0) return 0;
        const norm = k1 * (1 - b + (b * (lengths[index] ?? 0)) / (averageLength || 1));
        let score = 0;
        for (const [feature, weight] of weighted) {
          const frequency = tf.get(feature) ?? 0;
          if (frequency > 0) score += (weight * frequency * (k1 + 1)) / (frequency + norm);
        }
        return score / ideal;
      });
    },
  };
}

function mergeFields(document: Bm25Document): Map<string, number> {
  const merged = new Map<string, number>();
  for (const field of document.fields) {
    for (const [feature, count] of field.features) {
      merged.set(feature, (merged.get(feature) ?? 0) + count * field.weight);
    }
  }
  return merged;
}
