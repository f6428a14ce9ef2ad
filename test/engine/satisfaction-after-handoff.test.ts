/**
 * Issue 16 in the engine: the live desk's notices (`desk-notice`, core/desk-notice.ts). After a handoff — a live
 * chat the agent ended, a callback request taken — the same one satisfaction question as after a procedure, once
 * per conversation, skippable, never over a procedure in progress; and a person asked for right after an FAQ
 * answer (the live desk's button, a request, a handoff node) counts that answer as escalated, once.
 */
import { describe, expect, it } from 'vitest';
import { procedureBundle } from '../../dialogs/index.js';
import { createEntryDeriver } from '../../src/audit-log/derive.js';
import { type AuditEntry, AuditEntrySchema } from '../../src/audit-log/entry.js';
import { userTextFacts } from '../../src/audit-log/scrub.js';
import type { EngineEvent } from '../../src/engine/events.js';
import type { DeskNotice } from '../../src/engine/turn.js';
import type { Harness } from './harness.js';
import { setup, toFinal } from './sample-setup.js';

function recording() {
  const deriver = createEntryDeriver({ userText: userTextFacts(procedureBundle().catalogs) });
  const entries: AuditEntry[] = [];
  const onEvent = (event: EngineEvent) => {
    entries.push(...deriver(event));
  };
  return { entries, onEvent };
}

const notice = (h: Harness, kind: DeskNotice, dialogId?: string) =>
  h.send({ kind: 'desk-notice', notice: kind, ...(dialogId ? { dialogId } : {}) });
const SCORES = [
  '__satisfaction-1',
  '__satisfaction-2',
  '__satisfaction-3',
  '__satisfaction-4',
  '__satisfaction-5',
  '__satisfaction-skip',
];
const asked = (h: Harness) => h.last.at(-1)?.choices?.map((c) => c.id);
const satisfaction = (entries: AuditEntry[]) => entries.filter((e) => e.kind === 'satisfaction');

describe('satisfaction after a handoff', () => {
  it('a live chat ended with nothing in progress: the one question, a score in one tap, marked as after a live chat', async () => {
    const { entries, onEvent } = recording();
    const { h } = setup({ onEvent, satisfaction: true });
    await h.say('こんにちは');
    await h.click('human'); // the handoff node: nothing in progress any more
    const before = h.last.at(-1)?.stateVersion ?? 0;
    await notice(h, 'live-ended', 'delete-item');
    expect(asked(h)).toEqual(SCORES);
    expect(h.lastText()).toContain('1（不満）〜5（満足）');
    // Buttons shown before the person took over are stale now.
    expect(h.last.at(-1)?.stateVersion).toBeGreaterThan(before);
    await h.click('__satisfaction-5');
    expect(h.lastText()).toContain('ご回答ありがとうございました');
    const rated = satisfaction(entries);
    expect(rated).toEqual([
      expect.objectContaining({
        dialogId: 'delete-item',
        channel: 'test',
        what: { score: 5, afterHandoff: 'live', language: 'ja' },
      }),
    ]);
    for (const entry of rated) expect(AuditEntrySchema.parse(entry)).toEqual(entry);
  });

  it('a callback request taken: asked, and skippable; with no procedure the entry names the menu', async () => {
    const { entries, onEvent } = recording();
    const { h } = setup({ onEvent, satisfaction: true });
    await h.say('English');
    await h.click('human');
    await notice(h, 'request-accepted');
    expect(asked(h)).toEqual(SCORES);
    await h.click('__satisfaction-skip');
    expect(satisfaction(entries)).toEqual([
      expect.objectContaining({
        dialogId: 'menu',
        what: { outcome: 'skipped', afterHandoff: 'request', language: 'en' },
      }),
    ]);
  });

  it('asked once per conversation: not after a handoff once answered after a procedure, nor twice after handoffs', async () => {
    const { entries, onEvent } = recording();
    const { h } = setup({ onEvent, satisfaction: true });
    await toFinal(h);
    await h.click('confirm');
    await h.type('削除');
    await h.click('__satisfaction-3');
    await h.say('こんにちは');
    await h.click('human');
    expect(await notice(h, 'live-ended')).toEqual([]);
    expect(await notice(h, 'request-accepted')).toEqual([]);
    expect(satisfaction(entries).map((e) => e.what)).toEqual([{ score: 3, language: 'ja' }]);

    const second = recording();
    const b = setup({ onEvent: second.onEvent, satisfaction: true });
    await b.h.say('こんにちは');
    await b.h.click('human');
    await notice(b.h, 'live-ended');
    await b.h.click('__satisfaction-2');
    expect(await notice(b.h, 'live-ended')).toEqual([]);
    // …nor after a procedure completed later.
    await toFinal(b.h);
    await b.h.click('confirm');
    await b.h.type('削除');
    expect(asked(b.h)).toBeUndefined();
    expect(satisfaction(second.entries)).toHaveLength(1);
  });

  it('not over a procedure in progress: the question waits until nothing is in progress, the question on screen stays answerable', async () => {
    const { entries, onEvent } = recording();
    const { h } = setup({ onEvent, satisfaction: true });
    await h.say('こんにちは');
    await h.click('delete');
    const atQuestion = h.last.at(-1);
    expect(await notice(h, 'live-ended', 'delete-item')).toEqual([]);
    await h.say('CameraOA'); // answers the procedure's question, as if no notice had come
    expect(h.last.some((r) => (r.acknowledgements ?? []).length > 0)).toBe(true);
    expect(atQuestion?.choices?.some((c) => c.id.startsWith('__satisfaction'))).not.toBe(true);
    await h.say('やめる');
    expect(asked(h)).toEqual(SCORES);
    await h.click('__satisfaction-1');
    expect(satisfaction(entries).map((e) => [e.dialogId, e.what])).toEqual([
      ['delete-item', { score: 1, afterHandoff: 'live', language: 'ja' }],
    ]);
  });

  it('at the menu’s own question: asked, and a menu button still works (the question counts as skipped)', async () => {
    const { entries, onEvent } = recording();
    const { h } = setup({ onEvent, satisfaction: true });
    await h.say('こんにちは');
    await h.say('オペレーター'); // the person command at the menu: the menu stays on the stack
    const menuVersion = h.last.at(-1)?.stateVersion ?? 0;
    await notice(h, 'live-ended');
    expect(asked(h)).toEqual(SCORES);
    await h.click('delete', menuVersion);
    expect(satisfaction(entries).map((e) => e.what)).toEqual([
      { outcome: 'skipped', afterHandoff: 'live', language: 'ja' },
    ]);
    expect(h.lastText()).not.toContain('操作が古い');
    expect(entries.some((e) => e.kind === 'dialog-started' && e.dialogId === 'delete-item')).toBe(true);
  });

  it('at the menu’s own question: after the answer the menu is shown again, and works', async () => {
    const { h } = setup({ satisfaction: true });
    await h.say('こんにちは');
    await h.say('オペレーター');
    await notice(h, 'live-ended');
    await h.click('__satisfaction-4');
    expect(h.lastText()).toContain('ご回答ありがとうございました');
    expect(h.last.at(-1)?.choices?.map((c) => c.id)).toContain('delete');
    await h.click('delete');
    expect(h.last.at(-1)?.choices?.map((c) => c.id)).not.toContain('delete');
  });

  it('a notice while a deletion’s outcome is unknown: nothing re-sent, nothing asked, the re-check still waits', async () => {
    const { h, backend } = setup({ satisfaction: true });
    await toFinal(h);
    backend.faults.deleteTimeoutsLeft = 1;
    await h.click('confirm');
    await h.type('削除');
    const sent = backend.calls.filter((c) => c.operation === 'deleteItem').length;
    h.clock.advance(10 * 60_000); // past the in-flight lease: a turn now would re-check
    expect(await notice(h, 'live-ended', 'delete-item')).toEqual([]);
    expect(backend.calls.filter((c) => c.operation === 'deleteItem')).toHaveLength(sent);
    await h.say('こんにちは'); // the customer's turn re-checks with the same key
    expect(backend.calls.filter((c) => c.operation === 'deleteItem')).toHaveLength(sent + 1);
  });

  it('a live chat only opened asks nothing; with the question off, a handoff asks nothing', async () => {
    const on = setup({ satisfaction: true });
    await on.h.say('こんにちは');
    await on.h.click('human');
    expect(await notice(on.h, 'live-requested')).toEqual([]);
    const off = setup({});
    await off.h.say('こんにちは');
    await off.h.click('human');
    expect(await notice(off.h, 'live-ended')).toEqual([]);
    expect(await notice(off.h, 'request-accepted')).toEqual([]);
  });

  it('a notice is not the customer’s turn: the idle limit still counts from their last one', async () => {
    const { entries, onEvent } = recording();
    const { h } = setup({ onEvent, satisfaction: true, idleTtlMs: 3600_000 });
    await h.say('こんにちは');
    await h.click('delete');
    h.clock.advance(50 * 60_000);
    await notice(h, 'live-ended', 'delete-item');
    h.clock.advance(20 * 60_000);
    await h.say('CameraOA');
    expect(entries.filter((e) => e.what.closure === 'abandoned').map((e) => e.dialogId)).toEqual([
      'delete-item',
      'menu',
    ]);
  });
});

describe('FAQ answers followed by a person', () => {
  const faqOutcomes = (entries: AuditEntry[]) =>
    entries.filter((e) => e.kind === 'faq').map((e) => e.what.outcome);
  const QUESTION = 'みえますねっとで機器を削除したら返金されますか？';

  it('a live chat opened from the desk right after the answer: escalated', async () => {
    const { entries, onEvent } = recording();
    const { h } = setup({ onEvent, faq: procedureBundle().faq });
    await h.say(QUESTION);
    expect(await notice(h, 'live-requested')).toEqual([]);
    expect(faqOutcomes(entries)).toEqual(['answered', 'escalated']);
    const [answered, escalated] = entries.filter((e) => e.kind === 'faq');
    expect(escalated?.what.entry).toBe(answered?.what.entry);
  });

  it('「解決しませんでした」 then a request left from the offered desk: not-helpful, then escalated, once', async () => {
    const { entries, onEvent } = recording();
    const { h } = setup({ onEvent, faq: procedureBundle().faq });
    await h.say(QUESTION);
    await h.click('__faq-not-helpful');
    await notice(h, 'request-accepted');
    await notice(h, 'live-requested');
    expect(faqOutcomes(entries)).toEqual(['answered', 'not-helpful', 'escalated']);
    // The choice again, from the same answer: refused as stale, nothing more recorded.
    const again = recording();
    const b = setup({ onEvent: again.onEvent, faq: procedureBundle().faq });
    await b.h.say(QUESTION);
    const version = b.h.last.at(-1)?.stateVersion;
    await b.h.click('__faq-not-helpful', version);
    await b.h.click('__faq-not-helpful', version);
    expect(faqOutcomes(again.entries)).toEqual(['answered', 'not-helpful']);
  });

  it('the person command then the desk’s button: escalated once; a desk press later, nothing', async () => {
    const { entries, onEvent } = recording();
    const { h } = setup({ onEvent, faq: procedureBundle().faq });
    await h.say(QUESTION);
    await h.say('オペレーター');
    await notice(h, 'live-requested');
    expect(faqOutcomes(entries)).toEqual(['answered', 'escalated']);
    await h.say(QUESTION);
    await h.say('こんにちは');
    await notice(h, 'live-requested');
    expect(faqOutcomes(entries)).toEqual(['answered', 'escalated', 'answered']);
  });

  it('a handoff node reached right after an answer: escalated', async () => {
    const { entries, onEvent } = recording();
    const { h } = setup({ onEvent, faq: procedureBundle().faq });
    await h.say('こんにちは');
    await h.say(QUESTION); // answered at the menu's question, which is shown again
    expect(faqOutcomes(entries)).toEqual(['answered']);
    await h.click('human');
    expect(faqOutcomes(entries)).toEqual(['answered', 'escalated']);
  });
});
