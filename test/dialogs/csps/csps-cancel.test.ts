import { afterEach, describe, expect, it } from 'vitest';
import { cspsCancelDialog, cspsDialogs } from '../../../dialogs/csps/index.js';
import { createTestBot, type TestBot } from '../../support/bot-harness.js';
import { coverageReport, mergeVisits, playTranscript, unvisitedNodes } from '../../support/transcript.js';
import { cspsBundle } from './bundle.js';
import { faultTranscripts } from './fault-transcripts.js';
import { transcripts } from './transcripts.js';

let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

describe('csps-cancel transcripts (sandbox demo data, 2026-11-23)', () => {
  const visited = new Map<string, Set<string>>();

  it.each(transcripts)('$name', async (transcript) => {
    bot = await createTestBot({ ...cspsBundle, ...(transcript.now ? { now: transcript.now } : {}) });
    await playTranscript(bot, transcript);
    mergeVisits(visited, bot.visited);
  });

  it.each(faultTranscripts)('$name', async (transcript) => {
    bot = await createTestBot({
      ...cspsBundle,
      ...(transcript.now ? { now: transcript.now } : {}),
      ...(transcript.decorate ? { decorateOperations: transcript.decorate } : {}),
    });
    await playTranscript(bot, transcript);
    if (transcript.later) {
      bot.clock.advance(transcript.later.advanceMs);
      await playTranscript(bot, { name: `${transcript.name} (later)`, steps: transcript.later.steps });
    }
    mergeVisits(visited, bot.visited);
  });

  it('submits exactly once, with an idempotency key, only after the final confirmation', async () => {
    bot = await createTestBot(cspsBundle);
    await playTranscript(bot, transcripts[0]!);
    const submits = bot.calls.filter((c) => c.operation === 'submitCancellationApplication');
    expect(submits).toEqual([
      expect.objectContaining({ args: { applicationNumber: 'R-20261123-238080' }, outcome: 'ok' }),
    ]);
    expect(submits[0]?.idempotencyKey).toEqual(expect.any(String));
    const created = bot.calls.find((c) => c.operation === 'createCancellationApplication');
    expect(created?.args).toEqual({
      contractNumber: 'HMMH061530',
      reason: '費用を見直すため',
      domainDisposition: 'transfer',
    });
    // Two confirmations: the disclosure before the draft (invariant 10) and the final one before the submit.
    const confirmed = bot.events.filter((e) => e.kind === 'confirmed');
    expect(confirmed).toHaveLength(2);
    const order = bot.calls.map((c) => c.operation);
    expect(order.indexOf('createCancellationApplication')).toBeLessThan(
      order.indexOf('submitCancellationApplication'),
    );
  });

  it('every node of csps-cancel is visited by some transcript', () => {
    console.log(coverageReport(cspsDialogs, visited));
    expect(unvisitedNodes([cspsCancelDialog], visited)).toEqual([]);
  });
});
