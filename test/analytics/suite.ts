/**
 * The analytics' expected answers on the seeded data set (`fixture.ts`), written by hand, run against every
 * database (`sqlite.test.ts`, `postgres.test.ts`): the same numbers on both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsDb } from '../../src/analytics/db.js';
import type { AnalyticsFilters } from '../../src/analytics/filters.js';
import { parseFilters } from '../../src/analytics/filters.js';
import { daily, dashboard, faq, funnel, satisfaction } from '../../src/analytics/queries.js';
import { OPEN_RUNS_WINDOW, seedDigests } from './fixture.js';

/** 2026-11-01 … 2026-12-01 (UTC): the whole data set. */
const ALL: AnalyticsFilters = {
  since: new Date('2026-11-01T00:00:00.000Z'),
  until: new Date('2026-12-01T00:00:00.000Z'),
};

export function analyticsSuite(
  name: string,
  setup: () => Promise<{ db: AnalyticsDb; tag: string; cleanup(): Promise<void> }>,
): void {
  describe(`analytics on ${name}`, () => {
    let db: AnalyticsDb;
    let tag: string;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      ({ db, tag, cleanup } = await setup());
    });
    afterAll(async () => {
      await cleanup?.();
    });

    it('counts the funnel of each procedure as seeded', async () => {
      const result = await funnel(db, ALL);
      expect(result.map((p) => p.dialogId)).toEqual(['csps-cancel', 'miemasu-delete-one']);
      const [cancel, del] = result;
      expect(del).toEqual({
        dialogId: 'miemasu-delete-one',
        started: 10,
        steps: [
          { kind: 'shown', node: 'confirm-delete', count: 6 },
          { kind: 'acknowledged', node: 'confirm-delete', acknowledgement: 'license-forfeit', count: 5 },
          { kind: 'acknowledged', node: 'confirm-delete', acknowledgement: 'no-refund', count: 5 },
          { kind: 'acknowledged', node: 'confirm-delete', acknowledgement: 'data-loss', count: 4 },
          { kind: 'confirmed', node: 'confirm-delete', count: 4 },
        ],
        completed: 2,
        resolved: 1,
        stopped: 1,
        abandoned: 2,
        endedHandoff: 1,
        failed: 1,
        unknown: 2,
        inProgress: 0,
        handoffLive: 1,
        handoffRequest: 1,
        contained: 1,
        containment: 0.1,
        abandonmentRate: 0.2,
      });
      expect(cancel).toMatchObject({
        dialogId: 'csps-cancel',
        started: 2,
        completed: 1,
        contained: 1,
        stopped: 1,
        abandoned: 0,
        containment: 0.5,
        abandonmentRate: 0,
      });
      expect(cancel?.steps.map((s) => [s.kind, s.count])).toEqual([
        ['shown', 1],
        ['acknowledged', 1],
        ['confirmed', 1],
      ]);
    });

    it('buckets days in Asia/Tokyo: 23:30 UTC belongs to the next day', async () => {
      expect(await daily(db, ALL)).toEqual([
        {
          day: '2026-11-20',
          started: 8,
          handedOff: 2,
          abandoned: 1,
          handoffRate: 0.25,
          abandonmentRate: 0.125,
        },
        { day: '2026-11-21', started: 3, handedOff: 0, abandoned: 0, handoffRate: 0, abandonmentRate: 0 },
        { day: '2026-11-22', started: 1, handedOff: 0, abandoned: 1, handoffRate: 0, abandonmentRate: 1 },
      ]);
    });

    it('summarises satisfaction: count, mean, distribution, skips apart', async () => {
      expect(await satisfaction(db, ALL)).toEqual({
        count: 3,
        skipped: 1,
        mean: 4,
        distribution: [0, 0, 1, 1, 1],
      });
    });

    it('counts FAQ outcomes and lists questions declined at least twice, most first', async () => {
      expect(await faq(db, ALL)).toEqual({
        answered: 3,
        declined: 6,
        escalated: 1,
        notHelpful: 2,
        topDeclined: [
          { question: '請求書の再発行はできますか', count: 3 },
          { question: 'ポイントの有効期限', count: 2 },
        ],
      });
      expect((await faq(db, ALL, { top: 1, minCount: 1 })).topDeclined).toEqual([
        { question: '請求書の再発行はできますか', count: 3 },
      ]);
    });

    it('filters by channel, language, procedure and date range', async () => {
      const web = await funnel(db, { ...ALL, channel: 'web' });
      expect(web.find((p) => p.dialogId === 'miemasu-delete-one')).toMatchObject({
        started: 7,
        completed: 1,
        contained: 1,
        abandoned: 2,
        failed: 1,
        unknown: 1,
      });
      const en = await funnel(db, { ...ALL, language: 'en' });
      expect(en.map((p) => [p.dialogId, p.started, p.completed, p.abandoned])).toEqual([
        ['csps-cancel', 1, 1, 0],
        ['miemasu-delete-one', 1, 0, 1],
      ]);
      const cancel = await funnel(db, { ...ALL, dialogId: 'csps-cancel' });
      expect(cancel.map((p) => p.dialogId)).toEqual(['csps-cancel']);
      // 2026-11-22 in Tokyo: only c9, whose start is 23:30 UTC the day before.
      const { filters } = parseFilters(
        new URLSearchParams({ from: '2026-11-22', to: '2026-11-22' }),
        new Date('2026-11-30T00:00:00.000Z'),
        2555,
      );
      expect((await funnel(db, filters)).map((p) => [p.dialogId, p.started, p.abandoned])).toEqual([
        ['miemasu-delete-one', 1, 1],
      ]);
      expect((await faq(db, { ...ALL, language: 'en' })).declined).toBe(1);
    });

    it('counts a run never ended as abandoned past the idle limit, in progress within it; menu and sub-dialogs are no procedures; their steps count for the procedure', async () => {
      // Idle limit 24 h at 2026-12-11T20:00Z: o1 (started 12-10T01:00Z) is abandoned, o2 (12-11T12:00Z) in progress.
      const idle = { now: new Date('2026-12-11T20:00:00.000Z'), limitMs: 24 * 3600_000 };
      const result = await funnel(db, { ...OPEN_RUNS_WINDOW, idle });
      expect(result.map((p) => p.dialogId)).toEqual(['csps-cancel']);
      // The sub-dialog's step is listed under the procedure it ran in (`what.procedure`).
      expect(result[0]?.steps).toEqual([{ kind: 'shown', node: 'confirm-terms', count: 1 }]);
      expect(result[0]).toMatchObject({
        started: 3,
        stopped: 1,
        abandoned: 1,
        inProgress: 1,
        resolved: 0,
        completed: 0,
        contained: 0,
        abandonmentRate: 0.3333,
      });
      // Without an idle limit, open runs are counted in neither.
      expect((await funnel(db, OPEN_RUNS_WINDOW))[0]).toMatchObject({ abandoned: 0, inProgress: 0 });
      // The dashboard's filters carry the configured limit.
      const { filters } = parseFilters(
        new URLSearchParams({ from: '2026-12-10', to: '2026-12-11' }),
        idle.now,
        2555,
        idle.limitMs,
      );
      expect((await funnel(db, filters))[0]).toMatchObject({ abandoned: 1, inProgress: 1 });
      const board = await dashboard(db, { ...OPEN_RUNS_WINDOW, idle });
      expect(board.choices.procedures).toEqual(['csps-cancel']);
      // Tokyo days: o1 started 12-10; o3 (09:00) and o2 (21:00) on 12-11. o1, abandoned, counts on its day.
      expect(board.daily).toEqual([
        { day: '2026-12-10', started: 1, handedOff: 0, abandoned: 1, handoffRate: 0, abandonmentRate: 1 },
        { day: '2026-12-11', started: 2, handedOff: 0, abandoned: 0, handoffRate: 0, abandonmentRate: 0 },
      ]);
    });

    it('never reaches past the retention window', async () => {
      // Retention 10 days on 2026-12-01T00:00Z: nothing before 2026-11-21T00:00Z is counted, whatever is asked.
      const { filters } = parseFilters(
        new URLSearchParams({ from: '2026-11-01', to: '2026-11-30' }),
        new Date('2026-12-01T00:00:00.000Z'),
        10,
      );
      expect(filters.since.toISOString()).toBe('2026-11-21T00:00:00.000Z');
      const del = (await funnel(db, filters)).find((p) => p.dialogId === 'miemasu-delete-one');
      expect(del).toMatchObject({ started: 2, resolved: 1, abandoned: 1 });
    });

    it('holds no customer id, actor id or conversation digest in any output', async () => {
      const text = JSON.stringify(await dashboard(db, ALL));
      expect(text).not.toMatch(/CUS-|user-c|faq-user/);
      for (const digest of seedDigests(tag)) expect(text).not.toContain(digest);
    });
  });
}
