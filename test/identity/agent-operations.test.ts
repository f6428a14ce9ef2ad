import { Keyv } from 'keyv';
import { describe, expect, it } from 'vitest';
import { agentOperations } from '../../src/channels/agent-operations.js';
import { type AgentSession, keyvAgentSessions } from '../../src/channels/agent-sessions.js';
import { customerScopedKey } from '../../src/channels/speaker.js';
import type { OperationContext } from '../../src/engine/operations.js';
import type { Actor } from '../../src/engine/turn.js';

const NOW = new Date('2026-11-23T01:00:00Z');

function setup() {
  const sessions = keyvAgentSessions(new Keyv<AgentSession>());
  const operations = agentOperations(sessions, () => NOW);
  const ctx = (actor: Actor, conversationKey = 'slack:T1:D1'): OperationContext => ({
    conversationKey,
    actor,
    locale: 'ja',
  });
  return { sessions, operations, ctx };
}

const AGENT: Actor = { kind: 'agent', id: 'slack:UAGENT' };

describe('agent-session operations', () => {
  it('begin stores the session for the channel conversation and the agent, with the verification time', async () => {
    const { sessions, operations, ctx } = setup();
    const outcome = await operations.beginAgentSession!.run(
      { customerId: 'CUS-2001', customerLabel: 'po****@example.com' },
      ctx(AGENT),
    );
    expect(outcome).toEqual({
      ok: true,
      data: { customerId: 'CUS-2001', customerLabel: 'po****@example.com' },
    });
    expect(await sessions.get('slack:T1:D1', 'slack:UAGENT')).toEqual({
      customerId: 'CUS-2001',
      customerLabel: 'po****@example.com',
      agentId: 'slack:UAGENT',
      identityVerifiedAt: NOW.toISOString(),
    });
    // Another agent in the same conversation has no session.
    expect(await sessions.get('slack:T1:D1', 'slack:UOTHER')).toBeUndefined();
  });

  it('an agent already acting for someone switches customer in the same channel conversation', async () => {
    const { sessions, operations, ctx } = setup();
    await operations.beginAgentSession!.run({ customerId: 'CUS-2001' }, ctx(AGENT));
    const scoped = ctx({ ...AGENT, onBehalfOf: 'CUS-2001' }, customerScopedKey('slack:T1:D1', 'CUS-2001'));
    await operations.beginAgentSession!.run({ customerId: 'CUS-1001' }, scoped);
    expect((await sessions.get('slack:T1:D1', 'slack:UAGENT'))?.customerId).toBe('CUS-1001');
  });

  it('end removes the session (from the customer-scoped conversation too) and says whether there was one', async () => {
    const { sessions, operations, ctx } = setup();
    await operations.beginAgentSession!.run({ customerId: 'CUS-2001' }, ctx(AGENT));
    const scoped = ctx({ ...AGENT, onBehalfOf: 'CUS-2001' }, customerScopedKey('slack:T1:D1', 'CUS-2001'));
    expect(await operations.endAgentSession!.run({}, scoped)).toEqual({ ok: true, data: { ended: true } });
    expect(await sessions.get('slack:T1:D1', 'slack:UAGENT')).toBeUndefined();
    expect(await operations.endAgentSession!.run({}, ctx(AGENT))).toEqual({
      ok: true,
      data: { ended: false },
    });
  });

  it('refuses anyone but an agent with not-agent, and writes nothing', async () => {
    const { sessions, operations, ctx } = setup();
    const customer: Actor = { kind: 'customer', id: 'slack:UAGENT' };
    expect(await operations.beginAgentSession!.run({ customerId: 'CUS-2001' }, ctx(customer))).toEqual({
      ok: false,
      kind: 'refused',
      code: 'not-agent',
    });
    expect(await sessions.get('slack:T1:D1', 'slack:UAGENT')).toBeUndefined();
    expect(await operations.endAgentSession!.run({}, ctx(customer))).toMatchObject({ code: 'not-agent' });
  });

  it('never counts as a change or a destructive call', () => {
    const { operations } = setup();
    for (const operation of Object.values(operations)) {
      expect(operation.destructive).toBe(false);
      expect(operation.mutates).toBe(false);
    }
  });

  it('needs a customer id', async () => {
    const { operations, ctx } = setup();
    expect(await operations.beginAgentSession!.run({}, ctx(AGENT))).toMatchObject({ ok: false, kind: 'bug' });
  });
});
