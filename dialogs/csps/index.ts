/**
 * The cloud-service portal (CSPS) procedures: dialog `csps-cancel` (it starts with the shared `identify`
 * sub-dialog, which the composition root must load too), its named behaviour and its messages.
 */
import type { DialogBehaviour } from '../../src/engine/behaviour.js';
import type { Catalogs } from '../../src/engine/text/catalog.js';
import type { Dialog } from '../../src/engine/tree/schema.js';
import { cspsBehaviour as behaviour } from './behaviour.js';

export { createCspsBehaviour } from './behaviour.js';

import { cspsCancelDialog } from './cancel-dialog.js';
import { cspsMessages as messages } from './messages.js';

export { cspsCancelDialog } from './cancel-dialog.js';

export const cspsDialogs: Dialog[] = [cspsCancelDialog];
export const cspsBehaviour: DialogBehaviour = behaviour;
export const cspsMessages: Catalogs = messages;
