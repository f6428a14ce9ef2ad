/**
 * Invariants 2 and 4 with two bot processes sharing one Redis (STORE=redis), as when a deployment runs two
 * instances behind a load balancer: turns of the same conversation reach both at the same moment, round after
 * round. Compare-and-set (a Lua script) must make every turn either applied on top of the other's write or
 * answered with the current question — no lost update — and a destructive click reaching both must be sent once.
 *
 * The conversation store's namespace is fixed by the bot, so each test uses a fresh conversation key (and deletes
 * it afterwards). Skipped with a message when Redis is unreachable, unless CI=true.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationState } from '../../src/engine/state.js';
import { createRedisStore } from '../../src/engine/store/redis.js';
import type { ConversationStore } from '../../src/engine/store/types.js';
import { builtinMessages } from '../../src/engine/text/builtin.js';
import { createTranslator } from '../../src/engine/text/catalog.js';
import type { Reply, TurnInput } from '../../src/engine/turn.js';
import { type FaultProxy, startFaultProxy } from '../support/fault-proxy.js';
import {
  type BotProcess,
  ChildTracker,
  type SandboxProcess,
  startBotProcess,
  startSandboxProcess,
} from './support/processes.js';
import { REDIS_URL, requireRedis } from './support/redis.js';
import { deviceIds, effects, readSandboxState } from './support/sandbox-state.js';
import { type Conversation, conversation, DEVICE_DELETION, ENGINE, T0 } from './support/script.js';

const redisUp = await requireRedis('two bot instances on one Redis');

const HELP = createTranslator(builtinMessages, 'ja').t('engine.help');
const DEVICE_WARNING = 'のライセンスを別の機器';
const DELETED = (name: string) =>
  `「${name}」（${name.toLowerCase()}.miemasu.example）を削除（解約）しました`;
const ANY_DELETE = { method: 'DELETE', path: /^\/miemasu\/devices\/DEV-\d+$/ };
const LOST_UPDATE_ROUNDS = 20;
const STALE_CLICK_ROUNDS = 6;

describe.skipIf(!redisUp)('two bot processes sharing Redis, one conversation', () => {
  const tracker = new ChildTracker();
  let dir: string;
  let sandbox: SandboxProcess;
  let proxy: FaultProxy;
  let a: BotProcess;
  let b: BotProcess;
  let store: ConversationStore<ConversationState>;
  let convo: Conversation;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'reliability-two-'));
    sandbox = await startSandboxProcess(tracker, { db: join(dir, 'sandbox.sqlite'), now: T0 });
    proxy = await startFaultProxy(sandbox.url);
    const env = { STORE: 'redis', REDIS_URL, BACKEND_URL: proxy.url, BOT_NOW: T0 };
    [a, b] = await Promise.all([
      startBotProcess(tracker, 'bot-a', env),
      startBotProcess(tracker, 'bot-b', env),
    ]);
    store = await createRedisStore<ConversationState>({ url: REDIS_URL, ttlMs: 3_600_000 });
    convo = conversation(`reliability:two:${randomUUID()}`);
  }, 60_000);

  afterEach(async () => {
    await tracker.killAll();
    await proxy?.close();
    if (store) {
      await store.delete(convo.key).catch(() => undefined);
      await store.close();
    }
    await rm(dir, { recursive: true, force: true });
  });

  const version = () => convo.last.at(-1)?.stateVersion ?? 0;
  const text = (replies: Reply[]) => replies.map((r) => r.text).join('\n');

  /** Sends `inputA` to A and `inputB` to B at the same moment, with distinct (or given) platform ids. */
  async function race(
    inputA: TurnInput,
    inputB: TurnInput,
    ids: [string, string],
  ): Promise<[Reply[], Reply[]]> {
    const [fromA, fromB] = await Promise.all([
      a.send(convo.turnFor(inputA, ids[0])),
      b.send(convo.turnFor(inputB, ids[1])),
    ]);
    return [fromA, fromB];
  }

  async function stored(): Promise<{ value: ConversationState; version: number }> {
    const record = await store.get(convo.key);
    if (!record) throw new Error('The conversation is not in Redis');
    return record;
  }

  /** Plays script steps, alternating the instance each step is delivered to (the state is shared). */
  async function play(steps: typeof DEVICE_DELETION): Promise<void> {
    for (const [index, step] of steps.entries()) {
      const instance = index % 2 === 0 ? a : b;
      await convo.send(instance.send, await convo.inputFor(step, sandbox.takeCode));
    }
  }

  it('concurrent turns on both instances: every write lands on top of the other (no lost update), stale clicks are refused', async () => {
    await convo.send(a.send, { kind: 'text', text: 'こんにちは' });
    const before = await stored();

    // Rounds of two different messages at once; each is a write of its own (help is answered, the menu stays; both in Japanese: 'help' would switch to English).
    const ids: string[] = [];
    for (let round = 0; round < LOST_UPDATE_ROUNDS; round++) {
      const pair: [string, string] = [`a-${round}-${randomUUID()}`, `b-${round}-${randomUUID()}`];
      ids.push(...pair);
      const answers = await race({ kind: 'text', text: 'ヘルプ' }, { kind: 'text', text: '？' }, pair);
      for (const replies of answers) {
        expect(text(replies)).toContain(HELP);
        expect(text(replies)).not.toContain(ENGINE.busy);
      }
    }
    const after = await stored();
    // Exactly one write per turn: none lost, none doubled; every turn id is remembered.
    expect(after.version - before.version).toBe(2 * LOST_UPDATE_ROUNDS);
    expect(after.value.recentTurnIds).toEqual(expect.arrayContaining(ids));

    // To the device list, each step on the other instance.
    await play(DEVICE_DELETION.slice(1, 4));
    expect(convo.last.at(-1)?.choices?.map((c) => c.id)).toEqual(['DEV-0001', 'DEV-0002', 'quit']);

    // Rounds of two different clicks rendered from the same question: exactly one applies.
    const winners: string[] = [];
    for (let round = 0; round < STALE_CLICK_ROUNDS; round++) {
      const v = version();
      const [fromA, fromB] = await race(
        { kind: 'choice', choiceId: 'DEV-0001', stateVersion: v },
        { kind: 'choice', choiceId: 'DEV-0002', stateVersion: v },
        [`pick-a-${round}-${randomUUID()}`, `pick-b-${round}-${randomUUID()}`],
      );
      const applied = [fromA, fromB].filter(
        (replies) => text(replies).includes(DEVICE_WARNING) && !text(replies).includes(ENGINE.stale),
      );
      const refused = [fromA, fromB].filter((replies) => text(replies).includes(ENGINE.stale));
      expect(applied, `round ${round}: ${text(fromA)} / ${text(fromB)}`).toHaveLength(1);
      expect(refused, `round ${round}: ${text(fromA)} / ${text(fromB)}`).toHaveLength(1);
      const winner = applied[0] === fromA ? 'CameraOA' : 'CameraOB';
      winners.push(winner);
      // The refused click was shown the question the winner's click led to, with its current version.
      expect(text(refused[0] ?? [])).toContain(`「${winner}」${DEVICE_WARNING}`);
      expect(refused[0]?.at(-1)?.stateVersion).toBe(applied[0]?.at(-1)?.stateVersion);
      convo.last = applied[0] ?? [];
      // The shared state follows the winner: the next step, on the other instance, is about the winner's device.
      const next = applied[0] === fromA ? b : a;
      await convo.send(next.send, { kind: 'choice', choiceId: 'delete', stateVersion: version() });
      expect(convo.text()).toContain(
        `「${winner}」（${winner.toLowerCase()}.miemasu.example）を削除（解約）する前に`,
      );
      await convo.send(next.send, { kind: 'text', text: '戻る' });
      await convo.send(next === a ? b.send : a.send, { kind: 'text', text: '戻る' });
      expect(convo.last.at(-1)?.choices?.map((c) => c.id)).toEqual(['DEV-0001', 'DEV-0002', 'quit']);
    }
    expect(winners).toHaveLength(STALE_CLICK_ROUNDS);
    expect(proxy.matching(ANY_DELETE)).toEqual([]);
    const final = await stored();
    expect(final.value.pending).toBeUndefined();
    expect(final.value.step).toBe(version());
  }, 90_000);

  it('the final click on both instances at once (same Turn.id, then distinct ids): one DELETE each time, one success', async () => {
    await play(DEVICE_DELETION.slice(0, 7));
    expect(convo.text()).toContain('「CameraOA」（cameraoa.miemasu.example）を削除（解約）します');

    const sameId = `evt-${randomUUID()}`;
    const confirm: TurnInput = { kind: 'choice', choiceId: 'confirm', stateVersion: version() };
    const first = await race(confirm, confirm, [sameId, sameId]);
    expectOneSuccess(first, 'CameraOA');
    expect(proxy.matching(ANY_DELETE).map((e) => e.path)).toEqual(['/miemasu/devices/DEV-0001']);

    // The other device, identified already: menu → delete → CameraOB → delete → acknowledgements → confirm.
    await convo.send(b.send, { kind: 'text', text: 'こんにちは' });
    await convo.send(a.send, { kind: 'choice', choiceId: 'miemasu-delete', stateVersion: version() });
    expect(convo.last.at(-1)?.choices?.map((c) => c.id)).toEqual(['DEV-0002', 'quit']);
    await convo.send(b.send, { kind: 'choice', choiceId: 'DEV-0002', stateVersion: version() });
    await convo.send(a.send, { kind: 'choice', choiceId: 'delete', stateVersion: version() });
    await convo.send(b.send, {
      kind: 'acknowledge',
      ackIds: ['no-refund', 'license-forfeit', 'data-loss'],
      stateVersion: version(),
    });
    const again: TurnInput = { kind: 'choice', choiceId: 'confirm', stateVersion: version() };
    const second = await race(again, again, [`evt-a-${randomUUID()}`, `evt-b-${randomUUID()}`]);
    expectOneSuccess(second, 'CameraOB');

    const deletes = proxy.matching(ANY_DELETE);
    expect(deletes.map((e) => e.path)).toEqual(['/miemasu/devices/DEV-0001', '/miemasu/devices/DEV-0002']);
    expect(new Set(deletes.map((e) => e.idempotencyKey)).size).toBe(2);
    expect(deletes.every((e) => e.status === 200 && !e.replayed)).toBe(true);
    const state = await readSandboxState(join(dir, 'sandbox.sqlite'));
    expect(effects(state, 'deleteMiemasuDevice', 'DEV-0001')).toBe(1);
    expect(effects(state, 'deleteMiemasuDevice', 'DEV-0002')).toBe(1);
    expect(deviceIds(state, 'CUS-1001')).toEqual([]);
    expect((await stored()).value.pending).toBeUndefined();
    expect(sandbox.isRunning()).toBe(true);
  }, 90_000);

  function expectOneSuccess(answers: Reply[][], device: string): void {
    const winners = answers.filter((replies) => text(replies).includes(DELETED(device)));
    expect(winners, answers.map(text).join('\n---\n')).toHaveLength(1);
    for (const replies of answers.filter((r) => !winners.includes(r))) {
      const said = text(replies);
      if (replies.length > 0)
        expect([ENGINE.inFlight, ENGINE.stale].some((t) => said.includes(t))).toBe(true);
      expect(said).not.toContain(ENGINE.unknown);
      expect(said).not.toContain(ENGINE.internalError);
    }
    convo.last = winners[0] ?? [];
  }
});
