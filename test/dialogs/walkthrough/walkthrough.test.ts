import { afterEach, describe, expect, it } from 'vitest';
import { walkthroughDialogs } from '../../../dialogs/walkthrough/index.js';
import type { TestBot } from '../../support/bot-harness.js';
import { coverageReport, mergeVisits, playTranscript, unvisitedNodes } from '../../support/transcript.js';
import { createWalkthroughBot } from './support.js';
import { contactAndStopTranscripts, cspsTranscripts } from './transcripts-csps.js';
import { miemasuTranscripts } from './transcripts-miemasu.js';

const transcripts = [...miemasuTranscripts, ...cspsTranscripts, ...contactAndStopTranscripts];

let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

describe('walkthroughs (self-service portal steps, root dialog `walkthrough`)', () => {
  const visited = new Map<string, Set<string>>();

  it.each(transcripts)('$name', async (transcript) => {
    bot = await createWalkthroughBot();
    await playTranscript(bot, transcript);
    // Walkthroughs never reach the backend.
    expect(bot.calls).toEqual([]);
    mergeVisits(visited, bot.visited);
  });

  it('the transcripts visit every node of every walkthrough dialog', () => {
    expect(unvisitedNodes(walkthroughDialogs, visited), coverageReport(walkthroughDialogs, visited)).toEqual(
      [],
    );
  });
});

describe('walkthrough details', () => {
  it('stopping inside a detour says so once, not once per walkthrough on the stack', async () => {
    bot = await createWalkthroughBot();
    await bot.say('こんにちは');
    await bot.click('miemasu-withdraw');
    await bot.click('cannot');
    await bot.click('detour');
    await bot.click('cannot');
    await bot.click('stop');
    const said = bot.lastText().split('ご案内を終了します').length - 1;
    expect(said).toBe(1);
    // The whole stack ended: the next message opens the chooser again.
    await bot.say('こんにちは');
    expect(bot.lastText()).toContain('どの手順をご覧になりますか');
  });

  it('the login step shows the PC-only note and the password reset link from the source', async () => {
    bot = await createWalkthroughBot();
    await bot.say('こんにちは');
    const first = await bot.click('miemasu-delete');
    expect(first.at(-1)?.text).toContain('スマートフォン/タブレットからはログインできません');
    const login = await bot.click('next');
    expect(login.at(-1)?.text).toContain('https://panasonic.biz/cns/miemasu/support/operation/1-3.html');
    expect(login.at(-1)?.choices?.map((c) => c.label)).toEqual(['次へ', 'できない']);
  });
});
