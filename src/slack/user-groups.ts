import type { Logger } from 'pino';
import type { Chat } from '../core/chat.js';
import type { Clock } from '../core/clock.js';
import type { RoleDefinition } from '../core/permissions.js';

/** Membership changes rarely; five minutes keeps `/bers` fast and a removed member out soon enough. */
const TTL_MS = 5 * 60_000;

/**
 * Which of the user groups named in `permissions.roles` a Slack user belongs to, so roles granted
 * to a group (`groups: [S0SRE]`) work in Slack. Members are fetched per group and cached; a group
 * that cannot be read counts as empty (fail closed) and is logged.
 */
export function userGroupResolver(
  chat: Chat,
  roles: Record<string, RoleDefinition>,
  clock: Clock,
  log: Logger,
): (userId: string) => Promise<string[]> {
  const groups = [...new Set(Object.values(roles).flatMap((role) => role.groups))];
  const cache = new Map<string, { at: number; members: Promise<Set<string>> }>();
  const membersOf = (group: string): Promise<Set<string>> => {
    const cached = cache.get(group);
    const now = clock.now().getTime();
    if (cached && now - cached.at < TTL_MS) return cached.members;
    const members = chat.userGroupMembers(group).then(
      (users) => new Set(users),
      (error: unknown) => {
        log.warn({ err: error, group }, 'cannot read user group members; its roles do not apply');
        cache.delete(group);
        return new Set<string>();
      },
    );
    cache.set(group, { at: now, members });
    return members;
  };
  return async (userId) => {
    const found = await Promise.all(
      groups.map(async (g) => ((await membersOf(g)).has(userId) ? g : undefined)),
    );
    return found.filter((g): g is string => g !== undefined);
  };
}
