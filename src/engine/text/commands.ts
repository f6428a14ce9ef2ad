/**
 * Global commands understood at every step, in Japanese and English, including natural variants.
 * A command must be the whole utterance (after normalisation and polite endings), so that
 * 「HOMEをキャンセルしたい」 is a request, not a stop.
 */
import { normalizeLoose } from './normalize.js';

export type GlobalCommand = 'stop' | 'back' | 'restart' | 'help' | 'human' | 'english' | 'japanese';

const COMMAND_WORDS: Record<GlobalCommand, string[]> = {
  stop: [
    'やめる',
    'やめます',
    'やめたい',
    'やめて',
    '中止',
    'キャンセル',
    '終了',
    'おわり',
    '終わり',
    'もういい',
    'やっぱりやめる',
    'やっぱりいい',
    'stop',
    'cancel',
    'quit',
    'exit',
    'abort',
    'nevermind',
    'never mind',
  ],
  back: ['戻る', 'もどる', '戻って', '前に戻る', 'ひとつ前', '一つ前', 'back', 'go back', 'previous'],
  restart: [
    '最初から',
    'はじめから',
    '初めから',
    '最初に戻る',
    'やり直し',
    'やりなおし',
    'start over',
    'restart',
    'menu',
    'メニュー',
  ],
  help: ['ヘルプ', '使い方', 'help', '?', '？'],
  human: [
    'オペレーター',
    'オペレータ',
    '担当者',
    '人と話したい',
    '人間',
    '有人',
    'サポートに連絡',
    '問い合わせ先',
    'お問い合わせ',
    'human',
    'agent',
    'operator',
    'talk to a person',
    'talk to a human',
    'person',
  ],
  english: ['english', 'in english', '英語', '英語で'],
  japanese: ['日本語', '日本語で', 'japanese', 'in japanese'],
};

const POLITE_ENDINGS = [
  'してください',
  'ください',
  'します',
  'したいです',
  'したい',
  'です',
  'で',
  'please',
  'お願いします',
  'おねがいします',
];

const LOOKUP = new Map<string, GlobalCommand>();
for (const [command, words] of Object.entries(COMMAND_WORDS) as [GlobalCommand, string[]][]) {
  for (const word of words) LOOKUP.set(normalizeLoose(word), command);
}

/** The global command this utterance is, or `undefined`. */
export function detectCommand(raw: string): GlobalCommand | undefined {
  const text = normalizeLoose(raw);
  const direct = LOOKUP.get(text);
  if (direct) return direct;
  for (const ending of POLITE_ENDINGS) {
    const suffix = normalizeLoose(ending);
    if (text.endsWith(suffix) && text.length > suffix.length) {
      const found = LOOKUP.get(text.slice(0, -suffix.length));
      if (found) return found;
    }
    const prefix = normalizeLoose(ending);
    if (text.startsWith(prefix) && text.length > prefix.length) {
      const found = LOOKUP.get(text.slice(prefix.length));
      if (found) return found;
    }
  }
  return undefined;
}
