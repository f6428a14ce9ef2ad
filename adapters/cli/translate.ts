/**
 * Terminal input → Turn input. A number answers the numbered choices of the last reply (echoing its state
 * version); anything else is text, which the engine reads (acknowledgement numbers, typed phrases, commands).
 */
import { parseOptionNumber } from '../../src/engine/text/normalize.js';
import type { Reply, TurnInput } from '../../src/engine/turn.js';

export function toTurnInput(line: string, lastReplies: readonly Reply[]): TurnInput {
  const last = lastReplies[lastReplies.length - 1];
  const number = parseOptionNumber(line);
  const choice = number !== undefined && !last?.acknowledgements ? last?.choices?.[number - 1] : undefined;
  if (last && choice) return { kind: 'choice', choiceId: choice.id, stateVersion: last.stateVersion };
  if (last?.typedConfirmation !== undefined)
    return { kind: 'typed', text: line, stateVersion: last.stateVersion };
  return { kind: 'text', text: line };
}
