/**
 * The `walkthrough` dialog: asks which self-service walkthrough the customer wants and runs it as a `sub`.
 * The chosen walkthrough says how it ended (and that the chat changed nothing), so the chooser ends silently.
 */
import type { Dialog } from '../../src/engine/tree/schema.js';
import { WALKTHROUGH_CSPS_CANCEL, WALKTHROUGH_CSPS_DRAFT } from './csps.js';
import { WALKTHROUGH_MIEMASU_DELETE, WALKTHROUGH_MIEMASU_WITHDRAW } from './miemasu.js';

export const WALKTHROUGH_CHOOSER = 'walkthrough';

/** Option id (clicked in the chooser) → the walkthrough dialog it runs. */
export const WALKTHROUGH_OPTIONS = {
  'miemasu-delete': WALKTHROUGH_MIEMASU_DELETE,
  'miemasu-withdraw': WALKTHROUGH_MIEMASU_WITHDRAW,
  'csps-cancel': WALKTHROUGH_CSPS_CANCEL,
  'csps-draft': WALKTHROUGH_CSPS_DRAFT,
} as const;

const entries = Object.entries(WALKTHROUGH_OPTIONS);

export const walkthroughChooserDialog: Dialog = {
  id: WALKTHROUGH_CHOOSER,
  version: 1,
  title: 'walkthrough.title',
  start: 'choose',
  nodes: {
    choose: {
      kind: 'ask',
      slot: 'walkthrough',
      prompt: 'walkthrough.choose',
      reprompt: 'walkthrough.choose.reprompt',
      input: {
        type: 'choice',
        options: entries.map(([option]) => ({
          id: option,
          label: `walkthrough.choose.${option}`,
          next: `run-${option}`,
        })),
      },
      next: 'finished',
    },
    ...Object.fromEntries(
      entries.map(([option, dialog]) => [
        `run-${option}`,
        { kind: 'sub', dialog, next: 'finished' } as const,
      ]),
    ),
    finished: { kind: 'end' },
  },
};
