// @ts-check
/**
 * The page's own words (buttons, labels, hints) in Japanese and English. What the bot says comes from the
 * engine, already localised; nothing here is about a procedure.
 */

/** @typedef {'ja' | 'en'} Locale */

/** @type {Record<Locale, Record<string, string>>} */
export const UI = {
  ja: {
    title: '解約・削除のお手続き',
    documentTitle: '解約・削除のお手続きチャット',
    skip: 'メッセージ入力欄へ移動',
    languageHint: '表示言語を切り替えます',
    identityTitle: 'ログイン状態',
    anonymous: 'ログインしていません。ご本人確認が必要なお手続きでは、確認コードでご本人確認をいたします。',
    signedIn: 'サポートサイトのアカウントでログインしています。',
    signedInAs: '{name} 様としてログインしています。',
    demoLabel: 'デモ: お客様を選んでログイン',
    demoSignIn: 'ログイン',
    logTitle: '会話',
    busy: '返信を待っています…',
    inputLabel: 'メッセージ',
    inputHint: 'Enter で送信、Shift+Enter で改行します。「やめる」「戻る」「担当者」もいつでも使えます。',
    inputHintLive:
      'Enter で送信します。メッセージは担当者に届きます。ボットのご案内に戻るときは「ボットに戻る」とお送りください。',
    send: '送信',
    you: 'あなた',
    bot: 'サポート',
    choices: '選択肢',
    chosen: '（選択済み）',
    acksLegend: '次の項目をすべてご確認のうえ、チェックを入れてください',
    acksSubmit: '確認しました',
    acksPending: 'すべての項目にチェックを入れると押せるようになります',
    typedSubmit: '入力して確定',
    typedLabel: '確認の文言（「{phrase}」）',
    receiptView: '控えを表示（{id}）',
    privacy: '個人情報の取り扱い',
    backToMenu: 'メニューに戻る',
    done: '終了する',
    doneMessage: 'ご利用ありがとうございました。このページは閉じていただいてかまいません。',
    receiptDownload: '控えをダウンロード',
    opensNewTab: '（新しいタブで開きます）',
    toneWarning: 'ご注意ください',
    toneDanger: '重要：元に戻せない操作です',
    toneSuccess: '完了',
    network:
      '通信できませんでした。接続を確認して、もう一度お試しください。何も変更していない可能性があります。',
    factsCaption: '内容',
  },
  en: {
    title: 'Cancellations and deletions',
    documentTitle: 'Cancellation and deletion chat',
    skip: 'Skip to the message box',
    languageHint: 'Switches the display language',
    identityTitle: 'Sign-in status',
    anonymous:
      'You are not signed in. Where a procedure needs it, we will confirm your identity with a one-time code.',
    signedIn: 'You are signed in with your support-site account.',
    signedInAs: 'You are signed in as {name}.',
    demoLabel: 'Demo: sign in as a customer',
    demoSignIn: 'Sign in',
    logTitle: 'Conversation',
    busy: 'Waiting for the reply…',
    inputLabel: 'Message',
    inputHint: 'Enter sends, Shift+Enter adds a line. "stop", "back" and "person" work at any time.',
    inputHintLive: 'Enter sends. Your messages go to the agent; send "back to bot" to return to the bot.',
    send: 'Send',
    you: 'You',
    bot: 'Support',
    choices: 'Choices',
    chosen: ' (chosen)',
    acksLegend: 'Please read each item and tick it',
    acksSubmit: 'I have read these',
    acksPending: 'The button becomes available once every item is ticked',
    typedSubmit: 'Confirm',
    typedLabel: 'Confirmation phrase ("{phrase}")',
    receiptView: 'View receipt ({id})',
    privacy: 'Privacy policy',
    backToMenu: 'Back to the menu',
    done: 'Finish',
    doneMessage: 'Thank you. You may close this page.',
    receiptDownload: 'Download receipt',
    opensNewTab: ' (opens in a new tab)',
    toneWarning: 'Please note',
    toneDanger: 'Important: this cannot be undone',
    toneSuccess: 'Done',
    network: 'We could not connect. Please check your connection and try again. Nothing may have changed.',
    factsCaption: 'Details',
  },
};

/**
 * @param {Locale} locale
 * @param {string} key
 * @param {Record<string, string>} [params]
 * @returns {string}
 */
export function t(locale, key, params = {}) {
  const text = UI[locale][key] ?? UI.ja[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => params[name] ?? '');
}

/**
 * Localises the static page: every element with `data-i18n`, the title, `lang`, and the language switch.
 * @param {Locale} locale
 */
export function localisePage(locale) {
  document.documentElement.lang = locale;
  document.title = t(locale, 'documentTitle');
  for (const element of document.querySelectorAll('[data-i18n]')) {
    const key = element.getAttribute('data-i18n');
    if (key) element.textContent = t(locale, key);
  }
  const language = document.getElementById('language');
  if (language) {
    const other = locale === 'ja' ? 'en' : 'ja';
    language.textContent = other === 'en' ? 'English' : '日本語';
    language.lang = other;
  }
}
