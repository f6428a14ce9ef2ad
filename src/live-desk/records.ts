/**
 * Where the live desk keeps its state: one versioned compare-and-set store (memory, SQLite or Redis, see
 * `createStore`) shared by every bot instance, holding two kinds of record:
 * - `ticket:<id>` — a {@link Ticket};
 * - `conversation:<key>` — what a conversation has to do with the live desk: its latest ticket, the offer last
 *   made to it, and whether it is writing a callback request;
 * - `thread:<room>:<ref>` — the ticket an agents' room thread belongs to (so a reply in it finds its ticket).
 * Every change is read → decide → compare-and-set, re-read on conflict, so two agents (or two instances) can
 * never both claim one ticket.
 */
import type { ConversationStore } from '../engine/store/types.js';
import type { Reply } from '../engine/turn.js';
import type { Ticket } from './ticket.js';

/** What the front saw when it offered a person: kept until the customer takes the offer. */
export interface DeskOffer {
  dialogId?: string | undefined;
  /** The bot's texts of that turn, for the agents' summary. */
  recentReplies: string[];
  /** The question the customer was at (the last reply of that turn, when it asked something). */
  resume?: Reply | undefined;
  /** The state version the offer was rendered with; its buttons are current only while the engine is there. */
  stateVersion: number;
  /** The state version of the engine's latest reply since (absent: none since the offer). */
  latestVersion?: number | undefined;
  /** True while the last thing shown was a prompt of the desk's own (not the engine's question). */
  promptOnScreen?: boolean | undefined;
  at: string;
}

export interface ConversationDesk {
  /** The conversation's latest ticket (it may be closed by now). */
  ticketId?: string | undefined;
  offer?: DeskOffer | undefined;
  /**
   * Set when the customer chose to leave a callback request: their next text is the request. Stored name, kept
   * (`Request` = callback request).
   */
  awaitingRequestSince?: string | undefined;
}

export type DeskRecord =
  | { kind: 'ticket'; ticket: Ticket }
  | { kind: 'conversation'; conversation: ConversationDesk }
  | { kind: 'thread'; ticketId: string };

export type DeskStore = ConversationStore<DeskRecord>;

const MAX_CONFLICT_RETRIES = 8;

/** A decision on the current value: `next` is written (compare-and-set), `result` is returned either way. */
export interface Change<T, R> {
  next?: T | undefined;
  result: R;
}

export class DeskRecords {
  constructor(private readonly store: DeskStore) {}

  async ticket(id: string): Promise<Ticket | undefined> {
    const record = (await this.store.get(ticketKey(id)))?.value;
    return record?.kind === 'ticket' ? record.ticket : undefined;
  }

  /** Writes a new ticket; fails (throws) if the id is taken, which 50 random bits make practically impossible. */
  async createTicket(ticket: Ticket): Promise<void> {
    const written = await this.store.compareAndSet(ticketKey(ticket.id), 0, { kind: 'ticket', ticket });
    if (!written.ok) throw new Error(`Ticket id ${ticket.id} is already taken.`);
  }

  /** Changes a ticket with compare-and-set; `current` is `undefined` when the ticket does not exist. */
  updateTicket<R>(id: string, decide: (current: Ticket | undefined) => Change<Ticket, R>): Promise<R> {
    return this.mutate(
      ticketKey(id),
      (record) => (record?.kind === 'ticket' ? record.ticket : undefined),
      (ticket) => ({ kind: 'ticket', ticket }),
      decide,
    );
  }

  /** Remembers which ticket a room's thread belongs to (written once, when the ticket is posted). */
  async linkThread(room: string, threadRef: string, ticketId: string): Promise<void> {
    await this.store.compareAndSet(threadKey(room, threadRef), 0, { kind: 'thread', ticketId });
  }

  async ticketOfThread(room: string, threadRef: string): Promise<string | undefined> {
    const record = (await this.store.get(threadKey(room, threadRef)))?.value;
    return record?.kind === 'thread' ? record.ticketId : undefined;
  }

  async conversation(key: string): Promise<ConversationDesk> {
    const record = (await this.store.get(conversationKey(key)))?.value;
    return record?.kind === 'conversation' ? record.conversation : {};
  }

  updateConversation<R>(
    key: string,
    decide: (current: ConversationDesk) => Change<ConversationDesk, R>,
  ): Promise<R> {
    return this.mutate(
      conversationKey(key),
      (record) => (record?.kind === 'conversation' ? record.conversation : undefined),
      (conversation) => ({ kind: 'conversation', conversation }),
      (current) => decide(current ?? {}),
    );
  }

  private async mutate<T, R>(
    key: string,
    decode: (record: DeskRecord | undefined) => T | undefined,
    encode: (value: T) => DeskRecord,
    decide: (current: T | undefined) => Change<T, R>,
  ): Promise<R> {
    for (let attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
      const loaded = await this.store.get(key);
      const change = decide(decode(loaded?.value));
      if (change.next === undefined) return change.result;
      const written = await this.store.compareAndSet(key, loaded?.version ?? 0, encode(change.next));
      if (written.ok) return change.result;
    }
    throw new Error(
      `Live desk record ${key} kept changing under us; gave up after ${MAX_CONFLICT_RETRIES} tries.`,
    );
  }
}

function ticketKey(id: string): string {
  return `ticket:${id}`;
}

function threadKey(room: string, threadRef: string): string {
  return `thread:${room}:${threadRef}`;
}

function conversationKey(key: string): string {
  return `conversation:${key}`;
}
