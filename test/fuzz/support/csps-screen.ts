/**
 * Drives the csps cancellation by what is on screen, not by the dialog's node names or order: a customer who goes
 * on ticks every acknowledgement shown and otherwise picks the first of their preferred choices that is on screen,
 * until the screen is the final confirmation of the submission (a `confirm` choice, no acknowledgement left, naming
 * the application number `R-…` it submits). A confirmation that names no application (the disclosure before the
 * draft is created, invariant 10) is confirmed and the drive goes on.
 */
import { CONFIRM_CHOICE } from '../../../src/engine/text/reserved.js';
import type { Reply } from '../../../src/engine/turn.js';
import type { Driver } from '../../engine/harness.js';

const MAX_SCREENS = 16;

/** The last reply: the question on screen. */
const onScreen = (replies: readonly Reply[]): Reply | undefined => replies.at(-1);

/** Whether the screen is a confirmation (a `confirm` button, nothing left to tick). */
function isConfirmation(replies: readonly Reply[]): boolean {
  const screen = onScreen(replies);
  return (
    (screen?.acknowledgements ?? []).length === 0 &&
    (screen?.choices ?? []).some((choice) => choice.id === CONFIRM_CHOICE)
  );
}

const APPLICATION_NUMBER = /R-\d{8}-\d{6}/;

/** Whether the screen is the final confirmation of the submission: a confirmation naming the application. */
export function isFinalConfirmation(replies: readonly Reply[]): boolean {
  return isConfirmation(replies) && replies.some((reply) => APPLICATION_NUMBER.test(reply.text ?? ''));
}

/**
 * Answers screens until a final confirmation is on screen. `prefer`: choice ids in order of preference (a
 * contract number, a reason, a domain disposition, `withdraw`…). Throws, naming the screen, when a screen offers
 * none of them.
 */
export async function answerUntilFinal(user: Driver, prefer: readonly string[]): Promise<void> {
  for (let screens = 0; screens < MAX_SCREENS; screens++) {
    if (isFinalConfirmation(user.last)) return;
    if (isConfirmation(user.last)) {
      await user.click(CONFIRM_CHOICE);
      continue;
    }
    const screen = onScreen(user.last);
    const acks = (screen?.acknowledgements ?? []).map((ack) => ack.id);
    if (acks.length > 0) {
      await user.tick(acks);
      continue;
    }
    const offered = new Set((screen?.choices ?? []).map((choice) => choice.id));
    const pick = prefer.find((id) => offered.has(id));
    if (!pick) throw new Error(`No preferred choice on screen: ${user.lastText()}`);
    await user.click(pick);
  }
  throw new Error(`No final confirmation after ${MAX_SCREENS} screens: ${user.lastText()}`);
}
