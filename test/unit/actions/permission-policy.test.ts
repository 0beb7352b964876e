import { describe, expect, it } from 'vitest';
import { ActionPolicy } from '../../../src/actions/permission-policy.js';
import { ManualClock } from '../../../src/core/clock.js';
import { Permissions } from '../../../src/core/permissions.js';

const rules = {
  roles: {
    sre: { users: ['U_SRE'], groups: ['S_ONCALL'] },
    dev: { users: ['U_DEV'], groups: [] },
    lead: { users: ['U_LEAD'], groups: [] },
  },
  grants: { read: ['*'], operate: ['sre', 'dev'], admin: ['sre'] },
};

function policy(members: Record<string, string[]> = { S_ONCALL: ['U_GROUPIE'] }) {
  const lookups: string[] = [];
  const clock = new ManualClock();
  const p = new ActionPolicy(
    new Permissions(rules),
    rules,
    async (group) => {
      lookups.push(group);
      return members[group] ?? [];
    },
    clock,
    60_000,
  );
  return { p, lookups, clock };
}

const actor = (id: string) => ({ id, name: id.toLowerCase() });

describe('restart/rollback permission matrix', () => {
  // [actor, environment kind, configured roles, kind, allowed]
  const matrix: [string, 'staging' | 'production', string[] | undefined, 'restart' | 'rollback', boolean][] =
    [
      ['U_SRE', 'staging', undefined, 'restart', true],
      ['U_DEV', 'staging', undefined, 'restart', true],
      ['U_DEV', 'staging', undefined, 'rollback', true],
      ['U_NOBODY', 'staging', undefined, 'restart', false],
      ['U_SRE', 'production', undefined, 'restart', true],
      ['U_SRE', 'production', undefined, 'rollback', true],
      ['U_DEV', 'production', undefined, 'restart', false],
      ['U_DEV', 'production', undefined, 'rollback', false],
      ['U_GROUPIE', 'production', undefined, 'rollback', true],
      ['U_NOBODY', 'production', undefined, 'rollback', false],
      ['U_LEAD', 'production', ['lead'], 'rollback', true],
      ['U_SRE', 'production', ['lead'], 'rollback', false],
      ['U_NOBODY', 'staging', ['*'], 'restart', true],
    ];

  it.each(matrix)('%s in %s (roles %j) %s → %s', async (id, env, roles, kind, allowed) => {
    const { p } = policy();
    const target = { kind, environment: env, roles, production: env === 'production' };
    expect(await p.allowed(actor(id), target)).toBe(allowed);
  });

  it('production defaults to the admin grant, other environments to operate', () => {
    const { p } = policy();
    expect(p.rolesFor({ kind: 'restart', environment: 'production', production: true })).toEqual(['sre']);
    expect(p.rolesFor({ kind: 'restart', environment: 'staging', production: false })).toEqual([
      'sre',
      'dev',
    ]);
  });

  it('caches user-group membership briefly', async () => {
    const { p, lookups, clock } = policy();
    const target = { kind: 'rollback' as const, environment: 'production', production: true };
    await p.allowed(actor('U_GROUPIE'), target);
    await p.allowed(actor('U_NOBODY'), target);
    expect(lookups).toEqual(['S_ONCALL']);
    clock.advance(61_000);
    await p.allowed(actor('U_NOBODY'), target);
    expect(lookups).toEqual(['S_ONCALL', 'S_ONCALL']);
  });
});
