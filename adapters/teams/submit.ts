/**
 * What an Adaptive Card `Action.Submit` carries and how a submitted `value` becomes an engine input.
 *
 * Teams sends a submit as a `message` activity whose `value` is the action's `data` merged with the card's input
 * values (only for actions with `associatedInputs: 'auto'`). The data names what the button means to the engine:
 * - `choice`: an engine choice (id + the state version it was rendered from);
 * - `acknowledge`: the acknowledgement checkboxes, whose ticked ids become `{kind:'acknowledge'}` — in a confirm
 *   node's first phase the engine takes exactly that input (src/engine/core/answer.ts `answerConfirm`);
 * - `typed`: the typed-confirmation text box, as `{kind:'typed'}`;
 * - `start`: an entry point of the welcome card, as `{kind:'start'}`.
 * The kind sits under the key `hb` (helpdesk bot), so a payload of another app or card is not mistaken for ours.
 * Anything else (a forged or foreign payload) is not an input; the caller ignores it.
 */
import { z } from 'zod';
import type { TurnInput } from '../../src/engine/turn.js';

/** Input ids of the card: one toggle per acknowledgement, one text box for the typed phrase. */
export const ACK_INPUT_PREFIX = 'ack.';
export const TYPED_INPUT_ID = 'typed';
/** A ticked toggle's value (`valueOn`); an unticked one sends `valueOff`. */
export const TOGGLE_ON = 'true';
export const TOGGLE_OFF = 'false';

export type SubmitData =
  | { hb: 'choice'; choiceId: string; stateVersion: number }
  | { hb: 'acknowledge'; stateVersion: number }
  | { hb: 'typed'; stateVersion: number }
  | { hb: 'start'; dialogId: string };

const stateVersion = z.number().int().nonnegative();
const submitSchema = z.discriminatedUnion('hb', [
  z.object({ hb: z.literal('choice'), choiceId: z.string().min(1).max(200), stateVersion }),
  z.object({ hb: z.literal('acknowledge'), stateVersion }),
  z.object({ hb: z.literal('typed'), stateVersion }),
  z.object({ hb: z.literal('start'), dialogId: z.string().min(1).max(100) }),
]);

/** The engine input a submitted card value stands for, or `undefined` when it is not one of ours. */
export function submitToInput(value: unknown): TurnInput | undefined {
  const parsed = submitSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const data = parsed.data;
  const fields = value as Record<string, unknown>;
  switch (data.hb) {
    case 'choice':
      return { kind: 'choice', choiceId: data.choiceId, stateVersion: data.stateVersion };
    case 'acknowledge': {
      const ackIds = Object.entries(fields)
        .filter(([key, ticked]) => key.startsWith(ACK_INPUT_PREFIX) && ticked === TOGGLE_ON)
        .map(([key]) => key.slice(ACK_INPUT_PREFIX.length));
      return { kind: 'acknowledge', ackIds, stateVersion: data.stateVersion };
    }
    case 'typed': {
      const typed = fields[TYPED_INPUT_ID];
      return { kind: 'typed', text: typeof typed === 'string' ? typed : '', stateVersion: data.stateVersion };
    }
    case 'start':
      return { kind: 'start', dialogId: data.dialogId };
  }
}
