/**
 * What a question is about, before any retrieval: which of our services (and so which company) it names, whether
 * it is about something we do not handle, and whether it is a question at all.
 *
 * Contract: pure; reads only the normalised text (see normalise.ts). The word lists are general vocabulary for
 * product names and topics, never copies of evaluation questions. ASCII forms match whole words (a trailing `*`
 * makes a prefix); katakana forms must not continue a longer katakana word; other forms match as substrings.
 */
import type { FaqService, FaqSourceDoc } from './schema.js';

export interface QuestionScope {
  /** A bare number, yes/no, greeting or thanks: nothing to answer. */
  fragment: boolean;
  /** Services named by product name (みえますねっと, HOME, Therefore, uniFLOW; a HOME type name means HOME). */
  services: Set<FaqService>;
  /** The source document of the products named, when they all belong to one. */
  namedDoc: FaqSourceDoc | undefined;
  /**
   * The source document implied by the question's vocabulary alone (録画・ライセンス・年間パック mean みえますねっと;
   * ドメイン・最低利用期間・ポータル mean the Canon portal), when it points to one only.
   */
  vocabularyDoc: FaqSourceDoc | undefined;
  /** A Canon portal service the guidebook does not cover (Canonet). */
  uncoveredPortalService: boolean;
  /** Products and services neither guide is about (Office 365, printers, other Panasonic products…). */
  foreignProduct: boolean;
  /** Topics outside cancellation and deletion (camera operation, discounts, weather…). */
  offTopic: boolean;
  /** Asks how to reach someone (phone, desk, support). */
  asksContact: boolean;
}

const SERVICE_FORMS: Record<FaqService, string> = {
  miemasu: 'みえますねっと|みえます|ミエマス|miemasu*|パナソニック|panasonic',
  home: 'home|ホーム|aosbox|セレクトシリーズ',
  therefore: 'therefore|ゼアフォー',
  uniflow: 'uniflow|ユニフロー',
};

/** Vocabulary that belongs to one guide only. */
const DOC_VOCABULARY: Record<FaqSourceDoc, string> = {
  miemasu:
    'カメラ|機器|録画|映像|ライセンス|年間パック|退会|契約者情報|camera*|device*|licen*|annual pack|recording*|footage',
  csps: 'ドメイン|最低利用期間|ポータル|クラウドサービス|お申込|申込一覧|契約一覧|ステータス|解約理由|契約番号|portal|domain*|minimum|status',
};

const UNCOVERED_PORTAL_SERVICE = 'canonet|キヤノネット|キャノネット';

const FOREIGN_PRODUCT =
  'office 365|office365|オフィス365|outlook|アウトルック|teams|チームズ|プリンター|プリンタ|printer*|トナー|toner|インク|ink|eos|一眼|エアコン|テレビ|tv|冷蔵庫|洗濯機|barracuda|バラクーダ|wi fi|wifi|ルーター|router*|netflix|amazon|ドライバ|driver*';

const OFF_TOPIC =
  '値下げ|値引|割引|安くし|安くな|キャンペーン|discount*|cheaper|lower the price|天気|weather|joke|冗談|おなか|お腹|映らな|映像が出|映像が見え|画質|角度|ズーム|録画時間|録画設定|not showing|stopped showing|no video|no picture|zoom|修理|repair*|warranty|保証';

const CONTACT =
  '電話|問合せ|窓口|連絡先|サポート|コンタクト|phone number|call|calling|contact*|support|helpdesk|hotline';

/** A whole text that is only an acknowledgement, a greeting or an option number. */
const FRAGMENT =
  /^(?:[0-9]+|[a-z]|はい|いいえ|うん|ええ|ok|okay|yes|no|y|n|了解|了解です|わかりました|分かりました|ありがとう|ありがとうございます|ありがとうございました|どうも|thanks|thank you|thx|hi|hello|hey|こんにちは|こんばんは|おはようございます|すみません|あ|え|\?)$/;

/** Reads the scope of an already-normalised question. */
export function readScope(normalised: string): QuestionScope {
  const padded = ` ${normalised} `;
  const services = new Set<FaqService>();
  for (const [service, forms] of Object.entries(SERVICE_FORMS) as [FaqService, string][]) {
    if (matchesAny(forms, padded)) services.add(service);
  }
  if (/(?<![a-z0-9])type[a-z0-9]+/.test(normalised)) services.add('home');
  return {
    fragment: normalised.length === 0 || FRAGMENT.test(normalised),
    services,
    namedDoc: namedDocOf(services),
    vocabularyDoc: vocabularyDocOf(padded),
    uncoveredPortalService: matchesAny(UNCOVERED_PORTAL_SERVICE, padded),
    foreignProduct: matchesAny(FOREIGN_PRODUCT, padded),
    offTopic: matchesAny(OFF_TOPIC, padded),
    asksContact: matchesAny(CONTACT, padded),
  };
}

/** The document a service belongs to. */
export function docOfService(service: FaqService): FaqSourceDoc {
  return service === 'miemasu' ? 'miemasu' : 'csps';
}

function namedDocOf(services: Set<FaqService>): FaqSourceDoc | undefined {
  const named = new Set<FaqSourceDoc>([...services].map(docOfService));
  return named.size === 1 ? [...named][0] : undefined;
}

function vocabularyDocOf(padded: string): FaqSourceDoc | undefined {
  const miemasu = matchesAny(DOC_VOCABULARY.miemasu, padded);
  const csps = matchesAny(DOC_VOCABULARY.csps, padded);
  if (miemasu === csps) return undefined;
  return miemasu ? 'miemasu' : 'csps';
}

const patterns = new Map<string, RegExp[]>();

function matchesAny(forms: string, padded: string): boolean {
  let compiled = patterns.get(forms);
  if (compiled === undefined) {
    compiled = forms.split('|').map(compileForm);
    patterns.set(forms, compiled);
  }
  return compiled.some((pattern) => pattern.test(padded));
}

function compileForm(form: string): RegExp {
  const prefix = form.endsWith('*');
  const body = (prefix ? form.slice(0, -1) : form)
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/ /g, '\\s*');
  // A katakana word must not be the tail of a longer one (トナー in パートナー).
  if (/^[\u30a0-\u30ff]/.test(form)) return new RegExp(`(?<![\u30a0-\u30ff])${body}`);
  if (!/^[\x20-\x7e]+$/.test(form)) return new RegExp(body);
  return new RegExp(`(?<![a-z0-9])${body}${prefix ? '' : '(?![a-z0-9])'}`);
}
