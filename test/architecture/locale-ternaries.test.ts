/**
 * User-visible text goes through the message catalogs (DESIGN.md: "All user-visible text is a message key with
 * `ja` and `en` catalogs"), never through an inline choice between two languages.
 *
 * What is scanned: every `.ts` and `.js` file under `src/`, `adapters/` and `dialogs/`, parsed with the TypeScript
 * compiler, except {@link CATALOG_FILES} (the catalogs themselves).
 * What fails: a conditional expression `test ? a : b` whose `test` picks a language — a comparison (`===`, `!==`,
 * `==`, `!=`) with the literal `'ja'` or `'en'`, or a bare identifier named like a language flag (`ja`, `en`,
 * `isJa`, `isEn`, `japanese`, `english`) — and where either branch contains a string or template literal with
 * user text: any Japanese character (kana, kanji, Japanese punctuation) or two Latin words in a row.
 * Choices that are not text (Intl locale tags `'ja-JP'`, format options `'long'`/`'short'`, which catalog to use,
 * `'en'` vs `'ja'`) have neither and pass.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SCANNED = ['src', 'adapters', 'dialogs'];

/** The catalogs: where `ja` and `en` text is written side by side by design. */
const CATALOG_FILES = [
  /^src\/engine\/text\/builtin\.ts$/,
  /^adapters\/web\/public\/i18n\.js$/, // the web page's own catalog (UI strings of the static page)
];

const LANGUAGE_FLAG = /^(ja|en|isJa|isEn|isJapanese|isEnglish|japanese|english)$/;
const JAPANESE = /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;
const TWO_LATIN_WORDS = /[A-Za-z]{2,}[,.:;!?]?\s+[A-Za-z]{2,}/;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

function picksLanguage(test: ts.Expression): boolean {
  let node = test;
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  if (ts.isIdentifier(node)) return LANGUAGE_FLAG.test(node.text);
  if (!ts.isBinaryExpression(node)) return false;
  const op = node.operatorToken.kind;
  const equality = [
    ts.SyntaxKind.EqualsEqualsEqualsToken,
    ts.SyntaxKind.ExclamationEqualsEqualsToken,
    ts.SyntaxKind.EqualsEqualsToken,
    ts.SyntaxKind.ExclamationEqualsToken,
  ].includes(op);
  const isLanguage = (side: ts.Expression) =>
    ts.isStringLiteral(side) && (side.text === 'ja' || side.text === 'en');
  return equality && (isLanguage(node.left) || isLanguage(node.right));
}

/** Whether any string or template literal inside `node` holds user text. */
function holdsText(node: ts.Node): boolean {
  const pieces: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) pieces.push(n.text);
    else if (ts.isTemplateExpression(n)) {
      pieces.push(n.head.text, ...n.templateSpans.map((span) => span.literal.text));
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return pieces.some((text) => JAPANESE.test(text) || TWO_LATIN_WORDS.test(text));
}

/** `file:line` of every inline language choice on user text in `text`. */
function inlineLanguageChoices(file: string, text: string): string[] {
  const kind = file.endsWith('.js') ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isConditionalExpression(node) &&
      picksLanguage(node.condition) &&
      (holdsText(node.whenTrue) || holdsText(node.whenFalse))
    ) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      found.push(`${file}:${line + 1}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('user-visible text only through the message catalogs', () => {
  it('finds planted inline ja/en choices (the scanner works)', () => {
    const planted = [
      "const a = locale === 'ja' ? 'ありがとうございます。' : 'Thank you.';",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: planted source code, not a template
      "const b = (locale !== 'en')\n  ? `${n}件あります` : `${n} items`;",
      "const ja = locale === 'ja';\nconst c = ja ? 'はい' : 'Yes';",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: planted source code, not a template
      "const d = locale === 'en' ? `${when} Japan time` : when;",
      "const e = 'ja' === locale ? ['電話: ' + phone] : ['Phone: ' + phone];",
    ].join('\n');
    expect(inlineLanguageChoices('planted.ts', planted)).toEqual([
      'planted.ts:1',
      'planted.ts:2',
      'planted.ts:5',
      'planted.ts:6',
      'planted.ts:7',
    ]);
  });

  it('lets choices that are not text pass', () => {
    const fine = [
      "const tag = locale === 'ja' ? 'ja-JP' : 'en-GB';",
      "const month = locale === 'ja' ? 'long' : 'short';",
      "const other = locale === 'ja' ? 'en' : 'ja';",
      'const texts = locale === "ja" ? JA_TEXTS : EN_TEXTS;',
      "const greeting = t(locale, 'greeting');",
    ].join('\n');
    expect(inlineLanguageChoices('fine.ts', fine)).toEqual([]);
  });

  it('has none in src/, adapters/ or dialogs/ outside the catalogs', () => {
    const files = SCANNED.flatMap(sourceFiles)
      .map((file) => relative(ROOT, join(ROOT, file)))
      .filter((file) => !CATALOG_FILES.some((pattern) => pattern.test(file)));
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) =>
      inlineLanguageChoices(file, readFileSync(join(ROOT, file), 'utf8')),
    );
    expect(found).toEqual([]);
  });
});
