/**
 * A receipt as plain lines for people (ja / en), for the customer or an agent who asks for it later.
 * Times are shown in Japan time via `Intl.DateTimeFormat`, whatever the machine's time zone; the facts and
 * texts are reproduced exactly as they were shown, in the locale they were shown in.
 */
import type { Locale } from '../engine/turn.js';
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
  return locale === 'ja' ? text : `${text} JST`;
}

/** The receipt's heading, once: `【お手続きの控え】控え番号 RC-…` / `Receipt RC-…`. */
export function receiptTitle(receipt: Receipt, locale: Locale): string {
  return locale === 'ja'
    ? `【お手続きの控え】控え番号 ${receipt.receiptId}`
    : `Receipt no. ${receipt.receiptId}`;
}

/**
 * The receipt for a person, without its heading: service and company, the procedure's title, the item's name,
 * what was shown and acknowledged, the button pressed, the result, the backend's application number (when it
 * gave one), what happens next and whom to contact. Ids for machines (customer, device, idempotency key,
 * channel) stay in the JSON form only.
 */
export function receiptBody(receipt: Receipt, locale: Locale): string[] {
  const t = (iso: string): string => formatTokyoTime(iso, locale);
  const { shown, operation, actor } = receipt;
  const ja = locale === 'ja';
  const service = serviceLine(receipt, locale);
  const lines: string[] = [];
  if (service) lines.push(ja ? `サービス: ${service}` : `Service: ${service}`);
  lines.push(
    ja ? `お手続き: ${procedureTitle(receipt, locale)}` : `Procedure: ${procedureTitle(receipt, locale)}`,
    ja ? `対象: ${itemName(receipt, locale)}` : `Item: ${itemName(receipt, locale)}`,
    actor.kind === 'customer'
      ? ja
        ? '操作: お客様ご本人'
        : 'Confirmed by: you'
      : ja
        ? `操作: 担当者（${actor.id}）がお客様に代わって`
        : `Confirmed by: agent ${actor.id} on your behalf`,
  );
  if (shown.facts.length > 0) {
    lines.push(ja ? '表示した内容:' : 'What was shown:');
    for (const fact of shown.facts)
      lines.push(ja ? `・${fact.label}: ${fact.value}` : `- ${fact.label}: ${fact.value}`);
  }
  if (shown.acknowledgements.length > 0) {
    lines.push(ja ? 'ご確認いただいた事項:' : 'Acknowledged:');
    for (const ack of shown.acknowledgements) {
      lines.push(
        ja ? `✓ ${ack.text}（${t(ack.acknowledgedAt)}）` : `✓ ${ack.text} (${t(ack.acknowledgedAt)})`,
      );
    }
  }
  lines.push(finalAnswer(receipt, locale));
  lines.push(
    ja
      ? `結果: ${OUTCOME.ja[operation.outcome]}（${t(operation.completedAt)}）`
      : `Result: ${OUTCOME.en[operation.outcome]} (${t(operation.completedAt)})`,
  );
  if (operation.reference !== undefined) {
    lines.push(ja ? `お申込番号: ${operation.reference}` : `Application number: ${operation.reference}`);
  }
  const next = nextSteps(receipt, locale);
  if (next) lines.push(ja ? `今後について: ${next}` : `What happens next: ${next}`);
  lines.push(ja ? 'お問い合わせ先:' : 'Contact:', ...contactLines(receipt, locale).map((l) => `  ${l}`));
  lines.push(ja ? `記録日時: ${t(receipt.createdAt)}` : `Recorded: ${t(receipt.createdAt)}`);
  return lines;
}

/** The final question and the answer exactly as given: the button's label, and the phrase typed when one was asked. */
function finalAnswer(receipt: Receipt, locale: Locale): string {
  const { shown } = receipt;
  const at = formatTokyoTime(shown.confirmedAt, locale);
  const ja = locale === 'ja';
  const answers: string[] = [];
  if (shown.confirmLabel)
    answers.push(ja ? `「${shown.confirmLabel}」を選択` : `pressed "${shown.confirmLabel}"`);
  if (shown.typedPhrase !== undefined)
    answers.push(ja ? `「${shown.typedPhrase}」と入力` : `typed "${shown.typedPhrase}"`);
  if (answers.length === 0) answers.push(ja ? '確定' : 'confirmed');
  return ja
    ? `最終確認: ${shown.finalQuestion} → ${at} に${answers.join('・')}`
    : `Final question: ${shown.finalQuestion} → ${answers.join(', ')} at ${at}`;
}

/** The receipt as chat lines: the heading once, then the body (the menu's receipt list, downloads). */
export function formatReceipt(receipt: Receipt, locale: Locale): string[] {
  return [receiptTitle(receipt, locale), ...receiptBody(receipt, locale)];
}
