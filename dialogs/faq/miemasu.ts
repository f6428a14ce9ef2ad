/** FAQ entries answered by the みえますねっと annual-pack guide (device deletion, withdrawal). */
import type { FaqEntryInput } from '../../src/faq/schema.js';

const EXCHANGE_URL = 'https://panasonic.biz/cns/miemasu/guide/exchange01.html';
const MIEMASU_PASSWORD_URL = 'https://panasonic.biz/cns/miemasu/support/operation/1-3.html';
const MIEMASU_LOGIN_URL = 'https://www.miemasu.net';

export const MIEMASU_FAQ_ENTRIES: FaqEntryInput[] = [
  {
    id: 'miemasu.refund',
    source: { doc: 'miemasu', section: 'お知らせ' },
    topic: 'refund',
    ja: {
      question: 'みえますねっとの機器を削除（解約）した場合、残りのライセンス期間分は返金されますか？',
      answer:
        'ライセンスの有効期間中に機器を削除（解約）しても、払い戻しは行われません。有効期間が残っていても返金はありませんので、ご注意ください。',
      keywords: ['返金', '払い戻し', '有効期間', '残り', '年間パック'],
    },
    en: {
      question: 'If I delete (cancel) a device on Miemasu-net, is the remaining licence period refunded?',
      answer:
        'No. There is no refund when a device is deleted (cancelled) while its licence is still valid, even if time remains on it.',
      keywords: ['refund', 'money back', 'remaining period', 'annual pack'],
    },
  },
  {
    id: 'miemasu.license-reuse',
    source: { doc: 'miemasu', section: 'お知らせ' },
    ja: {
      question: '削除した機器のライセンスやライセンスキーは、もう一度使えますか？',
      answer:
        '機器を削除したライセンスを使って別の機器を登録することはできません。ライセンスの有効期限が残っている場合でも、ライセンスキーは再利用できません。',
      keywords: ['ライセンスキー', '再利用', '再登録', '有効期限'],
    },
    en: {
      question: 'Can the licence or licence key of a deleted device be used again?',
      answer:
        'No. A licence whose device was deleted cannot be used to register another device, and the licence key cannot be reused even if validity remains.',
      keywords: ['licence key', 'reuse', 'register again', 'validity'],
    },
  },
  {
    id: 'miemasu.device-exchange',
    source: { doc: 'miemasu', section: 'お知らせ' },
    ja: {
      question: '使用中のライセンスを別の機器（新しいカメラ）に移したいときは、どうすればよいですか？',
      answer: `登録済みの機器を削除するのではなく、「機器の交換」を行ってください。手順は「みえますねっと」WEBサイトの「機器の交換」（${EXCHANGE_URL}）をご覧ください。先に削除してしまうと、そのライセンスは別の機器に使えなくなります。`,
      keywords: ['機器の交換', '交換', '付け替え', '新しい機器', 'ライセンス', '移行'],
    },
    en: {
      question: 'How do I move a licence in use to another device, such as a new camera?',
      answer: `Do not delete the registered device; use "device exchange" (機器の交換) instead. See the Miemasu-net page ${EXCHANGE_URL}. If you delete the device first, its licence can no longer be used for another device.`,
      keywords: ['device exchange', 'replace', 'new camera', 'move licence', 'transfer'],
    },
  },
  {
    id: 'miemasu.data-deleted',
    source: { doc: 'miemasu', section: 'STEP6' },
    ja: {
      question: '機器を削除すると、録画データや設定はどうなりますか？',
      answer:
        '機器を削除すると、機器の設定や通知情報、録画データ等が削除されます。再度機器登録を行っても、データを引き継ぐことはできません。',
      keywords: ['録画データ', '設定', '通知情報', '引き継ぎ', '消える', '元に戻らない', 'カメラ'],
    },
    en: {
      question: 'What happens to my recordings and settings when I delete a device?',
      answer:
        "Deleting a device deletes the device's settings, notification information and recorded data. Registering the device again does not bring the data back.",
      keywords: [
        'recordings',
        'recorded data',
        'video',
        'settings',
        'notifications',
        'lost',
        'restore',
        'camera',
      ],
    },
  },
  {
    id: 'miemasu.smartphone-login',
    source: { doc: 'miemasu', section: 'STEP1' },
    ja: {
      question: 'スマートフォンやタブレットからみえますねっとにログインして手続きできますか？',
      answer: `できません。ログインはパソコンから行ってください。スマートフォン／タブレットからはログインできませんので、パソコンのブラウザーで ${MIEMASU_LOGIN_URL} にアクセスしてください。`,
      keywords: ['スマートフォン', 'タブレット', 'パソコン', 'ログインできない'],
    },
    en: {
      question: 'Can I log in to Miemasu-net from a smartphone or tablet to do this?',
      answer: `No. Please log in from a PC: smartphones and tablets cannot log in. Open ${MIEMASU_LOGIN_URL} in a browser on your PC.`,
      keywords: ['smartphone', 'tablet', 'pc', 'computer', 'cannot log in'],
    },
  },
  {
    id: 'miemasu.password-reset',
    source: { doc: 'miemasu', section: 'STEP2' },
    topic: 'password',
    ja: {
      question: 'みえますねっとのログインパスワードを忘れた場合はどうすればよいですか？',
      answer: `ログイン画面の「パスワードを忘れた方はこちら」をクリックし、画面に従って再設定してください。詳しくは ${MIEMASU_PASSWORD_URL} をご覧ください。`,
      keywords: ['パスワード', '忘れた', '再設定'],
    },
    en: {
      question: 'What should I do if I forgot my Miemasu-net login password?',
      answer: `Click "パスワードを忘れた方はこちら" (forgot your password) on the login page and follow the screens to reset it. Details: ${MIEMASU_PASSWORD_URL}.`,
      keywords: ['password', 'forgot', 'reset'],
    },
  },
  {
    id: 'miemasu.login',
    source: { doc: 'miemasu', section: 'STEP1・STEP2' },
    topic: 'login',
    ja: {
      question: 'みえますねっとのログインサイトはどこですか？何を入力してログインしますか？',
      answer: `パソコンのブラウザーで「みえますねっと」のログインサイト ${MIEMASU_LOGIN_URL} にアクセスしてください。「みえますねっと」に登録しているEメールアドレスとログインパスワードを入力し、「ログイン」ボタンをクリックします。`,
      keywords: ['ログインサイト', 'URL', 'Eメールアドレス', 'アクセス'],
    },
    en: {
      question: 'Where is the Miemasu-net login site and what do I enter to log in?',
      answer: `Open the login site ${MIEMASU_LOGIN_URL} in a browser on your PC. Enter the e-mail address and login password registered with Miemasu-net and click "ログイン" (log in).`,
      keywords: ['login site', 'url', 'address', 'email', 'sign in'],
    },
  },
  {
    id: 'miemasu.remember-email',
    source: { doc: 'miemasu', section: 'STEP2' },
    ja: {
      question: 'ログイン画面の「Eメールアドレスを記憶する」のチェックボックスは何ですか？',
      answer:
        '「Eメールアドレスを記憶する」のチェックボックスにチェックを入れると、次回ログインするときにEメールアドレスの入力が不要になります。このチェックボックスは、「Eメールアドレス」と「パスワード」を入力するログイン画面にあります。',
      keywords: ['記憶する', 'チェックボックス', '次回', '入力不要'],
    },
    en: {
      question: 'What does the "remember e-mail address" checkbox on the login screen do?',
      answer:
        'If you tick the "Eメールアドレスを記憶する" (remember e-mail address) checkbox, you do not need to type your e-mail address the next time you log in. The checkbox is on the login screen where you enter your e-mail address and password.',
      keywords: ['remember', 'checkbox', 'next time', 'save email'],
    },
  },
  {
    id: 'miemasu.delete-steps',
    source: { doc: 'miemasu', section: '登録している機器を削除(解約)する' },
    topic: 'steps',
    ja: {
      question: 'みえますねっとで登録している機器を削除（解約）する手順を教えてください。',
      answer:
        'パソコンからログインし、メニューバーの［設定］→ 削除する機器の［詳細］→［機器削除（機器の解約）］ボタンの順にクリックします。表示内容を確認してチェックボックスにチェックを入れ、［削除］をクリックしてください。最後に「機器一覧」画面で機器が削除されたことを確認します。',
      keywords: ['手順', 'やり方', '機器削除', '方法', 'カメラ'],
    },
    en: {
      question: 'How do I delete (cancel) a registered device on Miemasu-net?',
      answer:
        'Log in from a PC, then click [設定] (settings) on the menu bar, [詳細] (details) for the device, and [機器削除（機器の解約）] (delete device). Read the notice, tick the checkbox and click [削除] (delete). Finally check that the device is gone from the device list (機器一覧).',
      keywords: ['steps', 'how to', 'procedure', 'delete device', 'camera'],
    },
  },
  {
    id: 'miemasu.verify-deletion',
    source: { doc: 'miemasu', section: 'STEP7' },
    ja: {
      question: '機器の削除が完了したかどうかは、どこで確認できますか？',
      answer:
        '「機器一覧」画面で、選択した機器が削除されていることを確認してください。一覧に表示されていなければ、機器の削除（解約）は完了です。',
      keywords: ['機器一覧', '確認', '完了', 'カメラ'],
    },
    en: {
      question: 'Where can I check that the device deletion is complete?',
      answer:
        'Check on the device list screen (機器一覧) that the device you chose is no longer shown. If it is gone, the deletion (cancellation) is complete.',
      keywords: ['device list', 'check', 'confirm', 'complete', 'done', 'camera'],
    },
  },
  {
    id: 'miemasu.cancel-deletion',
    source: { doc: 'miemasu', section: 'STEP6' },
    ja: {
      question: '機器の削除を途中でやめたい場合は、どうすればよいですか？',
      answer:
        '確認画面で［削除］ではなく［キャンセル］ボタンをクリックしてください。［削除］をクリックしなければ、機器は削除されません。',
      keywords: ['中止', 'キャンセルボタン', '途中', '取りやめ'],
    },
    en: {
      question: 'How do I stop a device deletion halfway?',
      answer:
        'On the confirmation screen, click [キャンセル] (cancel) instead of [削除] (delete). The device is not deleted unless you click [削除].',
      keywords: ['abort', 'stop', 'cancel button', 'halfway', 'change my mind'],
    },
  },
  {
    id: 'miemasu.withdraw-steps',
    source: { doc: 'miemasu', section: '「みえますねっと年間パック」の退会' },
    ja: {
      question: 'みえますねっと年間パックを退会する手順を教えてください。',
      answer:
        'パソコンからログインし、メニューバーの［設定］→ 管理メニューの［契約者情報設定］→［退会手続き］をクリックします。表示内容を確認してチェックボックスにチェックを入れ、［退会］をクリックすると「退会処理完了」画面が表示されます。',
      keywords: ['退会', '手順', '契約者情報設定', '退会手続き'],
    },
    en: {
      question: 'How do I withdraw from the Miemasu-net annual pack?',
      answer:
        'Log in from a PC, click [設定] (settings) on the menu bar, then [契約者情報設定] (contractor information) in the admin menu, then [退会手続き] (withdrawal). Read the notice, tick the checkbox and click [退会] (withdraw); the "退会処理完了" (withdrawal complete) screen appears.',
      keywords: ['withdraw', 'leave', 'close account', 'membership', 'steps'],
    },
  },
  {
    id: 'miemasu.withdraw-precondition',
    source: { doc: 'miemasu', section: 'お知らせ' },
    ja: {
      question: '機器を登録したままで年間パックを退会できますか？',
      answer:
        'できません。退会の前に、登録しているすべての機器をひとつずつ削除（解約）してください。すべての機器を削除したあとで、退会の手続きを行います。',
      keywords: ['退会', 'すべての機器', '先に', '前に', '登録したまま'],
    },
    en: {
      question: 'Can I withdraw from the annual pack while devices are still registered?',
      answer:
        'No. Before withdrawing, delete (cancel) every registered device, one by one. Once all devices are deleted, you can withdraw.',
      keywords: ['withdraw', 'all devices', 'first', 'before', 'still registered'],
    },
  },
  {
    id: 'miemasu.withdraw-effect',
    source: { doc: 'miemasu', section: '「みえますねっと年間パック」の退会' },
    ja: {
      question: '年間パックを退会すると、登録した契約者情報はどうなりますか？',
      answer:
        '退会すると、登録した契約者情報はすべて削除されます。退会後に元に戻すことはできませんので、ご注意ください。',
      keywords: ['退会', '契約者情報', 'アカウント', '個人情報', '消える'],
    },
    en: {
      question: 'What happens to my contractor information when I withdraw from the annual pack?',
      answer:
        'Withdrawing deletes all the contractor information you registered. It cannot be undone afterwards.',
      keywords: ['withdraw', 'account', 'contractor information', 'personal data', 'erased'],
    },
  },
  {
    id: 'miemasu.monthly-plan',
    source: { doc: 'miemasu', section: '機器の削除(解約)/「みえますねっと年間パック」の退会' },
    ja: {
      question: '月額支払いでみえますねっとを利用していますが、この手順で解約できますか？',
      answer:
        'このご案内は「みえますねっと年間パック」向けで、ガイドにも「月額支払いで利用する「みえますねっと」の説明ではありません」とあります。月額支払いの場合の解約方法はガイドに記載がないため、このボットではご案内できません。「みえますねっと」はパナソニックのサービスですので、「みえますねっと」WEBサイトでご確認ください。',
      keywords: ['月額支払い', '月額', '年間パック', '対象'],
    },
    en: {
      question: 'I pay for Miemasu-net monthly. Can I cancel with this procedure?',
      answer:
        'No. This guidance is for the Miemasu-net annual pack; the guide itself says it does not describe Miemasu-net paid monthly. Our guides do not cover cancelling a monthly plan, so this bot cannot guide you. Miemasu-net is a Panasonic service: please check the Miemasu-net web site.',
      keywords: ['monthly', 'monthly payment', 'annual pack', 'plan'],
    },
  },
  {
    id: 'miemasu.screen-differs',
    source: { doc: 'miemasu', section: 'メモ' },
    ja: {
      question: '画面の表示が説明と違うのですが、なぜですか？',
      answer:
        'ご使用の機器やネットワークの環境によって、画面表示が異なる場合があります。ボタンの名前（［設定］［詳細］など）を目印に操作してください。',
      keywords: ['画面', '表示', '違う', '環境', 'ネットワーク'],
    },
    en: {
      question: 'Why does my screen look different from the instructions?',
      answer:
        'The screens may look different depending on your equipment and network environment. Use the button names (such as [設定] settings and [詳細] details) as your guide.',
      keywords: ['screen', 'looks different', 'display', 'environment', 'network'],
    },
  },
];
