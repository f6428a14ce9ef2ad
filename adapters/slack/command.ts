/**
 * The slash command's argument → Turn input: nothing starts the menu, `act <e-mail or contract no.>` starts agent
 * mode for that customer, `end` ends it, anything else is typed text.
 */
import type { TurnInput } from '../../src/engine/turn.js';

export function commandInput(argument: string): TurnInput {
  const text = argument.trim();
  if (text === '') return { kind: 'start', dialogId: 'menu' };
  const act = /^act(?:\s+(.*))?$/is.exec(text);
  if (act) {
    const query = act[1]?.trim();
    return query
      ? { kind: 'start', dialogId: 'agent-session', text: query }
      : { kind: 'start', dialogId: 'agent-session' };
  }
  if (/^end$/i.test(text)) return { kind: 'start', dialogId: 'agent-end' };
  return { kind: 'text', text };
}
