/** PLACEHOLDER until the Slack adapter lands (helper in progress). */
import type { Channel, ChannelContext } from '../../src/channels/channel.js';

export async function createSlackChannel(_context: ChannelContext): Promise<Channel> {
  throw new Error('Slack channel not built yet');
}
