/**
 * Issue 16: the live desk reports each handoff (`onHandoff`): a live chat asked for, a request left, a claim with
 * the time it waited. The bot turns them into `handoff` audit entries and metrics; both are checked here.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { handoffEntry } from '../../src/audit-log/derive.js';
import { AuditEntrySchema } from '../../src/audit-log/entry.js';
import type { HandoffEvent } from '../../src/live-desk/index.js';
import { createBotMetrics } from '../../src/metrics/bot-metrics.js';
import { AGENT_ONE, CUSTOMER_KEY, type LiveDeskSetup, OPEN_NOW, setupLiveDesk } from './fakes.js';

let s: LiveDeskSetup | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const REQUEST = { channel: 'web', locale: 'en' as const, actorId: 'web:visitor-1', recentReplies: [] };

describe('handoff events', () => {
  it('live, then claimed after 90 s; a request left; each an audit entry and a metric', async () => {
    const events: HandoffEvent[] = [];
    s = await setupLiveDesk({ now: OPEN_NOW, onHandoff: (event) => void events.push(event) });
    const opened = await s.desk.openTicket(CUSTOMER_KEY, { ...REQUEST, dialogId: 'csps-cancel' });
    if (!opened.ok) throw new Error(`request refused: ${opened.reason}`);
    s.t.clock.advance(90_000);
    expect((await s.desk.claim(opened.ticket.id, AGENT_ONE)).ok).toBe(true);
    await s.desk.claim(opened.ticket.id, AGENT_ONE); // a double click: not a second claim
    const left = await s.desk.openTicket('web:session-2', { ...REQUEST, callbackRequest: 'please call me' });
    expect(left.ok).toBe(true);
    expect(events.map((e) => [e.kind, e.waitedMs])).toEqual([
      ['live', undefined],
      ['claimed', 90_000],
      ['request', undefined],
    ]);

    const entries = events.map(handoffEntry);
    for (const entry of entries) expect(AuditEntrySchema.parse(entry)).toEqual(entry);
    expect(entries[0]).toMatchObject({ dialogId: 'csps-cancel', what: { handoff: 'live', language: 'en' } });
    expect(entries[1]).toMatchObject({
      actor: { kind: 'agent', id: 'slack:UAGENT1' },
      what: { waitedMs: 90_000 },
    });
    expect(JSON.stringify(entries)).not.toContain('please call me');

    const metrics = createBotMetrics({ idleMs: 3600_000 });
    for (const event of events) metrics.handoff(event);
    const { body } = await metrics.scrape();
    expect(body).toContain('helpdesk_handoffs_total{kind="live"} 1');
    expect(body).toContain('helpdesk_handoffs_total{kind="claimed"} 1');
    expect(body).toContain('helpdesk_handoffs_total{kind="request"} 1');
    expect(body).toContain('helpdesk_handoff_claim_wait_seconds_count 1');
    expect(body).toContain('helpdesk_handoff_claim_wait_seconds_sum 90');
  });
});
