/**
 * Live desk → a Teams customer: the desk's messages (an agent joined, the agent's words, back to the bot and
 * the question shown again) are posted proactively into the customer's conversation as the bot's own cards
 * (`renderCard`), and the question shown again becomes the conversation's open card (the one before it loses its
 * buttons), as in a turn.
 *
 * The conversation is read back from the key (`teams:<tenant>:<conversation id>:<user>`); the Bot Connector's
 * service URL is the one the conversation's last activity came from (remembered in the shared store except on
 * STORE=memory), else the
 * configured TEAMS_HANDOFF_SERVICE_URL. Without either the delivery is refused (the desk reports it).
 */
import type { Keyv } from 'keyv';
import type { Locale, Reply } from '../../src/engine/turn.js';
import type { CustomerDelivery } from '../../src/live-desk/index.js';
import { labelsFor } from './labels.js';
import type { TeamsPoster } from './live-desk-connector.js';
import type { OpenCards } from './open-cards.js';
import { groupReplies, isInteractive, renderAnswered, renderCard } from './render.js';

const MAX_REMEMBERED = 10_000;

export interface TeamsKey {
  tenantId: string;
  conversationId: string;
  userId: string;
}

/** The parts of a customer's Teams conversation key; `undefined` for other keys (an agent's `|for:` key). */
export function teamsKeyParts(conversationKey: string): TeamsKey | undefined {
  if (!conversationKey.startsWith('teams:') || conversationKey.includes('|')) return undefined;
  const rest = conversationKey.slice('teams:'.length);
  const first = rest.indexOf(':');
  const last = rest.lastIndexOf(':');
  if (first <= 0 || last <= first + 1 || last === rest.length - 1) return undefined;
  return {
    tenantId: rest.slice(0, first),
    conversationId: rest.slice(first + 1, last),
    userId: rest.slice(last + 1),
  };
}

/**
 * The service URL each conversation's activities came from. In memory (bounded, newest kept), or in a keyv store
 * (`keyv`: the configured SQLite file or Redis) so an agent's message handled by another instance, or after a
 * restart, still finds where to post. A write is skipped while the URL is unchanged.
 */
export class ServiceUrls {
  readonly #urls = new Map<string, string>();

  constructor(private readonly keyv?: { store: Keyv<string>; ttlMs: number }) {}

  async remember(conversationId: string, serviceUrl: string): Promise<void> {
    const known = this.#urls.get(conversationId);
    this.#urls.delete(conversationId);
    this.#urls.set(conversationId, serviceUrl);
    if (this.#urls.size > MAX_REMEMBERED) {
      const oldest = this.#urls.keys().next().value;
      if (oldest !== undefined) this.#urls.delete(oldest);
    }
    if (this.keyv && known !== serviceUrl)
      await this.keyv.store.set(conversationId, serviceUrl, this.keyv.ttlMs);
  }

  async get(conversationId: string): Promise<string | undefined> {
    const known = this.#urls.get(conversationId);
    if (known !== undefined || !this.keyv) return known;
    return (await this.keyv.store.get(conversationId)) ?? undefined;
  }

  async close(): Promise<void> {
    await this.keyv?.store.disconnect();
  }
}

export interface TeamsDeliveryDeps {
  poster: TeamsPoster;
  serviceUrls: ServiceUrls;
  fallbackServiceUrl?: string | undefined;
  openCards: OpenCards;
}

export function teamsDelivery(deps: TeamsDeliveryDeps): CustomerDelivery {
  return {
    async deliver(conversationKey, replies, context) {
      const key = teamsKeyParts(conversationKey);
      if (!key) throw new Error('Not a Teams customer conversation key.');
      const serviceUrl = (await deps.serviceUrls.get(key.conversationId)) ?? deps.fallbackServiceUrl;
      if (!serviceUrl) throw new Error('No Bot Connector service URL is known for this Teams conversation.');
      const to = { serviceUrl, conversationId: key.conversationId, tenantId: key.tenantId };
      if (replies.some(isInteractive)) {
        const replaced = await deps.openCards.take(conversationKey);
        if (replaced) {
          const note = labelsFor(replaced.locale).superseded;
          await deps.poster.update(to, replaced.activityId, renderAnswered(replaced.replies, note));
        }
      }
      await post(deps, to, conversationKey, replies, context.locale);
    },
  };
}

async function post(
  deps: TeamsDeliveryDeps,
  to: { serviceUrl: string; conversationId: string; tenantId: string },
  conversationKey: string,
  replies: Reply[],
  locale: Locale,
): Promise<void> {
  for (const group of groupReplies(replies)) {
    const activityId = await deps.poster.send(to, renderCard(group, locale));
    const last = group.at(-1);
    if (last && isInteractive(last))
      await deps.openCards.remember(conversationKey, { activityId, replies: group, locale });
  }
}
