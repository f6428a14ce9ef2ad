/** Messages between the Slack benchmark (parent) and its "world" process (bench/slack/world.ts), over IPC. */
import type { LoadResult } from '../lib/open-loop.js';

export interface LoadRequest {
  type: 'load';
  id: number;
  /** The app's Events API endpoint. */
  url: string;
  secret: string;
  teamId: string;
  ratePerSecond: number;
  durationMs: number;
  /** Events go round-robin to this many simulated users, each following the script. */
  users: number;
  /** Makes user ids unique per phase, so every phase starts fresh conversations. */
  userPrefix: string;
}

export type ToWorld = LoadRequest | { type: 'api-calls'; id: number } | { type: 'close' };

export type FromWorld =
  | { type: 'ready'; apiUrl: string }
  | { type: 'loaded'; id: number; result: LoadResult }
  | { type: 'failed'; id: number; error: string }
  /** Web API calls received since the previous count (the count resets). */
  | { type: 'api-calls'; id: number; count: number; posted: number };
