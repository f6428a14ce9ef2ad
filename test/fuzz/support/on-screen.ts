/**
 * What the question-on-screen property checks after each input, whatever channel's real adapter carried it
 * (LINE: line-screen.ts; web, Slack, Teams, terminal: channel-screen.ts): every destructive backend call made
 * while handling the input is either the bot withdrawing what it created itself in this conversation (invariant 10's
 * compensation) or comes from an input that answered exactly the confirmation on screen (`answered`, decided by
 * the channel's model) after every declared consequence was acknowledged in this conversation, for the item that
 * was confirmed, with the recorded times in order (each acknowledgement ≤ the confirmation ≤ the call).
 * Fails the property (an `expect`) otherwise.
 */
import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';
import { botOperationCatalog } from '../../../dialogs/index.js';
import type { FuzzBot } from './fuzz-bot.js';

const CATALOG = botOperationCatalog();

/** The words the model's users type, shared by every channel's commands. */
export const WORDS = {
  emails: ['camera-two@example.com', 'camera-empty@example.com', 'portal@example.com'],
  starts: ['カメラを削除したい', 'ポータルの契約を解約したい', '退会したい', 'こんにちは'],
  unclear: ['えーと', 'うーん', 'んー', 'なるほど'],
  /** Three in a row bring the escape prompt. */
  threeUnclear: ['えーと', 'うーん', 'んー'],
  yesNo: ['はい', 'いいえ', 'yes', 'OK', 'お願いします'],
  numbers: ['1', '2', '3', '1 2 3', '１'],
  ways: ['ヘルプ', '戻る', 'やめる', '担当者', 'english', '日本語', '最初から'],
} as const;

export interface OnScreenStats {
  destructive: number;
  compensations: number;
}

export interface TurnWindow {
  bot: FuzzBot;
  conversationKey: string;
  /** `bot.calls.length` and `bot.events.length` before the input was delivered. */
  callsBefore: number;
  eventsBefore: number;
  /** Whether the input answered exactly the confirmation on screen (the channel model's judgement). */
  answered: boolean;
  /** Consequence ids the model saw acknowledged in this conversation before the input. */
  acknowledged: ReadonlySet<string>;
  /** Describes the input and the screen, for failure messages. */
  describe: (operation: string) => string;
  stats: OnScreenStats;
}

export function isDestructive(operation: string): boolean {
  return CATALOG[operation]?.destructive === true;
}

/** Checks every destructive call made since `callsBefore` (see the module comment). */
export function checkDestructiveCalls(window: TurnWindow): void {
  const { bot, conversationKey, callsBefore, eventsBefore, stats } = window;
  const destructive = bot.calls.slice(callsBefore).filter((c) => isDestructive(c.operation));
  for (const call of destructive) {
    stats.destructive += 1;
    // Invariant 10's compensation: the bot withdrawing what it created itself in this conversation, on a way
    // out (stop, decline, start over, another procedure), with no confirmation of its own (checker/safety.ts).
    const turnEvents = bot.events.slice(eventsBefore).map((e) => e.event);
    const undone = turnEvents.find(
      (e) =>
        e.kind === 'call-completed' &&
        e.operation === call.operation &&
        e.confirmation === undefined &&
        isDeepStrictEqual(e.args, call.args),
    );
    if (undone?.kind === 'call-completed') {
      const created = bot.events
        .slice(0, eventsBefore)
        .some(
          ({ event: e }) =>
            e.kind === 'call-completed' &&
            e.conversationKey === conversationKey &&
            e.outcome.ok &&
            isDeepStrictEqual(e.outcome.data, undone.target ?? null),
        );
      expect(created, `${call.operation} without a confirmation, of an item the bot did not create`).toBe(
        true,
      );
      stats.compensations += 1;
      continue;
    }
    const what = window.describe(call.operation);
    expect(window.answered, `not the confirmation on screen: ${what}`).toBe(true);
    const needed = CATALOG[call.operation]?.consequences ?? [];
    for (const consequence of needed)
      expect(window.acknowledged.has(consequence), `${consequence} never acknowledged: ${what}`).toBe(true);
    const events = bot.events.slice(eventsBefore).map((e) => e.event);
    const confirmed = events.findLast((e) => e.kind === 'confirmed');
    const completed = events.find((e) => e.kind === 'call-completed' && e.operation === call.operation);
    if (confirmed?.kind !== 'confirmed' || completed?.kind !== 'call-completed')
      throw new Error(`no confirmation recorded in the turn of ${what}`);
    expect(isDeepStrictEqual(confirmed.targetValue, completed.target ?? null), `another item: ${what}`).toBe(
      true,
    );
    const acks = confirmed.record.acknowledgements;
    for (const consequence of needed) expect(acks.map((a) => a.id)).toContain(consequence);
    const times = [
      ...acks.map((a) => Date.parse(a.acknowledgedAt)),
      Date.parse(confirmed.record.confirmedAt),
      Date.parse(completed.sentAt),
    ];
    expect(
      [...times].sort((a, b) => a - b),
      `times out of order: ${what}`,
    ).toEqual(times);
  }
}

/** Consequence ids that a typed number list ("1 3", "１") ticks among the items `listed`, in order. */
export function typedTicks(text: string, listed: readonly string[]): string[] {
  const typed = text.normalize('NFKC');
  if (!/^[\d\s]+$/.test(typed)) return [];
  return [...typed.matchAll(/\d+/g)].flatMap((m) => listed[Number(m[0]) - 1] ?? []);
}
