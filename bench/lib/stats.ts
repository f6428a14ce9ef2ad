/**
 * Small statistics for the benchmarks: percentiles of latency samples, medians across runs, and a high-resolution
 * stopwatch. Percentiles use the nearest-rank method on a sorted copy.
 */

/** The p-th percentile (0 < p ≤ 1) by nearest rank; `NaN` for no samples. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

/** The middle value (the mean of the two middle values for an even count); `NaN` for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? Number.NaN) + (sorted[mid] ?? Number.NaN)) / 2;
}

/** Milliseconds since `start` (a `process.hrtime.bigint()` reading). */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Rounds for the results file: 3 significant decimals below 10, 1 decimal below 1000, integers above. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  const abs = Math.abs(value);
  const digits = abs < 1 ? 4 : abs < 10 ? 3 : abs < 1000 ? 1 : 0;
  return Number(value.toFixed(digits));
}

/**
 * The median of each numeric field across runs (every run has the same fields). Non-numeric fields are taken
 * from the first run. `runs` records how many runs were combined.
 */
export function medianOfRuns<T extends Record<string, number | string | boolean | null>>(
  runs: readonly T[],
): T & { runs: number } {
  const first = runs[0];
  if (!first) throw new Error('medianOfRuns needs at least one run');
  const out: Record<string, number | string | boolean | null> = {};
  for (const [key, value] of Object.entries(first)) {
    out[key] = typeof value === 'number' ? round(median(runs.map((r) => Number(r[key])))) : value;
  }
  return { ...(out as T), runs: runs.length };
}

/** A copy with every numeric field rounded by {@link round}. */
export function roundAll<T extends Record<string, number>>(record: T): T {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, round(v)])) as T;
}

/** Waits `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
