/** `engine.describe`: where a conversation stands, for a person taking it over — never a secret. */
import { describe, expect, it } from 'vitest';
import { createChannelTestBot } from '../support/channel-bot.js';
import { driveEngine } from './harness.js';
import { setup } from './sample-setup.js';

describe('engine.describe', () => {
  it('tells the procedure, the step and what was acknowledged', async () => {
    const { h } = setup();
    expect(await h.engine.describe('test:conversation')).toBeUndefined();
    await h.say('こんにちは');
    await h.click('delete');
    await h.say('CameraOA');
    await h.tick(['no-refund', 'data-loss']);
    const summary = await h.engine.describe('test:conversation');
    expect(summary?.position.at(-1)).toEqual({ dialogId: 'delete-item', nodeId: 'confirm' });
    expect(summary?.acknowledged.map((a) => a.id)).toEqual(['no-refund', 'data-loss']);
    expect(summary?.acknowledged[0]?.text).not.toBe('no-refund');
  });

  it('names the verified customer but never a token', async () => {
    const t = await createChannelTestBot();
    try {
      const user = driveEngine(t.bot.engine, { conversationKey: 'web:s1' });
      await user.say('カメラを削除したい');
      await user.say('camera-two@example.com');
      await user.say(t.codeFor('camera-two@example.com'));
      const summary = await t.bot.engine.describe('web:s1');
      expect(summary?.identity).toEqual({ customerId: 'CUS-1001' });
      expect(JSON.stringify(summary)).not.toMatch(/token/i);
    } finally {
      await t.close();
    }
  });
});

describe('reply locale', () => {
  it('every reply says the language it was written in, following a language switch', async () => {
    const { h } = setup();
    await h.say('こんにちは');
    expect(h.last.map((r) => r.locale)).toEqual(h.last.map(() => 'ja'));
    await h.say('English');
    expect(h.last.length).toBeGreaterThan(0);
    expect(h.last.map((r) => r.locale)).toEqual(h.last.map(() => 'en'));
  });
});
