/**
 * The live desk's notices to the engine (`TurnInput` `desk-notice`, see `src/engine/core/desk-notice.ts`): a live
 * chat opened, a callback request accepted (left from the offer, or a live chat nobody claimed before the hours
 * ended, kept as a request), a live chat ended by the agent. They go to the engine directly, never
 * through the turn pipeline: they are no customer's turn (no de-duplication, rate limit or turn metrics), and the
 * live-desk stage must not route them. What the engine answers (the satisfaction question, or nothing) is shown
 * by the caller: within the customer's turn, or delivered to their chat when an agent ended the live chat.
 */
import type { Engine } from '../engine/runtime.js';
import type { DeskNotice, Locale, Reply, Turn } from '../engine/turn.js';

/** Where a notice goes: the customer's conversation as the desk knows it. */
export interface NoticeTarget {
  conversationKey: string;
  channel: string;
  /** The customer's actor id (`slack:U…`, `web:<session>`). */
  actorId: string;
  locale?: Locale | undefined;
}

export function noticeTurn(target: NoticeTarget, notice: DeskNotice, dialogId?: string): Turn {
  return {
    conversationKey: target.conversationKey,
    channel: target.channel,
    actor: { kind: 'customer', id: target.actorId },
    ...(target.locale !== undefined ? { locale: target.locale } : {}),
    input: { kind: 'desk-notice', notice, ...(dialogId !== undefined ? { dialogId } : {}) },
  };
}

/** Tells the engine; resolves with what it answers (possibly nothing). */
export function tellEngine(
  engine: Pick<Engine, 'handle'>,
  target: NoticeTarget,
  notice: DeskNotice,
  dialogId?: string,
): Promise<Reply[]> {
  return engine.handle(noticeTurn(target, notice, dialogId));
}
