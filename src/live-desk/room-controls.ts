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
 * Losing an entry only leaves old buttons in a thread, which the desk then refuses (the ticket is closed). The
 * store itself is `src/storage/remembered.ts`, keyed by room and ticket.
 */
import type { Keyv } from 'keyv';
import { keyvRemembered, memoryRemembered, type Remembered } from '../storage/remembered.js';

export interface RoomControls {
  get(room: string, ticketId: string): Promise<string | undefined>;
  remember(room: string, ticketId: string, messageId: string): Promise<void>;
  /** Reads and forgets. */
  take(room: string, ticketId: string): Promise<string | undefined>;
  close(): Promise<void>;
}

const keyOf = (room: string, ticketId: string) => `${room}:${ticketId}`;

/** Room controls over a store keyed by `room:ticket`. */
function roomControls(store: Remembered<string>): RoomControls {
  return {
    get: (room, ticketId) => store.get(keyOf(room, ticketId)),
    remember: (room, ticketId, messageId) => store.remember(keyOf(room, ticketId), messageId),
    take: (room, ticketId) => store.take(keyOf(room, ticketId)),
    close: () => store.close(),
  };
}

export function memoryControls(limit?: number): RoomControls {
  return roomControls(memoryRemembered<string>(limit));
}

export function keyvControls(keyv: Keyv<string>, ttlMs: number): RoomControls {
  return roomControls(keyvRemembered(keyv, ttlMs));
}
