/**
 * The deliveries still being handled (acknowledged to Slack, engine turn or posting still running), so `close()`
 * can let them finish and tests can wait for the bot's answer instead of sleeping.
 */
export class InFlight {
  readonly #running = new Set<Promise<unknown>>();
  #waiters: (() => void)[] = [];

  /** Registers `work` until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    this.#running.add(work);
    const done = () => {
      this.#running.delete(work);
      if (this.#running.size === 0) for (const wake of this.#waiters.splice(0)) wake();
    };
    work.then(done, done);
    return work;
  }

  /** Resolves once nothing is running (at once when idle). */
  idle(): Promise<void> {
    if (this.#running.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }
}
