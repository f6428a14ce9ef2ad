/**
 * The satisfaction question is part of the reply corpus every channel renderer is checked against
 * (test/support/reply-corpus.ts → the Slack, Teams, LINE and web render tests): the full bot asks it after the
 * transcripts' completed procedures, in Japanese and in English.
 */
import { describe, expect, it } from 'vitest';
import { collectReplyCorpus } from '../support/reply-corpus.js';

describe('satisfaction question in the reply corpus', () => {
  it('is among the replies every channel renders, in both languages', async () => {
    const corpus = await collectReplyCorpus();
    const asked = corpus.filter((reply) => reply.choices?.some((c) => c.id === '__satisfaction-skip'));
    expect(new Set(asked.map((reply) => reply.locale))).toEqual(new Set(['ja', 'en']));
    for (const reply of asked) expect(reply.choices).toHaveLength(6);
  }, 120_000);
});
