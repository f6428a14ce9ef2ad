/** FAQ entries from the cloud service portal guide: reason screen, statuses, drafts, estimates, NVS. */
import type { FaqEntryInput } from '../../src/faq/schema.js';

export const CSPS_FLOW_FAQ_ENTRIES: FaqEntryInput[] = [
  {
    id: 'csps.domain',
    source: { doc: 'csps', section: '5. 「解約理由」を入力します（<type-M/W/D の場合>）' },
    ja: {
      question: 'HOME type-M/W/D を解約するとき、ドメインはどうなりますか？',
      answer:
        'type-M/W/D の解約では、解約後のお客様のドメインを「ドメインを他社サービスへ移行」するか「ドメイン廃止」にするかを選んでいただきます。解約理由の入力画面でどちらかをご記入ください。',
      keywords: ['ドメイン', '他社', '移行', '廃止', 'type-M'],
    },
    en: {
      question: 'What happens to my domain when I cancel HOME type-M/W/D?',
      answer:
        'For type-M/W/D you choose what happens to your domain after cancellation: transfer it to another provider (ドメインを他社サービスへ移行) or abolish it (ドメイン廃止). State your choice on the cancellation-reason screen.',
      keywords: ['domain', 'transfer', 'another provider', 'abolish', 'type-m'],
    },
  },
  {
    id: 'csps.cancel-reason',
    source: { doc: 'csps', section: '5. 「解約理由」を入力します（<type-M/W/D 以外の場合>）' },
    ja: {
      question: '解約理由の入力画面では、何を書けばよいですか？',
      answer:
        '解約理由の入力欄に理由をご記入いただき、「保存して次へ」をクリックしてください。これで解約用のお申込が作成されます。記入例：「サービスを利用しなくなったため解約します。」',
      keywords: ['解約理由', '入力', '保存して次へ', '記入'],
    },
    en: {
      question: 'What should I write on the cancellation-reason screen?',
      answer:
        'Enter your reason in the 解約理由 (cancellation reason) field and click "保存して次へ" (save and next). This creates the cancellation application. Example: "We no longer use the service."',
      keywords: ['reason', 'why', 'cancellation reason', 'save and next', 'write'],
    },
  },
  {
    id: 'csps.confirm-dialog',
    source: { doc: 'csps', section: '7. 「OK」をクリックします' },
    ja: {
      question: '「解約」を押したら「お申込番号「R-…」を解約します。よろしいですか？」と表示されました。',
      answer:
        '表示されたお申込番号（「R-」で始まる番号）を確認し、よろしければ「OK」をクリックしてください。「OK」をクリックすると、解約のお申込が完了します。',
      keywords: ['お申込番号', 'よろしいですか', 'OK', 'ダイアログ', '確認'],
    },
    en: {
      question: 'After clicking "解約" a dialog asks whether to cancel application number "R-…". What now?',
      answer:
        'Check the application number shown (it starts with "R-") and click "OK" if it is right. Clicking "OK" completes the cancellation application.',
      keywords: ['application number', 'dialog', 'popup', 'ok', 'are you sure'],
    },
  },
  {
    id: 'csps.after-apply',
    source: { doc: 'csps', section: '8. お申込完了です' },
    ja: {
      question: '解約を申し込んだあとは、どうなりますか？',
      answer:
        '「解約のお申込を承りました。」と表示され、詳細はメールでご案内します。「お申込一覧」でステータスが「解約お申込受付中」になっていれば、お申込は受け付けられています。',
      keywords: [
        '申込完了',
        'メール',
        '確認メール',
        '受付',
        'お申込一覧',
        'その後',
        '申し込んだあと',
        '連絡',
      ],
    },
    en: {
      question: 'What happens after I apply to cancel?',
      answer:
        'The screen shows "解約のお申込を承りました。" (application received) and the details follow by e-mail. In the application list (お申込一覧) the status becomes "解約お申込受付中" (cancellation accepted).',
      keywords: [
        'after',
        'email',
        'confirmation',
        'accepted',
        'application list',
        'what happens next',
        'submitted',
      ],
    },
  },
  {
    id: 'csps.status-meaning',
    source: { doc: 'csps', section: '3. 該当サービスステータスが「サービス開始」の「詳細」をクリックします' },
    ja: {
      question:
        '「サービス開始」「解約お申込作成中」「解約お申込受付中」などのステータスは何を表していますか？',
      answer:
        '解約のお申込ができるのは、ステータスが「サービス開始」の契約です。「解約お申込作成中」は解約のお申込を作成した段階で、まだ「解約」を押していない状態です。「解約お申込受付中」は解約のお申込が受け付けられた状態です。',
      keywords: ['ステータス', 'サービス開始', '解約お申込作成中', '解約お申込受付中', '状態'],
    },
    en: {
      question: 'What do statuses such as "サービス開始", "解約お申込作成中" and "解約お申込受付中" mean?',
      answer:
        'Only a contract whose status is "サービス開始" (service started) can be cancelled. "解約お申込作成中" means the cancellation application is drafted but "解約" has not been clicked yet. "解約お申込受付中" means the cancellation has been accepted.',
      keywords: ['status', 'service started', 'drafted', 'accepted', 'state'],
    },
  },
  {
    id: 'csps.draft-blocking',
    source: { doc: 'csps', section: '<付録>' },
    ja: {
      question: '契約のステータスが「変更お申込作成中」で、解約のお申込に進めません。',
      answer:
        '「変更お申込作成中」は、何らかのお申込の途中であることを示します。誤って作成した場合は、「お申込一覧」で該当するお申込の「詳細」→「取消」→「OK」→「OK」の順にクリックすると削除できます。ステータスが「サービス開始」に戻ったら、解約のお申込を行ってください。',
      keywords: ['変更お申込作成中', '取消', '申込途中', '削除', '進めない'],
    },
    en: {
      question:
        'My contract status is "変更お申込作成中" (change application being drafted) and I cannot cancel.',
      answer:
        'That status means some application is in progress. If it was created by mistake, open the application list (お申込一覧), click "詳細" (details) on it, then "取消" (withdraw), "OK" and "OK" to delete it. When the contract is back to "サービス開始" (service started), apply to cancel.',
      keywords: ['draft', 'change application', 'in progress', 'blocked', 'withdraw draft'],
    },
  },
  {
    id: 'csps.partner-draft',
    source: { doc: 'csps', section: '<付録>' },
    ja: {
      question: 'お申込一覧に「パートナー作成中」のお申込があります。どうすればよいですか？',
      answer:
        'ガイドが取消の手順を説明しているのは「変更お申込作成中」のお申込だけで、「パートナー作成中」のお申込の扱いは記載されていません。このボットでは、パートナー（販売店）が作成中のお申込で、お客様の画面からは取り消せないものと理解しています（当方の解釈）。ご契約内容に関するお問い合わせは、ポータルサイトのご契約情報詳細画面にある「お問合せ」ボタンからお願いします。',
      keywords: ['パートナー作成中', '販売店', 'パートナー', '代理店'],
    },
    en: {
      question:
        'The application list shows an application in status "パートナー作成中" (being drafted by partner).',
      answer:
        'The guide explains withdrawal (取消) only for "変更お申込作成中" drafts and says nothing about "パートナー作成中". This bot understands it as an application your partner (dealer) is drafting, which you cannot withdraw from your screen (our interpretation). For questions about your contract, use the "お問合せ" (inquiry) button on the contract details screen of the portal.',
      keywords: ['partner', 'dealer', 'reseller', 'drafted by partner'],
    },
  },
  {
    id: 'csps.estimate',
    source: { doc: 'csps', section: '4. 「解約お申込」をクリックします' },
    ja: {
      question: '画面に表示されている費用は、正確な金額ですか？',
      answer:
        'ポータルサイトに表示される費用は標準価格で、目安の金額です。このボットが表示する金額も、同じく標準価格による目安です。',
      keywords: ['費用', '金額', '標準価格', '目安', '見積もり'],
    },
    en: {
      question: 'Is the cost shown on the screen the exact amount?',
      answer:
        'The costs shown on the portal are standard list prices and only an estimate. Amounts shown by this bot are likewise estimates based on standard prices.',
      keywords: ['cost', 'amount', 'price', 'estimate', 'exact', 'list price'],
    },
  },
  {
    id: 'csps.nvs',
    source: { doc: 'csps', section: '改訂履歴（ver.2.0 NVS の解約手順を分離）' },
    ja: {
      question: 'NVS クラウド（VisualStage など）の解約も、同じ手順でできますか？',
      answer:
        'できません。NVS クラウドの解約手順は、このガイドブックから分離されています（改訂履歴 ver.2.0「NVS の解約手順を分離」）。このボットでは NVS の解約手順や専用の窓口はご案内できませんので、ポータルサイトのご契約情報詳細画面にある「お問合せ」ボタンからお問い合わせください。',
      keywords: ['NVS', 'VisualStage', 'NVSクラウド', '別の手順'],
    },
    en: {
      question: 'Can NVS cloud (e.g. VisualStage) be cancelled with the same procedure?',
      answer:
        'No. NVS cloud cancellation was split out of this guidebook (revision ver.2.0, "NVS の解約手順を分離"). This bot cannot guide you through it or name a desk for it; please use the "お問合せ" (inquiry) button on the contract details screen of the portal.',
      keywords: ['nvs', 'visualstage', 'nvs cloud', 'separate procedure'],
    },
  },
  {
    id: 'csps.undo-accepted',
    source: { doc: 'csps', section: '<付録>' },
    ja: {
      question: '解約のお申込をしたあとで、取り消すことはできますか？',
      answer:
        'ガイドの<付録>にある「取消」の手順は、ステータスが「変更お申込作成中」のお申込を削除するためのもので、受け付けられた解約のお申込には使えません。受け付けられた解約のお申込（「解約お申込受付中」）を取り消す方法は、ガイドに記載がありません。お問い合わせは、HOME はHOME コンタクトセンター（TEL 03-6631-2540、平日 9:00〜18:00）、Therefore/uniFLOW はソリューションサービス契約センター（TEL 03-6719-9532、平日 9:30〜12:00・13:00〜17:00）へお願いします。',
      keywords: [
        '解約申込の取消',
        '解約の取消',
        '申込後',
        '撤回',
        '解約お申込受付中',
        '取り下げ',
        'やっぱり',
      ],
    },
    en: {
      question: 'Can I withdraw a cancellation application after submitting it?',
      answer:
        'The "取消" (withdraw) steps in the guide\'s appendix delete "変更お申込作成中" drafts only; they do not apply to an accepted cancellation. The guide describes no way to undo an accepted cancellation application (status "解約お申込受付中"). Please ask the desk: for HOME the HOME contact center (03-6631-2540, weekdays 9:00–18:00), for Therefore/uniFLOW the Solution Service Contract Center (03-6719-9532, weekdays 9:30–12:00 and 13:00–17:00), Japan time.',
      keywords: ['undo', 'revoke', 'take back', 'withdraw cancellation', 'by mistake'],
    },
  },
  {
    id: 'csps.services',
    source: { doc: 'csps', section: '表紙（HOME/Therefore Online/uniFLOW Online）' },
    ja: {
      question: 'このガイドブックの対象サービスはどれですか？',
      answer:
        'クラウドサービスポータルサイトの解約申込ガイドブックが対象としているのは、HOME・Therefore Online・uniFLOW Online です。NVS クラウドの解約手順は別になっています。みえますねっと年間パック（パナソニック）の機器削除と退会もご案内できます。',
      keywords: ['対象サービス', '対象', 'どのサービス', '一覧'],
    },
    en: {
      question: 'Which services does this cancellation guidebook cover?',
      answer:
        'The cloud service portal cancellation guidebook covers HOME, Therefore Online and uniFLOW Online. NVS cloud cancellation is a separate procedure. This bot also guides device deletion and withdrawal for the Miemasu-net annual pack (Panasonic).',
      keywords: ['which services', 'covered', 'supported services', 'list'],
    },
  },
];
