/** PLACEHOLDER until the Teams adapter lands (helper in progress). */
import type { Channel, ChannelContext } from '../../src/channels/channel.js';

export async function createTeamsChannel(_context: ChannelContext): Promise<Channel> {
  throw new Error('Teams channel not built yet');
}
