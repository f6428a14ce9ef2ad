/**
 * Graceful shutdown on SIGTERM / SIGINT. The first signal runs `stop` (stop accepting, let turns in flight
 * finish within the grace period, close channels, stores and the audit log) and exits 0 when it completes, 1 when
 * it fails or outlasts `hardLimitMs`. A second signal while stopping exits 1 at once: the operator insisted.
 * What `stop` does is the server's business (`RunningServer.close`); this module only owns the process's exit.
 */
export interface ShutdownOptions {
  /** Finishes the work and closes everything; its rejection is reported and exits 1. */
  stop(): Promise<void>;
  /** Past this, the process exits 1 whatever `stop` is doing (a stuck connection must not block a deploy). */
  hardLimitMs: number;
  /** One line per step (stderr in the server). */
  log(line: string): void;
  exit?: (code: number) => void;
  signals?: readonly NodeJS.Signals[];
}

export function exitGracefullyOnSignals(options: ShutdownOptions): void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      options.log(`${signal} again while stopping: exiting now`);
      exit(1);
      return;
    }
    stopping = true;
    options.log(`${signal}: stopping (no new requests; turns in flight may finish)`);
    const hardLimit = setTimeout(() => {
      options.log(`shutdown did not finish within ${options.hardLimitMs} ms: exiting`);
      exit(1);
    }, options.hardLimitMs);
    hardLimit.unref();
    options.stop().then(
      () => {
        clearTimeout(hardLimit);
        options.log('stopped');
        exit(0);
      },
      (error: unknown) => {
        clearTimeout(hardLimit);
        options.log(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        exit(1);
      },
    );
  };
  for (const signal of options.signals ?? ['SIGTERM', 'SIGINT']) process.on(signal, onSignal);
}
