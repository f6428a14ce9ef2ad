import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditLog } from '../../src/audit-log/log.js';
import { createMemoryAuditLog } from '../../src/audit-log/memory.js';
import { DAY_MS, retentionCutoff, startRetention } from '../../src/audit-log/retention.js';
import { sampleEntry } from './support.js';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const daysBefore = (instant: string, days: number) =>
  new Date(Date.parse(instant) - days * DAY_MS).toISOString();

describe('audit retention', () => {
  it('purges entries older than the retention at start, then again every day with the clock of that day', async () => {
    vi.useFakeTimers();
    let now = new Date('2026-11-23T01:00:00.000Z');
    const log = createMemoryAuditLog();
    const keptToday = sampleEntry({ at: daysBefore(now.toISOString(), 29) });
    await log.append([sampleEntry({ at: daysBefore(now.toISOString(), 31) }), keptToday, sampleEntry()]);
    const runs: Array<[number, string]> = [];
    const retention = await startRetention(log, {
      days: 30,
      now: () => now,
      onPurged: (count, cutoff) => runs.push([count, cutoff.toISOString()]),
      onError: (error) => {
        throw error;
      },
    });
    // The first purge has finished when start resolves.
    expect(runs).toEqual([[1, '2026-10-24T01:00:00.000Z']]);
    expect(await log.query({ limit: 10 })).toEqual([keptToday, sampleEntry()]);

    now = new Date(now.getTime() + 2 * DAY_MS);
    await vi.advanceTimersByTimeAsync(DAY_MS);
    expect(runs).toHaveLength(2);
    expect(runs[1]).toEqual([1, '2026-10-26T01:00:00.000Z']);
    expect(await log.query({ limit: 10 })).toEqual([sampleEntry()]);

    retention.stop();
    await vi.advanceTimersByTimeAsync(3 * DAY_MS);
    expect(runs).toHaveLength(2);
  });

  it('purges without an onPurged callback too', async () => {
    const log = createMemoryAuditLog();
    await log.append([sampleEntry({ at: '2020-01-01T00:00:00.000Z' }), sampleEntry()]);
    const retention = await startRetention(log, {
      days: 30,
      now: () => new Date('2026-11-23T01:00:00.000Z'),
      onError: (error) => {
        throw error;
      },
    });
    retention.stop();
    expect(await log.query({ limit: 10 })).toEqual([sampleEntry()]);
  });

  it('never keeps the process alive: the daily timer is unref’d', async () => {
    const intervals = vi.spyOn(globalThis, 'setInterval');
    const retention = await startRetention(createMemoryAuditLog(), {
      days: 1,
      now: () => new Date('2026-11-23T01:00:00.000Z'),
      onError: () => undefined,
    });
    const timer = intervals.mock.results[0]?.value as NodeJS.Timeout;
    expect(intervals).toHaveBeenCalledTimes(1);
    expect(intervals.mock.calls[0]?.[1]).toBe(DAY_MS);
    expect(timer.hasRef()).toBe(false);
    retention.stop();
  });

  it('reports a failed purge without throwing, and tries again at the next run', async () => {
    vi.useFakeTimers();
    const errors: unknown[] = [];
    let failing = true;
    const log: AuditLog = {
      ...createMemoryAuditLog(),
      purgeOlderThan: async () => {
        if (failing) throw new Error('database down');
        return 3;
      },
    };
    const counts: number[] = [];
    const retention = await startRetention(log, {
      days: 7,
      now: () => new Date('2026-11-23T01:00:00.000Z'),
      onPurged: (count) => counts.push(count),
      onError: (error) => errors.push(error),
    });
    expect(errors).toEqual([new Error('database down')]);
    failing = false;
    await vi.advanceTimersByTimeAsync(DAY_MS);
    expect(counts).toEqual([3]);
    retention.stop();
  });

  it('refuses a retention that is not a positive number of days', async () => {
    for (const days of [0, -5, Number.NaN]) {
      await expect(
        startRetention(createMemoryAuditLog(), {
          days,
          now: () => new Date('2026-11-23T01:00:00.000Z'),
          onError: () => undefined,
        }),
      ).rejects.toThrow(/positive number of days/);
    }
    // 2555 days = 7 × 365: seven calendar years less the two leap days (2020, 2024).
    expect(retentionCutoff(new Date('2026-11-23T00:00:00.000Z'), 2555).toISOString()).toBe(
      '2019-11-25T00:00:00.000Z',
    );
  });
});
