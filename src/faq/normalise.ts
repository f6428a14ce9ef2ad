/**
 * Text normalisation shared by the FAQ index and the questions asked of it.
 *
 * Contract: the result is NFKC-normalised (full-width ASCII and half-width katakana unified), lower-cased,
 * with punctuation and symbols replaced by single spaces and no leading/trailing space. Product type names are
 * folded into one token each, so "type-M/W/D", "タイプM" and "typeM" all yield `typem` (and `typew`, `typed`),
 * and common okurigana variants are folded (申し込み → 申込み, 問い合わせ → 問合せ).
 */

/**
 * "type" then a name: joined by a hyphen/underscore or nothing ("type-sl", "typem"), or by a space only when the
 * name is one letter, optionally with digits ("type m", "type u2"), so that "type of plan" is left alone.
 * Further names may follow after slashes ("type-m/w/d").
 */
const TYPE_NAME = /type(?:\s*[-_]\s*|)([a-z][a-z0-9]*)|type\s+([a-z](?:[0-9]+[a-z]?)?)(?![a-z0-9])/g;
const PUNCTUATION_OR_SYMBOL = /[\p{P}\p{S}]+/gu;

/**
 * Okurigana variants folded to one spelling, so that 申し込み/申込み/申込 or 問い合わせ/問合せ share features.
 * Applied after NFKC; longest variants first.
 */
const OKURIGANA_FOLDS: ReadonlyArray<readonly [string, string]> = [
  ['問い合わせ', '問合せ'],
  ['問い合せ', '問合せ'],
  ['問合わせ', '問合せ'],
  ['申し込', '申込'],
  ['取り消', '取消'],
  ['受け付け', '受付'],
  ['受け付', '受付'],
  ['払い戻', '払戻'],
  ['締め切', '締切'],
  ['取り替', '取替'],
  ['買い替', '買替'],
  ['引き継', '引継'],
  ['切り替', '切替'],
];

const OKURIGANA_MAP = new Map(OKURIGANA_FOLDS);
const OKURIGANA = new RegExp(OKURIGANA_FOLDS.map(([variant]) => variant).join('|'), 'g');

/** Normalises text for matching. Pure and idempotent. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/タイプ/g, 'type')
    .replace(OKURIGANA, (variant) => OKURIGANA_MAP.get(variant) ?? variant)
    .replace(TYPE_NAME, (_match, joined: string | undefined, spaced: string | undefined) => {
      return ` type${joined ?? spaced ?? ''} `;
    })
    .replace(/(type[a-z0-9]+ )((?:\s*\/\s*[a-z][a-z0-9]*)+)/g, (_match, first: string, rest: string) => {
      const more = rest.split('/').map((part) => part.trim());
      return `${first}${more
        .filter((name) => name.length > 0)
        .map((name) => `type${name} `)
        .join('')}`;
    })
    .replace(PUNCTUATION_OR_SYMBOL, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
