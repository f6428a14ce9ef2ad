/**
 * `miemasu-monthly-plan`: tells a monthly-payment (月額支払い) customer that the annual-pack procedures are not
 * theirs and where to go (a person), and changes nothing. Outcomes: `handoff` (stack cleared) or `completed`.
 */
import type { Dialog } from '../../src/engine/tree/schema.js';

export const miemasuMonthlyPlanDialog: Dialog = {
  id: 'miemasu-monthly-plan',
  version: 1,
  title: 'miemasu.monthly.title',
  start: 'explain',
  nodes: {
    explain: {
      kind: 'ask',
      slot: 'monthlyNext',
      prompt: 'miemasu.monthly.explain',
      tone: 'warning',
      reprompt: 'miemasu.monthly.reprompt',
      input: {
        type: 'choice',
        options: [
          { id: 'person', label: 'miemasu.monthly.person', style: 'primary', next: 'toPerson' },
          { id: 'finish', label: 'miemasu.monthly.finish', next: 'done' },
        ],
      },
      next: 'done',
    },
    toPerson: { kind: 'handoff', reason: 'miemasu.monthly.handoff' },
    done: { kind: 'end', text: 'miemasu.monthly.done', outcome: 'completed' },
  },
};
