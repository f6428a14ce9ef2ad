/**
 * Who speaks on LINE, as the engine sees it. Always a customer: agents never act through LINE (agent mode needs a
 * verified workplace identity — Slack or Teams — and LINE accounts are personal), so no agent directory is
 * consulted and no agent credential is ever attached; a LINE user is a stranger until the one-time code proves
 * which customer they are, as on every channel.
 *
 * The actor id is `line:` + a SHA-256 digest of the LINE user id, never the id itself: receipts, the audit log,
 * live desk ticket summaries and backend calls only ever see the digest. The raw id stays in the conversation key
 * (pushes need it), which the audit log and the fault log themselves only keep as a hash.
 */
import { createHash } from 'node:crypto';
import type { AgentDirectory, PlatformUser, SpeakerDeps } from '../../src/channels/speaker.js';

/** The first 32 hex digits of SHA-256 over the user id: stable per user, not reversible to it. */
export function lineUserDigest(userId: string): string {
  return createHash('sha256').update(`line-user\u0000${userId}`).digest('hex').slice(0, 32);
}

/**
 * The platform user the turn pipeline sees for a LINE user: the digest, never the raw id — so the actor id the
 * speaker stage derives (`line:<digest>`) and the rate limit's key carry no LINE user id.
 */
export function linePlatformUser(userId: string): PlatformUser {
  return { platform: 'line', userId: lineUserDigest(userId) };
}

/** The actor id of a LINE user in receipts, the audit log and live desk ticket summaries. */
export function lineActorId(userId: string): string {
  return `line:${lineUserDigest(userId)}`;
}

/** On LINE nobody is an agent, whatever the configured or platform directories say. */
const NO_AGENTS: AgentDirectory = { isAgent: async () => false };

/** The speaker stage's dependencies for LINE: every speaker a customer (no agent, no agent session, no key). */
export function lineSpeakers(speakers: SpeakerDeps): SpeakerDeps {
  return { ...speakers, directory: NO_AGENTS, agentKey: undefined };
}
