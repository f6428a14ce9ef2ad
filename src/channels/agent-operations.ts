/**
 * Agent sessions as engine operations (local, not backend calls), so the `agent-session` / `agent-end` dialogs can
 * begin and end acting for a customer. The session is keyed by the channel conversation the agent speaks in
 * (`baseConversationKey`, so it is the same whether or not a session is already active) and the agent's own id;
 * from the next message on, `resolveSpeaker` makes the agent act for that customer.
 *
 * Only an agent (as the channel resolved the speaker) may begin or end a session: anyone else is refused with
 * `not-agent` and nothing is written. Neither operation changes anything of the customer's services.
 */
import type {
  Operation,
  OperationCatalog,
  OperationContext,
  OperationRegistry,
} from '../engine/operations.js';
import type { AgentSessions } from './agent-sessions.js';
import { baseConversationKey } from './speaker.js';

export const AGENT_OPERATION_METADATA: OperationCatalog = {
  beginAgentSession: { destructive: false, mutates: false, consequences: [] },
  endAgentSession: { destructive: false, mutates: false, consequences: [] },
};

const NOT_AGENT = { ok: false, kind: 'refused', code: 'not-agent' } as const;

function agentOf(ctx: OperationContext): string | undefined {
  return ctx.actor.kind === 'agent' ? ctx.actor.id : undefined;
}

function local(name: keyof typeof AGENT_OPERATION_METADATA, run: Operation['run']): Operation {
  const meta = AGENT_OPERATION_METADATA[name];
  if (!meta) throw new Error(`No metadata for ${name}.`);
  return { ...meta, run };
}

function text(args: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = args[name];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * - `beginAgentSession({ customerId, customerLabel })`: the customer the agent found (from `findCustomer`, never
 *   typed text) and confirmed as verified. Answers `{ customerId, customerLabel }`.
 * - `endAgentSession()`: answers `{ ended: true }`, or `{ ended: false }` when there was no session.
 */
export function agentOperations(sessions: AgentSessions, now: () => Date): OperationRegistry {
  return {
    beginAgentSession: local('beginAgentSession', async (args, ctx) => {
      const agentId = agentOf(ctx);
      if (!agentId) return NOT_AGENT;
      const customerId = text(args, 'customerId');
      if (!customerId) return { ok: false, kind: 'bug', detail: 'beginAgentSession needs a customerId' };
      const customerLabel = text(args, 'customerLabel') ?? customerId;
      await sessions.begin(baseConversationKey(ctx.conversationKey), {
        customerId,
        customerLabel,
        agentId,
        identityVerifiedAt: now().toISOString(),
      });
      return { ok: true, data: { customerId, customerLabel } };
    }),
    endAgentSession: local('endAgentSession', async (_args, ctx) => {
      const agentId = agentOf(ctx);
      if (!agentId) return NOT_AGENT;
      const ended = await sessions.end(baseConversationKey(ctx.conversationKey), agentId);
      return { ok: true, data: { ended } };
    }),
  };
}
