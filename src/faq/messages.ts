/**
 * What the FAQ says when it does not answer from an entry: which service (asking), which desk (our guides do not
 * cover it), or that the question is outside what the bot guides. Every contact detail is quoted from the
 * sources (DOMAIN §2e); みえますねっと's guide names no phone number, so its desk is its own web site, never a
 * Canon desk.
 */
import type { Locale } from '../engine/turn.js';
import type { FaqDesk } from './faq.js';
import type { FaqService } from './schema.js';

const HOME_DESK: Record<Locale, string> = {
  ja: 'HOME のお申込みに関するお問い合わせは HOME コンタクトセンター（TEL 03-6631-2540、受付時間 平日 9:00〜18:00、Email home-support@canon-mj.co.jp）',
  en: 'for HOME applications, the HOME contact center (phone 03-6631-2540, weekdays 9:00–18:00 Japan time, e-mail home-support@canon-mj.co.jp)',
};

const CONTRACT_DESK: Record<Locale, string> = {
  ja: 'Therefore/uniFLOW のお申込みに関するお問い合わせはソリューションサービス契約センター（TEL 03-6719-9532、受付時間 平日 9:30〜12:00・13:00〜17:00、Email contract-csps@canon-mj.co.jp）',
  en: 'for Therefore/uniFLOW applications, the Solution Service Contract Center (phone 03-6719-9532, weekdays 9:30–12:00 and 13:00–17:00 Japan time, e-mail contract-csps@canon-mj.co.jp)',
};

const NOT_IN_GUIDES: Record<Locale, string> = {
  ja: 'このご質問への答えは、お手元のガイドに記載がありません。',
  en: 'Our guides do not cover this question.',
};

const DESK_TEXT: Record<FaqDesk, Record<Locale, string>> = {
  panasonic: {
    ja: '「みえますねっと」はパナソニックのサービスです。このご質問や問い合わせ先（電話番号など）は、みえますねっとのガイドに記載がないため、このボットではご案内できません。「みえますねっと」WEBサイトでご確認ください。なお、キヤノンマーケティングジャパンの窓口（HOME コンタクトセンターなど）は、みえますねっとを扱っていません。',
    en: 'Miemasu-net is a Panasonic service. Its guide names no phone number or desk for this, so this bot cannot point you to one: please check the Miemasu-net web site. The Canon Marketing Japan desks (such as the HOME contact center) do not handle Miemasu-net.',
  },
  portal: {
    ja: 'このサービスの解約は、クラウドサービスポータルサイトの解約申込ガイドブック（対象: HOME・Therefore Online・uniFLOW Online）に記載がなく、このボットではご案内できません。ポータルサイトのご契約情報詳細画面にある「お問合せ」ボタンからお問い合わせください。',
    en: 'Cancelling this service is not covered by the cloud service portal cancellation guidebook (which covers HOME, Therefore Online and uniFLOW Online), so this bot cannot guide you. Please use the "お問合せ" (inquiry) button on the contract details screen of the portal.',
  },
  home: {
    ja: `${NOT_IN_GUIDES.ja}${HOME_DESK.ja}へお願いします。`,
    en: `${NOT_IN_GUIDES.en} Please ask ${HOME_DESK.en}.`,
  },
  'contract-center': {
    ja: `${NOT_IN_GUIDES.ja}${CONTRACT_DESK.ja}へお願いします。`,
    en: `${NOT_IN_GUIDES.en} Please ask ${CONTRACT_DESK.en}.`,
  },
  canon: {
    ja: `${NOT_IN_GUIDES.ja}${HOME_DESK.ja}、${CONTRACT_DESK.ja}へお願いします。`,
    en: `${NOT_IN_GUIDES.en} Please ask ${HOME_DESK.en}; or ${CONTRACT_DESK.en}.`,
  },
};

const SERVICE_NAMES: Record<FaqService, Record<Locale, string>> = {
  miemasu: { ja: 'みえますねっと年間パック（パナソニック）', en: 'Miemasu-net annual pack (Panasonic)' },
  home: { ja: 'HOME', en: 'HOME' },
  therefore: { ja: 'Therefore Online', en: 'Therefore Online' },
  uniflow: { ja: 'uniFLOW Online', en: 'uniFLOW Online' },
};

const CANON: Record<Locale, string> = {
  ja: '（キヤノンマーケティングジャパン）',
  en: ' (Canon Marketing Japan)',
};

/** "Our guides do not cover this", with the desk that serves the question. */
export function notCoveredText(desk: FaqDesk, locale: Locale): string {
  return DESK_TEXT[desk][locale];
}

/** How the candidates are listed: Canon's services among themselves, then the groups. */
const SEPARATOR: Record<Locale, { canon: string; groups: string }> = {
  ja: { canon: '・', groups: '／' },
  en: { canon: ', ', groups: ' / ' },
};

const CLARIFY: Record<Locale, (names: string) => string> = {
  ja: (names) =>
    `サービスによってご案内が異なります。どのサービスについてのご質問か、サービス名を添えてもう一度お尋ねください（${names}）。`,
  en: (names) => `The answer depends on the service. Please ask again naming the service (${names}).`,
};

const OUT_OF_SCOPE: Record<Locale, string> = {
  ja: '申し訳ありません。このご質問は、このボットがご案内しているお手続き（みえますねっと年間パックの機器削除・退会、HOME・Therefore Online・uniFLOW Online の解約申込）の対象外のため、お答えできません。',
  en: 'Sorry, this question is outside what this bot guides (Miemasu-net annual pack device deletion and withdrawal; cancelling HOME, Therefore Online and uniFLOW Online), so it cannot answer it.',
};

const SOURCE_LINE: Record<Locale, (source: string) => string> = {
  ja: (source) => `（出典: ${source}）`,
  en: (source) => `(Source: ${source})`,
};

/** Asks which service the question is about, naming the candidates with their company. */
export function clarifyText(services: readonly FaqService[], locale: Locale): string {
  const canon = services.filter((service) => service !== 'miemasu');
  const names = [
    ...(services.includes('miemasu') ? [SERVICE_NAMES.miemasu[locale]] : []),
    ...(canon.length > 0
      ? [
          `${canon.map((service) => SERVICE_NAMES[service][locale]).join(SEPARATOR[locale].canon)}${CANON[locale]}`,
        ]
      : []),
  ];
  return CLARIFY[locale](names.join(SEPARATOR[locale].groups));
}

/** Declines a question outside the procedures this bot guides. */
export function outOfScopeText(locale: Locale): string {
  return OUT_OF_SCOPE[locale];
}

/** Where an answer comes from, on its own line: `（出典: …）` / `(Source: …)`. */
export function sourceLine(source: string, locale: Locale): string {
  return SOURCE_LINE[locale](source);
}
