/**
 * The audit outbox (invariant 9: no audit entry is lost to a database outage). Entries are first made durable in
 * the conversation storage (memory, SQLite or Redis: a versioned store of their own namespace), then delivered to
 * the audit log (SQLite / PostgreSQL) in order, exactly once, with retries. Built above the {@link AuditLog}
 * interface: any implementation of it works.
 *
 * Layout in the store (every record compare-and-set):
 * - `lanes`: the ids of the lanes that may hold entries;
 * - `lane:<id>`: one lane's head — the next sequence number, the last delivered one, and the range being
 *   delivered (when a delivery's outcome is not known yet);
 * - `batch:<id>:<seq>`: the entries of one `enqueue`, all or none.
 *
 * Each process writes its own lane (a random id; one writer, so no contention, and a process-local queue keeps
 * its order). A lane whose head has not been touched for `staleLaneMs` (its process died) is adopted by another
 * process — the compare-and-set lets exactly one win — which delivers what is left and retires it.
 *
 * Adoption and a slow append (the race two adopters used to have): a deliverer — the owner, or an adopter —
 * records `delivering`, then appends. Had that append taken longer than `staleLaneMs`, a second process would
 * have found the head stale, adopted it (its compare-and-set succeeds: nobody touched the head), found nothing of
 * the batches in the log yet, and appended them too; then the first append landed: every entry twice. So while an
 * append is in flight the deliverer renews its hold by a compare-and-set on the head every `leaseRenewMs` (a
 * lease): a live deliverer never looks stale, and of two processes that both see a stale head exactly one wins.
 * What no compare-and-set in the conversation store can close: the store cannot call back a write already sent to
 * another database. If the deliverer is alive but cannot renew for `staleLaneMs` while its append is still in
 * flight (it lost the store but not the log, or it was paused that long between recording `delivering` and
 * sending), the adopter may append the same batches again — a duplicate, never a loss. The bot does not bound an
 * append itself: on PostgreSQL give the bot's role a `statement_timeout` well under `staleLaneMs` (60 s by
 * default), e.g. `ALTER ROLE … SET statement_timeout = '20s'`, so an append cannot outlive the lease.
 *
 * Exactly once: before appending batches `from..to` the head records them as being delivered; after the append,
 * as delivered. When the outcome of an append is unknown (the connection dropped; the process died), the next
 * delivery reads the log in the batches' time window and appends only the entries it does not find (an append is
 * all or none, so it finds all or none). Records expire after `ttlMs` (default 30 days) like every key the bot
 * writes: an outage longer than that would lose the oldest entries, and is reported before then.
 */
import { randomUUID } from 'node:crypto';
import type { ConversationStore, Versioned } from '../engine/store/types.js';
import type { AuditEntry } from './entry.js';
import { type AuditLog, MAX_QUERY_LIMIT } from './log.js';

export type OutboxRecord =
  | { type: 'lanes'; lanes: string[] }
  | {
      type: 'head';
      owner: string;
      /** When the owner last wrote the head (ms since the epoch); a stale head may be adopted. */
      touchedAt: number;
      /** The next batch's sequence number (batches are `delivered + 1 … next − 1`). */
      next: number;
      delivered: number;
      /** Batches `delivered + 1 … delivering` were being appended when last heard of: outcome unknown. */
      delivering?: number | undefined;
    }
  | { type: 'batch'; entries: AuditEntry[] };

type Head = Extract<OutboxRecord, { type: 'head' }>;

export interface AuditOutboxOptions {
  store: ConversationStore<OutboxRecord>;
  log: AuditLog;
  /** The time source, in ms (tests fix it). */
  now?: () => number;
  /** First retry after a failed delivery; doubles up to `maxRetryMs`. Default 1 s. */
  retryMs?: number;
  maxRetryMs?: number;
  /** A lane untouched this long belongs to a dead process and is adopted. Default 60 s. */
  staleLaneMs?: number;
  /**
   * While an append to the log is in flight, the lane's head is touched (a compare-and-set) this often, so a live
   * but slow deliverer never looks dead. Default a third of `staleLaneMs`.
   */
  leaseRenewMs?: number;
  /** How often other processes' lanes are looked at. Default 15 s. */
  sweepMs?: number;
  /** Batches appended in one delivery (one transaction). Default 50. */
  maxBatchesPerDelivery?: number;
  /**
   * While deliveries succeed, `enqueue` waits this long for its entries to reach the log (so a healthy log holds
   * them when the turn ends); after a failure it does not wait until a delivery succeeds again. Default 2 s.
   */
  waitForDeliveryMs?: number;
  /** Record lifetime in the store. Default 30 days. */
  ttlMs?: number;
  /** A failed delivery or sweep (it is retried); never throws. */
  onError?: (error: unknown, phase: string) => void;
}

export interface AuditOutbox {
  /** Makes the entries durable in the outbox, in order; delivery follows in the background. */
  enqueue(entries: readonly AuditEntry[]): Promise<void>;
  /** Delivers everything queued now (this process's lane and stale ones); rejects when delivery fails. */
  flush(): Promise<void>;
  /** Batches of this process not yet delivered (as last known). */
  backlog(): number;
  /** Stops timers; undelivered batches stay in the store for the next start. */
  close(): Promise<void>;
}

export const DEFAULT_OUTBOX_TTL_MS = 30 * 24 * 3600_000;
const LANES = 'lanes';
const laneKey = (id: string) => `lane:${id}`;
const batchKey = (id: string, seq: number) => `batch:${id}:${seq}`;

/** A stable text of an entry (sorted keys), for finding it among entries read back. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export function createAuditOutbox(options: AuditOutboxOptions): AuditOutbox {
  const { store, log } = options;
  const now = options.now ?? Date.now;
  const retryMs = options.retryMs ?? 1_000;
  const maxRetryMs = options.maxRetryMs ?? 30_000;
  const staleLaneMs = options.staleLaneMs ?? 60_000;
  const leaseRenewMs = options.leaseRenewMs ?? Math.max(1, Math.floor(staleLaneMs / 3));
  const sweepMs = options.sweepMs ?? 15_000;
  const perDelivery = options.maxBatchesPerDelivery ?? 50;
  const onError = options.onError ?? (() => {});
  const waitForDeliveryMs = options.waitForDeliveryMs ?? 2_000;
  let failing = false;
  const owner = randomUUID();

  let laneId = '';
  let backlog = 0;
  let closed = false;
  /** This process's enqueues, one at a time and in order (deliveries run beside them). */
  let chain: Promise<unknown> = Promise.resolve();
  /** The delivery of this process's lane in progress, and whether another should follow it. */
  let running: Promise<void> | undefined;
  let again = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let retryDelay = retryMs;

  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.then(work, work);
    chain = next.catch(() => undefined);
    return next;
  };

  async function casOrThrow(key: string, expected: number, value: OutboxRecord): Promise<number> {
    const written = await store.compareAndSet(key, expected, value);
    if (!written.ok) throw new Error(`The audit outbox record "${key}" was changed by another process.`);
    return written.version;
  }

  async function register(id: string, add: boolean): Promise<void> {
    for (let tries = 0; tries < 20; tries++) {
      const found = await store.get(LANES);
      const lanes = found?.value.type === 'lanes' ? found.value.lanes : [];
      const next = add ? [...new Set([...lanes, id])] : lanes.filter((lane) => lane !== id);
      if (next.length === lanes.length && lanes.includes(id) === add) return;
      const written = await store.compareAndSet(LANES, found?.version ?? 0, { type: 'lanes', lanes: next });
      if (written.ok) return;
    }
    throw new Error('The audit outbox lane list kept changing; try again.');
  }

  class LaneLost extends Error {}

  /**
   * Read-modify-write of a lane's head, re-read on a conflict (an enqueue and a delivery may race). `modify`
   * sees the latest head; throws {@link LaneLost} when the lane is gone or owned by another process.
   */
  async function updateHead(id: string, modify: (head: Head) => Head): Promise<Versioned<Head>> {
    for (let tries = 0; tries < 20; tries++) {
      const found = await store.get(laneKey(id));
      if (found?.value.type !== 'head' || found.value.owner !== owner) throw new LaneLost('lane lost');
      const value = { ...modify(found.value), touchedAt: now() };
      const written = await store.compareAndSet(laneKey(id), found.version, value);
      if (written.ok) return { value, version: written.version };
    }
    throw new Error('The audit outbox lane head kept changing; try again.');
  }

  async function openLane(): Promise<void> {
    const id = randomUUID();
    await register(id, true);
    await casOrThrow(laneKey(id), 0, { type: 'head', owner, touchedAt: now(), next: 1, delivered: 0 });
    laneId = id;
  }

  async function enqueueNow(entries: readonly AuditEntry[]): Promise<void> {
    for (let tries = 0; ; tries++) {
      if (!laneId) await openLane();
      try {
        const current = await store.get(laneKey(laneId));
        if (current?.value.type !== 'head' || current.value.owner !== owner) throw new LaneLost('lane lost');
        const seq = current.value.next;
        const key = batchKey(laneId, seq);
        // A batch left by a failed earlier attempt at this number is overwritten: the head never counted it.
        const stale = await store.get(key);
        await casOrThrow(key, stale?.version ?? 0, { type: 'batch', entries: [...entries] });
        const { value } = await updateHead(laneId, (head) => {
          if (head.next !== seq) throw new LaneLost('lane moved');
          return { ...head, next: seq + 1 };
        });
        backlog = value.next - 1 - value.delivered;
        return;
      } catch (error) {
        // Our lane was adopted (we looked dead): start a new one; the adopter delivers the old one.
        if (!(error instanceof LaneLost) || tries >= 2) throw error;
        laneId = '';
      }
    }
  }

  /**
   * Runs `append` (a write to the log) while renewing this process's hold on lane `id`: the head is touched by a
   * compare-and-set every `leaseRenewMs`, so another process never sees the lane as stale — and adopts it, and
   * appends the same batches again — while this append is still in flight. A renewal that finds the lane gone or
   * owned by another process stops renewing (the append in flight cannot be called back; see the module comment).
   */
  async function holdingLane(id: string, append: () => Promise<void>): Promise<void> {
    let lost = false;
    const renewal = setInterval(() => {
      if (lost) return;
      updateHead(id, (head) => head).catch((error: unknown) => {
        if (error instanceof LaneLost) lost = true;
        else onError(error, 'lease');
      });
    }, leaseRenewMs);
    renewal.unref();
    try {
      await append();
    } finally {
      clearInterval(renewal);
    }
  }

  /** Appends the entries of `entries` not already in the log (after an append whose outcome is unknown). */
  async function appendMissing(entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const times = entries.map((entry) => Date.parse(entry.at));
    const found = await log.query({
      since: new Date(Math.min(...times)),
      until: new Date(Math.max(...times) + 1),
      limit: MAX_QUERY_LIMIT,
    });
    const present = new Map<string, number>();
    for (const entry of found) {
      const text = canonical(entry);
      present.set(text, (present.get(text) ?? 0) + 1);
    }
    const missing = entries.filter((entry) => {
      const text = canonical(entry);
      const count = present.get(text) ?? 0;
      if (count === 0) return true;
      present.set(text, count - 1);
      return false;
    });
    if (missing.length > 0) await log.append(missing);
  }

  /** Delivers one lane's batches in order until it is empty; retires it when it is not this process's own. */
  async function deliverLane(id: string): Promise<void> {
    const mine = id === laneId;
    for (;;) {
      const found = await store.get(laneKey(id));
      if (found?.value.type !== 'head' || found.value.owner !== owner) return;
      const { delivered, next, delivering } = found.value;
      if (delivered + 1 >= next) {
        if (mine) backlog = 0;
        else {
          await store.delete(laneKey(id));
          await register(id, false);
        }
        return;
      }
      const to = delivering ?? Math.min(next - 1, delivered + perDelivery);
      const entries: AuditEntry[] = [];
      for (let seq = delivered + 1; seq <= to; seq++) {
        const batch = await store.get(batchKey(id, seq));
        if (batch?.value.type === 'batch') entries.push(...batch.value.entries);
        else onError(new Error(`audit outbox batch ${seq} of a lane is missing (expired?)`), 'delivery');
      }
      if (delivering === undefined) {
        await updateHead(id, (head) => ({ ...head, delivering: to }));
        await holdingLane(id, () => log.append(entries));
      } else {
        await holdingLane(id, () => appendMissing(entries));
      }
      const { value } = await updateHead(id, (head) => ({ ...head, delivered: to, delivering: undefined }));
      if (mine) backlog = value.next - 1 - value.delivered;
      for (let seq = delivered + 1; seq <= to; seq++) await store.delete(batchKey(id, seq));
    }
  }

  /** Adopts and delivers lanes whose process has not touched them for `staleLaneMs`. */
  async function sweep(): Promise<void> {
    const found = await store.get(LANES);
    if (found?.value.type !== 'lanes') return;
    for (const id of found.value.lanes) {
      if (id === laneId) continue;
      const lane = await store.get(laneKey(id));
      if (lane?.value.type !== 'head') {
        await register(id, false);
        continue;
      }
      const stale = now() - lane.value.touchedAt >= staleLaneMs;
      if (lane.value.owner !== owner && !stale) continue;
      if (lane.value.owner !== owner) {
        const adopted = await store.compareAndSet(laneKey(id), lane.version, {
          ...lane.value,
          owner,
          touchedAt: now(),
        });
        if (!adopted.ok) continue; // another process adopted it first
      }
      await deliverLane(id);
    }
  }

  /**
   * One sweep at a time in this process: a sweep still delivering an adopted lane (a slow append) must not be
   * joined by the next timer tick's sweep, which would find the same lane "being delivered", not find the batches
   * in the log yet, and append them again.
   */
  let sweeping: Promise<void> | undefined;
  function sweepOnce(): Promise<void> {
    sweeping ??= sweep().finally(() => {
      sweeping = undefined;
    });
    return sweeping;
  }

  /** Delivers this process's lane; one delivery at a time, a request meanwhile runs another after it. */
  function deliverOwn(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          if (laneId) await deliverLane(laneId);
        } while (again);
      } finally {
        running = undefined;
      }
    })();
    return running;
  }

  function scheduleRetry(): void {
    if (closed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void deliverInBackground();
    }, retryDelay);
    retryTimer.unref();
    retryDelay = Math.min(maxRetryMs, retryDelay * 2);
  }

  async function deliverInBackground(): Promise<void> {
    if (closed) return;
    try {
      await deliverOwn();
      retryDelay = retryMs;
      failing = false;
    } catch (error) {
      failing = true;
      onError(error, 'delivery');
      scheduleRetry();
    }
  }

  const sweeper = setInterval(() => {
    sweepOnce().catch((error) => onError(error, 'sweep'));
  }, sweepMs);
  sweeper.unref();

  return {
    async enqueue(entries) {
      if (closed) throw new Error('The audit outbox is closed.');
      if (entries.length === 0) return;
      await serial(() => enqueueNow(entries));
      if (failing) {
        scheduleRetry(); // the log is down: the retry timer delivers, one attempt (and one log line) at a time
        return;
      }
      const delivery = deliverInBackground();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        delivery,
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, waitForDeliveryMs);
          timer.unref();
        }),
      ]);
      clearTimeout(timer);
    },
    async flush() {
      await deliverOwn();
      await sweeping?.catch(() => undefined); // then a sweep of its own, which sees the lanes as they are now
      await sweepOnce();
    },
    backlog: () => backlog,
    async close() {
      closed = true;
      clearInterval(sweeper);
      if (retryTimer) clearTimeout(retryTimer);
      await chain;
      await running?.catch(() => undefined);
    },
  };
}
