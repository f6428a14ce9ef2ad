/**
 * Customer-phrased FAQ evaluation set (issue 15). Frozen: written from the sources only
 * (/work/shared/seeds/*.txt and /work/shared/DOMAIN.md §2e/§2f) BEFORE the FAQ code was changed for issue 15,
 * and labelled from those sources, not from what the FAQ answered at the time. Do not edit a question or a label
 * to make the FAQ pass; add questions in a new set instead. The commit that froze it is named in src/faq/README.md.
 *
 * Labels:
 * - an FAQ entry id (dialogs/faq): the entry that answers the question from the sources. Two ids are new entries
 *   the sources call for (DOMAIN §2d, §2a/§1): `csps.undo-accepted` (an accepted cancellation cannot be undone
 *   by any procedure the guide describes) and `csps.services` (which services the guidebook covers).
 * - `ask-which-service`: the question only has an answer once the service is known (the two guides, or HOME vs
 *   Therefore, give different answers); the FAQ must ask, not pick one.
 * - `not-covered:<desk>`: the company/service is identified but our guides do not answer it; the reply must say so
 *   and point to the right desk: `panasonic` (みえますねっと is Panasonic's; its guide names no phone number, only
 *   its web site), `portal` (Canon portal services the guidebook does not cover: the portal's 「お問合せ」).
 * - `decline`: out of scope (not a cancellation question about these services) or a bare fragment; the FAQ must
 *   not answer with any entry.
 */
import type { Locale } from '../../src/engine/turn.js';

export type CustomerDesk = 'panasonic' | 'portal';
export type CustomerLabel = string | 'decline' | 'ask-which-service' | `not-covered:${CustomerDesk}`;

/** Why the question is in the set; `other-company` counts questions about Panasonic or services we do not handle. */
export type CustomerKind = 'in-scope' | 'ambiguous' | 'other-company' | 'out-of-scope';

export interface CustomerQuestion {
  readonly text: string;
  readonly locale: Locale;
  readonly expected: CustomerLabel;
  readonly kind: CustomerKind;
}

const q =
  (kind: CustomerKind, locale: Locale, expected: CustomerLabel) =>
  (...texts: string[]): CustomerQuestion[] =>
    texts.map((text) => ({ text, locale, expected, kind }));

const jaIn = (expected: string, ...texts: string[]) => q('in-scope', 'ja', expected)(...texts);
const enIn = (expected: string, ...texts: string[]) => q('in-scope', 'en', expected)(...texts);

export const CUSTOMER_SET: readonly CustomerQuestion[] = [
  // ---------------------------------------------------------------- みえますねっと (Panasonic) in scope
  ...jaIn(
    'miemasu.refund',
    'みえますねっとの年間パック、途中でカメラ消したら残りの分って返してもらえます？',
    '年間パックのライセンスが８ヶ月残ってるけど機器を削除したら返金あるの',
  ),
  ...enIn('miemasu.refund', 'if i delete my miemasu camera halfway thru the year do i get money back?'),
  ...jaIn(
    'miemasu.license-reuse',
    '削除したカメラのライセンスキーって別のカメラに使い回しできる？',
    'きのう機器削除したんですがそのライセンスで新しいカメラ登録できますか',
  ),
  ...enIn('miemasu.license-reuse', 'Can I reuse the license key from a camera I already deleted?'),
  ...jaIn(
    'miemasu.device-exchange',
    'カメラが壊れたので新しいのに替えたい。ライセンスはそのまま使いたいです',
    'みえますねっと 機器の交換 の方法は？',
  ),
  ...enIn(
    'miemasu.device-exchange',
    'I bought a new camera and want to move my current license onto it, what do i do',
  ),
  ...jaIn(
    'miemasu.data-deleted',
    'カメラ削除したら録画してた映像も全部消えますか？',
    'いったん機器を消してまた登録し直したら、前の録画データは戻る？',
  ),
  ...enIn('miemasu.data-deleted', 'will my recorded videos be gone after I remove the camera?'),
  ...jaIn(
    'miemasu.smartphone-login',
    'スマホでみえますねっとにログインして解約できますか',
    'iPadからみえますねっとの手続きしたいんだけど無理？',
  ),
  ...enIn('miemasu.smartphone-login', 'can i do the miemasu cancellation from my phone?'),
  ...jaIn(
    'miemasu.password-reset',
    'みえますねっとのパスワード忘れちゃった',
    'みえますねっとのログインパスワードがわからなくなりました。どうすればいいでしょうか',
  ),
  ...enIn('miemasu.password-reset', 'forgot my miemasu password'),
  ...jaIn('miemasu.login', 'みえますねっとのログインするサイトのアドレス教えてください'),
  ...enIn('miemasu.login', 'whats the url to log into miemasu net'),
  ...jaIn(
    'miemasu.remember-email',
    'みえますねっとのログイン画面のEメールアドレスを記憶するにチェックするとどうなる？',
  ),
  ...jaIn(
    'miemasu.delete-steps',
    'みえますねっとに登録してるカメラを削除する操作手順を教えてほしい',
    'みえますねっとで機器削除ってどのボタンから？',
  ),
  ...enIn('miemasu.delete-steps', 'how do I remove a registered camera in miemasu-net? step by step pls'),
  ...jaIn('miemasu.verify-deletion', 'カメラがちゃんと削除できたかどこで確かめればいいですか'),
  ...enIn('miemasu.verify-deletion', 'how can i tell the camera deletion actually went through?'),
  ...jaIn('miemasu.cancel-deletion', '機器削除の画面まで来たけどやっぱり削除やめたい、どうすれば'),
  ...jaIn(
    'miemasu.withdraw-steps',
    '年間パックを退会する方法を教えてください',
    'みえますねっと退会したい。手順は？',
  ),
  ...enIn('miemasu.withdraw-steps', 'How do I leave the Miemasu annual pack completely?'),
  ...jaIn(
    'miemasu.withdraw-precondition',
    'カメラを登録したまま年間パックだけ退会できますか',
    '退会する前に機器は全部消さないとだめ？',
  ),
  ...enIn(
    'miemasu.withdraw-precondition',
    'can i withdraw from the annual pack without deleting my cameras first',
  ),
  ...jaIn('miemasu.withdraw-effect', '年間パックを退会したら登録してる契約者情報は消えますか'),
  ...enIn('miemasu.withdraw-effect', 'what happens to my account info after i withdraw from the annual pack'),
  ...jaIn(
    'miemasu.monthly-plan',
    'みえますねっとは月額払いなんですが、年間パックと同じやり方で解約できますか',
    '月払いでみえますねっと使ってます。この解約の説明で合ってますか？',
  ),
  ...enIn('miemasu.monthly-plan', 'I pay monthly for miemasu, does this annual pack procedure apply to me?'),
  ...jaIn('miemasu.screen-differs', 'みえますねっとの画面が説明の画像と違って見えるんですけど'),

  // ---------------------------------------------------------------- Canon cloud service portal in scope
  ...jaIn(
    'csps.login',
    'クラウドサービスポータルのログインURLどこ？',
    'ポータルサイトにはIDとして何を入れてログインするんですか',
  ),
  ...enIn('csps.login', 'where do I sign in to the canon cloud service portal'),
  ...jaIn('csps.password-reset', 'クラウドサービスポータルサイトのパスワードを忘れてログインできません'),
  ...enIn('csps.password-reset', 'I forgot the password for the cloud service portal'),
  ...jaIn(
    'csps.cancel-steps',
    'HOMEの解約申込ってポータルのどこからやるの？',
    'uniFLOW Onlineを解約したいのですが、手順を教えていただけますか',
  ),
  ...enIn('csps.cancel-steps', 'steps to cancel Therefore Online on the portal?'),
  ...jaIn(
    'csps.effective-home-uniflow',
    'HOMEを今日申し込んだらいつ解約になりますか',
    'uniflowの解約って申込した月の月末で終わり？',
    'HOME type-Mを11月に解約申込したら何月末まで使えますか',
  ),
  ...enIn(
    'csps.effective-home-uniflow',
    'when does my HOME contract actually end if i apply to cancel today',
  ),
  ...jaIn(
    'csps.effective-therefore',
    'Therefore Onlineは何日前までに解約申し込めばいい？',
    'ゼアフォーを3月末でやめたいんですが締め切りはいつですか',
  ),
  ...enIn('csps.effective-therefore', 'how far ahead do i need to apply to cancel therefore online'),
  ...jaIn(
    'csps.minimum-term',
    '「最低利用期間を経過しておりません」って出たんですがこのまま解約するとどうなりますか',
    '最低利用期間の途中で解約したら料金ってかかるの？',
  ),
  ...enIn('csps.minimum-term', 'is there a penalty for cancelling before the minimum period is over'),
  ...jaIn(
    'csps.minimum-term-home-12',
    'HOME type-Sの最低利用期間って何ヶ月？',
    'AOSBOXは最低何ヶ月使わないといけませんか',
    'type-U2 Proの縛りは何か月ですか',
  ),
  ...enIn('csps.minimum-term-home-12', 'minimum term for HOME type-M?'),
  ...jaIn(
    'csps.minimum-term-home-short',
    'type-CDの最低利用期間を教えて',
    'HOME type-Oって最低利用期間ありますか',
    'セレクトシリーズは最低何ヶ月？',
  ),
  ...enIn('csps.minimum-term-home-short', 'does HOME type-O have a minimum contract period'),
  ...jaIn(
    'csps.minimum-term-therefore-uniflow',
    'uniFLOW Onlineの最低利用期間は？',
    'Therefore Onlineって何ヶ月以上使わないとダメですか',
  ),
  ...enIn('csps.minimum-term-therefore-uniflow', 'minimum usage period of uniflow online'),
  ...jaIn(
    'csps.domain',
    'type-Wを解約したらドメインってどうなるの',
    'HOMEの解約でドメインを他社に移すか廃止するか聞かれました',
  ),
  ...enIn('csps.domain', 'cancelling HOME type-D, what happens with our domain name?'),
  ...jaIn('csps.cancel-reason', '解約理由の欄にはなんて書けばいいですか'),
  ...enIn('csps.cancel-reason', 'what do i put in the cancellation reason box'),
  ...jaIn('csps.confirm-dialog', '解約ボタン押したらお申込番号を解約しますよろしいですかって出た'),
  ...jaIn(
    'csps.after-apply',
    'ポータルで解約申し込んだあと何か連絡来ますか？',
    'HOMEの解約を申し込んだ後はどうなりますか',
  ),
  ...enIn('csps.after-apply', 'i submitted the cancellation on the portal, what happens now?'),
  ...jaIn('csps.status-meaning', '解約お申込受付中ってどういう状態ですか'),
  ...enIn('csps.status-meaning', 'what does the status サービス開始 mean'),
  ...jaIn(
    'csps.draft-blocking',
    'ステータスが変更お申込作成中になってて解約に進めない',
    '間違えて作った変更の申込を取り消したいです',
  ),
  ...enIn('csps.draft-blocking', "my contract says 変更お申込作成中 and I can't apply to cancel"),
  ...jaIn('csps.partner-draft', 'お申込一覧にパートナー作成中っていうのがあるんだけど何これ'),
  ...jaIn('csps.estimate', 'ポータルに出てる費用って実際の請求額ですか？'),
  ...enIn('csps.estimate', 'is the price shown on the portal the exact amount I will pay?'),
  ...jaIn('csps.nvs', 'NVSクラウドも同じ手順で解約できますか', 'VisualStageを解約したいんですが'),
  ...enIn('csps.nvs', 'can I cancel VisualStage (NVS cloud) the same way?'),
  ...jaIn(
    'csps.undo-accepted',
    'HOMEの解約申込のあと取り消しってできますか',
    '解約お申込受付中になったけどやっぱり解約やめたい、キャンセルできる？',
  ),
  ...enIn(
    'csps.undo-accepted',
    'I applied to cancel uniFLOW Online by mistake, can I undo the cancellation?',
  ),
  ...jaIn('csps.services', 'このガイドで解約できるサービスはどれですか'),

  // ---------------------------------------------------------------- Canon desks (§2e)
  ...jaIn(
    'contact.home',
    'HOMEの解約のことで電話したいんですが番号は？',
    'HOMEのお申込みの問い合わせ先メールアドレス',
  ),
  ...enIn('contact.home', 'phone number for HOME cancellation questions?'),
  ...jaIn('contact.home-product', 'HOMEの製品の使い方について聞きたいときの連絡先は'),
  ...jaIn(
    'contact.therefore-uniflow',
    'Therefore Onlineの解約について電話で相談したい',
    'uniFLOWの契約のことで問い合わせたいです。どこに連絡すれば？',
  ),
  ...enIn('contact.therefore-uniflow', 'who do I call about cancelling uniFLOW Online?'),
  ...jaIn('contact.hours', 'HOMEコンタクトセンターって土曜日もやってますか'),
  ...enIn('contact.hours', 'what are the HOME contact center opening hours'),

  // ---------------------------------------------------------------- needs the service first
  ...q('ambiguous', 'ja', 'ask-which-service')(
    '解約はいつ反映されますか',
    '解約っていつ終わるの？',
    'パスワード忘れました',
    'ログインできません。どこからログインするの？',
    '解約の手順を教えてください',
    '電話番号を教えて',
    '返金はありますか',
  ),
  ...q('ambiguous', 'en', 'ask-which-service')(
    'when does the cancellation take effect?',
    'I forgot my password',
    'what number do I call?',
  ),

  // ---------------------------------------------------------------- the other company / services we do not handle
  ...q('other-company', 'ja', 'not-covered:panasonic')(
    'みえますねっとの電話番号を教えて',
    'パナソニックの問い合わせ窓口は？',
    'みえますねっとのサポートに電話したいです',
    'みえますねっとの解約についてキヤノンに問い合わせればいいですか？',
    'みえますねっとのサポートセンターの受付時間は何時から？',
  ),
  ...q(
    'other-company',
    'en',
    'not-covered:panasonic',
  )('what is the phone number for miemasu support?', 'How do I contact Panasonic about my Miemasu contract?'),
  ...q(
    'other-company',
    'ja',
    'not-covered:portal',
  )('Canonetを解約したいのですが手順は？', 'キヤノネットの解約方法を教えて'),
  ...q('other-company', 'en', 'not-covered:portal')('How do I cancel Canonet?'),
  ...q('other-company', 'ja', 'decline')(
    'キヤノンのプリンターのトナーを注文したい',
    'EOSのカメラの修理を頼みたいです',
    'パナソニックのエアコンが壊れました',
    'Barracuda Backupの解約はどうすれば？',
  ),
  ...q(
    'other-company',
    'en',
    'decline',
  )('My Canon printer says paper jam, help', 'how do i cancel my panasonic TV warranty'),

  // ---------------------------------------------------------------- out of scope and fragments
  ...q('out-of-scope', 'ja', 'decline')(
    'カメラの映像が映らなくなりました',
    'Office 365のパスワードをリセットしたい',
    'HOMEの料金を値下げしてもらえますか',
    '割引キャンペーンはありますか',
    '明日の天気は？',
    'おなかすいた',
    '1',
    '2',
    'はい',
    'OK',
    'ありがとう',
    '？',
    'あ',
    'カメラの録画時間を延ばしたい',
    'Wi-Fiの設定を変えたい',
    'Outlookでメールが送れません',
    'プリンターのドライバをインストールしたい',
    'カメラの角度を変えるには',
  ),
  ...q('out-of-scope', 'en', 'decline')(
    'my camera stopped showing video',
    'reset my Office 365 password',
    'can you give me a discount on HOME?',
    "what's the weather in Tokyo",
    'ok',
    'thanks!',
    '3',
    'how do i add a new user to teams',
    'tell me a joke',
  ),
];
