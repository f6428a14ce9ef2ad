/**
 * Input normalisation shared by every channel: what the user typed → a comparable form.
 * Pure functions; no locale state.
 */

/** Longest input the engine reads; longer input is refused politely, never truncated silently. */
export const MAX_INPUT_LENGTH = 1000;

/**
 * Control and invisible formatting characters, except tab/newline/CR, which count as whitespace; and lone
 * surrogates (ill-formed UTF-16, which strict JSON parsers and databases refuse), so they never reach the backend.
 */
function hasControlCharacter(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code === 0x09 || code === 0x0a || code === 0x0d) continue;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
    // A well-formed pair iterates as one code point above U+FFFF; a surrogate code point here stands alone.
    if (code >= 0xd800 && code <= 0xdfff) return true;
    if (
      (code >= 0x200b && code <= 0x200f) ||
      (code >= 0x2028 && code <= 0x202e) ||
      (code >= 0x2060 && code <= 0x206f)
    ) {
      return true;
    }
  }
  return false;
}
const HYPHENS = /[\u002D\u2010-\u2015\u2212\u30FC\uFF0D\uFF70\u02D7\u2043\u207B\u208B\uFE58\uFE63]/g;

export type InputProblem = 'empty' | 'too-long' | 'control-characters';

/** NFKC + trim + collapsed whitespace. */
export function normalizeText(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** Why an input cannot be read at all, or `undefined` when it is fine. */
export function inputProblem(raw: string): InputProblem | undefined {
  if (raw.length > MAX_INPUT_LENGTH) return 'too-long';
  if (hasControlCharacter(raw)) return 'control-characters';
  if (normalizeText(raw) === '') return 'empty';
  return undefined;
}

/**
 * Identifier form: width, case, spaces, hyphens and long-vowel marks unified, so `ＨＭＡＯ０６１３２２`,
 * `hmao-061322` and `HMAO 061322` all become `HMAO061322`.
 */
export function normalizeIdentifier(raw: string): string {
  return raw.normalize('NFKC').replace(HYPHENS, '').replace(/\s+/g, '').toUpperCase();
}

/** Loose form for matching words and labels: NFKC, lower case, no spaces or sentence punctuation. */
export function normalizeLoose(raw: string): string {
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s。、．，,.!！?？「」『』()（）【】・~〜"'`]/g, '');
}

const YES = [
  'はい',
  'はいそうです',
  'うん',
  'ええ',
  'そうです',
  'お願いします',
  'おねがいします',
  'ok',
  'okay',
  'yes',
  'y',
  'yeah',
  'sure',

  'よろしいです',

  '了解',
  '了解です',
  '承知しました',
  '同意します',
];
const NO = [
  'いいえ',
  'いや',
  'ううん',
  'いえ',
  'no',
  'n',
  'nope',
  'ちがいます',
  '違います',
  'しません',
  'やめておきます',
];

/** Yes/no words in Japanese and English; `undefined` when the text is neither. */
export function parseYesNo(raw: string): boolean | undefined {
  const text = normalizeLoose(raw);
  if (YES.includes(text)) return true;
  if (NO.includes(text)) return false;
  return undefined;
}

/** A 1-based option number typed as `2`, `２`, `2番`, `#2` or `No.2`; `undefined` otherwise. */
export function parseOptionNumber(raw: string): number | undefined {
  const match = /^(?:#|no\.?)?(\d{1,3})(?:番|番目)?(?:です|でお願いします)?$/.exec(normalizeLoose(raw));
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** All option numbers in a list such as `1 2 3`, `1,2,3` or `1と2と3`; empty when the text has other words. */
export function parseNumberList(raw: string): number[] {
  const text = raw.normalize('NFKC').trim();
  if (!/^[\d\s,、と及びand&]+$/i.test(text)) return [];
  return [...text.matchAll(/\d{1,3}/g)].map((m) => Number(m[0]));
}
