/**
 * The Slack adapter's own words (button captions, input labels, status lines), in Japanese and English. Everything
 * about a procedure comes from the engine, already localised; these only frame it on Slack.
 *
 * A message is framed in its replies' `locale`; where that is unknown (replies built outside the engine, or a
 * message read back from Slack), in the language of its text: Japanese when it has any kana or kanji.
 */
import type { Locale } from '../../src/engine/turn.js';

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]/;

/** The locale the engine wrote `text` in (see the module contract). */
export function localeOfText(text: string): Locale {
  return JAPANESE.test(text) ? 'ja' : 'en';
}

export interface SlackTexts {
  /** The button that sends the ticked acknowledgements. */
  acknowledgeSubmit: string;
  /** The label above the checkboxes. */
  acknowledgeLabel: string;
  /** A checkbox's own short caption; the full text is shown above, numbered. */
  acknowledgeOption(number: number): string;
  typedLabel: string;
  typedSubmit: string;
  /** The title of Slack's own "are you sure" dialog on a danger button. */
  dangerTitle: string;
  dangerDeny: string;
  /** Shown on an answered message once its buttons are gone. */
  answered(label: string): string;
  /** Shown on an earlier question once a newer message replaced it. */
  continuedBelow: string;
  /** The choices' full captions, when a button had to shorten one. */
  choicesHeading: string;
  /** Live desk, in the ticket's thread: whose replies reach the customer. */
  deskThreadHint: string;
  /** Live desk: an agent's message could not be delivered to the customer. */
  deskUndeliverable: string;
}

const ja: SlackTexts = {
  acknowledgeSubmit: '確認して進む',
  acknowledgeLabel: '確認した項目にチェックを入れてください',
  acknowledgeOption: (n) => `${n} を確認しました`,
  typedLabel: '確認の文言を入力してください',
  typedSubmit: '送信する',
  dangerTitle: '最終確認',
  dangerDeny: '戻る',
  answered: (label) => `回答: ${label}`,
  continuedBelow: '続きは下のメッセージをご覧ください。',
  choicesHeading: '選択肢',
  deskThreadHint: 'このスレッドに対応中の担当者が書いた返信は、お客様に届きます。',
  deskUndeliverable: 'お客様にメッセージを届けられませんでした。もう一度お試しください。',
};

const en: SlackTexts = {
  acknowledgeSubmit: 'Confirm and continue',
  acknowledgeLabel: 'Tick each item you have read',
  acknowledgeOption: (n) => `I understand ${n}`,
  typedLabel: 'Type the confirmation phrase',
  typedSubmit: 'Submit',
  dangerTitle: 'Final confirmation',
  dangerDeny: 'Go back',
  answered: (label) => `Answered: ${label}`,
  continuedBelow: 'Continued in the message below.',
  choicesHeading: 'Choices',
  deskThreadHint: 'Replies in this thread by the agent handling it reach the customer.',
  deskUndeliverable: 'The message could not be delivered to the customer. Please try again.',
};

export function slackTexts(locale: Locale): SlackTexts {
  return locale === 'ja' ? ja : en;
}

/** The slash command's own (ephemeral) answer: where the conversation continues. Both languages: no locale yet. */
export const SLASH_COMMAND_ACK =
  'ボットとのダイレクトメッセージでお答えします。 / I will answer in our direct messages.';
