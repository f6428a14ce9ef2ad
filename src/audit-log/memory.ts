/**
 * The audit log in process memory (tests, `STORE=memory` demos): lost on restart, shared by nothing. Append-only
 * by construction: the only ways to change the list are append and the retention purge.
 */
import type { AuditEntry } from './entry.js';
import { parseEntries } from './entry.js';
import { type AuditLog, checkCutoff, checkQuery } from './log.js';

export function createMemoryAuditLog(): AuditLog {
  let entries: AuditEntry[] = [];
  let closed = false;
  const ensureOpen = (): void => {
    if (closed) throw new Error('The memory audit log is closed; create a new one.');
  };
  return {
    async append(batch) {
      ensureOpen();
      // Copies, so a caller changing its objects afterwards cannot change the log.
      const parsed = parseEntries(structuredClone(batch));
      entries = [...entries, ...parsed];
    },
    async query(query) {
      ensureOpen();
      checkQuery(query);
      const since = query.since?.toISOString();
      const until = query.until?.toISOString();
      return entries
        .map((entry, seq) => ({ entry, seq }))
        .filter(
          ({ entry }) =>
            (query.customerId === undefined || entry.customerId === query.customerId) &&
            (since === undefined || entry.at >= since) &&
            (until === undefined || entry.at < until),
        )
        .sort((a, b) => (a.entry.at < b.entry.at ? -1 : a.entry.at > b.entry.at ? 1 : a.seq - b.seq))
        .slice(0, query.limit)
        .map(({ entry }) => structuredClone(entry));
    },
    async purgeOlderThan(cutoff) {
      ensureOpen();
      checkCutoff(cutoff);
      const bound = cutoff.toISOString();
      const kept = entries.filter((entry) => entry.at >= bound);
      const removed = entries.length - kept.length;
      entries = kept;
      return removed;
    },
    async close() {
      closed = true;
    },
  };
}
