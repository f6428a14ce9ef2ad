/**
 * Late binding between the live desk and the channels. The desk is built with the bot, before any channel
 * exists; agents' rooms need a platform client (the Slack Web API, the Bot Connector) and deliveries need a
 * channel's own storage (the web chat's transcripts), so each channel registers what it provides when it is
 * created:
 * - `addRoom` — an agents' room; the desk sees the registry's live `rooms` list (same array, never replaced);
 * - `addDelivery` — how to reach customers of one platform; `deliver` dispatches on the conversation key's
 *   prefix (`web:` / `slack:` / `teams:`), so the desk needs no knowledge of channels;
 * - `addDirectory` — a platform's own agent directory (a Slack user group), consulted besides the configured one.
 * A second registration under the same name or platform replaces the first (a channel re-created on restart).
 */
import { anyAgentDirectory } from '../channels/agent-directory.js';
import type { AgentDirectory, Platform } from '../channels/speaker.js';
import type { Reply } from '../engine/turn.js';
import type { AgentRoom, CustomerDelivery, DeliveryContext } from './rooms.js';

export class DeskRegistry implements CustomerDelivery {
  /** The registered rooms, in registration order; pass this very array as the desk's `rooms`. */
  readonly rooms: AgentRoom[] = [];
  readonly #deliveries = new Map<string, CustomerDelivery>();
  readonly #directories: AgentDirectory[] = [];
  /** The configured agents plus every registered platform directory. */
  readonly directory: AgentDirectory;

  constructor(configured: AgentDirectory) {
    const registered: AgentDirectory = {
      isAgent: (user) => anyAgentDirectory(...this.#directories).isAgent(user),
    };
    this.directory = anyAgentDirectory(configured, registered);
  }

  addRoom(room: AgentRoom): void {
    const at = this.rooms.findIndex((r) => r.name === room.name);
    if (at >= 0) this.rooms.splice(at, 1, room);
    else this.rooms.push(room);
  }

  addDelivery(platform: Platform, delivery: CustomerDelivery): void {
    this.#deliveries.set(platform, delivery);
  }

  addDirectory(directory: AgentDirectory): void {
    if (!this.#directories.includes(directory)) this.#directories.push(directory);
  }

  /** Rejects when no channel of the key's platform registered a delivery (the desk reports it as undeliverable). */
  deliver(conversationKey: string, replies: Reply[], context: DeliveryContext): Promise<void> {
    const platform = conversationKey.slice(0, conversationKey.indexOf(':'));
    const delivery = this.#deliveries.get(platform);
    if (!delivery) {
      return Promise.reject(
        new Error(
          `No customer delivery for "${platform}" conversations; registered: ${[...this.#deliveries.keys()].join(', ') || 'none'}.`,
        ),
      );
    }
    return delivery.deliver(conversationKey, replies, context);
  }
}
