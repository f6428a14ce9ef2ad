/**
 * The AuditLog conformance suite (hono `runTest({ newRouter })` style): memory, SQLite and PostgreSQL each run
 * these same tests from their own `*.test.ts`, so they all keep the contract in `src/audit-log/log.ts`.
 *
 * `fresh()` must open a new, empty log (its own file or table); every log it returns is closed after each test.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/audit-log/entry.js';
import type { AuditLog } from '../../src/audit-log/log.js';
import { minutesAfter, sampleEntry } from './support.js';

export interface AuditLogFactory {
  fresh(): Promise<AuditLog>;
  /** Another instance over the same storage (another process, or the same after a restart), if any. */
  reopen?: (log: AuditLog) => Promise<AuditLog>;
  /** fast-check runs of the property test (databases are slower). */
  propertyRuns?: number;
}

/** Later than every entry the tests write: purging up to here empties a log. */
const END_OF_TIME = new Date('9999-01-01T00:00:00.000Z');

export function runAuditLogConformance(name: string, factory: AuditLogFactory): void {
  describe(`AuditLog conformance: ${name}`, () => {
    const opened: AuditLog[] = [];
    const fresh = async () => {
      const log = await factory.fresh();
      opened.push(log);
      return log;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((log) => log.close()));
    });

    it('reads back what was appended, by time and then append order', async () => {
      const log = await fresh();
      const first = sampleEntry({ at: minutesAfter(5), kind: 'disclosure-shown', what: { node: 'confirm' } });
      const second = sampleEntry({ at: minutesAfter(5), kind: 'acknowledged', what: { node: 'confirm' } });
      const earlier = sampleEntry({ at: minutesAfter(1), kind: 'identity-verified', result: 'refused' });
      await log.append([first, second]);
      await log.append([earlier]);
      expect(await log.query({ limit: 10 })).toEqual([earlier, first, second]);
    });

    it('keeps every field as given, optional ones absent when absent', async () => {
      const log = await fresh();
      const full = sampleEntry({
        result: 'refused',
        resultCode: 'devices-remain',
        what: {
          node: 'confirm',
          item: { kind: 'contract', id: 'HMMH061530', label: 'type-M' },
          facts: [{ label: '解約日（サービス最終日）', value: '2026年12月31日(木)' }],
          consequences: ['service-termination'],
          acknowledgement: { id: 'service-termination', text: 'サービスが終了します。' },
          question: 'ご契約 HMMH061530 の解約を申し込みます。よろしいですか？',
          typedConfirmation: false,
          operation: 'submitCancellationApplication',
          destructive: true,
          reference: 'R-20261123-238080',
          outcome: 'completed',
          ended: true,
        },
      });
      const bare: AuditEntry = {
        at: minutesAfter(2),
        kind: 'dialog-ended',
        actor: { kind: 'agent', id: 'teams:aad-1' },
        channel: 'teams',
        conversation: '0123456789abcdef',
        dialogId: 'menu',
        what: {},
        result: 'ok',
      };
      await log.append([full, bare]);
      const [readFull, readBare] = await log.query({ limit: 10 });
      expect(readFull).toEqual(full);
      expect(readBare).toStrictEqual(bare);
    });

    it('filters by customer, since (inclusive), until (exclusive) and limit', async () => {
      const log = await fresh();
      const entries = [0, 1, 2, 3].map((minute) =>
        sampleEntry({ at: minutesAfter(minute), customerId: minute % 2 === 0 ? 'CUS-1001' : 'CUS-2001' }),
      );
      await log.append([...entries, sampleEntry({ at: minutesAfter(4), customerId: undefined })]);
      const [e0, e1, e2, e3] = entries;
      expect(await log.query({ customerId: 'CUS-2001', limit: 10 })).toEqual([e1, e3]);
      expect(
        await log.query({ since: new Date(minutesAfter(1)), until: new Date(minutesAfter(3)), limit: 10 }),
      ).toEqual([e1, e2]);
      expect(
        await log.query({ customerId: 'CUS-1001', since: new Date(minutesAfter(1)), limit: 10 }),
      ).toEqual([e2]);
      expect(await log.query({ limit: 2 })).toEqual([e0, e1]);
      expect(await log.query({ customerId: 'CUS-9999', limit: 10 })).toEqual([]);
    });

    it('refuses a batch with an invalid entry and writes none of it', async () => {
      const log = await fresh();
      const withEmail = { ...sampleEntry(), email: 'taro@example.com' } as AuditEntry;
      const rawKey = sampleEntry({ conversation: 'slack:T1:D1' });
      const offsetTime = sampleEntry({ at: '2026-11-23T10:00:00+09:00' });
      for (const bad of [withEmail, rawKey, offsetTime]) {
        await expect(log.append([sampleEntry(), bad])).rejects.toThrow();
      }
      expect(await log.query({ limit: 10 })).toEqual([]);
    });

    it('refuses queries outside its bounds', async () => {
      const log = await fresh();
      for (const limit of [0, -1, 1.5, 10_001]) await expect(log.query({ limit })).rejects.toThrow(/limit/);
      await expect(log.query({ since: new Date('nonsense'), limit: 1 })).rejects.toThrow(/since/);
      await expect(log.purgeOlderThan(new Date('nonsense'))).rejects.toThrow(/cutoff/);
    });

    it('purges only entries strictly older than the cutoff and says how many', async () => {
      const log = await fresh();
      const old = [sampleEntry({ at: '2019-01-01T00:00:00.000Z' }), sampleEntry({ at: minutesAfter(-1) })];
      const atCutoff = sampleEntry({ at: minutesAfter(0) });
      const recent = sampleEntry({ at: minutesAfter(1) });
      await log.append([recent, ...old, atCutoff]);
      expect(await log.purgeOlderThan(new Date(minutesAfter(0)))).toBe(2);
      expect(await log.query({ limit: 10 })).toEqual([atCutoff, recent]);
      expect(await log.purgeOlderThan(new Date(minutesAfter(0)))).toBe(0);
      await log.append([sampleEntry({ at: minutesAfter(2) })]);
      expect(await log.query({ limit: 10 })).toHaveLength(3);
    });

    it('purge and query agree with a plain model for any entries and cutoff', async () => {
      const log = await fresh();
      const minute = fc.integer({ min: -600, max: 600 });
      await fc.assert(
        fc.asyncProperty(fc.array(minute, { maxLength: 12 }), minute, async (minutes, cut) => {
          await log.purgeOlderThan(END_OF_TIME);
          const entries = minutes.map((m, i) =>
            sampleEntry({ at: minutesAfter(m), what: { node: `n${i}` } }),
          );
          await log.append(entries);
          const cutoff = minutesAfter(cut);
          const kept = entries
            .map((entry, seq) => ({ entry, seq }))
            .filter(({ entry }) => entry.at >= cutoff)
            .sort((a, b) => a.entry.at.localeCompare(b.entry.at) || a.seq - b.seq)
            .map(({ entry }) => entry);
          expect(await log.purgeOlderThan(new Date(cutoff))).toBe(entries.length - kept.length);
          expect(await log.query({ limit: 100 })).toEqual(kept);
        }),
        { numRuns: factory.propertyRuns ?? 50 },
      );
    });

    it('refuses use after close; closing twice is harmless', async () => {
      const log = await factory.fresh();
      await log.close();
      await log.close();
      await expect(log.append([sampleEntry()])).rejects.toThrow(/closed/);
      await expect(log.query({ limit: 1 })).rejects.toThrow(/closed/);
    });

    it.runIf(factory.reopen !== undefined)('another instance sees the same entries', async () => {
      const log = await fresh();
      const entry = sampleEntry();
      await log.append([entry]);
      const other = await factory.reopen!(log);
      opened.push(other);
      expect(await other.query({ limit: 10 })).toEqual([entry]);
    });
  });
}
