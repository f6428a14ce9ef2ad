/**
 * What a receipt tells a person about each destructive procedure: its title, the company behind the service,
 * what happens next and whom to contact. Keyed by the backend operation a receipt records, so receipts stored
 * long ago read the same. Every sentence restates the sources (../shared/seeds, DOMAIN.md §1, §2a, §2d, §2e):
 * nothing here promises what the guides do not say.
 */
import { describeContact } from '../calendar/describe.js';
import { DESKS, type DeskId } from '../calendar/desks.js';
import { createTranslator } from '../engine/text/catalog.js';
import type { Locale } from '../engine/turn.js';
import { receiptMessages } from './messages.js';
import type { Receipt } from './receipt.js';

type Text = Record<Locale, string>;
type ServiceKind = NonNullable<Receipt['item']['service']>['kind'];
type Outcome = Receipt['operation']['outcome'];

interface Procedure {
  title: Text;
  /** The item's name when the receipt's item has no name of its own (e.g. the whole account). */
  itemFallback?: Text;
  /** What happens next after success, from the guide. */
  next: Text;
}

const PROCEDURES: Record<string, Procedure> = {
  deleteMiemasuDevice: {
    title: { ja: '機器の削除（解約）', en: 'Deleting (cancelling) a device' },
    next: {
      ja: '「みえますねっと」の機器一覧から、この機器がなくなっていることをご確認いただけます。ライセンスの残り期間の払い戻しはありません。年間パックを退会する場合は、登録しているすべての機器を削除したあとで退会のお手続きを行ってください。',
      en: 'You can check that the device is no longer in the Miemasu-net device list. The remaining licence period is not refunded. To withdraw from the annual pack, delete every registered device first, then withdraw.',
    },
  },
  withdrawAnnualPack: {
    title: { ja: '「みえますねっと年間パック」の退会', en: 'Withdrawing from the Miemasu-net annual pack' },
    itemFallback: { ja: '年間パックのご契約者情報', en: 'the annual pack contractor information' },
    next: {
      ja: 'ご契約者情報はすべて削除されました。元に戻すことはできません。',
      en: 'All contractor information has been deleted. This cannot be undone.',
    },
  },
  submitCancellationApplication: {
    title: { ja: '解約のお申込み', en: 'Cancellation application' },
    next: {
      ja: '詳細を記載したメールが届きます。お申込一覧のステータスは「解約お申込受付中」になります。受け付けたお申込みを取り消す方法はガイドに記載がありません。ご不明な点は下記のお問い合わせ先へご連絡ください。',
      en: 'An e-mail with the details follows. The application list shows the status "cancellation accepted". The guide describes no way to withdraw an accepted application; for questions, please contact the desk below.',
    },
  },
  withdrawApplication: {
    title: { ja: '作成中のお申込みの取消', en: 'Withdrawing a draft application' },
    next: {
      ja: '作成中のお申込み（文書）は削除され、ご契約は「サービス開始」の状態に戻ります。解約をご希望の場合は、あらためて解約のお申込みを行ってください。',
      en: 'The draft application was deleted and the contract is back to "service started". To cancel the contract, please apply for the cancellation again.',
    },
  },
};

const NOT_DONE: Record<Exclude<Outcome, 'succeeded'>, Text> = {
  refused: {
    ja: 'お手続きはお受けできませんでした。ご契約やご登録の内容は変わっていません。',
    en: 'The procedure was not accepted. Nothing about your contract or registration has changed.',
  },
  unknown: {
    ja: '結果を確認しています。同じお手続きをもう一度行う前に、この控え番号を添えて下記のお問い合わせ先にご確認ください。',
    en: 'The result is still being checked. Before trying the same procedure again, please ask the desk below, quoting this receipt number.',
  },
};

/** The company behind each service, as the guides name it. */
const COMPANY: Record<'miemasu' | 'canon', Text> = {
  miemasu: { ja: 'Panasonic', en: 'Panasonic' },
  canon: { ja: 'キヤノンマーケティングジャパン株式会社', en: 'Canon Marketing Japan Inc.' },
};

/** The miemasu pack's name where it differs from the backend's (Japanese) one. */
const MIEMASU_PACK: Partial<Text> = { en: 'Miemasu-net annual pack' };

const SERVICE_NAME: Record<ServiceKind, string> = {
  miemasu: 'みえますねっと',
  home: 'HOME',
  therefore: 'Therefore Online',
  uniflow: 'uniFLOW Online',
  nvs: 'NVS',
};

/** The desk for applications of a service (§2e); みえますねっと has only its web pages. */
function deskFor(kind: ServiceKind | undefined): DeskId[] {
  if (kind === 'miemasu') return ['miemasu-web'];
  if (kind === 'home') return ['home-contract'];
  if (kind === 'therefore' || kind === 'uniflow') return ['csps-contract'];
  return ['home-contract', 'csps-contract'];
}

/** The service family a receipt concerns: its item's, else the one its operation implies. */
function serviceKind(receipt: Receipt): ServiceKind | undefined {
  if (receipt.item.service) return receipt.item.service.kind;
  if (receipt.operation.name === 'deleteMiemasuDevice' || receipt.operation.name === 'withdrawAnnualPack')
    return 'miemasu';
  return undefined;
}

export function procedureTitle(receipt: Receipt, locale: Locale): string {
  return PROCEDURES[receipt.operation.name]?.title[locale] ?? receipt.operation.name;
}

/** The item's name for people: its label, or the procedure's word for it when it has none (never only an id). */
export function itemName(receipt: Receipt, locale: Locale): string {
  const { item } = receipt;
  const fallback = PROCEDURES[receipt.operation.name]?.itemFallback?.[locale];
  if (item.label && item.label !== item.id) return item.label;
  return fallback ?? item.label;
}

/** `HOME type-S（キヤノンマーケティングジャパン株式会社）` / `Miemasu-net annual pack (Panasonic)`. */
export function serviceLine(receipt: Receipt, locale: Locale): string | undefined {
  const kind = serviceKind(receipt);
  if (!kind) return undefined;
  const family = SERVICE_NAME[kind];
  const own = receipt.item.service?.name ?? '';
  // The backend names HOME types by their type alone (`type-M`): say the family too.
  const name = own === '' ? family : own.includes(family) ? own : `${family} ${own}`;
  const company = COMPANY[kind === 'miemasu' ? 'miemasu' : 'canon'][locale];
  // English names the miemasu pack by its English name (the backend's name is Japanese).
  const shownName = kind === 'miemasu' ? (MIEMASU_PACK[locale] ?? name) : name;
  return createTranslator(receiptMessages, locale).t('receipt.service-name', { name: shownName, company });
}

export function nextSteps(receipt: Receipt, locale: Locale): string | undefined {
  const outcome = receipt.operation.outcome;
  if (outcome !== 'succeeded') return NOT_DONE[outcome][locale];
  return PROCEDURES[receipt.operation.name]?.next[locale];
}

/** The desk(s) to contact, as contact lines without any "open now" claim (a receipt is read later). */
export function contactLines(receipt: Receipt, locale: Locale): string[] {
  return deskFor(serviceKind(receipt)).flatMap((id) => describeContact(DESKS[id], locale));
}
