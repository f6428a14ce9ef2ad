/**
 * Invariant 2 (exactly once) and 4 (a restart resumes) with real processes: the bot is SIGKILLed after the
 * backend has deleted the device but before the bot heard the answer, i.e. between sending and recording.
 *
 * Processes: the reference sandbox (its own process, state in a SQLite file, clock fixed at T0) ← the fault
 * proxy (in this test process, logging every request with its Idempotency-Key) ← bot children (SQLite
 * conversation store in a temp file, BACKEND_URL = the proxy, BOT_NOW fixed per start).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FaultProxy, startFaultProxy } from '../support/fault-proxy.js';
import {
  type BotProcess,
  ChildTracker,
  type SandboxProcess,
  startBotProcess,
  startSandboxProcess,
} from './support/processes.js';
import { deviceIds, effects, readSandboxState } from './support/sandbox-state.js';
import {
  afterT0,
  type Conversation,
  conversation,
  DEVICE_CONFIRM_STEP,
  DEVICE_DELETED,
  DEVICE_DELETION,
  DEVICE_VERIFIED_GONE,
  ENGINE,
  OTHER_DEVICES_KEPT,
  T0,
} from './support/script.js';

const DELETE_DEV_0001 = { method: 'DELETE', path: /^\/miemasu\/devices\/DEV-0001$/ };
const LIST_DEVICES = { method: 'GET', path: /^\/miemasu\/devices$/ };
const TWO_MINUTES = 2 * 60_000;

const tracker = new ChildTracker();
let dir: string;
let sandbox: SandboxProcess;
let proxy: FaultProxy;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reliability-crash-'));
  sandbox = await startSandboxProcess(tracker, { db: join(dir, 'sandbox.sqlite'), now: T0 });
  proxy = await startFaultProxy(sandbox.url);
}, 60_000);

afterEach(async () => {
  await tracker.killAll();
  await proxy?.close();
  await rm(dir, { recursive: true, force: true });
});

function startBot(name: string, now: string): Promise<BotProcess> {
  return startBotProcess(tracker, name, {
    STORE: 'sqlite',
    SQLITE_PATH: join(dir, 'conversations.sqlite'),
    BACKEND_URL: proxy.url,
    BOT_NOW: now,
  });
}

/**
 * Drives the device deletion up to the final confirmation on a fresh bot, then presses "confirm" with the proxy
 * set to kill the bot and never answer: `after-commit` forwards the DELETE and lets the sandbox commit first
 * (the bot dies between sending and recording); `before-send` kills it when the DELETE reaches the proxy, which
 * never forwards it (the bot dies after writing the pending call, before the backend saw anything).
 */
async function deleteAndCrash(convo: Conversation, when: 'after-commit' | 'before-send' = 'after-commit') {
  const bot = await startBot('bot-before-crash', T0);
  for (const step of DEVICE_DELETION.slice(0, DEVICE_CONFIRM_STEP)) {
    await convo.send(bot.send, await convo.inputFor(step, sandbox.takeCode));
  }
  expect(convo.text()).toContain('削除（解約）します。よろしいですか？');
  const kill = async () => {
    await bot.kill();
  };
  proxy.inject(
    DELETE_DEV_0001,
    when === 'after-commit' ? { kind: 'hold', afterAnswer: kill } : { kind: 'lose', onArrival: kill },
  );
  const confirm = await convo.inputFor(DEVICE_DELETION[DEVICE_CONFIRM_STEP] ?? { say: '' }, sandbox.takeCode);
  await expect(convo.send(bot.send, confirm)).rejects.toThrow(/exited/);
  const faulted = await proxy.waitForHook();
  expect((await bot.exited).signal).toBe('SIGKILL');
  const state = await readSandboxState(join(dir, 'sandbox.sqlite'));
  if (when === 'after-commit') {
    // The backend did the work the bot never heard about.
    expect(faulted.status).toBe(200);
    expect(deviceIds(state, 'CUS-1001')).toEqual(['DEV-0002']);
    expect(effects(state, 'deleteMiemasuDevice', 'DEV-0001')).toBe(1);
  } else {
    expect(faulted.delivery).toBe('lost');
    expect(deviceIds(state, 'CUS-1001')).toEqual(['DEV-0001', 'DEV-0002']);
    expect(effects(state, 'deleteMiemasuDevice', 'DEV-0001')).toBe(0);
  }
}

describe('a bot killed between sending a destructive call and recording its outcome', () => {
  it('restarted after the in-flight lease, re-sends the SAME key, the sandbox replays, and the customer hears the truth', async () => {
    const convo = conversation(`reliability:crash:${randomUUID()}`);
    await deleteAndCrash(convo);
    const firstKey = proxy.matching(DELETE_DEV_0001)[0]?.idempotencyKey;
    expect(firstKey).toMatch(/^\S{8,}$/);

    const restarted = await startBot('bot-after-crash', afterT0(TWO_MINUTES));
    const logBefore = proxy.log.length;
    await convo.send(restarted.send, { kind: 'text', text: 'こんにちは' });

    const deletes = proxy.matching(DELETE_DEV_0001);
    expect(deletes.map((d) => d.idempotencyKey)).toEqual([firstKey, firstKey]);
    expect(deletes.map((d) => [d.status, d.replayed, d.delivery])).toEqual([
      [200, false, 'held'],
      [200, true, 'forwarded'],
    ]);
    // After the recovered deletion, the bot listed the devices to verify it.
    const after = proxy.log.slice(logBefore);
    expect(after.map((e) => `${e.method} ${e.path}`)).toEqual([
      'DELETE /miemasu/devices/DEV-0001',
      'GET /miemasu/devices',
    ]);
    expect(proxy.matching(LIST_DEVICES).at(-1)?.status).toBe(200);

    const told = convo.text();
    for (const truth of [ENGINE.recovered, DEVICE_DELETED, DEVICE_VERIFIED_GONE, OTHER_DEVICES_KEPT])
      expect(told).toContain(truth);
    for (const untrue of [ENGINE.unknown, ENGINE.internalError, ENGINE.inFlight, '何も変更していません'])
      expect(told).not.toContain(untrue);

    const state = await readSandboxState(join(dir, 'sandbox.sqlite'));
    expect(effects(state, 'deleteMiemasuDevice', 'DEV-0001')).toBe(1);
    expect(deviceIds(state, 'CUS-1001')).toEqual(['DEV-0002']);
    // One stored answer for the key, the one both DELETEs got.
    expect(Object.keys(state.idempotency).filter((k) => k.endsWith(`\n${firstKey}`))).toHaveLength(1);

    // The pending call is settled: the next message is an ordinary turn, with no further DELETE.
    await convo.send(restarted.send, { kind: 'text', text: 'こんにちは' });
    expect(convo.text()).toContain('ご用件をお選びください');
    expect(proxy.matching(DELETE_DEV_0001)).toHaveLength(2);
  }, 90_000);

  it('restarted within the lease, says the request may still be in flight and sends nothing; later it reconciles', async () => {
    const convo = conversation(`reliability:crash-lease:${randomUUID()}`);
    await deleteAndCrash(convo);

    const early = await startBot('bot-within-lease', afterT0(10_000));
    await convo.send(early.send, { kind: 'text', text: 'こんにちは' });
    expect(convo.text()).toContain(ENGINE.inFlight);
    await convo.send(early.send, { kind: 'text', text: 'やめる' });
    expect(convo.text()).toContain(ENGINE.inFlight);
    expect(proxy.matching(DELETE_DEV_0001)).toHaveLength(1);
    expect(proxy.log.filter((e) => e.method !== 'GET').map((e) => e.path)).toEqual([
      '/identity/verifications',
      expect.stringMatching(/^\/identity\/verifications\/.+/),
      '/miemasu/devices/DEV-0001',
    ]);
    await early.close();

    const later = await startBot('bot-after-lease', afterT0(TWO_MINUTES));
    await convo.send(later.send, { kind: 'text', text: 'こんにちは' });
    expect(convo.text()).toContain(ENGINE.recovered);
    expect(convo.text()).toContain(DEVICE_DELETED);
    const deletes = proxy.matching(DELETE_DEV_0001);
    expect(deletes).toHaveLength(2);
    expect(deletes[1]?.idempotencyKey).toBe(deletes[0]?.idempotencyKey);
    expect(deletes[1]?.replayed).toBe(true);
    const state = await readSandboxState(join(dir, 'sandbox.sqlite'));
    expect(effects(state, 'deleteMiemasuDevice', 'DEV-0001')).toBe(1);
  }, 90_000);
  it('killed after writing the pending call but before the backend saw it: after the lease the SAME key is sent for the first time, once', async () => {
    const convo = conversation(`reliability:crash-unsent:${randomUUID()}`);
    await deleteAndCrash(convo, 'before-send');
    const restarted = await startBot('bot-after-crash', afterT0(TWO_MINUTES));
    await convo.send(restarted.send, { kind: 'text', text: 'こんにちは' });

    const deletes = proxy.matching(DELETE_DEV_0001);
    expect(deletes.map((d) => d.delivery)).toEqual(['lost', 'forwarded']);
    expect(deletes[1]?.idempotencyKey).toBe(deletes[0]?.idempotencyKey);
    expect(deletes[1]?.replayed).toBe(false);
    expect(convo.text()).toContain(DEVICE_DELETED);
    expect(convo.text()).toContain(DEVICE_VERIFIED_GONE);
    const state = await readSandboxState(join(dir, 'sandbox.sqlite'));
    expect(effects(state, 'deleteMiemasuDevice', 'DEV-0001')).toBe(1);
    expect(deviceIds(state, 'CUS-1001')).toEqual(['DEV-0002']);
  }, 90_000);

  it('two bots restarted on the same SQLite file reconcile at the same moment: same key, one effect, one success message', async () => {
    const convo = conversation(`reliability:crash-two:${randomUUID()}`);
    await deleteAndCrash(convo);
    const [first, second] = await Promise.all([
      startBot('bot-a-after-crash', afterT0(TWO_MINUTES)),
      startBot('bot-b-after-crash', afterT0(TWO_MINUTES)),
    ]);
    const hello = convo.turnFor({ kind: 'text', text: 'こんにちは' });
    const answers = await Promise.all([first.send(hello), second.send(hello)]);
    const said = answers.map((replies) => replies.map((r) => r.text).join('\n'));

    const deletes = proxy.matching(DELETE_DEV_0001);
    expect(new Set(deletes.map((d) => d.idempotencyKey)).size).toBe(1);
    expect(deletes.slice(1).every((d) => d.replayed === true)).toBe(true);
    const state = await readSandboxState(join(dir, 'sandbox.sqlite'));
    expect(effects(state, 'deleteMiemasuDevice', 'DEV-0001')).toBe(1);
    expect(
      said.filter((text) => text.includes(DEVICE_DELETED)),
      said.join('\n---\n'),
    ).toHaveLength(1);
    for (const text of said) {
      expect(text).not.toContain(ENGINE.unknown);
      expect(text).not.toContain(ENGINE.internalError);
    }
    // The other instance lost the race: it says the request is being processed, or simply goes on.
    const other = said.find((text) => !text.includes(DEVICE_DELETED)) ?? '';
    expect(
      [ENGINE.inFlight, 'ご用件をお選びください'].some((t) => other.includes(t)),
      other,
    ).toBe(true);
    // One deletion, one receipt: whichever instance mentions a receipt number mentions the same one.
    expect(new Set(said.flatMap((text) => text.match(/RC-[0-9A-Z]+/g) ?? [])).size).toBe(1);
  }, 90_000);
});
