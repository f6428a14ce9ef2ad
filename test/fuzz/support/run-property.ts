/**
 * Runs a fast-check property bounded in count and in time, prints a one-line summary of how many inputs it tried
 * (and any counters the property kept), and fails with fast-check's report (seed, path, counterexample) when the
 * property fails. An interruption by the time limit after at least one successful run is not a failure.
 */
import fc from 'fast-check';

export interface Bounds {
  numRuns: number;
  /** Stop generating new runs after this long (the run in progress finishes). */
  timeLimitMs: number;
  /** Reproduce a failure: the seed (and path) fast-check printed; `FUZZ_SEED` in the environment also sets it. */
  seed?: number;
  path?: string;
}

/** The seed CI replays when FUZZ_SEED is not set. */
export const CI_SEED = 20_261_123;

export async function runProperty<Ts>(
  name: string,
  property: fc.IAsyncProperty<Ts>,
  bounds: Bounds,
  counters: () => Record<string, number> = () => ({}),
): Promise<void> {
  const started = Date.now();
  const envSeed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
  // Locally every run explores new inputs (a random seed, printed below); CI replays a fixed seed so that a
  // landing is never decided by luck. Set FUZZ_SEED to replay a failure or to explore in CI.
  const seed =
    bounds.seed ??
    (Number.isInteger(envSeed)
      ? envSeed
      : process.env.CI === 'true'
        ? CI_SEED
        : Math.floor(Math.random() * 2 ** 31));
  const details = await fc.check(property, {
    numRuns: bounds.numRuns,
    plugins: [fc.interruptAfterTimeLimit(bounds.timeLimitMs)],
    seed,
    ...(bounds.path !== undefined ? { path: bounds.path } : {}),
  });
  const extra = Object.entries(counters())
    .map(([key, value]) => `${key}=${value}`)
    .join(' ');
  console.log(
    `[fuzz] ${name} (seed ${seed}): ${details.numRuns} runs${details.interrupted ? ' (time limit reached)' : ''}, ` +
      `${details.numSkips} skipped, ${Date.now() - started} ms${extra ? `; ${extra}` : ''}`,
  );
  if (details.failed) {
    const report = await fc.asyncDefaultReportMessage(details);
    const cause = details.errorInstance;
    throw new Error(`${report}\nFailure: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
  }
}

/** `FUZZ_SCALE` (default 1) multiplies run counts and time limits, for longer runs on demand. */
export function scaled(bounds: Bounds): Bounds {
  const scale = Number(process.env.FUZZ_SCALE ?? '1');
  const factor = Number.isFinite(scale) && scale > 0 ? scale : 1;
  return {
    ...bounds,
    numRuns: Math.max(1, Math.round(bounds.numRuns * factor)),
    timeLimitMs: Math.round(bounds.timeLimitMs * factor),
  };
}
