import type { Actor } from '../core/actor.js';
import type { Clock } from '../core/clock.js';
import type { Permissions, RoleDefinition } from '../core/permissions.js';
import type { ActionKind } from './action-request.js';

export interface PolicyTarget {
  kind: ActionKind;
  environment: string;
  /** Roles configured for this kind in this environment, if any. */
  roles?: readonly string[];
  production: boolean;
  /** The grant whose roles apply when `roles` is unset; default operate, or admin in production. */
  grant?: 'read' | 'operate' | 'admin';
}

/** Who may run an operation: configured roles, else a grant: `operate` (or `admin` in production). */
export class ActionPolicy {
  private readonly cache = new Map<string, { members: string[]; until: number }>();

  constructor(
    private readonly permissions: Permissions,
    private readonly rules: {
      roles: Record<string, RoleDefinition>;
      grants: Partial<Record<string, string[]>>;
    },
    private readonly groupMembers: (groupId: string) => Promise<string[]>,
    private readonly clock: Clock,
    private readonly cacheMs: number,
    /** Told about a group that could not be read; the group then counts as empty, uncached. */
    private readonly onLookupFailure: (group: string, error: unknown) => void = () => {},
  ) {}

  rolesFor(target: PolicyTarget): string[] {
    if (target.roles) return [...target.roles];
    const grant = target.grant ?? (target.production ? 'admin' : 'operate');
    return [...(this.rules.grants[grant] ?? [])];
  }

  async allowed(actor: Actor, target: PolicyTarget): Promise<boolean> {
    const roles = this.rolesFor(target);
    if (roles.includes('*')) return true;
    if (this.permissions.hasAnyRole(actor, roles)) return true;
    const withGroups = {
      ...actor,
      groups: [...(actor.groups ?? []), ...(await this.groupsOf(actor, roles))],
    };
    return this.permissions.hasAnyRole(withGroups, roles);
  }

  /** Slack user groups named by these roles that the actor belongs to (memberships cached briefly). */
  private async groupsOf(actor: Actor, roles: readonly string[]): Promise<string[]> {
    const groups = new Set(roles.flatMap((r) => this.rules.roles[r]?.groups ?? []));
    const mine: string[] = [];
    for (const group of groups) {
      if ((await this.members(group)).includes(actor.id)) mine.push(group);
    }
    return mine;
  }

  private async members(group: string): Promise<string[]> {
    const now = this.clock.now().getTime();
    const cached = this.cache.get(group);
    if (cached && cached.until > now) return cached.members;
    let members: string[];
    try {
      members = await this.groupMembers(group);
    } catch (error) {
      // Fail closed, as a refusal the user can read: `no_such_subteam` must not become an error.
      this.onLookupFailure(group, error);
      return [];
    }
    this.cache.set(group, { members, until: now + this.cacheMs });
    return members;
  }
}
