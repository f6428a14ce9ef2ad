/**
 * The few words the Teams adapter itself shows around the engine's replies (button captions for submitting
 * checkboxes and typed phrases, input labels, the "answered" note, the welcome card). Everything about a procedure
 * comes from the engine; these only name the platform's controls. Japanese in polite です・ます form, English second.
 */
import type { Locale } from '../../src/engine/turn.js';

export interface TeamsLabels {
  /** Caption of the button that submits ticked acknowledgements. */
  acknowledgeSubmit: string;
  /** Label above the n-th acknowledgement checkbox (required inputs must be labelled). */
  acknowledgementLabel(n: number): string;
  acknowledgementError: string;
  typedLabel: string;
  typedError: string;
  typedSubmit: string;
  /** Shown on a card once it has been answered, with what was chosen. */
  answered(label: string): string;
  /** Shown on an older card once a newer message has taken its place. */
  superseded: string;
  welcome: string;
  welcomeAgent: string;
  entryPoints: Readonly<Record<WelcomeEntryPoint, string>>;
  /** Live desk, in the ticket's thread: whose replies reach the customer. */
  deskThreadHint: string;
  /** Live desk: an agent's message could not be delivered to the customer. */
  deskUndeliverable: string;
}

/** The entry points the welcome card offers (dialog ids the engine accepts as `start`). */
export const WELCOME_ENTRY_POINTS = [
  'menu',
  'miemasu-delete-device',
  'miemasu-withdraw',
  'csps-cancel',
  'walkthrough',
] as const;
export type WelcomeEntryPoint = (typeof WELCOME_ENTRY_POINTS)[number];

const ja: TeamsLabels = {
  acknowledgeSubmit: 'すべて確認しました',
  acknowledgementLabel: (n) => `確認事項 ${n}`,
  acknowledgementError: 'この項目をご確認のうえ、チェックを入れてください。',
  typedLabel: '確認の言葉',
  typedError: '確認の言葉を入力してください。',
  typedSubmit: '送信する',
  answered: (label) => `回答済み: ${label}`,
  superseded: 'このメッセージの操作は終了しました。新しいメッセージをご覧ください。',
  welcome:
    '解約・削除のお手続きをご案内するヘルプデスクです。下のボタンから始めるか、ご用件をそのままお送りください。',
  welcomeAgent:
    '担当者の方へ: お客様の代わりに操作するときは「act メールアドレス」または「act 契約番号」と送信してください。終了するときは「end」と送信してください。',
  entryPoints: {
    menu: 'メニューを見る',
    'miemasu-delete-device': 'みえますねっと：機器を削除（解約）する',
    'miemasu-withdraw': 'みえますねっと：年間パックを退会する',
    'csps-cancel': 'クラウドサービスを解約する',
    walkthrough: '自分で操作するための手順を見る',
  },
  deskThreadHint: 'このスレッドで対応中の担当者がボットをメンションして書いた返信は、お客様に届きます。',
  deskUndeliverable: 'お客様にメッセージを届けられませんでした。もう一度お試しください。',
};

const en: TeamsLabels = {
  acknowledgeSubmit: 'I have read all of these',
  acknowledgementLabel: (n) => `Item ${n}`,
  acknowledgementError: 'Please read this item and tick it.',
  typedLabel: 'Confirmation phrase',
  typedError: 'Please type the confirmation phrase.',
  typedSubmit: 'Submit',
  answered: (label) => `Answered: ${label}`,
  superseded: 'This message is closed. Please see the newer message.',
  welcome:
    'This help desk guides you through cancellations and deletions. Start with a button below, or just tell me what you need.',
  welcomeAgent:
    'For agents: to act for a customer, send "act <e-mail>" or "act <contract no.>". Send "end" to finish.',
  entryPoints: {
    menu: 'Show the menu',
    'miemasu-delete-device': 'Miemasu-net: delete (cancel) a device',
    'miemasu-withdraw': 'Miemasu-net: withdraw from the annual pack',
    'csps-cancel': 'Cancel a cloud service',
    walkthrough: 'See the steps to do it myself',
  },
  deskThreadHint: 'Replies in this thread by the agent handling it (mentioning the bot) reach the customer.',
  deskUndeliverable: 'The message could not be delivered to the customer. Please try again.',
};

export function labelsFor(locale: Locale): TeamsLabels {
  return locale === 'en' ? en : ja;
}
