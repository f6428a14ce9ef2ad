/**
 * The per-conversation memory of the last interactive card: exactly one turn closes a card, and it stays bounded.
 */
import { describe, expect, it } from 'vitest';
import { OpenCards } from '../../../adapters/teams/open-cards.js';
import type { Reply } from '../../../src/engine/turn.js';

const reply: Reply = {
  text: 'q',
  tone: 'info',
  choices: [{ id: 'a', label: 'A', style: 'default' }],
  stateVersion: 1,
};
const card = (activityId: string) => ({ activityId, replies: [reply], locale: 'ja' as const });

describe('OpenCards', () => {
  it('hands a card out once, and only to a turn that matches it', () => {
    const cards = new OpenCards();
    cards.remember('c1', card('m1'));
    expect(cards.take('c1', (c) => c.activityId === 'other')).toBeUndefined();
    expect(cards.take('c1', (c) => c.activityId === 'm1')?.activityId).toBe('m1');
    expect(cards.take('c1')).toBeUndefined();
  });

  it('keeps the newest card per conversation and forgets the oldest conversations past its limit', () => {
    const cards = new OpenCards(2);
    cards.remember('c1', card('m1'));
    cards.remember('c1', card('m2'));
    expect(cards.size).toBe(1);
    cards.remember('c2', card('m3'));
    cards.remember('c1', card('m4')); // c1 is now the most recent
    cards.remember('c3', card('m5'));
    expect(cards.size).toBe(2);
    expect(cards.take('c2')).toBeUndefined();
    expect(cards.take('c1')?.activityId).toBe('m4');
    expect(cards.take('c3')?.activityId).toBe('m5');
  });
});
