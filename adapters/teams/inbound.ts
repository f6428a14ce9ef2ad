/**
 * A Teams activity → what the adapter should do with it, pure (no I/O). Translation only:
 * - personal-chat messages, and channel / group-chat messages that @mention the bot (the `<at>…</at>` removed),
 *   become text turns; `act <e-mail|contract no.>` and `end` become the agent-mode entry points;
 * - Adaptive Card submits (a `message` with `value`) become the engine input the card's data names (`submit.ts`);
 * - a conversationUpdate that adds the bot asks for the welcome card;
 * - anything else is ignored, and so is an activity whose fields have the wrong type (`malformed activity`):
 *   every field read here is checked first (`activityShape`), so a malformed one never reaches the engine.
 * The conversation key is `teams:<tenant>:<conversation.id>:<aadObjectId>` (a channel thread's conversation id
 * carries its `;messageid=`, so each thread is its own conversation).
 */
import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { agentCommandOrText } from '../../src/channels/agent-commands.js';
import type { Locale, TurnInput } from '../../src/engine/turn.js';
import { submitToInput } from './submit.js';

export type Inbound =
  | {
      kind: 'turn';
      /** The Teams user (AAD object id) — who speaks, for `resolveSpeaker`. */
      userId: string;
      baseKey: string;
      /** Platform delivery id for de-duplication (`teams:<conversation>:<activity id>`), when the activity has one. */
      deliveryId: string | undefined;
      input: TurnInput;
      locale: Locale | undefined;
      /** For a card submit: the id of the card's activity (`replyToId`). */
      fromCard: string | undefined;
    }
  | { kind: 'welcome'; userId: string; baseKey: string; locale: Locale | undefined }
  | { kind: 'ignore'; reason: string };

/** Present fields are strings (or null, which the code reads as absent). */
const text = z.string().nullish();
const account = z.looseObject({ id: text, aadObjectId: text }).nullish();

/**
 * The fields of an activity this module reads, with their types. Loose: other fields pass untouched; an absent
 * field is fine (the checks below decide what is missing), a field of the wrong type makes the activity malformed.
 */
const activityShape = z.looseObject({
  type: z.string(),
  id: text,
  text,
  replyToId: text,
  locale: text,
  channelId: text,
  from: account,
  recipient: account,
  conversation: z.looseObject({ id: text, conversationType: text, tenantId: text }).nullish(),
  channelData: z.looseObject({ tenant: z.looseObject({ id: text }).nullish() }).nullish(),
  membersAdded: z.array(z.looseObject({ id: text })).nullish(),
  entities: z.array(z.looseObject({ type: text })).nullish(),
});

export function localeOf(hint: string | undefined): Locale | undefined {
  if (!hint) return undefined;
  if (/^ja\b/i.test(hint)) return 'ja';
  if (/^en\b/i.test(hint)) return 'en';
  return undefined;
}

function tenantOf(activity: Activity): string {
  const fromChannelData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  return (
    activity.conversation?.tenantId ?? (typeof fromChannelData === 'string' ? fromChannelData : 'unknown')
  );
}

/** The Teams user id the bot keys on: the AAD object id (the `29:` id only when Teams sent none). */
function userOf(activity: Activity): string | undefined {
  return activity.from?.aadObjectId ?? activity.from?.id;
}

export function conversationKeyOf(activity: Activity, userId: string): string {
  return `teams:${tenantOf(activity)}:${activity.conversation.id}:${userId}`;
}

/** Whether the bot is @mentioned (Teams lists mentions in `entities`). */
export function mentionsBot(activity: Activity): boolean {
  return (activity.entities ?? []).some(
    (entity) =>
      entity.type === 'mention' &&
      (entity as { mentioned?: { id?: string } }).mentioned?.id === activity.recipient?.id,
  );
}

/** Removes `<at>…</at>` mentions and surrounding blanks. */
export function stripMentions(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Text commands of agent mode (src/channels/agent-commands.ts); any other text goes to the engine as is. */
export function textToInput(text: string): TurnInput {
  return agentCommandOrText(text);
}

/**
 * What to do with an activity. Any value is accepted: one whose fields do not have the types {@link Activity}
 * promises is ignored as `malformed activity`.
 */
export function parseInbound(activity: Activity): Inbound {
  if (!activityShape.safeParse(activity).success) return { kind: 'ignore', reason: 'malformed activity' };
  const userId = userOf(activity);
  if (!userId || !activity.conversation?.id) return { kind: 'ignore', reason: 'no sender or conversation' };
  const baseKey = conversationKeyOf(activity, userId);
  const locale = localeOf(activity.locale);
  if (activity.type === 'conversationUpdate') {
    const botAdded = (activity.membersAdded ?? []).some((member) => member.id === activity.recipient?.id);
    return botAdded ? { kind: 'welcome', userId, baseKey, locale } : { kind: 'ignore', reason: 'membership' };
  }
  if (activity.type !== 'message') return { kind: 'ignore', reason: `activity type ${activity.type}` };
  if (activity.from?.id === activity.recipient?.id) return { kind: 'ignore', reason: 'own message' };
  const deliveryId = activity.id ? `teams:${activity.conversation.id}:${activity.id}` : undefined;
  const common = { kind: 'turn' as const, userId, baseKey, deliveryId, locale };
  if (activity.value !== undefined && activity.value !== null) {
    const input = submitToInput(activity.value);
    if (!input) return { kind: 'ignore', reason: 'card submit that is not ours' };
    return { ...common, input, fromCard: activity.replyToId ?? undefined };
  }
  const personal = (activity.conversation.conversationType ?? 'personal') === 'personal';
  if (!personal && !mentionsBot(activity))
    return { kind: 'ignore', reason: 'channel message without mention' };
  return { ...common, input: textToInput(stripMentions(activity.text ?? '')), fromCard: undefined };
}
