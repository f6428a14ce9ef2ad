import { describe, expect, it } from 'vitest';
import { procedureBundle } from '../../dialogs/index.js';
import { boundedId, createEntryDeriver } from '../../src/audit-log/derive.js';
import { AuditEntrySchema, conversationDigest, MAX_ID_LENGTH } from '../../src/audit-log/entry.js';
import { USER_TEXT_OMITTED, userTextFacts } from '../../src/audit-log/scrub.js';
import type { EngineEvent } from '../../src/engine/events.js';
import type { OperationOutcome } from '../../src/engine/operations.js';
import type { Actor } from '../../src/engine/turn.js';

const catalogs = procedureBundle().catalogs;
const derive = (options: { mutating?: (operation: string) => boolean; maxConversations?: number } = {}) =>
  createEntryDeriver({ userText: userTextFacts(catalogs), ...options });

const CUSTOMER: Actor = { kind: 'customer', id: 'slack:U1' };
const KEY = 'slack:T1:D-U1';

function base(overrides: { actor?: Actor; conversationKey?: string; dialogId?: string } = {}) {
  return {
    conversationKey: overrides.conversationKey ?? KEY,
    channel: 'slack',
    actor: overrides.actor ?? CUSTOMER,
    locale: 'ja' as const,
    dialogId: overrides.dialogId ?? 'miemasu-delete-one',
    at: '2026-11-23T01:05:00.000Z',
  };
}

type CallCompleted = Extract<EngineEvent, { kind: 'call-completed' }>;

function call(
  operation: string,
  outcome: OperationOutcome,
  extra: Partial<CallCompleted> = {},
): CallCompleted {
  return {
    ...base(),
    kind: 'call-completed',
    operation,
    destructive: false,
    idempotencyKey: 'idem-1',
    args: {},
    sentAt: '2026-11-23T01:04:59.000Z',
    outcome,
    ...extra,
  };
}

const verified = (customerId: string, conversationKey = KEY): EngineEvent => ({
  ...call('confirmVerification', {
    ok: true,
    data: { customerId, credentials: { customerToken: 'tok-SECRET-123', customerId } },
  }),
  conversationKey,
  args: { verificationId: 'V-1', code: '238636' },
});

const device = { deviceId: 'DEV-0001', name: 'CameraOA', domainName: 'cameraoa.miemasu.example' };

const confirmed = (overrides: Parameters<typeof base>[0] = {}, typedPhrase?: string): EngineEvent => ({
  ...base(overrides),
  kind: 'confirmed',
  nodeId: 'confirm',
  target: 'device',
  targetValue: device,
  record: {
    facts: [
      { label: '機器名', value: 'CameraOA' },
      { label: 'ご登録のメールアドレス', value: 'taro.yamada@example.com' },
      { label: 'ご登録のメールアドレス（一部伏せ字）', value: 'po****@example.com' },
      { label: 'お電話', value: '03-6631-2540' },
    ],
    acknowledgements: [
      { id: 'no-refund', text: '払い戻しはありません。', acknowledgedAt: '2026-11-23T01:03:00.000Z' },
      { id: 'data-loss', text: 'データは元に戻りません。', acknowledgedAt: '2026-11-23T01:02:00.000Z' },
    ],
    finalQuestion: '「CameraOA」を削除（解約）します。よろしいですか？',
    typedPhrase,
    confirmedAt: '2026-11-23T01:04:00.000Z',
  },
});

/** What the confirm node showed (the same facts and acknowledgements), when it was entered. */
const disclosed = (
  overrides: Parameters<typeof base>[0] = {},
  facts?: { label: string; value: string }[],
): EngineEvent => {
  const shown = confirmed(overrides);
  if (shown.kind !== 'confirmed') throw new Error('unreachable');
  return {
    ...base(overrides),
    at: '2026-11-23T01:01:00.000Z',
    kind: 'disclosed',
    nodeId: 'confirm',
    target: 'device',
    targetValue: device,
    facts: facts ?? shown.record.facts,
    acknowledgements: shown.record.acknowledgements.map(({ id, text }) => ({ id, text })),
  };
};

describe('audit entries derived from engine events', () => {
  it('a disclosure is recorded when shown; a confirmation adds one acknowledgement per tick and itself, scrubbed', () => {
    const deriver = derive();
    const shownOnly = deriver(disclosed());
    expect(shownOnly.map((entry) => entry.kind)).toEqual(['disclosure-shown']);
    const entries = [...shownOnly, ...deriver(confirmed({}, '退会します'))];
    expect(entries.map((entry) => [entry.kind, entry.at])).toEqual([
      ['disclosure-shown', '2026-11-23T01:01:00.000Z'],
      ['acknowledged', '2026-11-23T01:03:00.000Z'],
      ['acknowledged', '2026-11-23T01:02:00.000Z'],
      ['confirmed', '2026-11-23T01:04:00.000Z'],
    ]);
    const [disclosure, , ack, confirmation] = entries;
    const item = { kind: 'device', id: 'DEV-0001', label: 'CameraOA' };
    expect(disclosure).toMatchObject({
      actor: CUSTOMER,
      channel: 'slack',
      conversation: conversationDigest(KEY),
      dialogId: 'miemasu-delete-one',
      result: 'ok',
      what: {
        node: 'confirm',
        item,
        consequences: ['no-refund', 'data-loss'],
        facts: [
          { label: '機器名', value: 'CameraOA' },
          { label: 'ご登録のメールアドレス', value: '[e-mail]' },
          { label: 'ご登録のメールアドレス（一部伏せ字）', value: '[e-mail]' },
          { label: 'お電話', value: '[phone]' },
        ],
      },
    });
    expect(ack?.what).toEqual({
      node: 'confirm',
      item,
      acknowledgement: { id: 'data-loss', text: 'データは元に戻りません。' },
      language: 'ja',
    });
    expect(confirmation?.what).toEqual({
      node: 'confirm',
      item,
      question: '「CameraOA」を削除（解約）します。よろしいですか？',
      typedConfirmation: true,
      language: 'ja',
    });
    const json = JSON.stringify(entries);
    for (const secret of ['退会します', '@', KEY, 'slack:T1']) expect(json).not.toContain(secret);
  });

  it('keeps entries within the model: long shown text is cut and at most 100 facts are kept', () => {
    const facts = Array.from({ length: 150 }, (_, i) => ({ label: `行 ${i}`, value: 'あ'.repeat(5000) }));
    const entries = derive()(disclosed({}, facts));
    for (const entry of entries) expect(AuditEntrySchema.parse(entry)).toEqual(entry);
    const kept = entries[0]?.what.facts ?? [];
    expect(kept).toHaveLength(100);
    expect(kept[0]?.value).toHaveLength(2000);
    expect(kept[0]?.value.endsWith('…')).toBe(true);
  });

  it('never loses an entry to an over-long id: such ids become a stable sha256 prefix', () => {
    const long = (prefix: string) => `${prefix}${'X'.repeat(300)}`;
    const agent: Actor = { kind: 'agent', id: long('slack:U'), onBehalfOf: long('CUS-') };
    const deriver = derive();
    const entries = [
      ...deriver(disclosed({ actor: agent })),
      ...deriver(confirmed({ actor: agent })),
      ...deriver({ ...call('findCustomer', { ok: true, data: { customerId: long('CUS-') } }), actor: agent }),
      ...deriver(
        call(
          'deleteMiemasuDevice',
          { ok: false, kind: 'refused', code: long('code-') },
          { destructive: true, target: { deviceId: long('DEV-') }, actor: agent },
        ),
      ),
    ];
    expect(entries.length).toBe(6);
    for (const entry of entries) expect(AuditEntrySchema.parse(entry)).toEqual(entry);
    const hashed = boundedId(long('slack:U'));
    expect(hashed).toMatch(/^sha256:[0-9a-f]{32}$/);
    expect(entries.every((entry) => entry.actor.id === hashed)).toBe(true);
    expect(entries.every((entry) => entry.customerId === boundedId(long('CUS-')))).toBe(true);
    expect(entries.at(-1)).toMatchObject({
      resultCode: boundedId(long('code-')),
      what: { item: { kind: 'device', id: boundedId(long('DEV-')) } },
    });
    // Ids that fit are kept as they are; the bound is the schema's.
    expect(boundedId('x'.repeat(MAX_ID_LENGTH))).toBe('x'.repeat(MAX_ID_LENGTH));
    expect(boundedId('x'.repeat(MAX_ID_LENGTH + 1))).not.toBe(boundedId('y'.repeat(MAX_ID_LENGTH + 1)));
  });

  it('a reason the user typed is not recorded; a reason picked from the list is', () => {
    const withReason = (value: string): EngineEvent => disclosed({}, [{ label: '解約理由', value }]);
    const picked = catalogs.ja['csps.reason.cost'];
    expect(picked).toBeDefined();
    const factsOf = (value: string) => derive()(withReason(value))[0]?.what.facts;
    expect(factsOf('個人的な事情で、山田が決めました')).toEqual([
      { label: '解約理由', value: USER_TEXT_OMITTED },
    ]);
    expect(factsOf(picked ?? '')).toEqual([{ label: '解約理由', value: picked }]);
  });

  it('identity verification names the customer but never the token, the code or the e-mail', () => {
    const entries = derive()(verified('CUS-1001'));
    expect(entries).toEqual([
      expect.objectContaining({
        kind: 'identity-verified',
        customerId: 'CUS-1001',
        what: { operation: 'confirmVerification', outcome: 'one-time-code', language: 'ja' },
        result: 'ok',
      }),
    ]);
    const json = JSON.stringify(entries);
    for (const secret of ['tok-SECRET-123', '238636', 'V-1']) expect(json).not.toContain(secret);
    const refused = derive()(
      call('confirmVerification', { ok: false, kind: 'refused', code: 'verification-failed' }),
    );
    expect(refused[0]).toMatchObject({ result: 'refused', resultCode: 'verification-failed' });
    expect(refused[0]).not.toHaveProperty('customerId');
  });

  it('remembers the verified customer per conversation, and only there', () => {
    const deriver = derive();
    deriver(verified('CUS-1001'));
    expect(deriver(confirmed())[0]?.customerId).toBe('CUS-1001');
    expect(deriver(confirmed({ conversationKey: 'slack:T1:D-U2' }))[0]).not.toHaveProperty('customerId');
  });

  it('forgets the oldest conversations beyond its bound', () => {
    const deriver = derive({ maxConversations: 2 });
    for (const [n, key] of ['a', 'b', 'c'].entries()) deriver(verified(`CUS-${n}`, key));
    expect(deriver(confirmed({ conversationKey: 'a' }))[0]).not.toHaveProperty('customerId');
    expect(deriver(confirmed({ conversationKey: 'c' }))[0]?.customerId).toBe('CUS-2');
  });

  it('an agent acting for a customer is the actor; the customer is for whom', () => {
    const agent: Actor = { kind: 'agent', id: 'slack:UAGENT', onBehalfOf: 'CUS-2001' };
    const deriver = derive();
    deriver(verified('CUS-1001'));
    const [disclosure] = deriver(confirmed({ actor: agent }));
    expect(disclosure).toMatchObject({
      actor: { kind: 'agent', id: 'slack:UAGENT' },
      customerId: 'CUS-2001',
    });
    expect(disclosure?.actor).not.toHaveProperty('onBehalfOf');
  });

  it('destructive calls become actions with their result; reads are not logged', () => {
    const deriver = derive();
    const destructive = (outcome: OperationOutcome) =>
      deriver(
        call('deleteMiemasuDevice', outcome, {
          destructive: true,
          target: device,
          args: { deviceId: 'DEV-0001' },
          confirmation: {
            facts: [],
            acknowledgements: [{ id: 'no-refund', text: 'x', acknowledgedAt: '2026-11-23T01:03:00.000Z' }],
            finalQuestion: 'q',
            confirmedAt: '2026-11-23T01:04:00.000Z',
          },
        }),
      )[0];
    const ok = destructive({
      ok: true,
      data: { deviceId: 'DEV-0001', performedBy: { customerId: 'CUS-1001' } },
    });
    expect(ok).toMatchObject({
      kind: 'action',
      customerId: 'CUS-1001',
      result: 'ok',
      what: {
        operation: 'deleteMiemasuDevice',
        destructive: true,
        item: { kind: 'device', id: 'DEV-0001', label: 'CameraOA' },
        consequences: ['no-refund'],
      },
    });
    expect(ok?.receiptId).toMatch(/^RC-/);
    expect(destructive({ ok: false, kind: 'unreachable' })).toMatchObject({ result: 'unknown' });
    expect(destructive({ ok: false, kind: 'refused', code: 'devices-remain' })).toMatchObject({
      result: 'refused',
      resultCode: 'devices-remain',
    });
    expect(destructive({ ok: false, kind: 'bug', detail: 'invalid' })).toMatchObject({
      result: 'refused',
      resultCode: 'bug',
    });
    // One receipt id per outcome, as the receipt recorder numbers them.
    expect(destructive({ ok: false, kind: 'unreachable' })?.receiptId).not.toBe(ok?.receiptId);
    expect(deriver(call('listMiemasuDevices', { ok: true, data: { devices: [device] } }))).toEqual([]);
  });

  it('changing non-destructive calls are actions naming the item by identifier only, never other arguments', () => {
    const args = { contractNumber: 'HMAO061322', reason: '個人的な事情です', name: 'typed name' };
    const draft = call(
      'createCancellationApplication',
      { ok: true, data: { applicationNumber: 'R-20261123-238080' } },
      { args },
    );
    expect(derive()(draft)).toEqual([]);
    const [entry] = derive({ mutating: (name) => name === 'createCancellationApplication' })(draft);
    expect(entry?.what).toEqual({
      operation: 'createCancellationApplication',
      destructive: false,
      item: { kind: 'contract', id: 'HMAO061322', label: 'HMAO061322' },
      reference: 'R-20261123-238080',
      language: 'ja',
    });
    expect(entry).not.toHaveProperty('receiptId');
  });

  it('agent sessions, customer look-ups and dialog ends are logged with for whom', () => {
    const agent: Actor = { kind: 'agent', id: 'slack:UAGENT' };
    const deriver = derive();
    const lookup = deriver({
      ...call('findCustomer', {
        ok: true,
        data: { customerId: 'CUS-2001', maskedEmail: 'po****@example.com' },
      }),
      actor: agent,
      args: { email: 'portal@example.com' },
    });
    expect(lookup).toEqual([
      expect.objectContaining({
        kind: 'customer-lookup',
        customerId: 'CUS-2001',
        what: {
          operation: 'findCustomer',
          item: { kind: 'customer', id: 'CUS-2001', label: 'CUS-2001' },
          language: 'ja',
        },
      }),
    ]);
    expect(JSON.stringify(lookup)).not.toContain('@');
    const started = deriver({
      ...call('beginAgentSession', {
        ok: true,
        data: { customerId: 'CUS-2001', customerLabel: 'po****@example.com' },
      }),
      actor: agent,
    });
    expect(started[0]).toMatchObject({ kind: 'agent-session-started', customerId: 'CUS-2001' });
    const ended = deriver({
      ...call('endAgentSession', { ok: true, data: { ended: true } }),
      actor: { ...agent, onBehalfOf: 'CUS-2001' },
    });
    expect(ended[0]).toMatchObject({
      kind: 'agent-session-ended',
      customerId: 'CUS-2001',
      what: { ended: true },
    });
    expect(deriver({ ...base(), kind: 'dialog-ended', outcome: 'cancelled' })).toEqual([
      expect.objectContaining({
        kind: 'dialog-ended',
        what: { outcome: 'cancelled', closure: 'stopped', language: 'ja' },
      }),
    ]);
  });
});
