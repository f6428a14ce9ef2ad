/** Messages of the shared dialogs (identification, main menu, common notices). */
import type { Catalogs } from '../../src/engine/text/catalog.js';

export const commonMessages: Catalogs = {
  ja: {
    'identify.title': 'ご本人確認',
    'identify.email':
      'ご本人確認のため、サービスにご登録のメールアドレスを入力してください。確認コードをお送りします（パスワードはお聞きしません）。',
    'identify.email.reprompt': 'メールアドレスの形式をご確認ください（例: taro@example.com）。',
    'identify.code':
      'ご登録のメールアドレスに6桁の確認コードをお送りしました（届くまで数分かかることがあります）。コードの有効期限は {verification.expiresAt|time} までです。コードを入力してください。',
    'identify.code.reprompt': '確認コードは6桁の数字です。メールに記載のコードを入力してください。',
    'identify.code.wrong':
      '確認コードが一致しないか、有効期限（{verification.expiresAt|time} まで）が切れています。メールのコードをもう一度ご確認ください。',
    'identify.verified': 'ご本人確認ができました。',
    'identify.site-verified': 'サポートサイトへのログイン情報で、ご本人確認ができました。',
    'identify.site-failed':
      'サポートサイトのログイン情報を確認できませんでした（有効期限が切れている可能性があります）。お手数ですが、確認コードでご本人確認をお願いします。',
    'identify.agent-needs-session':
      '担当者の方は、先にお客様の代理対応を開始してください（「代理対応」と送信し、お客様のメールアドレスか契約番号を入力します）。確認コードはお客様のメールアドレスに届くため、担当者の方にはお送りしません。何も変更していません。',
    'identify.locked':
      '確認に何度か失敗したため、しばらく確認できません。時間をおいてお試しいただくか、お問い合わせ窓口にご連絡ください。何も変更していません。',
    'common.backend-down':
      'ただいまシステムに接続できません。何も変更していません。しばらくしてからもう一度お試しください。',
    'common.not-now': '何も変更していません。しばらくしてからもう一度お試しください。',
    'common.not-verified': 'ご本人確認ができなかったため、お手続きを進められません。何も変更していません。',
    'menu.title': 'メインメニュー',
    'menu.prompt':
      'こんにちは。解約・削除のお手続きをご案内します。ご用件をお選びください（文章でお書きいただいても大丈夫です）。',
    'menu.reprompt': '番号か項目名でお選びください。ご質問はそのままお送りください。',
    'menu.miemasu-delete': 'みえますねっと：機器を削除（解約）する',
    'menu.miemasu-withdraw': 'みえますねっと：年間パックを退会する',
    'menu.csps-cancel': 'クラウドサービス（HOME／Therefore Online／uniFLOW Online）を解約する',

    'menu.walkthrough': '自分で操作するための手順を見る',
    'menu.question': '質問する',
    'menu.receipts': 'これまでのお手続きの控えを見る',
    'menu.human': '担当者に問い合わせる',
    'menu.question.prompt': 'ご質問をお送りください。',
    'menu.question.reprompt': 'ご質問を文章でお送りください。',
    'menu.question.answer': '{faq.answer}',
    'menu.question.unsure':
      '申し訳ありません。確かなお答えが見つかりませんでした。推測でお答えせず、担当窓口をご案内します。',
    'menu.receipts.list': '{receipts.text}',
    'menu.receipts.none': 'お手続きの控えは見つかりませんでした。',
    'menu.human.reason': '担当窓口をご案内します。',
    'menu.bye': 'ほかにお手伝いできることがあれば、お気軽にメッセージをお送りください。',
  },
  en: {
    'identify.title': 'Identity check',
    'identify.email':
      'To confirm it is you, please enter the e-mail address registered with the service. We will send a code (we never ask for your password).',
    'identify.email.reprompt': 'Please check the e-mail address (e.g. taro@example.com).',
    'identify.code':
      'We have sent a 6-digit code to your registered e-mail address (it may take a few minutes). The code is valid until {verification.expiresAt|time}. Please enter it.',
    'identify.code.reprompt': 'The code has 6 digits. Please enter the code from the e-mail.',
    'identify.code.wrong':
      'That code did not match or has expired (it was valid until {verification.expiresAt|time}). Please check the e-mail again.',
    'identify.verified': 'Thank you, you are verified.',
    'identify.site-verified': 'You are verified through your sign-in on the support site.',
    'identify.site-failed':
      'Your sign-in on the support site could not be confirmed (it may have expired). Please verify with a one-time code instead.',
    'identify.agent-needs-session':
      'As an agent, please start acting for the customer first (send "act for" and enter the customer\'s e-mail address or contract number). One-time codes go to the customer\'s mailbox, so none is sent to you. Nothing has been changed.',
    'identify.locked':
      'Too many failed attempts, so verification is paused. Please try again later or contact the support desk. Nothing has been changed.',
    'common.backend-down':
      'The system cannot be reached right now. Nothing has been changed. Please try again later.',
    'common.not-now': 'Nothing has been changed. Please try again later.',
    'common.not-verified':
      'We could not confirm your identity, so the procedure cannot continue. Nothing has been changed.',
    'menu.title': 'Main menu',
    'menu.prompt':
      'Hello. I can guide you through cancellations and deletions. What would you like to do? (You can also type it in your own words.)',
    'menu.reprompt': 'Please choose by number or name. You can also just type your question.',
    'menu.miemasu-delete': 'Miemasu-net: delete (cancel) a device',
    'menu.miemasu-withdraw': 'Miemasu-net: withdraw from the annual pack',
    'menu.csps-cancel': 'Cancel a cloud service (HOME / Therefore Online / uniFLOW Online)',
    'menu.walkthrough': 'See the steps to do it myself',
    'menu.question': 'Ask a question',
    'menu.receipts': 'See receipts of my past procedures',
    'menu.human': 'Contact a person',
    'menu.question.prompt': 'Please type your question.',
    'menu.question.reprompt': 'Please type your question in a sentence.',
    'menu.question.answer': '{faq.answer}',
    'menu.question.unsure':
      'Sorry, I could not find a reliable answer. Rather than guess, here is who can help.',
    'menu.receipts.list': '{receipts.text}',
    'menu.receipts.none': 'No receipts were found.',
    'menu.human.reason': 'Here is how to reach a person.',
    'menu.bye': 'If there is anything else I can help with, just send a message.',
  },
};
