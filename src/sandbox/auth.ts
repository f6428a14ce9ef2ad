/**
 * Who is calling: a customer with a token from the verification flow, or an agent (bearer agent key) acting for
 * the customer named in `On-Behalf-Of`. Secrets are stored and compared only as SHA-256 hashes.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { ActorRecord, AgentRecord, SandboxState } from './model.js';
import { ProblemError } from './problem.js';

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function newOneTimeCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

function bearer(authorization: string | undefined): string {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match?.[1])
    throw new ProblemError('unauthenticated', 'Send Authorization: Bearer <token or agent key>.');
  return match[1];
}

/**
 * The agent calling an agent-only operation (no `On-Behalf-Of` needed). Throws `forbidden` for a customer token
 * and `unauthenticated` for no or an unknown credential.
 */
export function authenticateAgent(state: SandboxState, authorization: string | undefined): AgentRecord {
  const hash = sha256(bearer(authorization));
  const agent = state.agents.find((candidate) => candidate.keyHash === hash);
  if (agent) return agent;
  if (state.tokens.some((candidate) => candidate.tokenHash === hash)) {
    throw new ProblemError('forbidden', 'This operation is for agents only.');
  }
  throw new ProblemError('unauthenticated', 'Unknown credential.');
}

/**
 * The actor for a request, with `customerId` the customer acted for. Throws `unauthenticated` (no, unknown or
 * expired credential), `on-behalf-of-required` (agent without the header), `not-found` (agent naming an unknown
 * customer) or `forbidden` (a customer token naming another customer).
 */
export function authenticate(
  state: SandboxState,
  authorization: string | undefined,
  onBehalfOf: string | undefined,
  now: Date,
): ActorRecord {
  const hash = sha256(bearer(authorization));
  const token = state.tokens.find((candidate) => candidate.tokenHash === hash);
  if (token) {
    if (Date.parse(token.expiresAt) <= now.getTime()) {
      throw new ProblemError('unauthenticated', 'The customer token has expired; verify again.');
    }
    if (onBehalfOf && onBehalfOf !== token.customerId) {
      throw new ProblemError('forbidden', 'A customer token can only act for its own customer.');
    }
    return { kind: 'customer', id: token.customerId, customerId: token.customerId };
  }
  const agent = state.agents.find((candidate) => candidate.keyHash === hash);
  if (!agent) throw new ProblemError('unauthenticated', 'Unknown credential.');
  if (!onBehalfOf) {
    throw new ProblemError('on-behalf-of-required', 'An agent key needs On-Behalf-Of: <customerId>.');
  }
  if (!state.customers.some((customer) => customer.customerId === onBehalfOf)) {
    throw new ProblemError('not-found', 'No customer has that id.');
  }
  return { kind: 'agent', id: agent.agentId, customerId: onBehalfOf };
}
