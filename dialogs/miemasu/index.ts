/**
 * The みえますねっと annual-pack dialogs: delete (cancel) a device, withdraw from the annual pack, and their
 * sub-dialogs. Dialog ids: `miemasu-delete-device`, `miemasu-withdraw` (entry points), `miemasu-delete-one`,
 * `miemasu-monthly-plan` (sub-dialogs). They need the common `identify` dialog and its behaviour/messages.
 */
import type { DialogBehaviour } from '../../src/engine/behaviour.js';
import type { Catalogs } from '../../src/engine/text/catalog.js';
import type { Dialog } from '../../src/engine/tree/schema.js';
import { miemasuSharedBehaviour } from './behaviour.js';
import { miemasuDeleteDeviceDialog } from './delete-device.js';
import { miemasuDeleteOneDialog } from './delete-one.js';
import { miemasuMessages as messages } from './messages.js';
import { miemasuMonthlyPlanDialog } from './monthly-plan.js';
import { miemasuWithdrawDialog } from './withdraw.js';

export { miemasuDeleteDeviceDialog } from './delete-device.js';
export { miemasuDeleteOneDialog } from './delete-one.js';
export { MIEMASU_EXCHANGE_URL } from './messages.js';
export { miemasuMonthlyPlanDialog } from './monthly-plan.js';
export { miemasuWithdrawDialog } from './withdraw.js';

export const miemasuDialogs: Dialog[] = [
  miemasuDeleteDeviceDialog,
  miemasuDeleteOneDialog,
  miemasuWithdrawDialog,
  miemasuMonthlyPlanDialog,
];
export const miemasuBehaviour: DialogBehaviour = miemasuSharedBehaviour;
export const miemasuMessages: Catalogs = messages;
