/**
 * Renders engine replies as terminal text: facts as aligned rows, choices and acknowledgements numbered.
 * Translation only; decides nothing. One numbering per reply: where acknowledgements are listed, the numbers are
 * theirs (typing `1` ticks item 1, as the engine reads it) and the choices are shown as words to type instead.
 */
import type { Reply } from '../../src/engine/turn.js';

const TONE_MARK: Record<Reply['tone'], string> = { info: '', warning: '⚠ ', danger: '‼ ', success: '✔ ' };

export function renderReply(reply: Reply): string {
  const lines = [`${TONE_MARK[reply.tone]}${reply.text}`];
  for (const fact of reply.facts ?? []) lines.push(`  ・${fact.label}: ${fact.value}`);
  (reply.acknowledgements ?? []).forEach((ack, i) => {
    lines.push(`  [${i + 1}] ☐ ${ack.label}`);
  });
  const numbered = (reply.acknowledgements ?? []).length === 0;
  (reply.choices ?? []).forEach((choice, i) => {
    lines.push(numbered ? `  ${i + 1}) ${choice.label}` : `  ・「${choice.label}」`);
  });
  return lines.join('\n');
}
