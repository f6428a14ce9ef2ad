/**
 * Regression (issue 13, item 2): each acknowledgement keeps the time it was given — the receipt and the audit
 * log record that time, not the final confirmation's — and the audit log reads in the order things happened:
 * disclosure, acknowledgements, confirmation, then the action.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { procedureBundle } from '../../dialogs/index.js';
import { createEntryDeriver, userTextFacts } from '../../src/audit-log/index.js';
import { createTestBot, type TestBot } from '../support/bot-harness.js';

let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

describe('acknowledgement times (camera deletion, CUS-1001)', () => {
  it('records each tick at its own time and writes audit rows in the order things happened', async () => {
    bot = await createTestBot({ ...procedureBundle(), now: '2026-11-24T15:39:30+09:00' });
    await bot.say('カメラを削除したい');
    await bot.verify('camera-two@example.com');
    await bot.say('CameraOA');
    await bot.click('delete');
    bot.clock.set('2026-11-24T15:39:35.500+09:00');
    await bot.tick(['no-refund', 'license-forfeit', 'data-loss']);
    bot.clock.set('2026-11-24T15:39:40.546+09:00');
    await bot.click('confirm');

    const confirmed = bot.events.find((e) => e.kind === 'confirmed');
    if (confirmed?.kind !== 'confirmed') throw new Error('no confirmation recorded');
    expect(confirmed.record.acknowledgements.map((a) => a.acknowledgedAt)).toEqual([
      '2026-11-24T06:39:35.500Z',
      '2026-11-24T06:39:35.500Z',
      '2026-11-24T06:39:35.500Z',
    ]);
    expect(confirmed.record.confirmedAt).toBe('2026-11-24T06:39:40.546Z');
    const call = bot.events.find((e) => e.kind === 'call-completed' && e.destructive);
    if (call?.kind !== 'call-completed') throw new Error('no deletion');
    expect(call.confirmation?.acknowledgements[0]?.acknowledgedAt).toBe('2026-11-24T06:39:35.500Z');

    const derive = createEntryDeriver({ userText: userTextFacts(procedureBundle().catalogs) });
    const rows = bot.events.flatMap((event) => derive(event));
    const kinds = rows
      .map((row) => row.kind)
      .filter((kind) => ['disclosure-shown', 'acknowledged', 'confirmed', 'action'].includes(kind));
    expect(kinds).toEqual([
      'disclosure-shown',
      'acknowledged',
      'acknowledged',
      'acknowledged',
      'confirmed',
      'action',
    ]);
    const times = rows.map((row) => Date.parse(row.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });
});
