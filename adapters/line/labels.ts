/**
 * The few words the LINE adapter itself shows around the engine's replies: the caption and buttons of the
 * one-by-one acknowledgements (LINE has no checkboxes), the line that marks a typed confirmation phrase, the answer
 * to a sticker or photo, and the welcome message after a follow. Everything about a procedure comes from the
 * engine; these only name LINE's controls. Japanese in polite です・ます form, English second.
 *
 * Button labels stay within LINE's 40 characters (Flex buttons); quick reply labels within 20.
 */
import type { Locale } from '../../src/engine/turn.js';

export interface LineLabels {
  /** Above the acknowledgement items: how to acknowledge on LINE. */
  acknowledgeHow: string;
  /** The button under item `n`. */
  acknowledgeButton(n: number): string;
  /** What the chat shows as the user's message when they press it. */
  acknowledgedDisplay(n: number): string;
  /** How many of the items are acknowledged so far. */
  acknowledgedSoFar(done: number, total: number): string;
  /** Before the phrase to type. */
  typedHow: string;
  /** A sticker, photo, file or location: the bot reads text only. */
  textOnly: string;
  welcome: string;
  entryPoints: Readonly<Record<WelcomeEntryPoint, string>>;
}

/** The entry points the welcome message offers (dialog ids the engine accepts as `start`). */
export const WELCOME_ENTRY_POINTS = [
  'menu',
  'miemasu-delete-device',
  'miemasu-withdraw',
  'csps-cancel',
  'walkthrough',
] as const;
export type WelcomeEntryPoint = (typeof WELCOME_ENTRY_POINTS)[number];

const ja: LineLabels = {
  acknowledgeHow: '各項目をお読みいただき、項目ごとに「確認しました」ボタンを押してください。',
  acknowledgeButton: (n) => `${n} を確認しました`,
  acknowledgedDisplay: (n) => `${n} を確認しました`,
  acknowledgedSoFar: (done, total) => `確認済み ${done}/${total}`,
  typedHow: '次の言葉をそのまま入力して送信してください。',
  textOnly: '申し訳ありません。スタンプや画像などは読み取れません。ご用件を文字でお送りください。',
  welcome:
    '友だち追加ありがとうございます。解約・削除のお手続きをご案内するヘルプデスクです。下のボタンから始めるか、ご用件をそのままお送りください。',
  entryPoints: {
    menu: 'メニューを見る',
    'miemasu-delete-device': 'みえますねっと：機器を削除（解約）する',
    'miemasu-withdraw': 'みえますねっと：年間パックを退会する',
    'csps-cancel': 'クラウドサービスを解約する',
    walkthrough: '自分で操作するための手順を見る',
  },
};

const en: LineLabels = {
  acknowledgeHow: 'Please read each item and press its "I have read" button.',
  acknowledgeButton: (n) => `I have read item ${n}`,
  acknowledgedDisplay: (n) => `I have read item ${n}`,
  acknowledgedSoFar: (done, total) => `Read ${done} of ${total}`,
  typedHow: 'Please type the following exactly and send it.',
  textOnly: 'Sorry, I cannot read stickers, photos or files. Please tell me what you need in words.',
  welcome:
    'Thank you for adding us. This help desk guides you through cancellations and deletions. Start with a button below, or just tell me what you need.',
  entryPoints: {
    menu: 'Show the menu',
    'miemasu-delete-device': 'Miemasu-net: delete a device',
    'miemasu-withdraw': 'Miemasu-net: leave the annual pack',
    'csps-cancel': 'Cancel a cloud service',
    walkthrough: 'Steps to do it myself',
  },
};

export function labelsFor(locale: Locale): LineLabels {
  return locale === 'en' ? en : ja;
}
