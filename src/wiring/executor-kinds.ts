import type { Executor } from '../actions/executor.js';
import { CommandExecutor } from '../actions/executors/command-executor.js';
import { commandOperation } from '../actions/executors/command-operation.js';
import { HttpExecutor } from '../actions/executors/http-executor.js';
import type { ExecutorConfig } from '../config/actions-schema.js';
import { DockerExecutor } from '../integrations/docker/docker-executor.js';
import { LazyKubernetesExecutor } from '../integrations/kubernetes/lazy-kubernetes-executor.js';

export interface ExecutorContext {
  service: string;
  environment: string;
  /** The environment programs of the `command` executor start from. */
  processEnv?: Readonly<Record<string, string | undefined>>;
}

/**
 * The registry of executor kinds: the executor a service/environment's config names, exhaustive
 * over the schema's kinds. It lives with the wiring because the kinds are adapters (integrations/).
 */
export function createExecutor(config: ExecutorConfig, context: ExecutorContext): Executor {
  switch (config.kind) {
    case 'kubernetes':
      return new LazyKubernetesExecutor(config);
    case 'docker':
      return new DockerExecutor({
        ...config,
        rollback: config.rollback && commandOperation(config.rollback, context.processEnv),
      });
    case 'command':
      return new CommandExecutor({
        restart: config.restart,
        rollback: config.rollback,
        baseEnv: context.processEnv,
      });
    case 'http':
      return new HttpExecutor({ ...context, restart: config.restart, rollback: config.rollback });
  }
}
