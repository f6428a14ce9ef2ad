/**
 * The scale-out benchmark's fake backend, shared by every bot process through Redis: `listContracts` answers the
 * bench contracts; `cancelContract` applies a cancellation once per idempotency key (SET NX, as a real backend
 * would) and appends every *applied* effect and every request to lists the benchmark reads afterwards. Two effects
 * for one conversation mean the bot sent two different keys for one confirmation — a duplicate mutation.
 */
import type { Operation, OperationRegistry } from '../../src/engine/operations.js';
import { BENCH_CONTRACTS, CONSEQUENCES } from '../flow/cancel-flow.js';
import type { openRedis } from '../lib/redis.js';

type RedisClient = Awaited<ReturnType<typeof openRedis>>;

export interface Effect {
  conversationKey: string;
  contractId: string;
  idempotencyKey: string;
  pid: number;
}

export function backendKeys(namespace: string) {
  return {
    effects: `${namespace}-backend:effects`,
    requests: `${namespace}-backend:requests`,
    idempotency: (key: string) => `${namespace}-backend:idem:${key}`,
  };
}

export function redisBackend(client: RedisClient, namespace: string): OperationRegistry {
  const keys = backendKeys(namespace);
  const listContracts: Operation = {
    destructive: false,
    consequences: [],
    run: async () => ({ ok: true, data: BENCH_CONTRACTS.map((c) => ({ ...c })) }),
  };
  const cancelContract: Operation = {
    destructive: true,
    consequences: [...CONSEQUENCES],
    run: async (args, ctx) => {
      const idempotencyKey = ctx.idempotencyKey;
      if (idempotencyKey === undefined) return { ok: false, kind: 'bug', detail: 'no idempotency key' };
      const effect: Effect = {
        conversationKey: ctx.conversationKey,
        contractId: String(args.contractId),
        idempotencyKey,
        pid: process.pid,
      };
      const first = await client.set(keys.idempotency(idempotencyKey), '1', { NX: true, PX: 3_600_000 });
      const line = JSON.stringify(effect);
      await client.rPush(keys.requests, line);
      if (first === 'OK') await client.rPush(keys.effects, line);
      return { ok: true, data: { contractId: effect.contractId, status: 'cancelled' } };
    },
  };
  return { listContracts, cancelContract };
}
