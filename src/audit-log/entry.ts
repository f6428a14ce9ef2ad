/**
 * One entry of the append-only audit log: who did what, for whom, when, through which channel, with what result.
 *
 * What an entry may hold is closed (strict objects, no free-form bags), so nothing the engine reports can slip in
 * by accident. By construction (see `derive.ts`) an entry holds NO free text typed by users, NO e-mail addresses
 * (masked or not), NO tokens, credentials or one-time codes, and NO raw conversation key (it carries platform user
 * ids): the conversation is named by a SHA-256 prefix of its key.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { RECEIPT_ID_PATTERN } from '../receipts/receipt.js';
import { MAX_SHOWN_LENGTH } from './scrub.js';

export const AUDIT_KINDS = [
  /** The facts and consequences of a confirmation were shown (recorded when the user confirmed). */
  'disclosure-shown',
  /** One consequence was acknowledged (ticked). */
  'acknowledged',
  /** The final question of a confirmation was answered yes (typed phrase included, when required). */
  'confirmed',
  /** A destructive or otherwise changing backend operation completed (or its outcome is unknown). */
  'action',
  /** A customer proved who they are (one-time code or the support site's sign-in), or failed to. */
  'identity-verified',
  /** An agent looked a customer up (name, masked e-mail and services were shown to the agent). */
  'customer-lookup',
  'agent-session-started',
  'agent-session-ended',
  /** A procedure (dialog) ended, with the outcome its end node names (`completed`, `cancelled`, `handoff` …). */
  'dialog-ended',
  /** A procedure (dialog) began: the funnel's "started" (`what.language` names the conversation's language). */
  'dialog-started',
  /**
   * The customer was passed to a person: `what.handoff` is `live` (a live agent was asked for), `request` (a
   * callback / ticket was filed) or `claimed` (an agent took a live request; `what.waitedMs` = time to claim).
   */
  'handoff',
  /**
   * The satisfaction question was answered (`what.score` 1–5) or skipped (`what.outcome` = `skipped`), after a
   * completed procedure or a handoff (`what.afterHandoff`).
   */
  'satisfaction',
  /**
   * An FAQ question was handled: `what.outcome` is `answered`, `declined` (out of scope / no answer), `escalated`
   * (the customer asked for a person after it) or `not-helpful` (the customer said the answer did not help);
   * `what.entry` names the FAQ entry answered; a declined question's text is kept only redacted and bounded in
   * `what.declined` (the single exception to "no typed text", so the most-declined list can be aggregated).
   */
  'faq',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export const AUDIT_RESULTS = ['ok', 'refused', 'unknown'] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];

/** The longest id an entry holds; longer ids are hashed by derive.ts (`boundedId`), never dropped. */
export const MAX_ID_LENGTH = 200;
const NonEmpty = z.string().min(1).max(MAX_ID_LENGTH);
/** The most facts one disclosure entry keeps (a confirmation shows a handful). */
export const MAX_FACTS = 100;
/** Text as the bot showed it (labels, fact values, acknowledgement texts, questions): bounded, never typed text. */
const Shown = z.string().max(MAX_SHOWN_LENGTH);

export const AuditItemSchema = z.strictObject({
  /** `device`, `application`, `contract`, `customer`, `account`. */
  kind: NonEmpty,
  id: NonEmpty,
  label: Shown,
});
export type AuditItem = z.infer<typeof AuditItemSchema>;

/** What happened: operation names, consequence ids, facts as shown. Every field is optional; none is free-form. */
export const AuditWhatSchema = z.strictObject({
  /** The confirm node (for disclosure / acknowledgement / confirmation entries). */
  node: NonEmpty.optional(),
  /** The exact item concerned (device, application, contract, customer). */
  item: AuditItemSchema.optional(),
  /** The facts exactly as shown (e-mail addresses and user-entered values are not recorded). */
  facts: z
    .array(z.strictObject({ label: Shown, value: Shown }))
    .max(100)
    .optional(),
  /** Consequence ids shown / acknowledged before the operation, e.g. `no-refund`, `data-loss`. */
  consequences: z.array(NonEmpty).max(50).optional(),
  /** The acknowledgement of an `acknowledged` entry: its consequence id and text as shown. */
  acknowledgement: z.strictObject({ id: NonEmpty, text: Shown }).optional(),
  /** The final question as shown. */
  question: Shown.optional(),
  /** Whether the confirmation required typing a phrase (the typed text itself is not recorded). */
  typedConfirmation: z.boolean().optional(),
  operation: NonEmpty.optional(),
  destructive: z.boolean().optional(),
  /** The backend's reference, e.g. application number `R-20261123-238080`. */
  reference: NonEmpty.optional(),
  /** How a dialog ended (`dialog-ended`), or how identity was proved (`identity-verified`). */
  outcome: NonEmpty.optional(),
  /** `agent-session-ended`: whether there was a session to end. */
  ended: z.boolean().optional(),
  /** The conversation's language when the entry was made (analytics filter). */
  language: z.enum(['ja', 'en']).optional(),
  /**
   * `dialog-ended`: the outcome in the funnel's terms, whatever the end node is called — `completed` (the change
   * was made and verified), `resolved` (ended with nothing to change: already cancelled, exchange offered…),
   * `stopped` (the customer chose やめる), `abandoned` (idle expiry: never counted as resolved), `handoff`,
   * `failed` (refused or error) or `unknown` (the outcome of a write could not be confirmed).
   */
  closure: z
    .enum(['completed', 'resolved', 'stopped', 'abandoned', 'handoff', 'failed', 'unknown'])
    .optional(),
  /**
   * `dialog-started` / `dialog-ended`: how the dialog ran — `procedure` (what the customer came for: the funnel
   * counts these), `menu` (the root dialog) or `sub` (a sub-dialog of a procedure, e.g. identification). Absent
   * on entries written before it existed (counted as procedures).
   */
  run: z.enum(['procedure', 'menu', 'sub']).optional(),
  /**
   * `disclosure-shown` / `acknowledged` / `confirmed` of a sub-dialog: the procedure in progress it belongs to
   * (e.g. `miemasu-delete-device` for the confirmation of `miemasu-delete-one`), so the funnel lists the step under
   * the procedure the customer came for. Absent when the step's own dialog is the procedure.
   */
  procedure: NonEmpty.optional(),
  /**
   * `handoff`: which kind (stored values, spelling kept): `live` a live chat with an agent was asked for,
   * `request` a callback request was left, `claimed` an agent took a live chat.
   */
  handoff: z.enum(['live', 'request', 'claimed']).optional(),
  /** `handoff` claimed: milliseconds from the live request to the claim. */
  waitedMs: z.number().int().nonnegative().optional(),
  /** `satisfaction`: the score given, 1–5. */
  score: z.number().int().min(1).max(5).optional(),
  /**
   * `satisfaction`: the question was asked after a handoff to a person — a live chat that ended (`live`) or a
   * callback request that was taken (`request`); absent when it followed a completed procedure only. The entry's
   * `dialogId` is then the procedure the customer was in (the menu's id when none).
   */
  afterHandoff: z.enum(['live', 'request']).optional(),
  /** `faq`: the FAQ entry answered (its id). */
  entry: NonEmpty.optional(),
  /** `faq` declined: the question as typed, redacted (`src/redaction/redact.ts`) and bounded. */
  declined: Shown.optional(),
});
export type AuditWhat = z.infer<typeof AuditWhatSchema>;

export const AuditEntrySchema = z.strictObject({
  /** When it happened: UTC, millisecond precision (`Date#toISOString`), so text order is time order. */
  at: z.iso.datetime({ precision: 3 }),
  kind: z.enum(AUDIT_KINDS),
  /** Who: the customer themself, or the agent (by their channel identity, e.g. `slack:U123`). */
  actor: z.strictObject({ kind: z.enum(['customer', 'agent']), id: NonEmpty }),
  /** For whom: the agent's customer, else the verified customer, when known. */
  customerId: NonEmpty.optional(),
  channel: NonEmpty,
  /** {@link conversationDigest} of the conversation key. */
  conversation: z.string().regex(/^[0-9a-f]{16}$/),
  dialogId: NonEmpty,
  what: AuditWhatSchema,
  result: z.enum(AUDIT_RESULTS),
  /** The backend's problem code when refused (e.g. `devices-remain`), or `bug` when our request was malformed. */
  resultCode: NonEmpty.optional(),
  /** The receipt recorded for a destructive operation (`src/receipts/`). */
  receiptId: z.string().regex(RECEIPT_ID_PATTERN).optional(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** The conversation as the log names it: the first 16 hex digits of SHA-256 of its key. */
export function conversationDigest(conversationKey: string): string {
  return createHash('sha256').update(conversationKey).digest('hex').slice(0, 16);
}

/** Validates entries before any is written; throws a `ZodError` naming the entry and field. */
export function parseEntries(entries: readonly unknown[]): AuditEntry[] {
  return z.array(AuditEntrySchema).parse(entries);
}
