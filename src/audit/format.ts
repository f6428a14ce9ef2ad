/**
 * A receipt as plain chat lines (ja / en), for the customer or an agent who asks for it later.
 * Times are shown in Japan time via `Intl.DateTimeFormat`, whatever the machine's time zone; the facts and
 * texts are reproduced exactly as they were shown, in the locale they were shown in.
 */
import type { Locale } from '../engine/turn.js';
import type { Receipt } from './receipt.js';

export interface FormatOptions {
  /** A human name for `receipt.procedure`, e.g. 「機器の削除（解約）」; the id is shown when absent. */
  procedureLabel?: string;
}

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

export function formatReceipt(receipt: Receipt, locale: Locale, options: FormatOptions = {}): string[] {
  const t = (iso: string): string => formatTokyoTime(iso, locale);
  const { shown, operation, item, actor } = receipt;
  const procedure = options.procedureLabel ?? receipt.procedure;
  const ja = locale === 'ja';
  const lines = ja
    ? [
        `【お手続きの控え】${receipt.receiptId}`,
        `お手続き: ${procedure}`,
        `対象: ${item.label}（${item.id}）`,
        `お客様: ${receipt.customerId}`,
        actor.kind === 'customer' ? '操作: お客様ご本人' : `操作: 担当者（${actor.id}）`,
        `チャネル: ${receipt.channel}（表示言語: ${receipt.locale}）`,
      ]
    : [
        `[Receipt] ${receipt.receiptId}`,
        `Procedure: ${procedure}`,
        `Item: ${item.label} (${item.id})`,
        `Customer: ${receipt.customerId}`,
        actor.kind === 'customer' ? 'Confirmed by: the customer' : `Confirmed by: agent ${actor.id}`,
        `Channel: ${receipt.channel} (shown in: ${receipt.locale})`,
      ];
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
  lines.push(
    ja
      ? `最終確認: ${shown.finalQuestion} → ${t(shown.confirmedAt)} に「はい」`
      : `Final question: ${shown.finalQuestion} → answered yes at ${t(shown.confirmedAt)}`,
  );
  if (shown.typedPhrase !== undefined) {
    lines.push(ja ? `入力された確認語句: ${shown.typedPhrase}` : `Typed confirmation: ${shown.typedPhrase}`);
  }
  lines.push(
    ja
      ? `結果: ${OUTCOME.ja[operation.outcome]}（送信 ${t(operation.sentAt)}）`
      : `Result: ${OUTCOME.en[operation.outcome]} (sent ${t(operation.sentAt)})`,
  );
  if (operation.reference !== undefined) {
    lines.push(ja ? `受付番号: ${operation.reference}` : `Reference number: ${operation.reference}`);
  }
  lines.push(ja ? `記録日時: ${t(receipt.createdAt)}` : `Recorded: ${t(receipt.createdAt)}`);
  return lines;
}
