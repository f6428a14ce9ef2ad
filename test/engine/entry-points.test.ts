/**
 * Entry points (`start` input): home-tab buttons and slash commands open a dialog from anywhere, like "start over"
 * and picking it; forged dialog ids change nothing; buttons rendered before are stale afterwards.
 */
import { describe, expect, it } from 'vitest';
import { driveEngine } from './harness.js';
import { setup, toFinal } from './sample-setup.js';

describe('start input', () => {
  it('opens an entry-point dialog without going through the menu', async () => {
    const { h } = setup({ entryPoints: ['delete-item'] });
    await h.send({ kind: 'start', dialogId: 'delete-item' });
    expect(h.last.at(-1)?.choices?.map((c) => c.label)).toContain('CameraOA');
  });

  it('stops the procedure in progress honestly, and its old buttons are stale', async () => {
    const { h, backend } = setup({ entryPoints: ['delete-item'] });
    await toFinal(h);
    const final = h.last.at(-1);
    expect(final?.choices?.some((c) => c.id === 'confirm')).toBe(true);
    await h.send({ kind: 'start', dialogId: 'menu' });
    expect(h.lastText()).toContain('中止しました');
    await h.click('confirm', final?.stateVersion);
    expect(h.lastText()).toContain('以前の画面');
    expect(backend.effects).toHaveLength(0);
  });

  it('refuses a dialog that is not an entry point (a forged payload) and changes nothing', async () => {
    const { h, backend } = setup({ entryPoints: ['delete-item'] });
    await toFinal(h);
    const final = h.last.at(-1);
    await h.send({ kind: 'start', dialogId: 'no-such-dialog' });
    expect(h.lastText()).toContain('ご利用いただけません');
    await h.send({ kind: 'start', dialogId: 'ask-number' });
    expect(h.lastText()).toContain('ご利用いただけません');
    // The conversation is where it was, its confirmation shown again with a fresh version (invariant 7): the
    // earlier button is stale, the new one works once.
    const again = h.last.at(-1);
    expect(again?.choices?.some((c) => c.id === 'confirm')).toBe(true);
    expect(again?.stateVersion).not.toBe(final?.stateVersion);
    await h.click('confirm', again?.stateVersion);
    await h.type('削除');
    expect(backend.effects).toEqual([{ id: 'd1', key: expect.any(String) }]);
  });

  it('answers the first question with the given text', async () => {
    const { h } = setup();
    await h.send({ kind: 'start', dialogId: 'menu', text: '2' });
    expect(h.lastText()).not.toContain('ご利用いただけません');
    // Option 2 of the sample menu asks for a contract number.
    expect(h.last.at(-1)?.choices ?? []).not.toContainEqual(expect.objectContaining({ id: 'delete' }));
  });

  it('rejects unusable text for the first question without losing the dialog', async () => {
    const { h } = setup();
    await h.send({ kind: 'start', dialogId: 'menu', text: 'x'.repeat(5000) });
    expect(h.last.at(-1)?.choices?.map((c) => c.id)).toContain('delete');
  });
});

describe('acknowledgements asked of an agent', () => {
  it('tell the agent that each tick records the customer was told and agreed', async () => {
    const { h } = setup();
    const agent = driveEngine(h.engine, {
      conversationKey: 'agent-conv',
      actor: { kind: 'agent', id: 'slack:UAG', onBehalfOf: 'CUS-1' },
    });
    await agent.say('こんにちは');
    await agent.click('delete');
    await agent.say('CameraOA');
    expect(agent.lastText()).toContain('担当者の方へ');
    await h.say('こんにちは');
    await h.click('delete');
    await h.say('CameraOA');
    expect(h.lastText()).not.toContain('担当者の方へ');
  });
});

describe('a finished conversation', () => {
  it('refuses its final button pressed again later as stale, and acts once', async () => {
    const { h, backend } = setup({ entryPoints: ['delete-item'] });
    await h.send({ kind: 'start', dialogId: 'delete-item' });
    await h.say('CameraOA');
    await h.tick(['no-refund', 'data-loss']);
    await h.click('confirm');
    const typedPrompt = h.last.at(-1);
    expect(typedPrompt?.typedConfirmation).toBeDefined();
    await h.type('削除');
    expect(backend.effects).toHaveLength(1);
    await h.send({ kind: 'typed', text: '削除', stateVersion: typedPrompt?.stateVersion ?? -1 });
    expect(h.lastText()).toContain('以前の画面');
    expect(backend.effects).toHaveLength(1);
  });
});
