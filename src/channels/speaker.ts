/**
 * Who is speaking on a channel, as the engine must see it: the conversation key, the actor and the credentials
 * the channel vouches for. Shared by every chat platform so agent mode behaves the same on Slack and Teams.
 *
 * - A configured agent with an active agent session speaks for that customer: actor `agent` with `onBehalfOf`,
 *   the contact center's backend key as credential, and a conversation of its own per customer
 *   (`<base>|for:<customerId>`), so nothing of one customer's conversation can leak into another's.
 * - A configured agent without a session is an agent acting for nobody (agent-mode dialogs only; account
 *   dialogs ask to start a session first).
 * - Anyone else is a customer, who must verify their identity (one-time code) before any account action.
 */
import type { Actor } from '../engine/turn.js';
import type { AgentSessions } from './agent-sessions.js';

export type Platform = 'slack' | 'teams' | 'web' | 'cli' | 'line';

export interface PlatformUser {
  platform: Platform;
  /** The platform's user id (Slack `U…`, Teams AAD object id). */
  userId: string;
}

/** Decides who is an agent. Implementations may consult the platform (a Slack user group) and cache. */
export interface AgentDirectory {
  isAgent(user: PlatformUser): Promise<boolean>;
}

export interface Speaker {
  conversationKey: string;
  actor: Actor;
  credentials?: Readonly<Record<string, string>>;
}

/** The credential name the backend client reads for agents (see src/backend/client/call-context.ts). */
export const AGENT_KEY_CREDENTIAL = 'agentKey';

const SCOPE_SEPARATOR = '|for:';

/** The conversation an agent has with the bot about one customer. */
export function customerScopedKey(baseKey: string, customerId: string): string {
  return `${baseKey}${SCOPE_SEPARATOR}${customerId}`;
}

/** The channel conversation a (possibly customer-scoped) key belongs to. */
export function baseConversationKey(conversationKey: string): string {
  const at = conversationKey.indexOf(SCOPE_SEPARATOR);
  return at < 0 ? conversationKey : conversationKey.slice(0, at);
}

/** Stable actor id across channels: `slack:U123`, `teams:<aad>`. */
export function actorId(user: PlatformUser): string {
  return `${user.platform}:${user.userId}`;
}

export interface SpeakerDeps {
  directory: AgentDirectory;
  sessions: AgentSessions;
  /** The contact center's backend key; agents get no credential when it is not configured. */
  agentKey: string | undefined;
}

export async function resolveSpeaker(
  deps: SpeakerDeps,
  user: PlatformUser,
  baseKey: string,
): Promise<Speaker> {
  const id = actorId(user);
  if (!(await deps.directory.isAgent(user)))
    return { conversationKey: baseKey, actor: { kind: 'customer', id } };
  const credentials = deps.agentKey ? { [AGENT_KEY_CREDENTIAL]: deps.agentKey } : undefined;
  const session = await deps.sessions.get(baseKey, id);
  if (!session)
    return {
      conversationKey: baseKey,
      actor: { kind: 'agent', id },
      ...(credentials ? { credentials } : {}),
    };
  return {
    conversationKey: customerScopedKey(baseKey, session.customerId),
    actor: { kind: 'agent', id, onBehalfOf: session.customerId },
    ...(credentials ? { credentials } : {}),
  };
}
