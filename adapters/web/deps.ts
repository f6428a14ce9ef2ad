/** What the web chat's route handlers share (built once in `channel.ts`). */
import type { ChannelContext } from '../../src/channels/channel.js';
import type { RateLimiter } from '../../src/channels/rate-limit.js';
import type { Send } from './http.js';
import type { KeyedLocks } from './locks.js';
import type { Sessions } from './session.js';
import type { TokenSettings } from './token.js';
import type { Transcripts } from './transcript.js';

export interface WebDeps {
  context: ChannelContext;
  sessions: Sessions;
  transcripts: Transcripts;
  /** Serialises each session's turns and sign-ins. */
  locks: KeyedLocks;
  /** Turns and sign-ins per session. */
  limiter: RateLimiter;
  send: Send;
  tokens: TokenSettings;
  demo: boolean;
  now: () => Date;
}
