/**
 * Every dialog the bot runs, with their named behaviour and messages: the one place a procedure is registered.
 */

import { loadOperationCatalog } from '../src/backend/operation-metadata.js';
import type { DialogBundle } from '../src/bot.js';
import type { Closure } from '../src/calendar/closures.js';
import { createDeskContacts } from '../src/calendar/desk-contacts.js';
import { AGENT_OPERATION_METADATA } from '../src/channels/agent-operations.js';
import { mergeBehaviour } from '../src/engine/behaviour.js';
import type { OperationCatalog } from '../src/engine/operations.js';
import { mergeCatalogs } from '../src/engine/text/catalog.js';
import type { Dialog } from '../src/engine/tree/schema.js';
import { createFaqAnswerer } from '../src/faq/answerer.js';
import { createFaq } from '../src/faq/faq.js';
import { RECEIPT_OPERATION_METADATA } from '../src/receipts/operations.js';
import { agentMessages } from './common/agent-messages.js';
import { agentModeBehaviour, agentModeDialogs } from './common/agent-mode.js';
import { identifyBehaviour, identifyDialog } from './common/identify.js';
import { menuBehaviour, menuDialog } from './common/menu.js';
import { commonMessages } from './common/messages.js';
import { requestRouter } from './common/router.js';
import { createCspsBehaviour, cspsDialogs, cspsMessages } from './csps/index.js';
import { FAQ_ENTRIES } from './faq/entries.js';
import { miemasuBehaviour, miemasuDialogs, miemasuMessages } from './miemasu/index.js';
import { walkthroughBehaviour, walkthroughDialogs, walkthroughMessages } from './walkthrough/index.js';

/** The procedures' dialogs (without the menu), for tools such as the checker, the graph and coverage reports. */
export const procedureDialogs: Dialog[] = [
  identifyDialog,
  ...agentModeDialogs,
  ...miemasuDialogs,
  ...cspsDialogs,
  ...walkthroughDialogs,
];

/** Dialogs a channel may start directly (home-tab buttons, slash commands): `Turn.input.kind === 'start'`. */
export const ENTRY_POINTS = [
  'menu',
  'miemasu-delete-device',
  'miemasu-withdraw',
  'csps-cancel',
  'walkthrough',
  'agent-session',
  'agent-end',
];

export interface ProcedureOptions {
  /**
   * The operator's closure days (`BOT_CLOSURES`; empty by default: the sources name none). Every "open now" line
   * — the desk contacts, the contact rows inside the procedures — is judged on this one calendar, with weekends and
   * Japanese public holidays built in.
   */
  closures?: readonly Closure[];
}

/**
 * Safety metadata of every operation the dialogs may call: the backend spec's plus the local ones (receipt reads,
 * agent sessions).
 */
export function botOperationCatalog(): OperationCatalog {
  return { ...loadOperationCatalog(), ...RECEIPT_OPERATION_METADATA, ...AGENT_OPERATION_METADATA };
}

/** The bot's dialogs: the menu as root, identification, the procedures, FAQ, routing and desk contacts. */
export function procedureBundle(options: ProcedureOptions = {}): DialogBundle {
  const faq = createFaqAnswerer(createFaq(FAQ_ENTRIES));
  return {
    dialogs: [menuDialog, ...procedureDialogs],
    rootDialog: 'menu',
    entryPoints: [...ENTRY_POINTS],
    behaviour: mergeBehaviour(
      identifyBehaviour,
      agentModeBehaviour,
      menuBehaviour((text, locale) => faq.answer(text, locale)),
      miemasuBehaviour,
      createCspsBehaviour(options.closures ?? []),
      walkthroughBehaviour,
    ),
    catalogs: mergeCatalogs(
      commonMessages,
      agentMessages,
      miemasuMessages,
      cspsMessages,
      walkthroughMessages,
    ),
    router: requestRouter,
    faq,
    deskContacts: createDeskContacts(options.closures ?? []),
  };
}
