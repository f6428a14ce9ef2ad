/**
 * The audit outbox (invariant 9) over the memory store and a log that fails on demand: entries are durable before
 * the log has them, reach it in order exactly once (also when an append committed but its answer was lost), and a
 * dead process's lane is delivered by another.
 */
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/audit-log/entry.js';
import type { AuditLog } from '../../src/audit-log/log.js';
import { createMemoryAuditLog } from '../../src/audit-log/memory.js';
import { createAuditOutbox, type OutboxRecord } from '../../src/audit-log/outbox.js';
import { createMemoryStore } from '../../src/engine/store/memory.js';
import { minutesAfter, sampleEntry } from './support.js';

type Mode = 'up' | 'down' | 'commit-then-fail';

/** The memory log behind a switch: `down` refuses appends and queries; `commit-then-fail` appends, then throws. */
function switchableLog(): AuditLog & { mode: Mode; inner: AuditLog } {
  const inner = createMemoryAuditLog();
  const log = {
    mode: 'up' as Mode,
    inner,
    async append(entries: readonly AuditEntry[]) {
      if (log.mode === 'down') throw new Error('connection refused');
      await inner.append(entries);
      if (log.mode === 'commit-then-fail') throw new Error('connection reset after commit');
    },
    async query(query: Parameters<AuditLog['query']>[0]) {
      if (log.mode === 'down') throw new Error('connection refused');
      return inner.query(query);
    },
    purgeOlderThan: (cutoff: Date) => inner.purgeOlderThan(cutoff),
    close: () => inner.close(),
  };
  return log;
}

const entry = (n: number): AuditEntry =>
  sampleEntry({ at: minutesAfter(n), what: { operation: `op-${n}`, destructive: false } });
const all = (log: AuditLog) => log.query({ limit: 10_000 });
const ops = (entries: AuditEntry[]) => entries.map((e) => e.what.operation);
const FIXED_NOW = Date.parse('2026-11-23T01:00:00.000Z');

function setup(
  log = switchableLog(),
  store = createMemoryStore<OutboxRecord>({ ttlMs: 3600_000 }),
  leaseRenewMs?: number,
) {
  let now = FIXED_NOW;
  const errors: string[] = [];
  const make = () =>
    createAuditOutbox({
      store,
      log,
      now: () => now,
      retryMs: 60_000, // the tests flush by hand
      sweepMs: 3600_000,
      staleLaneMs: 60_000,
      ...(leaseRenewMs !== undefined ? { leaseRenewMs } : {}),
      waitForDeliveryMs: 1_000,
      onError: (error, phase) => errors.push(`${phase}: ${String(error)}`),
    });
  return { log, store, make, errors, advance: (ms: number) => (now += ms), now: () => now };
}

describe('the audit outbox', () => {
  it('a healthy log has the entries when enqueue resolves, in order', async () => {
    const { log, make } = setup();
    const outbox = make();
    await outbox.enqueue([entry(1), entry(2)]);
    await outbox.enqueue([entry(3)]);
    expect(ops(await all(log))).toEqual(['op-1', 'op-2', 'op-3']);
    expect(outbox.backlog()).toBe(0);
    await outbox.close();
  });

  it('a log that is down: enqueue still succeeds; after recovery every entry arrives once, in order', async () => {
    const { log, make, errors } = setup();
    const outbox = make();
    log.mode = 'down';
    for (let n = 1; n <= 30; n++) await outbox.enqueue([entry(n)]);
    expect(await log.inner.query({ limit: 100 })).toEqual([]);
    expect(outbox.backlog()).toBe(30);
    expect(errors.length).toBeGreaterThan(0);
    log.mode = 'up';
    await outbox.flush();
    expect(ops(await all(log))).toEqual(Array.from({ length: 30 }, (_, i) => `op-${i + 1}`));
    expect(outbox.backlog()).toBe(0);
    await outbox.close();
  });

  it('an append that committed but answered with an error is not appended again', async () => {
    const { log, make } = setup();
    const outbox = make();
    log.mode = 'commit-then-fail';
    await outbox.enqueue([entry(1), entry(2)]);
    log.mode = 'up';
    await outbox.enqueue([entry(3)]);
    await outbox.flush();
    expect(ops(await all(log))).toEqual(['op-1', 'op-2', 'op-3']);
    await outbox.close();
  });

  it("a dead process's undelivered entries are delivered by the next one, once", async () => {
    const shared = setup();
    const first = shared.make();
    shared.log.mode = 'down';
    await first.enqueue([entry(1)]);
    await first.enqueue([entry(2), entry(3)]);
    await first.close(); // the process dies; its lane stays in the store
    shared.log.mode = 'up';
    const second = shared.make();
    await second.flush();
    expect(await all(shared.log)).toEqual([]); // not stale yet: the first might still be alive
    shared.advance(61_000);
    await second.flush();
    expect(ops(await all(shared.log))).toEqual(['op-1', 'op-2', 'op-3']);
    await second.flush();
    expect(ops(await all(shared.log))).toEqual(['op-1', 'op-2', 'op-3']);
    expect((await shared.store.get('lanes'))?.value).toEqual({ type: 'lanes', lanes: [] });
    await second.close();
  });

  it("two processes race to adopt a dead lane, and the winner's append is slow: every entry once", async () => {
    // The log holds the first append until released: the adopter is alive, but slow.
    const base = switchableLog();
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let holding = false;
    let arrived = () => {};
    const appending = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const slow = Object.assign(Object.create(base) as typeof base, {
      async append(entries: readonly AuditEntry[]) {
        if (holding) {
          holding = false;
          arrived();
          await held;
        }
        await base.append(entries);
      },
    });
    // Lease renewed every 5 ms (real timers; the staleness is judged on the fixed clock below).
    const shared = setup(slow, undefined, 5);
    const dead = shared.make();
    base.mode = 'down';
    await dead.enqueue([entry(1)]);
    await dead.enqueue([entry(2), entry(3)]);
    await dead.close(); // the process dies; its lane stays in the store
    base.mode = 'up';
    holding = true;
    shared.advance(61_000);

    // Two processes sweep at once: the compare-and-set lets one adopt; the other's flush returns at once.
    const [b, c] = [shared.make(), shared.make()];
    const flushes = { b: b.flush(), c: c.flush() };
    const loser = await Promise.race([
      flushes.b.then(() => 'b' as const),
      flushes.c.then(() => 'c' as const),
    ]);
    await appending;
    const [owner, other] = loser === 'b' ? [c, b] : [b, c];

    // The append outlasts the lane's staleness on the clock; the owner's lease keeps it from looking dead.
    shared.advance(3 * 61_000);
    const lanes = (await shared.store.get('lanes'))?.value;
    const laneId = lanes?.type === 'lanes' ? lanes.lanes[0] : undefined;
    for (let waited = 0; waited < 200; waited++) {
      const head = (await shared.store.get(`lane:${laneId}`))?.value;
      if (head?.type === 'head' && head.touchedAt === shared.now()) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await other.flush(); // must not adopt: the owner is alive
    // Nor may the owner's own next sweep (a timer tick, a flush) deliver the lane a second time meanwhile.
    const ownerAgain = owner.flush();
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await (loser === 'b' ? flushes.c : flushes.b);
    await ownerAgain;
    await other.flush();

    expect(ops(await all(base))).toEqual(['op-1', 'op-2', 'op-3']);
    await Promise.all([owner.close(), other.close()]);
  });

  it('a store that cannot write refuses the enqueue (the caller must not act)', async () => {
    const store = createMemoryStore<OutboxRecord>({ ttlMs: 3600_000 });
    const failing = {
      ...store,
      compareAndSet: async () => {
        throw new Error('store down');
      },
    };
    const { make } = setup(switchableLog(), failing);
    await expect(make().enqueue([entry(1)])).rejects.toThrow(/store down/);
  });
});
