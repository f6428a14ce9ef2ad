/**
 * The speaker stage: who is speaking, as the engine must see it (`resolveSpeaker`): a customer, an agent, or an
 * agent acting for a customer in a conversation of its own per customer, with the credentials that go with it.
 * The channel's own credentials (e.g. a signed site token) are kept beside the speaker's.
 */
import { resolveSpeaker, type SpeakerDeps } from '../../channels/speaker.js';
import type { NamedStage } from '../types.js';

export function speakerStage(speakers: SpeakerDeps | undefined): NamedStage {
  return {
    name: 'speaker',
    async run(ctx, next) {
      const user = ctx.inbound.user;
      if (!speakers || !user) return next();
      const speaker = await resolveSpeaker(speakers, user, ctx.inbound.baseKey);
      const credentials = { ...speaker.credentials, ...ctx.inbound.credentials };
      ctx.turn = {
        ...ctx.turn,
        conversationKey: speaker.conversationKey,
        actor: speaker.actor,
        ...(Object.keys(credentials).length > 0 ? { credentials } : {}),
      };
      return next();
    },
  };
}
