/**
 * "Back" history of a frame as reverse deltas: each entry holds, for the slots and confirmations written after
 * its answer, the values they had when the answer was given. Going back applies the newest entry's delta to the
 * current values, which restores exactly the values the frame had when that answer was given.
 *
 * Contract: every write to `frame.slots` or `frame.confirmations` after the first answer of a frame goes through
 * `setSlot` / `setConfirmation` / `deleteConfirmation`, so the newest entry knows the previous value. Entries are
 * immutable values (a write replaces the entry object), so a copy of the frame's `history` array is enough for a
 * private working copy.
 *
 * Conversations stored before deltas carry full copies (`SnapshotHistoryEntry`); they are still read: going back
 * to one restores its copy, and a write after one needs no record (the copy already holds the earlier value).
 */
import type {
  Confirmation,
  DeltaHistoryEntry,
  Frame,
  HistoryEntry,
  Json,
  Slots,
  SnapshotHistoryEntry,
} from '../state.js';

type Confirmations = Record<string, Confirmation>;

function isSnapshot(entry: HistoryEntry): entry is SnapshotHistoryEntry {
  return 'slots' in entry;
}

/** Records that the current node was answered: "back" from later returns here with today's values. */
export function remember(frame: Frame): void {
  frame.history.push({ nodeId: frame.nodeId });
}

/** The newest delta entry, or `undefined` when there is nothing to record into (no entry, or an old full copy). */
function newestDelta(frame: Frame): DeltaHistoryEntry | undefined {
  const entry = frame.history.at(-1);
  return entry === undefined || isSnapshot(entry) ? undefined : entry;
}

function alreadyRecorded(names: readonly string[] | undefined, was: object | undefined, name: string) {
  return (was !== undefined && Object.hasOwn(was, name)) || (names?.includes(name) ?? false);
}

/** Replaces the newest entry with one that also remembers `name`'s value before its first write. */
function recordSlot(frame: Frame, name: string): void {
  const entry = newestDelta(frame);
  if (!entry || alreadyRecorded(entry.unset, entry.was, name)) return;
  const previous = frame.slots[name];
  frame.history[frame.history.length - 1] =
    previous === undefined
      ? { ...entry, unset: [...(entry.unset ?? []), name] }
      : { ...entry, was: { ...entry.was, [name]: previous } };
}

function recordConfirmation(frame: Frame, target: string): void {
  const entry = newestDelta(frame);
  if (!entry || alreadyRecorded(entry.unconfirmed, entry.wasConfirmed, target)) return;
  const previous = frame.confirmations[target];
  frame.history[frame.history.length - 1] =
    previous === undefined
      ? { ...entry, unconfirmed: [...(entry.unconfirmed ?? []), target] }
      : { ...entry, wasConfirmed: { ...entry.wasConfirmed, [target]: previous } };
}

export function setSlot(frame: Frame, name: string, value: Json): void {
  recordSlot(frame, name);
  frame.slots[name] = value;
}

export function setConfirmation(frame: Frame, target: string, confirmation: Confirmation): void {
  recordConfirmation(frame, target);
  frame.confirmations[target] = confirmation;
}

export function deleteConfirmation(frame: Frame, target: string): void {
  if (!Object.hasOwn(frame.confirmations, target)) return;
  recordConfirmation(frame, target);
  delete frame.confirmations[target];
}

function undo<T>(
  current: Record<string, T>,
  was: Record<string, T> | undefined,
  unset: string[] | undefined,
) {
  const restored: Record<string, T> = { ...current, ...was };
  for (const name of unset ?? []) delete restored[name];
  return restored;
}

/** The slots and confirmations the frame had when `entry`'s answer was given (the frame is at the entry after it). */
export function valuesBefore(
  frame: Frame,
  entry: HistoryEntry,
): { slots: Slots; confirmations: Confirmations } {
  // Copies: the frame's objects are written to later, the entry's never.
  if (isSnapshot(entry)) return { slots: { ...entry.slots }, confirmations: { ...entry.confirmations } };
  return {
    slots: undo(frame.slots, entry.was, entry.unset),
    confirmations: undo(frame.confirmations, entry.wasConfirmed, entry.unconfirmed),
  };
}

/** One half of a delta entry: earlier values of some names, and the names that had none. */
interface Delta<T> {
  was?: Record<string, T> | undefined;
  unset?: string[] | undefined;
}

/** A later delta folded under an earlier one (going back over both at once): the earlier value of a name wins. */
function fold<T>(later: Delta<T>, earlier: Delta<T>): Delta<T> {
  const seen = new Set([...Object.keys(earlier.was ?? {}), ...(earlier.unset ?? [])]);
  const was: Record<string, T> = { ...earlier.was };
  for (const [name, value] of Object.entries(later.was ?? {})) if (!seen.has(name)) was[name] = value;
  const unset = [...(earlier.unset ?? []), ...(later.unset ?? []).filter((name) => !seen.has(name))];
  return { was: Object.keys(was).length > 0 ? was : undefined, unset: unset.length > 0 ? unset : undefined };
}

function deltaEntry(
  nodeId: string,
  slots: Delta<Json>,
  confirmations: Delta<Confirmation>,
): DeltaHistoryEntry {
  const entry: DeltaHistoryEntry = { nodeId };
  if (slots.was) entry.was = slots.was;
  if (slots.unset) entry.unset = slots.unset;
  if (confirmations.was) entry.wasConfirmed = confirmations.was;
  if (confirmations.unset) entry.unconfirmed = confirmations.unset;
  return entry;
}

/**
 * Keeps only the entries `keep` accepts (e.g. nodes that still exist after a tree update). A dropped entry's
 * delta is folded into the entry before it, so going back over the gap still restores exactly that entry's values.
 */
export function keepHistory(frame: Frame, keep: (entry: HistoryEntry) => boolean): void {
  const kept: HistoryEntry[] = [];
  for (const entry of frame.history) {
    if (keep(entry)) {
      kept.push(entry);
      continue;
    }
    const before = kept.at(-1);
    if (before === undefined || isSnapshot(before)) continue; // nothing to fold into, or a full copy already
    if (isSnapshot(entry)) {
      // The dropped entry is a full copy: the one before becomes a full copy of its own values.
      const atDropped: Frame = { ...frame, slots: entry.slots, confirmations: entry.confirmations };
      kept[kept.length - 1] = { nodeId: before.nodeId, ...valuesBefore(atDropped, before) };
      continue;
    }
    kept[kept.length - 1] = deltaEntry(
      before.nodeId,
      fold({ was: entry.was, unset: entry.unset }, { was: before.was, unset: before.unset }),
      fold(
        { was: entry.wasConfirmed, unset: entry.unconfirmed },
        { was: before.wasConfirmed, unset: before.unconfirmed },
      ),
    );
  }
  frame.history = kept;
}
