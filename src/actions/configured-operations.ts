import type { OperationConfig } from '../config/operation-schema.js';
import { createOperationRunner, type OperationRunnerContext } from './executors/create-operation-runner.js';
import type { Operation } from './operation.js';

/** A service's named operations offered in `environment`, each with its runner. */
export function configuredOperations(
  operations: Readonly<Record<string, OperationConfig>>,
  target: { service: string; environment: string },
  context: OperationRunnerContext,
): Operation[] {
  return Object.entries(operations)
    .filter(([, op]) => !op.environments || op.environments.includes(target.environment))
    .map(([name, op]) => {
      const runner = createOperationRunner(op.executor, context);
      // `{service}` and `{environment}` are the target's; argument names may not shadow them.
      const vars = (args: Record<string, string>) => ({ ...args, ...target });
      return {
        name,
        summary: op.description ?? name,
        builtIn: false,
        args: op.args,
        roles: op.roles,
        grant: op.permission,
        confirm: op.confirm,
        twoPerson: op.twoPerson,
        verify: op.verify,
        describe: (args) => runner.describe(vars(args)),
        run: (args, signal) => runner.run(vars(args), signal),
      };
    });
}
