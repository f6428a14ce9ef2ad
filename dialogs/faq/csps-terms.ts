/** FAQ entries from the cloud service portal guide: login, steps, effective dates and minimum terms. */
import type { FaqEntryInput } from '../../src/faq/schema.js';

const CSPS_LOGIN_URL = 'https://cmj-crmsystem.my.site.com/3Cs/';

export const CSPS_TERMS_FAQ_ENTRIES: FaqEntryInput[] = [
  {
    id: 'csps.login',
    source: { doc: 'csps', section: '1. クラウドサービスポータルサイトにログインします' },
    topic: 'login',
    ja: {
      question: 'クラウドサービスポータルサイトには、どこから何でログインしますか？',
      answer: `${CSPS_LOGIN_URL} から、お客様のログインID（メールアドレス）とパスワードでログインしてください。ログイン後、メニューの「ご契約一覧」から手続きを始めます。`,
      keywords: ['ポータルサイト', 'ログインID', 'ログイン画面', 'メールアドレス', 'URL'],
    },
    en: {
      question: 'Where and with what do I log in to the cloud service portal?',
      answer: `Log in at ${CSPS_LOGIN_URL} with your login ID (your e-mail address) and password. After logging in, start from "ご契約一覧" (contract list) in the menu.`,
      keywords: ['portal', 'login id', 'email address', 'url', 'sign in'],
    },
  },
  {
    id: 'csps.password-reset',
    source: { doc: 'csps', section: '1. クラウドサービスポータルサイトにログインします' },
    topic: 'password',
    ja: {
      question: 'クラウドサービスポータルサイトのパスワードを忘れた場合はどうすればよいですか？',
      answer:
        'ポータルサイトのログイン画面にある「※パスワードを忘れた方はこちら」から、パスワードの再設定を行ってください。再設定が済んだら、あらためてログインしてお手続きください。',
      keywords: ['パスワード', '忘れた', '再設定', 'ログインできない'],
    },
    en: {
      question: 'What should I do if I forgot my cloud service portal password?',
      answer:
        'Use "※パスワードを忘れた方はこちら" (forgot your password) on the portal login page to reset your password. Then log in again to continue.',
      keywords: ['password', 'forgot', 'portal', 'reset'],
    },
  },
  {
    id: 'csps.cancel-steps',
    source: { doc: 'csps', section: '目次' },
    topic: 'steps',
    ja: {
      question: 'HOME・Therefore Online・uniFLOW Online の解約申込の流れを教えてください。',
      answer:
        'ポータルサイトにログインし、「ご契約一覧」でステータスが「サービス開始」の契約の「詳細」→「解約お申込」をクリックします。解約理由を入力して「保存して次へ」、作成されたお申込で「解約」→「OK」をクリックすると、お申込完了です。',
      keywords: ['解約申込', '手順', '流れ', 'ご契約一覧', 'クラウドサービス'],
    },
    en: {
      question: 'What are the steps to apply to cancel HOME, Therefore Online or uniFLOW Online?',
      answer:
        'Log in to the portal, open "ご契約一覧" (contract list), click "詳細" (details) on the contract whose status is "サービス開始" (service started), then "解約お申込" (apply to cancel). Enter the reason and click "保存して次へ" (save and next), then "解約" (cancel) and "OK" on the draft application; the application is then complete.',
      keywords: ['steps', 'how to cancel', 'procedure', 'cloud service', 'contract list'],
    },
  },
  {
    id: 'csps.effective-home-uniflow',
    source: { doc: 'csps', section: '5. 「解約理由」を入力します' },
    topic: 'effective',
    services: ['home', 'uniflow'],
    ja: {
      question: 'HOME や uniFLOW Online は、申し込んでからいつ解約になりますか？',
      answer:
        'HOME と uniFLOW Online は、お申し込みいただいた日の翌月末での解約となります。たとえば11月23日にお申し込みの場合、12月31日で解約となります。',
      keywords: ['HOME', 'uniFLOW', '翌月末', '解約日', '終了日'],
    },
    en: {
      question: 'When does a HOME or uniFLOW Online cancellation take effect?',
      answer:
        'HOME and uniFLOW Online are cancelled at the end of the month following the month you apply. For example, applying on 23 November means the contract ends on 31 December.',
      keywords: ['home', 'uniflow', 'end of next month', 'effective date', 'last day'],
    },
  },
  {
    id: 'csps.effective-therefore',
    source: { doc: 'csps', section: '5. 「解約理由」を入力します' },
    topic: 'effective',
    services: ['therefore'],
    ja: {
      question: 'Therefore Online はいつまでに解約を申し込めばよいですか？',
      answer:
        'ガイドには「Therefore Online は解約希望月の35日前までにお申し込みが必要」とあります。このボットでは、希望月の1日の35日前を締切、希望月の末日を解約日として計算しています（当方の解釈による目安です）。この読み方では、11月23日のお申し込みなら最短で翌年1月末の解約が目安です。',
      keywords: ['Therefore', '35日前', '解約希望月', '締切', '解約日'],
    },
    en: {
      question: 'By when must I apply to cancel Therefore Online?',
      answer:
        'The guide says Therefore Online must be applied for "35 days before the desired cancellation month" (解約希望月の35日前まで). This bot reads that as a deadline 35 days before the 1st of that month, with the contract ending on its last day; dates computed this way are our estimate. Read so, applying on 23 November gives 31 January of the next year at the earliest (estimate).',
      keywords: ['therefore', '35 days', 'deadline', 'desired month', 'effective date'],
    },
  },
  {
    id: 'csps.minimum-term',
    source: { doc: 'csps', section: '5. 「解約理由」を入力します' },
    ja: {
      question: '最低利用期間内に解約すると、料金はかかりますか？',
      answer:
        '商品によっては最低利用期間があります。「最低利用期間を経過しておりません。」と表示された場合、そのまま解約すると最低利用期間分の料金をまとめてお支払いいただきます。このボットが示す残りの回数は、開始月から解約月までを数えた当方の目安で、金額も標準価格による目安です。',
      keywords: ['最低利用期間', '料金', 'まとめて', '支払い', '違約金'],
    },
    en: {
      question: 'Is there a charge if I cancel within the minimum usage period?',
      answer:
        'Some products have a minimum usage period. If the screen says the minimum period has not passed, cancelling anyway means the charges up to the minimum period are billed together. The remaining billings this bot shows are our own count (start month to the month the cancellation takes effect), and amounts are estimates based on standard prices.',
      keywords: ['minimum term', 'charge', 'fee', 'penalty', 'billed together'],
    },
  },
  {
    id: 'csps.minimum-term-home-12',
    source: { doc: 'csps', section: '5. 「解約理由」を入力します（<最低利用期間>）' },
    services: ['home'],
    ja: {
      question: 'HOME type-S や type-U2、type-M などの最低利用期間は何ヶ月ですか？',
      answer:
        'ガイドの表では、HOME type-S/SL/AP・AOSBOX の最低利用期間は12ヶ月（月額12回）です。type-U2/U3/U4/U4L/R の各種、type-AU/AM、type-M/W/D と添付ファイル自動ZIPパスワード化サービス・添付ファイルメールセキュリティオプションの行は期間の欄が結合されており、このボットでは同じ12ヶ月（月額12回）と読んでいます（当方の解釈）。',
      keywords: ['最低利用期間', '12ヶ月', 'type-S', 'type-U2', 'type-M', 'AOSBOX', 'type-AU'],
    },
    en: {
      question: 'What is the minimum usage period for HOME type-S, type-U2, type-M and similar?',
      answer:
        "In the guide's table, HOME type-S/SL/AP and AOSBOX have a minimum usage period of 12 months (12 monthly billings). The rows for the type-U2/U3/U4/U4L/R family, type-AU/AM, type-M/W/D and the attachment ZIP-password and mail-security options share a merged period cell, which this bot reads as the same 12 months (our interpretation).",
      keywords: ['minimum term', '12 months', 'type-s', 'type-u2', 'type-m', 'aosbox', 'type-au'],
    },
  },
  {
    id: 'csps.minimum-term-home-short',
    source: { doc: 'csps', section: '5. 「解約理由」を入力します（<最低利用期間>）' },
    services: ['home'],
    ja: {
      question: 'HOME type-CD/CS/CX/C6、type-O、セレクトシリーズの最低利用期間は何ヶ月ですか？',
      answer:
        'HOME type-CD/CS/CX/C6 は2ヶ月（月額2回）、HOME セレクトシリーズ・NI Cloud Service・MEAP クラウドスキャン for NI Collabo は1ヶ月（月額1回）です。HOME type-O には最低利用期間はありません。',
      keywords: ['最低利用期間', '2ヶ月', '1ヶ月', 'type-C6', 'type-O', 'セレクトシリーズ', 'NI Cloud'],
    },
    en: {
      question: 'What is the minimum usage period for HOME type-CD/CS/CX/C6, type-O and the Select series?',
      answer:
        'HOME type-CD/CS/CX/C6: 2 months (2 monthly billings). HOME Select series, NI Cloud Service and MEAP Cloud Scan for NI Collabo: 1 month. HOME type-O has no minimum usage period.',
      keywords: ['minimum term', '2 months', '1 month', 'type-c6', 'type-o', 'select series', 'ni cloud'],
    },
  },
  {
    id: 'csps.minimum-term-therefore-uniflow',
    source: { doc: 'csps', section: '5. 「解約理由」を入力します（<最低利用期間>）' },
    services: ['therefore', 'uniflow'],
    ja: {
      question: 'uniFLOW Online と Therefore Online の最低利用期間は何ヶ月ですか？',
      answer:
        'uniFLOW Online と Therefore Online の最低利用期間は12ヶ月（月額12回）です。期間内に解約すると、最低利用期間までの料金がまとめて請求されます。',
      keywords: ['最低利用期間', '12ヶ月', 'uniFLOW', 'Therefore'],
    },
    en: {
      question: 'What is the minimum usage period for uniFLOW Online and Therefore Online?',
      answer:
        'uniFLOW Online and Therefore Online have a minimum usage period of 12 months (12 monthly billings). Cancelling earlier means the charges up to the minimum period are billed together.',
      keywords: ['minimum term', '12 months', 'uniflow', 'therefore'],
    },
  },
];
