/**
 * Backend faults for transcripts, as `decorateOperations` wrappers around the real sandbox operations.
 */
import type { OperationOutcome, OperationRegistry } from '../../../src/engine/operations.js';

type Rewrite = (real: () => Promise<OperationOutcome>) => Promise<OperationOutcome>;

const UNREACHABLE: OperationOutcome = { ok: false, kind: 'unreachable', detail: 'test fault' };

/** Replaces how `operation` runs; every other operation is untouched. */
export function rewrite(operation: string, how: Rewrite): (ops: OperationRegistry) => OperationRegistry {
  return (ops) => {
    const original = ops[operation];
    if (!original) throw new Error(`No operation "${operation}" to break.`);
    return { ...ops, [operation]: { ...original, run: (args, ctx) => how(() => original.run(args, ctx)) } };
  };
}

/** The backend cannot be reached for `operation` (nothing happens there). */
export const unreachable = (operation: string) => rewrite(operation, async () => UNREACHABLE);

/** `operation` takes effect, but its answer is lost on the way back. */
export const lostAnswer = (operation: string) =>
  rewrite(operation, async (real) => {
    await real();
    return UNREACHABLE;
  });

/** `operation` answers, with its body changed by `change`. */
export const alteredAnswer = (
  operation: string,
  change: (data: Record<string, unknown>) => Record<string, unknown>,
) =>
  rewrite(operation, async (real) => {
    const outcome = await real();
    if (!outcome.ok || typeof outcome.data !== 'object' || outcome.data === null) return outcome;
    return { ok: true, data: change(outcome.data as Record<string, unknown>) };
  });
