/**
 * Agent-mode commands typed in any chat channel, as engine entry points (so they work from anywhere in a
 * conversation, not only at the menu): `act <e-mail or contract no.>` / 「代理対応 <…>」 start acting for a customer,
 * `end` / 「代理終了」 end it. The engine's `agent-session` dialog refuses anyone who is not a configured agent.
 * Any other text is a plain text turn.
 */
import type { TurnInput } from '../engine/turn.js';

const ACT = /^(?:act|代理対応)(?:\s+(.+))?$/is;
const END = /^(?:end|代理終了)$/i;

export function agentCommandOrText(typed: string): TurnInput {
  const text = typed.trim();
  const folded = text.normalize('NFKC');
  const act = ACT.exec(folded);
  if (act) {
    const query = act[1]?.trim();
    return query
      ? { kind: 'start', dialogId: 'agent-session', text: query }
      : { kind: 'start', dialogId: 'agent-session' };
  }
  if (END.test(folded)) return { kind: 'start', dialogId: 'agent-end' };
  return { kind: 'text', text };
}
