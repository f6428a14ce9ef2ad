/**
 * The web channel's own polite messages (HTTP-level problems the engine never sees: a body too large, too many
 * turns, a sign-in token that could not be checked). Dialog text comes from the engine's catalogs, never here.
 */
import type { Locale } from '../../src/engine/turn.js';

export type WebProblem =
  | 'too-large'
  | 'too-long'
  | 'bad-request'
  | 'rate-limited'
  | 'forbidden'
  | 'unsupported-media-type'
  | 'not-found'
  | 'bad-token'
  | 'internal';

const MESSAGES: Record<WebProblem, Record<Locale, string>> = {
  'too-large': {
    ja: '送信された内容が大きすぎるため、受け付けられませんでした。何も変更していません。',
    en: 'What was sent is too large, so it was not accepted. Nothing has changed.',
  },
  'too-long': {
    ja: 'メッセージが長すぎます（1000文字まで）。短くしてもう一度お送りください。何も変更していません。',
    en: 'The message is too long (1000 characters at most). Please shorten it and send it again. Nothing has changed.',
  },
  'bad-request': {
    ja: '送信内容を読み取れませんでした。ページを再読み込みして、もう一度お試しください。何も変更していません。',
    en: 'We could not read what was sent. Please reload the page and try again. Nothing has changed.',
  },
  'rate-limited': {
    ja: '短い時間に多くのメッセージが送られました。少し待ってから、もう一度お送りください。何も変更していません。',
    en: 'Many messages were sent in a short time. Please wait a moment and send it again. Nothing has changed.',
  },
  forbidden: {
    ja: 'このページからの送信ではないため、受け付けられませんでした。何も変更していません。',
    en: 'This request did not come from the chat page, so it was not accepted. Nothing has changed.',
  },
  'unsupported-media-type': {
    ja: '送信形式が正しくありません。ページを再読み込みしてください。何も変更していません。',
    en: 'The request format is not supported. Please reload the page. Nothing has changed.',
  },
  'not-found': {
    ja: 'お探しのページは見つかりませんでした。',
    en: 'The page you are looking for was not found.',
  },
  'bad-token': {
    ja: 'サポートサイトのログイン情報を確認できませんでした。このままご利用いただけます（ご本人確認が必要なお手続きでは、確認コードでご本人確認をいたします）。',
    en: 'We could not check your support-site sign-in. You can continue as you are (where a procedure needs it, we will confirm your identity with a one-time code).',
  },
  internal: {
    ja: '申し訳ありません。ただいま処理できませんでした。少し待ってから、もう一度お試しください。',
    en: 'Sorry, we could not process that just now. Please wait a moment and try again.',
  },
};

export function problemMessage(problem: WebProblem, locale: Locale): string {
  return MESSAGES[problem][locale];
}
