/**
 * The ConversationStore conformance suite (hono `runTest({ newRouter })` style): every implementation runs
 * these same tests from its own `*.test.ts`, so they all keep the contract in `src/engine/store/types.ts`.
 *
 * `makeStore(options)` must open a store over ONE backend shared by every call in the suite (the same Map, the
 * same SQLite file, the same Redis), so that two calls with the same namespace behave like two bot processes
 * (or one process before and after a restart), and two namespaces share a database.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConversationStore, StoreOptions } from '../../../src/engine/store/types.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type MakeStore = (options: StoreOptions) => Promise<ConversationStore<Json>>;

/** Idle TTL for ordinary tests: long enough never to expire during one. */
const LONG_TTL_MS = 60_000;
const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** A value exercising what JSON can hold: Japanese text, nesting, numbers of every kind, a keyv pitfall. */
export const SAMPLE_STATE: Json = {
  dialog: 'csps.cancel',
  node: 'confirm-cancel',
  slots: {
    contractNo: 'HMAO061322',
    service: 'HOME type-S',
    reason: '利用を終了するため、解約をお願いいたします。',
    effectiveDate: '2026-12-31',
    estimateYen: 13_200,
    ratio: 0.25,
    negative: -42,
    zero: 0,
    acknowledged: ['no-refund', 'minimum-term-charge'],
    nothing: null,
    yes: true,
    no: false,
  },
  history: [
    { node: 'start', at: 1_795_000_000_000 },
    { node: 'ask-contract', note: '契約番号：HMMH061530' },
  ],
  colonLeading: ':base64:not-a-buffer',
  empty: { list: [], text: '' },
  emoji: '📷 カメラ',
};

let runCounter = 0;
const runId = `${process.pid}-${Date.now().toString(36)}`;

export function runStoreConformance(name: string, makeStore: MakeStore): void {
  describe(`ConversationStore conformance: ${name}`, () => {
    const opened: ConversationStore<Json>[] = [];
    const written = new Map<string, Set<string>>();

    /** A namespace unique to this test run and test, so runs never see each other's data. */
    const freshNamespace = (): string => `conf-${runId}-${++runCounter}`;

    /** Opens a store and remembers it and the keys the test touches, for cleanup. */
    const open = async (namespace: string, ttlMs = LONG_TTL_MS): Promise<ConversationStore<Json>> => {
      const store = await makeStore({ namespace, ttlMs });
      opened.push(store);
      return store;
    };
    const touch = (namespace: string, key: string): string => {
      const keys = written.get(namespace) ?? new Set<string>();
      keys.add(key);
      written.set(namespace, keys);
      return key;
    };

    afterEach(async () => {
      for (const [namespace, keys] of written) {
        const cleaner = await makeStore({ namespace, ttlMs: LONG_TTL_MS });
        for (const key of keys) await cleaner.delete(key);
        await cleaner.close();
      }
      written.clear();
      for (const store of opened.splice(0)) await store.close();
    });

    it('returns undefined for a key never written', async () => {
      const ns = freshNamespace();
      const store = await open(ns);
      expect(await store.get(touch(ns, 'absent'))).toBeUndefined();
    });

    it('creates with expected version 0 and reads back version 1', async () => {
      const ns = freshNamespace();
      const store = await open(ns);
      const key = touch(ns, 'slack:T1:C1:1700000000.000100');
      expect(await store.compareAndSet(key, 0, { step: 'start' })).toEqual({ ok: true, version: 1 });
      expect(await store.get(key)).toEqual({ value: { step: 'start' }, version: 1 });
    });

    it('refuses a second create and reports the stored version, leaving the value alone', async () => {
      const ns = freshNamespace();
      const store = await open(ns);
      const key = touch(ns, 'k');
      await store.compareAndSet(key, 0, 'first');
      expect(await store.compareAndSet(key, 0, 'second')).toEqual({ ok: false, currentVersion: 1 });
      expect(await store.get(key)).toEqual({ value: 'first', version: 1 });
    });

    it('updates with the right version and increments it', async () => {
      const ns = freshNamespace();
      const store = await open(ns);
      const key = touch(ns, 'k');
      await store.compareAndSet(key, 0, 'v1');
      expect(await store.compareAndSet(key, 1, 'v2')).toEqual({ ok: true, version: 2 });
      expect(await store.compareAndSet(key, 2, 'v3')).toEqual({ ok: true, version: 3 });
      expect(await store.get(key)).toEqual({ value: 'v3', version: 3 });
    });

    it('refuses a stale or future version and leaves the value unchanged', async () => {
      const ns = freshNamespace();
      const store = await open(ns);
      const key = touch(ns, 'k');
      await store.compareAndSet(key, 0, 'v1');
      await store.compareAndSet(key, 1, 'v2');
      expect(await store.compareAndSet(key, 1, 'stale')).toEqual({ ok: false, currentVersion: 2 });
      expect(await store.compareAndSet(key, 7, 'future')).toEqual({ ok: false, currentVersion: 2 });
      expect(await store.get(key)).toEqual({ value: 'v2', version: 2 });
    });

    it('refuses an update of an absent key, reporting version 0', async () => {
      const ns = freshNamespace();
      const store = await open(ns);
      expect(await store.compareAndSet(touch(ns, 'never'), 3, 'x')).toEqual({ ok: false, currentVersion: 0 });
      expect(await store.get('never')).toBeUndefined();
    });

    it('lets exactly one of 10 racing writers with the same expected version win', async () => {
      const ns = freshNamespace();
      const store = await open(ns);
      const key = touch(ns, 'race');
      for (const expected of [0, 1]) {
        const results = await Promise.all(
          Array.from({ length: 10 }, (_, writer) => store.compareAndSet(key, expected, { writer })),
        );
        const winners = results.flatMap((result, writer) => (result.ok ? [writer] : []));
        expect(winners).toHaveLength(1);
        for (const result of results) {
          expect(result).toEqual(
            result.ok ? { ok: true, version: expected + 1 } : { ok: false, currentVersion: expected + 1 },
          );
        }
        expect(await store.get(key)).toEqual({ value: { writer: winners[0] }, version: expected + 1 });
      }
    });

    it('lets exactly one of two store instances (two processes) win a race on the same key', async () => {
      const ns = freshNamespace();
      const [first, second] = [await open(ns), await open(ns)];
      const key = touch(ns, 'race-instances');
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? first : second).compareAndSet(key, 0, { i })),
      );
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect((await first.get(key))?.version).toBe(1);
      expect(await first.get(key)).toEqual(await second.get(key));
    });

    it('loses no update when two instances increment a counter with read/compare-and-set retries', async () => {
      const ns = freshNamespace();
      const [first, second] = [await open(ns), await open(ns)];
      const key = touch(ns, 'counter');
      const incrementTimes = async (store: ConversationStore<Json>, times: number): Promise<void> => {
        // Bounded, so a store whose compare-and-set never succeeds fails the test instead of hanging it.
        for (let done = 0, attempts = 0; done < times; attempts += 1) {
          if (attempts > 50 * times)
            throw new Error(`gave up after ${attempts} attempts, ${done} increments`);
          const current = await store.get(key);
          const count = typeof current?.value === 'number' ? current.value : 0;
          if ((await store.compareAndSet(key, current?.version ?? 0, count + 1)).ok === true) done += 1;
        }
      };
      await Promise.all([incrementTimes(first, 8), incrementTimes(second, 8)]);
      expect(await first.get(key)).toEqual({ value: 16, version: 16 });
    });

    it('deletes a record, after which the key can be created again from version 0', async () => {
      const ns = freshNamespace();
      const store = await open(ns);
      const key = touch(ns, 'k');
      await store.compareAndSet(key, 0, 'v1');
      await store.compareAndSet(key, 1, 'v2');
      await store.delete(key);
      expect(await store.get(key)).toBeUndefined();
      expect(await store.compareAndSet(key, 2, 'stale')).toEqual({ ok: false, currentVersion: 0 });
      expect(await store.compareAndSet(key, 0, 'again')).toEqual({ ok: true, version: 1 });
      await store.delete(touch(ns, 'never-written'));
    });

    it('expires an idle record after ttlMs, and every write restarts that time', async () => {
      const ns = freshNamespace();
      // Margins of 400 ms either side keep this steady on a loaded two-core CI machine.
      const ttlMs = 800;
      const store = await open(ns, ttlMs);
      const key = touch(ns, 'idle');
      await store.compareAndSet(key, 0, 'v1');
      await sleep(400);
      expect(await store.compareAndSet(key, 1, 'v2')).toEqual({ ok: true, version: 2 });
      await sleep(400); // 800 ms after creation, 400 ms after the refreshing write
      expect(await store.get(key)).toEqual({ value: 'v2', version: 2 });
      await sleep(800); // 1200 ms idle
      expect(await store.get(key)).toBeUndefined();
      expect(await store.compareAndSet(key, 2, 'stale')).toEqual({ ok: false, currentVersion: 0 });
      expect(await store.compareAndSet(key, 0, 'fresh')).toEqual({ ok: true, version: 1 });
    });

    it('keeps namespaces apart for the same key', async () => {
      const [nsA, nsB] = [freshNamespace(), freshNamespace()];
      const [a, b] = [await open(nsA), await open(nsB)];
      const key = touch(nsA, touch(nsB, 'shared-key'));
      expect(await a.compareAndSet(key, 0, 'from A')).toEqual({ ok: true, version: 1 });
      expect(await b.get(key)).toBeUndefined();
      expect(await b.compareAndSet(key, 0, 'from B')).toEqual({ ok: true, version: 1 });
      await a.compareAndSet(key, 1, 'A again');
      await b.delete(key);
      expect(await a.get(key)).toEqual({ value: 'A again', version: 2 });
      expect(await b.get(key)).toBeUndefined();
    });

    it('round-trips JSON values deep-equal, unaffected by later mutation of the input', async () => {
      const ns = freshNamespace();
      const store = await open(ns);
      const key = touch(ns, 'sample');
      const input = structuredClone(SAMPLE_STATE);
      await store.compareAndSet(key, 0, input);
      (input as { slots: { reason: string } }).slots.reason = 'changed after the write';
      expect((await store.get(key))?.value).toEqual(SAMPLE_STATE);
    });

    it('round-trips arbitrary JSON values', async () => {
      const ns = freshNamespace();
      const store = await open(ns);
      let n = 0;
      await fc.assert(
        fc.asyncProperty(fc.jsonValue({ maxDepth: 3, stringUnit: 'grapheme' }), async (value) => {
          const expected = JSON.parse(JSON.stringify(value)) as Json;
          const key = touch(ns, `prop-${n++}`);
          expect(await store.compareAndSet(key, 0, expected)).toEqual({ ok: true, version: 1 });
          expect((await store.get(key))?.value).toEqual(expected);
        }),
        { numRuns: 25 },
      );
    });

    it('resumes after close and reopen: the value and version are still there', async () => {
      const ns = freshNamespace();
      const key = touch(ns, 'restart');
      const before = await open(ns);
      await before.compareAndSet(key, 0, SAMPLE_STATE);
      await before.compareAndSet(key, 1, { ...(SAMPLE_STATE as object), node: 'done' });
      await before.close();
      const after = await open(ns);
      expect(await after.get(key)).toEqual({
        value: { ...(SAMPLE_STATE as object), node: 'done' },
        version: 2,
      });
      expect(await after.compareAndSet(key, 2, 'continued')).toEqual({ ok: true, version: 3 });
    });
  });
}
