/**
 * Self-service walkthroughs of the みえますねっと portal (seed 000): deleting (cancelling) a registered device and
 * withdrawing from the annual pack, step numbers and button names as the customer guide writes them.
 * Dialog ids: `walkthrough-miemasu-delete`, `walkthrough-miemasu-withdraw`.
 */
import type { Dialog } from '../../src/engine/tree/schema.js';
import { type WalkthroughStep, walkthroughDialog } from './generator.js';

export const WALKTHROUGH_MIEMASU_DELETE = 'walkthrough-miemasu-delete';
export const WALKTHROUGH_MIEMASU_WITHDRAW = 'walkthrough-miemasu-withdraw';

const shared = 'walkthrough.miemasu';
const del = 'walkthrough.miemasu-delete';
const wd = 'walkthrough.miemasu-withdraw';

/** STEP1–STEP3 are the same in both procedures: open the login site on a PC, log in, press [設定]. */
const loginSteps: WalkthroughStep[] = ['step1', 'step2', 'step3'].map((id) => ({
  id,
  prompt: `${shared}.${id}`,
  trouble: `${shared}.${id}.trouble`,
}));

const deleteSteps: WalkthroughStep[] = [
  ...loginSteps,
  { id: 'step4', prompt: `${del}.step4`, trouble: `${del}.step4.trouble` },
  { id: 'step5', prompt: `${del}.step5`, trouble: `${del}.step5.trouble` },
  {
    id: 'step6',
    prompt: `${del}.step6`,
    trouble: `${del}.step6.trouble`,
    tone: 'warning',
    facts: [
      { label: `${del}.fact.refund.label`, text: `${del}.fact.refund` },
      { label: `${del}.fact.license.label`, text: `${del}.fact.license` },
      { label: `${del}.fact.data.label`, text: `${del}.fact.data` },
      { label: `${del}.fact.exchange.label`, text: `${del}.fact.exchange` },
    ],
  },
  { id: 'step7', prompt: `${del}.step7`, trouble: `${del}.step7.trouble` },
];

export const walkthroughMiemasuDeleteDialog: Dialog = walkthroughDialog(
  WALKTHROUGH_MIEMASU_DELETE,
  `${del}.title`,
  deleteSteps,
  { intro: `${del}.intro`, done: `${del}.done` },
);

const withdrawSteps: WalkthroughStep[] = [
  {
    id: 'before',
    prompt: `${wd}.before`,
    trouble: `${wd}.before.trouble`,
    nextLabel: `${wd}.before.all-deleted`,
    cannotLabel: `${wd}.before.devices-remain`,
    detour: { dialog: WALKTHROUGH_MIEMASU_DELETE, label: `${wd}.before.detour` },
  },
  ...loginSteps,
  { id: 'step4', prompt: `${wd}.step4`, trouble: `${wd}.step4.trouble` },
  { id: 'step5', prompt: `${wd}.step5`, trouble: `${wd}.step5.trouble` },
  {
    id: 'step6',
    prompt: `${wd}.step6`,
    trouble: `${wd}.step6.trouble`,
    tone: 'warning',
    facts: [
      { label: `${wd}.fact.contractor.label`, text: `${wd}.fact.contractor` },
      { label: `${wd}.fact.devices.label`, text: `${wd}.fact.devices` },
    ],
  },
  { id: 'step7', prompt: `${wd}.step7`, trouble: `${wd}.step7.trouble` },
];

export const walkthroughMiemasuWithdrawDialog: Dialog = walkthroughDialog(
  WALKTHROUGH_MIEMASU_WITHDRAW,
  `${wd}.title`,
  withdrawSteps,
  { intro: `${wd}.intro`, done: `${wd}.done` },
);
