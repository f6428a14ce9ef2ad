import { afterEach, describe, expect, it } from 'vitest';
import { identifyBehaviour, identifyDialog } from '../../../dialogs/common/identify.js';
import { commonMessages } from '../../../dialogs/common/messages.js';
import { mergeCatalogs } from '../../../src/engine/text/catalog.js';
import type { Dialog } from '../../../src/engine/tree/schema.js';
import { createTestBot, type TestBot } from '../../support/bot-harness.js';
import {
  coverageReport,
  mergeVisits,
  playTranscript,
  type Transcript,
  unvisitedNodes,
} from '../../support/transcript.js';

/** A probe procedure: identify, then read the customer's devices. */
const probe: Dialog = {
  id: 'probe',
  version: 1,
  title: 'probe.title',
  start: 'who',
  nodes: {
    who: { kind: 'sub', dialog: 'identify', next: 'list', outcomes: { failed: 'stopped' } },
    list: {
      kind: 'call',
      operation: 'listMiemasuDevices',
      result: 'list',
      next: { ok: 'done', failed: 'stopped' },
    },
    done: { kind: 'end', text: 'probe.done' },
    stopped: { kind: 'end', text: 'probe.stopped' },
  },
};
const catalogs = mergeCatalogs(commonMessages, {
  ja: {
    'probe.title': 'probe',
    'probe.done': '機器は {list.devices.length} 台です。',
    'probe.stopped': '終了します。',
  },
  en: { 'probe.title': 'probe', 'probe.done': '{list.devices.length} devices.', 'probe.stopped': 'Bye.' },
});
const bundle = {
  dialogs: [probe, identifyDialog],
  behaviour: identifyBehaviour,
  catalogs,
  rootDialog: 'probe',
};

const transcripts: Transcript[] = [
  {
    name: 'verified with the code from the registered e-mail, then the account is readable',
    steps: [
      {
        user: 'こんにちは',
        expect: {
          contains: ['メールアドレスを入力してください', 'パスワードはお聞きしません'],
          noCalls: true,
        },
      },
      { user: 'not-an-email', expect: { contains: ['メールアドレスの形式'], noCalls: true } },
      {
        user: 'Camera-Two@Example.com',
        expect: { contains: ['6桁の確認コード'], calls: ['startVerification'] },
      },
      { user: '12345', expect: { contains: ['確認コードは6桁の数字です'], noCalls: true } },
      {
        user: '000000',
        expect: { contains: ['確認コードが一致しないか'], calls: ['confirmVerification'] },
      },
    ],
  },
];

let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

describe('identify (one-time code, never a password)', () => {
  const visited = new Map<string, Set<string>>();

  it.each(transcripts)('$name', async (transcript) => {
    bot = await createTestBot(bundle);
    await playTranscript(bot, transcript);
    // Finish with the real code from the sandbox outbox.
    await bot.say(bot.outbox.at(-1)!.code);
    expect(bot.lastText()).toContain('ご本人確認ができました');
    expect(bot.lastText()).toContain('機器は 2 台です');
    mergeVisits(visited, bot.visited);
  });

  it('never keeps the token in slots: only as a credential', async () => {
    bot = await createTestBot(bundle);
    await bot.say('hello');
    await bot.verify('camera-two@example.com');
    const json = JSON.stringify(bot.events);
    expect(json).not.toMatch(/"token"/);
    expect(bot.lastText()).toContain('機器は 2 台です');
  });

  // Full coverage of identify (locked, backend down, already verified) is asserted in menu.test.ts.
  it('walked the code path: e-mail, send, code, wrong code, confirm, verified', () => {
    console.log(coverageReport([identifyDialog], visited));
    const unvisited = unvisitedNodes([identifyDialog], visited);
    for (const node of ['email', 'send', 'code', 'wrongCode', 'confirm', 'verified']) {
      expect(unvisited).not.toContain(`identify#${node}`);
    }
  });
});

describe('the code validity is told as the backend states it', () => {
  it('the prompt and the wrong-code answer give the expiry the backend returned; the mail agrees', async () => {
    bot = await createTestBot(bundle);
    await bot.say('hello');
    await bot.say('camera-two@example.com');
    // The sandbox's codes expire after 10 minutes; the test clock is 10:00 JST.
    expect(bot.lastText()).toContain('コードの有効期限は 10:10 までです');
    expect(bot.outbox.at(-1)?.body).toContain('10分以内');
    await bot.say('000000');
    expect(bot.lastText()).toContain('有効期限（10:10 まで）');
    expect(bot.lastText()).not.toContain('30分');
  });

  it('another expiry from the backend is told as such (no constant in the bot)', async () => {
    bot = await createTestBot({
      ...bundle,
      decorateOperations: (ops) => ({
        ...ops,
        startVerification: {
          ...ops.startVerification!,
          async run(args, ctx) {
            const outcome = await ops.startVerification!.run(args, ctx);
            if (!outcome.ok) return outcome;
            return { ok: true, data: { ...(outcome.data as object), expiresAt: '2026-11-23T01:25:00.000Z' } };
          },
        },
      }),
    });
    await bot.say('hello');
    await bot.say('camera-two@example.com');
    expect(bot.lastText()).toContain('コードの有効期限は 10:25 までです');
  });
});
