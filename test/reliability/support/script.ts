/**
 * One customer's conversation as the reliability tests drive it: builds Turns the way a channel does (choices,
 * ticks and typed phrases echo the state version of the last reply the user saw) and sends them to any bot, in
 * process or in a child process. The last replies belong to the user's screen, not to a bot instance, so they
 * carry over when the bot behind the conversation is replaced.
 */

import { builtinMessages } from '../../../src/engine/text/builtin.js';
import { createTranslator } from '../../../src/engine/text/catalog.js';
import type { Actor, Reply, Turn, TurnInput } from '../../../src/engine/turn.js';
import { replyText } from '../../engine/harness.js';

/** The demo customers (docs/sandbox-demo-data.md) and what they have. */
export const CAMERA_CUSTOMER = 'camera-two@example.com';
export const PORTAL_CUSTOMER = 'portal@example.com';
export const T0 = '2026-11-23T10:00:00+09:00';

/** A fixed instant `ms` after `T0`, as BOT_NOW accepts it. */
export function afterT0(ms: number): string {
  return new Date(Date.parse(T0) + ms).toISOString();
}

/** The engine's own Japanese messages, read from its catalog (never copied into tests). */
const engineText = createTranslator(builtinMessages, 'ja');
export const ENGINE = {
  recovered: engineText.t('engine.outcome-recovered'),
  inFlight: engineText.t('engine.pending-in-flight'),
  unknown: engineText.t('engine.outcome-unknown'),
  stale: engineText.t('engine.stale'),
  busy: engineText.t('engine.busy'),
  internalError: engineText.t('engine.internal-error'),
};

export type Step =
  | { say: string }
  | { click: string }
  | { tick: string[] }
  /** Types the one-time code the sandbox mailed to this address. */
  | { code: string };

/** こんにちは → delete a device → identify → CameraOA → delete → every acknowledgement → confirm → こんにちは. */
export const DEVICE_DELETION: readonly Step[] = [
  { say: 'こんにちは' },
  { click: 'miemasu-delete' },
  { say: CAMERA_CUSTOMER },
  { code: CAMERA_CUSTOMER },
  { click: 'DEV-0001' },
  { click: 'delete' },
  { tick: ['no-refund', 'license-forfeit', 'data-loss'] },
  { click: 'confirm' },
  { say: 'こんにちは' },
];
/** Index of the final confirmation in DEVICE_DELETION. */
export const DEVICE_CONFIRM_STEP = 7;

/** こんにちは → cancel a portal contract → identify → HMMH061530 → reason → domain → acknowledgements → confirm. */
export const PORTAL_CANCELLATION: readonly Step[] = [
  { say: 'こんにちは' },
  { click: 'csps-cancel' },
  { say: PORTAL_CUSTOMER },
  { code: PORTAL_CUSTOMER },
  { click: 'HMMH061530' },
  { click: 'cost' },
  { click: 'transfer' },
  // Invariant 10: the terms are shown before the draft is created, acknowledged once, for the application.
  { click: 'proceed' },
  { tick: ['service-termination', 'minimum-term-charge'] },
  { click: 'confirm' },
  { say: 'こんにちは' },
];

/** Texts of the device deletion's outcome (dialogs/miemasu messages as rendered for CameraOA). */
export const DEVICE_DELETED = '「CameraOA」（cameraoa.miemasu.example）を削除（解約）しました';
export const DEVICE_VERIFIED_GONE = '機器一覧から「CameraOA」がなくなったことを確認しました';
export const OTHER_DEVICES_KEPT = 'ほかに登録されている機器はそのままです';

export type Send = (turn: Turn) => Promise<Reply[]>;

export interface Conversation {
  readonly key: string;
  /** The replies the user sees now (the last answer of any bot). */
  last: Reply[];
  /** The turn `step` would send now (without sending it). */
  turnFor(input: TurnInput, id?: string): Turn;
  /** Builds the input of a script step; `code` steps ask `codes` for the mailed code. */
  inputFor(step: Step, codes: (email: string) => Promise<string> | string): Promise<TurnInput>;
  /** Sends `input` through `send` and remembers the replies as what the user sees. */
  send(send: Send, input: TurnInput, id?: string): Promise<Reply[]>;
  text(): string;
}

export function conversation(
  key: string,
  actor: Actor = { kind: 'customer', id: 'reliability-user' },
): Conversation {
  const version = (replies: Reply[]): number => replies.at(-1)?.stateVersion ?? 0;
  const convo: Conversation = {
    key,
    last: [],
    turnFor(input, id) {
      return {
        conversationKey: key,
        channel: 'test',
        actor,
        locale: 'ja',
        input,
        ...(id === undefined ? {} : { id }),
      };
    },
    async inputFor(step, codes) {
      const stateVersion = version(convo.last);
      if ('say' in step) return { kind: 'text', text: step.say };
      if ('click' in step) return { kind: 'choice', choiceId: step.click, stateVersion };
      if ('tick' in step) return { kind: 'acknowledge', ackIds: step.tick, stateVersion };
      return { kind: 'text', text: await codes(step.code) };
    },
    async send(send, input, id) {
      convo.last = await send(convo.turnFor(input, id));
      return convo.last;
    },
    text: () => replyText(convo.last),
  };
  return convo;
}

/** What a user sees of replies, with the one value that is random per run (receipt numbers) masked. */
export function visible(replies: readonly Reply[]): unknown[] {
  const mask = (text: string) => text.replace(/RC-[0-9A-Z]+/g, 'RC-*');
  return replies.map((reply) => ({
    text: mask(reply.text),
    tone: reply.tone,
    stateVersion: reply.stateVersion,
    facts: reply.facts?.map((f) => ({ label: f.label, value: mask(f.value) })),
    choices: reply.choices?.map((c) => `${c.id}:${c.label}:${c.style}`),
    acknowledgements: reply.acknowledgements?.map((a) => `${a.id}:${a.label}`),
    typedConfirmation: reply.typedConfirmation,
  }));
}
