/**
 * Agent mode through the real speaker resolution every chat channel uses (`resolveSpeaker`): the session the
 * dialog begins is what turns the agent's next message into one on the customer's behalf, in a conversation of
 * its own; ending it turns the agent back into themself.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { resolveSpeaker } from '../../../src/channels/speaker.js';
import type { Reply, TurnInput } from '../../../src/engine/turn.js';
import { type ChannelTestBot, createChannelTestBot } from '../../support/channel-bot.js';

const BASE = 'slack:T1:D-agent';
let testBot: ChannelTestBot | undefined;

afterEach(async () => {
  await testBot?.close();
  testBot = undefined;
});

/** One Slack user talking to the bot exactly as the channel adapters do: the speaker is resolved per message. */
function slackUser(bot: ChannelTestBot, userId: string) {
  let last: Reply[] = [];
  const send = async (input: TurnInput) => {
    const speaker = await resolveSpeaker(bot.context.speakers, { platform: 'slack', userId }, BASE);
    last = await bot.bot.engine.handle({
      conversationKey: speaker.conversationKey,
      channel: 'slack',
      actor: speaker.actor,
      credentials: speaker.credentials,
      input,
    });
    return { speaker, replies: last };
  };
  const version = () => last.at(-1)?.stateVersion ?? 0;
  return {
    say: (text: string) => send({ kind: 'text', text }),
    click: (choiceId: string) => send({ kind: 'choice', choiceId, stateVersion: version() }),
    tick: (ackIds: string[]) => send({ kind: 'acknowledge', ackIds, stateVersion: version() }),
    text: () =>
      last
        .map((reply) => [reply.text, ...(reply.choices ?? []).map((choice) => choice.label)].join('\n'))
        .join('\n'),
  };
}

describe('agent mode with the channels’ speaker resolution', () => {
  it('a configured agent begins a session, acts for the customer in a scoped conversation, then ends it', async () => {
    testBot = await createChannelTestBot({ SLACK_AGENT_USERS: 'UAGENT' });
    const agent = slackUser(testBot, 'UAGENT');
    const first = await agent.say('代理対応');
    expect(first.speaker.actor).toEqual({ kind: 'agent', id: 'slack:UAGENT' });
    await agent.say('portal@example.com');
    await agent.tick(['identity-verified']);
    await agent.click('confirm');
    expect(agent.text()).toContain('代理対応を開始しました');

    const acting = await agent.say('HOMEを解約したい');
    expect(acting.speaker).toMatchObject({
      conversationKey: `${BASE}|for:CUS-2001`,
      actor: { kind: 'agent', id: 'slack:UAGENT', onBehalfOf: 'CUS-2001' },
    });
    // Already identified through the session: straight to the customer's contracts, no code mailed.
    expect(agent.text()).toContain('HMMH061530');
    expect(testBot.outbox).toEqual([]);
    const listed = testBot.calls.filter((call) => call.operation === 'listCspsContracts');
    expect(listed.at(-1)?.outcome).toBe('ok');

    await agent.say('最初から');
    await agent.say('代理終了');
    expect(agent.text()).toContain('代理対応を終了しました');
    const after = await agent.say('こんにちは');
    expect(after.speaker).toMatchObject({
      conversationKey: BASE,
      actor: { kind: 'agent', id: 'slack:UAGENT' },
    });
    expect(after.speaker.actor).not.toHaveProperty('onBehalfOf');
  });

  it('a Slack user who is not a configured agent is refused and never gets a session', async () => {
    testBot = await createChannelTestBot({ SLACK_AGENT_USERS: 'UAGENT' });
    const someone = slackUser(testBot, 'USOMEONE');
    const refused = await someone.say('代理対応');
    expect(refused.speaker.actor.kind).toBe('customer');
    expect(someone.text()).toContain('この機能は登録された担当者のみご利用いただけます。');
    expect(await testBot.bot.channels.sessions.get(BASE, 'slack:USOMEONE')).toBeUndefined();
    expect(testBot.calls).toEqual([]);
  });
});
