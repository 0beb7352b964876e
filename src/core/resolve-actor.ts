import type { Logger } from 'pino';
import type { Actor } from './actor.js';

/** The user groups (from `permissions.roles`) a user is in. */
export type GroupLookup = (userId: string) => Promise<string[]>;

/**
 * The actor with the user groups they belong to. A lookup that fails (Slack answers
 * `no_such_subteam`, a timeout) means no groups and a warning: permissions then fail closed, and
 * the user is told which permission they lack instead of getting an error.
 */
export async function resolveActor(
  actor: Actor,
  lookup: GroupLookup | undefined,
  log: Logger,
): Promise<Actor> {
  if (!lookup) return actor;
  try {
    const groups = await lookup(actor.id);
    return { ...actor, groups: [...new Set([...(actor.groups ?? []), ...groups])] };
  } catch (error) {
    log.warn({ err: error, user: actor.id }, 'cannot look up the user groups; none of their roles apply');
    return actor;
  }
}
