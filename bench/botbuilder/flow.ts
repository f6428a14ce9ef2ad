/**
 * The benchmark's cancellation flow written idiomatically with botbuilder-dialogs: one WaterfallDialog in a
 * DialogSet over ConversationState on MemoryStorage, with ChoicePrompt, TextPrompt and two ConfirmPrompts in the
 * Japanese locale, driven through botbuilder-core's TestAdapter. Same five user turns and same fake backend data
 * as the engine's flow (bench/flow/cancel-flow.ts).
 *
 * botbuilder-dialogs is not a dependency of the project (its install scripts fail here): `loadBotbuilder` loads it
 * from `bench/botbuilder/node_modules` (installed by the bench runner) with `createRequire`. Its types are not
 * installed either, so the few parts used are described structurally below; botbuilder-core's types come from the
 * project's own `botbuilder` dependency (the same 4.23 release).
 */
import { createRequire } from 'node:module';
import type * as core from 'botbuilder';
import { BENCH_CONTRACTS, type BenchContract } from '../flow/cancel-flow.js';

const requireHere = createRequire(new URL('./package.json', import.meta.url));

/** The result of running a dialog step (botbuilder-dialogs' `DialogTurnResult`). */
interface DialogTurnResult {
  status: string;
  result?: unknown;
}

interface FoundChoice {
  value: string;
  index: number;
}

interface PromptOptions {
  prompt: string;
  retryPrompt?: string;
  choices?: string[];
}

interface StepContext {
  readonly context: core.TurnContext;
  readonly result: unknown;
  readonly values: Record<string, unknown>;
  prompt(dialogId: string, options: PromptOptions): Promise<DialogTurnResult>;
  endDialog(result?: unknown): Promise<DialogTurnResult>;
}

interface DialogContext {
  continueDialog(): Promise<DialogTurnResult>;
  beginDialog(dialogId: string): Promise<DialogTurnResult>;
}

interface DialogSet {
  add(dialog: object): DialogSet;
  createContext(context: core.TurnContext): Promise<DialogContext>;
}

/** The parts of the `botbuilder-dialogs` module used here. */
interface DialogsModule {
  DialogSet: new (accessor: core.StatePropertyAccessor) => DialogSet;
  WaterfallDialog: new (id: string, steps: ((step: StepContext) => Promise<DialogTurnResult>)[]) => object;
  ChoicePrompt: new (id: string, validator?: undefined, defaultLocale?: string) => object;
  ConfirmPrompt: new (id: string, validator?: undefined, defaultLocale?: string) => object;
  TextPrompt: new (id: string) => object;
  DialogTurnStatus: { empty: string };
}

type CoreModule = typeof core;

export interface Botbuilder {
  core: CoreModule;
  dialogs: DialogsModule;
  /** The installed botbuilder-dialogs version. */
  version: string;
}

/** Loads botbuilder-core and botbuilder-dialogs from the bench's own install; throws when they are missing. */
export function loadBotbuilder(): Botbuilder {
  const dialogs = requireHere('botbuilder-dialogs') as DialogsModule;
  const coreModule = requireHere('botbuilder-core') as CoreModule;
  const pkg = requireHere('botbuilder-dialogs/package.json') as { version: string };
  return { core: coreModule, dialogs, version: pkg.version };
}

/** The fake backend of the botbuilder flow: the same contracts, and a log of cancellations. */
export interface BotbuilderBackend {
  listContracts(): Promise<BenchContract[]>;
  cancelContract(contractId: string, conversationId: string): Promise<void>;
  cancellations: { contractId: string; conversationId: string }[];
}

export function createBotbuilderBackend(): BotbuilderBackend {
  const cancellations: BotbuilderBackend['cancellations'] = [];
  return {
    cancellations,
    listContracts: async () => BENCH_CONTRACTS.map((c) => ({ ...c })),
    cancelContract: async (contractId, conversationId) => {
      cancellations.push({ contractId, conversationId });
    },
  };
}

const yen = new Intl.NumberFormat('ja-JP', { style: 'currency', currency: 'JPY' });

/**
 * Builds the bot: a TestAdapter whose logic continues the active dialog or begins the cancellation waterfall,
 * then saves the conversation state. `storage` is the MemoryStorage's backing object (key → JSON string).
 */
export function createBotbuilderBot(
  bb: Botbuilder,
  backend: BotbuilderBackend,
  memory: Record<string, string>,
) {
  const { core: c, dialogs: d } = bb;
  const conversationState = new c.ConversationState(new c.MemoryStorage(memory));
  const dialogState = conversationState.createProperty('dialogState');
  const dialogs = new d.DialogSet(dialogState);
  dialogs.add(new d.ChoicePrompt('choice', undefined, 'ja-jp'));
  dialogs.add(new d.TextPrompt('text'));
  dialogs.add(new d.ConfirmPrompt('confirm', undefined, 'ja-jp'));
  dialogs.add(
    new d.WaterfallDialog('cancel', [
      async (step) => {
        const contracts = await backend.listContracts();
        step.values.contracts = contracts;
        return step.prompt('choice', {
          prompt: '解約する契約をお選びください。',
          retryPrompt: '一覧からお選びください。',
          choices: contracts.map((contract) => contract.name),
        });
      },
      async (step) => {
        const found = step.result as FoundChoice;
        const contracts = step.values.contracts as BenchContract[];
        step.values.contract = contracts[found.index];
        return step.prompt('text', { prompt: '差し支えなければ、解約の理由をお聞かせください。' });
      },
      async (step) => {
        step.values.reason = step.result;
        const contract = step.values.contract as BenchContract;
        await step.context.sendActivity(
          [
            `「${contract.name}」を解約する前に、次の点をご確認ください。`,
            `解約日: ${contract.effectiveDate}`,
            `解約手数料（見込み）: ${yen.format(contract.earlyTerminationCharge)}`,
          ].join('\n'),
        );
        return step.prompt('confirm', {
          prompt:
            '最低利用期間内のため解約手数料がかかること、当月分は返金されないことをご了承いただけますか？',
        });
      },
      async (step) => {
        if (step.result !== true) {
          await step.context.sendActivity('解約を取りやめました。何も変更していません。');
          return step.endDialog();
        }
        const contract = step.values.contract as BenchContract;
        return step.prompt('confirm', { prompt: `「${contract.name}」を解約します。よろしいですか？` });
      },
      async (step) => {
        const contract = step.values.contract as BenchContract;
        if (step.result !== true) {
          await step.context.sendActivity('解約を取りやめました。何も変更していません。');
          return step.endDialog();
        }
        await backend.cancelContract(contract.id, step.context.activity.conversation.id);
        await step.context.sendActivity(`「${contract.name}」の解約を受け付けました。`);
        return step.endDialog();
      },
    ]),
  );

  const adapter = new c.TestAdapter(async (context: core.TurnContext) => {
    const dc = await dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === d.DialogTurnStatus.empty) await dc.beginDialog('cancel');
    await conversationState.saveChanges(context);
  });
  return { adapter, memory };
}

/** The five user messages (a button click in a Bot Framework channel arrives as its text). */
export const BOTBUILDER_TURNS: readonly string[] = [
  '解約したい',
  BENCH_CONTRACTS[0]?.name ?? '',
  '引っ越しのため',
  'はい',
  'はい',
];
