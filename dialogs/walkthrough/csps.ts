/**
 * Self-service walkthroughs of the Canon cloud service portal (seed 002, 解約申込ガイドブック ver.3.0): applying to
 * cancel HOME / Therefore Online / uniFLOW Online (steps 1–8) and the <付録>: withdrawing a draft change
 * application (変更お申込作成中) that blocks the cancellation.
 * Dialog ids: `walkthrough-csps-cancel`, `walkthrough-csps-draft`.
 */
import type { Dialog } from '../../src/engine/tree/schema.js';
import { type WalkthroughStep, walkthroughDialog } from './generator.js';

export const WALKTHROUGH_CSPS_CANCEL = 'walkthrough-csps-cancel';
export const WALKTHROUGH_CSPS_DRAFT = 'walkthrough-csps-draft';

const cancel = 'walkthrough.csps-cancel';
const draft = 'walkthrough.csps-draft';

function plainSteps(prefix: string, ids: readonly string[]): WalkthroughStep[] {
  return ids.map((id) => ({ id, prompt: `${prefix}.${id}`, trouble: `${prefix}.${id}.trouble` }));
}

const cancelSteps: WalkthroughStep[] = [
  ...plainSteps(cancel, ['step1', 'step2']),
  {
    id: 'step3',
    prompt: `${cancel}.step3`,
    trouble: `${cancel}.step3.trouble`,
    detour: { dialog: WALKTHROUGH_CSPS_DRAFT, label: `${cancel}.step3.detour` },
  },
  ...plainSteps(cancel, ['step4']),
  {
    id: 'step5',
    prompt: `${cancel}.step5`,
    trouble: `${cancel}.step5.trouble`,
    tone: 'warning',
    facts: [
      { label: `${cancel}.fact.effective-home.label`, text: `${cancel}.fact.effective-home` },
      { label: `${cancel}.fact.effective-therefore.label`, text: `${cancel}.fact.effective-therefore` },
      { label: `${cancel}.fact.minimum.label`, text: `${cancel}.fact.minimum` },
      { label: `${cancel}.fact.domain.label`, text: `${cancel}.fact.domain` },
    ],
  },
  ...plainSteps(cancel, ['step6', 'step7', 'step8']),
];

export const walkthroughCspsCancelDialog: Dialog = walkthroughDialog(
  WALKTHROUGH_CSPS_CANCEL,
  `${cancel}.title`,
  cancelSteps,
  { intro: `${cancel}.intro`, done: `${cancel}.done` },
);

export const walkthroughCspsDraftDialog: Dialog = walkthroughDialog(
  WALKTHROUGH_CSPS_DRAFT,
  `${draft}.title`,
  plainSteps(draft, ['step1', 'step2', 'step3', 'step4', 'step5']),
  { intro: `${draft}.intro`, done: `${draft}.done` },
);
