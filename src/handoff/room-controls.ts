/**
 * Where agents' rooms remember the message holding a ticket's thread controls (「ボットに戻す」/「終了する」), so the
 * controls are posted once per ticket and lose their buttons when the ticket ends — whichever instance handles the
 * claim and whichever handles the end.
 *
 * - {@link memoryControls}: this process's memory, bounded (STORE=memory: one instance).
 * - {@link keyvControls}: the configured store (SQLite file or Redis), kept as long as tickets are.
 *
 * Not atomic across instances: two instances marking one ticket claimed at the same instant could both post
 * controls (the desk marks a claim once, by the instance whose claim won, so this needs a second, rarer path).
 * Losing an entry only leaves old buttons in a thread, which the desk then refuses (the ticket is closed).
 */
import type { Keyv } from 'keyv';

export interface RoomControls {
  get(room: string, ticketId: string): Promise<string | undefined>;
  remember(room: string, ticketId: string, messageId: string): Promise<void>;
  /** Reads and forgets. */
  take(room: string, ticketId: string): Promise<string | undefined>;
  close(): Promise<void>;
}

const MAX_REMEMBERED = 10_000;
const keyOf = (room: string, ticketId: string) => `${room}:${ticketId}`;

export function memoryControls(limit = MAX_REMEMBERED): RoomControls {
  const controls = new Map<string, string>();
  return {
    async get(room, ticketId) {
      return controls.get(keyOf(room, ticketId));
    },
    async remember(room, ticketId, messageId) {
      controls.set(keyOf(room, ticketId), messageId);
      if (controls.size > limit) {
        const oldest = controls.keys().next().value;
        if (oldest !== undefined) controls.delete(oldest);
      }
    },
    async take(room, ticketId) {
      const key = keyOf(room, ticketId);
      const found = controls.get(key);
      controls.delete(key);
      return found;
    },
    async close() {},
  };
}

export function keyvControls(keyv: Keyv<string>, ttlMs: number): RoomControls {
  return {
    async get(room, ticketId) {
      return (await keyv.get(keyOf(room, ticketId))) ?? undefined;
    },
    async remember(room, ticketId, messageId) {
      await keyv.set(keyOf(room, ticketId), messageId, ttlMs);
    },
    async take(room, ticketId) {
      const key = keyOf(room, ticketId);
      const found = await keyv.get(key);
      if (found !== undefined) await keyv.delete(key);
      return found ?? undefined;
    },
    close: () => keyv.disconnect(),
  };
}
