/**
 * Test wiring for the みえますねっと dialogs: a small test-only menu as the root, the common identification
 * dialog, and fault injection (a chosen call of an operation answers with a given outcome instead of the sandbox).
 */
import { identifyBehaviour, identifyDialog } from '../../../dialogs/common/identify.js';
import { commonMessages } from '../../../dialogs/common/messages.js';
import { miemasuBehaviour, miemasuDialogs, miemasuMessages } from '../../../dialogs/miemasu/index.js';
import { mergeBehaviour } from '../../../src/engine/behaviour.js';
import type { OperationOutcome, OperationRegistry } from '../../../src/engine/operations.js';
import { mergeCatalogs } from '../../../src/engine/text/catalog.js';
import type { Dialog } from '../../../src/engine/tree/schema.js';
import { createTestBot, type TestBot } from '../../support/bot-harness.js';
import type { Transcript } from '../../support/transcript.js';

/** Root of the test bot: choose `delete` or `withdraw`, which start the two entry dialogs. */
const testMenu: Dialog = {
  id: 'test-menu',
  version: 1,
  title: 'test.menu.title',
  start: 'choose',
  nodes: {
    choose: {
      kind: 'ask',
      slot: 'task',
      prompt: 'test.menu.prompt',
      reprompt: 'test.menu.prompt',
      input: {
        type: 'choice',
        options: [
          { id: 'delete', label: 'test.menu.delete', next: 'runDelete' },
          { id: 'withdraw', label: 'test.menu.withdraw', next: 'runWithdraw' },
        ],
      },
      next: 'choose',
    },
    runDelete: { kind: 'sub', dialog: 'miemasu-delete-device', next: 'bye' },
    runWithdraw: { kind: 'sub', dialog: 'miemasu-withdraw', next: 'bye' },
    bye: { kind: 'end' },
  },
};

const testMessages = {
  ja: {
    'test.menu.title': 'テスト',
    'test.menu.prompt': 'ご用件をお選びください。',
    'test.menu.delete': '機器の削除',
    'test.menu.withdraw': '退会',
  },
  en: {
    'test.menu.title': 'Test',
    'test.menu.prompt': 'What can I help you with?',
    'test.menu.delete': 'Delete a device',
    'test.menu.withdraw': 'Withdraw',
  },
};

/** Instead of the sandbox, the `call`-th call (1-based) of `operation` answers `outcome`; `afterRunning`
 * first lets the sandbox do the work (an answer lost on the way back). */
export interface Fault {
  operation: string;
  call: number;
  outcome: OperationOutcome;
  afterRunning?: boolean;
}

export interface FaultyTranscript extends Transcript {
  faults?: Fault[];
}

function injectFaults(faults: readonly Fault[]) {
  return (operations: OperationRegistry): OperationRegistry => {
    const counts = new Map<string, number>();
    return Object.fromEntries(
      Object.entries(operations).map(([name, op]) => [
        name,
        {
          ...op,
          async run(args, ctx) {
            const count = (counts.get(name) ?? 0) + 1;
            counts.set(name, count);
            const fault = faults.find((f) => f.operation === name && f.call === count);
            if (!fault) return op.run(args, ctx);
            if (fault.afterRunning) await op.run(args, ctx);
            return fault.outcome;
          },
        },
      ]),
    );
  };
}

export const miemasuTestBundle = {
  dialogs: [testMenu, identifyDialog, ...miemasuDialogs],
  behaviour: mergeBehaviour(identifyBehaviour, miemasuBehaviour),
  catalogs: mergeCatalogs(commonMessages, miemasuMessages, testMessages),
  rootDialog: 'test-menu',
};

export function createMiemasuBot(
  options: { now?: string; faults?: readonly Fault[] } = {},
): Promise<TestBot> {
  return createTestBot({
    ...miemasuTestBundle,
    ...(options.now ? { now: options.now } : {}),
    ...(options.faults ? { decorateOperations: injectFaults(options.faults) } : {}),
  });
}
