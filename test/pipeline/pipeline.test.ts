/**
 * The one turn pipeline on its own: the stage order every channel gets, and what each stage does with a fake
 * engine (de-duplication, rate limit, speaker, receipt notices, metrics), plus compose's misuse error.
 */
import { describe, expect, it } from 'vitest';
import type { Deduper } from '../../src/channels/dedupe.js';
import { slidingWindow } from '../../src/channels/rate-limit.js';
import type { SpeakerDeps } from '../../src/channels/speaker.js';
import type { Engine } from '../../src/engine/runtime.js';
import type { Reply, Turn } from '../../src/engine/turn.js';
import { compose, createTurnPipeline, type InboundTurn, type TurnMetric } from '../../src/pipeline/index.js';

function fakeEngine(turns: Turn[]): Engine {
  return {
    definition: {} as Engine['definition'], // never read by the pipeline
    describe: async () => undefined,
    handle: async (turn) => {
      turns.push(turn);
      return [{ text: `echo ${turn.input.kind}`, tone: 'info', stateVersion: 7, choices: [] }];
    },
  };
}

const memoryDeduper = (): Deduper => {
  const seen = new Set<string>();
  return {
    firstTime: async (id) => {
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    },
  };
};

const inbound = (over: Partial<InboundTurn> = {}): InboundTurn => ({
  channel: 'slack',
  user: { platform: 'slack', userId: 'U1' },
  baseKey: 'slack:T1:D1:U1',
  deliveryId: 'slack:event:1',
  input: { kind: 'text', text: 'こんにちは' },
  ...over,
});

describe('the turn pipeline', () => {
  it('lists its stages in one visible order, the same for every channel', () => {
    const pipeline = createTurnPipeline({ engine: fakeEngine([]) });
    expect(pipeline.stages).toEqual([
      'metrics',
      'correlation',
      'dedupe',
      'rate-limit',
      'speaker',
      'live-desk',
      'receipt-notices',
    ]);
  });

  it('a redelivered id reaches the engine once; the id goes on as Turn.id', async () => {
    const turns: Turn[] = [];
    const pipeline = createTurnPipeline({ engine: fakeEngine(turns), deduper: memoryDeduper() });
    const first = await pipeline.handle(inbound());
    const again = await pipeline.handle(inbound());
    expect(first.outcome).toBe('answered');
    expect(again).toMatchObject({ outcome: 'duplicate', replies: [] });
    expect(turns.map((t) => t.id)).toEqual(['slack:event:1']);
  });

  it('over the per-user limit nothing runs and one reply says so (redeliveries are not counted)', async () => {
    const turns: Turn[] = [];
    let now = 1_000;
    const pipeline = createTurnPipeline({
      engine: fakeEngine(turns),
      deduper: memoryDeduper(),
      limiter: slidingWindow({ max: 2, windowMs: 10_000 }, () => now),
    });
    await pipeline.handle(inbound({ deliveryId: 'a' }));
    await pipeline.handle(inbound({ deliveryId: 'a' }));
    await pipeline.handle(inbound({ deliveryId: 'b' }));
    const limited = await pipeline.handle(inbound({ deliveryId: 'c', locale: 'en' }));
    expect(turns).toHaveLength(2);
    expect(limited.outcome).toBe('rate-limited');
    expect(limited.replies).toHaveLength(1);
    expect(limited.replies[0]?.text).toMatch(/^Too many messages .* in 10 seconds\.$/);
    now += 10_001;
    expect((await pipeline.handle(inbound({ deliveryId: 'd' }))).outcome).toBe('answered');
  });

  it('the speaker stage makes an agent in session speak for the customer, in that customer’s conversation', async () => {
    const turns: Turn[] = [];
    const speakers: SpeakerDeps = {
      directory: { isAgent: async (user) => user.userId === 'UAGENT' },
      sessions: {
        get: async () => ({ customerId: 'CUS-1', startedAt: '2026-01-01T00:00:00.000Z', agentId: 'x' }),
      } as unknown as SpeakerDeps['sessions'], // only `get` is read by resolveSpeaker
      agentKey: 'key-1',
    };
    const pipeline = createTurnPipeline({ engine: fakeEngine(turns), speakers });
    await pipeline.handle(inbound({ user: { platform: 'slack', userId: 'UAGENT' } }));
    await pipeline.handle(inbound({ credentials: { siteAssertion: 'tok' } }));
    expect(turns[0]).toMatchObject({
      conversationKey: 'slack:T1:D1:U1|for:CUS-1',
      actor: { kind: 'agent', id: 'slack:UAGENT', onBehalfOf: 'CUS-1' },
      credentials: { agentKey: 'key-1' },
    });
    expect(turns[1]).toMatchObject({
      conversationKey: 'slack:T1:D1:U1',
      actor: { kind: 'customer', id: 'slack:U1' },
      credentials: { siteAssertion: 'tok' },
    });
  });

  it('receipt notices go before a closing question, and the metrics slot sees every outcome', async () => {
    const metrics: TurnMetric[] = [];
    const engine = fakeEngine([]);
    engine.handle = async () => [
      { text: 'done', tone: 'success', stateVersion: 3 },
      { text: 'next?', tone: 'info', stateVersion: 3, choices: [{ id: 'a', label: 'A', style: 'default' }] },
    ];
    const receipt = {
      receiptId: 'R-1',
      locale: 'ja',
      operation: { outcome: 'succeeded' },
    } as unknown as import('../../src/receipts/receipt.js').Receipt; // only these fields are read
    const pipeline = createTurnPipeline({
      engine,
      deduper: memoryDeduper(),
      receipts: { drainNew: (key) => (key === 'slack:T1:D1:U1' ? [receipt] : []) },
      metrics: (m) => metrics.push(m),
    });
    const { replies } = await pipeline.handle(inbound());
    await pipeline.handle(inbound());
    expect(replies.map((r: Reply) => r.text.slice(0, 4))).toEqual(['done', 'お手続き', 'next']);
    expect(replies[1]?.receipt).toEqual({ id: 'R-1' });
    expect(metrics.map((m) => m.outcome)).toEqual(['answered', 'duplicate']);
  });

  it('compose refuses a stage that calls next() twice', async () => {
    const run = compose(
      [{ name: 'twice', run: async (_ctx, next) => [...(await next()), ...(await next())] }],
      async () => [],
    );
    const ctx = { inbound: inbound(), turn: {} as Turn, outcome: 'answered' as const };
    await expect(run(ctx)).rejects.toThrow('Stage "twice" called next() twice.');
  });
});
