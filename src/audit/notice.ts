/**
 * Tells the user the number of every receipt recorded during their turn, whatever the procedure: dialog authors
 * cannot forget it. Wraps `engine.handle`; the notice goes before the closing question so that question stays
 * the last reply (channels take the choices of the last reply).
 */
import type { Engine } from '../engine/runtime.js';
import type { Reply } from '../engine/turn.js';
import type { ReceiptRecorder } from './recorder.js';

function notice(receiptId: string, outcome: string, locale: 'ja' | 'en', stateVersion: number): Reply {
  const unknown = outcome === 'unknown';
  const text =
    locale === 'ja'
      ? `お手続きの控えを記録しました（控え番号: ${receiptId}）。${unknown ? '結果は確認中です。' : ''}表示した内容と確認いただいた項目を保存しています。お問い合わせの際は、この番号をお伝えください。`
      : `A receipt has been recorded (receipt no. ${receiptId}).${unknown ? ' The result is still being checked.' : ''} It keeps what was shown and what you acknowledged; please quote this number if you contact us.`;
  return { text, tone: 'info', stateVersion, receipt: { id: receiptId } };
}

export function withReceiptNotices(engine: Engine, recorder: ReceiptRecorder): Engine {
  return {
    definition: engine.definition,
    describe: (conversationKey) => engine.describe(conversationKey),
    async handle(turn) {
      const replies = await engine.handle(turn);
      const receipts = recorder.drainNew(turn.conversationKey);
      if (receipts.length === 0) return replies;
      const last = replies[replies.length - 1];
      const version = last?.stateVersion ?? -1;
      const notices = receipts.map((r) => notice(r.receiptId, r.operation.outcome, r.locale, version));
      const lastAsks =
        last && (last.choices?.length || last.acknowledgements?.length || last.typedConfirmation);
      return lastAsks ? [...replies.slice(0, -1), ...notices, last] : [...replies, ...notices];
    },
  };
}
