/**
 * The fault-injection rig: the reference sandbox on a loopback port, the fault server in front of it, and the
 * full bot (`createBot`, procedure dialogs) pointed at the fault server through `BACKEND_URL`, with its fault
 * log captured line by line. The sandbox is the ground truth of what the backend did.
 */
import { procedureBundle } from '../../dialogs/index.js';
import { type Bot, type BotOptions, createBot } from '../../src/bot.js';
import { type ManualClock, manualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { builtinMessages } from '../../src/engine/text/builtin.js';
import { createTranslator } from '../../src/engine/text/catalog.js';
import type { Reply } from '../../src/engine/turn.js';
import { createSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { type Driver, driveEngine } from '../engine/harness.js';
import { DEFAULT_TEST_NOW } from '../support/bot-harness.js';
import { type FaultServer, startFaultServer } from '../support/fault-server.js';

export const CAMERA_CUSTOMER = 'camera-two@example.com';
export const CAMERA_CUSTOMER_ID = 'CUS-1001';
export const ALL_DEVICE_ACKS = ['no-refund', 'license-forfeit', 'data-loss'];
export const DEVICE_LIST = { method: 'GET', path: /^\/miemasu\/devices$/ };
export const DELETE_CAMERA_OA = { method: 'DELETE', path: /^\/miemasu\/devices\/DEV-0001$/ };
/** resilient-fetch's default number of attempts for a retryable request. */
export const CLIENT_ATTEMPTS = 3;

/** The engine's own Japanese messages, read from its catalog. */
const engineText = createTranslator(builtinMessages, 'ja');
export const ENGINE = {
  unknown: engineText.t('engine.outcome-unknown'),
  recovered: engineText.t('engine.outcome-recovered'),
  /** An answer that is not one the contract allows, to a read: "cannot show this now" (never "cannot connect"). */
  cannotShow: engineText.t('engine.answer-unusable'),
  internalError: engineText.t('engine.internal-error'),
};
/** The みえますねっと texts the tests look for (dialogs/miemasu/messages.ts, rendered for CameraOA). */
export const MIEMASU = {
  down: 'システムに接続できません',
  nothingChanged: '何も変更していません',
  final: '「CameraOA」（cameraoa.miemasu.example）を削除（解約）します。よろしいですか？',
  deleted: '「CameraOA」（cameraoa.miemasu.example）を削除（解約）しました',
  notDeleted: '機器は削除されていません',
};

/** The messages of the fault log's fault lines (src/bot.ts `logFaults`); anything else is not a fault line. */
export const FAULT_MESSAGES: ReadonlySet<string> = new Set([
  'backend unavailable',
  'backend call failed',
  'fault while handling a turn',
]);

/** The fault lines among `lines` (client retry notices and the like are not faults). */
export function faultLines(lines: readonly LogLine[]): LogLine[] {
  return lines.filter((line) => FAULT_MESSAGES.has(line.msg));
}

/** One line of the bot's fault log (pino JSON). */
export interface LogLine {
  level: number;
  msg: string;
  correlationId?: string;
  [field: string]: unknown;
}

export interface FaultRig {
  bot: Bot;
  sandbox: Sandbox;
  faults: FaultServer;
  clock: ManualClock;
  /** Every line the bot's fault log wrote, parsed. */
  log: LogLine[];
  /** The raw text of those lines. */
  rawLog: string[];
  /** A customer's conversation with the bot. */
  user(key?: string): Driver;
  codeFor(email: string): string;
  /** Device ids the sandbox still has for the customer. */
  devicesOf(customerId: string): string[];
  /** How many times the sandbox performed `operationId` on `target` (its audit has one entry per effect). */
  effects(operationId: string, target: string): number;
  close(): Promise<void>;
}

export interface RigOptions {
  /** The client's per-attempt timeout (BACKEND_TIMEOUT_MS). */
  timeoutMs?: number;
  /** Keep conversations (and receipts, sessions…) in this Redis instead of memory. */
  redisUrl?: string;
  /** Extra engine-event handler (after the receipt recorder); a throw is a fault of our own. */
  onEvent?: BotOptions['onEvent'];
}

export async function startFaultRig(options: RigOptions = {}): Promise<FaultRig> {
  const clock = manualClock(DEFAULT_TEST_NOW);
  const sandbox = await createSandbox({ store: 'memory', clock, seed: true });
  const { url } = await sandbox.listen(0, '127.0.0.1');
  const faults = await startFaultServer(url);
  const log: LogLine[] = [];
  const rawLog: string[] = [];
  const config = loadConfig({
    ...(options.redisUrl ? { STORE: 'redis', REDIS_URL: options.redisUrl } : { STORE: 'memory' }),
    BACKEND_URL: faults.url,
    BACKEND_TIMEOUT_MS: String(options.timeoutMs ?? 400),
    LOG_LEVEL: 'info',
  });
  const bot = await createBot(config, {
    bundle: procedureBundle(),
    clock,
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    logDestination: {
      write(line: string) {
        rawLog.push(line);
        log.push(JSON.parse(line) as LogLine);
      },
    },
  });
  let users = 0;
  return {
    bot,
    sandbox,
    faults,
    clock,
    log,
    rawLog,
    user(key) {
      users += 1;
      return driveEngine(bot.engine, {
        conversationKey: key ?? `faults:user-${users}`,
        actor: { kind: 'customer', id: `fault-user-${users}` },
        channel: 'test',
      });
    },
    codeFor(email) {
      const mail = sandbox.outbox.filter((m) => m.to === email).at(-1);
      if (!mail) throw new Error(`The sandbox mailed no code to ${email}`);
      return mail.code;
    },
    devicesOf(customerId) {
      return sandbox
        .snapshot()
        .devices.filter((d) => d.customerId === customerId)
        .map((d) => d.deviceId);
    },
    effects(operationId, target) {
      return sandbox.snapshot().audit.filter((e) => e.operationId === operationId && e.target === target)
        .length;
    },
    async close() {
      await bot.close();
      await faults.close();
      await sandbox.close();
    },
  };
}

/** こんにちは → delete a device → e-mail: the bot now waits for the one-time code. */
export async function startDeletion(user: Driver): Promise<void> {
  await user.say('こんにちは');
  await user.click('miemasu-delete');
  await user.say(CAMERA_CUSTOMER);
}

/** From the code to the final confirmation of deleting CameraOA. */
export async function toFinalConfirmation(rig: FaultRig, user: Driver): Promise<void> {
  await startDeletion(user);
  await user.say(rig.codeFor(CAMERA_CUSTOMER));
  await user.click('DEV-0001');
  await user.click('delete');
  await user.tick(ALL_DEVICE_ACKS);
  if (!user.lastText().includes(MIEMASU.final))
    throw new Error(`Expected the final confirmation, got: ${user.lastText()}`);
}

/**
 * What a customer must never see: stack traces, exception names, raw transport or HTTP error text.
 * Returns the offending fragments (empty when the replies are clean).
 */
export function rawErrorText(replies: readonly Reply[]): string[] {
  const text = replies.map((r) => r.text).join('\n');
  const patterns = [
    /\bat .+:\d+:\d+/,
    /Error\b/,
    /ECONN\w+/,
    /\bHTTP \d{3}\b/,
    /\b(?:429|500|502|503|504)\b/,
    /timeout|timed out/i,
    /undefined|null|NaN|\[object/,
    /JSON/,
    /redis/i,
    /Injected fault/,
  ];
  return patterns.flatMap((pattern) => text.match(pattern) ?? []);
}

/** What every answer to a fault must be: there at all, in polite Japanese (です・ます), without raw error text. */
export function politeProblems(replies: readonly Reply[]): string[] {
  const problems = rawErrorText(replies).map((fragment) => `raw error text: ${fragment}`);
  const text = replies.map((r) => r.text).join('\n');
  if (!/(です|ます|ません|ください)。/.test(text)) problems.push(`not polite Japanese: ${text}`);
  if (replies.length === 0) problems.push('no answer at all');
  return problems;
}
