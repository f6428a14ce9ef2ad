/** Receipts of destructive procedures (what was shown, acknowledged and answered). Log redaction is `src/redaction/`. */
export { canRead, listReceipts, type Reader, readReceipt } from './access.js';
export { formatReceipt, formatTokyoTime, receiptBody, receiptTitle } from './format.js';
export {
  buildReceipt,
  newReceiptId,
  RECEIPT_ID_PATTERN,
  type Receipt,
  type ReceiptDraft,
  ReceiptSchema,
} from './receipt.js';
export { ReceiptConflictError, ReceiptStore, type SaveResult } from './store.js';
