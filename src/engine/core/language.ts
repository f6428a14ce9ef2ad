/**
 * Follows the language the customer writes in (issue 15): a text turn written in the other language switches the
 * conversation's locale and says so in one line. A message that does not tell (an id, a number, "OK"; see
 * text/language.ts) and the explicit language commands (「English」「日本語」, handled as commands) change nothing
 * here. When a confirmation is on screen, the switched turn is not read as its answer: the confirmation is shown
 * again in the new language first (invariant 7).
 */
import { detectCommand } from '../text/commands.js';
import { detectLanguage } from '../text/language.js';
import { reshowQuestion } from './render.js';
import { say, topFrame, type Work } from './work.js';

/** `reshown`: the locale changed while a confirmation was on screen, which was shown again; stop the turn. */
export function followWrittenLanguage(w: Work, text: string): 'unchanged' | 'switched' | 'reshown' {
  const command = detectCommand(text);
  if (command === 'english' || command === 'japanese') return 'unchanged';
  const written = detectLanguage(text);
  if (written === undefined || written === w.state.locale) return 'unchanged';
  w.state.locale = written;
  say(w, 'engine.language-followed');
  const frame = topFrame(w);
  const node = frame ? w.def.dialogs.get(frame.dialogId)?.nodes[frame.nodeId] : undefined;
  if (node?.kind !== 'confirm') return 'switched';
  reshowQuestion(w);
  return 'reshown';
}
