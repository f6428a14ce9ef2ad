/**
 * A per-key mutual exclusion built from promise chains: `run(key, task)` starts `task` only after every task
 * previously queued for the same key has settled (fulfilled or rejected). Tasks on different keys run freely.
 * Used by the in-memory store, where JavaScript interleaves at each `await` and a read-then-write
 * compare-and-set would otherwise race.
 */
export class KeyedMutex {
  readonly #tails = new Map<string, Promise<unknown>>();

  /** Runs `task` exclusively for `key` and returns its result (or rejection). */
  async run<R>(key: string, task: () => Promise<R>): Promise<R> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.#tails.set(key, tail);
    try {
      return await result;
    } finally {
      // Forget the chain once nothing newer has been queued behind it, so idle keys do not leak.
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    }
  }

  /** Number of keys with queued or running tasks (for tests and diagnostics). */
  get activeKeys(): number {
    return this.#tails.size;
  }
}
