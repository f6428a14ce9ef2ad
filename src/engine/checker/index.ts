/**
 * The static checker: runs every rule over a set of dialogs. A dialog set with problems does not load.
 */
import { z } from 'zod';
import type { DialogBehaviour } from '../behaviour.js';
import type { OperationCatalog } from '../operations.js';
import type { Catalogs } from '../text/catalog.js';
import { type Dialog, dialogSchema } from '../tree/schema.js';
import { checkDisclosureBeforeWrite } from './disclosure.js';
import { formatProblem, type Problem } from './problem.js';
import { checkDestructiveCalls } from './safety.js';
import { checkMessages, checkReachability, checkReferences } from './structure.js';

export type { Problem } from './problem.js';
export { formatProblem } from './problem.js';

export interface CheckInput {
  dialogs: readonly unknown[];
  catalogs: Catalogs;
  operations: OperationCatalog;
  behaviour: DialogBehaviour;
}

/** Parses and checks dialogs; returns the parsed dialogs and every problem found. */
export function checkDialogs(input: CheckInput): { dialogs: Dialog[]; problems: Problem[] } {
  const dialogs: Dialog[] = [];
  const problems: Problem[] = [];
  for (const raw of input.dialogs) {
    const parsed = dialogSchema.safeParse(raw);
    if (parsed.success) dialogs.push(parsed.data);
    else {
      const id = typeof raw === 'object' && raw !== null && 'id' in raw ? String(raw.id) : '(unknown)';
      problems.push({ rule: 'schema', dialog: id, node: '-', message: z.prettifyError(parsed.error) });
    }
  }
  const byId = new Map<string, Dialog>();
  for (const dialog of dialogs) {
    if (byId.has(dialog.id)) {
      problems.push({ rule: 'schema', dialog: dialog.id, node: '-', message: 'dialog id is used twice' });
    }
    byId.set(dialog.id, dialog);
  }
  const ctx = {
    dialogs: byId,
    catalogs: input.catalogs,
    operations: input.operations,
    behaviour: input.behaviour,
  };
  for (const dialog of dialogs) {
    const references = checkReferences(dialog, ctx);
    problems.push(...references, ...checkMessages(dialog, input.catalogs));
    // Graph rules need resolvable references to say anything meaningful.
    if (references.length === 0)
      problems.push(
        ...checkReachability(dialog),
        ...checkDestructiveCalls(dialog, input.operations),
        ...checkDisclosureBeforeWrite(dialog, input.operations, byId),
      );
  }
  return { dialogs, problems };
}

export class DialogLoadError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`Dialogs failed the static check:\n${problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`);
    this.name = 'DialogLoadError';
  }
}

/** Like {@link checkDialogs} but throws {@link DialogLoadError} when anything is wrong: a broken tree does not load. */
export function loadDialogs(input: CheckInput): Dialog[] {
  const { dialogs, problems } = checkDialogs(input);
  if (problems.length > 0) throw new DialogLoadError(problems);
  return dialogs;
}
