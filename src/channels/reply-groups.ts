/**
 * How chat channels cut a turn's replies into messages: a reply is interactive when it asks something (choices,
 * acknowledgements or a typed phrase); each group ends with its only interactive reply, or is the plain tail.
 */
import type { Reply } from '../engine/turn.js';

export function isInteractive(reply: Reply): boolean {
  return (
    (reply.choices?.length ?? 0) > 0 ||
    (reply.acknowledgements?.length ?? 0) > 0 ||
    reply.typedConfirmation !== undefined
  );
}

/** Groups a turn's replies: each group ends with its only interactive reply (or is the plain tail). */
export function groupReplies(replies: readonly Reply[]): Reply[][] {
  const groups: Reply[][] = [];
  let group: Reply[] = [];
  for (const reply of replies) {
    group.push(reply);
    if (isInteractive(reply)) {
      groups.push(group);
      group = [];
    }
  }
  if (group.length > 0) groups.push(group);
  return groups;
}
