/**
 * The Slack channel's work queue: deliveries are acknowledged first and handled from here, a bounded number at a
 * time, so acknowledging (cheap: parse, verify, answer 200) never waits behind more than `concurrency` handlings
 * (an engine turn and Web API posts, ≈ 1 ms of CPU each). Tasks start from `setImmediate`, after the event loop
 * has read the requests waiting on its sockets, so a backlog delays replies rather than acknowledgements.
 *
 * Contract:
 * - `offer(work)` enqueues and returns true, or returns false — without enqueuing — when `capacity` tasks are
 *   already waiting or the queue is closing. The caller must then NOT acknowledge: Slack retries the delivery
 *   later (to this or another instance), so nothing is lost (backpressure).
 * - At most `concurrency` tasks run at once; tasks start in arrival order.
 * - A task's failure goes to `onError`; it never stops the queue.
 * - `close(graceMs)`: refuses new work, then waits for every accepted task (running and waiting) to finish, up to
 *   `graceMs`. Tasks still waiting after that are not started; their labels are returned so the caller logs
 *   them (acknowledged work is never dropped silently).
 */
export interface EventQueueOptions {
  concurrency: number;
  capacity: number;
  onError(error: unknown): void;
}

interface Task {
  label: string;
  work: () => Promise<void>;
}

export class EventQueue {
  readonly #options: EventQueueOptions;
  readonly #waiting: Task[] = [];
  #running = 0;
  #closing = false;
  #scheduled = false;
  #idleWaiters: (() => void)[] = [];
  /** Counters for the benchmark and logs. */
  readonly stats = { accepted: 0, refused: 0, handled: 0, maxBacklog: 0 };

  constructor(options: EventQueueOptions) {
    this.#options = options;
  }

  /** Waiting plus running. */
  get backlog(): number {
    return this.#waiting.length + this.#running;
  }

  offer(label: string, work: () => Promise<void>): boolean {
    if (this.#closing || this.#waiting.length >= this.#options.capacity) {
      this.stats.refused++;
      return false;
    }
    this.#waiting.push({ label, work });
    this.stats.accepted++;
    this.stats.maxBacklog = Math.max(this.stats.maxBacklog, this.backlog);
    this.#schedule();
    return true;
  }

  /** Starts a new high-water mark (`stats.maxBacklog`) from the backlog now (a benchmark phase's own peak). */
  resetHighWater(): void {
    this.stats.maxBacklog = this.backlog;
  }

  /** Resolves once nothing is waiting or running (at once when idle). */
  idle(): Promise<void> {
    if (this.backlog === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  async close(graceMs: number): Promise<{ abandoned: string[] }> {
    this.#closing = true;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.idle(),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      }),
    ]);
    clearTimeout(timer);
    return { abandoned: this.#waiting.splice(0).map((task) => task.label) };
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      this.#startNext();
    });
  }

  /** Fills the free slots (up to `concurrency` running), in arrival order. */
  #startNext(): void {
    while (this.#running < this.#options.concurrency) {
      const task = this.#waiting.shift();
      if (!task) return;
      this.#running++;
      task
        .work()
        .catch((error: unknown) => this.#options.onError(error))
        .finally(() => {
          this.#running--;
          this.stats.handled++;
          if (this.backlog === 0) for (const wake of this.#idleWaiters.splice(0)) wake();
          else this.#schedule();
        });
    }
  }
}
