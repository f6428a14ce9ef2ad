/**
 * Model-based property (fast-check commands) for invariants 1 and 7: every destructive backend call is made in the
 * turn of an input that answered exactly the confirmation on screen — at that version, for that item — after every
 * consequence the backend declares for the operation was acknowledged in this conversation, with the recorded
 * times in order (each acknowledgement ≤ the confirmation ≤ the call).
 *
 * Every channel is driven through its real adapter, one conversation per run on a bot of its own (so every run
 * starts from the same demo data and destructive calls do happen), and the model is what that channel actually
 * delivered to the user: LINE (signed webhooks, Flex postbacks; support/line-screen.ts), the web chat (the turn
 * API's answers; support/web-rig.ts), Slack (signed Events API and block_actions payloads, the fake Web API's
 * blocks; support/slack-rig.ts), Teams (activities and card submits, the fake Bot Connector's Adaptive Cards;
 * support/teams-rig.ts) and the terminal (its translation and printout, in process; support/cli-rig.ts), the last
 * four sharing support/channel-screen.ts. Commands mix progress (answering what is on screen) with everything else
 * a user does at any step: unclear text, help, 戻る, やめる, person, a language switch, yes/no words, typed
 * numbers, stale buttons of older messages, the same button on an older card, presses repeated, double presses
 * and redeliveries (where the platform has delivery ids), some items ticked, a wrong phrase, entry points of every
 * registered dialog. Each input is checked by support/on-screen.ts.
 *
 * Seed: fixed when CI=true, random otherwise (printed), FUZZ_SEED replays. Counts are printed per channel.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Abilities,
  newScreenModel,
  newScreenStats,
  press,
  progressActs,
  type ScreenRig,
  ScreenSend,
  type ScreenStats,
  say,
  screenCommands,
} from './support/channel-screen.js';
import { CLI_ABILITIES, startCliRig } from './support/cli-rig.js';
import { startLineFuzz } from './support/line-fuzz.js';
import { lineCommands, lineStats, newLineModel } from './support/line-screen.js';
import { runProperty, scaled } from './support/run-property.js';
import { SLACK_ABILITIES, startSlackRig } from './support/slack-rig.js';
import { startTeamsRig, TEAMS_ABILITIES } from './support/teams-rig.js';
import { startWebRig, WEB_ABILITIES } from './support/web-rig.js';

describe('only the confirmation on screen triggers a destructive call (model-based)', () => {
  it('holds for random sequences on LINE, through the real adapter (signed webhooks, postbacks)', async () => {
    let run = 0;
    await runProperty(
      'question on screen (LINE)',
      fc.asyncProperty(fc.commands([lineCommands], { maxCommands: 80, size: 'max' }), async (cmds) => {
        run += 1;
        lineStats.runs += 1;
        // A bot of its own per run (behind the real LINE channel), so every run starts from the same demo data.
        const rig = await startLineFuzz();
        try {
          const model = newLineModel(`Uqos${run}x${Math.random().toString(36).slice(2)}`);
          await fc.asyncModelRun(() => ({ model, real: rig }), cmds);
        } finally {
          await rig.close();
        }
      }),
      scaled({ numRuns: 30, timeLimitMs: 20_000 }),
      () => ({ ...lineStats }),
    );
    // The generator must reach destructive calls through LINE, or the property says nothing.
    expect(lineStats.destructive).toBeGreaterThan(0);
  }, 120_000);

  const adapters: [string, Abilities, (user: string) => Promise<ScreenRig>][] = [
    ['web', WEB_ABILITIES, () => startWebRig()],
    ['Slack', SLACK_ABILITIES, (user) => startSlackRig(user)],
    ['Teams', TEAMS_ABILITIES, (user) => startTeamsRig(user)],
    ['the terminal', CLI_ABILITIES, (user) => startCliRig(user)],
  ];
  it.each(adapters)(
    'holds for random sequences on %s, through the real adapter',
    async (name, abilities, start) => {
      const stats: ScreenStats = newScreenStats();
      const commands = screenCommands(stats, abilities);
      let run = 0;
      await runProperty(
        `question on screen (${name})`,
        fc.asyncProperty(fc.commands([commands], { maxCommands: 80, size: 'max' }), async (cmds) => {
          run += 1;
          stats.runs += 1;
          // A bot of its own per run (behind the real channel), so every run starts from the same demo data.
          const rig = await start(`UQOS${run}X${Math.random().toString(36).slice(2).toUpperCase()}`);
          try {
            await fc.asyncModelRun(() => ({ model: newScreenModel(), real: rig }), cmds);
          } finally {
            await rig.close();
          }
        }),
        scaled({ numRuns: 30, timeLimitMs: 15_000 }),
        () => ({ ...stats }),
      );
      // The generator must reach destructive calls through the adapter, or the property says nothing.
      expect(stats.destructive).toBeGreaterThan(0);
    },
    120_000,
  );

  it('the same model and checks on the sequence of item 1 (camera deletion, three unclear answers, はい), on the web', async () => {
    const stats = newScreenStats();
    const rig = await startWebRig();
    try {
      const model = newScreenModel();
      const step = (label: string, make: ConstructorParameters<typeof ScreenSend>[1]) =>
        new ScreenSend(label, make, stats);
      const text = (t: string) => step(`say ${t}`, () => [say(t)]);
      const choose = (id: string) =>
        step(`choose ${id}`, (m) => {
          const q = m.question;
          const button = q?.buttons.find((b) => b.kind === 'choice' && b.id === id);
          if (!q || !button) throw new Error(`no button ${id} on screen`);
          return [press(q, button)];
        });
      const code = step('code', (_m, real) => [
        say(real.bot.outbox.filter((mail) => mail.to === 'camera-two@example.com').at(-1)?.code ?? ''),
      ]);
      const sequence = [
        text('カメラを削除したい'),
        text('camera-two@example.com'),
        code,
        choose('DEV-0002'),
        choose('delete'),
        step('every tick', progressActs(0)),
        ...['えーと', 'うーん', 'んー'].map(text),
        text('はい'),
      ];
      await fc.asyncModelRun(() => ({ model, real: rig }), sequence);
      expect(model.question?.buttons.map((b) => b.id)).toContain('confirm');
      expect(rig.bot.calls.filter((c) => c.operation === 'deleteMiemasuDevice')).toEqual([]);
    } finally {
      await rig.close();
    }
  });
});
