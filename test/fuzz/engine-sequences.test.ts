/**
 * Property 1: the engine over the real procedure bundle, driven by random turn sequences (plausible clicks, ticks,
 * typed phrases, demo e-mails and mailed codes, mixed with forged / stale / garbage inputs, forged entry points,
 * hostile text, replayed platform ids, idle time), one fresh bot (clean demo data) per run. After every turn:
 * no throw, no fault reported by our code, well-formed replies, never a password request; stale actions and
 * replays make no backend call; after every run, every destructive call passes the outside audit of invariant 1
 * (support/destructive-audit.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { botOperationCatalog, procedureBundle } from '../../dialogs/index.js';
import type { Actor, Turn } from '../../src/engine/turn.js';
import { asksForPassword, replyProblems } from './support/checks.js';
import { auditDestructiveCalls } from './support/destructive-audit.js';
import { type Step, steps } from './support/engine-actions.js';
import { currentVersion, inputFor, newScreen, type Screen } from './support/engine-screen.js';
import { createFuzzBot } from './support/fuzz-bot.js';
import { runProperty, scaled } from './support/run-property.js';

const catalog = botOperationCatalog();
const dialogs = procedureBundle().dialogs;
const isDestructive = (operation: string) => catalog[operation]?.destructive === true;

const AGENT: { actor: Actor; credentials: Record<string, string> } = {
  actor: { kind: 'agent', id: 'slack:UAGENT' },
  credentials: { agentKey: 'sandbox-agent-key-sato' },
};

const stats = { turns: 0, destructive: 0, confirmations: 0, staleRefused: 0, replays: 0, deepestRun: 0 };

async function runSequence(sequence: Step[], asAgent: boolean): Promise<void> {
  const bot = await createFuzzBot();
  try {
    const screens: [Screen, Screen] = [newScreen(), newScreen()];
    const lastTurn: (Turn | undefined)[] = [undefined, undefined];
    let turnId = 0;
    for (const { conv, action } of sequence) {
      const screen = screens[conv];
      if (action.a === 'wait') {
        bot.clock.advance(action.ms);
        continue;
      }
      let turn: Turn;
      const replay = action.a === 'replay';
      const previous = lastTurn[conv];
      if (replay && previous) {
        turn = previous;
      } else {
        const input = inputFor(action, screen, bot.outbox.at(-1)?.code) ?? {
          kind: 'text' as const,
          text: 'はい',
        };
        turnId += 1;
        turn = {
          conversationKey: `fuzz:conversation-${conv}`,
          id: `turn-${turnId}`,
          channel: 'fuzz',
          ...(asAgent ? AGENT : { actor: { kind: 'customer', id: 'fuzz:user' } }),
          input,
        };
      }
      const callsBefore = bot.calls.length;
      const replies = await bot.handle(turn);
      const calls = bot.calls.slice(callsBefore);
      stats.turns += 1;
      const where = `turn ${bot.turns.length - 1} (${JSON.stringify(turn.input).slice(0, 200)})`;

      expect(bot.errors, `faults reported by our code at ${where}`).toEqual([]);
      expect(replyProblems(replies), where).toEqual([]);
      expect(replies.filter(asksForPassword), `password request at ${where}`).toEqual([]);
      if (replay && previous) {
        // A platform retry of a turn already handled: nothing said, nothing done.
        stats.replays += 1;
        expect(replies, `replayed turn id at ${where}`).toEqual([]);
        expect(calls, `calls on a replayed turn id at ${where}`).toEqual([]);
        continue;
      }
      expect(replies.length, `no reply at ${where}`).toBeGreaterThan(0);
      const input = turn.input;
      if (input.kind === 'choice' || input.kind === 'acknowledge' || input.kind === 'typed') {
        if (input.stateVersion !== currentVersion(screen)) {
          stats.staleRefused += 1;
          expect(calls, `backend calls on a stale action at ${where}`).toEqual([]);
        }
      }
      const destructive = calls.filter((c) => isDestructive(c.operation));
      stats.destructive += destructive.length;
      lastTurn[conv] = turn;
      screen.last = replies;
      const version = currentVersion(screen);
      for (const choice of replies.flatMap((r) => r.choices ?? []))
        screen.seen.push({ id: choice.id, version });
    }
    stats.confirmations += bot.events.filter((e) => e.event.kind === 'confirmed').length;
    stats.deepestRun = Math.max(stats.deepestRun, bot.calls.filter((c) => isDestructive(c.operation)).length);
    const audit = auditDestructiveCalls(bot, catalog, dialogs);
    expect(audit, `destructive-call audit: ${audit.join('; ')}`).toEqual([]);
  } finally {
    await bot.close();
  }
}

describe('engine under random turn sequences (real procedures, in-memory sandbox)', () => {
  it('never throws, answers well-formed, refuses stale actions, and calls nothing destructive unconfirmed', async () => {
    await runProperty(
      'engine turn sequences',
      // About one run in five is a contact-center agent (with the agent key) instead of a customer.
      fc.asyncProperty(steps, fc.nat(4), (sequence, dice) => runSequence(sequence, dice === 0)),
      scaled({ numRuns: 200, timeLimitMs: 25_000 }),
      () => ({ ...stats }),
    );
    // The generator must reach the dangerous part, or the audit above proves nothing.
    expect(stats.confirmations).toBeGreaterThan(0);
    expect(stats.destructive).toBeGreaterThan(0);
  }, 120_000);
});
