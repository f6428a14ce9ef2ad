/**
 * Messages of the walkthrough area: the keys shared by every walkthrough (options, re-prompts, the ends), the
 * chooser, and the per-portal catalogs merged in. Keys are prefixed `walkthrough.`.
 */
import { type Catalogs, mergeCatalogs } from '../../src/engine/text/catalog.js';
import { cspsWalkthroughMessages } from './messages-csps.js';
import { miemasuWalkthroughMessages } from './messages-miemasu.js';

const sharedMessages: Catalogs = {
  ja: {
    'walkthrough.choice.next': '次へ',
    'walkthrough.choice.cannot': 'できない',
    'walkthrough.choice.retry': 'この手順をもう一度試す',
    'walkthrough.choice.contact': '問い合わせ先を見る',
    'walkthrough.choice.stop': 'ここで終了する',
    'walkthrough.step.reprompt':
      'この手順が終わったら「次へ」、うまくいかないときは「できない」を選んでください。前の手順に戻るときは「戻る」と入力してください。',
    'walkthrough.recover.prompt': 'どうなさいますか？',
    'walkthrough.recover.reprompt': 'どうなさいますか？ 下のボタンからお選びください（番号でも選べます）。',
    'walkthrough.contact': 'お問い合わせ先をご案内します。このチャットでは何も変更していません。',
    'walkthrough.stopped':
      'ご案内を終了します。このチャットでは何も変更していません。サイトで最後の手順まで操作していなければ、ご契約はそのままです。',

    'walkthrough.title': 'ご自身で操作する手順のご案内',
    'walkthrough.choose':
      'ご自身でサイトから操作される手順を、画面に沿って1つずつご案内します（このチャットでは何も変更しません）。どの手順をご覧になりますか？',
    'walkthrough.choose.reprompt': 'ご覧になる手順を下のボタンからお選びください。',
    'walkthrough.choose.miemasu-delete': 'みえますねっと：機器の削除(解約)',
    'walkthrough.choose.miemasu-withdraw': 'みえますねっと：年間パックの退会',
    'walkthrough.choose.csps-cancel': 'クラウドサービス（HOME・Therefore Online・uniFLOW Online）：解約申込',
    'walkthrough.choose.csps-draft': 'クラウドサービス：「変更お申込作成中」のお申込の削除',
  },
  en: {
    'walkthrough.choice.next': 'Next',
    'walkthrough.choice.cannot': "I can't",
    'walkthrough.choice.retry': 'Try this step again',
    'walkthrough.choice.contact': 'See contact details',
    'walkthrough.choice.stop': 'Stop here',
    'walkthrough.step.reprompt':
      'When you have done this step, choose "Next"; if it does not work, choose "I can\'t". To go back a step, type "back".',
    'walkthrough.recover.prompt': 'What would you like to do?',
    'walkthrough.recover.reprompt':
      'What would you like to do? Please choose a button below (or type its number).',
    'walkthrough.contact': 'Here is how to contact us. Nothing has been changed by this chat.',
    'walkthrough.stopped':
      'The guide ends here. Nothing has been changed by this chat. Unless you completed the last step on the site, your contract is unchanged.',

    'walkthrough.title': 'Step-by-step guides to do it yourself',
    'walkthrough.choose':
      'I can guide you screen by screen through a procedure you do yourself on the site (nothing is changed by this chat). Which one would you like?',
    'walkthrough.choose.reprompt': 'Please choose a guide with the buttons below.',
    'walkthrough.choose.miemasu-delete': 'Miemasu-net: delete (cancel) a device',
    'walkthrough.choose.miemasu-withdraw': 'Miemasu-net: withdraw from the annual pack',
    'walkthrough.choose.csps-cancel':
      'Cloud services (HOME, Therefore Online, uniFLOW Online): apply to cancel',
    'walkthrough.choose.csps-draft': 'Cloud services: delete a "変更お申込作成中" draft',
  },
};

export const walkthroughMessages: Catalogs = mergeCatalogs(
  sharedMessages,
  miemasuWalkthroughMessages,
  cspsWalkthroughMessages,
);
