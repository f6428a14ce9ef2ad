/**
 * Messages of the cloud service portal walkthroughs, faithful to 解約申込ガイドブック ver.3.0 (seed 002): step
 * titles, screen names (「ご契約一覧」, 「お申込一覧」) and buttons (「解約お申込」, 「保存して次へ」, 「解約」,
 * 「OK」, 「取消」) as the guide writes them.
 */
import type { Catalogs } from '../../src/engine/text/catalog.js';

export const CSPS_LOGIN_URL = 'https://cmj-crmsystem.my.site.com/3Cs/';

const LOGIN = CSPS_LOGIN_URL;

const howToJa =
  '各手順が終わったら「次へ」、うまくいかないときは「できない」を押してください。前の手順に戻るときは「戻る」と入力してください。';
const howToEn =
  'When you have done a step, press "Next"; if it does not work, press "I can\'t". To go back a step, type "back".';

const minimumTableJa = [
  '<最低利用期間>（月額請求回数）',
  '・HOME type-S/SL/AP、AOSBOX：12ヶ月（月額12回）',
  '・HOME type-U2/U2 Pro/U3/U3 サイバー保険/U3 Pro/U3 Pro サイバー保険/R/R サイバー保険/U4/U4 Pro/U4L/U4L Pro：12ヶ月（月額12回）',
  '・HOME type-AU/AM：12ヶ月（月額12回）',
  '・HOME type-M/W/D、添付ファイル自動 ZIP パスワード化サービス、添付ファイルメールセキュリティオプション：12ヶ月（月額12回）',
  '・HOME type-CD/CS/CX/C6：2ヶ月（月額2回）',
  '・HOME type-O：最低利用期間無し',
  '・HOME セレクトシリーズ、NI Cloud Service、MEAP クラウドスキャン for NI Collabo：1ヶ月（月額1回）',
  '・uniFLOW Online、Therefore Online：12ヶ月（月額12回）',
].join('\n');

const minimumTableEn = [
  'Minimum usage periods (number of monthly billings):',
  '- HOME type-S/SL/AP, AOSBOX: 12 months (12 billings)',
  '- HOME type-U2/U2 Pro/U3/U3 Cyber Insurance/U3 Pro/U3 Pro Cyber Insurance/R/R Cyber Insurance/U4/U4 Pro/U4L/U4L Pro: 12 months (12 billings)',
  '- HOME type-AU/AM: 12 months (12 billings)',
  '- HOME type-M/W/D, automatic ZIP password for attachments, attachment mail security option: 12 months (12 billings)',
  '- HOME type-CD/CS/CX/C6: 2 months (2 billings)',
  '- HOME type-O: no minimum period',
  '- HOME Select series, NI Cloud Service, MEAP Cloud Scan for NI Collabo: 1 month (1 billing)',
  '- uniFLOW Online, Therefore Online: 12 months (12 billings)',
].join('\n');

export const cspsWalkthroughMessages: Catalogs = {
  ja: {
    'walkthrough.csps-cancel.title': 'クラウドサービスの解約申込の手順（ご自身で操作）',
    'walkthrough.csps-cancel.intro': `クラウドサービスポータルサイトから HOME / Therefore Online / uniFLOW Online の解約を申し込む手順を、「解約申込ガイドブック」に沿って1つずつご案内します。操作はお客様ご自身でポータルサイトから行っていただきます。このチャットでは何も変更しません。\nNVS クラウド（VisualStage など）の解約は別の手順です。お問い合わせ先にご相談ください。\n${howToJa}`,
    'walkthrough.csps-cancel.step1': `1. クラウドサービスポータルサイトにログインします\n以下の URL より、お客様の ID にてログインします。\n${LOGIN}\n「ログインIDをお持ちのお客様」の欄に、ログインID（メールアドレス）とパスワードを入力し、「ログイン」をクリックします。\n※パスワードを忘れた場合は、ログイン画面の「※パスワードを忘れた方はこちら」をクリックしてください。\n※パスワードはこのチャットには入力しないでください。`,
    'walkthrough.csps-cancel.step1.trouble': `パスワードを忘れた場合は、ログイン画面の「※パスワードを忘れた方はこちら」をクリックしてください。\nログインIDはメールアドレスです。パートナーの方は「※パートナーの方はこちら」からログインしてください。\nログインページの URL は ${LOGIN} です（ガイドブック ver.3.0 で URL が変更されています）。`,
    'walkthrough.csps-cancel.step2':
      '2. 「ご契約一覧」をクリックします\nメニューの「ご契約一覧」をクリックします。',
    'walkthrough.csps-cancel.step2.trouble':
      '「ご契約一覧」は、ログイン後の画面の「メニュー」（TOPページ、ご契約一覧、お申込一覧、新規お申込 …）にあります。メニューが表示されない場合は、ログインできているかご確認ください。',
    'walkthrough.csps-cancel.step3':
      '3. 該当サービスステータスが「サービス開始」の「詳細」をクリックします\n「ご契約一覧」には、契約番号・種別・サービス・開始日・ステータスが表示されます。解約するサービスのステータスが「サービス開始」であることを確認し、「詳細」をクリックします。\n※該当サービスのステータスが「サービス開始」ではなく「変更お申込作成中」の場合は、<付録>をご参照ください。',
    'walkthrough.csps-cancel.step3.trouble':
      'ステータスが「変更お申込作成中」の場合は、何らかのお申込途中です。誤って作成してしまった場合は、<付録>の手順で削除することができます（「<付録>の手順を見る」からご案内します）。\nステータスが「解約お申込受付中」の場合は、すでに解約のお申込を受け付けています。\n「お申込一覧」でステータスが「パートナー作成中」のお申込は、パートナー（販売店）が作成しているものです。パートナーまたはお問い合わせ先にご相談ください。',
    'walkthrough.csps-cancel.step3.detour': '<付録>の手順を見る',
    'walkthrough.csps-cancel.step4':
      '4. 「解約お申込」をクリックします\n「ご契約情報詳細」画面のボタン（オプション変更お申込／基本情報変更お申込／設定情報変更お申込／解約お申込／お問合せ／一覧に戻る）から、「解約お申込」をクリックします。',
    'walkthrough.csps-cancel.step4.trouble':
      '「解約お申込」ボタンは「ご契約情報詳細」画面にあります。見つからない場合は「一覧に戻る」で「ご契約一覧」に戻り、解約するサービスのステータスが「サービス開始」であることをご確認ください。\nご契約内容に関するお問い合わせは、同じ画面の「お問合せ」ボタンからもできます。',
    'walkthrough.csps-cancel.step5':
      '5. 「解約理由」を入力します\n<type-M/W/D 以外の場合> 解約理由をご記入いただき「保存して次へ」をクリックします。\n<type-M/W/D の場合> お客様のドメインを解約後どうされるか「ドメインを他社サービスへ移行」あるいは「ドメイン廃止」のどちらかをご記入いただき、「保存して次へ」をクリックします。\n次の内容をご確認ください。',
    'walkthrough.csps-cancel.fact.effective-home.label': '解約日（HOME、uniFLOW Online）',
    'walkthrough.csps-cancel.fact.effective-home': 'お申し込みいただいた日の翌月末に解約となります。',
    'walkthrough.csps-cancel.fact.effective-therefore.label': '解約日（Therefore Online）',
    'walkthrough.csps-cancel.fact.effective-therefore':
      '解約希望月の 35 日前までにお申し込みが必要となります。',
    'walkthrough.csps-cancel.fact.minimum.label': '最低利用期間',
    'walkthrough.csps-cancel.fact.minimum':
      '商品によっては最低利用期間があります。「最低利用期間を経過しておりません。」というメッセージが表示された場合は、最低利用期間までのご料金が発生しますので、あらかじめご了承ください。',
    'walkthrough.csps-cancel.fact.domain.label': 'type-M/W/D のドメイン',
    'walkthrough.csps-cancel.fact.domain':
      '「ドメインを他社サービスへ移行」または「ドメイン廃止」のどちらかをご記入ください。',
    'walkthrough.csps-cancel.step5.trouble': `「最低利用期間を経過しておりません。このまま解約する場合は、最低利用期間分の料金をまとめてお支払いいただきます。」と表示された場合は、最低利用期間までのご料金が発生します。ご了承のうえ解約する場合は、解約理由を入力して「保存して次へ」をクリックしてください。\n${minimumTableJa}\ntype-M/W/D の場合は、「ドメインを他社サービスへ移行」あるいは「ドメイン廃止」のどちらかもご記入ください。`,
    'walkthrough.csps-cancel.step6':
      '6. 「解約」をクリックします\n「お申込情報詳細」画面に、ステータスが「解約お申込作成中」のお申込（お申込番号 R-…）が表示されます。内容を確認し、「解約」をクリックします。',
    'walkthrough.csps-cancel.step6.trouble':
      'この画面を閉じてしまった場合は、「お申込一覧」でステータスが「解約お申込作成中」のお申込の「詳細」をクリックしてください。\n「取消」ではなく「解約」をクリックしてください。',
    'walkthrough.csps-cancel.step7':
      '7. 「OK」をクリックします\n「お申込番号「R-…」を解約します。よろしいですか？」と表示されます。お申込番号を確認し、「OK」をクリックします。',
    'walkthrough.csps-cancel.step7.trouble':
      'このメッセージが表示されない場合や、誤って「キャンセル」を押した場合は、もう一度「解約」をクリックしてください。',
    'walkthrough.csps-cancel.step8':
      '8. お申込完了です\n「解約のお申込を承りました。」と表示されます。メールにて詳細内容をご案内しますのでご確認ください。\n「お申込一覧」では、ステータスが「解約お申込受付中」と表示されます。',
    'walkthrough.csps-cancel.step8.trouble':
      '「お申込一覧」でステータスが「解約お申込受付中」になっていない場合や、メールが届かない場合は、お問い合わせ先にご相談ください。お申込番号（R-…）をお伝えいただくとスムーズです。',
    'walkthrough.csps-cancel.done':
      '以上で解約申込は完了です。\nHOME、uniFLOW Online は、お申し込みいただいた日の翌月末に解約となります。Therefore Online は解約希望月の 35 日前までのお申し込みが必要です。\n（このチャットでは何も変更していません。お申込はお客様がポータルサイトで行った操作によるものです。）',

    'walkthrough.csps-draft.title': '「変更お申込作成中」のお申込の削除手順（<付録>）',
    'walkthrough.csps-draft.intro': `<付録>\n「ご契約一覧」で、該当サービスのステータスが「変更お申込作成中」の場合は、何らかのお申込途中です。誤って作成してしまった場合は、以下の手順で削除することができます。操作はお客様ご自身でポータルサイトから行っていただきます。このチャットでは何も変更しません。\n${howToJa}`,
    'walkthrough.csps-draft.step1':
      '<付録> 手順1\n「お申込一覧」をクリックし、ステータスが「変更お申込作成中」の「詳細」をクリックします。',
    'walkthrough.csps-draft.step1.trouble':
      'ステータスが「パートナー作成中」のお申込は、パートナー（販売店）が作成しているものです。付録の手順は「変更お申込作成中」のお申込を対象としているため、お客様ご自身では削除できないものと当方では解釈しています（ガイドブックに明記はありません）。パートナーまたはお問い合わせ先にご相談ください。\n「変更お申込作成中」のお申込が見つからない場合は、「ご契約一覧」で該当サービスのステータスをもう一度ご確認ください。',
    'walkthrough.csps-draft.step2':
      '<付録> 手順2\n「取消」をクリックします。\n（「解約」「取消」「一覧に戻る」のボタンのうち、「取消」です。）',
    'walkthrough.csps-draft.step2.trouble':
      '「取消」ボタンは「お申込情報詳細」画面に、「解約」「一覧に戻る」と並んであります。ここでは「解約」ではなく「取消」をクリックしてください。',
    'walkthrough.csps-draft.step3': '<付録> 手順3\n「OK」をクリックします。',
    'walkthrough.csps-draft.step3.trouble':
      '確認のメッセージが表示されない場合や、誤って「キャンセル」を押した場合は、もう一度「取消」をクリックしてください。',
    'walkthrough.csps-draft.step4':
      '<付録> 手順4\nもう一度「OK」をクリックします。\n「「変更お申込作成中」の文書は削除されました。」と表示されます。',
    'walkthrough.csps-draft.step4.trouble':
      '「「変更お申込作成中」の文書は削除されました。」と表示されない場合は、「お申込一覧」にそのお申込が残っていないかご確認ください。残っている場合は手順1からやり直してください。',
    'walkthrough.csps-draft.step5':
      '<付録> 手順5\n「ご契約一覧」を確認すると、ステータスが「サービス開始」となります。',
    'walkthrough.csps-draft.step5.trouble':
      'ステータスが「サービス開始」になっていない場合は、「お申込一覧」に「変更お申込作成中」のお申込が残っていないかご確認ください。残っている場合は手順1からやり直してください。',
    'walkthrough.csps-draft.done':
      '以上で付録の手順（「変更お申込作成中」の文書の削除）のご案内は終わりです。ポータルサイトで「「変更お申込作成中」の文書は削除されました。」と表示されていれば、削除は完了しています。\n解約申込の手順に戻って、解約のお申込を行います（3. ステータスが「サービス開始」の「詳細」→ 4. 「解約お申込」）。\n（このチャットでは何も変更していません。）',
  },
  en: {
    'walkthrough.csps-cancel.title': 'Applying to cancel a cloud service yourself',
    'walkthrough.csps-cancel.intro': `I will guide you step by step, following the cancellation guidebook, through applying on the Cloud Service Portal to cancel HOME / Therefore Online / uniFLOW Online. You do this yourself on the portal; nothing is changed by this chat.\nCancelling NVS cloud (VisualStage etc.) is a separate procedure: please contact us.\n${howToEn}`,
    'walkthrough.csps-cancel.step1': `1. Log in to the Cloud Service Portal\nLog in with your ID at:\n${LOGIN}\nUnder "ログインIDをお持ちのお客様" (customers with a login ID), enter your login ID (e-mail address) and password, then click "ログイン" (Log in).\nIf you have forgotten your password, click "※パスワードを忘れた方はこちら" (Forgot your password?) on the login screen.\nNote: please never type your password into this chat.`,
    'walkthrough.csps-cancel.step1.trouble': `If you have forgotten your password, click "※パスワードを忘れた方はこちら" (Forgot your password?) on the login screen.\nYour login ID is your e-mail address. Partners log in via "※パートナーの方はこちら" (for partners).\nThe login page is ${LOGIN} (the URL changed with guidebook ver.3.0).`,
    'walkthrough.csps-cancel.step2': '2. Click "ご契約一覧" (Contract list)\nClick "ご契約一覧" in the menu.',
    'walkthrough.csps-cancel.step2.trouble':
      '"ご契約一覧" is in the menu shown after you log in (TOPページ, ご契約一覧, お申込一覧, 新規お申込 …). If there is no menu, check that you are logged in.',
    'walkthrough.csps-cancel.step3':
      '3. Click "詳細" (Details) of the service whose status is "サービス開始" (service started)\nThe contract list shows contract number, type, service, start date and status. Check that the status of the service to cancel is "サービス開始", then click "詳細".\nIf its status is "変更お申込作成中" (change application being drafted) instead, see the appendix.',
    'walkthrough.csps-cancel.step3.trouble':
      'If the status is "変更お申込作成中", some application is in progress. If it was created by mistake, you can delete it with the appendix steps ("Show the appendix steps").\nIf the status is "解約お申込受付中", your cancellation has already been accepted.\nAn application with status "パートナー作成中" in the application list was drafted by your partner (dealer). Please ask your partner or contact us.',
    'walkthrough.csps-cancel.step3.detour': 'Show the appendix steps',
    'walkthrough.csps-cancel.step4':
      '4. Click "解約お申込" (Apply to cancel)\nOn the "ご契約情報詳細" (contract details) screen, among the buttons (option change / basic information change / settings change / 解約お申込 / お問合せ / back to list), click "解約お申込".',
    'walkthrough.csps-cancel.step4.trouble':
      'The "解約お申込" button is on the "ご契約情報詳細" screen. If it is not there, go back with "一覧に戻る" (back to list) and check that the status of the service is "サービス開始".\nFor questions about your contract you can also use the "お問合せ" (inquiry) button on the same screen.',
    'walkthrough.csps-cancel.step5':
      '5. Enter the "解約理由" (cancellation reason)\nOther than type-M/W/D: enter the reason and click "保存して次へ" (Save and next).\nType-M/W/D: also write what happens to your domain after cancellation, either "ドメインを他社サービスへ移行" (transfer to another provider) or "ドメイン廃止" (abolish), then click "保存して次へ".\nPlease read the following.',
    'walkthrough.csps-cancel.fact.effective-home.label': 'Cancellation date (HOME, uniFLOW Online)',
    'walkthrough.csps-cancel.fact.effective-home': 'The end of the month following the month you apply.',
    'walkthrough.csps-cancel.fact.effective-therefore.label': 'Cancellation date (Therefore Online)',
    'walkthrough.csps-cancel.fact.effective-therefore':
      'You must apply at least 35 days before the month you want to cancel.',
    'walkthrough.csps-cancel.fact.minimum.label': 'Minimum usage period',
    'walkthrough.csps-cancel.fact.minimum':
      'Some products have a minimum usage period. If the message "最低利用期間を経過しておりません。" (the minimum usage period has not passed) is shown, the charges up to the minimum period will be billed.',
    'walkthrough.csps-cancel.fact.domain.label': 'Domain (type-M/W/D)',
    'walkthrough.csps-cancel.fact.domain':
      'Write either "ドメインを他社サービスへ移行" (transfer) or "ドメイン廃止" (abolish).',
    'walkthrough.csps-cancel.step5.trouble': `If "最低利用期間を経過しておりません。" is shown, the minimum usage period has not passed: if you cancel now, the charges for the rest of the minimum period are billed together. If you accept that, enter the reason and click "保存して次へ".\n${minimumTableEn}\nFor type-M/W/D, also write "ドメインを他社サービスへ移行" (transfer) or "ドメイン廃止" (abolish).`,
    'walkthrough.csps-cancel.step6':
      '6. Click "解約" (Cancel contract)\nThe "お申込情報詳細" (application details) screen shows the application (number R-…) with status "解約お申込作成中" (cancellation being drafted). Check it and click "解約".',
    'walkthrough.csps-cancel.step6.trouble':
      'If you closed this screen, open "お申込一覧" (application list) and click "詳細" of the application with status "解約お申込作成中".\nClick "解約", not "取消".',
    'walkthrough.csps-cancel.step7':
      '7. Click "OK"\nThe message "お申込番号「R-…」を解約します。よろしいですか？" (cancel application R-…?) is shown. Check the application number and click "OK".',
    'walkthrough.csps-cancel.step7.trouble':
      'If the message is not shown, or you pressed "キャンセル" by mistake, click "解約" again.',
    'walkthrough.csps-cancel.step8':
      '8. Application complete\n"解約のお申込を承りました。" (your cancellation application has been received) is shown. Details follow by e-mail.\nIn "お申込一覧" the status shows "解約お申込受付中" (cancellation accepted).',
    'walkthrough.csps-cancel.step8.trouble':
      'If the status in "お申込一覧" is not "解約お申込受付中", or no e-mail arrives, please contact us. Having the application number (R-…) ready helps.',
    'walkthrough.csps-cancel.done':
      'That completes the cancellation application.\nHOME and uniFLOW Online end at the end of the month following your application. Therefore Online needs the application at least 35 days before the month you want to cancel.\n(Nothing was changed by this chat: the application is what you did on the portal.)',

    'walkthrough.csps-draft.title': 'Deleting a "変更お申込作成中" draft (appendix)',
    'walkthrough.csps-draft.intro': `Appendix\nIf the status of the service in "ご契約一覧" is "変更お申込作成中" (change application being drafted), some application is in progress. If it was created by mistake, you can delete it as follows. You do this yourself on the portal; nothing is changed by this chat.\n${howToEn}`,
    'walkthrough.csps-draft.step1':
      'Appendix step 1\nClick "お申込一覧" (application list), then "詳細" of the application with status "変更お申込作成中".',
    'walkthrough.csps-draft.step1.trouble':
      'An application with status "パートナー作成中" was drafted by your partner (dealer). The appendix steps cover "変更お申込作成中" drafts, so our reading is that you cannot delete it yourself (the guide does not say so explicitly). Please ask your partner or contact us.\nIf you cannot find a "変更お申込作成中" application, check the status of the service in "ご契約一覧" again.',
    'walkthrough.csps-draft.step2':
      'Appendix step 2\nClick "取消" (Withdraw).\n(Of the buttons "解約", "取消" and "一覧に戻る", it is "取消".)',
    'walkthrough.csps-draft.step2.trouble':
      'The "取消" button is on the "お申込情報詳細" screen next to "解約" and "一覧に戻る". Click "取消" here, not "解約".',
    'walkthrough.csps-draft.step3': 'Appendix step 3\nClick "OK".',
    'walkthrough.csps-draft.step3.trouble':
      'If no confirmation message is shown, or you pressed "キャンセル" by mistake, click "取消" again.',
    'walkthrough.csps-draft.step4':
      'Appendix step 4\nClick "OK" again.\n"「変更お申込作成中」の文書は削除されました。" (the draft has been deleted) is shown.',
    'walkthrough.csps-draft.step4.trouble':
      'If that message is not shown, check whether the application is still in "お申込一覧". If it is, start again from step 1.',
    'walkthrough.csps-draft.step5':
      'Appendix step 5\nIn "ご契約一覧", the status is now "サービス開始" (service started).',
    'walkthrough.csps-draft.step5.trouble':
      'If the status is not "サービス開始", check whether a "変更お申込作成中" application remains in "お申込一覧". If it does, start again from step 1.',
    'walkthrough.csps-draft.done':
      'That is the end of the appendix steps (deleting the "変更お申込作成中" draft). If the portal showed "「変更お申込作成中」の文書は削除されました。", the draft is deleted.\nGo back to the cancellation steps and apply to cancel (3. "詳細" of the service with status "サービス開始" → 4. "解約お申込").\n(Nothing was changed by this chat.)',
  },
};
