import type { Actor } from './actor.js';
import { ForbiddenError } from './errors.js';

/** Coarse permissions a command needs; finer rules (per service, per environment) build on them. */
export type Permission = 'read' | 'incident' | 'alerts' | 'operate' | 'admin';

export interface RoleDefinition {
  users: string[];
  groups: string[];
}

export interface PermissionRules {
  roles: Record<string, RoleDefinition>;
  /** Which roles hold each permission; the role `*` means everyone. */
  grants: Partial<Record<Permission, string[]>>;
}

/** Answers "may this actor do that?" from the roles in config. */
export class Permissions {
  constructor(private readonly rules: PermissionRules) {}

  rolesOf(actor: Actor): string[] {
    const groups = new Set(actor.groups ?? []);
    return Object.entries(this.rules.roles)
      .filter(([, role]) => role.users.includes(actor.id) || role.groups.some((g) => groups.has(g)))
      .map(([name]) => name);
  }

  hasAnyRole(actor: Actor, roles: readonly string[]): boolean {
    if (roles.includes('*')) return true;
    const mine = new Set(this.rolesOf(actor));
    return roles.some((role) => mine.has(role));
  }

  can(actor: Actor, permission: Permission): boolean {
    return this.hasAnyRole(actor, this.rules.grants[permission] ?? []);
  }

  require(actor: Actor, permission: Permission, what: string): void {
    if (this.can(actor, permission)) return;
    const roles = (this.rules.grants[permission] ?? []).join(', ') || 'no role';
    throw new ForbiddenError(
      `You are not allowed to ${what}: it needs the \`${permission}\` permission (${roles}).`,
    );
  }
}
