/**
 * A small synonym table for customer phrasing: each concept lists surface forms customers use for one idea.
 *
 * When any form occurs in a (normalised) text, the text gains the feature `@<concept>`, so "返ってくる",
 * "払い戻し" and "refund" all meet the entries about refunds. Forms are general vocabulary, never copies of
 * evaluation questions. Japanese forms match as substrings (stems such as "忘れ" cover 忘れた/忘れて/忘れちゃった);
 * ASCII forms match whole words, or word prefixes when they end in `*`. Forms are written pre-normalised
 * (lower case, half-width); they are normalised again when loaded, like the texts they are matched against.
 */

export interface Concept {
  id: string;
  forms: readonly string[];
  /** A product name: mentioning it tells which procedure (source document) the customer is asking about. */
  doc?: 'miemasu' | 'csps';
}

/** Builds a concept from its forms written `a|b|c` (one line per concept keeps the table readable). */
function concept(id: string, ...rest: [forms: string] | [doc: 'miemasu' | 'csps', forms: string]): Concept {
  const [doc, forms] = rest.length === 2 ? rest : [undefined, rest[0]];
  return { id, forms: forms.split('|'), ...(doc === undefined ? {} : { doc }) };
}

export const CONCEPTS: readonly Concept[] = [
  concept('refund', '返金|払い戻|払戻|返って|返還|日割|refund*|money back|reimburs*|prorat*|repay*'),
  concept('cancel', '解約|やめ|辞め|止め|打ち切|cancel*|terminat*|quit*|unsubscrib*|discontinu*'),
  concept('delete', '削除|消す|消し|消去|消そ|外す|外し|delet*|remov*|eras*|unregister*'),
  concept('restore', '戻って|戻る|戻せ|戻り|元に戻|復元|復旧|引継|restor*|recover*|bring back|get back'),
  concept('erased', '消え|消える|なくな|無くな|残らな|lost|gone|wiped|erased'),
  concept('withdraw', '退会|脱退|会員|withdraw*|leav*|close my account|close account|membership'),
  concept(
    'smartphone',
    'スマホ|スマートフォン|携帯|タブレット|iphone|ipad|android|アンドロイド|smartphone*|phone|mobile|tablet*',
  ),
  concept('pc', 'パソコン|pc|ブラウザ|computer*|laptop*|desktop*|browser*'),
  concept('when', 'いつ|何日|日付|何月|タイミング|時期|when|date|how far in advance'),
  concept('effective', '終了|終わ|反映|使えなくな|解約日|月末|末日|take effect|effective|end|ends|last day'),
  concept('deadline', '締切|締め切|までに|間に合|日前|deadline|in advance|days before'),
  concept('license', 'ライセンス|キー|licen*|key|keys'),
  concept('reuse', '再利用|使い回|流用|もう一度使|また使|再度使|reus*|use again|again'),
  concept(
    'move',
    '移す|移し|移した|移行|引き継|付け替|乗り換|他の機器|別の機器|transfer*|move|moving|migrat*',
  ),
  concept(
    'exchange',
    '交換|取り替|取替|買い替|買替|入れ替|故障|新しいカメラ|exchang*|replac*|swap*|new camera|broken',
  ),
  concept('device', '機器|カメラ|デバイス|device*|camera*'),
  concept('recording', '録画|映像|動画|データ|通知|record*|video*|footage|data|notification*'),
  concept('password', 'パスワード|パス|暗証|password*|passcode*'),
  concept(
    'forgot',
    "忘れ|わすれ|思い出せ|わからな|分からな|わかりません|分かりません|再設定|リセット|forg*|reset*|don't know|do not know",
  ),
  concept('login', 'ログイン|サインイン|ログオン|login|log in|logging in|sign in|signin'),
  concept('where', 'どこ|どちら|url|ページ|サイト|where|page|site|url|link'),
  concept('email', 'メール|eメール|アドレス|e mail|email*|mail|address'),
  concept('remember', '記憶|覚え|保存|毎回|次回|rememb*|save|every time|next time'),
  concept(
    'steps',
    '手順|やり方|方法|操作|流れ|どうすれば|どうやって|how do i|how to|steps|procedure|process',
  ),
  concept('check', '確認|見れ|見られ|見ればいい|ちゃんと|check*|verif*|confirm*|make sure'),
  concept('abort', '取りやめ|中止|やっぱり|途中で|押す前|キャンセルボタン|abort*|change my mind|halfway'),
  concept('monthly', '月額|月払|毎月|月々|monthly|per month|every month'),
  concept('annual', '年間|年額|年払|1年|annual*|yearly|year'),
  concept('screen', '画面|表示|見た目|screen*|display*|look*'),
  concept('different', "違う|違い|異な|見当たらな|different|differ*|not the same|doesn't match"),
  concept('portal', 'csps', 'ポータル|クラウドサービス|portal|cloud service*'),
  concept(
    'minimum',
    '最低|縛り|しばり|最短|何ヶ月|何か月|minimum|lock in|commitment|contract length|at least',
  ),
  concept(
    'charge',
    '料金|費用|請求|違約金|支払|お金|課金|代金|金額|払う|charg*|fee|fees|cost*|bill*|pay|paying|penalt*|price*|amount',
  ),
  concept('estimate', '目安|標準価格|見積|概算|正確|実際|estimat*|exact*|approximat*|actual*|list price'),
  concept('domain', 'ドメイン|domain*'),
  concept('reason', '理由|なぜ解約|reason*|why'),
  concept('draft', '作成中|申込途中|申し込み途中|下書き|途中|draft*|in progress|pending'),
  concept(
    'change-application',
    '変更お申込|変更申込|変更の申込|変更のお申込|変更の申し込み|change application|change request',
  ),
  concept('partner', 'パートナー|販売店|代理店|業者|partner*|dealer*|reseller*|vendor*'),
  concept('status', 'ステータス|状態|status*|state'),
  concept('accepted', '受付中|受け付け|受付|承り|accept*|received|submitted|submitting'),
  concept(
    'dialog',
    'よろしいですか|ダイアログ|ポップアップ|メッセージが出|聞かれ|ok|dialog*|popup|pop up|are you sure',
  ),
  concept('application-number', 'お申込番号|申込番号|申し込み番号|application number'),
  concept(
    'contact',
    '問い合わせ|問合せ|問い合せ|連絡|電話|相談|窓口|コンタクト|サポート|担当者|オペレーター|contact*|call|phone number|support|helpdesk|talk to|speak to|operator|person|human',
  ),
  concept(
    'hours',
    '受付時間|営業時間|何時|時間帯|夜|開いて|hours|open|opening|what time|close|closes|closed',
  ),
  concept('holiday', '土日|土曜|日曜|祝日|休日|週末|休み|weekend*|saturday*|sunday*|holiday*'),
  concept('product', '製品|機能|使い方|不具合|product*|feature*|usage|how to use'),
  concept('miemasu', 'miemasu', 'みえますねっと|みえます|ミエマス|パナソニック|panasonic|miemasu*'),
  concept('home', 'csps', 'home'),
  concept('therefore', 'csps', 'therefore|ゼアフォー'),
  concept('uniflow', 'csps', 'uniflow|ユニフロー'),
  concept('nvs', 'csps', 'nvs|visualstage|ビジュアルステージ'),
];
