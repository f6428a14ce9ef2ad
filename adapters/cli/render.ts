/**
 * Renders engine replies as terminal text: facts as aligned rows, choices and acknowledgements numbered.
 * Translation only; decides nothing.
 */
import type { Reply } from '../../src/engine/turn.js';

const TONE_MARK: Record<Reply['tone'], string> = { info: '', warning: '⚠ ', danger: '‼ ', success: '✔ ' };

export function renderReply(reply: Reply): string {
  const lines = [`${TONE_MARK[reply.tone]}${reply.text}`];
  for (const fact of reply.facts ?? []) lines.push(`  ・${fact.label}: ${fact.value}`);
  (reply.acknowledgements ?? []).forEach((ack, i) => {
    lines.push(`  [${i + 1}] ☐ ${ack.label}`);
  });
  (reply.choices ?? []).forEach((choice, i) => {
    lines.push(`  ${i + 1}) ${choice.label}`);
  });
  return lines.join('\n');
}
