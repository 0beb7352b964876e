import type { OperationArgConfig } from '../config/operation-args-schema.js';
import type { VerifyConfig } from '../config/verify-schema.js';
import type { ExecutionResult } from './executor.js';

/** Validated argument values by name, as text: what is stored with a request and given to executors. */
export type ArgValues = Record<string, string>;

export type OperationArg = OperationArgConfig;

/**
 * One thing the bot can do to a service in an environment: the built-in restart, rollback and
 * scale of its executor, or a named operation from the config. Every one goes through the same
 * request → confirm → run → verify machinery with the same guards.
 */
export interface Operation {
  name: string;
  summary: string;
  builtIn: boolean;
  /** Positional arguments, in the order typed. */
  args: readonly OperationArg[];
  /** Roles allowed; undefined → the roles of `grant` (default operate, or admin in production). */
  roles?: readonly string[];
  grant?: 'read' | 'operate' | 'admin';
  confirm: boolean;
  twoPerson: boolean;
  verify: VerifyConfig;
  /** When what to verify depends on the arguments (scaling to zero leaves nothing healthy to find). */
  verifyFor?(args: ArgValues): VerifyConfig;
  /** Set when the environment's executor cannot do this: why, for the user. */
  unavailable?: string;
  /** The exact action with these arguments, shown in the confirmation and audit. */
  describe(args: ArgValues): string;
  run(args: ArgValues, signal: AbortSignal): Promise<ExecutionResult>;
}

/** `restart`/`rollback`/`scale` are their own subcommands; everything else goes through `run`. */
export function commandOf(operation: string): string {
  return operation === 'restart' || operation === 'rollback' || operation === 'scale' ? operation : 'run';
}

/** How to type the request again: `/bers restart web`, `/bers run web cache-clear`. */
export function commandLine(operation: string, service: string): string {
  const command = commandOf(operation);
  return command === 'run' ? `/bers run ${service} ${operation}` : `/bers ${command} ${service}`;
}

/** What the operation does, as a verb phrase: `restart web`, `run cache-clear on web`. */
export function operationPhrase(operation: string, service: string): string {
  return commandOf(operation) === 'run' ? `run ${operation} on ${service}` : `${operation} ${service}`;
}

/** How one named operation runs, given its validated arguments (plus `service` and `environment`). */
export interface OperationRunner {
  describe(vars: ArgValues): string;
  run(vars: ArgValues, signal: AbortSignal): Promise<ExecutionResult>;
}
