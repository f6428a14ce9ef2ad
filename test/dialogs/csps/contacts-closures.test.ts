/**
 * Issue 15 item 7: every "open now" line uses the one calendar — the contact rows inside the cancellation flow
 * (e.g. the NVS referral) and the handoff ("オペレーター") agree on an operator closure day; without configured
 * closures (the default: the sources name none) the same weekday is open.
 */
import { describe, expect, it } from 'vitest';
import { procedureBundle } from '../../../dialogs/index.js';
import { parseClosures } from '../../../src/calendar/closures.js';
import { loadConfig } from '../../../src/config.js';
import type { BehaviourContext } from '../../../src/engine/behaviour.js';
import { createTranslator } from '../../../src/engine/text/catalog.js';

const DEC_29_10AM = new Date('2026-12-29T10:00:00+09:00'); // a Tuesday, not a public holiday

function contactRows(closures: string): { rows: string; contacts: string } {
  const bundle = procedureBundle({ closures: parseClosures(closures) });
  const ctx: BehaviourContext = {
    slots: {},
    text: createTranslator(bundle.catalogs, 'ja'),
    now: DEC_29_10AM,
    actor: { kind: 'customer', id: 'c-1' },
    credentials: [],
  };
  const rows = (bundle.behaviour.facts?.cspsContacts?.(ctx) ?? []).map((f) => f.value).join('\n');
  const contacts = (
    bundle.deskContacts?.replies({ locale: 'ja', now: DEC_29_10AM, dialogId: 'csps-cancel' }) ?? []
  )
    .map((r) => [r.text, ...(r.facts ?? []).map((f) => f.value)].join('\n'))
    .join('\n');
  return { rows, contacts };
}

describe('one calendar for every "open now" line', () => {
  it('with a configured year-end closure, the flow’s contact rows and the desk contacts both say closed', () => {
    const { rows, contacts } = contactRows('12-29..01-03');
    expect(rows).toContain('受付時間外');
    expect(rows).not.toContain('受付中です');
    expect(contacts).toContain('受付時間外');
    expect(contacts).not.toContain('受付中です');
  });

  it('by default no closure is configured, so 29 December (a weekday) is open in both', () => {
    expect(loadConfig({}).BOT_CLOSURES).toBe('');
    const { rows, contacts } = contactRows(loadConfig({}).BOT_CLOSURES);
    expect(rows).toContain('受付中です');
    expect(contacts).toContain('受付中です');
  });
});
