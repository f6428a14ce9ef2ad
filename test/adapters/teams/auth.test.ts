/**
 * The Teams channel fails closed: it does not start without credentials (unless the development switch is set,
 * and never in production), rejects unauthenticated requests with 401 before the engine runs, and refuses bodies
 * that are not an activity.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { authDisabled, createAuthentication, TeamsConfigError } from '../../../adapters/teams/auth.js';
import { createTeamsChannel } from '../../../adapters/teams/channel.js';
import type { ChannelContext } from '../../../src/channels/channel.js';
import { loadConfig } from '../../../src/config.js';
import type { Turn } from '../../../src/engine/turn.js';
import { type Served, serve } from '../../../src/http/serve.js';
import type { TurnPipelineOptions } from '../../../src/pipeline/index.js';
import { createChannelTestBot } from '../../support/channel-bot.js';
import { type FakeConnector, startFakeConnector } from '../../support/fake-connector.js';
import { messageActivity } from '../../support/teams-activities.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** The channel over a bot whose engine records every turn it is asked to handle. */
async function startChannel(
  env: Record<string, string>,
  overrides: Partial<TurnPipelineOptions> = {},
): Promise<{
  served: Served;
  connector: FakeConnector;
  turns: Turn[];
}> {
  const testBot = await createChannelTestBot(env);
  closers.push(() => testBot.close());
  const turns: Turn[] = [];
  const context: ChannelContext = {
    ...testBot.context,
    pipeline: testBot.context.pipeline.with({
      engine: {
        ...testBot.context.pipeline.engine,
        handle: (turn) => {
          turns.push(turn);
          return testBot.context.pipeline.engine.handle(turn);
        },
      },
      ...overrides,
    }),
  };
  const channel = await createTeamsChannel(context);
  const served = await serve(channel.routes, { host: '127.0.0.1', port: 0 });
  closers.push(() => served.close());
  const connector = await startFakeConnector();
  closers.push(() => connector.close());
  return { served, connector, turns };
}

async function post(url: string, body: string, headers: Record<string, string> = {}): Promise<number> {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  await response.arrayBuffer();
  return response.status;
}

describe('configuration', () => {
  it('refuses to start without MicrosoftAppId unless authentication is explicitly disabled', async () => {
    const testBot = await createChannelTestBot({});
    closers.push(() => testBot.close());
    await expect(createTeamsChannel(testBot.context)).rejects.toThrow(/MicrosoftAppId/);
    await expect(createTeamsChannel(testBot.context)).rejects.toBeInstanceOf(TeamsConfigError);
  });

  it('refuses the development switch in production even if the configuration let it through', () => {
    const config = { ...loadConfig({ TEAMS_AUTH_DISABLED: 'true' }), NODE_ENV: 'production' as const };
    expect(() => createAuthentication(config)).toThrow(/NODE_ENV=production/);
    expect(() => loadConfig({ TEAMS_AUTH_DISABLED: 'true', NODE_ENV: 'production' })).toThrow(
      /TEAMS_AUTH_DISABLED/,
    );
  });

  it('an app id always wins over the switch, and needs its secret', () => {
    const both = loadConfig({
      TEAMS_AUTH_DISABLED: 'true',
      MicrosoftAppId: 'app',
      MicrosoftAppPassword: 'pw',
    });
    expect(authDisabled(both)).toBe(false);
    expect(authDisabled(loadConfig({ TEAMS_AUTH_DISABLED: 'true' }))).toBe(true);
    expect(() => createAuthentication(loadConfig({ MicrosoftAppId: 'app' }))).toThrow(/MicrosoftAppPassword/);
    expect(() =>
      createAuthentication(
        loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', MicrosoftAppType: 'SingleTenant' }),
      ),
    ).toThrow(/MicrosoftAppTenantId/);
  });
});

describe('requests', () => {
  const APP = {
    MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
    MicrosoftAppPassword: 'not-a-real-secret',
  };

  it('with an app id, an activity without a valid Authorization header is 401 and the engine is not called', async () => {
    const { served, connector, turns } = await startChannel(APP);
    const activity = JSON.stringify(
      messageActivity({ serviceUrl: connector.url, aadObjectId: 'u1', text: 'hi' }),
    );
    expect(await post(served.url, activity)).toBe(401);
    expect(await post(served.url, activity, { authorization: 'Bearer not-a-token' })).toBe(401);
    expect(await post(served.url, activity, { authorization: 'Basic dXNlcjpwYXNz' })).toBe(401);
    expect(turns).toEqual([]);
    expect(connector.activities).toEqual([]);
  });

  it('with authentication disabled for development, the same activity is answered', async () => {
    const { served, connector, turns } = await startChannel({ TEAMS_AUTH_DISABLED: 'true' });
    const activity = JSON.stringify(
      messageActivity({ serviceUrl: connector.url, aadObjectId: 'u1', text: 'hi' }),
    );
    expect(await post(served.url, activity)).toBe(200);
    expect(turns).toHaveLength(1);
    expect(turns[0]).toMatchObject({ channel: 'teams', conversationKey: 'teams:tenant-1:a:personal-u1:u1' });
    expect(connector.activities).toHaveLength(1);
  });

  it('the pipeline asks the deduper first: a delivery it has seen never reaches the engine; the id goes on as Turn.id', async () => {
    const asked: string[] = [];
    const { served, connector, turns } = await startChannel(
      { TEAMS_AUTH_DISABLED: 'true' },
      {
        deduper: {
          firstTime: async (id) => {
            asked.push(id);
            return asked.length === 1;
          },
        },
      },
    );
    const activity = messageActivity({
      serviceUrl: connector.url,
      aadObjectId: 'u1',
      text: 'hi',
      id: 'act-1',
    });
    expect(await post(served.url, JSON.stringify(activity))).toBe(200);
    expect(await post(served.url, JSON.stringify(activity))).toBe(200);
    expect(asked).toEqual(['teams:a:personal-u1:act-1', 'teams:a:personal-u1:act-1']);
    expect(turns.map((t) => t.id)).toEqual(['teams:a:personal-u1:act-1']);
    expect(connector.activities).toHaveLength(1);
  });

  it('a body that is not JSON is 400, one over the size limit 413, and neither reaches the engine', async () => {
    const { served, turns } = await startChannel({ TEAMS_AUTH_DISABLED: 'true' });
    expect(await post(served.url, '{not json')).toBe(400);
    expect(await post(served.url, '[1,2]')).toBe(400);
    expect(await post(served.url, JSON.stringify({ type: 'message', text: 'x'.repeat(300 * 1024) }))).toBe(
      413,
    );
    expect(turns).toEqual([]);
  });
});
