/**
 * Test wiring for the walkthroughs: the five walkthrough dialogs with the chooser `walkthrough` as root, the real
 * desk contacts (desks and hours), and a builder for the "every step, every trouble" part of a transcript.
 */
import {
  walkthroughBehaviour,
  walkthroughDialogs,
  walkthroughMessages,
} from '../../../dialogs/walkthrough/index.js';
import { createDeskContacts } from '../../../src/calendar/desk-contacts.js';
import { createTestBot, type TestBot } from '../../support/bot-harness.js';
import type { TranscriptStep } from '../../support/transcript.js';

export const walkthroughBundle = {
  dialogs: walkthroughDialogs,
  behaviour: walkthroughBehaviour,
  catalogs: walkthroughMessages,
  rootDialog: 'walkthrough',
  deskContacts: createDeskContacts([]),
};

export function createWalkthroughBot(): Promise<TestBot> {
  return createTestBot(walkthroughBundle);
}

/** What the bot must say at one step: its instructions, and its troubleshooting text after 「できない」. */
export interface StepExpectation {
  prompt: string[];
  trouble: string[];
  /** Extra choice ids the trouble menu offers (e.g. `detour`). */
  troubleChoices?: string[];
}

/**
 * For each step (the first one already on screen): 「できない」 → its trouble text and the recovery menu,
 * 「この手順をもう一度試す」 → the same step again, 「次へ」 → the next step (or `done` after the last one).
 * Nothing may reach the backend at any point.
 */
export function everyStepWithTrouble(steps: readonly StepExpectation[], done: string[]): TranscriptStep[] {
  return steps.flatMap((step, index) => [
    {
      click: 'cannot',
      expect: {
        contains: [...step.trouble, 'どうなさいますか'],
        choices: ['retry', 'contact', 'stop', ...(step.troubleChoices ?? [])],
        noCalls: true,
      },
    },
    { click: 'retry', expect: { contains: step.prompt, choices: ['next', 'cannot'], noCalls: true } },
    {
      click: 'next',
      expect: { contains: steps[index + 1]?.prompt ?? done, noCalls: true },
    },
  ]);
}
