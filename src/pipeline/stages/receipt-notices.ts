/**
 * The receipt-notices stage: tells the user the number of every receipt recorded during their turn, whatever the
 * procedure, so dialog authors cannot forget it. The notice goes before the closing question so that question
 * stays the last reply (channels take the choices of the last reply).
 */

import { createTranslator } from '../../engine/text/catalog.js';
import type { Reply } from '../../engine/turn.js';
import type { Receipt } from '../../receipts/receipt.js';
import { pipelineMessages } from '../messages.js';
import type { NamedStage } from '../types.js';

/** Receipts recorded in this process for a conversation since the last call (`ReceiptRecorder.drainNew`). */
export interface ReceiptSource {
  drainNew(conversationKey: string): Receipt[];
}

function notice(receipt: Receipt, stateVersion: number): Reply {
  const t = createTranslator(pipelineMessages, receipt.locale);
  const unknown = receipt.operation.outcome === 'unknown';
  return {
    text: t.t(unknown ? 'pipeline.receipt.recorded-unknown' : 'pipeline.receipt.recorded', {
      id: receipt.receiptId,
    }),
    tone: 'info',
    stateVersion,
    receipt: { id: receipt.receiptId },
  };
}

export function receiptNoticesStage(source: ReceiptSource | undefined): NamedStage {
  return {
    name: 'receipt-notices',
    async run(ctx, next) {
      const replies = await next();
      if (!source) return replies;
      const receipts = source.drainNew(ctx.turn.conversationKey);
      if (receipts.length === 0) return replies;
      const last = replies[replies.length - 1];
      const version = last?.stateVersion ?? -1;
      const notices = receipts.map((r) => notice(r, version));
      const lastAsks =
        last && (last.choices?.length || last.acknowledgements?.length || last.typedConfirmation);
      return lastAsks ? [...replies.slice(0, -1), ...notices, last] : [...replies, ...notices];
    },
  };
}
