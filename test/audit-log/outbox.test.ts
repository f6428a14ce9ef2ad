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

function setup(log = switchableLog(), store = createMemoryStore<OutboxRecord>({ ttlMs: 3600_000 })) {
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
      waitForDeliveryMs: 1_000,
      onError: (error, phase) => errors.push(`${phase}: ${String(error)}`),
    });
  return { log, store, make, errors, advance: (ms: number) => (now += ms) };
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
