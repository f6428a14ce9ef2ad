/**
 * Renders engine replies as terminal text: facts as aligned rows, choices and acknowledgements numbered.
 * Translation only; decides nothing. One numbering per reply: where acknowledgements are listed, the numbers are
 * theirs (typing `1` ticks item 1, as the engine reads it) and the choices are shown as words to type instead.
 */
import type { Locale, Reply } from '../../src/engine/turn.js';

const TONE_MARK: Record<Reply['tone'], string> = { info: '', warning: '⚠ ', danger: '‼ ', success: '✔ ' };

/** How to tick boxes in a terminal: this hint belongs to text channels, not to the engine's shared text. */
const ACK_BY_NUMBER: Record<Locale, string> = {
  ja: '  （すべての項目の番号を入力してください。例: 1 2 3）',
  en: '  (Type the numbers of all the items, e.g. 1 2 3.)',
};

export function renderReply(reply: Reply, locale: Locale = 'ja'): string {
  const lines = [`${TONE_MARK[reply.tone]}${reply.text}`];
  for (const fact of reply.facts ?? []) lines.push(`  ・${fact.label}: ${fact.value}`);
  (reply.acknowledgements ?? []).forEach((ack, i) => {
    lines.push(`  [${i + 1}] ☐ ${ack.label}`);
  });
  if (reply.acknowledgements?.length) lines.push(ACK_BY_NUMBER[locale]);
  const numbered = (reply.acknowledgements ?? []).length === 0;
  (reply.choices ?? []).forEach((choice, i) => {
    lines.push(numbered ? `  ${i + 1}) ${choice.label}` : `  ・「${choice.label}」`);
  });
  return lines.join('\n');
}
