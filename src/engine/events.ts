/**
 * Events the engine reports after a turn is stored (audit trail, receipts). Reported once per stored change.
 */
import type { OperationOutcome } from './operations.js';
import type { ConfirmationRecord } from './state.js';
import type { Actor, Fact, Locale } from './turn.js';

interface EventBase {
  conversationKey: string;
  channel: string;
  actor: Actor;
  locale: Locale;
  dialogId: string;
  /**
   * The procedure in progress (the first dialog above the menu) when it is not `dialogId`: the dialog a
   * sub-dialog's step belongs to, for the funnel.
   */
  procedure?: string | undefined;
  at: string;
}

/**
 * How a dialog ran: `menu` (the root dialog), `procedure` (started alone or from the menu: what a customer came
 * for, counted once in the funnel) or `sub` (a sub-dialog of a procedure, e.g. identification).
 */
export type DialogRun = 'menu' | 'procedure' | 'sub';

export type EngineEvent =
  /**
   * A confirmation's consequences were put in front of the user (the confirm node was entered), or an `ask` that
   * `discloses` consequences was shown (then `acknowledgements` are the statements shown, nothing to tick): the
   * facts and texts exactly as rendered. Reported whether or not the user goes on.
   */
  | (EventBase & {
      kind: 'disclosed';
      nodeId: string;
      target: string;
      targetValue: unknown;
      facts: Fact[];
      acknowledgements: { id: string; text: string }[];
    })
  | (EventBase & {
      kind: 'confirmed';
      nodeId: string;
      target: string;
      targetValue: unknown;
      record: ConfirmationRecord;
    })
  | (EventBase & {
      kind: 'call-completed';
      operation: string;
      destructive: boolean;
      idempotencyKey: string;
      args: Record<string, unknown>;
      sentAt: string;
      outcome: OperationOutcome;
      confirmation?: ConfirmationRecord | undefined;
      /** The confirmed item, for destructive calls. */
      target?: unknown;
    })
  /**
   * A dialog (a procedure, or a sub-dialog of one) began: a frame was pushed. `run` says which ({@link DialogRun}).
   */
  | (EventBase & { kind: 'dialog-started'; run?: DialogRun | undefined })
  /**
   * A dialog's frame left the stack. `outcome` is its end node's outcome (`completed` when the node names none),
   * `handoff`, or how the engine took it off: {@link ENGINE_END_OUTCOMES}. `changed`: a backend write of this
   * dialog (or of a sub-dialog it ran) succeeded, so "completed" means something was done.
   */
  | (EventBase & {
      kind: 'dialog-ended';
      outcome: string;
      changed?: boolean | undefined;
      run?: DialogRun | undefined;
    })
  /**
   * The FAQ handled a question: `answered` (with the entry's id) or `declined` (out of scope, not covered, or no
   * confident answer where a question was asked); or the turn right after an answer said it did not help
   * (`not-helpful`, the one-tap choice under the answer) or asked for a person (`escalated`), with its entry. `question` is the text as typed, for a declined question only:
   * consumers must redact and bound it before it is stored anywhere.
   */
  | (EventBase & {
      kind: 'faq';
      outcome: 'answered' | 'declined' | 'escalated' | 'not-helpful';
      entry?: string | undefined;
      question?: string | undefined;
    })
  /**
   * The satisfaction question was answered (`score` 1–5) or skipped (`score` absent); `dialogId` is the procedure
   * it followed (the root dialog when a handoff outside any procedure). `handoff`: it was asked after a handoff to
   * a person — a live chat that ended (`live`) or a callback request that was taken (`request`).
   */
  | (EventBase & {
      kind: 'satisfaction';
      score?: number | undefined;
      handoff?: 'live' | 'request' | undefined;
    });

/**
 * Outcomes the engine itself gives a dialog it takes off the stack (besides the end nodes' own):
 * - `stopped`: the customer chose やめる (stop), at any step;
 * - `restarted`: the customer chose 最初から (start over);
 * - `switched`: another entry point was started over it;
 * - `routed`: the menu handed over to the procedure a typed request named;
 * - `back`: the customer went back out of a sub-dialog;
 * - `expired`: idle for longer than the idle limit (noticed when the customer writes again);
 * - `tree-updated`: the dialog changed under the conversation and it started over;
 * - `safety-refusal`: a destructive call without its confirmation was refused;
 * - `failed`: the conversation's state no longer matched the tree (restarted at the menu).
 */
export const ENGINE_END_OUTCOMES = [
  'stopped',
  'restarted',
  'switched',
  'routed',
  'back',
  'expired',
  'tree-updated',
  'safety-refusal',
  'failed',
  'handoff',
] as const;
