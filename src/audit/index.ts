/** Receipts of destructive procedures (what was shown, acknowledged and answered) and log redaction. */
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
export {
  createLogger,
  isSecretField,
  LOG_REDACT_PATHS,
  type LoggerOptions,
  REDACTED,
  redact,
  redactText,
} from './redact.js';
export { ReceiptConflictError, ReceiptStore, type SaveResult } from './store.js';
