/** The Keyv holding receipts, on the same kind of storage as conversations. Receipts have no time to live. */
import type { Keyv } from 'keyv';
import { type KeyvConfig, openKeyv } from '../storage/open-keyv.js';

export function openReceiptKeyv(config: KeyvConfig): Promise<Keyv<string>> {
  return openKeyv<string>(config, 'receipts');
}
