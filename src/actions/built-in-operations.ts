import type { EnvironmentActionsConfig } from '../config/actions-schema.js';
import type { Executor } from './executor.js';
import type { Operation } from './operation.js';

const HEALTH = { kind: 'health' } as const;

/**
 * The restart, rollback and scale an environment's executor offers, as operations. Each keeps the
 * environment's own rules: its `restart`/`rollback` roles, `twoPersonRollback`, `revisionFormat`.
 * They are listed even when the executor cannot do them, so permission is checked before the
 * "not configured" answer, as it always was.
 */
export function builtInOperations(settings: EnvironmentActionsConfig, executor: Executor): Operation[] {
  const restart: Operation = {
    name: 'restart',
    summary: 'restart in place',
    builtIn: true,
    args: [],
    roles: settings.restart,
    confirm: true,
    twoPerson: false,
    verify: HEALTH,
    unavailable: executor.supports('restart') ? undefined : 'no restart configured',
    describe: () => executor.describe('restart'),
    run: (_args, signal) => executor.restart(signal),
  };
  const rollback: Operation = {
    name: 'rollback',
    summary: 'roll back to the previous revision, or the one named',
    builtIn: true,
    args: [{ type: 'string', name: 'revision', optional: true, pattern: '.*', maxLength: 64 }],
    roles: settings.rollback,
    confirm: true,
    twoPerson: settings.twoPersonRollback,
    verify: HEALTH,
    unavailable: executor.supports('rollback') ? undefined : 'no rollback configured',
    describe: () => executor.describe('rollback'),
    run: (args, signal) => executor.rollback(args.revision, signal),
  };
  const operations = [restart, rollback];
  const scale = executor.scale?.bind(executor);
  if (scale) {
    operations.push({
      name: 'scale',
      summary: 'set the number of replicas',
      builtIn: true,
      args: [{ type: 'int', name: 'replicas', optional: false, min: 0, max: settings.maxReplicas }],
      roles: settings.scale,
      confirm: true,
      twoPerson: false,
      verify: HEALTH,
      verifyFor: (args) => (args.replicas === '0' ? { kind: 'none' } : HEALTH),
      describe: (args) => `${executor.describe('scale')} → ${args.replicas} replicas`,
      run: (args, signal) => scale(Number(args.replicas), signal),
    });
  }
  return operations;
}
