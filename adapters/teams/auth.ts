/**
 * Bot Framework authentication, failing closed. With `MicrosoftAppId` configured every inbound request must carry
 * a valid Bot Framework token (botbuilder answers 401 otherwise) and replies are sent with the app's credentials.
 * Without it the channel refuses to start — unless `TEAMS_AUTH_DISABLED` is set for local development (e.g. the
 * Bot Framework Emulator), which is refused again here when NODE_ENV=production (config.ts refuses it too;
 * defence in depth). An app id always wins over the switch: setting both still authenticates.
 */
import { type CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Config } from '../../src/config.js';

type BotFrameworkAuthentication = NonNullable<ConstructorParameters<typeof CloudAdapter>[0]>;

export class TeamsConfigError extends Error {
  override name = 'TeamsConfigError';
}

type AuthConfig = Pick<
  Config,
  | 'MicrosoftAppId'
  | 'MicrosoftAppPassword'
  | 'MicrosoftAppType'
  | 'MicrosoftAppTenantId'
  | 'TEAMS_AUTH_DISABLED'
  | 'NODE_ENV'
>;

/** Whether requests are accepted without authentication (local development only). */
export function authDisabled(config: AuthConfig): boolean {
  return config.MicrosoftAppId === undefined && config.TEAMS_AUTH_DISABLED;
}

export function createAuthentication(config: AuthConfig): BotFrameworkAuthentication {
  const appId = config.MicrosoftAppId;
  if (appId !== undefined) {
    if (config.MicrosoftAppType !== 'UserAssignedMSI' && config.MicrosoftAppPassword === undefined)
      throw new TeamsConfigError(
        `MicrosoftAppPassword is required for MicrosoftAppType=${config.MicrosoftAppType} (the bot's client secret).`,
      );
    if (config.MicrosoftAppType !== 'MultiTenant' && config.MicrosoftAppTenantId === undefined)
      throw new TeamsConfigError(
        `MicrosoftAppTenantId is required for MicrosoftAppType=${config.MicrosoftAppType}.`,
      );
    return new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: appId,
      MicrosoftAppPassword: config.MicrosoftAppPassword,
      MicrosoftAppType: config.MicrosoftAppType,
      MicrosoftAppTenantId: config.MicrosoftAppTenantId,
    });
  }
  if (!config.TEAMS_AUTH_DISABLED)
    throw new TeamsConfigError(
      'The Teams channel needs MicrosoftAppId and MicrosoftAppPassword (from the Azure Bot registration); ' +
        'for local development without authentication set TEAMS_AUTH_DISABLED=true instead.',
    );
  if (config.NODE_ENV === 'production')
    throw new TeamsConfigError(
      'TEAMS_AUTH_DISABLED is for local development and is refused when NODE_ENV=production.',
    );
  return new ConfigurationBotFrameworkAuthentication({});
}
