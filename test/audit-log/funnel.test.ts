/**
 * The funnel's entries as a conversation produces them (engine events → `createEntryDeriver`): a start per
 * dialog with the language, a closure per end — completed, stopped (やめる at any step, the acknowledgement step
 * included), abandoned (idle expiry, dated when the idle limit passed) — and FAQ answers and declines (the
 * question redacted and bounded).
 */
import { describe, expect, it } from 'vitest';
import { procedureBundle } from '../../dialogs/index.js';
import { createEntryDeriver, declinedQuestion, handoffEntry } from '../../src/audit-log/derive.js';
import { type AuditEntry, AuditEntrySchema } from '../../src/audit-log/entry.js';
import { userTextFacts } from '../../src/audit-log/scrub.js';
import type { EngineEvent } from '../../src/engine/events.js';
import type { Ticket } from '../../src/live-desk/ticket.js';
import { setup, toFinal } from '../engine/sample-setup.js';

function recording() {
  const deriver = createEntryDeriver({ userText: userTextFacts(procedureBundle().catalogs) });
  const entries: AuditEntry[] = [];
  const onEvent = (event: EngineEvent) => {
    entries.push(...deriver(event));
  };
  return { entries, onEvent };
}

const funnel = (entries: AuditEntry[]) =>
  entries
    .filter((e) => e.kind === 'dialog-started' || e.kind === 'dialog-ended')
    .map((e) => [e.kind, e.dialogId, e.what.closure ?? null]);

describe('funnel entries', () => {
  it('a completed procedure: started with its language, ended completed', async () => {
    const { entries, onEvent } = recording();
    const { h } = setup({ onEvent });
    await toFinal(h);
    await h.click('confirm');
    await h.type('削除');
    expect(funnel(entries)).toEqual([
      ['dialog-started', 'menu', null],
      ['dialog-started', 'delete-item', null],
      ['dialog-ended', 'delete-item', 'completed'],
      ['dialog-ended', 'menu', 'completed'],
    ]);
    for (const entry of entries) {
      expect(AuditEntrySchema.parse(entry)).toEqual(entry);
      expect(entry.what.language).toBe('ja');
    }
  });

  it('やめる at the acknowledgement step ends every open dialog as stopped', async () => {
    const { entries, onEvent } = recording();
    const { h } = setup({ onEvent });
    await h.say('こんにちは');
    await h.click('delete');
    await h.say('CameraOA');
    expect(h.last.some((reply) => (reply.acknowledgements ?? []).length > 0)).toBe(true);
    await h.say('やめる');
    expect(funnel(entries).slice(-2)).toEqual([
      ['dialog-ended', 'delete-item', 'stopped'],
      ['dialog-ended', 'menu', 'stopped'],
    ]);
    expect(entries.at(-1)?.what.outcome).toBe('stopped');
  });

  it('やめる at the final confirmation and in English: stopped, language en', async () => {
    const { entries, onEvent } = recording();
    const { h } = setup({ onEvent });
    await toFinal(h);
    await h.say('English');
    await h.say('stop');
    expect(
      funnel(entries)
        .slice(-2)
        .map((row) => row[2]),
    ).toEqual(['stopped', 'stopped']);
    expect(entries.at(-1)?.what.language).toBe('en');
  });

  it('idle expiry: abandoned, dated when the idle limit passed, noticed when the customer writes again', async () => {
    const { entries, onEvent } = recording();
    const { h } = setup({ onEvent, idleTtlMs: 3600_000 });
    await h.say('こんにちは');
    await h.click('delete');
    const idleSince = h.clock.now.getTime();
    h.clock.advance(5 * 3600_000);
    await h.say('こんにちは');
    const abandoned = entries.filter((e) => e.what.closure === 'abandoned');
    expect(abandoned.map((e) => e.dialogId)).toEqual(['delete-item', 'menu']);
    expect(abandoned[0]?.at).toBe(new Date(idleSince + 3600_000).toISOString());
    // …and the conversation starts over: a fresh menu.
    expect(funnel(entries).at(-1)).toEqual(['dialog-started', 'menu', null]);
  });

  it('an FAQ answer names its entry; a declined question is kept redacted and bounded', async () => {
    const { entries, onEvent } = recording();
    const bundle = procedureBundle();
    const { h } = setup({ onEvent, faq: bundle.faq });
    await h.say('みえますねっとで機器を削除したら返金されますか？');
    const answered = entries.find((e) => e.kind === 'faq');
    expect(answered?.what).toMatchObject({ outcome: 'answered', language: 'ja' });
    expect(answered?.what.entry).toMatch(/^[a-z0-9.-]+$/);
    expect(declinedQuestion('taro@example.com の 123456 と 090-1234-5678 は？')).not.toMatch(
      /taro|123456|1234/,
    );
    expect(declinedQuestion('あ'.repeat(1000)).length).toBeLessThanOrEqual(200);
  });

  it('FAQ feedback: 「解決しませんでした」 under an answer records not-helpful and offers a person', async () => {
    const { entries, onEvent } = recording();
    const { h } = setup({ onEvent, faq: procedureBundle().faq });
    await h.say('みえますねっとで機器を削除したら返金されますか？');
    const answer = h.last.find((reply) => reply.choices?.some((c) => c.id === '__faq-not-helpful'));
    expect(answer?.choices).toEqual([
      { id: '__faq-not-helpful', label: '解決しませんでした', style: 'default' },
    ]);
    const entry = entries.find((e) => e.kind === 'faq')?.what.entry;
    expect(entry).toMatch(/^[a-z0-9.-]+$/);
    await h.click('__faq-not-helpful');
    expect(h.lastText()).toContain('お役に立てず申し訳ございません');
    expect(h.last.some((reply) => reply.contactsShown !== undefined)).toBe(true);
    const feedback = entries.filter((e) => e.kind === 'faq').map((e) => [e.what.outcome, e.what.entry]);
    expect(feedback).toEqual([
      ['answered', entry],
      ['not-helpful', entry],
    ]);
    for (const e of entries) expect(AuditEntrySchema.parse(e)).toEqual(e);
    // The same button again (its answer is no longer the last turn): refused as stale, nothing recorded.
    await h.click('__faq-not-helpful');
    expect(h.lastText()).toContain('以前の画面');
    expect(entries.filter((e) => e.kind === 'faq')).toHaveLength(2);
  });

  it('FAQ feedback: asking for a person right after an answer records escalated; later, nothing', async () => {
    const { entries, onEvent } = recording();
    const { h } = setup({ onEvent, faq: procedureBundle().faq });
    await h.say('English');
    await h.say('Do I get a refund if I delete a Miemasu camera?');
    const answer = h.last.find((reply) => reply.choices?.some((c) => c.id === '__faq-not-helpful'));
    expect(answer?.choices?.[0]?.label).toBe("This didn't help");
    await h.say('operator');
    const faq = () => entries.filter((e) => e.kind === 'faq').map((e) => e.what.outcome);
    expect(faq()).toEqual(['answered', 'escalated']);
    expect(entries.at(-1)?.what).toMatchObject({ outcome: 'escalated', language: 'en' });
    // A person asked for again, not right after an answer: no second escalation.
    await h.say('operator');
    expect(faq()).toEqual(['answered', 'escalated']);
  });

  it('handoff entries: live and request by the customer, claimed by the agent with the wait', () => {
    const ticket = {
      id: 'HK-0000000000',
      conversationKey: 'web:session-1',
      channel: 'web',
      locale: 'en',
      status: 'claimed',
      summary: {
        customer: { actorId: 'web:session-1' },
        position: [],
        dialogId: 'csps-cancel',
        acknowledged: [],
        confirmed: [],
        recentReplies: [],
      },
      stateVersion: 3,
      threads: {},
      createdAt: '2026-11-23T01:00:00.000Z',
      updatedAt: '2026-11-23T01:02:00.000Z',
    } satisfies Ticket;
    const live = handoffEntry({ kind: 'live', ticket, at: ticket.createdAt });
    const claimed = handoffEntry({
      kind: 'claimed',
      ticket,
      at: ticket.updatedAt,
      waitedMs: 120_000,
      agentId: 'slack:UAG',
    });
    for (const entry of [live, claimed]) expect(AuditEntrySchema.parse(entry)).toEqual(entry);
    expect(live).toMatchObject({
      kind: 'handoff',
      actor: { kind: 'customer' },
      dialogId: 'csps-cancel',
      what: { handoff: 'live', language: 'en' },
    });
    expect(claimed).toMatchObject({
      actor: { kind: 'agent', id: 'slack:UAG' },
      what: { handoff: 'claimed', waitedMs: 120_000 },
    });
  });

  it('satisfaction: asked once after a completed procedure, a score in one tap, never asked twice', async () => {
    const { entries, onEvent } = recording();
    const { h } = setup({ onEvent, satisfaction: true });
    await toFinal(h);
    await h.click('confirm');
    await h.type('削除');
    const asked = h.last.at(-1);
    expect(asked?.text).toContain('1（不満）〜5（満足）');
    expect(asked?.choices?.map((c) => c.id)).toEqual([
      '__satisfaction-1',
      '__satisfaction-2',
      '__satisfaction-3',
      '__satisfaction-4',
      '__satisfaction-5',
      '__satisfaction-skip',
    ]);
    await h.click('__satisfaction-4');
    expect(h.lastText()).toContain('ご回答ありがとうございました');
    const rated = entries.filter((e) => e.kind === 'satisfaction');
    expect(rated).toEqual([
      expect.objectContaining({
        dialogId: 'delete-item',
        channel: 'test',
        what: { score: 4, language: 'ja' },
      }),
    ]);
    for (const entry of rated) expect(AuditEntrySchema.parse(entry)).toEqual(entry);
    // A second completed procedure in the same conversation: not asked again.
    await toFinal(h, 'CameraOB');
    await h.click('confirm');
    await h.type('削除');
    expect(h.lastText()).not.toContain('1（不満）〜5（満足）');
  });

  it('satisfaction: skipped by the button, or by simply going on (which is then handled as usual)', async () => {
    const skipped = recording();
    const a = setup({ onEvent: skipped.onEvent, satisfaction: true });
    await toFinal(a.h);
    await a.h.click('confirm');
    await a.h.type('削除');
    await a.h.click('__satisfaction-skip');
    expect(skipped.entries.filter((e) => e.kind === 'satisfaction').map((e) => e.what)).toEqual([
      { outcome: 'skipped', language: 'ja' },
    ]);
    const movedOn = recording();
    const b = setup({ onEvent: movedOn.onEvent, satisfaction: true });
    await toFinal(b.h);
    await b.h.click('confirm');
    await b.h.type('削除');
    await b.h.say('こんにちは');
    expect(movedOn.entries.filter((e) => e.kind === 'satisfaction').map((e) => e.what.outcome)).toEqual([
      'skipped',
    ]);
    expect(b.h.last.at(-1)?.choices?.some((c) => c.id === 'delete')).toBe(true);
  });
});
