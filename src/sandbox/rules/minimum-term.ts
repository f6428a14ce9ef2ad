/**
 * Minimum usage periods (最低利用期間), counted in monthly billings (DOMAIN.md §2c), and the charge for the
 * billings still owed when a contract ends inside its minimum term.
 */
import type { ServiceKind } from '../model.js';
import { monthOf, monthsBetween } from './calendar.js';

const TWELVE_MONTH_HOME_TYPES = [
  // HOME type-S / SL / AP, AOSBOX
  'type-S',
  'type-SL',
  'type-AP',
  'AOSBOX',
  // [interpretation, DOMAIN.md §2c: merged table cell] type-U2 … U4L Pro: 12 months
  'type-U2',
  'type-U2 Pro',
  'type-U3',
  'type-U3 サイバー保険',
  'type-U3 Pro',
  'type-U3 Pro サイバー保険',
  'type-R',
  'type-R サイバー保険',
  'type-U4',
  'type-U4 Pro',
  'type-U4L',
  'type-U4L Pro',
  // [interpretation, merged table cell] type-AU / AM: 12 months
  'type-AU',
  'type-AM',
  // [interpretation, merged table cell] type-M / W / D and the attachment options: 12 months
  'type-M',
  'type-W',
  'type-D',
  '添付ファイル自動 ZIP パスワード化サービス',
  '添付ファイルメールセキュリティオプション',
];
const TWO_MONTH_HOME_TYPES = ['type-CD', 'type-CS', 'type-CX', 'type-C6'];
const ONE_MONTH_HOME_TYPES = ['セレクトシリーズ', 'NI Cloud Service', 'MEAP クラウドスキャン for NI Collabo'];
const NO_MINIMUM_HOME_TYPES = ['type-O'];

const HOME_MINIMUM_MONTHS = new Map<string, number>([
  ...TWELVE_MONTH_HOME_TYPES.map((type) => [normaliseServiceType(type), 12] as const),
  ...TWO_MONTH_HOME_TYPES.map((type) => [normaliseServiceType(type), 2] as const),
  ...ONE_MONTH_HOME_TYPES.map((type) => [normaliseServiceType(type), 1] as const),
  ...NO_MINIMUM_HOME_TYPES.map((type) => [normaliseServiceType(type), 0] as const),
]);

/** Full-width to half-width, collapsed spaces, ASCII lower case: `type-U2　Pro` equals `TYPE-U2 PRO`. */
export function normaliseServiceType(serviceType: string): string {
  return serviceType.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The minimum usage period in monthly billings (0 = none), DOMAIN.md §2c. uniFLOW Online and Therefore Online:
 * 12. NVS is not covered (throws). Throws for a HOME type the guide does not list, rather than guessing.
 */
export function minimumTermMonths(kind: ServiceKind, serviceType: string): number {
  if (kind === 'therefore' || kind === 'uniflow') return 12;
  if (kind === 'nvs')
    throw new Error('NVS cloud cancellations are a separate procedure; no minimum term here.');
  const months = HOME_MINIMUM_MONTHS.get(normaliseServiceType(serviceType));
  if (months === undefined) throw new Error(`Unknown HOME service type "${serviceType}".`);
  return months;
}

/**
 * [interpretation, DOMAIN.md §2c] billings counted = calendar months from the start month through the effective
 * month, inclusive (a contract started on the 15th is billed for its start month). 0 if it ends before it starts.
 */
export function billingsCounted(startDate: string, effectiveDate: string): number {
  return Math.max(0, monthsBetween(monthOf(startDate), monthOf(effectiveDate)) + 1);
}

export interface MinimumTermStatus {
  months: number;
  billingsCounted: number;
  billingsRemaining: number;
  satisfied: boolean;
}

/** [interpretation, DOMAIN.md §2c] remaining = max(0, minimum − counted); satisfied when nothing remains. */
export function minimumTermStatus(
  minimumMonths: number,
  startDate: string,
  effectiveDate: string,
): MinimumTermStatus {
  const counted = billingsCounted(startDate, effectiveDate);
  const remaining = Math.max(0, minimumMonths - counted);
  return {
    months: minimumMonths,
    billingsCounted: counted,
    billingsRemaining: remaining,
    satisfied: remaining === 0,
  };
}

/**
 * [interpretation, DOMAIN.md §2c] the charge billed together for the remaining billings: remaining × monthly fee
 * (yen). Always an estimate: fees are standard list prices (「費用は標準価格で目安の金額です」).
 */
export function minimumTermCharge(billingsRemaining: number, monthlyFeeYen: number): number {
  return billingsRemaining * monthlyFeeYen;
}
