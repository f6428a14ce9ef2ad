/**
 * The conversation as the web page shows it, kept per session so a reload (and, on SQLite/Redis, a restart)
 * shows it again. Bounded to the last {@link TRANSCRIPT_LIMIT} entries, with the idle time to live of the
 * conversation (the versioned store's). An append is compare-and-set: a turn on one instance and an agent's
 * message delivered by another never overwrite each other, and entry numbers (`seq`) are never given twice —
 * the page and the event stream rely on them to show every entry once, in order.
 *
 * What the user typed is stored as shown back, with one-time codes and e-mail addresses masked: the transcript
 * is a display, not a record (receipts are the record), and needs neither.
 */
import type { ConversationStore } from '../../src/engine/store/types.js';
import type { Reply } from '../../src/engine/turn.js';
import { orUnavailable } from '../../src/storage/unavailable.js';

export const TRANSCRIPT_LIMIT = 100;

export type Entry =
  | { seq: number; at: string; from: 'user'; text: string }
  | { seq: number; at: string; from: 'bot'; reply: Reply };

export type NewEntry = { from: 'user'; text: string } | { from: 'bot'; reply: Reply };

const CODE_ONLY = /^\s*\d{4,8}\s*$/;
const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;

/** The user's text as kept in the transcript: a bare code masked, e-mail local parts masked. */
export function maskForTranscript(text: string): string {
  if (CODE_ONLY.test(text)) return '••••••';
  return text.replace(EMAIL, (_all, first: string, domain: string) => `${first}•••@${domain}`);
}

/** Appends re-read and retry on a conflict this many times (two writers on one session at once). */
const MAX_APPEND_TRIES = 8;

export class Transcripts {
  constructor(
    private readonly store: ConversationStore<Entry[]>,
    private readonly limit = TRANSCRIPT_LIMIT,
  ) {}

  async read(sessionId: string): Promise<Entry[]> {
    // A store that does not answer is a 503 (StorageUnavailableError), never an empty transcript.
    return orUnavailable('web transcript', async () => (await this.store.get(sessionId))?.value ?? []);
  }

  /** Appends entries (numbered after the last one) and returns them as stored. */
  async append(sessionId: string, items: readonly NewEntry[], at: Date): Promise<Entry[]> {
    return orUnavailable('web transcript', async () => {
      for (let attempt = 0; attempt < MAX_APPEND_TRIES; attempt++) {
        const loaded = await this.store.get(sessionId);
        const existing = loaded?.value ?? [];
        let seq = existing.at(-1)?.seq ?? 0;
        const stamp = at.toISOString();
        const added: Entry[] = items.map((item) => {
          seq += 1;
          return item.from === 'user'
            ? { seq, at: stamp, from: 'user', text: item.text }
            : { seq, at: stamp, from: 'bot', reply: item.reply };
        });
        const next = [...existing, ...added].slice(-this.limit);
        const written = await this.store.compareAndSet(sessionId, loaded?.version ?? 0, next);
        if (written.ok) return added;
      }
      throw new Error(`The transcript kept changing under us; gave up after ${MAX_APPEND_TRIES} tries.`);
    });
  }

  close(): Promise<void> {
    return this.store.close();
  }
}
