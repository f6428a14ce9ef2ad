/**
 * What the scale-out benchmark reads back after each phase: lost updates and duplicate or missing backend
 * mutations, from the conversations and the fake backend's log in Redis; and the CPU the bot processes and Redis
 * used, for CPU per turn.
 */
import type { ConversationState } from '../../src/engine/state.js';
import { createRedisStore } from '../../src/engine/store/redis.js';
import type { JsonClient } from '../lib/json-client.js';
import { openRedis, REDIS_URL } from '../lib/redis.js';
import { backendKeys, type Effect } from './redis-backend.js';

/** One simulated customer's conversation as the driver saw it. */
export interface Conversation {
  key: string;
  /** Turn ids the bot answered (each must be in the stored `recentTurnIds`). */
  answeredTurnIds: string[];
  /** The last turn's reply said the cancellation was received. */
  finished: boolean;
}

/** Counts lost updates and duplicate/missing mutations of one phase from what Redis holds. */
export async function verify(namespace: string, prefix: string, conversations: Conversation[]) {
  const redis = await openRedis();
  const store = await createRedisStore<ConversationState>({ url: REDIS_URL, ttlMs: 3_600_000, namespace });
  try {
    const effects = (await redis.lRange(backendKeys(namespace).effects, 0, -1))
      .map((line) => JSON.parse(line) as Effect)
      .filter((e) => e.conversationKey.startsWith(`${prefix}:`));
    const effectsPer = new Map<string, number>();
    for (const e of effects) effectsPer.set(e.conversationKey, (effectsPer.get(e.conversationKey) ?? 0) + 1);
    let lostUpdates = 0;
    let duplicateMutations = 0;
    let missingMutations = 0;
    for (const conversation of conversations) {
      const stored = (await store.get(conversation.key))?.value;
      const remembered = new Set(stored?.recentTurnIds ?? []);
      lostUpdates += conversation.answeredTurnIds.filter((id) => !remembered.has(id)).length;
      if (conversation.finished && (stored?.stack.length ?? 1) !== 0) lostUpdates += 1;
      const applied = effectsPer.get(conversation.key) ?? 0;
      duplicateMutations += Math.max(0, applied - 1);
      if (conversation.finished && applied === 0) missingMutations += 1;
    }
    return { lostUpdates, duplicateMutations, missingMutations };
  } finally {
    await store.close();
    redis.destroy();
  }
}

/** CPU time used so far by the given bot processes together (ms). */
export async function botCpuMs(clients: JsonClient[]): Promise<number> {
  const used = await Promise.all(clients.map((c) => c.post<{ cpuMs: number }>('/cpu', {})));
  return used.reduce((total, u) => total + u.cpuMs, 0);
}

/** CPU time used so far by the Redis server (user + system, ms), from `INFO cpu`. */
export async function redisCpuMs(): Promise<number> {
  const redis = await openRedis();
  try {
    const info = await redis.info('cpu');
    const read = (name: string) =>
      Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? Number.NaN);
    return (read('used_cpu_user') + read('used_cpu_sys')) * 1000;
  } finally {
    redis.destroy();
  }
}
