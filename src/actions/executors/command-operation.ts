import type { ProgramsConfig } from '../../config/executor-schema.js';
import type { ExecutionResult } from '../executor.js';
import { tail } from '../executor.js';
import type { OperationRunner } from '../operation.js';
import { runArgv } from './command-executor.js';
import { fillPlaceholders } from './http-call.js';

/**
 * Fills `{name}` inside argv elements with validated values; an element naming an optional
 * argument that was left out is dropped. Each value stays inside its one element: no shell ever
 * sees it, so `; rm -rf /` is just an odd argument.
 */
export function fillArgv(argv: readonly string[], vars: Readonly<Record<string, string>>): string[] {
  return argv.flatMap((element) => {
    const names = [...element.matchAll(/\{([a-z][a-z0-9_]*)\}/g)].map((m) => m[1]!);
    if (names.some((n) => !Object.hasOwn(vars, n))) return [];
    return [fillPlaceholders(element, vars, (v) => v)];
  });
}

/** A named operation that runs one program, or several in order (stopping at the first failure). */
export function commandOperation(
  config: ProgramsConfig,
  baseEnv: Readonly<Record<string, string | undefined>> | undefined,
): OperationRunner {
  const steps = config.steps ?? [config.argv!];
  return {
    describe(vars) {
      const shown = steps.map((argv) => JSON.stringify(fillArgv(argv, vars))).join(' then ');
      return `command ${shown}${config.cwd ? ` in ${config.cwd}` : ''}`;
    },
    async run(vars, signal): Promise<ExecutionResult> {
      const outputs: string[] = [];
      let last: ExecutionResult = { ok: true, summary: 'nothing to run', outputTail: '' };
      for (const [i, argv] of steps.entries()) {
        last = await runArgv(fillArgv(argv, vars), config, baseEnv, signal);
        if (last.outputTail) outputs.push(last.outputTail.replace(/\n$/, ''));
        if (!last.ok) {
          const which = steps.length > 1 ? `step ${i + 1} of ${steps.length}: ` : '';
          return { ...last, summary: `${which}${last.summary}`, outputTail: tail(outputs.join('\n')) };
        }
      }
      const summary = steps.length > 1 ? `${steps.length} steps succeeded (${last.summary})` : last.summary;
      return { ok: true, summary, outputTail: tail(outputs.join('\n')) };
    },
  };
}
