/**
 * Agent sessions: which customer an agent acts for in one channel conversation. Begun by the agent-mode dialog
 * once the agent has found the customer and ticked that the customer's identity was verified; ended by the
 * agent (or by expiry). Kept in a Keyv with a time to live on the configured storage.
 */
import type { Keyv } from 'keyv';

export interface AgentSession {
  customerId: string;
  /** How the agent named the customer (shown back, e.g. a masked e-mail); never a secret. */
  customerLabel: string;
  /** `slack:U…` / `teams:<aad>`. */
  agentId: string;
  /** ISO time the agent confirmed the customer's identity was verified. */
  identityVerifiedAt: string;
}

export interface AgentSessions {
  get(baseKey: string, agentId: string): Promise<AgentSession | undefined>;
  begin(baseKey: string, session: AgentSession): Promise<void>;
  end(baseKey: string, agentId: string): Promise<boolean>;
}

/** Eight hours: one shift. */
export const AGENT_SESSION_TTL_MS = 8 * 3600_000;

const keyOf = (baseKey: string, agentId: string) => `${agentId}\u0000${baseKey}`;

export function keyvAgentSessions(keyv: Keyv<AgentSession>, ttlMs = AGENT_SESSION_TTL_MS): AgentSessions {
  return {
    async get(baseKey, agentId) {
      return (await keyv.get(keyOf(baseKey, agentId))) ?? undefined;
    },
    async begin(baseKey, session) {
      await keyv.set(keyOf(baseKey, session.agentId), session, ttlMs);
    },
    async end(baseKey, agentId) {
      return keyv.delete(keyOf(baseKey, agentId));
    },
  };
}
