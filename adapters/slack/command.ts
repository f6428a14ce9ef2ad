/**
 * The slash command's argument → Turn input: nothing starts the menu, `act <e-mail or contract no.>` starts agent
 * mode for that customer, `end` ends it (src/channels/agent-commands.ts), anything else is typed text.
 */
import { agentCommandOrText } from '../../src/channels/agent-commands.js';
import type { TurnInput } from '../../src/engine/turn.js';

export function commandInput(argument: string): TurnInput {
  const text = argument.trim();
  if (text === '') return { kind: 'start', dialogId: 'menu' };
  return agentCommandOrText(text);
}
