import { afterAll, describe, expect, it } from 'vitest';
import { miemasuDialogs } from '../../../dialogs/miemasu/index.js';
import { coverageReport, mergeVisits, playTranscript, unvisitedNodes } from '../../support/transcript.js';
import { deleteTranscripts } from './delete-transcripts.js';
import { ALL_DEVICE_ACKS, TWO } from './demo.js';
import { faultTranscripts } from './fault-transcripts.js';
import { createMiemasuBot, type FaultyTranscript } from './support.js';
import { withdrawTranscripts } from './withdraw-transcripts.js';

const visited = new Map<string, Set<string>>();

async function play(transcript: FaultyTranscript) {
  const bot = await createMiemasuBot({
    ...(transcript.now ? { now: transcript.now } : {}),
    ...(transcript.faults ? { faults: transcript.faults } : {}),
  });
  try {
    await playTranscript(bot, transcript);
    mergeVisits(visited, bot.visited);
  } finally {
    await bot.close();
  }
}

describe('みえますねっと transcripts', () => {
  for (const transcript of [...deleteTranscripts, ...withdrawTranscripts])
    it(transcript.name, () => play(transcript));
});

describe('みえますねっと transcripts with backend faults', () => {
  for (const transcript of faultTranscripts) it(transcript.name, () => play(transcript));
});

describe('みえますねっと transcript coverage', () => {
  afterAll(() => {
    console.info(coverageReport(miemasuDialogs, visited));
  });
  it('every node of the みえますねっと dialogs is visited by some transcript', () => {
    expect(unvisitedNodes(miemasuDialogs, visited)).toEqual([]);
  });
});

/** Walks camera-two to the final confirmation of deleting CameraOA. */
async function toFinal(bot: Awaited<ReturnType<typeof createMiemasuBot>>) {
  await bot.say('こんにちは');
  await bot.click('delete');
  await bot.verify(TWO);
  await bot.click('DEV-0001');
  await bot.click('delete');
  await bot.tick(ALL_DEVICE_ACKS);
}

describe('みえますねっと device deletion, beyond the transcripts', () => {
  it('deletes exactly the confirmed device, once, with an idempotency key, and records what was acknowledged', async () => {
    const bot = await createMiemasuBot();
    try {
      await toFinal(bot);
      await bot.click('confirm');
      const deletes = bot.calls.filter((c) => c.operation === 'deleteMiemasuDevice');
      expect(deletes).toEqual([
        expect.objectContaining({
          args: { deviceId: 'DEV-0001' },
          outcome: 'ok',
          idempotencyKey: expect.any(String),
        }),
      ]);
      const confirmed = bot.events.filter((e) => e.kind === 'confirmed');
      expect(confirmed).toHaveLength(1);
      const record = JSON.stringify(confirmed[0]);
      expect(record).toContain('CameraOA');
      expect(record).toContain('あと219日');
      for (const id of ALL_DEVICE_ACKS) expect(record).toContain(`"id":"${id}"`);
    } finally {
      await bot.close();
    }
  });

  it('reconciles a deletion whose answer was lost with the same key, never deleting twice', async () => {
    const bot = await createMiemasuBot({
      faults: [
        {
          operation: 'deleteMiemasuDevice',
          call: 1,
          outcome: { ok: false, kind: 'unreachable', detail: 'answer lost' },
          afterRunning: true,
        },
      ],
    });
    try {
      await toFinal(bot);
      await bot.click('confirm');
      expect(bot.lastText()).not.toContain('削除（解約）しました');
      await bot.click('__recheck');
      expect(bot.lastText()).toContain('機器一覧から「CameraOA」がなくなったことを確認しました');
      const keys = bot.calls
        .filter((c) => c.operation === 'deleteMiemasuDevice')
        .map((c) => c.idempotencyKey);
      expect(keys).toHaveLength(2);
      expect(keys[1]).toBe(keys[0]);
    } finally {
      await bot.close();
    }
  });

  it('counts the licence days left from the date in Japan, not UTC', async () => {
    // 15:30 UTC on 11-23 is already 11-24 in Japan: 218 days to 2027-06-30, not 219.
    const bot = await createMiemasuBot({ now: '2026-11-23T15:30:00Z' });
    try {
      await bot.say('こんにちは');
      await bot.click('delete');
      await bot.verify(TWO);
      await bot.click('DEV-0001');
      await bot.click('delete');
      expect(bot.lastText()).toContain('ライセンスの残り期間: あと218日');
    } finally {
      await bot.close();
    }
  });

  it('speaks English when asked, with the same facts', async () => {
    const bot = await createMiemasuBot();
    try {
      await bot.say('english');
      await bot.click('delete');
      await bot.verify(TWO);
      expect(bot.lastText()).toContain('CameraOA (cameraoa.miemasu.example, licence until');
      await bot.click('DEV-0001');
      await bot.click('delete');
      expect(bot.lastText()).toContain('Licence time left: 219 days (not refunded)');
      expect(bot.lastText()).toContain('the licence key can never be reused');
      await bot.tick(ALL_DEVICE_ACKS);
      expect(bot.lastText()).toContain('Delete (cancel) "CameraOA" (cameraoa.miemasu.example)?');
    } finally {
      await bot.close();
    }
  });
});
