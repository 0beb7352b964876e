import type { OperationExecutorConfig } from '../../config/operation-schema.js';
import type { Executor } from '../executor.js';
import type { ArgValues, OperationRunner } from '../operation.js';
import { commandOperation } from './command-operation.js';

// Declared with the Executor port (the operations' own files implement it without a cycle back here).
export type { OperationRunner } from '../operation.js';

import { callHttpStep, describeHttp } from './http-call.js';

export interface OperationRunnerContext {
  /** The environment's own executor (restart/rollback/scale of its deployment or containers). */
  executor(): Executor;
  processEnv?: Readonly<Record<string, string | undefined>>;
}

/** The one place an operation's executor config becomes its runner; exhaustive over the kinds. */
export function createOperationRunner(
  config: OperationExecutorConfig,
  context: OperationRunnerContext,
): OperationRunner {
  switch (config.kind) {
    case 'command':
      return commandOperation(config, context.processEnv);
    case 'http':
      return {
        describe: (vars) => describeHttp(config, vars),
        run: (vars, signal) => callHttpStep(config, vars, signal),
      };
    case 'kubernetes':
    case 'docker':
      return environmentAction(config, context);
  }
}

/** restart / rollback / scale of the environment's own deployment or containers, with fixed or typed replicas. */
function environmentAction(
  config: Extract<OperationExecutorConfig, { kind: 'kubernetes' | 'docker' }>,
  context: OperationRunnerContext,
): OperationRunner {
  const replicas = (vars: ArgValues) =>
    typeof config.replicas === 'string' ? Number(vars[config.replicas.slice(1, -1)]) : (config.replicas ?? 0);
  return {
    describe(vars) {
      const executor = context.executor();
      if (config.action === 'scale') return `${executor.describe('scale')} → ${replicas(vars)} replicas`;
      return executor.describe(config.action);
    },
    async run(vars, signal) {
      const executor = context.executor();
      if (config.action === 'restart') return executor.restart(signal);
      if (config.action === 'rollback') return executor.rollback(undefined, signal);
      if (!executor.scale)
        return { ok: false, summary: `${executor.describe('scale')} cannot scale`, outputTail: '' };
      return executor.scale(replicas(vars), signal);
    },
  };
}
