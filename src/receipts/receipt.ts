/**
 * The receipt of one destructive procedure: exactly what the customer was shown and acknowledged, in which
 * locale and channel, when, and what the backend answered (with its reference number, e.g. an application
 * number `R-20191015-238079`). Receipts are immutable once saved and are JSON: every timestamp is an ISO-8601
 * string with an offset.
 *
 * Invariant (checked by the schema): each acknowledgement precedes the final confirmation, which precedes
 * sending the operation, which precedes its completion, which precedes the receipt's creation.
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { LOCALES } from '../engine/turn.js';

/** `RC-` + 10 Crockford base32 characters (50 random bits). Ids are not a secret: reads still go through `canRead`. */
export const RECEIPT_ID_PATTERN = /^RC-[0-9A-HJKMNP-TV-Z]{10}$/;
const CROCKFORD_BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A fresh receipt id from the operating system's CSPRNG. */
export function newReceiptId(): string {
  // 256 is a multiple of 32, so taking the low five bits of each byte is uniform.
  const chars = Array.from(randomBytes(10), (byte) => CROCKFORD_BASE32[byte & 31]);
  return `RC-${chars.join('')}`;
}

/**
 * A receipt id derived from material that identifies one event (e.g. an idempotency key and an outcome): the same
 * event reported twice yields the same id, so the store keeps one receipt. Unguessable as long as the material is.
 * A call's receipt id is `call-receipt.ts#receiptIdOf`, never this with material assembled elsewhere.
 */
export function receiptIdFor(material: string): string {
  const chars = Array.from(
    createHash('sha256').update(material).digest().subarray(0, 10),
    (byte) => CROCKFORD_BASE32[byte & 31],
  );
  return `RC-${chars.join('')}`;
}

const Timestamp = z.iso.datetime({ offset: true });
const NonEmpty = z.string().min(1);

export const ReceiptSchema = z
  .object({
    receiptId: z.string().regex(RECEIPT_ID_PATTERN),
    /** The procedure's id, e.g. `miemasu.delete-device`, `csps.cancel-contract`. */
    procedure: NonEmpty,
    /** The exact item acted on, e.g. `{ kind: 'device', id: 'dev-1', label: 'CameraOA' }`. */
    item: z.object({
      kind: NonEmpty,
      id: NonEmpty,
      label: z.string(),
      /** The service the item belongs to, as the backend names it (e.g. `HOME type-S`), and its family. */
      service: z
        .object({ kind: z.enum(['miemasu', 'home', 'therefore', 'uniflow', 'nvs']), name: z.string() })
        .optional(),
    }),
    customerId: NonEmpty,
    /** Who confirmed: the customer, or an agent acting for them. */
    actor: z.object({ kind: z.enum(['customer', 'agent']), id: NonEmpty }),
    channel: NonEmpty,
    locale: z.enum(LOCALES),
    shown: z.object({
      /** The facts exactly as rendered (already localised), e.g. effective date, charge estimate. */
      facts: z.array(z.object({ label: z.string(), value: z.string() })),
      acknowledgements: z.array(z.object({ id: NonEmpty, text: NonEmpty, acknowledgedAt: Timestamp })),
      finalQuestion: NonEmpty,
      /** The label of the button the user pressed to confirm (e.g. 「削除する」); absent in older receipts. */
      confirmLabel: z.string().optional(),
      confirmedAt: Timestamp,
      /** The phrase the user typed, when the confirmation required one. */
      typedPhrase: z.string().optional(),
    }),
    operation: z.object({
      name: NonEmpty,
      idempotencyKey: NonEmpty,
      sentAt: Timestamp,
      /** When the answer arrived; for `unknown`, when the bot stopped waiting. */
      completedAt: Timestamp,
      /** `unknown`: no answer (timeout, crash); the call is reconciled later, never blindly repeated. */
      outcome: z.enum(['succeeded', 'refused', 'unknown']),
      /** The backend's reference, e.g. application number `R-20261123-000123`. */
      reference: z.string().optional(),
    }),
    createdAt: Timestamp,
  })
  .superRefine((receipt, ctx) => {
    const confirmed = Date.parse(receipt.shown.confirmedAt);
    receipt.shown.acknowledgements.forEach((ack, index) => {
      if (Date.parse(ack.acknowledgedAt) > confirmed) {
        ctx.addIssue({
          code: 'custom',
          path: ['shown', 'acknowledgements', index, 'acknowledgedAt'],
          message: `acknowledgement "${ack.id}" is after the final confirmation`,
        });
      }
    });
    const chain: Array<[name: string, at: string, path: string[]]> = [
      ['confirmedAt', receipt.shown.confirmedAt, ['shown', 'confirmedAt']],
      ['sentAt', receipt.operation.sentAt, ['operation', 'sentAt']],
      ['completedAt', receipt.operation.completedAt, ['operation', 'completedAt']],
      ['createdAt', receipt.createdAt, ['createdAt']],
    ];
    for (let i = 1; i < chain.length; i += 1) {
      const [earlierName, earlier] = chain[i - 1]!;
      const [laterName, later, path] = chain[i]!;
      if (Date.parse(later) < Date.parse(earlier)) {
        ctx.addIssue({ code: 'custom', path, message: `${laterName} is before ${earlierName}` });
      }
    }
  });

export type Receipt = z.infer<typeof ReceiptSchema>;

/** Everything but the id and creation time, which {@link buildReceipt} assigns. */
export type ReceiptDraft = Omit<Receipt, 'receiptId' | 'createdAt'>;

/** Stamps a draft with a fresh id and `now`, and validates it; throws a `ZodError` naming each bad field. */
export function buildReceipt(
  draft: ReceiptDraft,
  now: Date = new Date(),
  receiptId: string = newReceiptId(),
): Receipt {
  return ReceiptSchema.parse({ ...draft, receiptId, createdAt: now.toISOString() });
}
