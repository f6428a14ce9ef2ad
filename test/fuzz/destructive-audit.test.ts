/**
 * The outside audit of invariant 1 used by the engine property (support/destructive-audit.ts) must be able to
 * fail: it accepts real, properly confirmed runs, and names the problem when the record is tampered with.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botOperationCatalog, procedureBundle } from '../../dialogs/index.js';
import { auditDestructiveCalls } from './support/destructive-audit.js';
import { createFuzzBot, drive, type FuzzBot } from './support/fuzz-bot.js';

const catalog = botOperationCatalog();
const dialogs = procedureBundle().dialogs;

type History = Pick<FuzzBot, 'turns' | 'calls' | 'events'>;
const copy = (bot: History): History =>
  structuredClone({ turns: bot.turns, calls: bot.calls, events: bot.events });

describe('destructive-call audit', () => {
  let bot: FuzzBot;

  beforeAll(async () => {
    bot = await createFuzzBot();
    const user = drive(bot, 'audit:camera-two');
    await user.say('カメラを削除したい');
    await user.verify('camera-two@example.com');
    await user.click('DEV-0001');
    await user.click('delete');
    await user.tick();
    await user.click('confirm');
    await user.say('カメラを削除したい');
    await user.click('DEV-0002');
    await user.click('delete');
    await user.say('1 2 3'); // the acknowledgements by number
    await user.say('はい'); // the final question answered in words
    await user.click('withdraw');
    await user.tick();
    await user.click('confirm');
    await user.type('退会します');
  });
  afterAll(() => bot.close());

  it('accepts two confirmed device deletions and a withdrawal confirmed with its typed phrase', () => {
    expect(bot.errors).toEqual([]);
    expect(bot.calls.filter((c) => catalog[c.operation]?.destructive).map((c) => c.operation)).toEqual([
      'deleteMiemasuDevice',
      'deleteMiemasuDevice',
      'withdrawAnnualPack',
    ]);
    expect(auditDestructiveCalls(bot, catalog, dialogs)).toEqual([]);
  });

  it('reports a destructive call with no confirmation event', () => {
    const tampered = copy(bot);
    tampered.events = tampered.events.filter((e) => e.event.kind !== 'confirmed');
    expect(auditDestructiveCalls(tampered, catalog, dialogs)).toEqual(
      expect.arrayContaining([expect.stringContaining('no confirmation of that exact item')]),
    );
  });

  it('reports a call whose argument is not the confirmed item', () => {
    const tampered = copy(bot);
    for (const { event } of tampered.events)
      if (event.kind === 'call-completed' && event.operation === 'deleteMiemasuDevice')
        event.args = { deviceId: 'DEV-0003' };
    expect(auditDestructiveCalls(tampered, catalog, dialogs)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('argument deviceId is not a value of the confirmed item'),
      ]),
    );
  });

  it('reports consequences that were never all acknowledged', () => {
    const tampered = copy(bot);
    for (const { turn } of tampered.turns)
      if (turn.input.kind === 'acknowledge') turn.input.ackIds = turn.input.ackIds.slice(1);
    const problems = auditDestructiveCalls(tampered, catalog, dialogs);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('no-refund, license-forfeit, data-loss were never all acknowledged'),
        expect.stringContaining('account-deletion were never all acknowledged'),
      ]),
    );
  });

  it('reports a confirmation without the final "confirm" or without the typed phrase', () => {
    const tampered = copy(bot);
    for (const { turn } of tampered.turns) {
      if (turn.input.kind === 'choice' && turn.input.choiceId === 'confirm') turn.input.choiceId = 'cancel';
      if (turn.input.kind === 'typed') turn.input.text = '退会';
      if (turn.input.kind === 'text' && turn.input.text === 'はい') turn.input.text = 'ふむ';
    }
    const problems = auditDestructiveCalls(tampered, catalog, dialogs);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('the confirming turn was not a "confirm" the bot had offered'),
        expect.stringContaining('confirmed without typing the phrase "退会します"'),
      ]),
    );
  });

  it('reports more destructive calls than confirmations (one confirmation backs one call)', () => {
    const tampered = copy(bot);
    const first = tampered.events.find((e) => e.event.kind === 'call-completed' && e.event.destructive);
    const firstCall = tampered.calls.find((c) => catalog[c.operation]?.destructive);
    if (!first || !firstCall) throw new Error('the scripted run made no destructive call');
    tampered.events.push(structuredClone(first));
    tampered.calls.push(structuredClone(firstCall));
    expect(auditDestructiveCalls(tampered, catalog, dialogs)).toEqual(
      expect.arrayContaining([expect.stringContaining('no confirmation of that exact item')]),
    );
  });
});
