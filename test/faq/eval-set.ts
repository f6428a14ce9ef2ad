/**
 * The FAQ evaluation set: questions phrased as customers would type them (colloquial, terse, with typos and
 * politeness variants), each labelled with the entry id that should answer it. Written before the retriever was
 * tuned; none of these phrasings may be copied into entry keywords.
 */
import type { Locale } from '../../src/engine/turn.js';

export interface LabelledQuestion {
  text: string;
  expected: string;
}

export interface OutOfScopeQuestion {
  text: string;
  locale: Locale;
}

const ja = (expected: string, ...texts: string[]): LabelledQuestion[] =>
  texts.map((text) => ({ text, expected }));

export const JA_EVAL: readonly LabelledQuestion[] = [
  ...ja(
    'miemasu.refund',
    'カメラの登録を消したら、残ってる期間のお金って返ってきますか？',
    '年間パックの途中で解約した場合、日割りで返金してもらえる？',
    '解約したら払い戻しありますか',
  ),
  ...ja(
    'miemasu.license-reuse',
    '一度削除したカメラのライセンスキー、また使えますか？',
    '消した機器のライセンスで別のカメラを登録したいんですが可能？',
    'ライセンスの期限がまだ残ってるのに削除しちゃいました。キーを再利用できますか',
  ),
  ...ja(
    'miemasu.device-exchange',
    'カメラを買い替えたので、今のライセンスを新しいカメラに移したいです',
    '故障したカメラを新しいのに取り替えたい。ライセンスはどうすれば引き継げる？',
    '機器の交換ってどこから手続きするの？',
  ),
  ...ja(
    'miemasu.data-deleted',
    '機器を消すと今までの録画も消えちゃいますか？',
    '削除したあと、もう一度登録したら映像は戻ってきますか',
    'カメラを削除したら通知の設定はどうなる？',
  ),
  ...ja(
    'miemasu.smartphone-login',
    'スマホからだとログインできないんですけど',
    'iPhoneで解約の手続きってできますか？',
    'タブレットしか持っていないのですが、みえますねっとの手続きはできますか',
  ),
  ...ja(
    'miemasu.password-reset',
    'みえますねっとのパスワードを忘れてしまいました',
    'みえますねっとにログインするパスワードがわからない、再設定したい',
  ),
  ...ja(
    'miemasu.login',
    'みえますねっとのログイン画面のURLを教えて',
    'みえますねっとのログインページってどこにありますか',
  ),
  ...ja(
    'miemasu.remember-email',
    '毎回メールアドレスを入れるのが面倒です。覚えさせる方法はありますか？',
    'ログインのときのEメールアドレスを記憶するって何？',
  ),
  ...ja(
    'miemasu.delete-steps',
    'みえますねっとでカメラを解約するにはどう操作すればいいですか',
    '登録してあるカメラを消すやり方を教えて',
    '機器削除のボタンはどこにありますか？',
  ),
  ...ja(
    'miemasu.verify-deletion',
    'ちゃんとカメラが消えたか確認したいです',
    '削除できたかどうかどこで見ればいい？',
  ),
  ...ja(
    'miemasu.cancel-deletion',
    '削除ボタンを押す前にやっぱりやめたくなったらどうする？',
    '機器を消すのを取りやめたいです',
  ),
  ...ja(
    'miemasu.withdraw-steps',
    'みえますねっとの年間パックをやめて退会したいです。やり方は？',
    '退会手続きのボタンはどこ？',
  ),
  ...ja(
    'miemasu.withdraw-precondition',
    'カメラが登録されたままでも退会できる？',
    '退会する前に何かしておくことはありますか',
  ),
  ...ja(
    'miemasu.withdraw-effect',
    '退会したら登録してた情報は全部消えますか',
    '年間パックを退会すると契約者の情報は残りますか？',
  ),
  ...ja(
    'miemasu.monthly-plan',
    'うちは月払いで使ってるんですけど、同じやり方で解約できますか',
    '年間パックじゃなくて毎月払いの契約です',
  ),
  ...ja(
    'miemasu.screen-differs',
    '説明の画面と実際の画面が違います',
    'ブラウザで見ると表示が説明と異なっています',
  ),
  ...ja(
    'csps.login',
    'クラウドサービスポータルのログインページはどこですか',
    'ポータルサイトのログインIDって何を入れればいい？',
  ),
  ...ja(
    'csps.password-reset',
    'ポータルサイトのパスワードを忘れちゃった',
    'HOMEの解約でポータルにログインしたいけどパスワードがわかりません',
  ),
  ...ja(
    'csps.cancel-steps',
    'HOMEを解約したいんですが、どうやって申し込めばいいですか',
    'uniFLOW Onlineの解約方法を教えてください',
    'クラウドサービスを解約する手順は？',
  ),
  ...ja(
    'csps.effective-home-uniflow',
    'HOMEを今日解約申し込みしたら、いつまで使えますか？',
    'uniFLOWの解約っていつ反映されるの？',
    'HOMEって申し込んだ月の末で終わりますか？',
  ),
  ...ja(
    'csps.effective-therefore',
    'Thereforeを来月末でやめたいけど間に合いますか',
    'Therefore Onlineの解約締め切りは何日前？',
    'Thereforeを解約したらいつ終了になりますか',
  ),
  ...ja(
    'csps.minimum-term',
    '契約して半年ですが、今解約すると違約金みたいなものはかかりますか？',
    '「最低利用期間を経過しておりません」って出たんだけど、どういうこと？',
    '最低利用期間が残っている場合の料金はどうなりますか',
  ),
  ...ja(
    'csps.minimum-term-home-12',
    'type-Mの最低利用期間はどれくらいですか',
    'HOME type-U2 Proって何ヶ月縛りがありますか',
    'AOSBOXは最低何ヶ月使わないといけない？',
  ),
  ...ja(
    'csps.minimum-term-home-short',
    'type-Oにも最低利用期間ってあるの？',
    'HOME type-C6の最低利用期間は？',
    'セレクトシリーズは何ヶ月から解約できますか',
  ),
  ...ja(
    'csps.minimum-term-therefore-uniflow',
    'uniFLOW Onlineは最低何ヶ月契約しないといけませんか',
    'Therefore Onlineの最低利用期間を知りたい',
  ),
  ...ja(
    'csps.domain',
    'type-Wを解約したら、うちのドメインは使えなくなりますか？',
    'ドメインを他の会社に移したいのですが',
    'ドメイン廃止とドメイン移行はどこで選ぶの？',
  ),
  ...ja(
    'csps.cancel-reason',
    '解約理由って何て書けばいいですか',
    '解約の理由は必須？どんな内容を入力すればいい？',
  ),
  ...ja(
    'csps.confirm-dialog',
    '「よろしいですか？」というメッセージが出てきました。OKを押して大丈夫ですか',
    'R-から始まる番号を解約しますかと聞かれた',
  ),
  ...ja(
    'csps.after-apply',
    '解約を申し込んだけど、ちゃんと受け付けられたかわからない',
    '申込が終わったら確認のメールは来ますか？',
  ),
  ...ja(
    'csps.status-meaning',
    'ステータスが解約お申込受付中になってるけど、これはどういう意味？',
    '解約お申込作成中のままになっています',
  ),
  ...ja(
    'csps.draft-blocking',
    '契約一覧で変更お申込作成中と表示されていて解約ボタンに進めません',
    '間違えて変更の申込みを作ってしまった。消せますか',
  ),
  ...ja(
    'csps.partner-draft',
    '申込一覧にパートナー作成中というのがあるんですが、取り消せますか',
    '販売店が作った申込みが残っています',
  ),
  ...ja('csps.estimate', '表示されてる金額って実際に請求される額ですか？', 'この費用は目安ですか'),
  ...ja('csps.nvs', 'VisualStageを解約したいです', 'NVSクラウドの解約方法は？'),
  ...ja(
    'contact.home',
    'HOMEの解約について電話で相談したいです',
    'HOMEの申込みの問い合わせ先のメールアドレスは？',
  ),
  ...ja(
    'contact.home-product',
    'HOMEの機能の使い方を問い合わせたい',
    'HOMEの製品について質問がある場合の電話番号は？',
  ),
  ...ja(
    'contact.therefore-uniflow',
    'Thereforeの契約のことで電話したいのですが番号は？',
    'uniFLOWの申込について誰に連絡すればいい？',
  ),
  ...ja(
    'contact.hours',
    'コンタクトセンターは何時まで開いてますか',
    '土曜日でも電話つながりますか？',
    '祝日は問い合わせ窓口やってる？',
  ),
];

const en = (expected: string, ...texts: string[]): LabelledQuestion[] =>
  texts.map((text) => ({ text, expected }));

export const EN_EVAL: readonly LabelledQuestion[] = [
  ...en(
    'miemasu.refund',
    'Will I get my money back if I remove my camera before the year is up?',
    'do i get a refund for the unused months',
  ),
  ...en('miemasu.license-reuse', 'Can I reuse the license key from a camera I already deleted?'),
  ...en('miemasu.device-exchange', 'I bought a new camera, how do I transfer my existing licence to it?'),
  ...en('miemasu.data-deleted', 'If I delete the camera will my recorded videos be gone?'),
  ...en('miemasu.smartphone-login', 'Can I do this from my iPhone?', 'cant log in on my phone'),
  ...en('miemasu.password-reset', 'I forgot my miemasu password'),
  ...en('miemasu.delete-steps', 'how do i remove a camera from miemasu net'),
  ...en('miemasu.withdraw-steps', 'How do I close my Miemasu-net annual pack account?'),
  ...en(
    'miemasu.withdraw-precondition',
    'Do I have to delete all my cameras before leaving the annual pack?',
  ),
  ...en('miemasu.monthly-plan', 'I am on the monthly plan, does this apply to me?'),
  ...en('csps.cancel-steps', 'How do I cancel my HOME subscription?'),
  ...en(
    'csps.effective-home-uniflow',
    'When will my uniFLOW Online contract actually end if I cancel today?',
  ),
  ...en('csps.effective-therefore', 'How far in advance do I need to cancel Therefore Online?'),
  ...en('csps.minimum-term', 'Is there an early termination fee?'),
  ...en('csps.minimum-term-home-12', 'what is the minimum contract length for HOME type-M'),
  ...en('csps.minimum-term-home-short', 'Does type-O have a minimum period?'),
  ...en('csps.domain', 'What happens to our domain name after cancelling type-D?'),
  ...en('csps.draft-blocking', 'Status says change application being drafted and I cannot cancel'),
  ...en('csps.after-apply', 'Will I get an email after submitting the cancellation?'),
  ...en('csps.estimate', 'Is the price shown the exact amount I will pay?'),
  ...en('csps.nvs', 'How do I cancel VisualStage?'),
  ...en('csps.cancel-reason', 'what do I put as the reason for cancelling'),
  ...en('csps.partner-draft', 'there is an application drafted by my dealer, can I delete it?'),
  ...en('contact.home', 'What is the phone number for HOME cancellation questions?'),
  ...en('contact.therefore-uniflow', 'who do i call about my therefore contract'),
  ...en('contact.hours', 'Are you open on Saturdays?', 'what time does the support line close'),
];

/** Questions the knowledge base does not answer: the bot must say it is not sure instead of guessing. */
export const OUT_OF_SCOPE: readonly OutOfScopeQuestion[] = [
  { locale: 'ja', text: '明日の東京の天気は？' },
  { locale: 'ja', text: 'パスワードを教えて' },
  { locale: 'ja', text: 'おすすめのレストランを教えてください' },
  { locale: 'ja', text: 'iPhoneの機種変更のやり方を教えて' },
  { locale: 'ja', text: 'Canonのプリンターのインク交換方法は？' },
  { locale: 'ja', text: 'Amazonプライムを解約したい' },
  { locale: 'ja', text: '今日の日経平均はいくら？' },
  { locale: 'ja', text: 'Wi-Fiがつながらないんですが' },
  { locale: 'ja', text: 'こんにちは' },
  { locale: 'en', text: 'What is the weather tomorrow?' },
  { locale: 'en', text: 'Tell me a joke' },
  { locale: 'en', text: 'How do I cancel my Netflix subscription?' },
  { locale: 'en', text: 'What is my password?' },
  { locale: 'en', text: 'How do I reset my Wi-Fi router?' },
];
