/**
 * Self-service walkthroughs: the portal steps of each seed procedure, one at a time (次へ / できない), for customers
 * who prefer to do it themselves. No backend calls, no identification. Dialog ids: `walkthrough` (the chooser,
 * an entry point), `walkthrough-miemasu-delete`, `walkthrough-miemasu-withdraw`, `walkthrough-csps-cancel`,
 * `walkthrough-csps-draft` (each also usable on its own, e.g. as a `sub`).
 */
import type { DialogBehaviour } from '../../src/engine/behaviour.js';
import type { Catalogs } from '../../src/engine/text/catalog.js';
import type { Dialog } from '../../src/engine/tree/schema.js';
import { walkthroughChooserDialog } from './chooser.js';
import { walkthroughCspsCancelDialog, walkthroughCspsDraftDialog } from './csps.js';
import { walkthroughMessages as messages } from './messages.js';
import { walkthroughMiemasuDeleteDialog, walkthroughMiemasuWithdrawDialog } from './miemasu.js';

export { WALKTHROUGH_CHOOSER, WALKTHROUGH_OPTIONS, walkthroughChooserDialog } from './chooser.js';
export {
  WALKTHROUGH_CSPS_CANCEL,
  WALKTHROUGH_CSPS_DRAFT,
  walkthroughCspsCancelDialog,
  walkthroughCspsDraftDialog,
} from './csps.js';
export {
  WALKTHROUGH_CHOICES,
  type WalkthroughDetour,
  type WalkthroughFact,
  type WalkthroughOptions,
  type WalkthroughStep,
  walkthroughDialog,
} from './generator.js';
export { CSPS_LOGIN_URL } from './messages-csps.js';
export {
  MIEMASU_EXCHANGE_GUIDE_URL,
  MIEMASU_LOGIN_URL,
  MIEMASU_PASSWORD_RESET_URL,
} from './messages-miemasu.js';
export {
  WALKTHROUGH_MIEMASU_DELETE,
  WALKTHROUGH_MIEMASU_WITHDRAW,
  walkthroughMiemasuDeleteDialog,
  walkthroughMiemasuWithdrawDialog,
} from './miemasu.js';

export const walkthroughDialogs: Dialog[] = [
  walkthroughChooserDialog,
  walkthroughMiemasuDeleteDialog,
  walkthroughMiemasuWithdrawDialog,
  walkthroughCspsCancelDialog,
  walkthroughCspsDraftDialog,
];
/** Walkthroughs need no behaviour in code: every edge and text is data. */
export const walkthroughBehaviour: DialogBehaviour = {};
export const walkthroughMessages: Catalogs = messages;
