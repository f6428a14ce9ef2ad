/**
 * Agents named by a Slack user group: members of `SLACK_AGENT_USERGROUP` (read with `usergroups.users.list`,
 * cached for five minutes, one request at a time). When Slack cannot be asked, the last known list is used; with
 * none, nobody is an agent from the group (the safe side: agent mode refused) and the fault is reported.
 */
import type { AgentDirectory, PlatformUser } from '../../src/channels/speaker.js';

export const USERGROUP_CACHE_MS = 5 * 60_000;

export interface UsergroupDirectoryOptions {
  /** Reads the group's member user ids. */
  members(): Promise<string[]>;
  onError(error: unknown): void;
  ttlMs?: number;
  now?: () => number;
}

export function slackUsergroupDirectory(options: UsergroupDirectoryOptions): AgentDirectory {
  const ttl = options.ttlMs ?? USERGROUP_CACHE_MS;
  const now = options.now ?? Date.now;
  let cached: { members: Set<string>; at: number } | undefined;
  let loading: Promise<Set<string>> | undefined;

  const load = async (): Promise<Set<string>> => {
    try {
      const members = new Set(await options.members());
      cached = { members, at: now() };
      return members;
    } catch (error) {
      options.onError(error);
      return cached?.members ?? new Set();
    } finally {
      loading = undefined;
    }
  };

  return {
    async isAgent(user: PlatformUser) {
      if (user.platform !== 'slack') return false;
      const fresh = cached && now() - cached.at < ttl ? cached.members : undefined;
      if (fresh) return fresh.has(user.userId);
      loading ??= load();
      return (await loading).has(user.userId);
    },
  };
}
