/** The configured agents: fixed platform user ids per platform. Slack user groups are added by the Slack adapter. */
import type { AgentDirectory, Platform, PlatformUser } from './speaker.js';

export function staticAgentDirectory(ids: Partial<Record<Platform, readonly string[]>>): AgentDirectory {
  const sets = new Map<Platform, Set<string>>(
    Object.entries(ids).map(([platform, list]) => [platform as Platform, new Set(list)]),
  );
  return {
    async isAgent(user: PlatformUser) {
      return sets.get(user.platform)?.has(user.userId) ?? false;
    },
  };
}

/** An agent in any of the directories. */
export function anyAgentDirectory(...directories: AgentDirectory[]): AgentDirectory {
  return {
    async isAgent(user) {
      for (const directory of directories) if (await directory.isAgent(user)) return true;
      return false;
    },
  };
}
