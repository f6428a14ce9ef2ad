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
    // The terms are shown twice (from the quote before the draft, invariant 10; from the draft at the final
    // confirmation) but acknowledged ONCE: one confirmation, at the final one naming the application number.
    const disclosed = bot.events.filter((e) => e.kind === 'disclosed');
    expect(disclosed.map((e) => [e.nodeId, e.target])).toEqual([
      ['disclose', 'contract'],
      ['confirmSubmit', 'application'],
    ]);
    const confirmed = bot.events.flatMap((e) => (e.kind === 'confirmed' ? [e] : []));
    expect(confirmed.map((e) => [e.nodeId, e.record.finalQuestion])).toEqual([
      ['confirmSubmit', expect.stringContaining('お申込番号「R-20261123-238080」を解約します')],
    ]);
    // Each acknowledgement carries its own time, no later than the confirmation.
    for (const ack of confirmed[0]?.record.acknowledgements ?? [])
      expect(Date.parse(ack.acknowledgedAt)).toBeLessThanOrEqual(
        Date.parse(confirmed[0]?.record.confirmedAt ?? ''),
      );
    expect(confirmed[0]?.record.acknowledgements.map((a) => a.id)).toEqual([
      'service-termination',
      'minimum-term-charge',
    ]);
    // In the order things happened: shown → draft created → shown again with the number → confirmed → submitted.
    const order = bot.events.flatMap((e) =>
      e.kind === 'call-completed' &&
      ['createCancellationApplication', 'submitCancellationApplication'].includes(e.operation)
        ? [e.operation]
        : e.kind === 'disclosed' || e.kind === 'confirmed'
          ? [`${e.kind}:${e.nodeId}`]
          : [],
    );
    expect(order).toEqual([
      'disclosed:disclose',
      'createCancellationApplication',
      'disclosed:confirmSubmit',
      'confirmed:confirmSubmit',
      'submitCancellationApplication',
    ]);
  });

  it('every node of csps-cancel is visited by some transcript', () => {
    console.log(coverageReport(cspsDialogs, visited));
    expect(unvisitedNodes([cspsCancelDialog], visited)).toEqual([]);
  });
});
