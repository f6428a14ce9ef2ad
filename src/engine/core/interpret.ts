/**
 * One interpretation of an input against the question on screen. Every turn the core handles is read here first,
 * once; the core then acts on the meaning and never re-reads the raw input to decide what kind of input it was.
 *
 * The question on screen is the current node's question (`ask`, or a `confirm` in its phase) — unless the bot
 * showed something else after it and has not shown it again:
 * - the escape prompt after too many unclear answers (`state.prompt === 'escape'`: retry / person / stop);
 * - a prompt of a stage in front of the engine (the live-desk offer), which that stage says with
 *   `Turn.otherPromptOnScreen` (this matters for confirmations only: an `ask` takes the text as usual).
 * Then a text answers that prompt or nothing: a typed number picks the prompt's own button, a command word is a
 * command, and anything else (a yes/no word included) shows the question again, with a fresh version, before it
 * can be answered. A yes/no word therefore answers only a yes/no question that is on screen.
 *
 * Order: unreadable text → stale button (any action whose version is not the current one) → reserved choice ids
 * (the registry in `text/reserved.ts`) → command words → the prompt on screen → an answer to the question.
 */
import type { ConversationState } from '../state.js';
import { detectCommand, type GlobalCommand } from '../text/commands.js';
import { type InputProblem, inputProblem, normalizeLoose, parseOptionNumber } from '../text/normalize.js';
import {
  ESCAPE_CHOICES,
  ESCAPE_HUMAN,
  ESCAPE_RETRY,
  ESCAPE_STOP,
  isSatisfactionChoice,
  RECHECK_CHOICE,
} from '../text/reserved.js';
import type { Turn, TurnInput } from '../turn.js';

export type Meaning =
  /** Text the bot cannot read (empty, too long, control characters): nothing else is looked at. */
  | { kind: 'problem'; problem: InputProblem }
  /** A button, ticks or typed phrase rendered from an earlier version. */
  | { kind: 'stale' }
  | { kind: 'command'; command: GlobalCommand }
  /** The escape prompt's "try again". */
  | { kind: 'retry' }
  /** Something other than the current question is on screen: show the question again (fresh version) first. */
  | { kind: 'reshow' }
  /** An attempt at answering the current question (the node decides whether it is a valid answer). */
  | { kind: 'answer'; input: Exclude<TurnInput, { kind: 'start' }> };

const ESCAPE_COMMANDS: Record<string, GlobalCommand | 'retry'> = {
  [ESCAPE_RETRY]: 'retry',
  [ESCAPE_HUMAN]: 'human',
  [ESCAPE_STOP]: 'stop',
};

function escapeMeaning(choiceId: string): Meaning {
  // Own keys only: a forged id such as `toString` must not find Object.prototype's members.
  const meaning = Object.hasOwn(ESCAPE_COMMANDS, choiceId) ? ESCAPE_COMMANDS[choiceId] : undefined;
  if (meaning === 'retry') return { kind: 'retry' };
  return meaning ? { kind: 'command', command: meaning } : { kind: 'reshow' };
}

/**
 * What the text means while the escape prompt is on screen: its buttons by number or label (as the channel
 * showed them), a command word, or nothing (→ show the question again).
 */
function againstEscapePrompt(text: string, labels: readonly string[]): Meaning {
  const number = parseOptionNumber(text);
  if (number !== undefined) {
    const id = ESCAPE_CHOICES[number - 1];
    return id ? escapeMeaning(id) : { kind: 'reshow' };
  }
  const loose = normalizeLoose(text);
  const at = labels.findIndex((label) => normalizeLoose(label) === loose);
  const id = at >= 0 ? ESCAPE_CHOICES[at] : undefined;
  return id ? escapeMeaning(id) : { kind: 'reshow' };
}

/** What `interpret` needs to know of the question on screen besides the state. */
export interface OnScreen {
  /** The escape prompt's button labels in the conversation's language, in `ESCAPE_CHOICES` order. */
  escapeLabels: readonly string[];
  /** Whether the current node is a confirmation (of any phase). */
  confirmation: boolean;
}

/** The meaning of a user's (non-`start`) input in this state. */
export function interpret(
  state: ConversationState,
  turn: Turn,
  input: Exclude<TurnInput, { kind: 'start' | 'desk-notice' }>,
  screen: OnScreen,
): Meaning {
  const { escapeLabels } = screen;
  if (input.kind === 'text' || input.kind === 'typed') {
    const problem = inputProblem(input.text);
    if (problem) return { kind: 'problem', problem };
  }
  if (input.kind !== 'text' && input.stateVersion !== state.step) return { kind: 'stale' };
  if (input.kind === 'choice') {
    if (Object.hasOwn(ESCAPE_COMMANDS, input.choiceId)) {
      // Person and stop are allowed whatever is on screen; "try again" only answers the escape prompt.
      const meaning = escapeMeaning(input.choiceId);
      return meaning.kind === 'retry' && state.prompt !== 'escape' ? { kind: 'reshow' } : meaning;
    }
    // With no call pending (the runtime reconciles those first), "check the result" has nothing to check.
    if (input.choiceId === RECHECK_CHOICE) return { kind: 'reshow' };
    // The satisfaction question is answered before interpretation (core/satisfaction.ts); off screen it is nothing.
    if (isSatisfactionChoice(input.choiceId)) return { kind: 'reshow' };
  }
  if (input.kind === 'text' || input.kind === 'typed') {
    const command = detectCommand(input.text);
    if (command) return { kind: 'command', command };
  }
  if (state.prompt === 'escape') {
    return input.kind === 'text' ? againstEscapePrompt(input.text, escapeLabels) : { kind: 'reshow' };
  }
  if (turn.otherPromptOnScreen && screen.confirmation && input.kind === 'text') return { kind: 'reshow' };
  return { kind: 'answer', input };
}
