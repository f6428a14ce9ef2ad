/**
 * The Slack app manifest: valid against Slack's published schema (offline copy), and in agreement with what the
 * Slack adapter does — the slash command, the one request path, and a scope for every Web API method and event.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readSlackManifest, validateSlackManifest } from '../../manifest/slack/validate.js';
import { loadConfig } from '../../src/config.js';

interface SlackManifest {
  display_information: { name: string; description: string };
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
    bot_user: { display_name: string };
    slash_commands: { command: string; url: string; usage_hint: string }[];
  };
  oauth_config: { scopes: { bot: string[]; user?: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
}

const manifest = readSlackManifest() as SlackManifest;
const clone = (): SlackManifest => structuredClone(manifest);

/** The bot's one Slack path: events, interactivity and slash commands (adapters/slack). */
const SLACK_PATH = '/slack/events';

/**
 * Web API methods the Slack adapter may call, with the bot scope each needs (`null`: none). The source scan below
 * fails when the adapter calls a method missing here; the manifest must ask for the scopes of the methods the
 * adapter actually calls (plus events and the slash command) — no more. Calls Bolt makes on the adapter's behalf
 * (`say()`, `respond()`) are not seen by the scan: the adapter calls the Web API explicitly (adapters/slack/api.ts).
 */
const METHOD_SCOPES: Record<string, string | null> = {
  'auth.test': null,
  'chat.postMessage': 'chat:write',
  'chat.update': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'conversations.open': 'im:write',
  'views.publish': null,
  'views.open': null,
  'usergroups.users.list': 'usergroups:read',
  'users.info': 'users:read',
};

/** The events the adapter handles, with the scope Slack requires to deliver them. */
const EVENT_SCOPES: Record<string, string | null> = {
  app_home_opened: null,
  app_mention: 'app_mentions:read',
  'message.im': 'im:history',
  /** Thread replies of agents in the private agents' room (live desk, SLACK_HANDOFF_CHANNEL). */
  'message.groups': 'groups:history',
};

/** Web API method families, to recognise method names in the adapter's source. */
const FAMILY_PATTERN = [
  'apps',
  'auth',
  'bots',
  'chat',
  'conversations',
  'dnd',
  'emoji',
  'files',
  'pins',
  'reactions',
  'reminders',
  'search',
  'team',
  'usergroups',
  'users',
  'views',
].join('|');

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Web API methods named in the source: `client.chat.postMessage(` or `'chat.postMessage'`. */
function methodsCalledIn(source: string): string[] {
  const calls = new RegExp(`\\.((?:${FAMILY_PATTERN})(?:\\.[a-zA-Z]+)+)\\s*\\(`, 'g');
  const literals = new RegExp(`['"\`]((?:${FAMILY_PATTERN})(?:\\.[a-zA-Z]+)+)['"\`]`, 'g');
  return [...source.matchAll(calls), ...source.matchAll(literals)].map((match) => match[1] ?? '');
}

describe('Slack manifest: schema', () => {
  it('is valid against the committed copy of Slack’s manifest schema', () => {
    expect(validateSlackManifest(manifest)).toEqual([]);
  });

  it('rejects a name longer than Slack allows', () => {
    const broken = clone();
    broken.display_information.name = 'ヘルプデスク解約サポート'.repeat(3);
    expect(validateSlackManifest(broken)).toContain(
      '/display_information/name must NOT have more than 35 characters',
    );
  });

  it('rejects a slash command without its leading slash, and an unknown setting', () => {
    const broken = clone() as SlackManifest & { settings: Record<string, unknown> };
    const command = broken.features.slash_commands[0];
    if (command) command.command = 'helpdesk';
    broken.settings.socket_mode = true;
    const problems = validateSlackManifest(broken);
    expect(problems).toContain('/features/slash_commands/0/command must match pattern "^\\/"');
    expect(problems).toContain('/settings must NOT have additional properties');
  });

  it('rejects a manifest without display information', () => {
    const { display_information: _dropped, ...broken } = clone();
    expect(validateSlackManifest(broken)).toContain("/ must have required property 'display_information'");
  });

  const shared = fileURLToPath(new URL('../../../shared/schemas/slack-manifest/', import.meta.url));
  it.skipIf(!existsSync(shared))(
    'schema copy matches ../shared/schemas/slack-manifest (when present)',
    () => {
      for (const file of [
        'manifest.schema.json',
        'manifest.schema.1.0.0.json',
        'manifest.schema.2.0.0.json',
      ]) {
        const copy: unknown = JSON.parse(
          readFileSync(new URL(`../../manifest/slack/schema/${file}`, import.meta.url), 'utf8'),
        );
        expect(copy, file).toEqual(JSON.parse(readFileSync(join(shared, file), 'utf8')));
      }
    },
  );
});

describe('Slack manifest: agreement with the adapter', () => {
  it('declares the configured default slash command, with act/end in its usage hint', () => {
    const commands = manifest.features.slash_commands;
    expect(commands.map((c) => c.command)).toEqual([loadConfig({}).SLACK_COMMAND]);
    expect(commands[0]?.usage_hint).toMatch(/^act <.+> \| end$/);
  });

  it('sends events, interactivity and slash commands to the one path /slack/events over https', () => {
    const urls = [
      ...manifest.features.slash_commands.map((c) => c.url),
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
    ];
    expect(urls).toHaveLength(3);
    for (const url of urls) expect(url).toBe(`https://YOUR-HOST${SLACK_PATH}`);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });

  it('subscribes to exactly the events the adapter handles, with App Home tabs on', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(
      Object.keys(EVENT_SCOPES).sort(),
    );
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
  });

  const adapterDir = fileURLToPath(new URL('../../adapters/slack/', import.meta.url));
  const called = sourceFiles(adapterDir).flatMap((file) =>
    methodsCalledIn(readFileSync(file, 'utf8')).map((method) => ({ method, file })),
  );

  it('every Web API method called in adapters/slack is a known method (so its scope is accounted for)', () => {
    const unknown = called
      .filter(({ method }) => !(method in METHOD_SCOPES))
      .map((c) => `${c.method} (${c.file})`);
    expect(unknown, 'add these to METHOD_SCOPES and their scopes to manifest/slack/manifest.json').toEqual(
      [],
    );
  });

  it('asks for exactly the bot scopes the called methods, the events and the slash command need', (context) => {
    context.skip(called.length === 0, 'the Slack adapter calls no Web API method yet');
    const needed = new Set<string>(['commands']);
    for (const { method } of called) {
      const scope = METHOD_SCOPES[method];
      if (scope) needed.add(scope);
    }
    for (const scope of Object.values(EVENT_SCOPES)) if (scope !== null) needed.add(scope);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
    expect(manifest.oauth_config.scopes.user).toBeUndefined();
  });

  it('the source scan recognises method calls and method names', () => {
    const sample = "await client.chat.postMessage({}); web.apiCall('reactions.add'); x.users.profile.get()";
    expect(methodsCalledIn(sample)).toEqual(['chat.postMessage', 'users.profile.get', 'reactions.add']);
  });
});
