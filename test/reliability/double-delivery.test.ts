/**
 * Invariant 2 under double delivery: the same final click reaches the engine twice (or ten times) at once —
 * a double-click, a platform retry carrying the same Turn.id — on one bot. Compare-and-set on the pending call
 * lets exactly one copy send the DELETE; the others are told the request is in progress, shown the current
 * question (stale click), or (a retry of a handled Turn.id) answered with nothing.
 *
 * Run on the memory and SQLite stores, with the backend answering at once and answering slowly (so that copies
 * arrive while the first is in flight).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Bot } from '../../src/bot.js';
import { manualClock } from '../../src/clock.js';
import type { Reply, Turn } from '../../src/engine/turn.js';
import type { RecordedCall } from '../support/bot-harness.js';
import { type FaultProxy, startFaultProxy } from '../support/fault-proxy.js';
import { type Backend, startBackend, startBot } from './support/in-process.js';
import { deviceIds, effects } from './support/sandbox-state.js';
import {
  type Conversation,
  conversation,
  DEVICE_CONFIRM_STEP,
  DEVICE_DELETED,
  DEVICE_DELETION,
  ENGINE,
  T0,
} from './support/script.js';

const DELETE_DEV_0001 = { method: 'DELETE', path: /^\/miemasu\/devices\/DEV-0001$/ };

const variants = [
  { store: 'memory', backendDelayMs: 0 },
  { store: 'memory', backendDelayMs: 200 },
  { store: 'sqlite', backendDelayMs: 0 },
  { store: 'sqlite', backendDelayMs: 200 },
] as const;

describe.each(variants)(
  'the final click delivered more than once ($store store, backend delay $backendDelayMs ms)',
  ({ store, backendDelayMs }) => {
    let dir: string;
    let backend: Backend;
    let proxy: FaultProxy;
    let bot: Bot;
    let calls: RecordedCall[];
    let errors: unknown[];
    let convo: Conversation;
    const send = (turn: Turn) => bot.engine.handle(turn);

    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'reliability-double-'));
      const clock = manualClock(T0);
      backend = await startBackend(clock);
      proxy = await startFaultProxy(backend.url);
      if (backendDelayMs > 0) proxy.inject(DELETE_DEV_0001, { kind: 'delay', ms: backendDelayMs }, 100);
      calls = [];
      errors = [];
      bot = await startBot({
        env: { STORE: store, SQLITE_PATH: join(dir, 'conversations.sqlite'), BACKEND_URL: proxy.url },
        clock,
        calls,
        errors,
      });
      convo = conversation(`reliability:double:${randomUUID()}`);
      for (const step of DEVICE_DELETION.slice(0, DEVICE_CONFIRM_STEP))
        await convo.send(send, await convo.inputFor(step, backend.codeFor));
      expect(convo.text()).toContain('削除（解約）します。よろしいですか？');
    });

    afterEach(async () => {
      await bot.close();
      await proxy.close();
      await backend.close();
      await rm(dir, { recursive: true, force: true });
    });

    const confirmTurn = (id?: string): Turn =>
      convo.turnFor(
        { kind: 'choice', choiceId: 'confirm', stateVersion: convo.last.at(-1)?.stateVersion ?? 0 },
        id,
      );

    const text = (replies: Reply[]) => replies.map((r) => r.text).join('\n');

    /** Exactly one copy did the deletion and said so; every other copy said something true and harmless. */
    function expectExactlyOnce(answers: Reply[][]): void {
      expect(proxy.matching(DELETE_DEV_0001)).toHaveLength(1);
      expect(calls.filter((c) => c.operation === 'deleteMiemasuDevice')).toHaveLength(1);
      expect(effects(backend.sandbox.snapshot(), 'deleteMiemasuDevice', 'DEV-0001')).toBe(1);
      expect(deviceIds(backend.sandbox.snapshot(), 'CUS-1001')).toEqual(['DEV-0002']);
      const winners = answers.filter((replies) => text(replies).includes(DEVICE_DELETED));
      expect(winners).toHaveLength(1);
      for (const replies of answers.filter((r) => !winners.includes(r))) {
        const said = text(replies);
        // Nothing at all (a retry of a handled id), "in progress", or the current question again (stale click).
        if (replies.length > 0)
          expect([ENGINE.inFlight, ENGINE.stale].some((t) => said.includes(t))).toBe(true);
        for (const untrue of [ENGINE.unknown, ENGINE.internalError, ENGINE.busy, '何も変更していません'])
          expect(said).not.toContain(untrue);
      }
      expect(errors).toEqual([]);
    }

    /** After the race the conversation is settled: no pending call, an ordinary turn, no further DELETE. */
    async function expectSettled(): Promise<void> {
      await convo.send(send, { kind: 'text', text: 'こんにちは' });
      expect(convo.text()).toContain('ご用件をお選びください');
      expect(proxy.matching(DELETE_DEV_0001)).toHaveLength(1);
    }

    it('two identical clicks at once (no platform id): one DELETE, one success message', async () => {
      const answers = await Promise.all([send(confirmTurn()), send(confirmTurn())]);
      expectExactlyOnce(answers);
      await expectSettled();
    });

    it('the same Turn.id twice at once (a platform retry): one DELETE, one success message', async () => {
      const turn = confirmTurn(`evt-${randomUUID()}`);
      const answers = await Promise.all([send(turn), send(turn)]);
      expectExactlyOnce(answers);
      await expectSettled();
    });

    it('ten copies at once, half of them with the same Turn.id: still one DELETE, one success message', async () => {
      const id = `evt-${randomUUID()}`;
      const turns = Array.from({ length: 10 }, (_, i) => confirmTurn(i % 2 === 0 ? id : undefined));
      const answers = await Promise.all(turns.map(send));
      expectExactlyOnce(answers);
      await expectSettled();
    });

    it('a retry of the handled Turn.id after the fact: no replies, no call', async () => {
      const turn = confirmTurn(`evt-${randomUUID()}`);
      const first = await send(turn);
      expect(text(first)).toContain(DEVICE_DELETED);
      const callsBefore = calls.length;
      expect(await send(turn)).toEqual([]);
      expect(calls.length).toBe(callsBefore);
      expect(proxy.matching(DELETE_DEV_0001)).toHaveLength(1);
    });
  },
);
