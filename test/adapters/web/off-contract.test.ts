/**
 * Invariant 8 through a channel: the web chat's API, with the bot's backend behind a fault server. A read answered
 * off-contract (a device list `{"unexpected":""}`) is told as the engine's "cannot show this now" — in Japanese and
 * in English — never as "cannot connect" and never as "no devices"; an unreachable backend still says "cannot
 * connect". Nothing is offered to act on.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../../src/clock.js';
import { builtinMessages } from '../../../src/engine/text/builtin.js';
import { createTranslator } from '../../../src/engine/text/catalog.js';
import { createSandbox, type Sandbox } from '../../../src/sandbox/server.js';
import { DEFAULT_TEST_NOW } from '../../support/bot-harness.js';
import { type FaultServer, startFaultServer } from '../../support/fault-server.js';
import { botText, lastReply, startWeb, type WebClient, type WebHarness } from './support.js';

const EMAIL = 'camera-two@example.com';
const DEVICE_LIST = { method: 'GET', path: /^\/miemasu\/devices$/ };
const CANNOT_SHOW = {
  ja: createTranslator(builtinMessages, 'ja').t('engine.answer-unusable'),
  en: createTranslator(builtinMessages, 'en').t('engine.answer-unusable'),
};

let sandbox: Sandbox | undefined;
let faults: FaultServer | undefined;
let web: WebHarness | undefined;
afterEach(async () => {
  await web?.close();
  await faults?.close();
  await sandbox?.close();
  web = undefined;
  faults = undefined;
  sandbox = undefined;
});

/** The sandbox behind a fault server, and the web chat's bot pointed at it (`BACKEND_URL`). */
async function start(): Promise<{ web: WebHarness; faults: FaultServer; sandbox: Sandbox }> {
  sandbox = await createSandbox({ store: 'memory', clock: manualClock(DEFAULT_TEST_NOW), seed: true });
  faults = await startFaultServer((await sandbox.listen(0, '127.0.0.1')).url);
  web = await startWeb({ env: { BACKEND_URL: faults.url } });
  return { web, faults, sandbox };
}

/** Menu → delete a device (→ English when asked) → e-mail: the next text is the one-time code. */
async function toCode(client: WebClient, english: boolean): Promise<void> {
  const menu = await client.turn({ kind: 'start', dialogId: 'menu' });
  expect(menu.status).toBe(200);
  if (english) expect((await client.turn({ kind: 'locale', locale: 'en' })).json.locale).toBe('en');
  await client.turn({ kind: 'text', text: english ? 'I want to delete my camera' : 'カメラを削除したい' });
  await client.turn({ kind: 'text', text: EMAIL });
}

const codeOf = (box: Sandbox) => {
  const mail = box.outbox.filter((m) => m.to === EMAIL).at(-1);
  if (!mail) throw new Error(`no code mailed to ${EMAIL}`);
  return mail.code;
};

describe('web chat: an off-contract read', () => {
  for (const locale of ['ja', 'en'] as const) {
    it(`a device list {"unexpected":""} is "cannot show this now" (${locale}), not "cannot connect"`, async () => {
      const rig = await start();
      const client = rig.web.client();
      await toCode(client, locale === 'en');
      rig.faults.inject(DEVICE_LIST, { kind: 'body', status: 200, json: { unexpected: '' }, forward: true });

      const answer = await client.turn({ kind: 'text', text: codeOf(rig.sandbox) });

      expect(answer.status).toBe(200);
      expect(answer.json.locale).toBe(locale);
      const text = botText(answer.json.entries);
      expect(text).toContain(CANNOT_SHOW[locale]);
      expect(text).not.toMatch(/接続できません|cannot be reached/);
      expect(text).not.toMatch(/なし|すべて削除|no devices/i);
      expect((lastReply(answer.json.entries).choices ?? []).map((c) => c.style)).not.toContain('danger');
      expect(rig.faults.matching(DEVICE_LIST)).toHaveLength(1);
    });
  }

  it('an unreachable backend still says "cannot connect", not "cannot show this now"', async () => {
    const rig = await start();
    const client = rig.web.client();
    await toCode(client, false);
    rig.faults.inject(DEVICE_LIST, { kind: 'status', status: 503 }, 3);

    const answer = await client.turn({ kind: 'text', text: codeOf(rig.sandbox) });

    const text = botText(answer.json.entries);
    expect(text).toContain('システムに接続できません');
    expect(text).not.toContain(CANNOT_SHOW.ja);
  });
});
