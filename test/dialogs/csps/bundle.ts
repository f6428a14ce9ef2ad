/** The CSPS dialogs as the bot loads them: with the shared identification sub-dialog and its messages. */

import { identifyBehaviour, identifyDialog } from '../../../dialogs/common/identify.js';
import { commonMessages } from '../../../dialogs/common/messages.js';
import { cspsBehaviour, cspsDialogs, cspsMessages } from '../../../dialogs/csps/index.js';
import { mergeBehaviour } from '../../../src/engine/behaviour.js';
import { mergeCatalogs } from '../../../src/engine/text/catalog.js';
import type { TestBotOptions } from '../../support/bot-harness.js';

export const cspsBundle: TestBotOptions = {
  dialogs: [...cspsDialogs, identifyDialog],
  behaviour: mergeBehaviour(cspsBehaviour, identifyBehaviour),
  catalogs: mergeCatalogs(commonMessages, cspsMessages),
  rootDialog: 'csps-cancel',
};
