/**
 * The dashboard's numbers, computed by SQL from the summary of the audit trail (`src/audit-log/summary.ts`, kept
 * by triggers as entries are written, following the entry contract in `src/audit-log/entry.ts`), with the same
 * answers on SQLite and PostgreSQL. One file per query; this file is their index.
 *
 * Definitions (docs/operations.md explains them to operators):
 * - **procedure runs**: only `dialog-started` / `dialog-ended` entries with `what.run = procedure` (or no `run`,
 *   written before it existed) are runs of the funnel: the menu and sub-dialogs (identification, the deletion of
 *   one device inside a camera deletion) are not procedures a customer came for, so a camera deletion started once
 *   is one started. A sub-dialog's steps (`disclosure-shown`, `acknowledged`, `confirmed`) count for the procedure
 *   they ran in (`what.procedure`), and the procedure filter selects them with it.
 * - **started**: `dialog-started` entries of the procedure (`dialogId`).
 * - **steps**: per confirm node, `disclosure-shown` entries; per acknowledgement id, `acknowledged` entries; per
 *   node, `confirmed` entries.
 * - **completed**: `dialog-ended` with `closure = completed` in a conversation where an `action` succeeded
 *   (`result = ok`) at or before that end. A `completed` closure without such an action is counted as
 *   **unknown** (claimed but not shown by the trail).
 * - **resolved / stopped / abandoned / handoff / failed / unknown**: `dialog-ended` entries by closure.
 *   Abandoned (idle expiry) is its own count and is never part of resolved or completed. A run with no
 *   `dialog-ended` (the customer never came back, so no expiry was recorded) counts as abandoned once its start is
 *   older than the idle limit (`filters.idle`), else as **in progress** (its own count, in no other).
 * - **handed off live / request**: `handoff` entries of the procedure by kind (`claimed` is not a new handoff).
 * - **contained**: completed in a conversation with no `handoff` entry in the window (a person took no part);
 *   **containment** = contained ÷ started; **abandonment rate** = abandoned ÷ started.
 *
 * Every filter (window, channel, procedure, language) selects the entries counted; "an ok action" and "any
 * handoff" are looked up in the whole window (an action or handoff of a sub-procedure counts for its parent).
 * No output holds a customer id, an actor id or a conversation digest: only counts, procedure and node names,
 * consequence ids, days, scores and redacted declined FAQ questions.
 */
export { choices } from './choices.js';
export { daily } from './daily.js';
export { dashboard } from './dashboard.js';
export { faq } from './faq.js';
export { funnel } from './funnel.js';
export { satisfaction } from './satisfaction.js';
export type {
  Dashboard,
  DayPoint,
  FaqSummary,
  FilterChoices,
  FunnelStep,
  ProcedureFunnel,
  Satisfaction,
} from './types.js';
