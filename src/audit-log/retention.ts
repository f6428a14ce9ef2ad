/**
 * Retention: entries older than the configured number of days are purged once at start (awaited, so a fresh
 * instance never serves a query with expired entries) and then once a day on an unref'd timer, which never keeps
 * the process alive. A failed purge is reported and retried at the next run; it never stops the bot.
 */
import type { AuditLog } from './log.js';

export const DAY_MS = 24 * 3600_000;

/** The instant before which entries are purged: `days` whole days before `now`. */
export function retentionCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

export interface RetentionOptions {
  days: number;
  now: () => Date;
  /** Every run's count (for an operator's log). */
  onPurged?: (count: number, cutoff: Date) => void;
  onError: (error: unknown) => void;
  /** Between runs; default one day. */
  intervalMs?: number;
}

export interface Retention {
  stop(): void;
}

/** Purges now, then every `intervalMs`. Resolves after the first purge (its failure is reported, not thrown). */
export async function startRetention(log: AuditLog, options: RetentionOptions): Promise<Retention> {
  if (!Number.isFinite(options.days) || options.days <= 0) {
    throw new RangeError('The audit retention must be a positive number of days.');
  }
  let running: Promise<void> | undefined;
  const purge = (): Promise<void> => {
    // A run still in progress (a slow database) is not doubled.
    running ??= (async () => {
      const cutoff = retentionCutoff(options.now(), options.days);
      try {
        // Not inside `onPurged?.(…)`: an absent callback would skip evaluating its argument, the purge itself.
        const count = await log.purgeOlderThan(cutoff);
        options.onPurged?.(count, cutoff);
      } catch (error) {
        options.onError(error);
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  await purge();
  const timer = setInterval(() => void purge(), options.intervalMs ?? DAY_MS);
  timer.unref();
  return {
    stop: () => clearInterval(timer),
  };
}
