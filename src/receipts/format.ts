/**
 * A receipt as plain lines for people (ja / en), for the customer or an agent who asks for it later.
 * Times are shown in Japan time via `Intl.DateTimeFormat`, whatever the machine's time zone; the facts and
 * texts are reproduced exactly as they were shown, in the locale they were shown in.
 */
import { createTranslator } from '../engine/text/catalog.js';
import type { Locale } from '../engine/turn.js';
import { receiptMessages } from './messages.js';
import { contactLines, itemName, nextSteps, procedureTitle, serviceLine } from './procedures.js';
import type { Receipt } from './receipt.js';

const OUTCOME: Record<Locale, Record<Receipt['operation']['outcome'], string>> = {
  ja: {
    succeeded: '完了しました',
    refused: 'お受けできませんでした（変更はありません）',
    unknown: '結果を確認中です',
  },
  en: {
    succeeded: 'completed',
    refused: 'not accepted (nothing was changed)',
    unknown: 'being confirmed',
  },
};

const DATE_LOCALE: Record<Locale, string> = { ja: 'ja-JP', en: 'en-GB' };

/** Formats an ISO timestamp in Japan time, e.g. `2026年11月23日(月) 10:02` / `Mon, 23 November 2026 at 10:02`. */
export function formatTokyoTime(iso: string, locale: Locale): string {
  const text = new Intl.DateTimeFormat(DATE_LOCALE[locale], {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
  return createTranslator(receiptMessages, locale).t('receipt.time', { time: text });
}

/** The receipt's heading, once: `【お手続きの控え】控え番号 RC-…` / `Receipt RC-…`. */
export function receiptTitle(receipt: Receipt, locale: Locale): string {
  return createTranslator(receiptMessages, locale).t('receipt.title', { id: receipt.receiptId });
}

/**
 * The receipt for a person, without its heading: service and company, the procedure's title, the item's name,
 * what was shown and acknowledged, the button pressed, the result, the backend's application number (when it
 * gave one), what happens next and whom to contact. Ids for machines (customer, device, idempotency key,
 * channel) stay in the JSON form only.
 */
export function receiptBody(receipt: Receipt, locale: Locale): string[] {
  const at = (iso: string): string => formatTokyoTime(iso, locale);
  const { t } = createTranslator(receiptMessages, locale);
  const { shown, operation, actor } = receipt;
  const service = serviceLine(receipt, locale);
  const lines: string[] = [];
  if (service) lines.push(t('receipt.service', { service }));
  lines.push(
    t('receipt.procedure', { title: procedureTitle(receipt, locale) }),
    t('receipt.item', { item: itemName(receipt, locale) }),
    actor.kind === 'customer' ? t('receipt.by-customer') : t('receipt.by-agent', { agent: actor.id }),
  );
  if (shown.facts.length > 0) {
    lines.push(t('receipt.shown'));
    for (const fact of shown.facts) lines.push(t('receipt.fact', fact));
  }
  if (shown.acknowledgements.length > 0) {
    lines.push(t('receipt.acknowledged'));
    for (const ack of shown.acknowledgements) {
      lines.push(t('receipt.ack', { text: ack.text, at: at(ack.acknowledgedAt) }));
    }
  }
  lines.push(finalAnswer(receipt, locale));
  lines.push(
    t('receipt.result', { outcome: OUTCOME[locale][operation.outcome], at: at(operation.completedAt) }),
  );
  if (operation.reference !== undefined) {
    lines.push(t('receipt.reference', { reference: operation.reference }));
  }
  const next = nextSteps(receipt, locale);
  if (next) lines.push(t('receipt.next', { next }));
  lines.push(t('receipt.contact'), ...contactLines(receipt, locale).map((l) => `  ${l}`));
  lines.push(t('receipt.recorded', { at: at(receipt.createdAt) }));
  return lines;
}

/** The final question and the answer exactly as given: the button's label, and the phrase typed when one was asked. */
function finalAnswer(receipt: Receipt, locale: Locale): string {
  const { shown } = receipt;
  const { t } = createTranslator(receiptMessages, locale);
  const answers: string[] = [];
  if (shown.confirmLabel) answers.push(t('receipt.pressed', { label: shown.confirmLabel }));
  if (shown.typedPhrase !== undefined) answers.push(t('receipt.typed', { phrase: shown.typedPhrase }));
  if (answers.length === 0) answers.push(t('receipt.confirmed'));
  return t('receipt.final', {
    question: shown.finalQuestion,
    at: formatTokyoTime(shown.confirmedAt, locale),
    answers: answers.join(t('receipt.answers-separator')),
  });
}

/** The receipt as chat lines: the heading once, then the body (the menu's receipt list, downloads). */
export function formatReceipt(receipt: Receipt, locale: Locale): string[] {
  return [receiptTitle(receipt, locale), ...receiptBody(receipt, locale)];
}
