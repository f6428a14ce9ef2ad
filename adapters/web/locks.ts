/**
 * Runs one task at a time per key (a web session) within this process, so a session's transcript and record
 * are read-modified-written in order. Across instances, the engine's compare-and-set keeps the conversation
 * safe; the transcript is then last-write-wins.
 */
export class KeyedLocks {
  readonly #tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => {});
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }
}
