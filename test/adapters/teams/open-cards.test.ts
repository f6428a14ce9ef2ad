/**
 * Where the last interactive card per Teams conversation is kept: the same contract in memory and in the shared
 * keyv store (Redis), and on Redis a card remembered by one process is found — and closed once — by another
 * (a restart, or a second instance), so its buttons can be taken off.
 */
import { randomBytes } from 'node:crypto';
import KeyvRedis from '@keyv/redis';
import { Keyv } from 'keyv';
import { afterAll, describe, expect, it } from 'vitest';
import { keyvCards, memoryCards, type OpenCard, type OpenCards } from '../../../adapters/teams/open-cards.js';
import { connectRedisClient } from '../../../src/engine/store/redis.js';
import type { Reply } from '../../../src/engine/turn.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
// Unique per run: the Redis server is shared with other test runs.
const NAMESPACE = `teams-cards-test-${randomBytes(6).toString('hex')}`;

const reply: Reply = {
  text: 'q',
  tone: 'info',
  choices: [{ id: 'a', label: 'A', style: 'default' }],
  stateVersion: 1,
};
const card = (activityId: string): OpenCard => ({ activityId, replies: [reply], locale: 'ja' });

const opened: OpenCards[] = [];
afterAll(async () => {
  for (const cards of opened) await cards.close();
});

async function redisCards(): Promise<OpenCards> {
  const client = await connectRedisClient(REDIS_URL, 'the open-cards test');
  const keyv = new Keyv<OpenCard>(new KeyvRedis(client, { throwOnErrors: true }), {
    namespace: NAMESPACE,
    useKeyPrefix: false,
  });
  const cards = keyvCards(keyv, 60_000);
  opened.push(cards);
  return cards;
}

const implementations: [string, () => Promise<OpenCards>][] = [
  ['memory', async () => memoryCards()],
  ['keyv (memory)', async () => keyvCards(new Keyv<OpenCard>(), 60_000)],
  ['keyv (Redis)', redisCards],
];

describe.each(implementations)('open cards: %s', (_name, create) => {
  it('hands a card out once, and only to a turn that matches it', async () => {
    const cards = await create();
    const conversation = `c-${randomBytes(4).toString('hex')}`;
    await cards.remember(conversation, card('m1'));
    expect(await cards.take(conversation, (c) => c.activityId === 'other')).toBeUndefined();
    expect((await cards.take(conversation, (c) => c.activityId === 'm1'))?.activityId).toBe('m1');
    expect(await cards.take(conversation)).toBeUndefined();
  });

  it('keeps the newest card per conversation', async () => {
    const cards = await create();
    const conversation = `c-${randomBytes(4).toString('hex')}`;
    await cards.remember(conversation, card('m1'));
    await cards.remember(conversation, card('m2'));
    expect((await cards.take(conversation))?.activityId).toBe('m2');
  });
});

describe('open cards in memory', () => {
  it('forgets the least recently remembered conversations past its limit', async () => {
    const cards = memoryCards(2);
    await cards.remember('c1', card('m1'));
    await cards.remember('c1', card('m2'));
    expect(cards.size).toBe(1);
    await cards.remember('c2', card('m3'));
    await cards.remember('c1', card('m4')); // c1 is now the most recent
    await cards.remember('c3', card('m5'));
    expect(cards.size).toBe(2);
    expect(await cards.take('c2')).toBeUndefined();
    expect((await cards.take('c1'))?.activityId).toBe('m4');
    expect((await cards.take('c3'))?.activityId).toBe('m5');
  });
});

describe('open cards on Redis across processes', () => {
  it('a card remembered before a restart is found by the next process and closed once', async () => {
    const before = await redisCards();
    const conversation = `teams:t:conv-${randomBytes(4).toString('hex')}:u`;
    await before.remember(conversation, card('old-card'));
    await before.close();
    opened.splice(opened.indexOf(before), 1);
    const after = await redisCards();
    expect((await after.take(conversation))?.activityId).toBe('old-card');
    expect(await after.take(conversation)).toBeUndefined();
  });
});
