/**
 * The language a customer writes in, read from one message: Japanese, English, or `undefined` when the message
 * does not tell (then the conversation keeps its language).
 *
 * Contract (pure, deterministic):
 * - Identifiers, numbers, URLs, e-mail addresses and product names say nothing about the writer's language and are
 *   ignored first: 「HMAO061322」, 「R-20191015-238079」, "type-M", "CameraOA@x.jp", "HOME", "uniFLOW Online".
 * - Any kana, or two or more kanji, → `ja` (kana is written only in Japanese; 「HOMEを解約」 is Japanese).
 * - Otherwise `en` when at least two English words remain (letters only, two or more each), or the whole message
 *   is "help".
 * - Everything else → `undefined`: one token without spaces ("not-an-email"), a single word ("OK", "yes", "hello", "CameraOA"), a number, an id, a lone kanji, emoji.
 *   Yes/no words, option numbers and "OK" are typed by Japanese and English writers alike.
 */
import type { Locale } from '../turn.js';

const URL_OR_EMAIL = /\bhttps?:\/\/\S+|\S+@\S+/gi;
/** Contract and application numbers, HOME type names, anything mixing letters and digits. */
const IDENTIFIER = /\b(?:[a-z]+-?\d[\w-]*|\d+[a-z][\w-]*|type-?[a-z0-9]+(?:\/[a-z0-9]+)*|r-\d{8}-\d+)\b/gi;
const KANA = /[\u3041-\u3096\u30a1-\u30fa\u30fc\uff66-\uff9f]/;
const KANJI = /[\u4e00-\u9fff\u3005]/g;
const LATIN_WORD = /[a-z]+(?:'[a-z]+)?/gi;

/** Names of products, services and places that appear in both languages' messages. */
const NAMES = new Set(
  (
    'home therefore uniflow online miemasu miemasunet net canon canonet panasonic aosbox visualstage nvs ' +
    'cloud portal csps pc url id ok okay ng email mail e select ni meap office pro type'
  ).split(' '),
);

/**
 * The one single-word message taken as English: asking for help. Greetings ("hello", "hi", "thanks") are typed
 * by Japanese writers too and say nothing.
 */
const ENGLISH_OPENERS = new Set(['help', 'help me']);

export function detectLanguage(text: string): Locale | undefined {
  const plain = text.normalize('NFKC').replace(URL_OR_EMAIL, ' ').replace(IDENTIFIER, ' ');
  if (KANA.test(plain) || (plain.match(KANJI)?.length ?? 0) >= 2) return 'ja';
  // One token with no space ("not-an-email", "CameraOA", an address) is an answer or an id, not prose.
  if (!/\S\s+\S/.test(plain.trim()))
    return ENGLISH_OPENERS.has(plain.trim().toLowerCase()) ? 'en' : undefined;
  const words = (plain.match(LATIN_WORD) ?? []).map((word) => word.toLowerCase());
  const english = words.filter((word) => word.length >= 2 && !NAMES.has(word));
  if (english.length >= 2) return 'en';
  const whole = words.join(' ');
  if (english.length === words.length && ENGLISH_OPENERS.has(whole)) return 'en';
  return undefined;
}
