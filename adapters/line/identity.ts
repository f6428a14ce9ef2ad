/**
 * Who speaks on LINE, as the engine sees it. Always a customer: agents never act through LINE (agent mode needs a
 * verified workplace identity — Slack or Teams — and LINE accounts are personal), so no agent directory is
 * consulted and no agent credential is ever attached; a LINE user is a stranger until the one-time code proves
 * which customer they are, as on every channel.
 *
 * The actor id is `line:` + a SHA-256 digest of the LINE user id, never the id itself: receipts, the audit log,
 * handoff summaries and backend calls only ever see the digest. The raw id stays in the conversation key (pushes
 * need it), which the audit log and the fault log themselves only keep as a hash.
 */
import { createHash } from 'node:crypto';
import type { Speaker } from '../../src/channels/speaker.js';

/** `line:` + the first 32 hex digits of SHA-256 over the user id: stable per user, not reversible to it. */
export function lineActorId(userId: string): string {
  return `line:${createHash('sha256').update(`line-user\u0000${userId}`).digest('hex').slice(0, 32)}`;
}

export function lineSpeaker(userId: string, conversationKey: string): Speaker {
  return { conversationKey, actor: { kind: 'customer', id: lineActorId(userId) } };
}
