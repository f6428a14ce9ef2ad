/**
 * How a dialog ended, in the funnel's terms (`AuditWhat.closure`, see entry.ts): one table from every outcome a
 * dialog can end with — its end nodes' outcomes (`dialogs/*`) and the engine's own (`ENGINE_END_OUTCOMES`) — to a
 * closure. An outcome missing here has no closure, and `test/audit-log/closure.test.ts` fails for every end node
 * of every registered dialog whose outcome is not mapped: a new outcome must be mapped deliberately.
 *
 * Success outcomes are `completed` only when the dialog (or a sub-dialog it ran) changed something in the backend
 * (`changed` on the event); otherwise they ended with nothing to change: `resolved` (the monthly plan told where to
 * go, a walkthrough finished, the menu's answer given, identity verified).
 */
import type { AuditWhat } from './entry.js';

export type Closure = NonNullable<AuditWhat['closure']>;

/** `done`: completed when something changed, else resolved. */
type Rule = Closure | 'done';

export const OUTCOME_CLOSURES: Readonly<Record<string, Rule>> = {
  // End nodes: the procedure did what it was for.
  completed: 'done',
  deleted: 'done',
  withdrawn: 'done',
  verified: 'done',
  started: 'done', // an agent session began
  ended: 'done', // an agent session ended
  // End nodes: ended with nothing to change.
  none: 'resolved', // no agent session to end
  exchange: 'resolved', // device exchange offered instead of deletion
  gone: 'resolved', // the device was already gone
  referred: 'resolved', // pointed to the partner / another procedure
  // The customer decided not to go on: declined a confirmation, kept the item, or chose やめる.
  cancelled: 'stopped',
  stopped: 'stopped',
  restarted: 'stopped',
  switched: 'stopped',
  back: 'stopped',
  routed: 'resolved', // the menu handed over to the procedure asked for (which has its own entries)
  handoff: 'handoff',
  expired: 'abandoned',
  failed: 'failed',
  refused: 'failed', // e.g. agent commands typed by a non-agent
  'safety-refusal': 'failed',
  'tree-updated': 'failed',
  unverified: 'unknown', // a write whose effect could not be confirmed
};

/** The closure of a dialog that ended with `outcome`; `undefined` for an outcome nobody mapped. */
export function closureOf(outcome: string, changed: boolean): Closure | undefined {
  const rule = Object.hasOwn(OUTCOME_CLOSURES, outcome) ? OUTCOME_CLOSURES[outcome] : undefined;
  if (rule === 'done') return changed ? 'completed' : 'resolved';
  return rule;
}
